import { escapeHtml, type NotificationCategory } from '@chorus/domain';
import { markdownToHtml } from './markdown';

/** A mail's two parts, saying the same: every mail has a plain-text part and an HTML part. */
export type RenderedMail = { subject: string; text: string; html: string };

/** A piece of a sentence: text, or text that links somewhere. */
export type Inline = string | { text: string; href: string };

/** A block of a mail's body, written once as text and as HTML. */
export type Block = { text: string; html: string };

const inlineText = (parts: readonly Inline[]): string =>
  parts.map((part) => (typeof part === 'string' ? part : `${part.text} (${part.href})`)).join('');

const inlineHtml = (parts: readonly Inline[]): string =>
  parts
    .map((part) =>
      typeof part === 'string'
        ? escapeHtml(part)
        : `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>`,
    )
    .join('');

export const paragraph = (...parts: Inline[]): Block => ({
  text: inlineText(parts),
  html: `<p>${inlineHtml(parts)}</p>`,
});

export const heading = (text: string): Block => ({
  text: `${text}\n${'='.repeat(Math.min(text.length, 72))}`,
  html: `<h2 style="font-size: 18px; margin: 24px 0 8px">${escapeHtml(text)}</h2>`,
});

export const list = (items: readonly (readonly Inline[])[]): Block => ({
  text: items.map((item) => `- ${inlineText(item)}`).join('\n'),
  html: `<ul>${items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`,
});

/**
 * Markdown someone wrote (a changelog entry, a comment): as they wrote it in the text part —
 * markdown reads as text — and rendered safely in the HTML part.
 */
export const markdown = (body: string, publicUrl: string): Block => ({
  text: body.trim(),
  html: `<div style="border-left: 3px solid #d0d5dd; padding-left: 12px">${markdownToHtml(body, publicUrl)}</div>`,
});

/** What a category's unsubscribe link stops, in a sentence's words. */
const categoryWords: Record<NotificationCategory, string> = {
  shipped: 'what you asked for shipping',
  status_changes: 'status changes of feedback you follow',
  comments: 'comments on feedback you follow',
  merges: 'merges of feedback you follow',
  mentions: 'mentions of you',
  weekly_digest: 'the weekly digest',
};

/** Who the mail is for and why, and the way out of its category. */
export type MailFrame = {
  workspaceName: string;
  recipientName: string;
  category: NotificationCategory;
  /** The public page that shows what the link stops and stops it (`/unsubscribe?token=…`). */
  unsubscribeUrl: string;
  settingsUrl: string;
};

/** The body between a greeting and the footer with the category's unsubscribe link. */
export const renderMail = (
  subject: string,
  blocks: readonly Block[],
  frame: MailFrame,
): RenderedMail => {
  const greeting = paragraph(`Hello ${frame.recipientName},`);
  const footer = paragraph(
    `You receive this as a member of ${frame.workspaceName} on Chorus. `,
    {
      text: `Unsubscribe from emails about ${categoryWords[frame.category]}`,
      href: frame.unsubscribeUrl,
    },
    ' or ',
    { text: 'choose which emails you receive', href: frame.settingsUrl },
    '.',
  );
  const body = [greeting, ...blocks];
  return {
    subject,
    text: [...body.map((block) => block.text), '--', footer.text].join('\n\n') + '\n',
    html: `<!doctype html>
<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: -apple-system, 'Segoe UI', Roboto, sans-serif; font-size: 15px; line-height: 1.5; color: #1d2939; max-width: 600px; margin: 0 auto; padding: 16px">
${body.map((block) => block.html).join('\n')}
<hr style="border: none; border-top: 1px solid #eaecf0; margin: 32px 0 16px">
<div style="font-size: 13px; color: #667085">${footer.html}</div>
</body></html>
`,
  };
};
