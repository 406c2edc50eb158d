import {
  companyDecider,
  companyStreamId,
  customerDecider,
  customerStreamId,
  evolveFeedbackListRow,
  type Company,
  type CompanyEvent,
  type Customer,
  type CustomerEvent,
  type FeedbackListEvent,
  type FeedbackListRow,
  type LinkedFeedbackSummary,
  type VoteEvent,
} from '@chorus/domain';
import type { PostgresEventStore, StoredEvent } from '@chorus/event-store';
import { asDomainEvent } from '../platform/run-decider';

const projected = (event: StoredEvent): FeedbackListEvent =>
  ({
    type: event.type,
    data: event.data,
    streamId: event.streamId,
    streamVersion: event.version,
    workspaceId: event.workspaceId,
    occurredAt: event.metadata.occurredAt,
  }) as FeedbackListEvent;

/** Inbox rows by feedback id, folded as the feedback list projection folds them. */
const foldRows = (events: readonly StoredEvent[]): Map<string, FeedbackListRow> => {
  const rows = new Map<string, FeedbackListRow>();
  for (const event of events) {
    if (event.streamType !== 'feedback') continue;
    const key = (event.data as { feedbackId: string }).feedbackId;
    const row = evolveFeedbackListRow(rows.get(key), projected(event));
    if (row) rows.set(key, row);
  }
  return rows;
};

/** The ballots standing: the last event of each ballot stream is a cast vote. */
const standingBallots = (events: readonly StoredEvent[]): VoteEvent['data'][] => {
  const last = new Map<string, VoteEvent>();
  for (const event of events) {
    if (event.streamType === 'ballot') last.set(event.streamId, asDomainEvent<VoteEvent>(event));
  }
  return [...last.values()].flatMap((vote) => (vote.type === 'VoteCast' ? [vote.data] : []));
};

/** Each stream's state by stream id, folded with a decider's evolve. */
const foldStreams = <E extends { type: string; data: unknown }, S>(
  events: readonly StoredEvent[],
  decider: { initialState: () => S; evolve: (state: S, event: E) => S },
): Map<string, S> => {
  const states = new Map<string, S>();
  for (const event of events) {
    const before = states.get(event.streamId) ?? decider.initialState();
    states.set(event.streamId, decider.evolve(before, asDomainEvent<E>(event)));
  }
  return states;
};

/**
 * Summaries of the given feedback as the inbox counted them at `until`, by id: title and status
 * from the folded rows, demand from the sets of ADR 9 — the distinct standing voters of an item
 * and of every duplicate merged into it, and the MRR of those voters' distinct companies.
 */
export const feedbackSummariesAsOf = async (
  store: PostgresEventStore,
  workspaceId: string,
  until: string,
  feedbackIds: readonly string[],
): Promise<Map<string, LinkedFeedbackSummary>> => {
  if (feedbackIds.length === 0) return new Map();
  const about = (ids: readonly string[]) =>
    store.readHistory(workspaceId, {
      until,
      feedbackIds: ids,
      streamTypes: ['feedback', 'ballot'],
    });
  const linked = await about(feedbackIds);
  const absorbed = new Set<string>();
  for (const event of linked) {
    if (event.type !== 'FeedbackDuplicateAbsorbed') continue;
    const { duplicateId } = event.data as { duplicateId: string };
    if (!feedbackIds.includes(duplicateId)) absorbed.add(duplicateId);
  }
  // Every stream lies whole in one of the two reads, so each is folded in its own order.
  const events = absorbed.size > 0 ? [...linked, ...(await about([...absorbed]))] : linked;
  const rows = foldRows(events);
  const ballots = standingBallots(events);

  const voters = [...new Set(ballots.map((b) => b.voterId))];
  const customers = foldStreams<CustomerEvent, Customer>(
    voters.length === 0
      ? []
      : await store.readHistory(workspaceId, { until, streamIds: voters.map(customerStreamId) }),
    customerDecider,
  );
  const companyOf = new Map<string, string>();
  for (const voterId of voters) {
    const customer = customers.get(customerStreamId(voterId));
    if (customer?.exists && customer.companyId !== null) companyOf.set(voterId, customer.companyId);
  }
  const companyIds = [...new Set(companyOf.values())];
  const companies = foldStreams<CompanyEvent, Company>(
    companyIds.length === 0
      ? []
      : await store.readHistory(workspaceId, { until, streamIds: companyIds.map(companyStreamId) }),
    companyDecider,
  );
  const mrrOf = (companyId: string): number | undefined => {
    const company = companies.get(companyStreamId(companyId));
    return company?.exists ? company.mrrCents : undefined;
  };

  const groupOf = new Map(feedbackIds.map((id) => [id, new Set([id])]));
  for (const row of rows.values()) {
    if (row.mergedInto !== null) groupOf.get(row.mergedInto)?.add(row.feedbackId);
  }
  const summaries = new Map<string, LinkedFeedbackSummary>();
  for (const [id, group] of groupOf) {
    const row = rows.get(id);
    if (!row) continue;
    const groupVoters = new Set(
      ballots.filter((b) => group.has(b.feedbackId)).map((b) => b.voterId),
    );
    const groupCompanies = new Set(
      [...groupVoters].flatMap((voterId) => {
        const companyId = companyOf.get(voterId);
        return companyId === undefined ? [] : [companyId];
      }),
    );
    summaries.set(id, {
      id,
      title: row.title,
      status: row.status,
      voteCount: groupVoters.size,
      revenueCents: [...groupCompanies].reduce((sum, c) => sum + (mrrOf(c) ?? 0), 0),
    });
  }
  return summaries;
};
