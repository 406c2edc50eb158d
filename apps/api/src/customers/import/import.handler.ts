import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainRuleViolation,
  companyDecider,
  companyStreamId,
  customerDecider,
  customerStreamId,
  fold,
  type Decider,
  type ImportReport,
  type ImportRowError,
} from '@chorus/domain';
import {
  ConcurrencyConflict,
  PostgresEventStore,
  type CommandContext,
  type StoredEvent,
} from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';
import { asDomainEvent } from '../../platform/run-decider';
import { unknownCompany } from '../upsert-customer/upsert-customer.handler';
import { companyIdOf, customerIdOf } from '../customer-ids';
import { parseImport, type CompanyRow, type CustomerRow, type ImportRow } from './csv-rows';
import { ImportCommand } from './import.command';

const RETRIES = 3;
const READ_CHUNK = 1_000;

/** A decision of one row: the stream, the command and which CSV column each command field is. */
type Decision = {
  row: number;
  streamId: string;
  command: unknown;
  fields: Record<string, string>;
  /** Other streams the decision needs to see. */
  reads: string[];
  /** A rule checked before deciding (the customer's company must exist). */
  precondition?: (streams: Map<string, StoredEvent[]>) => void;
};

type Outcome = Pick<ImportReport, 'created' | 'updated' | 'unchanged'> & {
  errors: ImportRowError[];
  appended: boolean;
};

/**
 * A CSV import. Every row is validated first (schema, duplicates) and then decided on its own
 * stream, like a single upsert; rows that break a rule are reported and change nothing. All the
 * valid rows are appended in one transaction, so an import is never half-applied. A dry run
 * decides the same way and appends nothing.
 */
@CommandHandler(ImportCommand)
export class ImportHandler implements ICommandHandler<ImportCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ kind, csv, dryRun, actor, context }: ImportCommand): Promise<ImportReport> {
    const parsed = kind === 'companies' ? parseImport(kind, csv) : parseImport(kind, csv);
    const decisions =
      kind === 'companies'
        ? (parsed.valid as ImportRow<CompanyRow>[]).map((r) => companyDecision(r, actor))
        : (parsed.valid as ImportRow<CustomerRow>[]).map((r) => customerDecision(r, actor));
    const decider = (kind === 'companies' ? companyDecider : customerDecider) as Decider<
      unknown,
      { type: string; data: unknown },
      { exists: boolean }
    >;
    for (let attempt = 0; ; attempt++) {
      try {
        const outcome = await this.db.transaction((tx) =>
          this.decideAll(tx, decider, decisions, dryRun, actor, context),
        );
        if (outcome.appended) this.store.notifyAppended();
        const errors = [...parsed.errors, ...outcome.errors].sort((a, b) => a.row - b.row);
        return {
          kind,
          rows: parsed.rows,
          created: outcome.created,
          updated: outcome.updated,
          unchanged: outcome.unchanged,
          errors,
        };
      } catch (error) {
        // Someone upserted one of these streams meanwhile: decide the whole file again.
        if (!(error instanceof ConcurrencyConflict) || attempt >= RETRIES) throw error;
      }
    }
  }

  private async decideAll(
    tx: EntityManager,
    decider: Decider<unknown, { type: string; data: unknown }, { exists: boolean }>,
    decisions: readonly Decision[],
    dryRun: boolean,
    actor: AuthenticatedActor,
    context: CommandContext,
  ): Promise<Outcome> {
    const streams = await this.readAll(tx, decisions, actor.workspaceId);
    const outcome: Outcome = { created: 0, updated: 0, unchanged: 0, errors: [], appended: false };
    for (const decision of decisions) {
      const stored = streams.get(decision.streamId) ?? [];
      let events: { type: string; data: unknown }[];
      try {
        decision.precondition?.(streams);
        const state = fold(
          decider,
          stored.map((e) => asDomainEvent(e)),
        );
        events = decider.decide(decision.command, state);
      } catch (error) {
        if (!(error instanceof DomainRuleViolation)) throw error;
        const field = error.field ? (decision.fields[error.field] ?? error.field) : null;
        outcome.errors.push({ row: decision.row, field, message: error.message });
        continue;
      }
      if (events.length === 0) outcome.unchanged++;
      else if (events[0]!.type.endsWith('Created')) outcome.created++;
      else outcome.updated++;
      if (!dryRun && events.length > 0) {
        await this.store.append(decision.streamId, stored.length, events, context, tx);
        outcome.appended = true;
      }
    }
    return outcome;
  }

  /** Every stream the decisions read, in a few round trips rather than one per row. */
  private async readAll(tx: EntityManager, decisions: readonly Decision[], workspaceId: string) {
    const ids = [...new Set(decisions.flatMap((d) => [d.streamId, ...d.reads]))];
    const streams = new Map<string, StoredEvent[]>();
    for (let i = 0; i < ids.length; i += READ_CHUNK) {
      const chunk = await this.store.readStreams(ids.slice(i, i + READ_CHUNK), {
        workspaceId,
        manager: tx,
      });
      for (const [id, events] of chunk) streams.set(id, events);
    }
    return streams;
  }
}

const companyDecision = ({ row, input }: ImportRow<CompanyRow>, actor: AuthenticatedActor) => {
  const companyId = companyIdOf(actor.workspaceId, input.externalId);
  return {
    row,
    streamId: companyStreamId(companyId),
    command: {
      type: 'UpsertCompany',
      companyId,
      ...input,
      attributes: input.attributes,
      actor,
    },
    fields: { mrrCents: 'mrr', attributes: 'attr' },
    reads: [],
  } satisfies Decision;
};

const customerDecision = (
  { row, input }: ImportRow<CustomerRow>,
  actor: AuthenticatedActor,
): Decision => {
  const { companyExternalId, ...fields } = input;
  const customerId = customerIdOf(actor.workspaceId, input.externalId);
  const companyId =
    companyExternalId === undefined || companyExternalId === null
      ? companyExternalId
      : companyIdOf(actor.workspaceId, companyExternalId);
  const companyStream = companyId ? companyStreamId(companyId) : undefined;
  return {
    row,
    streamId: customerStreamId(customerId),
    command: {
      type: 'UpsertCustomer',
      customerId,
      ...fields,
      companyId,
      actor,
    },
    fields: { companyId: 'companyExternalId' },
    reads: companyStream ? [companyStream] : [],
    precondition: (streams) => {
      if (companyStream && (streams.get(companyStream) ?? []).length === 0) {
        throw unknownCompany(companyExternalId!);
      }
    },
  };
};
