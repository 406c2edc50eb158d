import { randomUUID } from 'node:crypto';
import { ballotStreamId, feedbackStreamId } from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import type { TestDatabase } from '@chorus/event-store/testing';

export const workspaceId = randomUUID();
const context = { workspaceId, actorId: 'seed', correlationId: randomUUID() };

/** A small but varied history: submissions, edits, status moves, votes and withdrawals. */
export const writeHistory = async (
  store: PostgresEventStore,
  feedbackCount: number,
  votersPerItem: number,
) => {
  const ids: string[] = [];
  for (let i = 0; i < feedbackCount; i++) {
    const feedbackId = randomUUID();
    ids.push(feedbackId);
    await store.append(
      feedbackStreamId(feedbackId),
      0,
      [
        {
          type: 'FeedbackSubmitted',
          data: {
            feedbackId,
            title: `Idea ${i}`,
            description: 'Because',
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
        ...(i % 3 === 0
          ? [
              {
                type: 'FeedbackEdited',
                data: { feedbackId, title: `Idea ${i} (edited)`, editedBy: 'a' },
              },
            ]
          : []),
        ...(i % 4 === 0
          ? [
              {
                type: 'FeedbackStatusChanged',
                data: {
                  feedbackId,
                  from: 'open',
                  to: 'planned',
                  toKind: 'active',
                  changedBy: 'po',
                },
              },
            ]
          : []),
      ],
      context,
    );
    for (let v = 0; v < votersPerItem - (i % votersPerItem); v++) {
      const voterId = `voter-${v}`;
      const vote = { feedbackId, voterId };
      const cast = { ...vote, source: 'app', capturedBy: null, quote: null };
      const events =
        v % 5 === 0
          ? [
              { type: 'VoteCast', data: cast },
              { type: 'VoteWithdrawn', data: vote },
            ]
          : [{ type: 'VoteCast', data: cast }];
      await store.append(ballotStreamId(feedbackId, voterId), 0, events, context);
    }
  }
  return ids;
};

/**
 * Customers of two companies voting on the first items, a comment thread, and the second item
 * merged into the first with overlapping voters: what revenue, merge and comment counts need.
 */
export const writeCustomerHistory = async (store: PostgresEventStore, ids: readonly string[]) => {
  const [survivor, duplicate] = ids;
  if (!survivor || !duplicate) throw new Error('writeCustomerHistory needs two feedback items');
  const companies = [
    { companyId: randomUUID(), externalId: 'acme', name: 'Acme', mrrCents: 500_000 },
    { companyId: randomUUID(), externalId: 'globex', name: 'Globex', mrrCents: 120_000 },
  ];
  for (const c of companies) {
    await store.append(
      `company-${c.companyId}`,
      0,
      [
        {
          type: 'CompanyCreated',
          data: { ...c, domain: null, plan: 'pro', segment: 'enterprise', attributes: {} },
        },
      ],
      context,
    );
  }
  const customers = Array.from({ length: 4 }, (_, i) => ({
    customerId: randomUUID(),
    externalId: `customer-${i}`,
    email: `c${i}@example.com`,
    name: `Customer ${i}`,
    companyId: companies[i % 2]!.companyId,
  }));
  for (const c of customers) {
    await store.append(
      `customer-${c.customerId}`,
      0,
      [{ type: 'CustomerCreated', data: c }],
      context,
    );
  }
  // Customers 0 and 1 vote on both halves of the merge; 2 only on the duplicate.
  const votes: [string, number][] = [
    [survivor, 0],
    [survivor, 1],
    [duplicate, 0],
    [duplicate, 1],
    [duplicate, 2],
  ];
  for (const [feedbackId, i] of votes) {
    const voterId = customers[i]!.customerId;
    await store.append(
      ballotStreamId(feedbackId, voterId),
      0,
      [
        {
          type: 'VoteCast',
          data: { feedbackId, voterId, source: 'sales_call', capturedBy: 'po', quote: null },
        },
      ],
      context,
    );
  }
  const comment = (feedbackId: string, visibility: 'public' | 'internal', body: string) => ({
    commentId: randomUUID(),
    feedbackId,
    parentId: null,
    authorId: 'po',
    byStaff: true,
    visibility,
    body,
    mentions: [],
  });
  const publicOne = comment(survivor, 'public', 'Thanks, we are looking into exports');
  const deleted = comment(duplicate, 'public', 'Posted by mistake');
  for (const c of [publicOne, comment(duplicate, 'internal', 'Acme asked twice'), deleted]) {
    await store.append(`comment-${c.commentId}`, 0, [{ type: 'CommentPosted', data: c }], context);
  }
  await store.append(
    `comment-${deleted.commentId}`,
    1,
    [{ type: 'CommentDeleted', data: { commentId: deleted.commentId, feedbackId: duplicate } }],
    context,
  );
  // Globex upgrades after the votes: revenue must follow.
  await store.append(
    `company-${companies[1]!.companyId}`,
    1,
    [{ type: 'CompanyUpdated', data: { companyId: companies[1]!.companyId, mrrCents: 200_000 } }],
    context,
  );
  const merge = async (from: number, to: number) => {
    await store.append(
      feedbackStreamId(duplicate),
      from,
      [{ type: 'FeedbackMerged', data: { feedbackId: duplicate, intoId: survivor, by: 'po' } }],
      context,
    );
    await store.append(
      feedbackStreamId(survivor),
      to,
      [
        {
          type: 'FeedbackDuplicateAbsorbed',
          data: { feedbackId: survivor, duplicateId: duplicate, by: 'po' },
        },
      ],
      context,
    );
  };
  const versions = await Promise.all(
    [duplicate, survivor].map(async (id) => (await store.readStream(feedbackStreamId(id))).length),
  );
  await merge(versions[0]!, versions[1]!);
  return { survivor, duplicate, customers, companies };
};

/** Every read-model table, row by row, for comparing two ways of building them. */
export const snapshot = async (db: TestDatabase) => ({
  workspaces: await db.dataSource.query<unknown[]>(
    `SELECT * FROM workspaces ORDER BY workspace_id`,
  ),
  list: await db.dataSource.query<unknown[]>(`SELECT * FROM feedback_list ORDER BY feedback_id`),
  ballots: await db.dataSource.query<unknown[]>(
    `SELECT * FROM feedback_ballots ORDER BY feedback_id, voter_id`,
  ),
  comments: await db.dataSource.query<unknown[]>(
    `SELECT * FROM feedback_comments ORDER BY comment_id`,
  ),
  customers: await db.dataSource.query<unknown[]>(`SELECT * FROM customers ORDER BY customer_id`),
  companies: await db.dataSource.query<unknown[]>(`SELECT * FROM companies ORDER BY company_id`),
});
