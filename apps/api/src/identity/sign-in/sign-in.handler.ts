import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { DataSource } from 'typeorm';
import { DomainRuleViolation, type ActorRole, type Me } from '@chorus/domain';
import { unauthorized } from '../../platform/auth';
import { ProblemException } from '../../platform/problem-details';
import { meOf } from '../../me/me';
import { passwordMatches } from '../passwords';
import { openSession, type SessionSecrets } from '../sessions';
import { SignInCommand } from './sign-in.command';

type Account = {
  id: string;
  workspace_id: string;
  name: string;
  email: string;
  role: ActorRole;
  status: 'invited' | 'active' | 'deactivated' | 'erased';
  password_hash: string | null;
};

/** Guesses allowed per account before it must wait: the per-address limit is far wider. */
const ATTEMPTS = 10;
const WINDOW_SECONDS = 15 * 60;

@CommandHandler(SignInCommand)
export class SignInHandler implements ICommandHandler<SignInCommand> {
  private readonly attempts = new RateLimiterMemory({
    keyPrefix: 'sign-in',
    points: ATTEMPTS,
    duration: WINDOW_SECONDS,
  });

  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ input }: SignInCommand): Promise<{ me: Me; secrets: SessionSecrets }> {
    const accounts = await this.db.query<Account[]>(
      `SELECT u.id, u.workspace_id, u.name, u.email, u.role, u.status, u.password_hash
       FROM users u JOIN workspaces w ON w.workspace_id = u.workspace_id
       WHERE lower(u.email) = $1 AND ($2::text IS NULL OR w.slug = $2) AND u.role <> 'customer'`,
      [input.email, input.workspace ?? null],
    );
    if (accounts.length > 1) {
      throw new DomainRuleViolation(
        'This email has an account in several workspaces: say which one.',
        'workspace',
      );
    }
    const key = `${input.workspace ?? ''}|${input.email}`;
    await this.spendAttempt(key);
    const account = accounts[0];
    if (!(await passwordMatches(account?.password_hash ?? null, input.password)) || !account) {
      throw unauthorized('The email or the password is not right.');
    }
    if (account.status !== 'active') {
      throw unauthorized(
        'This account is deactivated; an admin of the workspace can reactivate it.',
      );
    }
    await this.attempts.delete(key);
    const person = { id: account.id, workspaceId: account.workspace_id };
    return this.db.transaction(async (manager) => ({
      secrets: await openSession(manager, person),
      me: await meOf(manager, { ...account, workspaceId: account.workspace_id }),
    }));
  }

  private async spendAttempt(key: string): Promise<void> {
    try {
      await this.attempts.consume(key);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      const minutes = Math.ceil(refusal.msBeforeNext / 60_000);
      throw new ProblemException(
        429,
        'rate-limited',
        'Too many attempts',
        `Too many attempts to sign in to this account. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}, or reset the password.`,
      );
    }
  }
}
