import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import {
  DomainRuleViolation,
  ONE_TIME_CODE_DIGITS,
  ONE_TIME_CODE_MINUTES,
  ONE_TIME_CODE_TRIES,
  escapeHtml,
} from '@chorus/domain';
import { hashToken } from '../platform/auth';
import type { OutgoingMail } from '../platform/mailer';
import { ProblemException } from '../platform/problem-details';

export type CodePurpose = 'password-reset' | 'customer-sign-in';

/** Which code: one per workspace, purpose and address at a time. */
export type CodeKey = { workspaceId: string; purpose: CodePurpose; email: string };

export const CodeEmail = z
  .string({ error: 'Give an email address.' })
  .trim()
  .toLowerCase()
  .pipe(
    z
      .email('Give an email address such as ada@example.com.')
      .max(200, 'An email address must be at most 200 characters.'),
  );

export const OneTimeCode = z
  .string({ error: 'Give the code from the mail.' })
  .trim()
  .regex(
    new RegExp(`^\\d{${ONE_TIME_CODE_DIGITS}}$`),
    `The code is the ${ONE_TIME_CODE_DIGITS} digits from the mail.`,
  );

export const WorkspaceSlug = z
  .string({ error: 'Say which workspace.' })
  .trim()
  .min(1, 'Say which workspace.')
  .max(100);

/** Mails per address and purpose in a window; more requests are answered alike but mail nothing. */
const MAILS = 5;
/** Confirmations per address and purpose in a window, right or wrong, across codes. */
const CONFIRMATIONS = 10;
const WINDOW_SECONDS = 15 * 60;

/**
 * One refusal for every code that does not work — wrong, expired, used, tried too often, or
 * never sent — so a confirmation says nothing about whether the address has an account.
 */
export const codeRefused = () =>
  new DomainRuleViolation(
    'This code is not right, or it is no longer valid. Check the latest mail, or ask for a new code.',
    'code',
  );

/** The six digits, spaced in the HTML for reading; the text part keeps them together to copy. */
export const codeMail = (mail: {
  to: string;
  subject: string;
  lead: string;
  code: string;
  after: string;
}): OutgoingMail => ({
  to: mail.to,
  subject: mail.subject,
  text: `${mail.lead}\n\n    ${mail.code}\n\n${mail.after}\n`,
  html: `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<p>${escapeHtml(mail.lead)}</p>
<p style="font-size: 28px; font-weight: bold; letter-spacing: 6px">${escapeHtml(mail.code)}</p>
<p>${escapeHtml(mail.after)}</p>
</body></html>`,
});

export const validityText = `It works for ${ONE_TIME_CODE_MINUTES} minutes, once.`;

/**
 * Codes mailed to prove someone reads an address: six digits from `crypto.randomInt`, kept as
 * SHA-256, valid fifteen minutes, dead after five wrong tries, replaced by the next request.
 * Both budgets live in this process's memory, like the sign-in limiter.
 */
@Injectable()
export class OneTimeCodes {
  private readonly logger = new Logger('OneTimeCodes');
  private readonly mails = new RateLimiterMemory({
    keyPrefix: 'code-mails',
    points: MAILS,
    duration: WINDOW_SECONDS,
  });
  private readonly confirmations = new RateLimiterMemory({
    keyPrefix: 'code-confirmations',
    points: CONFIRMATIONS,
    duration: WINDOW_SECONDS,
  });

  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  /**
   * Whether another mail may go to this address for this purpose now. Asked before anything is
   * looked up, so unknown addresses spend the budget alike; a refusal is logged without the address.
   */
  async mayMail(purpose: CodePurpose, email: string): Promise<boolean> {
    try {
      await this.mails.consume(`${purpose}|${email}`);
      return true;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      this.logger.warn(`Too many ${purpose} codes asked for one address: no mail sent.`);
      return false;
    }
  }

  /** A new code for the key, replacing any earlier one; only its hash is stored. */
  async issue(key: CodeKey): Promise<string> {
    const code = String(randomInt(10 ** ONE_TIME_CODE_DIGITS)).padStart(ONE_TIME_CODE_DIGITS, '0');
    await this.db.query(`DELETE FROM one_time_codes WHERE expires_at < now()`);
    await this.db.query(
      `INSERT INTO one_time_codes (id, workspace_id, purpose, email, code_sha256, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))
       ON CONFLICT (workspace_id, purpose, email) DO UPDATE
         SET id = EXCLUDED.id, code_sha256 = EXCLUDED.code_sha256, attempts = 0,
           created_at = now(), expires_at = EXCLUDED.expires_at, used_at = NULL`,
      [
        randomUUID(),
        key.workspaceId,
        key.purpose,
        key.email,
        hashToken(code),
        ONE_TIME_CODE_MINUTES,
      ],
    );
    return code;
  }

  /**
   * Spends one confirmation of the address's budget: 429 when it is spent. Asked before the code
   * is looked up, so guessing is bounded across codes as well as within one.
   */
  async spendConfirmation(purpose: CodePurpose, email: string): Promise<void> {
    try {
      await this.confirmations.consume(`${purpose}|${email}`);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const minutes = Math.ceil(refusal.msBeforeNext / 60_000);
      throw new ProblemException(
        429,
        'rate-limited',
        'Too many attempts',
        `Too many codes tried for this address. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
      );
    }
  }

  /** After a code worked: the address starts afresh. */
  async forgetConfirmations(purpose: CodePurpose, email: string): Promise<void> {
    await this.confirmations.delete(`${purpose}|${email}`);
  }

  /**
   * Uses the key's code up if `code` is it, else counts a wrong try (422 naming `code` either
   * way). Its own transaction: a wrong try must count even though the request fails, and two
   * requests with the right code cannot both use it.
   */
  async redeem(key: CodeKey, code: string): Promise<void> {
    const accepted = await this.db.transaction(async (manager) => {
      const [live] = await manager.query<{ id: string; code_sha256: Buffer }[]>(
        `SELECT id, code_sha256 FROM one_time_codes
         WHERE workspace_id = $1 AND purpose = $2 AND email = $3
           AND used_at IS NULL AND expires_at > now() AND attempts < $4
         FOR UPDATE`,
        [key.workspaceId, key.purpose, key.email, ONE_TIME_CODE_TRIES],
      );
      if (!live) return false;
      if (!timingSafeEqual(hashToken(code), live.code_sha256)) {
        await manager.query(`UPDATE one_time_codes SET attempts = attempts + 1 WHERE id = $1`, [
          live.id,
        ]);
        return false;
      }
      await manager.query(`UPDATE one_time_codes SET used_at = now() WHERE id = $1`, [live.id]);
      return true;
    });
    if (!accepted) throw codeRefused();
  }
}
