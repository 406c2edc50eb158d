import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainRuleViolation } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { TokenAuthenticator, hashToken } from '../../platform/auth';
import { hashPassword, passwordMatches } from '../passwords';
import { changePerson } from '../person-changes';
import { ChangePasswordCommand } from './change-password.command';

@CommandHandler(ChangePasswordCommand)
export class ChangePasswordHandler implements ICommandHandler<ChangePasswordCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(TokenAuthenticator) private readonly authenticator: TokenAuthenticator,
  ) {}

  async execute({ input, actor, context, sessionToken }: ChangePasswordCommand): Promise<void> {
    if (actor.apiKey) {
      throw new DomainRuleViolation('An API key has no password to change.');
    }
    const [row] = await this.db.query<{ password_hash: string | null }[]>(
      `SELECT password_hash FROM users WHERE id = $1`,
      [actor.id],
    );
    // Someone with a password proves it again: a session left open must not be enough.
    if (
      row?.password_hash &&
      !(await passwordMatches(row.password_hash, input.currentPassword ?? ''))
    ) {
      throw new DomainRuleViolation('The current password is not right.', 'currentPassword');
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.db.transaction(async (manager) => {
      await changePerson(manager, this.store, context, actor.id, () => ({
        type: 'ChangePassword',
        personId: actor.id,
        via: 'self',
      }));
      await manager.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
        actor.id,
        passwordHash,
      ]);
      await manager.query(
        `UPDATE sessions SET revoked_at = now()
         WHERE person_id = $1 AND revoked_at IS NULL AND token_sha256 IS DISTINCT FROM $2`,
        [actor.id, sessionToken === undefined ? null : hashToken(sessionToken)],
      );
    });
    this.authenticator.forget(actor.id);
  }
}
