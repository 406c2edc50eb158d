import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { companyDecider, companyStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { companyIdOf } from '../customer-ids';
import { companyViewOf } from '../customers.views';
import { UpsertCompanyCommand } from './upsert-company.command';

@CommandHandler(UpsertCompanyCommand)
export class UpsertCompanyHandler implements ICommandHandler<UpsertCompanyCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ input, actor, context }: UpsertCompanyCommand) {
    const companyId = companyIdOf(actor.workspaceId, input.externalId);
    const { events, state } = await decideAndAppend(
      this.store,
      companyDecider,
      companyStreamId(companyId),
      {
        type: 'UpsertCompany',
        companyId,
        ...input,
        attributes: input.attributes,
        actor,
      },
      context,
    );
    if (!state.exists) throw new Error('Upserting a company left no company');
    // The only part of the answer the company's stream does not know.
    const [{ count }] = await this.db.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM customers WHERE company_id = $1`,
      [companyId],
    );
    return {
      created: events[0]?.type === 'CompanyCreated',
      item: companyViewOf(state, count),
    };
  }
}
