import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { AggregateNotFound } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { hashToken } from '../../platform/auth';
import { meOf } from '../../me/me';
import { hashPassword } from '../passwords';
import { changePerson } from '../person-changes';
import { openSession } from '../sessions';
import { AcceptInvitationCommand } from './accept-invitation.command';

/** The invited person chooses a password, joins, and is signed in: one transaction. */
@CommandHandler(AcceptInvitationCommand)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitationCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ input }: AcceptInvitationCommand) {
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (manager) => {
      const [invited] = await manager.query<{ id: string; workspace_id: string }[]>(
        `SELECT id, workspace_id FROM users WHERE invitation_sha256 = $1 FOR UPDATE`,
        [hashToken(input.token)],
      );
      if (!invited) throw new AggregateNotFound('Invitation', 'in this link');
      const context = {
        workspaceId: invited.workspace_id,
        actorId: invited.id,
        correlationId: randomUUID(),
        causationId: null,
      };
      const now = new Date().toISOString();
      const { person } = await changePerson(manager, this.store, context, invited.id, () => ({
        type: 'AcceptInvitation',
        personId: invited.id,
        now,
      }));
      await manager.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [
        invited.id,
        passwordHash,
      ]);
      const secrets = await openSession(manager, {
        id: invited.id,
        workspaceId: invited.workspace_id,
      });
      const me = await meOf(manager, { ...person, workspaceId: invited.workspace_id });
      return { me, secrets };
    });
  }
}
