import { randomBytes, randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainRuleViolation, type PersonView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { hashToken } from '../../platform/auth';
import { changePerson } from '../person-changes';
import { InvitePersonCommand } from './invite-person.command';

/**
 * The person's row (name, email: personal data, never in events) and `PersonInvited`, in one
 * transaction: a refused invitation leaves no row. The invitation's secret is answered once; only its hash is kept.
 */
@CommandHandler(InvitePersonCommand)
export class InvitePersonHandler implements ICommandHandler<InvitePersonCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ input, actor, context }: InvitePersonCommand) {
    const personId = randomUUID();
    const token = randomBytes(32).toString('base64url');
    return this.db.transaction(async (manager): Promise<{ person: PersonView; token: string }> => {
      const [taken] = await manager.query<unknown[]>(
        `SELECT 1 FROM users WHERE workspace_id = $1 AND lower(email) = $2 AND role <> 'customer'`,
        [actor.workspaceId, input.email],
      );
      if (taken) {
        throw new DomainRuleViolation(
          `${input.email} is already in this workspace (or invited).`,
          'email',
        );
      }
      await manager.query(
        `INSERT INTO users (id, workspace_id, name, email, role, status, invitation_sha256)
         VALUES ($1, $2, $3, $4, $5, 'invited', $6)`,
        [personId, actor.workspaceId, input.name, input.email, input.role, hashToken(token)],
      );
      const now = new Date().toISOString();
      const { person } = await changePerson(manager, this.store, context, personId, () => ({
        type: 'InvitePerson',
        personId,
        role: input.role,
        now,
        actor,
      }));
      return { person, token };
    });
  }
}
