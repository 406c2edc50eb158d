import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { customerDecider, customerStreamId, personalData } from '@chorus/domain';
import { PostgresEventStore, destroyPersonalDataKey } from '@chorus/event-store';
import { TokenAuthenticator } from '../../platform/auth';
import { decideAndAppend } from '../../platform/run-decider';
import { customerIdOf } from '../customer-ids';
import { EraseCustomerCommand } from './erase-customer.command';

/**
 * GDPR erasure on an immutable log: `CustomerErased`, and the customer's key destroyed in the
 * same transaction, so everything sealed with it — their name, email and external id in every
 * event, here and in Kafka — reads as erased from now on; projections scrub their copies when
 * `CustomerErased` reaches them. Their account, if they had one, loses its name, email and every
 * way in. Their votes, feedback and comments stay, and keep counting.
 */
@CommandHandler(EraseCustomerCommand)
export class EraseCustomerHandler implements ICommandHandler<EraseCustomerCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(TokenAuthenticator) private readonly authenticator: TokenAuthenticator,
  ) {}

  async execute({ externalId, actor, context }: EraseCustomerCommand) {
    const customerId = customerIdOf(actor.workspaceId, externalId);
    const erased = personalData.CustomerCreated!.erased({ customerId });
    await this.db.transaction(async (manager) => {
      await decideAndAppend(
        this.store,
        customerDecider,
        customerStreamId(customerId),
        { type: 'EraseCustomer', customerId, actor },
        context,
        { manager },
      );
      await destroyPersonalDataKey(manager, actor.workspaceId, customerId);
      await manager.query(
        `UPDATE users SET name = $3, email = $4, status = 'erased', token_sha256 = NULL,
           password_hash = NULL, sso_subject = NULL, invitation_sha256 = NULL
         WHERE id = $1 AND workspace_id = $2`,
        [customerId, actor.workspaceId, erased.name, `${String(erased.externalId)}@erased.invalid`],
      );
      await manager.query(`DELETE FROM sessions WHERE person_id = $1`, [customerId]);
    });
    this.authenticator.forget(customerId);
    return { customerId, erased: true as const };
  }
}
