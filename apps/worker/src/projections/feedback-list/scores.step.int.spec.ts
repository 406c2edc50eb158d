import { randomUUID } from 'node:crypto';
import type { ScoreBreakdown } from '@chorus/domain';
import { PostgresEventStore, catchUp, rebuildProjection } from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { feedbackListProjection } from './feedback-list.projection';
import { applyScores } from './scores.step';

type ScoreRow = {
  workspace_id: string;
  model_id: string;
  score: number | null;
  breakdown: ScoreBreakdown;
  votes: number;
  revenue_cents: string;
  segment_votes: Record<string, number>;
};

describe('backlog scores, a step of the feedback_list projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const workspaceId = randomUUID();
  const otherWorkspaceId = randomUUID();
  const versions = new Map<string, number>();

  /** Appends to a stream at its current version, in the main workspace unless told otherwise. */
  const append = async (
    streamId: string,
    events: { type: string; data: unknown }[],
    workspace = workspaceId,
  ) => {
    const version = versions.get(streamId) ?? 0;
    await store.append(streamId, version, events, {
      workspaceId: workspace,
      actorId: 'po',
      correlationId: randomUUID(),
    });
    versions.set(streamId, version + events.length);
  };
  const project = () => catchUp(db.dataSource, store, feedbackListProjection, 7);
  const scoreOf = async (itemId: string): Promise<ScoreRow> => {
    const [row] = await db.dataSource.query<ScoreRow[]>(
      `SELECT workspace_id, model_id, score, breakdown, votes, revenue_cents::text, segment_votes
       FROM backlog_scores WHERE item_id = $1`,
      [itemId],
    );
    if (!row) throw new Error(`no score for item ${itemId}`);
    return row;
  };

  const submit = async (workspace = workspaceId) => {
    const feedbackId = randomUUID();
    await append(
      `feedback-${feedbackId}`,
      [
        {
          type: 'FeedbackSubmitted',
          data: {
            feedbackId,
            title: 'Export to CSV',
            description: '',
            boardId: 'general',
            authorId: 'a',
            statusId: 'open',
            moderation: 'approved',
            source: 'app',
            capturedBy: null,
            quote: null,
            categoryId: null,
          },
        },
      ],
      workspace,
    );
    return feedbackId;
  };
  const vote = (feedbackId: string, voterId: string, workspace = workspaceId) =>
    append(
      `ballot-${feedbackId}-${voterId}`,
      [
        {
          type: 'VoteCast',
          data: { feedbackId, voterId, source: 'app', capturedBy: null, quote: null },
        },
      ],
      workspace,
    );
  const withdraw = (feedbackId: string, voterId: string) =>
    append(`ballot-${feedbackId}-${voterId}`, [
      { type: 'VoteWithdrawn', data: { feedbackId, voterId } },
    ]);
  const company = async (mrrCents: number, segment: string | null) => {
    const companyId = randomUUID();
    await append(`company-${companyId}`, [
      {
        type: 'CompanyCreated',
        data: {
          companyId,
          externalId: companyId,
          name: 'Company',
          domain: null,
          plan: null,
          mrrCents,
          segment,
          attributes: {},
        },
      },
    ]);
    return companyId;
  };
  const updateCompany = (companyId: string, changes: { mrrCents?: number; segment?: string }) =>
    append(`company-${companyId}`, [{ type: 'CompanyUpdated', data: { companyId, ...changes } }]);
  const customer = async (companyId: string) => {
    const customerId = randomUUID();
    await append(`customer-${customerId}`, [
      {
        type: 'CustomerCreated',
        data: {
          customerId,
          externalId: customerId,
          email: null,
          name: 'Customer',
          companyId,
        },
      },
    ]);
    return customerId;
  };
  const moveCustomer = (customerId: string, companyId: string) =>
    append(`customer-${customerId}`, [
      { type: 'CustomerUpdated', data: { customerId, companyId } },
    ]);
  const createItem = async (workspace = workspaceId) => {
    const itemId = randomUUID();
    await append(
      `backlog-item-${itemId}`,
      [
        {
          type: 'BacklogItemCreated',
          data: {
            itemId,
            kind: 'story',
            parentId: null,
            title: 'CSV export',
            description: '',
            acceptanceCriteria: [],
            estimate: null,
            labels: [],
            ownerId: null,
            rank: 'a0',
            createdBy: 'po',
          },
        },
      ],
      workspace,
    );
    return itemId;
  };
  const itemEvent = (itemId: string, type: string, data: object, workspace = workspaceId) =>
    append(`backlog-item-${itemId}`, [{ type, data: { itemId, ...data, by: 'po' } }], workspace);
  const link = (itemId: string, feedbackId: string, workspace = workspaceId) =>
    itemEvent(itemId, 'FeedbackLinkedToBacklogItem', { feedbackId }, workspace);
  const unlink = (itemId: string, feedbackId: string) =>
    itemEvent(itemId, 'FeedbackUnlinkedFromBacklogItem', { feedbackId });
  const setFactors = (itemId: string, factors: Record<string, number>) =>
    itemEvent(itemId, 'BacklogItemFactorsSet', { factors });
  const scoring = (type: string, data: object) =>
    append(`scoring-${workspaceId}`, [{ type, data: { ...data, by: 'po' } }]);
  const merge = async (duplicate: string, survivor: string) => {
    await append(`feedback-${duplicate}`, [
      { type: 'FeedbackMerged', data: { feedbackId: duplicate, intoId: survivor, by: 'po' } },
    ]);
    await append(`feedback-${survivor}`, [
      {
        type: 'FeedbackDuplicateAbsorbed',
        data: { feedbackId: survivor, duplicateId: duplicate, by: 'po' },
      },
    ]);
  };
  const unmerge = async (duplicate: string, survivor: string) => {
    await append(`feedback-${duplicate}`, [
      { type: 'FeedbackUnmerged', data: { feedbackId: duplicate, fromId: survivor, by: 'po' } },
    ]);
    await append(`feedback-${survivor}`, [
      {
        type: 'FeedbackDuplicateReleased',
        data: { feedbackId: survivor, duplicateId: duplicate, by: 'po' },
      },
    ]);
  };

  let item: string;
  let unlinkedItem: string;
  let otherItem: string;
  let exports: string;
  let imports: string;
  let acme: string;
  let globex: string;
  const people: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    acme = await company(500_000, 'Enterprise');
    globex = await company(120_000, 'SMB');
    for (const at of [acme, acme, globex, globex]) people.push(await customer(at));
    exports = await submit();
    imports = await submit();
  });
  afterAll(() => db.drop());

  it('gives a new item a row with no demand and a zero RICE score', async () => {
    item = await createItem();
    await project();
    const row = await scoreOf(item);
    expect(row).toMatchObject({
      workspace_id: workspaceId,
      model_id: 'rice',
      score: 0,
      votes: 0,
      revenue_cents: '0',
      segment_votes: {},
    });
    expect(row.breakdown).toMatchObject({
      modelId: 'rice',
      formula: 'reach * impact * confidence / effort',
      score: 0,
      problem: null,
    });
    expect(row.breakdown.factors.map((f) => [f.key, f.value, f.live])).toEqual([
      ['reach', 0, true],
      ['impact', 1, false],
      ['confidence', 0.8, false],
      ['effort', 1, false],
    ]);
  });

  it('moves the score with votes on linked feedback, each voter once', async () => {
    await link(item, exports);
    await vote(exports, people[0]!);
    await vote(exports, 'anonymous-voter');
    await project();
    expect((await scoreOf(item)).votes).toBe(2);
    expect((await scoreOf(item)).score).toBeCloseTo(1.6);

    await link(item, imports);
    await vote(imports, people[0]!);
    await vote(imports, people[2]!);
    await project();
    expect((await scoreOf(item)).votes).toBe(3);

    await withdraw(exports, 'anonymous-voter');
    await project();
    expect((await scoreOf(item)).votes).toBe(2);
    expect((await scoreOf(item)).score).toBeCloseTo(1.6);
  });

  it('scores with the hand-set factors, defaults for the rest', async () => {
    await setFactors(item, { impact: 3 });
    await setFactors(item, { effort: 4 });
    await project();
    const row = await scoreOf(item);
    expect(row.score).toBeCloseTo((2 * 3 * 0.8) / 4);
    expect(row.breakdown.factors.map((f) => [f.key, f.value])).toEqual([
      ['reach', 2],
      ['impact', 3],
      ['confidence', 0.8],
      ['effort', 4],
    ]);
  });

  it('drops the demand of unlinked feedback', async () => {
    await unlink(item, imports);
    await project();
    expect((await scoreOf(item)).votes).toBe(1);
    await link(item, imports);
    await project();
    expect((await scoreOf(item)).votes).toBe(2);
  });

  it('counts the votes of a duplicate merged into linked feedback, until it is unmerged', async () => {
    const duplicate = await submit();
    await vote(duplicate, people[1]!);
    await vote(duplicate, people[0]!);
    await project();
    expect((await scoreOf(item)).votes).toBe(2);

    await merge(duplicate, exports);
    await project();
    expect((await scoreOf(item)).votes).toBe(3);

    await vote(duplicate, people[3]!);
    await project();
    expect((await scoreOf(item)).votes).toBe(4);

    await unmerge(duplicate, exports);
    await project();
    expect((await scoreOf(item)).votes).toBe(2);
    await merge(duplicate, exports);
    await project();
    expect((await scoreOf(item)).votes).toBe(4);
  });

  it('rescores every item of the workspace, and only it, when the active model changes', async () => {
    unlinkedItem = await createItem();
    otherItem = await createItem(otherWorkspaceId);
    await project();
    await scoring('ScoringModelActivated', { modelId: 'ice' });
    await project();
    expect(await scoreOf(item)).toMatchObject({ model_id: 'ice', score: 3 * 5 * 5 });
    expect(await scoreOf(unlinkedItem)).toMatchObject({ model_id: 'ice', score: 125 });
    expect(await scoreOf(otherItem)).toMatchObject({ model_id: 'rice', score: 0 });
  });

  it('follows the MRR of the distinct companies behind the votes and the voters of a segment', async () => {
    await scoring('ScoringModelDefined', {
      modelId: 'revenue-pull',
      name: 'Revenue pull',
      preset: 'custom',
      formula: 'revenue / 100000 + enterprise',
      factors: [
        { key: 'revenue', name: 'Revenue', source: { kind: 'revenue' } },
        {
          key: 'enterprise',
          name: 'Enterprise voters',
          source: { kind: 'segment_votes', segment: 'enterprise' },
        },
      ],
    });
    await scoring('ScoringModelActivated', { modelId: 'revenue-pull' });
    await project();
    // Acme's two people and Globex's two vote on the group: each company counts once.
    expect(await scoreOf(item)).toMatchObject({
      model_id: 'revenue-pull',
      revenue_cents: '620000',
      segment_votes: { enterprise: 2 },
      score: 6.2 + 2,
    });

    await updateCompany(acme, { mrrCents: 800_000 });
    await project();
    expect(await scoreOf(item)).toMatchObject({ revenue_cents: '920000', score: 9.2 + 2 });

    await updateCompany(globex, { segment: 'ENTERPRISE' });
    await project();
    expect((await scoreOf(item)).segment_votes).toEqual({ enterprise: 4 });

    await moveCustomer(people[3]!, acme);
    await moveCustomer(people[2]!, acme);
    await project();
    expect(await scoreOf(item)).toMatchObject({
      revenue_cents: '800000',
      segment_votes: { enterprise: 4 },
    });
    expect((await scoreOf(item)).breakdown.factors).toEqual([
      {
        key: 'revenue',
        name: 'Revenue',
        source: { kind: 'revenue' },
        value: 800_000,
        live: true,
      },
      {
        key: 'enterprise',
        name: 'Enterprise voters',
        source: { kind: 'segment_votes', segment: 'enterprise' },
        value: 4,
        live: true,
      },
    ]);
  });

  it('has no score, and says why, when the formula divides by zero', async () => {
    await scoring('ScoringModelActivated', { modelId: 'rice' });
    await setFactors(unlinkedItem, { effort: 0 });
    await project();
    expect(await scoreOf(unlinkedItem)).toMatchObject({
      score: null,
      breakdown: { score: null, problem: 'Division by zero: effort is 0.' },
    });
  });

  it('costs one lookup for a batch of votes in a workspace without linked items', async () => {
    const feedbackId = await submit(otherWorkspaceId);
    await vote(feedbackId, 'someone', otherWorkspaceId);
    const events = await store.readStream(`ballot-${feedbackId}-someone`);
    await db.dataSource.transaction(async (tx) => {
      const query = jest.spyOn(tx, 'query');
      await applyScores(tx, events);
      expect(query).toHaveBeenCalledTimes(1);
    });
  });

  it('builds the same tables whatever the batch size', async () => {
    await link(otherItem, await submit(otherWorkspaceId), otherWorkspaceId);
    await project();
    const tables = async () => ({
      models: await db.dataSource.query<unknown[]>(
        `SELECT * FROM scoring_models ORDER BY workspace_id`,
      ),
      links: await db.dataSource.query<unknown[]>(
        `SELECT * FROM backlog_score_links ORDER BY item_id, feedback_id`,
      ),
      factors: await db.dataSource.query<unknown[]>(
        `SELECT * FROM backlog_item_factors ORDER BY item_id`,
      ),
      scores: await db.dataSource.query<unknown[]>(`SELECT * FROM backlog_scores ORDER BY item_id`),
    });
    const live = await tables();
    expect(live.scores).toHaveLength(3);
    for (const batchSize of [1, 3, 500]) {
      await rebuildProjection(db.dataSource, store, feedbackListProjection, batchSize);
      expect({ batchSize, ...(await tables()) }).toEqual({ batchSize, ...live });
    }
  });
});
