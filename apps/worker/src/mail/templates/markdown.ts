import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';

type LinkProps = { href: string | undefined; title?: string; children?: ReactNode };

const link = ({ href, title, children }: LinkProps) =>
  // The URL transform empties a javascript: or data: URL: such a link is only its text.
  href ? createElement('a', { href, title }, children) : createElement('span', null, children);

/**
 * Markdown as HTML for a mail, with the web app's rules (apps/web/src/public/markdown.tsx,
 * docs/security.md) and the same renderer: raw HTML is dropped, URLs keep only http(s), mailto
 * and relative ones, and images are links — a remote image in a mail is a tracking pixel. A mail
 * has no address of its own, so relative links are made absolute against Chorus's.
 */
export const markdownToHtml = (markdown: string, publicUrl: string): string =>
  renderToStaticMarkup(
    createElement(ReactMarkdown, {
      skipHtml: true,
      urlTransform: (url) => {
        const safe = defaultUrlTransform(url);
        return safe.startsWith('/') && !safe.startsWith('//') ? `${publicUrl}${safe}` : safe;
      },
      components: {
        a: ({ href, title, children }) => link({ href, title, children }),
        img: ({ src, alt }) =>
          link({ href: typeof src === 'string' ? src : undefined, children: alt || 'Image' }),
      },
      children: markdown,
    }),
  );
