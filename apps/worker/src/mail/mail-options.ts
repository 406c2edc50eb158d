export const DEFAULT_MAIL_FROM = 'Chorus <no-reply@localhost>';

/** How the worker mails notifications: `SMTP_URL`, `MAIL_FROM` and `CHORUS_PUBLIC_URL`. */
export type MailOptions = {
  /** `smtp://user:password@host:587` (or `smtps://`). */
  smtpUrl: string;
  /** The sender, e.g. `Chorus <no-reply@example.com>`. */
  from: string;
  /** Where people reach Chorus, without a trailing slash: every link in a mail starts here. */
  publicUrl: string;
  /** The time mail falls due by; tests move it. */
  now?: () => Date;
  /** Look for due mail this often even when nothing wakes the dispatcher (retries fall due so). */
  pollMs?: number;
};
