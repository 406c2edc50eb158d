import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  ballotDecider,
  ballotStreamId,
  feedbackDecider,
  feedbackStreamId,
  type Actor,
  type FeedbackStatus,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { hashToken, provisionWorkspace } from '@chorus/api';
import { demoCustomers, demoFeedback, pick, seededRandom } from './demo-data';

export const DEMO_SLUG = 'demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.chorus.dev';

const DAY = 86_400_000;

/** Paths through the workflow, weighted towards the early statuses as in a real inbox. */
const statusPaths: readonly FeedbackStatus[][] = [
  [],
  [],
  [],
  [],
  [],
  ['under_review'],
  ['under_review'],
  ['planned'],
  ['planned'],
  ['planned', 'in_progress'],
  ['planned', 'in_progress', 'done'],
  ['declined'],
];

type SeededItem = {
  input: { title: string; description: string; boardId: string };
  author: Actor;
  feedbackId: string;
  createdAt: number;
  status: FeedbackStatus;
};

export type DemoSeedResult = { seeded: boolean; feedback: number; votes: number };

/**
 * Seeds the demo workspace once: about 200 feedback items and 5,000 votes from 400 customers,
 * spread over the last 90 days, all through the domain deciders and the event store. Later runs
 * only make sure the admin's token is the one printed.
 */
export const seedDemoWorkspace = async (
  db: DataSource,
  adminToken: string,
  { feedbackCount = 200, voteCount = 5_000, customerCount = 400 } = {},
): Promise<DemoSeedResult> => {
  const existing = await db.query<unknown[]>(`SELECT id FROM users WHERE email = $1`, [
    DEMO_ADMIN_EMAIL,
  ]);
  if (existing.length > 0) {
    await db.query(`UPDATE users SET token_sha256 = $2 WHERE email = $1`, [
      DEMO_ADMIN_EMAIL,
      hashToken(adminToken),
    ]);
    return { seeded: false, feedback: 0, votes: 0 };
  }
  const random = seededRandom(20261128);
  const customers = demoCustomers(random, customerCount);
  const { workspaceId, people } = await provisionWorkspace(
    db,
    { name: 'Chorus Demo', slug: DEMO_SLUG },
    [
      { name: 'Alex Admin', email: DEMO_ADMIN_EMAIL, role: 'admin', token: adminToken },
      { name: 'Pat Product Owner', email: 'po@demo.chorus.dev', role: 'staff' },
      { name: 'Sam Support', email: 'support@demo.chorus.dev', role: 'staff' },
      ...customers.map((c) => ({ ...c, role: 'customer' as const })),
    ],
  );
  const staff = people.filter((p) => p.role !== 'customer');
  const voters = people.filter((p) => p.role === 'customer');
  const store = new PostgresEventStore(db);
  const now = Date.now();
  const context = (actor: Actor, at: number) => ({
    workspaceId,
    actorId: actor.id,
    correlationId: randomUUID(),
    occurredAt: new Date(at).toISOString(),
  });

  await db.transaction(async (tx) => {
    const items = demoFeedback(random, feedbackCount).map((input): SeededItem => {
      const author = random() < 0.8 ? pick(random, voters) : pick(random, staff);
      return {
        input,
        author,
        feedbackId: randomUUID(),
        createdAt: now - Math.floor(random() * 90 * DAY),
        status: 'open',
      };
    });
    for (const item of items) {
      const submit = {
        type: 'SubmitFeedback' as const,
        feedbackId: item.feedbackId,
        ...item.input,
        actor: item.author,
      };
      let state = feedbackDecider.initialState();
      const events = feedbackDecider.decide(submit, state);
      state = events.reduce(feedbackDecider.evolve, state);
      let version = events.length;
      await store.append(
        feedbackStreamId(item.feedbackId),
        0,
        events,
        context(item.author, item.createdAt),
        tx,
      );
      let at = item.createdAt;
      for (const status of pick(random, statusPaths)) {
        const po = staff[1]!;
        at += Math.floor(random() * Math.max(1, now - at) * 0.3);
        const moved = feedbackDecider.decide(
          { type: 'ChangeFeedbackStatus', feedbackId: item.feedbackId, status, actor: po },
          state,
        );
        state = moved.reduce(feedbackDecider.evolve, state);
        await store.append(feedbackStreamId(item.feedbackId), version, moved, context(po, at), tx);
        version += moved.length;
      }
      item.status = state.exists ? state.status : 'open';
    }

    // Popularity follows a power law: a few requests collect most of the votes.
    const weights = items.map((_, i) => 1 / Math.pow(i + 1, 0.9));
    const total = weights.reduce((a, b) => a + b, 0);
    const cast = new Set<string>();
    let attempts = 0;
    while (cast.size < voteCount && attempts < voteCount * 20) {
      attempts += 1;
      let r = random() * total;
      let index = 0;
      while (r > weights[index]! && index < items.length - 1) r -= weights[index++]!;
      const item = items[index]!;
      const voter = pick(random, voters);
      const key = `${item.feedbackId}:${voter.id}`;
      if (cast.has(key) || item.status === 'done' || item.status === 'declined') continue;
      cast.add(key);
      const events = ballotDecider.decide(
        { type: 'CastVote', feedbackId: item.feedbackId, actor: voter },
        {
          feedback: {
            exists: true,
            id: item.feedbackId,
            title: '',
            description: '',
            boardId: '',
            authorId: '',
            status: item.status,
          },
          voted: false,
        },
      );
      const at = item.createdAt + Math.floor(random() * (now - item.createdAt));
      await store.append(
        ballotStreamId(item.feedbackId, voter.id),
        0,
        events,
        context(voter, at),
        tx,
      );
    }
    return cast.size;
  });
  store.notifyAppended();
  const [{ votes }] = await db.query<[{ votes: number }]>(
    `SELECT count(*)::int AS votes FROM events WHERE type = 'VoteCast' AND workspace_id = $1`,
    [workspaceId],
  );
  return { seeded: true, feedback: feedbackCount, votes };
};
