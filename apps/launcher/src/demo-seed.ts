import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
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
  evolveComment,
  initialComment,
  feedbackDecider,
  feedbackSources,
  feedbackStreamId,
  whyVotingIsClosed,
  type Actor,
  type Comment,
  type Feedback,
  type FeedbackCommand,
  type FeedbackStatus,
} from '@chorus/domain';
import { PostgresEventStore, type NewEvent } from '@chorus/event-store';
import {
  companyIdOf,
  customerIdOf,
  hashPassword,
  hashToken,
  provisionWorkspace,
} from '@chorus/api';
import { seedPlanning } from './demo-planning';
import {
  demoCatalogCommands,
  demoCategories,
  demoComments,
  demoCompanies,
  demoCustomers,
  demoFeedback,
  demoTags,
  pick,
  seededRandom,
} from './demo-data';

export const DEMO_SLUG = 'demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.chorus.dev';
/** The demo admin's password, to try signing in as people do; never set in production. */
export const DEMO_ADMIN_PASSWORD = 'chorus-demo-password';

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
  ['needs_info'],
  ['planned'],
  ['planned'],
  ['planned', 'in_progress'],
  ['planned', 'in_progress', 'done'],
  ['declined'],
];

/** Channels a teammate records feedback from, besides customers using the app themselves. */
const capturedSources = feedbackSources.filter((s) => s !== 'app' && s !== 'import');
const quotes = [
  'Without this we cannot roll it out to the whole team.',
  'Our CFO asked for this twice in the last QBR.',
  'It is the one thing the competitor has that we miss.',
  'We would upgrade for this.',
];

type Item = { feedbackId: string; createdAt: number; state: Feedback; version: number };

export type DemoSeedResult = { seeded: boolean; feedback: number; votes: number };

/**
 * Seeds the demo workspace once, all through the domain deciders and the event store: boards
 * (one moderated, one private), tags, a custom status, 20 companies with MRR and 400 of their
 * people, about 200 feedback items over the last 90 days (some captured by teammates from sales
 * calls and tickets, a few awaiting approval, two spam), 5,000 votes with a power-law skew,
 * comment threads with internal notes, and duplicate pairs — three merged, others left for the
 * Product Owner to find — then the planning loop that answers the most wanted requests
 * (`seedPlanning`). Later runs only make sure the admin's token is the one printed.
 */
export const seedDemoWorkspace = async (
  db: DataSource,
  adminToken: string,
  {
    feedbackCount = 200,
    voteCount = 5_000,
    customerCount = 400,
    adminPassword,
  }: {
    feedbackCount?: number;
    voteCount?: number;
    customerCount?: number;
    /** Lets the demo admin sign in with email and password too. */
    adminPassword?: string;
  } = {},
): Promise<DemoSeedResult> => {
  const existing = await db.query<unknown[]>(`SELECT id FROM users WHERE email = $1`, [
    DEMO_ADMIN_EMAIL,
  ]);
  // Later runs make sure the admin's token (and password) are the ones printed.
  const admitAdmin = async (): Promise<void> => {
    const passwordHash = adminPassword === undefined ? null : await hashPassword(adminPassword);
    await db.query(
      `UPDATE users SET token_sha256 = $2, password_hash = coalesce($3, password_hash)
       WHERE email = $1`,
      [DEMO_ADMIN_EMAIL, hashToken(adminToken), passwordHash],
    );
  };
  if (existing.length > 0) {
    await admitAdmin();
    return { seeded: false, feedback: 0, votes: 0 };
  }
  const random = seededRandom(20261128);
  const { workspaceId, people } = await provisionWorkspace(
    db,
    { name: 'Chorus Demo', slug: DEMO_SLUG },
    [
      { name: 'Alex Admin', email: DEMO_ADMIN_EMAIL, role: 'admin', token: adminToken },
      { name: 'Pat Product Owner', email: 'po@demo.chorus.dev', role: 'product_owner' },
      { name: 'Sam Support', email: 'support@demo.chorus.dev', role: 'teammate' },
    ],
  );
  const [admin, po, support] = people as unknown as [Actor, Actor, Actor];
  const staff = [po, support];
  const store = new PostgresEventStore(db);
  const now = Date.now();
  const seedStart = now - 120 * DAY;

  const votes = await db.transaction(async (tx) => {
    const append = (
      streamId: string,
      version: number,
      events: NewEvent[],
      actor: Actor,
      at: number,
    ) =>
      store.append(
        streamId,
        version,
        events,
        {
          workspaceId,
          actorId: actor.id,
          correlationId: randomUUID(),
          occurredAt: new Date(at).toISOString(),
        },
        tx,
      );

    const catalog = await seedCatalog(append, workspaceId, admin, seedStart);
    const customers = await seedCustomers(
      append,
      workspaceId,
      admin,
      seedStart,
      random,
      customerCount,
    );
    const customerActors: Actor[] = customers;

    const decide = async (item: Item, command: FeedbackCommand, actor: Actor, at: number) => {
      const events = feedbackDecider.decide(command, item.state);
      item.state = events.reduce(feedbackDecider.evolve, item.state);
      await append(feedbackStreamId(item.feedbackId), item.version, events, actor, at);
      item.version += events.length;
    };

    const items: Item[] = [];
    for (const input of demoFeedback(random, feedbackCount)) {
      const item: Item = {
        feedbackId: randomUUID(),
        createdAt: now - Math.floor(random() * 90 * DAY),
        state: feedbackDecider.initialState(),
        version: 0,
      };
      items.push(item);
      const customer = pick(random, customerActors);
      const roll = random();
      // Most come from customers in the app, some are captured by the team, a few are the team's own.
      const [actor, onBehalfOf] =
        roll < 0.65 && input.boardId !== 'security'
          ? [customer, undefined]
          : roll < 0.9
            ? [
                pick(random, staff),
                {
                  customerId: customer.id,
                  source: pick(random, capturedSources),
                  quote: random() < 0.6 ? pick(random, quotes) : undefined,
                },
              ]
            : [pick(random, staff), undefined];
      const categories = demoCategories[input.boardId] ?? [];
      const categoryId =
        categories.length > 0 && random() < 0.5 ? pick(random, categories).categoryId : undefined;
      const submit = {
        type: 'SubmitFeedback' as const,
        feedbackId: item.feedbackId,
        ...input,
        categoryId,
      };
      await decide(item, { ...submit, onBehalfOf, catalog, actor }, actor, item.createdAt);
      let at = item.createdAt;
      const later = () => (at += Math.floor(random() * Math.max(1, now - at) * 0.3));
      const { feedbackId } = item;
      const triage = (command: FeedbackCommand) => decide(item, command, po, later());
      // Moderated posts are approved after a while, except the newest few.
      if (item.state.exists && item.state.moderation === 'pending' && now - at > 5 * DAY) {
        await triage({ type: 'ApproveFeedback', feedbackId, actor: po });
      }
      if (!item.state.exists || item.state.moderation !== 'approved') continue;
      for (const status of pick(random, statusPaths)) {
        await triage({ type: 'ChangeFeedbackStatus', feedbackId, status, catalog, actor: po });
      }
      const tagCount = random() < 0.55 ? 1 + Math.floor(random() * 2) : 0;
      for (let t = 0; t < tagCount; t++) {
        const tagId = pick(random, demoTags).tagId;
        if (!item.state.tags.includes(tagId)) {
          await triage({ type: 'TagFeedback', feedbackId, tagId, catalog, actor: po });
        }
      }
    }
    for (const title of ['Cheap followers, best price!!!', 'Crypto giveaway — click here']) {
      const item: Item = {
        feedbackId: randomUUID(),
        createdAt: now - Math.floor(random() * 10 * DAY),
        state: feedbackDecider.initialState(),
        version: 0,
      };
      const spammer = pick(random, customerActors);
      const submit = { type: 'SubmitFeedback' as const, feedbackId: item.feedbackId, title };
      await decide(item, { ...submit, catalog, actor: spammer }, spammer, item.createdAt);
      await decide(
        item,
        { type: 'MarkFeedbackSpam', feedbackId: item.feedbackId, actor: support },
        support,
        item.createdAt + DAY,
      );
    }

    const votersOf = await seedVotes(append, items, customers, support, random, voteCount, now);
    await seedComments(append, items, customerActors, po, random, now);
    await seedDuplicates(append, items, po, feedbackCount, now);
    await seedPlanning({ append, feedback: items, votersOf, catalog, po, now });
    return [...votersOf.values()].reduce((sum, voters) => sum + voters.size, 0);
  });
  store.notifyAppended();
  await admitAdmin();
  return { seeded: true, feedback: feedbackCount, votes };
};

type Append = (
  streamId: string,
  version: number,
  events: NewEvent[],
  actor: Actor,
  at: number,
) => Promise<unknown>;

const seedCatalog = async (append: Append, workspaceId: string, admin: Actor, at: number) => {
  let catalog = catalogDecider.initialState();
  let version = 0;
  const commands = demoCatalogCommands(admin);
  for (const command of commands) {
    const events = catalogDecider.decide(command, catalog);
    catalog = events.reduce(catalogDecider.evolve, catalog);
    await append(catalogStreamId(workspaceId), version, events, admin, at);
    version += events.length;
  }
  return catalog;
};

/** Companies with MRR and their people; returns the customers' ids. */
const seedCustomers = async (
  append: Append,
  workspaceId: string,
  admin: Actor,
  at: number,
  random: () => number,
  count: number,
): Promise<DemoCustomer[]> => {
  const companyByDomain = new Map<string, string>();
  for (const company of demoCompanies(random)) {
    const companyId = companyIdOf(workspaceId, company.externalId);
    companyByDomain.set(company.domain, companyId);
    const events = companyDecider.decide(
      { type: 'UpsertCompany', companyId, ...company, actor: admin },
      companyDecider.initialState(),
    );
    await append(companyStreamId(companyId), 0, events, admin, at);
  }
  const customers: DemoCustomer[] = [];
  for (const [i, person] of demoCustomers(random, count).entries()) {
    const externalId = `user-${10_000 + i}`;
    const customerId = customerIdOf(workspaceId, externalId);
    const companyId = companyByDomain.get(person.domain) ?? null;
    customers.push({ id: customerId, role: 'customer', companyId });
    const events = customerDecider.decide(
      {
        type: 'UpsertCustomer',
        customerId,
        externalId,
        email: person.email,
        name: person.name,
        companyId,
        actor: admin,
      },
      customerDecider.initialState(),
    );
    await append(customerStreamId(customerId), 0, events, admin, at);
  }
  return customers;
};

type DemoCustomer = Actor & { companyId: string | null };

/**
 * Popularity follows a power law: a few requests collect most of the votes. Each request matters
 * most to a few companies, whose people cast nearly all its votes, so revenue ranks differently from
 * votes. Returns who voted on each item.
 */
const seedVotes = async (
  append: Append,
  items: readonly Item[],
  customers: readonly DemoCustomer[],
  teammate: Actor,
  random: () => number,
  voteCount: number,
  now: number,
): Promise<Map<string, Set<string>>> => {
  const weights = items.map((_, i) => 1 / Math.pow(i + 1, 0.9));
  const total = weights.reduce((a, b) => a + b, 0);
  const companies = [...new Set(customers.map((c) => c.companyId))];
  const interested = items.map(() => {
    const few = new Set(
      Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(random, companies)),
    );
    return customers.filter((c) => few.has(c.companyId));
  });
  const cast = new Set<string>();
  const votersOf = new Map<string, Set<string>>();
  let attempts = 0;
  while (cast.size < voteCount && attempts < voteCount * 20) {
    attempts += 1;
    let r = random() * total;
    let index = 0;
    while (r > weights[index]! && index < items.length - 1) r -= weights[index++]!;
    const item = items[index]!;
    const voter = pick(random, random() < 0.97 ? interested[index]! : customers);
    const key = `${item.feedbackId}:${voter.id}`;
    if (cast.has(key) || !item.state.exists || whyVotingIsClosed(item.state)) continue;
    if (item.state.moderation !== 'approved') continue;
    cast.add(key);
    votersOf.set(item.feedbackId, (votersOf.get(item.feedbackId) ?? new Set()).add(voter.id));
    // One vote in ten is recorded by the team from a call or a ticket.
    const captured = random() < 0.1;
    const events = ballotDecider.decide(
      captured
        ? {
            type: 'CastVote',
            feedbackId: item.feedbackId,
            actor: teammate,
            onBehalfOf: { customerId: voter.id, source: pick(random, capturedSources) },
          }
        : { type: 'CastVote', feedbackId: item.feedbackId, actor: voter },
      { feedback: item.state, voted: false },
    );
    const at = item.createdAt + Math.floor(random() * (now - item.createdAt));
    const actor = captured ? teammate : voter;
    await append(ballotStreamId(item.feedbackId, voter.id), 0, events, actor, at);
  }
  return votersOf;
};

/** Threads on about a third of the items: teammates' answers, internal notes, customers' replies. */
const seedComments = async (
  append: Append,
  items: readonly Item[],
  customers: readonly Actor[],
  po: Actor,
  random: () => number,
  now: number,
) => {
  for (const item of items) {
    if (!item.state.exists || item.state.moderation !== 'approved' || random() > 0.35) continue;
    let at = item.createdAt;
    const post = async (
      actor: Actor,
      body: string,
      visibility: 'public' | 'internal',
      parent?: Comment,
    ): Promise<Comment> => {
      at += Math.floor(random() * Math.max(1, now - at) * 0.25);
      const commentId = randomUUID();
      const command = {
        type: 'PostComment' as const,
        commentId,
        feedbackId: item.feedbackId,
        body,
        visibility,
        parentId: parent?.exists ? parent.commentId : undefined,
        actor,
      };
      const events = decidePostComment(command, item.state, parent);
      await append(commentStreamId(commentId), 0, events, actor, at);
      return events.reduce(evolveComment, initialComment());
    };
    const question = await post(
      pick(random, customers),
      pick(random, demoComments.customer),
      'public',
    );
    if (random() < 0.7) await post(po, pick(random, demoComments.staff), 'public', question);
    if (random() < 0.3)
      await post(pick(random, customers), pick(random, demoComments.customer), 'public', question);
    if (random() < 0.4) await post(po, pick(random, demoComments.internal), 'internal');
  }
};

/**
 * demoFeedback repeats its requests with qualifiers ("Dark mode for the dashboard" and later
 * "Dark mode for the dashboard on mobile"): real duplicates. Three pairs are merged; the rest
 * wait in the inbox for the Product Owner.
 */
const seedDuplicates = async (
  append: Append,
  items: Item[],
  actor: Actor,
  feedbackCount: number,
  now: number,
) => {
  const requestsCount = 30;
  let merged = 0;
  for (let i = 0; i < requestsCount && merged < 3; i++) {
    const survivor = items[i];
    const duplicate = items[i + requestsCount];
    if (!survivor || !duplicate || i + requestsCount >= feedbackCount) break;
    if (!survivor.state.exists || !duplicate.state.exists) continue;
    if (survivor.state.moderation !== 'approved' || duplicate.state.moderation !== 'approved')
      continue;
    const decision = decideMerge(
      {
        type: 'MergeFeedback',
        duplicateId: duplicate.feedbackId,
        intoId: survivor.feedbackId,
        actor,
      },
      duplicate.state,
      survivor.state,
    );
    const at = now - 2 * DAY;
    await append(
      feedbackStreamId(duplicate.feedbackId),
      duplicate.version,
      decision.duplicate,
      actor,
      at,
    );
    await append(
      feedbackStreamId(survivor.feedbackId),
      survivor.version,
      decision.survivor,
      actor,
      at,
    );
    duplicate.version += decision.duplicate.length;
    survivor.version += decision.survivor.length;
    merged += 1;
  }
};
