import { Client } from 'pg';
import type { Logger } from 'pino';
import { createTransport, type Transporter } from 'nodemailer';
import type { DataSource, EntityManager } from 'typeorm';
import type { NotificationCategory, PersonNotified } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { MAIL_CHANNEL } from '../projections/email-outbox/email-outbox.projection';
import { MailComposer, type DueDelivery } from './mail-composer';
import type { MailOptions } from './mail-options';
import type { WeeklyDigest } from './templates/weekly-digest-mail';
import { loadUnsubscribeTokens } from './unsubscribe-tokens';

/** A failed send is tried this many times in all, then left `failed`. */
export const MAX_ATTEMPTS = 8;
/** The wait after the first failure, doubling after each next one (1, 2, 4 … 64 minutes). */
export const FIRST_RETRY_MS = 60_000;

type DueRow = {
  id: string;
  workspace_id: string;
  person_id: string;
  category: NotificationCategory;
  attempts: number;
  created_at: Date;
  digest: WeeklyDigest | null;
  notification: PersonNotified['data'] | null;
};

type SmtpError = { code?: string; responseCode?: number };

/**
 * How long a claimed delivery stays its dispatcher's: longer than the SMTP timeouts below add up
 * to, so a live dispatcher always settles it first.
 */
const CLAIM_LEASE_MS = 5 * 60_000;

/**
 * Sends the mail `email_deliveries` says is due, one delivery at a time. A short transaction
 * claims one (`FOR UPDATE SKIP LOCKED`, then moves its `next_attempt_at` a lease ahead), so
 * another dispatcher, in this worker or another, leaves it alone; the mail is sent outside any
 * transaction, and the outcome written after. No transaction stays open during the SMTP
 * exchange: readers of the event log read below the oldest open transaction, so one would hold
 * back every projection for as long as the mail server takes. If the worker dies before the
 * server has accepted the mail, the lease runs out and the delivery is due again, its attempt
 * uncounted.
 *
 * One window remains, and no design without the mail server's help closes it: the server has
 * accepted the mail, and the worker dies (or loses the database) before the update that marks it
 * sent. The delivery is then due again when the lease ends and the mail goes out a second time —
 * with the same Message-ID, which mail clients use to show it once. The window is the time of one
 * update.
 */
export class MailDispatcher {
  private readonly store: PostgresEventStore;
  private readonly transport: Transporter;
  private readonly now: () => Date;
  private readonly pollMs: number;
  private composer: MailComposer | null = null;
  private listener: Client | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  constructor(
    private readonly db: DataSource,
    private readonly databaseUrl: string,
    private readonly options: MailOptions,
    private readonly logger: Logger,
  ) {
    this.store = new PostgresEventStore(db);
    this.now = options.now ?? (() => new Date());
    this.pollMs = options.pollMs ?? 5_000;
    this.transport = createTransport({
      url: options.smtpUrl,
      // A mail server that stops answering must not keep a delivery for long (CLAIM_LEASE_MS).
      connectionTimeout: 30_000,
      greetingTimeout: 30_000,
      socketTimeout: 60_000,
      // Mails here are built from text alone: no file or URL may be pulled into one.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async start(): Promise<void> {
    const tokens = await loadUnsubscribeTokens(this.db.manager);
    this.composer = new MailComposer(this.db, this.store, tokens, this.options.publicUrl);
    this.listener = new Client({
      connectionString: this.databaseUrl,
      application_name: 'chorus-mail-listener',
    });
    this.listener.on('notification', () => this.wake());
    this.listener.on('error', (error) =>
      this.logger.error({ err: error }, 'mail listener failed; polling'),
    );
    await this.listener.connect();
    await this.listener.query(`LISTEN ${MAIL_CHANNEL}`);
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the mail being sent, then stops. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.listener?.end();
    this.listener = null;
    this.transport.close();
  }

  /** Looks for due mail now rather than at the next poll. */
  wake(): void {
    this.generation += 1;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  private sleep(ms: number, seenGeneration: number): Promise<void> {
    return new Promise((resolve) => {
      if (seenGeneration !== this.generation) {
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const seen = this.generation;
      try {
        const delivered = await this.deliverNext();
        failures = 0;
        if (!delivered) await this.sleep(this.pollMs, seen);
      } catch (error) {
        failures += 1;
        this.logger.error({ err: error }, 'mail dispatch failed; retrying');
        await this.sleep(Math.min(30_000, 100 * 2 ** failures), seen);
      }
    }
  }

  /** Claims one due delivery and settles it; false when none is due. */
  async deliverNext(): Promise<boolean> {
    const now = this.now();
    const row = await this.claim(now);
    if (!row) return false;
    await this.settle(this.db.manager, row, now);
    return true;
  }

  private claim(now: Date): Promise<DueRow | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<DueRow[]>(
        `SELECT d.id, d.workspace_id, d.person_id, d.category, d.attempts, d.created_at,
           d.digest, o.notification
         FROM email_deliveries d LEFT JOIN email_outbox o ON o.id::text = d.id
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1
         ORDER BY d.next_attempt_at, d.id
         LIMIT 1
         FOR UPDATE OF d SKIP LOCKED`,
        [now],
      );
      if (!row) return undefined;
      await tx.query(`UPDATE email_deliveries SET next_attempt_at = $2 WHERE id = $1`, [
        row.id,
        new Date(now.getTime() + CLAIM_LEASE_MS),
      ]);
      return row;
    });
  }

  private async settle(tx: EntityManager, row: DueRow, now: Date): Promise<void> {
    const attempt = row.attempts + 1;
    let messageId: string;
    try {
      const composed = await this.composer!.compose(dueDeliveryOf(row), now);
      if ('skipped' in composed) {
        await this.finish(tx, row.id, 'skipped', now, {
          outcome: composed.skipped,
          attempts: row.attempts,
        });
        this.logger.info({ delivery: row.id, reason: composed.skipped }, 'mail skipped');
        return;
      }
      const { mail } = composed;
      const info = (await this.transport.sendMail({
        from: this.options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: mail.headers,
      })) as { messageId: string };
      messageId = info.messageId;
    } catch (error) {
      await this.retryLater(tx, row.id, attempt, now, error as SmtpError);
      return;
    }
    await this.finish(tx, row.id, 'sent', now, { messageId, attempts: attempt });
    this.logger.info({ delivery: row.id, category: row.category }, 'mail sent');
  }

  private async retryLater(
    tx: EntityManager,
    id: string,
    attempt: number,
    now: Date,
    { code, responseCode }: SmtpError,
  ): Promise<void> {
    // The code alone: an SMTP error's text may quote the recipient's address.
    const outcome = `${code ?? 'error'} ${responseCode ?? ''}`.trim();
    if (attempt >= MAX_ATTEMPTS) {
      await this.finish(tx, id, 'failed', now, { outcome, attempts: attempt });
      this.logger.error({ delivery: id, outcome, attempt }, 'mail failed for good');
      return;
    }
    const retryAt = new Date(now.getTime() + FIRST_RETRY_MS * 2 ** (attempt - 1));
    await tx.query(
      `UPDATE email_deliveries SET attempts = $2, next_attempt_at = $3, outcome = $4
       WHERE id = $1`,
      [id, attempt, retryAt, outcome],
    );
    this.logger.warn({ delivery: id, outcome, attempt, retryAt }, 'mail not sent; retrying');
  }

  private finish(
    tx: EntityManager,
    id: string,
    status: 'sent' | 'skipped' | 'failed',
    now: Date,
    details: { attempts: number; outcome?: string; messageId?: string },
  ): Promise<unknown> {
    return tx.query(
      `UPDATE email_deliveries SET status = $2, attempts = $3, outcome = $4, message_id = $5,
         finished_at = $6
       WHERE id = $1`,
      [id, status, details.attempts, details.outcome ?? null, details.messageId ?? null, now],
    );
  }
}

const dueDeliveryOf = (row: DueRow): DueDelivery => {
  const common = {
    id: row.id,
    workspaceId: row.workspace_id,
    personId: row.person_id,
    category: row.category,
    attempts: row.attempts,
    createdAt: row.created_at,
  };
  if (row.digest) return { ...common, notification: null, digest: row.digest };
  if (row.notification) return { ...common, notification: row.notification, digest: null };
  throw new Error(`Delivery ${row.id} has neither a notification nor a digest.`);
};
