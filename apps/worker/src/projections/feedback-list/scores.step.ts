import type { EntityManager } from 'typeorm';
import {
  activeModel,
  evolveScoring,
  initialScoring,
  scorerFor,
  type BacklogItemEvent,
  type CompanyEvent,
  type CustomerEvent,
  type FeedbackEvent,
  type Scoring,
  type ScoringEvent,
  type ScoringModel,
  type VoteEvent,
} from '@chorus/domain';
import type { StoredEvent } from '@chorus/event-store';

type Extracted<U, T extends string> = Extract<U, { type: T }>;
/** The events that move a backlog item's score: its own, the models', and its demand's. */
type ScoreEvent =
  | Extracted<
      BacklogItemEvent,
      | 'BacklogItemCreated'
      | 'FeedbackLinkedToBacklogItem'
      | 'FeedbackUnlinkedFromBacklogItem'
      | 'BacklogItemFactorsSet'
    >
  | ScoringEvent
  | VoteEvent
  | Extracted<
      FeedbackEvent,
      | 'FeedbackMerged'
      | 'FeedbackDuplicateAbsorbed'
      | 'FeedbackUnmerged'
      | 'FeedbackDuplicateReleased'
    >
  | CustomerEvent
  | CompanyEvent;

/** The event types this step needs beyond those the inbox rows already handle. */
export const backlogScoreEventTypes = [
  'BacklogItemCreated',
  'FeedbackLinkedToBacklogItem',
  'FeedbackUnlinkedFromBacklogItem',
  'BacklogItemFactorsSet',
  'ScoringModelDefined',
  'ScoringModelRemoved',
  'ScoringModelActivated',
] as const;

const scoreEventTypes = new Set<string>([
  ...backlogScoreEventTypes,
  'VoteCast',
  'VoteWithdrawn',
  'FeedbackMerged',
  'FeedbackDuplicateAbsorbed',
  'FeedbackUnmerged',
  'FeedbackDuplicateReleased',
  'CustomerCreated',
  'CustomerUpdated',
  'CompanyCreated',
  'CompanyUpdated',
] satisfies ScoreEvent['type'][]);

export const backlogScoreTables = [
  'scoring_models',
  'backlog_score_links',
  'backlog_item_factors',
  'backlog_scores',
];

/** The latest time each key was touched in the batch. */
class Touches {
  readonly at = new Map<string, string>();
  add(key: string, at: string) {
    const before = this.at.get(key);
    if (before === undefined || before < at) this.at.set(key, at);
  }
  /** As rows for jsonb_to_recordset: the key under `name`, and when. */
  records(name: string): Record<string, string>[] {
    return [...this.at].map(([key, at]) => ({ [name]: key, at }));
  }
}

/** What a batch changes, sorted by what it touches. */
type BatchChanges = {
  scoring: Map<string, (StoredEvent & ScoringEvent)[]>;
  links: Map<
    string,
    { item_id: string; feedback_id: string; workspace_id: string; linked: boolean }
  >;
  factors: Map<string, { workspace_id: string; factors: Record<string, number> }>;
  created: Map<string, { workspace_id: string; at: string }>;
  items: Touches;
  workspaces: Touches;
  feedback: Touches;
  voters: Touches;
  companies: Touches;
  demandWorkspaces: Set<string>;
};

const sortOut = (events: readonly StoredEvent[]): BatchChanges => {
  const changes: BatchChanges = {
    scoring: new Map(),
    links: new Map(),
    factors: new Map(),
    created: new Map(),
    items: new Touches(),
    workspaces: new Touches(),
    feedback: new Touches(),
    voters: new Touches(),
    companies: new Touches(),
    demandWorkspaces: new Set(),
  };
  for (const stored of events) {
    if (!scoreEventTypes.has(stored.type)) continue;
    const event = stored as StoredEvent & ScoreEvent;
    const at = stored.metadata.occurredAt;
    const workspace = stored.workspaceId;
    const demand = (touches: Touches, ...keys: string[]) => {
      for (const key of keys) touches.add(key, at);
      changes.demandWorkspaces.add(workspace);
    };
    switch (event.type) {
      case 'BacklogItemCreated':
        changes.created.set(event.data.itemId, { workspace_id: workspace, at });
        changes.items.add(event.data.itemId, at);
        break;
      case 'FeedbackLinkedToBacklogItem':
      case 'FeedbackUnlinkedFromBacklogItem': {
        const { itemId, feedbackId } = event.data;
        changes.links.set(`${itemId}:${feedbackId}`, {
          item_id: itemId,
          feedback_id: feedbackId,
          workspace_id: workspace,
          linked: event.type === 'FeedbackLinkedToBacklogItem',
        });
        changes.items.add(itemId, at);
        break;
      }
      case 'BacklogItemFactorsSet': {
        const { itemId, factors } = event.data;
        const before = changes.factors.get(itemId)?.factors ?? {};
        changes.factors.set(itemId, {
          workspace_id: workspace,
          factors: { ...before, ...factors },
        });
        changes.items.add(itemId, at);
        break;
      }
      case 'ScoringModelDefined':
      case 'ScoringModelRemoved':
      case 'ScoringModelActivated':
        changes.scoring.set(workspace, [...(changes.scoring.get(workspace) ?? []), event]);
        changes.workspaces.add(workspace, at);
        break;
      case 'VoteCast':
      case 'VoteWithdrawn':
        demand(changes.feedback, event.data.feedbackId);
        break;
      case 'FeedbackMerged':
        demand(changes.feedback, event.data.feedbackId, event.data.intoId);
        break;
      case 'FeedbackUnmerged':
        demand(changes.feedback, event.data.feedbackId, event.data.fromId);
        break;
      case 'FeedbackDuplicateAbsorbed':
      case 'FeedbackDuplicateReleased':
        demand(changes.feedback, event.data.feedbackId, event.data.duplicateId);
        break;
      case 'CustomerCreated':
        demand(changes.voters, event.data.customerId);
        break;
      case 'CustomerUpdated':
        if (event.data.companyId !== undefined) demand(changes.voters, event.data.customerId);
        break;
      case 'CustomerErased':
        // Not in scoreEventTypes: an erased customer's votes and company still count.
        break;
      case 'CompanyCreated':
        demand(changes.companies, event.data.companyId);
        break;
      case 'CompanyUpdated':
        if (event.data.mrrCents !== undefined || event.data.segment !== undefined) {
          demand(changes.companies, event.data.companyId);
        }
        break;
    }
  }
  return changes;
};

type ScoringRecord = { workspace_id: string; models: ScoringModel[]; active_model_id: string };

const scoringOf = (record: ScoringRecord | undefined): Scoring =>
  record ? { models: record.models, activeModelId: record.active_model_id } : initialScoring();

const readScoring = async (tx: EntityManager, workspaceIds: readonly string[]) => {
  const rows = await tx.query<ScoringRecord[]>(
    `SELECT workspace_id, models, active_model_id FROM scoring_models
     WHERE workspace_id = ANY($1::uuid[])`,
    [workspaceIds],
  );
  return new Map(rows.map((r) => [r.workspace_id, scoringOf(r)]));
};

/** Folds the batch's scoring events into each workspace's row; the built-ins until the first. */
const applyScoringEvents = async (
  tx: EntityManager,
  scoring: BatchChanges['scoring'],
): Promise<void> => {
  if (scoring.size === 0) return;
  const before = await readScoring(tx, [...scoring.keys()]);
  const records = [...scoring].map(([workspaceId, events]) => {
    const state = events.reduce(evolveScoring, before.get(workspaceId) ?? initialScoring());
    return {
      workspace_id: workspaceId,
      models: state.models,
      active_model_id: state.activeModelId,
    };
  });
  await tx.query(
    `INSERT INTO scoring_models (workspace_id, models, active_model_id)
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS r(workspace_id uuid, models jsonb, active_model_id text)
     ON CONFLICT (workspace_id) DO UPDATE SET
       models = EXCLUDED.models, active_model_id = EXCLUDED.active_model_id`,
    [JSON.stringify(records)],
  );
};

const applyLinks = async (tx: EntityManager, links: BatchChanges['links']): Promise<void> => {
  const all = [...links.values()];
  const linked = all.filter((l) => l.linked);
  const unlinked = all.filter((l) => !l.linked);
  if (linked.length > 0) {
    await tx.query(
      `INSERT INTO backlog_score_links (item_id, feedback_id, workspace_id)
       SELECT r.item_id, r.feedback_id, r.workspace_id FROM jsonb_to_recordset($1::jsonb)
         AS r(item_id uuid, feedback_id uuid, workspace_id uuid)
       ON CONFLICT DO NOTHING`,
      [JSON.stringify(linked)],
    );
  }
  if (unlinked.length > 0) {
    await tx.query(
      `DELETE FROM backlog_score_links l
       USING jsonb_to_recordset($1::jsonb) AS r(item_id uuid, feedback_id uuid)
       WHERE l.item_id = r.item_id AND l.feedback_id = r.feedback_id`,
      [JSON.stringify(unlinked)],
    );
  }
};

const applyFactors = async (tx: EntityManager, factors: BatchChanges['factors']) => {
  if (factors.size === 0) return;
  await tx.query(
    `INSERT INTO backlog_item_factors AS f (item_id, workspace_id, factors)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(item_id uuid, workspace_id uuid, factors jsonb)
     ON CONFLICT (item_id) DO UPDATE SET factors = f.factors || EXCLUDED.factors`,
    [JSON.stringify([...factors].map(([itemId, f]) => ({ item_id: itemId, ...f })))],
  );
};

/** New items get a row now; the recount below fills in their demand and score. */
const addItems = async (tx: EntityManager, created: BatchChanges['created']) => {
  if (created.size === 0) return;
  await tx.query(
    `INSERT INTO backlog_scores (item_id, workspace_id, model_id, score, breakdown, votes,
       revenue_cents, segment_votes, updated_at)
     SELECT r.item_id, r.workspace_id, '', NULL, '{}', 0, 0, '{}', r.at
     FROM jsonb_to_recordset($1::jsonb) AS r(item_id uuid, workspace_id uuid, at timestamptz)
     ON CONFLICT (item_id) DO NOTHING`,
    [JSON.stringify([...created].map(([itemId, c]) => ({ item_id: itemId, ...c })))],
  );
};

type DemandRecord = {
  item_id: string;
  workspace_id: string;
  at: Date;
  votes: number;
  revenue_cents: string;
  segment_votes: Record<string, number>;
  factors: Record<string, number>;
};

/**
 * The items whose score the batch may move, with their demand counted afresh from the sets:
 * items named by the batch, every item of a workspace whose models changed, and items linked to
 * feedback (or the survivor of feedback) that gained or lost a vote, was merged or unmerged, or
 * has a standing vote by a customer or company that changed. Demand is over the linked feedback
 * and their merged duplicates: distinct standing voters, the MRR of their distinct companies, and
 * distinct voters per segment that some model of the workspace counts. One query per batch.
 */
const recountDemand = (tx: EntityManager, changes: BatchChanges) =>
  tx.query<DemandRecord[]>(
    `WITH direct AS (
       SELECT item_id, at FROM jsonb_to_recordset($1::jsonb) AS d(item_id uuid, at timestamptz)
     ),
     by_workspace AS (
       SELECT s.item_id, w.at FROM jsonb_to_recordset($2::jsonb) AS w(workspace_id uuid, at timestamptz)
       JOIN backlog_scores s ON s.workspace_id = w.workspace_id
     ),
     touched AS (
       SELECT feedback_id, at FROM jsonb_to_recordset($3::jsonb) AS t(feedback_id uuid, at timestamptz)
       UNION ALL
       SELECT b.feedback_id, v.at FROM jsonb_to_recordset($4::jsonb) AS v(voter_id text, at timestamptz)
       JOIN feedback_ballots b ON b.voter_id = v.voter_id
       UNION ALL
       SELECT b.feedback_id, c.at FROM jsonb_to_recordset($5::jsonb) AS c(company_id uuid, at timestamptz)
       JOIN feedback_ballots b ON b.company_id = c.company_id
     ),
     -- A duplicate's demand counts for the items linked to its survivor.
     grouped AS (
       SELECT feedback_id, at FROM touched
       UNION ALL
       SELECT f.merged_into, t.at FROM touched t JOIN feedback_list f USING (feedback_id)
       WHERE f.merged_into IS NOT NULL
     ),
     by_demand AS (
       SELECT l.item_id, g.at FROM grouped g JOIN backlog_score_links l USING (feedback_id)
     ),
     affected AS (
       SELECT a.item_id, s.workspace_id, max(a.at) AS at
       FROM (SELECT * FROM direct UNION ALL SELECT * FROM by_workspace UNION ALL SELECT * FROM by_demand) a
       JOIN backlog_scores s USING (item_id)
       GROUP BY a.item_id, s.workspace_id
     ),
     members AS (
       SELECT l.item_id, l.feedback_id FROM affected a JOIN backlog_score_links l USING (item_id)
       UNION
       SELECT l.item_id, d.feedback_id FROM affected a JOIN backlog_score_links l USING (item_id)
       JOIN feedback_list d ON d.merged_into = l.feedback_id
     ),
     ballots AS (
       SELECT DISTINCT m.item_id, b.voter_id, b.company_id
       FROM members m JOIN feedback_ballots b USING (feedback_id)
     ),
     votes AS (SELECT item_id, count(DISTINCT voter_id)::int AS n FROM ballots GROUP BY item_id),
     revenue AS (
       SELECT d.item_id, sum(c.mrr_cents)::bigint AS cents
       FROM (SELECT DISTINCT item_id, company_id FROM ballots WHERE company_id IS NOT NULL) d
       JOIN companies c USING (company_id)
       GROUP BY d.item_id
     ),
     wanted AS (
       SELECT DISTINCT m.workspace_id, f->'source'->>'segment' AS segment
       FROM scoring_models m
       CROSS JOIN LATERAL jsonb_array_elements(m.models) AS model
       CROSS JOIN LATERAL jsonb_array_elements(model->'factors') AS f
       WHERE f->'source'->>'kind' = 'segment_votes'
         AND m.workspace_id IN (SELECT workspace_id FROM affected)
     ),
     -- Segments are free text typed in two places: "Enterprise" counts for "enterprise".
     segments AS (
       SELECT x.item_id, jsonb_object_agg(x.segment, x.n) AS counts
       FROM (
         SELECT a.item_id, w.segment, count(DISTINCT b.voter_id)::int AS n
         FROM affected a
         JOIN wanted w USING (workspace_id)
         JOIN ballots b ON b.item_id = a.item_id
         JOIN companies c ON c.company_id = b.company_id AND lower(c.segment) = lower(w.segment)
         GROUP BY a.item_id, w.segment
       ) x
       GROUP BY x.item_id
     )
     SELECT a.item_id, a.workspace_id, a.at, coalesce(v.n, 0) AS votes,
       coalesce(r.cents, 0)::text AS revenue_cents, coalesce(sg.counts, '{}') AS segment_votes,
       coalesce(fa.factors, '{}') AS factors
     FROM affected a
       LEFT JOIN votes v USING (item_id)
       LEFT JOIN revenue r USING (item_id)
       LEFT JOIN segments sg USING (item_id)
       LEFT JOIN backlog_item_factors fa USING (item_id)`,
    [
      JSON.stringify(changes.items.records('item_id')),
      JSON.stringify(changes.workspaces.records('workspace_id')),
      JSON.stringify(changes.feedback.records('feedback_id')),
      JSON.stringify(changes.voters.records('voter_id')),
      JSON.stringify(changes.companies.records('company_id')),
    ],
  );

/** Scores the recounted items with their workspace's active model and writes them back. */
const writeScores = async (tx: EntityManager, demand: readonly DemandRecord[]) => {
  if (demand.length === 0) return;
  const scoring = await readScoring(tx, [...new Set(demand.map((d) => d.workspace_id))]);
  const scorers = new Map<string, ReturnType<typeof scorerFor>>();
  const scorerOf = (workspaceId: string) => {
    let scorer = scorers.get(workspaceId);
    if (!scorer) {
      scorer = scorerFor(activeModel(scoring.get(workspaceId) ?? initialScoring()));
      scorers.set(workspaceId, scorer);
    }
    return scorer;
  };
  const records = demand.map((d) => {
    const breakdown = scorerOf(d.workspace_id)({
      manual: d.factors,
      votes: d.votes,
      revenueCents: Number(d.revenue_cents),
      segmentVotes: d.segment_votes,
    });
    return {
      item_id: d.item_id,
      model_id: breakdown.modelId,
      score: breakdown.score,
      breakdown,
      votes: d.votes,
      revenue_cents: Number(d.revenue_cents),
      segment_votes: d.segment_votes,
      at: d.at.toISOString(),
    };
  });
  await tx.query(
    `UPDATE backlog_scores s SET model_id = r.model_id, score = r.score, breakdown = r.breakdown,
       votes = r.votes, revenue_cents = r.revenue_cents, segment_votes = r.segment_votes,
       updated_at = greatest(s.updated_at, r.at)
     FROM jsonb_to_recordset($1::jsonb) AS r(item_id uuid, model_id text, score double precision,
       breakdown jsonb, votes int, revenue_cents bigint, segment_votes jsonb, at timestamptz)
     WHERE s.item_id = r.item_id`,
    [JSON.stringify(records)],
  );
};

/**
 * Backlog items' live scores. Applied last in the batch, so the ballots, companies, customers and
 * merge groups it counts from are already those of the batch's end (ADR 9's reason for one
 * projection). A batch of votes in workspaces without linked backlog items costs one lookup.
 */
export const applyScores = async (
  tx: EntityManager,
  events: readonly StoredEvent[],
): Promise<void> => {
  const changes = sortOut(events);
  const itemsNamed = changes.items.at.size > 0 || changes.workspaces.at.size > 0;
  if (!itemsNamed) {
    if (changes.demandWorkspaces.size === 0) return;
    const [{ linked }] = await tx.query<[{ linked: boolean }]>(
      `SELECT EXISTS (SELECT 1 FROM backlog_score_links WHERE workspace_id = ANY($1::uuid[])) AS linked`,
      [[...changes.demandWorkspaces]],
    );
    if (!linked) return;
  }
  await applyScoringEvents(tx, changes.scoring);
  await applyLinks(tx, changes.links);
  await applyFactors(tx, changes.factors);
  await addItems(tx, changes.created);
  await writeScores(tx, await recountDemand(tx, changes));
};
