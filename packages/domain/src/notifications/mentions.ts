/**
 * `@handle` in a comment names the teammate whose email starts with `handle@` (`@tom` for
 * tom@acme.test). Not preceded by a character of an address, so an email address in the text
 * is no mention; a sentence's full stop after the handle is not part of it.
 */
const MENTION = /(?<![\p{L}\p{N}._%+-])@([\p{L}\p{N}._%+-]+)/gu;

/** The handles a comment mentions, lower-cased, each once, sorted. */
export const mentionedHandles = (body: string): string[] =>
  [
    ...new Set(
      [...body.matchAll(MENTION)]
        .map((match) => (match[1] ?? '').replace(/\.+$/, '').toLowerCase())
        .filter((handle) => handle.length > 0),
    ),
  ].sort();
