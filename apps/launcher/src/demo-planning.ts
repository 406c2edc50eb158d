import { randomUUID } from 'node:crypto';
import {
  backlogItemDecider,
  backlogItemStreamId,
  feedbackStreamId,
  decideCarryOver,
  decidePlanning,
  decidePublication,
  decideSetBacklogItemFactors,
  initialScoring,
  initiativeDecider,
  initiativeStreamId,
  rankBetween,
  releaseDecider,
  releaseStreamId,
  sprintDecider,
  sprintStreamId,
  type Actor,
  type BacklogItem,
  type BacklogItemCommand,
  type Catalog,
  type Feedback,
  type Initiative,
  type PlanningCommand,
  type Release,
  type ReleaseCommand,
  type Sprint,
  type SprintCommand,
} from '@chorus/domain';
import type { NewEvent } from '@chorus/event-store';
import { demoEpics, demoInitiatives, type DemoStory } from './demo-data';

const DAY = 86_400_000;

/** Appends one stream's events at a version, as `actor`, dated `at` (the seed's transaction). */
export type SeedAppend = (
  streamId: string,
  version: number,
  events: NewEvent[],
  actor: Actor,
  at: number,
) => Promise<unknown>;

/** A feedback item of the seed, its folded state and stream version kept current. */
export type SeededFeedback = { feedbackId: string; state: Feedback; version: number };

type Folded<S> = { state: S; version: number };

const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10);
const quarterOf = (at: number) => {
  const date = new Date(at);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
};

/**
 * The loop of the seed article, already run a few times: initiatives on the roadmap, epics and
 * stories with acceptance criteria answering the most wanted feedback, hand-set scoring factors,
 * a completed sprint (one story carried over), an active sprint with work in every column and a
 * done story waiting for review, a planned sprint, a published release whose feedback is done
 * and whose voters and followers were notified, and a draft release. All through the deciders.
 */
export const seedPlanning = async ({
  append,
  feedback,
  votersOf,
  catalog,
  po,
  now,
}: {
  append: SeedAppend;
  feedback: readonly SeededFeedback[];
  /** Who voted on each feedback item (standing votes). */
  votersOf: ReadonlyMap<string, ReadonlySet<string>>;
  catalog: Catalog;
  po: Actor;
  now: number;
}) => {
  /** Appends a decision's events and keeps the stream's fold and version current. */
  const record = async <E extends NewEvent, S>(
    streamId: string,
    folded: Folded<S>,
    events: E[],
    evolve: (s: S, e: E) => S,
    at: number,
  ) => {
    await append(streamId, folded.version, events, po, at);
    folded.state = events.reduce(evolve, folded.state);
    folded.version += events.length;
  };
  const run = <C, E extends NewEvent, S>(
    decider: { decide: (c: C, s: S) => E[]; evolve: (s: S, e: E) => S },
    streamId: string,
    folded: Folded<S>,
    command: C,
    at: number,
  ) => record(streamId, folded, decider.decide(command, folded.state), decider.evolve, at);

  const initiatives = new Map<string, Folded<Initiative>>();
  for (const [i, input] of demoInitiatives.entries()) {
    const initiativeId = randomUUID();
    const folded: Folded<Initiative> = { state: { exists: false }, version: 0 };
    initiatives.set(input.key, folded);
    const quarter =
      input.quarterOffset === null ? null : quarterOf(now + input.quarterOffset * 91 * DAY);
    await run(
      initiativeDecider,
      initiativeStreamId(initiativeId),
      folded,
      { type: 'CreateInitiative', initiativeId, ...input, quarter, actor: po },
      now - (60 - i) * DAY,
    );
  }

  // The most wanted open requests, each answered by one story; none involved in a merge, so the
  // people who asked are exactly its voters and its author.
  const answerable = feedback.filter(
    (f) =>
      f.state.exists &&
      f.state.moderation === 'approved' &&
      !f.state.spam &&
      f.state.mergedInto === null &&
      f.state.duplicates.length === 0 &&
      f.state.statusKind !== 'done' &&
      f.state.statusKind !== 'closed',
  );
  answerable.sort(
    (a, b) => (votersOf.get(b.feedbackId)?.size ?? 0) - (votersOf.get(a.feedbackId)?.size ?? 0),
  );
  let nextFeedback = 0;

  const items = new Map<string, Folded<BacklogItem> & { itemId: string }>();
  let lastRank: string | null = null;
  const create = async (
    key: string,
    command: Omit<Extract<BacklogItemCommand, { type: 'CreateBacklogItem' }>, 'rank' | 'actor'>,
    at: number,
  ) => {
    lastRank = rankBetween(lastRank, null);
    const folded = { itemId: command.itemId, state: { exists: false } as BacklogItem, version: 0 };
    items.set(key, folded);
    await run(
      backlogItemDecider,
      backlogItemStreamId(command.itemId),
      folded,
      { ...command, rank: lastRank, actor: po },
      at,
    );
    return folded;
  };

  const scoring = initialScoring();
  const createStory = async (story: DemoStory, epic: BacklogItem, at: number) => {
    const asked = answerable[nextFeedback++];
    const itemId = randomUUID();
    const folded = await create(
      story.key,
      {
        type: 'CreateBacklogItem',
        itemId,
        kind: 'story',
        parentId: epic.exists ? epic.itemId : null,
        parent: epic,
        title: story.title,
        description: story.description,
        acceptanceCriteria: story.ready
          ? story.criteria.map(([given, when, then]) => ({ id: randomUUID(), given, when, then }))
          : [],
        estimate: story.ready ? story.estimate : null,
        labels: story.labels,
        feedbackIds: asked ? [asked.feedbackId] : [],
        feedback: asked ? { [asked.feedbackId]: asked.state } : {},
      },
      at,
    );
    const events = decideSetBacklogItemFactors(
      { type: 'SetBacklogItemFactors', itemId, factors: story.factors, actor: po },
      folded.state,
      scoring,
    );
    await record(backlogItemStreamId(itemId), folded, events, backlogItemDecider.evolve, at);
  };
  for (const [e, epic] of demoEpics.entries()) {
    const epicId = randomUUID();
    const epicItem = await create(
      epic.key,
      { type: 'CreateBacklogItem', itemId: epicId, kind: 'epic', title: epic.title },
      now - (55 - e) * DAY,
    );
    const initiative = initiatives.get(epic.initiative);
    if (initiative?.state.exists) {
      await run(
        backlogItemDecider,
        backlogItemStreamId(epicId),
        epicItem,
        {
          type: 'SetInitiative',
          itemId: epicId,
          initiativeId: initiative.state.initiativeId,
          initiative: { exists: true, archived: false },
          actor: po,
        },
        now - (55 - e) * DAY,
      );
    }
    for (const [s, story] of epic.stories.entries()) {
      await createStory(story, epicItem.state, now - (50 - e * 3 - s) * DAY);
    }
  }

  const sprints = new Map<string, Folded<Sprint> & { sprintId: string }>();
  const sprintCommand = async (key: string, command: SprintCommand, at: number) => {
    const folded = sprints.get(key) ?? {
      sprintId: command.sprintId,
      state: { exists: false },
      version: 0,
    };
    sprints.set(key, folded);
    await run(sprintDecider, sprintStreamId(command.sprintId), folded, command, at);
  };
  const planning = async (
    itemKey: string,
    sprintKey: string,
    command: PlanningCommand,
    at: number,
  ) => {
    const item = items.get(itemKey)!;
    const sprint = sprints.get(sprintKey)!;
    const events = decidePlanning(command, item.state, sprint.state);
    await record(backlogItemStreamId(item.itemId), item, events, backlogItemDecider.evolve, at);
  };
  const checkAllCriteria = async (itemKey: string, at: number) => {
    const item = items.get(itemKey)!;
    if (!item.state.exists) return;
    for (const criterion of item.state.acceptanceCriteria) {
      await run(
        backlogItemDecider,
        backlogItemStreamId(item.itemId),
        item,
        {
          type: 'CheckAcceptanceCriterion',
          itemId: item.itemId,
          criterionId: criterion.id,
          met: true,
          actor: po,
        },
        at,
      );
    }
  };
  /** Moves an item through the work states up to `to`, a day apart. */
  const work = async (itemKey: string, sprintKey: string, to: string, from: number) => {
    const path = ['in_progress', 'in_review', 'done'];
    for (const [i, state] of path.slice(0, path.indexOf(to) + 1).entries()) {
      const itemId = items.get(itemKey)!.itemId;
      await planning(
        itemKey,
        sprintKey,
        { type: 'ChangeWorkState', itemId, to: state, actor: po },
        from + i * DAY,
      );
    }
  };
  const sprintOf = (key: string) => sprints.get(key)!.sprintId;
  const itemOf = (key: string) => items.get(key)!.itemId;
  const plan = (itemKey: string, sprintKey: string, at: number) =>
    planning(
      itemKey,
      sprintKey,
      { type: 'PlanItem', itemId: itemOf(itemKey), sprintId: sprintOf(sprintKey), actor: po },
      at,
    );

  // Sprint 1: finished four weeks ago. Two stories accepted, one carried over into sprint 2.
  const s1Start = now - 42 * DAY;
  const s2Start = now - 7 * DAY;
  await sprintCommand(
    'sprint-1',
    {
      type: 'CreateSprint',
      sprintId: randomUUID(),
      name: 'Sprint 1',
      goal: 'Product Owners can get their data out of Chorus.',
      startDate: isoDate(s1Start),
      endDate: isoDate(s1Start + 13 * DAY),
      capacity: 13,
      actor: po,
    },
    s1Start - 2 * DAY,
  );
  await sprintCommand(
    'sprint-2',
    {
      type: 'CreateSprint',
      sprintId: randomUUID(),
      name: 'Sprint 2',
      goal: 'Enterprise admins can manage who sees what.',
      startDate: isoDate(s2Start),
      endDate: isoDate(s2Start + 13 * DAY),
      capacity: 21,
      actor: po,
    },
    s1Start + 10 * DAY,
  );
  for (const key of ['csv-export', 'scheduled-report', 'saved-views']) {
    await plan(key, 'sprint-1', s1Start - DAY);
  }
  await sprintCommand(
    'sprint-1',
    { type: 'StartSprint', sprintId: sprintOf('sprint-1'), actor: po },
    s1Start,
  );
  await work('csv-export', 'sprint-1', 'done', s1Start + DAY);
  await work('scheduled-report', 'sprint-1', 'done', s1Start + 4 * DAY);
  await work('saved-views', 'sprint-1', 'in_progress', s1Start + 6 * DAY);
  for (const key of ['csv-export', 'scheduled-report']) {
    await checkAllCriteria(key, s1Start + 11 * DAY);
    await planning(
      key,
      'sprint-1',
      { type: 'AcceptItem', itemId: itemOf(key), actor: po },
      s1Start + 12 * DAY,
    );
  }
  const sprint1Items = ['csv-export', 'scheduled-report', 'saved-views'].map((key) =>
    items.get(key)!,
  );
  const completion = sprintDecider.decide(
    {
      type: 'CompleteSprint',
      sprintId: sprintOf('sprint-1'),
      items: sprint1Items.map((i) => i.state),
      carryOverTo: { sprintId: sprintOf('sprint-2'), sprint: sprints.get('sprint-2')!.state },
      actor: po,
    },
    sprints.get('sprint-1')!.state,
  );
  const sprint1 = sprints.get('sprint-1')!;
  const completedAt = s1Start + 13 * DAY;
  await record(
    sprintStreamId(sprint1.sprintId),
    sprint1,
    completion,
    sprintDecider.evolve,
    completedAt,
  );
  const carried = items.get('saved-views')!;
  const carryOver = decideCarryOver(
    {
      type: 'CarryOver',
      itemId: carried.itemId,
      sprintId: sprint1.sprintId,
      to: sprintOf('sprint-2'),
      actor: po,
    },
    carried.state,
  );
  await record(
    backlogItemStreamId(carried.itemId),
    carried,
    carryOver,
    backlogItemDecider.evolve,
    completedAt,
  );

  // Sprint 2: running. Work in every column, one story done and waiting for the PO's review,
  // one accepted.
  for (const key of ['sso-roles', 'audit-export', 'private-boards']) {
    await plan(key, 'sprint-2', s2Start - DAY);
  }
  await sprintCommand(
    'sprint-2',
    { type: 'StartSprint', sprintId: sprintOf('sprint-2'), actor: po },
    s2Start,
  );
  await work('sso-roles', 'sprint-2', 'done', s2Start + DAY);
  await checkAllCriteria('sso-roles', s2Start + 4 * DAY);
  await planning(
    'sso-roles',
    'sprint-2',
    { type: 'AcceptItem', itemId: itemOf('sso-roles'), actor: po },
    s2Start + 4 * DAY,
  );
  await work('audit-export', 'sprint-2', 'done', s2Start + 2 * DAY);
  await work('saved-views', 'sprint-2', 'in_review', s2Start + 3 * DAY);
  await work('private-boards', 'sprint-2', 'in_progress', s2Start + 5 * DAY);

  await sprintCommand(
    'sprint-3',
    {
      type: 'CreateSprint',
      sprintId: randomUUID(),
      name: 'Sprint 3',
      goal: 'Customers can give feedback from their phones.',
      startDate: isoDate(s2Start + 14 * DAY),
      endDate: isoDate(s2Start + 27 * DAY),
      capacity: 18,
      actor: po,
    },
    now - DAY,
  );
  await plan('offline-drafts', 'sprint-3', now - DAY);

  // Release 1 shipped sprint 1's accepted stories a week after it ended.
  const releases = new Map<string, Folded<Release> & { releaseId: string }>();
  const releaseCommand = async (key: string, command: ReleaseCommand, at: number) => {
    const folded = releases.get(key) ?? {
      releaseId: command.releaseId,
      state: { exists: false },
      version: 0,
    };
    releases.set(key, folded);
    await run(releaseDecider, releaseStreamId(command.releaseId), folded, command, at);
  };
  const shippedAt = s1Start + 20 * DAY;
  const release1 = randomUUID();
  await releaseCommand(
    'r1',
    {
      type: 'CreateRelease',
      releaseId: release1,
      name: 'Reporting 1.0',
      date: isoDate(shippedAt),
      actor: po,
    },
    shippedAt - 5 * DAY,
  );
  for (const key of ['csv-export', 'scheduled-report']) {
    const item = items.get(key)!;
    await releaseCommand(
      'r1',
      { type: 'AddItem', releaseId: release1, itemId: item.itemId, item: item.state, actor: po },
      shippedAt - 4 * DAY,
    );
  }
  await releaseCommand(
    'r1',
    {
      type: 'WriteChangelogEntry',
      releaseId: release1,
      title: 'Your feedback, out of Chorus: CSV export and scheduled reports',
      body: [
        'You asked for it, and here it is.',
        '',
        '- **Export as CSV** from any filtered view of the inbox.',
        '- **Scheduled reports**: a weekly digest of the top requests, by email.',
        '',
        'Thank you to everyone who voted.',
      ].join('\n'),
      actor: po,
    },
    shippedAt - 2 * DAY,
  );
  const r1 = releases.get('r1')!;
  const releaseItems = Object.fromEntries(
    ['csv-export', 'scheduled-report'].map((key) => [
      items.get(key)!.itemId,
      items.get(key)!.state,
    ]),
  );
  const linked = Object.values(releaseItems).flatMap((item) =>
    item.exists ? item.feedbackIds : [],
  );
  const feedbackById = new Map(feedback.map((f) => [f.feedbackId, f]));
  const recipients = new Map<string, string[]>();
  for (const feedbackId of linked) {
    const asked = feedbackById.get(feedbackId);
    const people = new Set(votersOf.get(feedbackId) ?? []);
    if (asked?.state.exists) people.add(asked.state.authorId);
    for (const person of people)
      recipients.set(person, [...(recipients.get(person) ?? []), feedbackId]);
  }
  const publication = decidePublication({
    command: {
      type: 'PublishRelease',
      releaseId: release1,
      items: releaseItems,
      now: new Date(shippedAt).toISOString(),
      actor: po,
    },
    release: r1.state,
    feedback: new Map(linked.map((id) => [id, feedbackById.get(id)!.state])),
    catalog,
    recipients,
    newId: randomUUID,
  });
  const versionOf = new Map<string, number>([
    [releaseStreamId(release1), r1.version],
    ...[...items.values()].map((i) => [backlogItemStreamId(i.itemId), i.version] as const),
    ...linked.map((id) => [feedbackStreamId(id), feedbackById.get(id)!.version] as const),
  ]);
  for (const { streamId, events } of publication) {
    await append(streamId, versionOf.get(streamId) ?? 0, events, po, shippedAt);
  }

  // Release 2 is being written: sprint 2's accepted story, a draft entry.
  const release2 = randomUUID();
  await releaseCommand(
    'r2',
    {
      type: 'CreateRelease',
      releaseId: release2,
      name: 'Enterprise 1.0',
      date: isoDate(s2Start + 16 * DAY),
      actor: po,
    },
    now - DAY,
  );
  const sso = items.get('sso-roles')!;
  await releaseCommand(
    'r2',
    { type: 'AddItem', releaseId: release2, itemId: sso.itemId, item: sso.state, actor: po },
    now - DAY,
  );
  await releaseCommand(
    'r2',
    {
      type: 'WriteChangelogEntry',
      releaseId: release2,
      title: 'Single sign-on with roles from your identity provider',
      body: 'Draft: sign in with your company account; roles follow your IdP groups.',
      actor: po,
    },
    now - DAY,
  );
  return { items: items.size, sprints: sprints.size, releases: releases.size };
};
