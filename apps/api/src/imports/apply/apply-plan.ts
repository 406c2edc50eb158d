import type { DataSource } from 'typeorm';
import {
  ActionForbidden,
  AggregateNotFound,
  ballotDecider,
  ballotStreamId,
  catalogDecider,
  catalogStreamId,
  commentStreamId,
  companyDecider,
  companyStreamId,
  customerDecider,
  customerStreamId,
  decideMerge,
  decidePostComment,
  DomainRuleViolation,
  evolveComment,
  evolveFeedback,
  feedbackDecider,
  feedbackStreamId,
  fold,
  initialComment,
  initialFeedback,
  importItemKinds,
  INITIAL_STATUS_ID,
  releaseDecider,
  releaseStreamId,
  type Actor,
  type Catalog,
  type CatalogCommand,
  type CatalogEvent,
  type CommentEvent,
  type CompanyEvent,
  type CustomerEvent,
  type FeedbackEvent,
  type ImportCounts,
  type ImportItemKind,
  type ImportJobError,
  type ReleaseEvent,
  type VoteEvent,
} from '@chorus/domain';
import { ConcurrencyConflict, type PostgresEventStore } from '@chorus/event-store';
import { companyIdOf, customerIdOf } from '../../customers/customer-ids';
import { importedIdOf } from '../import-ids';
import {
  slugOf,
  type FeedbackRef,
  type ImportPlan,
  type PlannedChangelogEntry,
  type PlannedComment,
  type PlannedCompany,
  type PlannedCustomer,
  type PlannedFeedback,
  type PlannedMerge,
  type PlannedVote,
  type SourceAt,
} from '../import-plan';
import { Chunk, type DomainEvent } from './chunk';
import { statusPath } from './status-path';

/** How far an import has come: records applied so far, what each did, the problems met. */
export type ImportProgress = {
  processed: number;
  byKind: Record<ImportItemKind, ImportCounts>;
  /** The problems met in the chunk just applied. */
  errors: ImportJobError[];
};

export type ApplyOptions = {
  workspaceId: string;
  /** The teammate importing: every event records them as its actor. */
  actor: Actor;
  /** Shared by every event of the import: the job's id. */
  correlationId: string;
  dryRun: boolean;
  /** Records per transaction; progress is reported after each. */
  chunkSize: number;
  onProgress: (progress: ImportProgress) => Promise<void>;
  /** Asked between chunks: true stops the import there (the server is shutting down). */
  shouldStop: () => boolean;
};

/** The import stopped between two chunks; what was applied stays. */
export class ImportInterrupted extends Error {
  constructor() {
    super('The server stopped during the import.');
    this.name = 'ImportInterrupted';
  }
}

type Outcome = 'created' | 'updated' | 'skipped' | 'failed';

const RETRIES = 3;
const DEFAULT_TAG_COLOUR = '#64748b';
const DEFAULT_STATUS_COLOUR = '#0891b2';
/** Postgres' deadlock and serialization failures: the chunk is decided again, like a conflict. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);

const isRetryable = (error: unknown): boolean => {
  if (error instanceof ConcurrencyConflict) return true;
  const code =
    (error as { code?: string }).code ??
    (error as { driverError?: { code?: string } }).driverError?.code;
  return code !== undefined && RETRYABLE_CODES.has(code);
};

const isRuleError = (
  error: unknown,
): error is DomainRuleViolation | ActionForbidden | AggregateNotFound =>
  error instanceof DomainRuleViolation ||
  error instanceof ActionForbidden ||
  error instanceof AggregateNotFound;

/** A rule the import itself checks, worded like the domain's. */
const refuse = (message: string, field?: string) => new DomainRuleViolation(message, field);

const noCounts = (): Record<ImportItemKind, ImportCounts> =>
  Object.fromEntries(
    importItemKinds.map((k) => [k, { created: 0, updated: 0, skipped: 0 }]),
  ) as Record<ImportItemKind, ImportCounts>;

/** A unit of feedback work: the item (if this import brings it), its votes and its comments. */
type FeedbackUnit = {
  feedbackId: string;
  feedback: PlannedFeedback | null;
  /** What a vote names the feedback by, for its errors. */
  ref: FeedbackRef;
  votes: PlannedVote[];
  comments: PlannedComment[];
};

/** The results of a chunk, kept only once its transaction committed. */
type ChunkResult = {
  records: number;
  outcomes: { kind: ImportItemKind; outcome: Outcome }[];
  errors: ImportJobError[];
  afterCommit: (() => void)[];
};

/**
 * Applies a plan by deciding every record through the domain's deciders and appending what they
 * decide, a chunk of records per transaction. Every imported thing has an id derived from the
 * source, and a decider decides nothing for what is already there, so applying a plan twice
 * appends nothing the second time. A record that breaks a rule is reported and left out.
 */
export class PlanApplier {
  private catalog: Catalog = catalogDecider.initialState();
  private readonly boardIds = new Map<string, string>();
  private readonly tagIds = new Map<string, string>();
  private readonly statusIds = new Map<string, string>();
  /** External ids of the customers that exist (or, in a dry run, would). */
  private readonly customers = new Set<string>();
  /** What a dry run decided, by stream: never appended, read by the next chunks. */
  private readonly pending = new Map<string, DomainEvent[]>();
  private readonly counts = noCounts();
  private processed = 0;

  constructor(
    private readonly db: DataSource,
    private readonly store: PostgresEventStore,
    private readonly plan: ImportPlan,
    private readonly options: ApplyOptions,
  ) {}

  async apply(): Promise<void> {
    await this.inChunk(async (chunk, result) => this.applyCatalog(chunk, result));
    await this.inChunks(this.plan.companies, (chunk, items, result) =>
      this.applyCompanies(chunk, items, result),
    );
    await this.inChunks(this.plan.customers, (chunk, items, result) =>
      this.applyCustomers(chunk, items, result),
    );
    await this.applyFeedbackUnits();
    await this.inChunks(this.plan.merges, (chunk, items, result) =>
      this.applyMerges(chunk, items, result),
    );
    await this.inChunks(this.plan.changelog, (chunk, items, result) =>
      this.applyChangelog(chunk, items, result),
    );
  }

  private get workspaceId() {
    return this.options.workspaceId;
  }

  private feedbackIdOf(key: string) {
    return importedIdOf(this.workspaceId, this.plan.family, 'feedback', key);
  }

  // ---- running chunks ----------------------------------------------------------------------

  private async inChunks<T>(
    items: readonly T[],
    apply: (chunk: Chunk, items: readonly T[], result: ChunkResult) => Promise<void>,
  ): Promise<void> {
    for (let start = 0; start < items.length; start += this.options.chunkSize) {
      const slice = items.slice(start, start + this.options.chunkSize);
      await this.inChunk((chunk, result) => apply(chunk, slice, result));
    }
  }

  /** One transaction, decided again from fresh reads when someone else wrote meanwhile. */
  private async inChunk(apply: (chunk: Chunk, result: ChunkResult) => Promise<void>) {
    if (this.options.shouldStop()) throw new ImportInterrupted();
    const { dryRun, actor, correlationId } = this.options;
    for (let attempt = 0; ; attempt++) {
      const result: ChunkResult = { records: 0, outcomes: [], errors: [], afterCommit: [] };
      let decided: Map<string, DomainEvent[]>;
      let appended = false;
      try {
        decided = await this.db.transaction(async (tx) => {
          const chunk = new Chunk(this.store, tx, this.workspaceId, this.pending);
          await apply(chunk, result);
          if (dryRun) return chunk.decided();
          appended = await chunk.appendAll({
            workspaceId: this.workspaceId,
            actorId: actor.id,
            correlationId,
            causationId: correlationId,
          });
          return new Map<string, DomainEvent[]>();
        });
      } catch (error) {
        if (!isRetryable(error) || attempt >= RETRIES) throw error;
        continue;
      }
      if (appended) this.store.notifyAppended();
      for (const [streamId, events] of decided) {
        this.pending.set(streamId, [...(this.pending.get(streamId) ?? []), ...events]);
      }
      result.afterCommit.forEach((effect) => effect());
      for (const { kind, outcome } of result.outcomes) {
        if (outcome !== 'failed') this.counts[kind][outcome]++;
      }
      this.processed += result.records;
      await this.options.onProgress({
        processed: this.processed,
        byKind: structuredClone(this.counts),
        errors: result.errors,
      });
      return;
    }
  }

  /** Decides one record; a broken rule is reported on the record and leaves it out. */
  private attempt(
    result: ChunkResult,
    kind: ImportItemKind,
    at: SourceAt,
    decide: () => Outcome,
  ): Outcome {
    result.records++;
    let outcome: Outcome;
    try {
      outcome = decide();
    } catch (error) {
      if (!isRuleError(error)) throw error;
      const field =
        error instanceof DomainRuleViolation && error.field !== undefined
          ? (at.fields?.[error.field] ?? error.field)
          : null;
      result.errors.push({ part: at.part, row: at.row, field, message: error.message });
      outcome = 'failed';
    }
    result.outcomes.push({ kind, outcome });
    return outcome;
  }

  // ---- boards, tags and statuses ----------------------------------------------------------

  private async applyCatalog(chunk: Chunk, result: ChunkResult): Promise<void> {
    const streamId = catalogStreamId(this.workspaceId);
    await chunk.load([streamId]);
    let catalog = fold(catalogDecider, chunk.events<CatalogEvent>(streamId));
    const decided: CatalogEvent[] = [];
    /** A record's commands, applied all or none. */
    const run = (...commands: CatalogCommand[]) => {
      let state = catalog;
      const events: CatalogEvent[] = [];
      for (const command of commands) {
        const more = catalogDecider.decide(command, state);
        state = more.reduce(catalogDecider.evolve, state);
        events.push(...more);
      }
      catalog = state;
      decided.push(...events);
    };
    const actor = this.options.actor;
    const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
    const boardIds = new Map<string, string>();
    const tagIds = new Map<string, string>();
    const statusIds = new Map<string, string>();

    for (const board of this.plan.boards) {
      this.attempt(result, 'boards', board.at, () => {
        const boardId = slugOf(board.name);
        const existing = catalog.boards.find((b) => same(b.name, board.name) || b.id === boardId);
        if (existing) {
          boardIds.set(board.key, existing.id);
          return 'skipped';
        }
        run({
          type: 'CreateBoard',
          boardId,
          name: board.name,
          visibility: board.isPrivate ? 'private' : 'public',
          actor,
        });
        boardIds.set(board.key, boardId);
        return 'created';
      });
    }
    for (const tag of this.plan.tags) {
      this.attempt(result, 'tags', tag.at, () => {
        const tagId = slugOf(tag.name);
        const existing = catalog.tags.find((t) => same(t.name, tag.name) || t.id === tagId);
        if (existing) {
          tagIds.set(tag.key, existing.id);
          return 'skipped';
        }
        run({
          type: 'CreateTag',
          tagId,
          name: tag.name,
          colour: tag.colour ?? DEFAULT_TAG_COLOUR,
          actor,
        });
        tagIds.set(tag.key, tagId);
        return 'created';
      });
    }
    for (const status of this.plan.statuses) {
      this.attempt(result, 'statuses', status.at, () => {
        const statusId = slugOf(status.name);
        const existing =
          catalog.statuses.find((s) => s.id === status.preferredId) ??
          catalog.statuses.find((s) => same(s.name, status.name) || s.id === statusId);
        if (existing) {
          statusIds.set(status.key, existing.id);
          return 'skipped';
        }
        const initial = catalog.statuses.find((s) => s.id === INITIAL_STATUS_ID);
        run(
          {
            type: 'CreateStatus',
            statusId,
            name: status.name,
            colour: DEFAULT_STATUS_COLOUR,
            kind: status.kind,
            actor,
          },
          // New feedback must be able to get there, or nothing imported could have this status.
          ...(initial
            ? [
                {
                  type: 'SetStatusTransitions' as const,
                  statusId: initial.id,
                  transitions: [...initial.transitions, statusId],
                  actor,
                },
              ]
            : []),
        );
        statusIds.set(status.key, statusId);
        return 'created';
      });
    }
    chunk.record(streamId, decided, null);
    result.afterCommit.push(() => {
      this.catalog = catalog;
      for (const [key, id] of boardIds) this.boardIds.set(key, id);
      for (const [key, id] of tagIds) this.tagIds.set(key, id);
      for (const [key, id] of statusIds) this.statusIds.set(key, id);
    });
  }

  // ---- companies and customers -------------------------------------------------------------

  private async applyCompanies(
    chunk: Chunk,
    companies: readonly PlannedCompany[],
    result: ChunkResult,
  ): Promise<void> {
    const streamOf = (externalId: string) =>
      companyStreamId(companyIdOf(this.workspaceId, externalId));
    await chunk.load(companies.map((c) => streamOf(c.externalId)));
    for (const { at, ...input } of companies) {
      this.attempt(result, 'companies', at, () => {
        const companyId = companyIdOf(this.workspaceId, input.externalId);
        const streamId = companyStreamId(companyId);
        const events = companyDecider.decide(
          { type: 'UpsertCompany', companyId, ...input, actor: this.options.actor },
          fold(companyDecider, chunk.events<CompanyEvent>(streamId)),
        );
        chunk.record(streamId, events, null);
        return outcomeOf(events);
      });
    }
  }

  private async applyCustomers(
    chunk: Chunk,
    customers: readonly PlannedCustomer[],
    result: ChunkResult,
  ): Promise<void> {
    const customerStream = (externalId: string) =>
      customerStreamId(customerIdOf(this.workspaceId, externalId));
    const companyStream = (externalId: string) =>
      companyStreamId(companyIdOf(this.workspaceId, externalId));
    await chunk.load(
      customers.flatMap((c) => [
        customerStream(c.externalId),
        ...(c.companyExternalId ? [companyStream(c.companyExternalId)] : []),
      ]),
    );
    const known: string[] = [];
    for (const { at, companyExternalId, ...input } of customers) {
      const outcome = this.attempt(result, 'customers', at, () => {
        const customerId = customerIdOf(this.workspaceId, input.externalId);
        const streamId = customerStream(input.externalId);
        let companyId: string | null | undefined = companyExternalId;
        if (companyExternalId) {
          if (!chunk.exists(companyStream(companyExternalId))) {
            throw refuse(
              `There is no company "${companyExternalId}"; import it first or add it to the file.`,
              'companyId',
            );
          }
          companyId = companyIdOf(this.workspaceId, companyExternalId);
        }
        const events = customerDecider.decide(
          { type: 'UpsertCustomer', customerId, ...input, companyId, actor: this.options.actor },
          fold(customerDecider, chunk.events<CustomerEvent>(streamId)),
        );
        chunk.record(streamId, events, null);
        return outcomeOf(events);
      });
      if (outcome !== 'failed') known.push(input.externalId);
    }
    result.afterCommit.push(() => known.forEach((id) => this.customers.add(id)));
  }

  /** The customer an imported person is, if they were imported. */
  private customerIdFor(externalId: string, field: string): string {
    if (!this.customers.has(externalId)) {
      throw refuse(`The person "${externalId}" was not imported (see their row).`, field);
    }
    return customerIdOf(this.workspaceId, externalId);
  }

  // ---- feedback with its votes and comments -------------------------------------------------

  /** Each planned feedback item with its votes and comments, then votes on feedback already in Chorus. */
  private feedbackUnits(): FeedbackUnit[] {
    const units = new Map<string, FeedbackUnit>();
    const unitOf = (ref: FeedbackRef): FeedbackUnit => {
      const feedbackId = 'key' in ref ? this.feedbackIdOf(ref.key) : ref.id;
      let unit = units.get(feedbackId);
      if (!unit) {
        unit = { feedbackId, feedback: null, ref, votes: [], comments: [] };
        units.set(feedbackId, unit);
      }
      return unit;
    };
    for (const feedback of this.plan.feedback) unitOf({ key: feedback.key }).feedback = feedback;
    for (const vote of this.plan.votes) unitOf(vote.feedback).votes.push(vote);
    for (const comment of this.plan.comments)
      unitOf({ key: comment.feedbackKey }).comments.push(comment);
    return [...units.values()];
  }

  private async applyFeedbackUnits(): Promise<void> {
    const units = this.feedbackUnits();
    let start = 0;
    while (start < units.length) {
      // A chunk holds whole units: an item, its votes and comments decide together.
      let end = start;
      let records = 0;
      while (end < units.length && (end === start || records < this.options.chunkSize)) {
        const unit = units[end]!;
        records += (unit.feedback ? 1 : 0) + unit.votes.length + unit.comments.length;
        end++;
      }
      const slice = units.slice(start, end);
      await this.inChunk((chunk, result) => this.applyUnits(chunk, slice, result));
      start = end;
    }
  }

  private commentIdOf(key: string) {
    return importedIdOf(this.workspaceId, this.plan.family, 'comment', key);
  }

  private voterIdOf(vote: PlannedVote): string | null {
    return this.customers.has(vote.voterExternalId)
      ? customerIdOf(this.workspaceId, vote.voterExternalId)
      : null;
  }

  private async applyUnits(chunk: Chunk, units: readonly FeedbackUnit[], result: ChunkResult) {
    await chunk.load(
      units.flatMap((unit) => [
        feedbackStreamId(unit.feedbackId),
        ...unit.votes.flatMap((vote) => {
          const voterId = this.voterIdOf(vote);
          return voterId ? [ballotStreamId(unit.feedbackId, voterId)] : [];
        }),
        ...unit.comments.flatMap((c) => [
          commentStreamId(this.commentIdOf(c.key)),
          ...(c.parentKey ? [commentStreamId(this.commentIdOf(c.parentKey))] : []),
        ]),
      ]),
    );
    for (const unit of units) this.applyUnit(chunk, unit, result);
  }

  private applyUnit(chunk: Chunk, unit: FeedbackUnit, result: ChunkResult): void {
    const streamId = feedbackStreamId(unit.feedbackId);
    const feedbackNow = () =>
      chunk.events<FeedbackEvent>(streamId).reduce(evolveFeedback, initialFeedback());
    let submitted = false;
    if (unit.feedback) {
      const planned = unit.feedback;
      const outcome = this.attempt(result, 'feedback', planned.at, () => {
        if (feedbackNow().exists) return 'skipped';
        chunk.record(streamId, this.decideSubmission(unit.feedbackId, planned), planned.createdAt);
        return 'created';
      });
      if (outcome === 'failed') {
        // Its votes and comments have nothing to land on: one problem says so, not one each.
        const dependents = unit.votes.length + unit.comments.length;
        if (dependents > 0) {
          result.errors.push({
            part: planned.at.part,
            row: planned.at.row,
            field: null,
            message: `Its ${unit.votes.length} vote(s) and ${unit.comments.length} comment(s) were left out with it.`,
          });
        }
        result.records += dependents;
        result.outcomes.push(
          ...unit.votes.map(() => ({ kind: 'votes' as const, outcome: 'failed' as const })),
          ...unit.comments.map(() => ({ kind: 'comments' as const, outcome: 'failed' as const })),
        );
        return;
      }
      submitted = outcome === 'created';
    }
    for (const vote of unit.votes) {
      this.attempt(result, 'votes', vote.at, () => {
        const feedback = feedbackNow();
        if (!feedback.exists) {
          const named = 'key' in unit.ref ? `external id "${unit.ref.key}"` : `id ${unit.ref.id}`;
          throw refuse(
            `There is no feedback with ${named} in Chorus; import it first.`,
            'feedbackId',
          );
        }
        const voterId = this.customerIdFor(vote.voterExternalId, 'voterId');
        const ballot = ballotStreamId(unit.feedbackId, voterId);
        const state = [
          ...chunk.events<FeedbackEvent>(streamId),
          ...chunk.events<VoteEvent>(ballot),
        ].reduce(ballotDecider.evolveWithFeedback, ballotDecider.initialState());
        const events = ballotDecider.decide(
          {
            type: 'CastVote',
            feedbackId: unit.feedbackId,
            actor: this.options.actor,
            onBehalfOf: { customerId: voterId, source: 'import' },
          },
          state,
        );
        chunk.record(ballot, events, vote.createdAt);
        return events.length === 0 ? 'skipped' : 'created';
      });
    }
    for (const comment of unit.comments) {
      this.attempt(result, 'comments', comment.at, () => {
        const commentId = this.commentIdOf(comment.key);
        const commentStream = commentStreamId(commentId);
        if (chunk.exists(commentStream)) return 'skipped';
        const parent = comment.parentKey
          ? chunk
              .events<CommentEvent>(commentStreamId(this.commentIdOf(comment.parentKey)))
              .reduce(evolveComment, initialComment())
          : undefined;
        const author: Actor = comment.authorExternalId
          ? {
              id: this.customerIdFor(comment.authorExternalId, 'authorId'),
              role: comment.byStaff ? 'teammate' : 'customer',
            }
          : this.options.actor;
        const events = decidePostComment(
          {
            type: 'PostComment',
            commentId,
            feedbackId: unit.feedbackId,
            ...(comment.parentKey ? { parentId: this.commentIdOf(comment.parentKey) } : {}),
            visibility: comment.internal ? 'internal' : 'public',
            body: comment.body,
            actor: author,
          },
          feedbackNow(),
          parent,
        );
        chunk.record(commentStream, events, comment.createdAt);
        return 'created';
      });
    }
    // Last, as it happened: a done item takes no more votes.
    if (submitted && unit.feedback?.status)
      this.moveToStatus(chunk, unit.feedbackId, unit.feedback, result);
  }

  private decideSubmission(feedbackId: string, planned: PlannedFeedback): FeedbackEvent[] {
    const actor = this.options.actor;
    const authorId = planned.authorExternalId
      ? this.customerIdFor(planned.authorExternalId, 'authorId')
      : null;
    const submitted = feedbackDecider.decide(
      {
        type: 'SubmitFeedback',
        feedbackId,
        title: planned.title,
        description: planned.body,
        boardId: this.boardIds.get(planned.board) ?? planned.board,
        source: 'import',
        ...(authorId ? { onBehalfOf: { customerId: authorId, source: 'import' } } : {}),
        catalog: this.catalog,
        actor,
      },
      initialFeedback(),
    );
    const events = [...submitted];
    let state = submitted.reduce(evolveFeedback, initialFeedback());
    for (const tag of planned.tags) {
      const tagged = feedbackDecider.decide(
        {
          type: 'TagFeedback',
          feedbackId,
          tagId: this.tagIds.get(tag) ?? tag,
          catalog: this.catalog,
          actor,
        },
        state,
      );
      state = tagged.reduce(evolveFeedback, state);
      events.push(...tagged);
    }
    return events;
  }

  /**
   * Walks the workflow to the source's status. Feedback whose status cannot be reached stays
   * where it started, and the problem says so: the item itself is imported.
   */
  private moveToStatus(
    chunk: Chunk,
    feedbackId: string,
    planned: PlannedFeedback,
    result: ChunkResult,
  ) {
    const streamId = feedbackStreamId(feedbackId);
    const target = this.statusIds.get(planned.status!) ?? planned.status!;
    let state = chunk.events<FeedbackEvent>(streamId).reduce(evolveFeedback, initialFeedback());
    if (!state.exists) return;
    const from = state.status;
    const path = statusPath(this.catalog.statuses, from, target);
    const fail = (message: string) =>
      result.errors.push({
        part: planned.at.part,
        row: planned.at.row,
        field: planned.at.fields?.status ?? 'status',
        message,
      });
    if (path === null) {
      fail(
        `Feedback cannot get from "${state.status}" to "${target}" in this workspace's workflow; it was imported as "${state.status}".`,
      );
      return;
    }
    const events: FeedbackEvent[] = [];
    try {
      for (const status of path) {
        const moved = feedbackDecider.decide(
          {
            type: 'ChangeFeedbackStatus',
            feedbackId,
            status,
            catalog: this.catalog,
            actor: this.options.actor,
          },
          state,
        );
        state = moved.reduce(evolveFeedback, state);
        events.push(...moved);
      }
    } catch (error) {
      if (!isRuleError(error)) throw error;
      fail(`${error.message} It was imported as "${from}".`);
      return;
    }
    chunk.record(streamId, events, planned.statusChangedAt ?? planned.createdAt);
  }

  // ---- merges and the changelog ------------------------------------------------------------

  private async applyMerges(chunk: Chunk, merges: readonly PlannedMerge[], result: ChunkResult) {
    await chunk.load(
      merges.flatMap((m) => [
        feedbackStreamId(this.feedbackIdOf(m.duplicateKey)),
        feedbackStreamId(this.feedbackIdOf(m.intoKey)),
      ]),
    );
    for (const merge of merges) {
      this.attempt(result, 'merges', merge.at, () => {
        const duplicateId = this.feedbackIdOf(merge.duplicateKey);
        const intoId = this.feedbackIdOf(merge.intoKey);
        const stateOf = (id: string) =>
          chunk
            .events<FeedbackEvent>(feedbackStreamId(id))
            .reduce(evolveFeedback, initialFeedback());
        const decision = decideMerge(
          { type: 'MergeFeedback', duplicateId, intoId, actor: this.options.actor },
          stateOf(duplicateId),
          stateOf(intoId),
        );
        chunk.record(feedbackStreamId(duplicateId), decision.duplicate, merge.createdAt);
        chunk.record(feedbackStreamId(intoId), decision.survivor, merge.createdAt);
        return decision.duplicate.length === 0 ? 'skipped' : 'created';
      });
    }
  }

  private async applyChangelog(
    chunk: Chunk,
    entries: readonly PlannedChangelogEntry[],
    result: ChunkResult,
  ) {
    const releaseIdOf = (key: string) =>
      importedIdOf(this.workspaceId, this.plan.family, 'changelog', key);
    await chunk.load(entries.map((e) => releaseStreamId(releaseIdOf(e.key))));
    for (const entry of entries) {
      this.attempt(result, 'changelog', entry.at, () => {
        const releaseId = releaseIdOf(entry.key);
        const streamId = releaseStreamId(releaseId);
        if (chunk.exists(streamId)) return 'skipped';
        const actor = this.options.actor;
        const created = releaseDecider.decide(
          {
            type: 'CreateRelease',
            releaseId,
            name: entry.title.trim().slice(0, 100),
            date: entry.date,
            actor,
          },
          releaseDecider.initialState(),
        );
        const written = releaseDecider.decide(
          { type: 'WriteChangelogEntry', releaseId, title: entry.title, body: entry.body, actor },
          created.reduce(releaseDecider.evolve, releaseDecider.initialState()),
        );
        chunk.record(streamId, [...created, ...written] satisfies ReleaseEvent[], entry.createdAt);
        return 'created';
      });
    }
  }
}

/** An upsert's outcome: created, changed, or already as the file says. */
const outcomeOf = (events: readonly { type: string }[]): Outcome =>
  events.length === 0 ? 'skipped' : events[0]!.type.endsWith('Created') ? 'created' : 'updated';
