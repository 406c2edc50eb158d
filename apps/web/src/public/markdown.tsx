import type { ReactNode } from 'react';
import ReactMarkdown, { defaultUrlTransform } from 'react-markdown';

type LinkProps = { href: string | undefined; title?: string; children: ReactNode };

const ExternalLink = ({ href, title, children }: LinkProps) =>
  // The URL transform empties a javascript: or data: URL: such a link is only its text.
  href ? (
    <a href={href} title={title} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  ) : (
    <span>{children}</span>
  );

/**
 * Markdown as HTML, safe whoever wrote it (docs/security.md): raw HTML is dropped, URLs keep only
 * http(s), mailto and relative ones, links open in a new tab. Images show as links: the page's
 * Content-Security-Policy loads images from Chorus itself only, so others would be broken boxes.
 */
export const Markdown = ({ children }: { children: string }) => (
  <div className="markdown-body">
    <ReactMarkdown
      skipHtml
      urlTransform={defaultUrlTransform}
      components={{
        a: ({ href, title, children: text }) => (
          <ExternalLink href={href} title={title}>
            {text}
          </ExternalLink>
        ),
        img: ({ src, alt }) => (
          <ExternalLink href={typeof src === 'string' ? src : undefined}>
            {alt || 'Image'}
          </ExternalLink>
        ),
      }}
    >
      {children}
    </ReactMarkdown>
  </div>
);
