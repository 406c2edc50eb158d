import { companyIdOf, customerIdOf } from '@chorus/api';
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
  evolveFeedback,
  feedbackDecider,
  feedbackSources,
  feedbackStreamId,
  initialComment,
  whyVotingIsClosed,
  workspaceDecider,
  workspaceStreamId,
  type Actor,
  type Catalog,
  type FeedbackCommand,
  type FeedbackEvent,
  type FeedbackStatus,
} from '@chorus/domain';
import type { NewEvent } from '@chorus/event-store';
import { demoCatalogCommands, demoCategories, demoTags, personName, pick } from '../demo-data';
import { PlanningLoop } from './planning';
import {
  Agenda,
  DAY,
  HOUR,
  WeightedSampler,
  allocate,
  between,
  deterministicIds,
  exponential,
  gaussian,
  logNormal,
  pareto,
  seededRandom,
  shuffledIndices,
  weightedPick,
  type Random,
} from './sampling';
import {
  capturedQuotes,
  comments,
  companyName,
  feedbackDescription,
  feedbackTitle,
  industries,
  regions,
  rejectionReasons,
  spamTitles,
  topicCount,
  wordingCount,
} from './vocabulary';
import type {
  CommentRecord,
  CompanyRecord,
  CustomerRecord,
  FeedbackRecord,
  SeedEvent,
  Team,
  Teammate,
  World,
} from './world';

export const LARGE_SEED_SLUG = 'scale';
export const LARGE_SEED_ADMIN_EMAIL = 'admin@scale.chorus.dev';
/** A fixed end of history: "today" would make every run different. */
export const DEFAULT_ANCHOR = new Date('2026-11-30T00:00:00.000Z');
export const HISTORY_DAYS = 730;

/** What `--scale 1` makes. */
export const fullScale = {
  companies: 10_000,
  customers: 50_000,
  feedback: 100_000,
  votes: 1_000_000,
  stories: 300,
} as const;

export type LargeSeedOptions = {
  seed: number;
  /** 1 = the full volumes of `fullScale`; 0.01 for a quick run. */
  scale: number;
  /** The end of history: everything happens in the two years before it. */
  anchor: Date;
};

export type LargeSeedTotals = { events: number; byType: Map<string, number> };

/** Volume grows over the two years, about four-fold, and dips at weekends. */
const GROWTH = 4;
const weekdayFactor = [0.35, 1.1, 1.15, 1.1, 1.05, 0.9, 0.3];

const boards = [
  ['general', 0.55],
  ['integrations', 0.2],
  ['mobile', 0.15],
  ['security', 0.1],
] as const;

/** Where triage takes an item, weighted: most stay open, some ship, some are declined. */
const fates: readonly (readonly [FeedbackStatus[], number])[] = [
  [[], 0.4],
  [['under_review'], 0.14],
  [['needs_info'], 0.04],
  [['needs_info', 'open'], 0.03],
  [['under_review', 'declined'], 0.06],
  [['declined'], 0.05],
  [['under_review', 'planned'], 0.09],
  [['planned', 'in_progress'], 0.05],
  [['under_review', 'planned', 'in_progress', 'done'], 0.08],
  [['planned', 'in_progress', 'done'], 0.06],
];

const segments = [
  { segment: 'SMB', share: 0.75, plans: ['starter', 'team'], medianMrr: 180, sigma: 0.7, size: 1 },
  {
    segment: 'Mid-market',
    share: 0.21,
    plans: ['pro', 'business'],
    medianMrr: 2_500,
    sigma: 0.6,
    size: 4,
  },
  {
    segment: 'Enterprise',
    share: 0.04,
    plans: ['enterprise'],
    medianMrr: 30_000,
    sigma: 0.7,
    size: 15,
  },
] as const;

const capturedSources = feedbackSources.filter((s) => s !== 'app' && s !== 'import');

/** A share of the votes comes from the companies that care most about a request. */
const HOME_COMPANY_SHARE = 0.6;
const FRESH_BOOST = 3;
const FRESH_DAYS = 21;
const WITHDRAWN_SHARE = 0.015;
const CAPTURED_VOTE_SHARE = 0.08;
const NEAR_DUPLICATE_SHARE = 0.06;

type CompanyFacts = {
  name: string;
  domain: string;
  segment: string;
  plan: string;
  mrrCents: number;
  attributes: Record<string, string | number>;
};

/** How many companies sign up, items arrive and votes are cast on each day. */
type DailyVolumes = { companies: number[]; feedback: number[]; votes: number[] };

const scaled = (full: number, scale: number) => Math.max(1, Math.round(full * scale));

/** Business hours (UTC) mostly, some at any time. */
const timeOfDay = (random: Random) =>
  random() < 0.2 ? random() * DAY : ((((14 + 3.5 * gaussian(random)) % 24) + 24) % 24) * HOUR;

/** The statuses to pass through from `from` to `to`, following the workflow; null if unreachable. */
const workflowPath = (
  catalog: Catalog,
  from: FeedbackStatus,
  to: FeedbackStatus,
): FeedbackStatus[] | null => {
  const cameFrom = new Map<FeedbackStatus, FeedbackStatus>([[from, from]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const status = queue[head]!;
    if (status === to) {
      const path: FeedbackStatus[] = [];
      for (let step = to; step !== from; step = cameFrom.get(step)!) path.unshift(step);
      return path;
    }
    for (const next of catalog.statuses.find((s) => s.id === status)?.transitions ?? []) {
      if (cameFrom.has(next)) continue;
      cameFrom.set(next, status);
      queue.push(next);
    }
  }
  return null;
};

/**
 * Two years of a busy workspace, generated in time order from a seed: companies and their people
 * joining, feedback arriving (more every month, less at weekends), votes with a Zipf-like skew
 * clustered by company, triage along the workflow, first responses, merges, and the planning loop
 * (`PlanningLoop`). Every decision goes through the domain's deciders in memory, against the
 * state at that moment; only the event store's round trips are skipped. `events()` yields the
 * events in the order they happened.
 */
export class LargeHistory implements World {
  readonly random: Random;
  readonly newId: () => string;
  readonly workspaceId: string;
  readonly team: Team;
  readonly start: number;
  readonly end: number;
  readonly targets: Record<keyof typeof fullScale, number>;
  readonly totals: LargeSeedTotals = { events: 0, byType: new Map() };
  readonly customers: CustomerRecord[] = [];
  readonly feedback: FeedbackRecord[] = [];

  private current: number;
  private readonly agenda = new Agenda();
  private pending: SeedEvent[] = [];
  private catalogState: Catalog = catalogDecider.initialState();
  private readonly companies: CompanyRecord[] = [];
  /** What each company tells about itself when it signs up. */
  private readonly companyFacts = new Map<number, CompanyFacts>();
  private companiesScheduled = 0;
  private readonly byFeedbackId = new Map<string, FeedbackRecord>();
  private readonly companySampler: WeightedSampler;
  private readonly customerSampler: WeightedSampler;
  private readonly itemSampler: WeightedSampler;
  private voteDebt = 0;
  private readonly popularityRank: Int32Array;
  private readonly zipfOffset: number;
  private readonly dayWeights: number[];
  private readonly planning: PlanningLoop;

  constructor({ seed, scale, anchor }: LargeSeedOptions) {
    this.random = seededRandom(seed);
    this.newId = deterministicIds(seed ^ 0x5eed_1d5);
    this.end = anchor.getTime();
    this.start = this.end - HISTORY_DAYS * DAY;
    this.current = this.start;
    this.targets = {
      companies: scaled(fullScale.companies, scale),
      customers: Math.max(scaled(fullScale.customers, scale), scaled(fullScale.companies, scale)),
      feedback: scaled(fullScale.feedback, scale),
      votes: scaled(fullScale.votes, scale),
      stories: Math.max(8, Math.round(fullScale.stories * scale)),
    };
    this.workspaceId = this.newId();
    this.team = this.makeTeam();
    this.companySampler = new WeightedSampler(this.targets.companies);
    this.customerSampler = new WeightedSampler(this.targets.customers);
    this.itemSampler = new WeightedSampler(this.targets.feedback);
    this.popularityRank = shuffledIndices(this.random, this.targets.feedback);
    this.zipfOffset = Math.max(1, Math.round((10 * this.targets.feedback) / fullScale.feedback));
    this.dayWeights = Array.from({ length: HISTORY_DAYS }, (_, day) => {
      const weekday = new Date(this.start + day * DAY).getUTCDay();
      return Math.exp((Math.log(GROWTH) * day) / (HISTORY_DAYS - 1)) * weekdayFactor[weekday]!;
    });
    this.makeCompaniesAndPeople();
    this.planning = new PlanningLoop(this, this.targets.stories);
  }

  /** The history's events, in the order they happened. */
  *events(): Generator<SeedEvent> {
    this.schedule(this.start + 9 * HOUR, () => this.setUp());
    for (let action = this.agenda.next(); action; action = this.agenda.next()) {
      this.current = action.at;
      action.run();
      const out = this.pending;
      this.pending = [];
      yield* out;
    }
  }

  now = (): number => this.current;

  catalog = (): Catalog => this.catalogState;

  schedule = (at: number, run: () => void): void => {
    if (at >= this.end) return;
    this.agenda.schedule(Math.max(at, this.current), run);
  };

  emit = (
    streamId: string,
    version: number,
    events: readonly NewEvent[],
    actor: Actor,
    correlationId: string = this.newId(),
  ): void => {
    if (events.length === 0) return;
    const metadata = {
      workspaceId: this.workspaceId,
      actorId: actor.id,
      correlationId,
      causationId: null,
      occurredAt: new Date(this.current).toISOString(),
    };
    events.forEach((event, index) => {
      this.pending.push({
        streamId,
        version: version + index + 1,
        eventId: this.newId(),
        type: event.type,
        data: event.data,
        metadata,
      });
      this.totals.byType.set(event.type, (this.totals.byType.get(event.type) ?? 0) + 1);
    });
    this.totals.events += events.length;
  };

  feedbackById = (feedbackId: string): FeedbackRecord | undefined =>
    this.byFeedbackId.get(feedbackId);

  foldFeedback = (record: FeedbackRecord, events: readonly FeedbackEvent[]): void => {
    record.state = events.reduce(evolveFeedback, record.state);
    record.version += events.length;
    this.refreshVotability(record);
  };

  moveFeedback = (record: FeedbackRecord, status: FeedbackStatus, actor: Actor): void => {
    if (!record.state.exists || record.state.mergedInto !== null) return;
    const path = workflowPath(this.catalogState, record.state.status, status) ?? [];
    for (const step of path) {
      this.decideFeedback(
        record,
        {
          type: 'ChangeFeedbackStatus',
          feedbackId: record.feedbackId,
          status: step,
          catalog: this.catalogState,
          actor,
        },
        actor,
      );
    }
  };

  private makeTeam(): Team {
    const teammate = (
      name: string,
      email: string,
      role: 'admin' | 'product_owner' | 'teammate',
    ): Teammate => ({
      id: this.newId(),
      name,
      email,
      role,
    });
    const admin = teammate('Alex Admin', LARGE_SEED_ADMIN_EMAIL, 'admin');
    const productOwner = teammate('Pat Product Owner', 'po@scale.chorus.dev', 'product_owner');
    const support = [
      teammate('Sam Support', 'sam.support@scale.chorus.dev', 'teammate'),
      teammate('Kim Support', 'kim.support@scale.chorus.dev', 'teammate'),
      teammate('Lee Support', 'lee.support@scale.chorus.dev', 'teammate'),
    ];
    const capturers = [
      teammate('Jo Sales', 'jo.sales@scale.chorus.dev', 'teammate'),
      teammate('Max Success', 'max.success@scale.chorus.dev', 'teammate'),
      ...support,
    ];
    const everyone = [admin, productOwner, ...support, ...capturers.slice(0, 2)];
    return { admin, productOwner, support, capturers, everyone };
  }

  /**
   * Companies (segments and plans skewed: few enterprise, many SMB; MRR log-normal) and their
   * people, spread over companies by size: every company has someone, big ones many.
   */
  private makeCompaniesAndPeople(): void {
    const random = this.random;
    const sizes = new WeightedSampler(this.targets.companies);
    for (let index = 0; index < this.targets.companies; index++) {
      const tier = weightedPick(
        random,
        segments.map((s) => [s, s.share] as const),
      );
      const { name, domain } = companyName(random, index);
      const externalId = `acct-${100_000 + index}`;
      const size = tier.size * logNormal(random, 1, 0.8);
      sizes.set(index, size);
      this.companies.push({
        index,
        companyId: companyIdOf(this.workspaceId, externalId),
        externalId,
        state: { exists: false },
        version: 0,
        size,
        people: [],
        members: [],
      });
      this.companyFacts.set(index, {
        name,
        domain,
        segment: tier.segment,
        plan: pick(random, tier.plans),
        mrrCents: Math.round(logNormal(random, tier.medianMrr, tier.sigma) * 100),
        attributes: {
          region: pick(random, regions),
          industry: pick(random, industries),
          seats: Math.max(1, Math.round(size * 12)),
        },
      });
    }
    for (let index = 0; index < this.targets.customers; index++) {
      const company = index < this.targets.companies ? index : sizes.sample(random)!;
      const externalId = `user-${1_000_000 + index}`;
      this.companies[company]!.people.push(index);
      this.customers.push({
        index,
        actor: { id: customerIdOf(this.workspaceId, externalId), role: 'customer' },
        externalId,
        company,
        activity: pareto(random, 1.3, 60),
      });
    }
  }

  private setUp(): void {
    const { admin } = this.team;
    this.emit(
      workspaceStreamId(this.workspaceId),
      0,
      workspaceDecider.decide(
        {
          type: 'CreateWorkspace',
          workspaceId: this.workspaceId,
          name: 'Chorus at Scale',
          slug: LARGE_SEED_SLUG,
          actor: admin,
        },
        workspaceDecider.initialState(),
      ),
      admin,
    );
    this.setUpCatalog(admin);
    // The existing customer base is imported on the first day; the rest sign up over time.
    const imported = Math.round(this.targets.companies * 0.3);
    for (let i = 0; i < imported; i++) this.joinCompany(this.companiesScheduled++);
    this.scheduleDay(0, {
      companies: allocate(
        this.targets.companies - imported,
        this.dayWeights.map((w, day) => (day === 0 ? 0 : w)),
      ),
      feedback: allocate(this.targets.feedback, this.dayWeights),
      votes: allocate(this.targets.votes, this.dayWeights),
    });
    this.planning.begin(this.start + 56 * DAY);
  }

  private setUpCatalog(admin: Actor): void {
    const commands = demoCatalogCommands(admin);
    let version = 0;
    for (const command of commands) {
      const events = catalogDecider.decide(command, this.catalogState);
      this.emit(catalogStreamId(this.workspaceId), version, events, admin);
      this.catalogState = events.reduce(catalogDecider.evolve, this.catalogState);
      version += events.length;
    }
  }

  /** A day's sign-ups, submissions and votes, at times of day people work. */
  private scheduleDay(day: number, volumes: DailyVolumes): void {
    const dayStart = this.start + day * DAY;
    const earliest = day === 0 ? this.start + 10 * HOUR : dayStart;
    const at = () => Math.max(earliest, dayStart + timeOfDay(this.random));
    for (let i = 0; i < volumes.companies[day]!; i++) {
      const index = this.companiesScheduled++;
      this.schedule(at(), () => this.joinCompany(index));
    }
    for (let i = 0; i < volumes.feedback[day]!; i++)
      this.schedule(at(), () => this.submitFeedback());
    // Votes that found no open item to land on (early, quiet days) are cast on later days.
    const votes = volumes.votes[day]! + this.voteDebt;
    this.voteDebt = 0;
    for (let i = 0; i < votes; i++) this.schedule(at(), () => this.castVote());
    if (day + 1 < HISTORY_DAYS) {
      this.schedule(dayStart + DAY, () => this.scheduleDay(day + 1, volumes));
    }
  }

  private joinCompany(index: number): void {
    const company = this.companies[index]!;
    const facts = this.companyFacts.get(index)!;
    this.decideCompany(company, {
      name: facts.name,
      domain: facts.domain,
      plan: facts.plan,
      segment: facts.segment,
      mrrCents: facts.mrrCents,
      attributes: facts.attributes,
    });
    this.companySampler.set(index, company.size);
    const now = this.current;
    // Most seats are synced when the company signs up (before history ends, even at its last
    // minute); the rest join over its lifetime.
    const initialSeats = Math.max(1, Math.round(company.people.length * 0.6));
    const syncedAt = Math.min(now + 10 * 60_000, (now + this.end) / 2);
    company.people.forEach((person, i) => {
      const at = i < initialSeats ? syncedAt : now + (this.end - now) * Math.pow(this.random(), 2);
      this.schedule(at, () => this.joinCustomer(person));
    });
    // Upgrades and downgrades: revenue moves under the votes already cast.
    if (this.random() < 0.15) {
      this.schedule(now + this.random() * (this.end - now), () => {
        if (!company.state.exists) return;
        const factor =
          this.random() < 0.7 ? between(this.random, 1.2, 2.5) : between(this.random, 0.4, 0.9);
        this.decideCompany(company, { mrrCents: Math.round(company.state.mrrCents * factor) });
      });
    }
  }

  private decideCompany(
    company: CompanyRecord,
    fields: Omit<
      Extract<Parameters<typeof companyDecider.decide>[0], { type: 'UpsertCompany' }>,
      'type' | 'companyId' | 'externalId' | 'actor'
    >,
  ): void {
    const { admin } = this.team;
    const events = companyDecider.decide(
      {
        type: 'UpsertCompany',
        companyId: company.companyId,
        externalId: company.externalId,
        ...fields,
        actor: admin,
      },
      company.state,
    );
    this.emit(companyStreamId(company.companyId), company.version, events, admin);
    company.state = events.reduce(companyDecider.evolve, company.state);
    company.version += events.length;
  }

  private joinCustomer(index: number): void {
    const customer = this.customers[index]!;
    const company = this.companies[customer.company]!;
    const domain = company.state.exists ? (company.state.domain ?? 'example.com') : 'example.com';
    const { name, email } = personName(this.random, index, domain);
    const { admin } = this.team;
    this.emit(
      customerStreamId(customer.actor.id),
      0,
      customerDecider.decide(
        {
          type: 'UpsertCustomer',
          customerId: customer.actor.id,
          externalId: customer.externalId,
          name,
          email,
          companyId: company.companyId,
          actor: admin,
        },
        customerDecider.initialState(),
      ),
      admin,
    );
    company.members.push(index);
    this.customerSampler.set(index, customer.activity);
  }

  private sampleCustomer(): CustomerRecord | undefined {
    const index = this.customerSampler.sample(this.random);
    return index === null ? undefined : this.customers[index];
  }

  private decideFeedback(record: FeedbackRecord, command: FeedbackCommand, actor: Actor): void {
    const events = feedbackDecider.decide(command, record.state);
    this.emit(feedbackStreamId(record.feedbackId), record.version, events, actor);
    this.foldFeedback(record, events);
  }

  /** Open items draw votes in proportion to their popularity, more while they are new. */
  private refreshVotability(record: FeedbackRecord): void {
    const open = record.state.exists && whyVotingIsClosed(record.state) === null;
    this.itemSampler.set(
      record.index,
      open ? record.popularity * (record.fresh ? FRESH_BOOST : 1) : 0,
    );
  }

  private submitFeedback(): void {
    const random = this.random;
    const index = this.feedback.length;
    const boardId = weightedPick(random, boards);
    const board = this.catalogState.boards.find((b) => b.id === boardId)!;
    const customer = this.sampleCustomer();
    const roll = random();
    const selfServe = customer !== undefined && roll < 0.72 && board.visibility === 'public';
    const captured = !selfServe && customer !== undefined && roll < 0.94;
    const actor: Actor = selfServe ? customer.actor : pick(random, this.team.capturers);
    const spam = selfServe && random() < 0.005;
    const original =
      !spam && index > 20 && random() < NEAR_DUPLICATE_SHARE ? this.sampleOpenItem() : undefined;
    const topic = original ? original.topic : Math.floor(random() * topicCount);
    const wording = original
      ? (original.wording + 1 + Math.floor(random() * (wordingCount - 1))) % wordingCount
      : Math.floor(random() * wordingCount);
    const categories = demoCategories[boardId] ?? [];
    const rank = this.popularityRank[index]!;
    const record: FeedbackRecord = {
      index,
      feedbackId: this.newId(),
      state: feedbackDecider.initialState(),
      version: 0,
      topic,
      wording,
      popularity: spam
        ? 0
        : (board.visibility === 'private' ? 0.3 : 1) / Math.pow(rank + this.zipfOffset, 0.9),
      fresh: true,
      home: [],
      voters: [],
      ballots: new Set(),
      author: customer && (selfServe || captured) ? customer.index : -1,
      linkedTo: null,
    };
    this.feedback.push(record);
    this.byFeedbackId.set(record.feedbackId, record);
    this.decideFeedback(
      record,
      {
        type: 'SubmitFeedback',
        feedbackId: record.feedbackId,
        title: spam ? pick(random, spamTitles) : feedbackTitle(topic, wording),
        description: spam ? 'Visit our site for the best deals.' : feedbackDescription(random),
        boardId,
        categoryId:
          categories.length > 0 && random() < 0.5 ? pick(random, categories).categoryId : undefined,
        onBehalfOf:
          captured && customer
            ? {
                customerId: customer.actor.id,
                source: pick(random, capturedSources),
                quote: random() < 0.5 ? pick(random, capturedQuotes) : undefined,
              }
            : undefined,
        catalog: this.catalogState,
        actor,
      },
      actor,
    );
    const now = this.current;
    if (spam) {
      const by = pick(random, this.team.support);
      this.schedule(now + exponential(random, 6 * HOUR), () =>
        this.decideFeedback(
          record,
          { type: 'MarkFeedbackSpam', feedbackId: record.feedbackId, actor: by },
          by,
        ),
      );
      return;
    }
    if (record.state.exists && record.state.moderation === 'pending') {
      this.schedule(now + exponential(random, 36 * HOUR), () => this.moderate(record));
    } else {
      this.afterApproval(record);
    }
    if (original && random() < 0.5) {
      this.schedule(now + exponential(random, 12 * DAY), () => this.merge(record, original));
    }
  }

  private sampleOpenItem(): FeedbackRecord | undefined {
    const index = this.itemSampler.sample(this.random);
    return index === null ? undefined : this.feedback[index];
  }

  private moderate(record: FeedbackRecord): void {
    const by = pick(this.random, this.team.support);
    const feedbackId = record.feedbackId;
    if (this.random() < 0.9) {
      this.decideFeedback(record, { type: 'ApproveFeedback', feedbackId, actor: by }, by);
      this.afterApproval(record);
    } else {
      const reason = pick(this.random, rejectionReasons);
      this.decideFeedback(record, { type: 'RejectFeedback', feedbackId, reason, actor: by }, by);
    }
  }

  /** Once an item is public: who cares about it, and what the team will do with it. */
  private afterApproval(record: FeedbackRecord): void {
    const random = this.random;
    const now = this.current;
    const author = record.author >= 0 ? this.customers[record.author] : undefined;
    if (author) record.home.push(author.company);
    for (let i = 0, n = 1 + Math.floor(random() * 3); i < n; i++) {
      const company = this.companySampler.sample(random);
      if (company !== null && !record.home.includes(company)) record.home.push(company);
    }
    this.schedule(now + FRESH_DAYS * DAY, () => {
      record.fresh = false;
      this.refreshVotability(record);
    });
    if (random() < 0.45) this.schedule(now + exponential(random, 2 * DAY), () => this.tag(record));
    let at = now;
    for (const [i, status] of weightedPick(random, fates).entries()) {
      at += exponential(random, i === 0 ? 10 * DAY : 30 * DAY);
      this.schedule(at, () => this.triage(record, status));
    }
    this.scheduleConversation(record);
  }

  private tag(record: FeedbackRecord): void {
    if (!record.state.exists || record.state.spam) return;
    const by = pick(this.random, this.team.support);
    for (let i = 0, n = 1 + Math.floor(this.random() * 2); i < n; i++) {
      const tagId = pick(this.random, demoTags).tagId;
      this.decideFeedback(
        record,
        {
          type: 'TagFeedback',
          feedbackId: record.feedbackId,
          tagId,
          catalog: this.catalogState,
          actor: by,
        },
        by,
      );
    }
  }

  /** A triage step, unless the planning loop took the item over or it was closed meanwhile. */
  private triage(record: FeedbackRecord, status: FeedbackStatus): void {
    const state = record.state;
    if (!state.exists || state.spam || state.mergedInto !== null) return;
    if (record.linkedTo !== null || state.statusKind === 'done' || state.statusKind === 'closed') {
      return;
    }
    const by = this.random() < 0.6 ? this.team.productOwner : pick(this.random, this.team.support);
    this.moveFeedback(record, status, by);
  }

  /** First responses from the team, customers chiming in, internal notes. */
  private scheduleConversation(record: FeedbackRecord): void {
    const random = this.random;
    const now = this.current;
    if (random() < 0.45) {
      this.schedule(now + exponential(random, 30 * HOUR), () => {
        const by = random() < 0.3 ? this.team.productOwner : pick(random, this.team.support);
        const answer = this.postComment(record, by, pick(random, comments.staff), 'public');
        if (answer && random() < 0.3) {
          this.schedule(this.current + exponential(random, 36 * HOUR), () => {
            const customer = this.customerOf(record);
            if (customer) {
              this.postComment(record, customer, pick(random, comments.customer), 'public', answer);
            }
          });
        }
      });
    }
    for (let i = 0, n = random() < 0.25 ? 1 + Math.floor(random() * 3) : 0; i < n; i++) {
      this.schedule(now + exponential(random, 5 * DAY), () => {
        const customer = this.customerOf(record);
        if (customer) this.postComment(record, customer, pick(random, comments.customer), 'public');
      });
    }
    if (random() < 0.12) {
      this.schedule(now + exponential(random, 3 * DAY), () =>
        this.postComment(
          record,
          this.team.productOwner,
          pick(random, comments.internal),
          'internal',
        ),
      );
    }
  }

  /** Someone who cares: a voter of the item, else its author. */
  private customerOf(record: FeedbackRecord): Actor | undefined {
    const index = record.voters.length > 0 ? pick(this.random, record.voters) : record.author;
    return index >= 0 ? this.customers[index]?.actor : undefined;
  }

  private postComment(
    record: FeedbackRecord,
    actor: Actor,
    body: string,
    visibility: 'public' | 'internal',
    parent?: CommentRecord,
  ): CommentRecord | undefined {
    if (!record.state.exists || record.state.spam || record.state.mergedInto !== null) {
      return undefined;
    }
    const commentId = this.newId();
    const events = decidePostComment(
      {
        type: 'PostComment',
        commentId,
        feedbackId: record.feedbackId,
        parentId: parent?.commentId,
        body,
        visibility,
        actor,
      },
      record.state,
      parent?.state,
    );
    this.emit(commentStreamId(commentId), 0, events, actor);
    return { commentId, state: events.reduce(evolveComment, initialComment()) };
  }

  /** A near-duplicate found by the team, if both are still in the inbox. */
  private merge(duplicate: FeedbackRecord, survivor: FeedbackRecord): void {
    const [d, s] = [duplicate.state, survivor.state];
    if (!d.exists || !s.exists || duplicate.linkedTo !== null) return;
    if (d.moderation !== 'approved' || s.moderation !== 'approved' || d.spam || s.spam) return;
    if (d.mergedInto !== null || s.mergedInto !== null || d.duplicates.length > 0) return;
    if (s.statusKind === 'done' || s.statusKind === 'closed') return;
    const by = this.team.productOwner;
    const decision = decideMerge(
      { type: 'MergeFeedback', duplicateId: d.id, intoId: s.id, actor: by },
      d,
      s,
    );
    const correlationId = this.newId();
    this.emit(feedbackStreamId(d.id), duplicate.version, decision.duplicate, by, correlationId);
    this.emit(feedbackStreamId(s.id), survivor.version, decision.survivor, by, correlationId);
    this.foldFeedback(duplicate, decision.duplicate);
    this.foldFeedback(survivor, decision.survivor);
  }

  /**
   * A vote on an open item drawn by popularity, mostly by someone at a company that cares about
   * it; a few are recorded by the team from calls and tickets. A pair that already voted draws
   * again; a vote that finds no one is owed to the next day.
   */
  private castVote(): void {
    const random = this.random;
    for (let attempt = 0; attempt < 12; attempt++) {
      const item = this.sampleOpenItem();
      if (!item) break;
      const voter = this.pickVoter(item);
      if (!voter) continue;
      if (item.ballots.has(voter.index) || !item.state.exists) continue;
      const boardId = item.state.boardId;
      const privateBoard =
        this.catalogState.boards.find((b) => b.id === boardId)?.visibility === 'private';
      const teammate = pick(random, this.team.capturers);
      const captured = privateBoard || random() < CAPTURED_VOTE_SHARE;
      const events = ballotDecider.decide(
        captured
          ? {
              type: 'CastVote',
              feedbackId: item.feedbackId,
              actor: teammate,
              onBehalfOf: {
                customerId: voter.actor.id,
                source: pick(random, capturedSources),
                quote: random() < 0.3 ? pick(random, capturedQuotes) : undefined,
              },
            }
          : { type: 'CastVote', feedbackId: item.feedbackId, actor: voter.actor },
        { feedback: item.state, voted: false },
      );
      this.emit(
        ballotStreamId(item.feedbackId, voter.actor.id),
        0,
        events,
        captured ? teammate : voter.actor,
      );
      item.ballots.add(voter.index);
      item.voters.push(voter.index);
      if (random() < WITHDRAWN_SHARE) {
        this.schedule(this.current + exponential(random, 45 * DAY), () =>
          this.withdrawVote(item, voter),
        );
      }
      return;
    }
    this.voteDebt += 1;
  }

  private pickVoter(item: FeedbackRecord): CustomerRecord | undefined {
    if (item.home.length > 0 && this.random() < HOME_COMPANY_SHARE) {
      const company = this.companies[pick(this.random, item.home)]!;
      if (company.members.length > 0) return this.customers[pick(this.random, company.members)];
    }
    return this.sampleCustomer();
  }

  private withdrawVote(item: FeedbackRecord, voter: CustomerRecord): void {
    const events = ballotDecider.decide(
      { type: 'WithdrawVote', feedbackId: item.feedbackId, actor: voter.actor },
      { feedback: item.state, voted: true },
    );
    this.emit(ballotStreamId(item.feedbackId, voter.actor.id), 1, events, voter.actor);
    item.voters.splice(item.voters.indexOf(voter.index), 1);
  }
}
