import {
  Global,
  Injectable,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { ProblemException } from './problem-details';

/**
 * Where mail goes out (`SMTP_URL`, e.g. `smtp://user:pass@host:587`) and whom it is from; `now`
 * is the time the weekly digest falls due by (tests move it).
 */
export type MailConfig = { smtpUrl: string; from: string; now?: () => Date };

/** The same sender as the worker's notifications, unless `MAIL_FROM` says otherwise. */
export { DEFAULT_MAIL_FROM } from '@chorus/worker';

/** One mail: every mail has a plain-text part and an HTML part saying the same. */
export type OutgoingMail = { to: string; subject: string; text: string; html: string };

/**
 * Sends mail over SMTP with nodemailer. Without `SMTP_URL` the server has no way to mail, and
 * what needs it answers 503. Sending happens after the answer: a request for a code must take
 * as long whether or not a mail goes out, and must not wait on a slow mail server.
 */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger('Mailer');
  private readonly transport: Transporter | null;
  private readonly sending = new Set<Promise<void>>();

  constructor(config: MailConfig | undefined) {
    this.transport = config
      ? createTransport(config.smtpUrl, {
          from: config.from,
          // Mails here are built from text alone: no file or URL may be pulled into one.
          disableFileAccess: true,
          disableUrlAccess: true,
        })
      : null;
  }

  /** Answers 503 when this server cannot send mail. */
  requireMail(): void {
    if (this.transport) return;
    throw new ProblemException(
      503,
      'mail-not-configured',
      'Service unavailable',
      'Email is not set up on this server (SMTP_URL), so no code can be sent. Ask the administrator of this Chorus to configure it.',
    );
  }

  /**
   * Sends the mail in the background. A failure is logged with the SMTP error code only: the
   * recipient and the body (which holds a code) never reach a log.
   */
  sendLater(mail: OutgoingMail): void {
    this.requireMail();
    const sent = this.transport!.sendMail(mail).then(
      () => undefined,
      (error: { code?: string; responseCode?: number }) => {
        this.logger.warn(
          `A mail ("${mail.subject}") could not be sent: ${error.code ?? 'error'} ${error.responseCode ?? ''}`.trim(),
        );
      },
    );
    this.sending.add(sent);
    void sent.finally(() => this.sending.delete(sent));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.sending);
    this.transport?.close();
  }
}

/** Makes the mailer available everywhere, configured once from the app's settings. */
@Global()
@Module({})
export class MailerModule {
  static forRoot(config: MailConfig | undefined): DynamicModule {
    return {
      module: MailerModule,
      providers: [{ provide: Mailer, useFactory: () => new Mailer(config) }],
      exports: [Mailer],
    };
  }
}
