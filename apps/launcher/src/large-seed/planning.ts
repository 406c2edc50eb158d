import {
  backlogItemDecider,
  backlogItemStreamId,
  decideCarryOver,
  decidePlanning,
  decidePublication,
  decideSetBacklogItemFactors,
  evolveBacklogItem,
  feedbackStreamId,
  initialScoring,
  initiativeDecider,
  initiativeStreamId,
  rankBetween,
  releaseDecider,
  releaseStreamId,
  sprintDecider,
  sprintStreamId,
  whyNotReady,
  type BacklogItem,
  type BacklogItemCommand,
  type BacklogItemEvent,
  type CriterionDraft,
  type FeedbackEvent,
  type Initiative,
  type InitiativeCommand,
  type PlanningCommand,
  type Release,
  type ReleaseCommand,
  type ReleaseEvent,
  type Sprint,
  type SprintCommand,
} from '@chorus/domain';
import type { NewEvent } from '@chorus/event-store';
import { pick } from '../demo-data';
import { DAY, HOUR, allocate, between, exponential } from './sampling';
import { initiativeThemes, sprintGoals } from './vocabulary';
import type { FeedbackRecord, World } from './world';

const WEEK = 7 * DAY;
const SPRINT_DAYS = 14;
const workPath = ['in_progress', 'in_review', 'done'] as const;
const estimates = [1, 2, 3, 3, 5, 5, 8, 13];

type Folded<S> = { state: S; version: number };
type Item = Folded<BacklogItem> & {
  itemId: string;
  /** The feedback it answers (stories). */
  answers: FeedbackRecord | null;
  inRelease: boolean;
};
type SprintRecord = Folded<Sprint> & {
  sprintId: string;
  number: number;
  completesAt: number;
  items: Item[];
};
type InitiativeRecord = Folded<Initiative> & { initiativeId: string; epic: Item };
type ReleaseRecord = Folded<Release> & { releaseId: string; items: Item[] };

const isoDate = (at: number) => new Date(at).toISOString().slice(0, 10);
const quarterOf = (at: number) => {
  const date = new Date(at);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
};
// Spelled out here rather than by the locale data of whichever Node runs the seed.
const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthOf = (at: number) => {
  const date = new Date(at);
  return `${months[date.getUTCMonth()]!} ${date.getUTCFullYear()}`;
};
const byRank = (a: Item, b: Item) => {
  const [ra, rb] = [a.state.exists ? a.state.rank : '', b.state.exists ? b.state.rank : ''];
  return ra < rb ? -1 : ra > rb ? 1 : a.itemId < b.itemId ? -1 : 1;
};

/**
 * The modest planning layer over two years, all through the deciders: two initiatives a quarter
 * with their epics, stories each week answering the most wanted open feedback (most ready, some
 * refined later), a two-week sprint cadence (planned by rank up to capacity, worked through the
 * board, accepted against every criterion, unfinished work carried over), and a release after
 * every second sprint, published with its feedback done and everyone who asked notified.
 */
export class PlanningLoop {
  private readonly stories: Item[] = [];
  private readonly initiatives: InitiativeRecord[] = [];
  private readonly sprints: SprintRecord[] = [];
  private readonly scoring = initialScoring();
  private firstRank: string | null = null;
  private lastRank: string | null = null;
  private themes = 0;

  constructor(
    private readonly world: World,
    private readonly storyCount: number,
  ) {}

  /** Starts the cadence on the first Monday at or after `at`. */
  begin(at: number): void {
    const { world } = this;
    const date = new Date(at);
    const monday =
      Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) +
      ((8 - date.getUTCDay()) % 7) * DAY +
      9 * HOUR;
    const weeks = Math.max(1, Math.floor((world.end - monday) / WEEK));
    const storiesByWeek = allocate(this.storyCount, Array<number>(weeks).fill(1));
    storiesByWeek.forEach((count, week) => {
      if (week % 13 === 0) world.schedule(monday + week * WEEK, () => this.newQuarter());
      world.schedule(monday + week * WEEK + HOUR, () => this.writeStories(count));
    });
    this.scheduleSprint(1, monday + WEEK);
  }

  private get po() {
    return this.world.team.productOwner;
  }

  private record<E extends NewEvent, S>(
    streamId: string,
    folded: Folded<S>,
    events: readonly E[],
    evolve: (state: S, event: E) => S,
    correlationId?: string,
  ): void {
    this.world.emit(streamId, folded.version, events, this.po, correlationId);
    folded.state = events.reduce(evolve, folded.state);
    folded.version += events.length;
  }

  private decideItem(item: Item, command: BacklogItemCommand): void {
    this.record(
      backlogItemStreamId(item.itemId),
      item,
      backlogItemDecider.decide(command, item.state),
      evolveBacklogItem,
    );
  }

  private decideInitiative(initiative: InitiativeRecord, command: InitiativeCommand): void {
    this.record(
      initiativeStreamId(initiative.initiativeId),
      initiative,
      initiativeDecider.decide(command, initiative.state),
      initiativeDecider.evolve,
    );
  }

  private plan(item: Item, sprint: SprintRecord, command: PlanningCommand): void {
    this.record(
      backlogItemStreamId(item.itemId),
      item,
      decidePlanning(command, item.state, sprint.state),
      evolveBacklogItem,
    );
  }

  private decideSprint(sprint: SprintRecord, command: SprintCommand): void {
    this.record(
      sprintStreamId(sprint.sprintId),
      sprint,
      sprintDecider.decide(command, sprint.state),
      sprintDecider.evolve,
    );
  }

  private decideRelease(release: ReleaseRecord, command: ReleaseCommand): void {
    this.record(
      releaseStreamId(release.releaseId),
      release,
      releaseDecider.decide(command, release.state),
      releaseDecider.evolve,
    );
  }

  /** A new item at the bottom of the ranked backlog, or (the urgent ones) at the top. */
  private nextRank(top: boolean): string {
    if (top && this.firstRank !== null) {
      this.firstRank = rankBetween(null, this.firstRank);
      return this.firstRank;
    }
    this.lastRank = rankBetween(this.lastRank, null);
    this.firstRank ??= this.lastRank;
    return this.lastRank;
  }

  /**
   * Last quarter's next initiatives are now being built, the ones built last quarter are done,
   * and two new ones are lined up for next quarter, each with its epic.
   */
  private newQuarter(): void {
    const { world, po } = this;
    for (const initiative of this.initiatives) {
      const { initiativeId, state } = initiative;
      if (!state.exists || state.archived) continue;
      this.decideInitiative(
        initiative,
        state.lane === 'next'
          ? { type: 'MoveInitiative', initiativeId, lane: 'now', actor: po }
          : { type: 'ArchiveInitiative', initiativeId, actor: po },
      );
    }
    for (let i = 0; i < 2; i++) {
      const theme = initiativeThemes[this.themes++ % initiativeThemes.length]!;
      const initiativeId = world.newId();
      const epic: Item = {
        itemId: world.newId(),
        state: { exists: false },
        version: 0,
        answers: null,
        inRelease: false,
      };
      const initiative: InitiativeRecord = {
        initiativeId,
        state: { exists: false },
        version: 0,
        epic,
      };
      this.initiatives.push(initiative);
      this.decideInitiative(initiative, {
        type: 'CreateInitiative',
        initiativeId,
        title: theme.title,
        description: theme.description,
        lane: 'next',
        quarter: quarterOf(world.now() + 91 * DAY),
        visibility: theme.visibility,
        actor: po,
      });
      this.decideItem(epic, {
        type: 'CreateBacklogItem',
        itemId: epic.itemId,
        kind: 'epic',
        title: theme.title,
        description: theme.description,
        rank: this.nextRank(false),
        actor: po,
      });
      this.decideItem(epic, {
        type: 'SetInitiative',
        itemId: epic.itemId,
        initiativeId,
        initiative: { exists: true, archived: false },
        actor: po,
      });
    }
  }

  private criteria(title: string): CriterionDraft[] {
    const { newId } = this.world;
    return [
      {
        id: newId(),
        given: 'a customer who asked for it',
        when: `they use "${title}"`,
        then: 'it works on every plan',
      },
      {
        id: newId(),
        given: 'a Product Owner',
        when: 'it ships',
        then: 'the people who asked are told in the app',
      },
    ];
  }

  /** How many people asked: its voters and those of its merged duplicates. */
  private demandOf(record: FeedbackRecord): number {
    if (!record.state.exists) return 0;
    return record.state.duplicates.reduce(
      (sum, id) => sum + (this.world.feedbackById(id)?.voters.length ?? 0),
      record.voters.length,
    );
  }

  /** Stories answering the most wanted open feedback nobody has answered yet. */
  private writeStories(count: number): void {
    if (count === 0) return;
    const top: { record: FeedbackRecord; demand: number }[] = [];
    for (const record of this.world.feedback) {
      const state = record.state;
      if (!state.exists || record.linkedTo !== null || state.spam || state.mergedInto !== null) {
        continue;
      }
      if (state.moderation !== 'approved' || state.statusKind === 'done') continue;
      if (state.statusKind === 'closed') continue;
      const demand = this.demandOf(record);
      if (top.length === count && demand <= top[count - 1]!.demand) continue;
      top.push({ record, demand });
      top.sort((a, b) => b.demand - a.demand || a.record.index - b.record.index);
      top.length = Math.min(top.length, count);
    }
    for (const [i, { record }] of top.entries()) this.writeStory(record, i === 0);
  }

  private writeStory(record: FeedbackRecord, mostWanted: boolean): void {
    const { world, po } = this;
    const random = world.random;
    if (!record.state.exists) return;
    const ready = random() < 0.75;
    const title = record.state.title;
    const epics = this.initiatives
      .filter((i) => i.state.exists && !i.state.archived)
      .map((i) => i.epic);
    const epic = epics.length > 0 ? pick(random, epics) : undefined;
    const item: Item = {
      itemId: world.newId(),
      state: { exists: false },
      version: 0,
      answers: record,
      inRelease: false,
    };
    this.stories.push(item);
    this.decideItem(item, {
      type: 'CreateBacklogItem',
      itemId: item.itemId,
      kind: 'story',
      parentId: epic?.itemId ?? null,
      parent: epic?.state,
      title,
      description: `As a customer I want this: "${title}", so that I can work the way I need to.`,
      acceptanceCriteria: ready ? this.criteria(title) : [],
      estimate: ready ? pick(random, estimates) : null,
      labels: [record.state.boardId],
      rank: this.nextRank(mostWanted),
      feedbackIds: [record.feedbackId],
      feedback: { [record.feedbackId]: record.state },
      actor: po,
    });
    record.linkedTo = item.itemId;
    if (random() < 0.5) {
      this.record(
        backlogItemStreamId(item.itemId),
        item,
        decideSetBacklogItemFactors(
          {
            type: 'SetBacklogItemFactors',
            itemId: item.itemId,
            factors: {
              impact: pick(random, [0.5, 1, 2, 3]),
              confidence: pick(random, [0.5, 0.8, 1]),
              effort: pick(random, [1, 2, 3, 5]),
            },
            actor: po,
          },
          item.state,
          this.scoring,
        ),
        evolveBacklogItem,
      );
    }
    if (!ready) {
      world.schedule(world.now() + exponential(random, 5 * DAY), () => this.refine(item, title));
    }
  }

  /** Refinement: the team writes the criteria and estimates the story. */
  private refine(item: Item, title: string): void {
    if (!item.state.exists || item.state.status !== 'backlog') return;
    const { po } = this;
    const itemId = item.itemId;
    this.decideItem(item, {
      type: 'ChangeAcceptanceCriteria',
      itemId,
      criteria: this.criteria(title),
      actor: po,
    });
    this.decideItem(item, {
      type: 'EditBacklogItem',
      itemId,
      estimate: pick(this.world.random, estimates),
      actor: po,
    });
  }

  /** Sprint `number` starts at `startsAt`; it is created three days before, the next one after. */
  private scheduleSprint(number: number, startsAt: number): void {
    const { world, po } = this;
    world.schedule(startsAt - 3 * DAY, () => {
      const sprint: SprintRecord = {
        sprintId: world.newId(),
        state: { exists: false },
        version: 0,
        number,
        completesAt: startsAt + SPRINT_DAYS * DAY - HOUR,
        items: [],
      };
      this.sprints.push(sprint);
      this.decideSprint(sprint, {
        type: 'CreateSprint',
        sprintId: sprint.sprintId,
        name: `Sprint ${number}`,
        goal: pick(world.random, sprintGoals),
        startDate: isoDate(startsAt),
        endDate: isoDate(startsAt + (SPRINT_DAYS - 1) * DAY),
        capacity: Math.round(between(world.random, 18, 34)),
        actor: po,
      });
      world.schedule(startsAt - DAY, () => this.planSprint(sprint));
      world.schedule(startsAt, () => this.startSprint(sprint));
      world.schedule(sprint.completesAt, () => this.completeSprint(sprint));
      this.scheduleSprint(number + 1, startsAt + SPRINT_DAYS * DAY);
    });
  }

  /** Ready stories in rank order, up to the sprint's capacity (carried-over work counts). */
  private planSprint(sprint: SprintRecord): void {
    if (!sprint.state.exists) return;
    const capacity = sprint.state.capacity;
    let points = sprint.items.reduce(
      (sum, i) => sum + (i.state.exists ? (i.state.estimate ?? 0) : 0),
      0,
    );
    const ready = this.stories
      .filter(
        (s) => s.state.exists && s.state.status === 'backlog' && whyNotReady(s.state) === null,
      )
      .sort(byRank);
    for (const item of ready) {
      if (points >= capacity || !item.state.exists) break;
      this.plan(item, sprint, {
        type: 'PlanItem',
        itemId: item.itemId,
        sprintId: sprint.sprintId,
        actor: this.po,
      });
      sprint.items.push(item);
      points += item.state.estimate ?? 0;
      if (item.answers) this.world.moveFeedback(item.answers, 'planned', this.po);
    }
  }

  private startSprint(sprint: SprintRecord): void {
    this.decideSprint(sprint, { type: 'StartSprint', sprintId: sprint.sprintId, actor: this.po });
    for (const item of sprint.items) this.scheduleWork(sprint, item);
  }

  /** Through the board's columns and the Product Owner's review, as far as the sprint allows. */
  private scheduleWork(sprint: SprintRecord, item: Item): void {
    const { world } = this;
    if (!item.state.exists) return;
    const status = item.state.status;
    const from = workPath.findIndex((s) => s === status) + 1;
    let at = world.now();
    for (const to of workPath.slice(from)) {
      at += exponential(world.random, to === 'in_progress' ? 2 * DAY : 2.5 * DAY);
      if (at >= sprint.completesAt - 2 * HOUR) return;
      world.schedule(at, () => this.work(sprint, item, to));
    }
    at += exponential(world.random, 0.75 * DAY);
    if (at < sprint.completesAt - HOUR) world.schedule(at, () => this.accept(sprint, item));
  }

  private inActiveSprint(sprint: SprintRecord, item: Item): boolean {
    return (
      item.state.exists &&
      item.state.sprintId === sprint.sprintId &&
      sprint.state.exists &&
      sprint.state.state === 'active'
    );
  }

  private work(sprint: SprintRecord, item: Item, to: (typeof workPath)[number]): void {
    if (!this.inActiveSprint(sprint, item)) return;
    this.plan(item, sprint, { type: 'ChangeWorkState', itemId: item.itemId, to, actor: this.po });
    if (to === 'in_progress' && item.answers) {
      this.world.moveFeedback(item.answers, 'in_progress', this.po);
    }
  }

  private accept(sprint: SprintRecord, item: Item): void {
    if (!this.inActiveSprint(sprint, item) || !item.state.exists) return;
    if (item.state.status !== 'done') return;
    for (const criterion of item.state.acceptanceCriteria) {
      this.decideItem(item, {
        type: 'CheckAcceptanceCriterion',
        itemId: item.itemId,
        criterionId: criterion.id,
        met: true,
        actor: this.po,
      });
    }
    this.plan(item, sprint, { type: 'AcceptItem', itemId: item.itemId, actor: this.po });
  }

  private completeSprint(sprint: SprintRecord): void {
    const { po } = this;
    const next = this.sprints.find((s) => s.number === sprint.number + 1);
    const carryOverTo =
      next?.state.exists && next.state.state !== 'completed'
        ? { sprintId: next.sprintId, sprint: next.state }
        : null;
    this.decideSprint(sprint, {
      type: 'CompleteSprint',
      sprintId: sprint.sprintId,
      items: sprint.items.map((i) => i.state),
      carryOverTo,
      actor: po,
    });
    for (const item of sprint.items) {
      const events = decideCarryOver(
        {
          type: 'CarryOver',
          itemId: item.itemId,
          sprintId: sprint.sprintId,
          to: carryOverTo?.sprintId ?? null,
          actor: po,
        },
        item.state,
      );
      this.record(backlogItemStreamId(item.itemId), item, events, evolveBacklogItem);
      if (events.length > 0 && next && carryOverTo) next.items.push(item);
    }
    if (sprint.number % 2 === 0) {
      this.world.schedule(this.world.now() + DAY, () => this.prepareRelease());
    }
  }

  /** Every accepted story not yet shipped, a changelog entry, published three days later. */
  private prepareRelease(): void {
    const { world, po } = this;
    const items = this.stories.filter(
      (s) => s.state.exists && s.state.status === 'accepted' && !s.inRelease,
    );
    if (items.length === 0) return;
    const publishAt = world.now() + 3 * DAY;
    const release: ReleaseRecord = {
      releaseId: world.newId(),
      state: { exists: false },
      version: 0,
      items,
    };
    const releaseId = release.releaseId;
    this.decideRelease(release, {
      type: 'CreateRelease',
      releaseId,
      name: `${monthOf(publishAt)} release`,
      date: isoDate(publishAt),
      actor: po,
    });
    for (const item of items) {
      this.decideRelease(release, {
        type: 'AddItem',
        releaseId,
        itemId: item.itemId,
        item: item.state,
        actor: po,
      });
      item.inRelease = true;
    }
    const titles = items.flatMap((i) => (i.state.exists ? [`- ${i.state.title}`] : []));
    this.decideRelease(release, {
      type: 'WriteChangelogEntry',
      releaseId,
      title: `What shipped in ${monthOf(publishAt)}`,
      body: ['You asked, we built it:', '', ...titles, '', 'Thank you to everyone who voted.'].join(
        '\n',
      ),
      actor: po,
    });
    world.schedule(publishAt, () => this.publish(release));
  }

  /**
   * Publishing records, in one decision, the release, its items released, the feedback they
   * answer done, and one notification for each person who asked (voters, also of merged
   * duplicates, and authors).
   */
  private publish(release: ReleaseRecord): void {
    const { world, po } = this;
    const linked = release.items.flatMap((i) => (i.state.exists ? i.state.feedbackIds : []));
    const records = new Map(
      linked.flatMap((id) => {
        const record = world.feedbackById(id);
        return record ? [[id, record] as const] : [];
      }),
    );
    const recipients = new Map<string, string[]>();
    for (const [feedbackId, record] of records) {
      if (!record.state.exists) continue;
      const voters = [
        ...record.voters,
        ...record.state.duplicates.flatMap((id) => world.feedbackById(id)?.voters ?? []),
      ].map((index) => world.customers[index]!.actor.id);
      for (const person of new Set([...voters, record.state.authorId])) {
        recipients.set(person, [...(recipients.get(person) ?? []), feedbackId]);
      }
    }
    const publication = decidePublication({
      command: {
        type: 'PublishRelease',
        releaseId: release.releaseId,
        items: Object.fromEntries(release.items.map((i) => [i.itemId, i.state])),
        now: new Date(world.now()).toISOString(),
        actor: po,
      },
      release: release.state,
      feedback: new Map([...records].map(([id, record]) => [id, record.state])),
      catalog: world.catalog(),
      recipients,
      newId: world.newId,
    });
    const correlationId = world.newId();
    const items = new Map(release.items.map((i) => [backlogItemStreamId(i.itemId), i]));
    const feedback = new Map([...records.values()].map((r) => [feedbackStreamId(r.feedbackId), r]));
    // Each stream gets only its own aggregate's events from decidePublication.
    for (const { streamId, events } of publication) {
      const item = items.get(streamId);
      const answered = feedback.get(streamId);
      if (streamId === releaseStreamId(release.releaseId)) {
        this.record(
          streamId,
          release,
          events as ReleaseEvent[],
          releaseDecider.evolve,
          correlationId,
        );
      } else if (item) {
        this.record(streamId, item, events as BacklogItemEvent[], evolveBacklogItem, correlationId);
      } else if (answered) {
        world.emit(streamId, answered.version, events, po, correlationId);
        world.foldFeedback(answered, events as FeedbackEvent[]);
      } else {
        world.emit(streamId, 0, events, po, correlationId);
      }
    }
  }
}
