import { randomUUID } from 'node:crypto';
import {
  PostgresEventStore,
  catchUp,
  rebuildProjection,
  type CommandContext,
} from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { feedbackFollowersProjection } from './feedback-followers.projection';

type Row = {
  feedback_id: string;
  person_id: string;
  auto_reason: string | null;
  choice: string | null;
};

describe('feedback_followers projection', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const workspaceId = randomUUID();
  const feedbackId = randomUUID();
  const [author, voter, teammate, customer, unfollower] = ['author', 'voter', 'tm', 'cust', 'unf'];
  const context = (actorId: string): CommandContext => ({
    workspaceId,
    actorId,
    correlationId: randomUUID(),
  });
  const submitted = (id: string, authorId: string, capturedBy: string | null) => ({
    type: 'FeedbackSubmitted',
    data: {
      feedbackId: id,
      title: 'Offline mode',
      description: '',
      boardId: 'general',
      authorId,
      statusId: 'open',
      moderation: 'approved',
      source: capturedBy ? 'sales_call' : 'app',
      capturedBy,
      quote: null,
      categoryId: null,
    },
  });
  const vote = (voterId: string) => ({
    type: 'VoteCast',
    data: { feedbackId, voterId, source: 'app', capturedBy: null, quote: null },
  });
  const follow = (type: 'FeedbackFollowed' | 'FeedbackUnfollowed', personId: string) => ({
    type,
    data: { feedbackId, personId },
  });
  const rows = () =>
    db.dataSource.query<Row[]>(
      `SELECT feedback_id, person_id, auto_reason, choice FROM feedback_followers
       ORDER BY feedback_id, person_id`,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.dataSource);
    await store.append(
      `feedback-${feedbackId}`,
      0,
      [submitted(feedbackId, author, null)],
      context(author),
    );
    await store.append(`ballot-${feedbackId}-${author}`, 0, [vote(author)], context(author));
    await store.append(`ballot-${feedbackId}-${voter}`, 0, [vote(voter)], context(voter));
    await store.append(
      `follow-${feedbackId}-${teammate}`,
      0,
      [follow('FeedbackFollowed', teammate)],
      context(teammate),
    );
    await store.append(
      `follow-${feedbackId}-${unfollower}`,
      0,
      [follow('FeedbackFollowed', unfollower), follow('FeedbackUnfollowed', unfollower)],
      context(unfollower),
    );
    // Unfollowing before voting: the explicit choice still wins.
    await store.append(
      `follow-${feedbackId}-${voter}`,
      0,
      [follow('FeedbackUnfollowed', voter)],
      context(voter),
    );
    await store.append(
      `ballot-${feedbackId}-${voter}`,
      1,
      [{ type: 'VoteWithdrawn', data: { feedbackId, voterId: voter } }],
      context(voter),
    );
    await store.append(`ballot-${feedbackId}-${voter}`, 2, [vote(voter)], context(voter));
    // Captured by a teammate for a customer: the customer follows, the teammate does not.
    const captured = randomUUID();
    await store.append(
      `feedback-${captured}`,
      0,
      [submitted(captured, customer, teammate)],
      context(teammate),
    );
  });
  afterAll(() => db.drop());

  it('records authors, voters and explicit choices', async () => {
    await catchUp(db.dataSource, store, feedbackFollowersProjection);
    const all = await rows();
    const mine = all.filter((r) => r.feedback_id === feedbackId);
    expect(mine).toEqual(
      [
        { person_id: author, auto_reason: 'author', choice: null },
        { person_id: voter, auto_reason: 'voter', choice: 'unfollowed' },
        { person_id: teammate, auto_reason: null, choice: 'following' },
        { person_id: unfollower, auto_reason: null, choice: 'unfollowed' },
      ]
        .map((r) => ({ feedback_id: feedbackId, ...r }))
        .sort((a, b) => a.person_id.localeCompare(b.person_id)),
    );
    const captured = all.filter((r) => r.feedback_id !== feedbackId);
    expect(captured.map((r) => [r.person_id, r.auto_reason, r.choice])).toEqual([
      [customer, 'author', null],
    ]);
  });

  it('ends with the same rows whatever the batch size, and after a rebuild', async () => {
    const whole = await rows();
    await rebuildProjection(db.dataSource, store, feedbackFollowersProjection, 1);
    expect(await rows()).toEqual(whole);
    await rebuildProjection(db.dataSource, store, feedbackFollowersProjection, 3);
    expect(await rows()).toEqual(whole);
    // Applying the whole log again over the rows changes nothing.
    const events = await store.readLog({ transactionId: '0', globalPosition: '0' }, 1000);
    await db.dataSource.transaction((tx) =>
      feedbackFollowersProjection.applyBatch(
        tx,
        events.filter((e) => feedbackFollowersProjection.handles.has(e.type)),
      ),
    );
    expect(await rows()).toEqual(whole);
  });
});
