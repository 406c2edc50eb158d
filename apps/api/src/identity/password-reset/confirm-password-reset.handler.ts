import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainRuleViolation, type Me } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { TokenAuthenticator } from '../../platform/auth';
import { Mailer } from '../../platform/mailer';
import { meOf } from '../../me/me';
import { OneTimeCodes, codeRefused } from '../one-time-codes';
import { hashPassword } from '../passwords';
import { changePerson } from '../person-changes';
import { openSession, type SessionSecrets } from '../sessions';
import { ConfirmPasswordResetCommand } from './confirm-password-reset.command';

/**
 * The code proves the person reads their mail: the new password replaces the old one, every
 * session they had ends (whoever else was signed in is out), and they are signed in afresh.
 */
@CommandHandler(ConfirmPasswordResetCommand)
export class ConfirmPasswordResetHandler implements ICommandHandler<ConfirmPasswordResetCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(TokenAuthenticator) private readonly authenticator: TokenAuthenticator,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(OneTimeCodes) private readonly codes: OneTimeCodes,
  ) {}

  async execute({
    input,
  }: ConfirmPasswordResetCommand): Promise<{ me: Me; secrets: SessionSecrets }> {
    this.mailer.requireMail();
    await this.codes.spendConfirmation('password-reset', input.email);
    const accounts = await this.db.query<{ id: string; workspace_id: string }[]>(
      `SELECT u.id, u.workspace_id
       FROM users u JOIN workspaces w ON w.workspace_id = u.workspace_id
       WHERE lower(u.email) = $1 AND ($2::text IS NULL OR w.slug = $2)
         AND u.role <> 'customer' AND u.status = 'active'`,
      [input.email, input.workspace ?? null],
    );
    if (accounts.length > 1) {
      throw new DomainRuleViolation(
        'This email has an account in several workspaces: say which one.',
        'workspace',
      );
    }
    const account = accounts[0];
    if (!account) throw codeRefused();
    const { id: personId, workspace_id: workspaceId } = account;
    await this.codes.redeem(
      { workspaceId, purpose: 'password-reset', email: input.email },
      input.code,
    );
    await this.codes.forgetConfirmations('password-reset', input.email);
    const passwordHash = await hashPassword(input.newPassword);
    const context = {
      workspaceId,
      actorId: personId,
      correlationId: randomUUID(),
      causationId: null,
    };
    const signedIn = await this.db.transaction(async (manager) => {
      const { person } = await changePerson(manager, this.store, context, personId, () => ({
        type: 'ChangePassword',
        personId,
        via: 'reset',
      }));
      await manager.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
        personId,
        passwordHash,
      ]);
      await manager.query(
        `UPDATE sessions SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL`,
        [personId],
      );
      const secrets = await openSession(manager, { id: personId, workspaceId });
      return { secrets, me: await meOf(manager, { ...person, workspaceId }) };
    });
    this.authenticator.forget(personId);
    return signedIn;
  }
}
