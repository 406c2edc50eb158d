import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DomainRuleViolation,
  companyStreamId,
  customerDecider,
  customerStreamId,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { companyIdOf, customerIdOf } from '../customer-ids';
import { customerViewOf } from '../customers.views';
import { UpsertCustomerCommand } from './upsert-customer.command';

export const unknownCompany = (externalId: string) =>
  new DomainRuleViolation(
    `There is no company with external id "${externalId}". Create the company first.`,
    'companyExternalId',
  );

@CommandHandler(UpsertCustomerCommand)
export class UpsertCustomerHandler implements ICommandHandler<UpsertCustomerCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ input, actor, context }: UpsertCustomerCommand) {
    const { companyExternalId, ...fields } = input;
    let companyId: string | null | undefined = companyExternalId === null ? null : undefined;
    if (companyExternalId !== undefined && companyExternalId !== null) {
      // The company's stream, not the read model: it exists the moment its upsert answered.
      companyId = companyIdOf(actor.workspaceId, companyExternalId);
      const company = await this.store.readStream(companyStreamId(companyId), {
        workspaceId: actor.workspaceId,
      });
      if (company.length === 0) throw unknownCompany(companyExternalId);
    }
    const customerId = customerIdOf(actor.workspaceId, input.externalId);
    const { events, state } = await decideAndAppend(
      this.store,
      customerDecider,
      customerStreamId(customerId),
      { type: 'UpsertCustomer', customerId, ...fields, companyId, actor },
      context,
    );
    if (!state.exists) throw new Error('Upserting a customer left no customer');
    return { created: events[0]?.type === 'CustomerCreated', item: customerViewOf(state) };
  }
}
