import type { Actor, CatalogCommand } from '@chorus/domain';

/** Deterministic demo data: the same workspace on every machine. */
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

export const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

const firstNames = [
  'Amelia',
  'Noah',
  'Sofia',
  'Liam',
  'Maya',
  'Lucas',
  'Chloe',
  'Mateo',
  'Zara',
  'Ethan',
  'Priya',
  'Jonas',
  'Aiko',
  'Omar',
  'Elena',
  'Kwame',
  'Ingrid',
  'Rafael',
  'Leila',
  'Hugo',
  'Mei',
  'Tariq',
  'Freya',
  'Diego',
  'Anya',
  'Samuel',
  'Nora',
  'Felix',
  'Yara',
  'Oscar',
];
const lastNames = [
  'Schmidt',
  'Okafor',
  'Nguyen',
  'García',
  'Kowalski',
  'Patel',
  'Andersson',
  'Rossi',
  'Tanaka',
  'Müller',
  'Dubois',
  'Silva',
  'Haddad',
  'Jensen',
  'Kim',
  'Novak',
  'Costa',
  'Fischer',
  'Ivanova',
  'Mensah',
  'Larsen',
  'Moreau',
  'Ramírez',
  'Weber',
];
export const companyDomains = [
  'northwind.io',
  'globex.com',
  'initech.dev',
  'umbrella.health',
  'stark.industries',
  'wayne.co',
  'acme.org',
  'hooli.xyz',
  'piedpiper.net',
  'vandelay.trade',
  'soylent.food',
  'tyrell.ai',
  'cyberdyne.systems',
  'wonka.shop',
  'oscorp.bio',
  'massive.dynamic',
  'aperture.science',
  'blueharbor.fi',
  'lumen.edu',
  'quantic.app',
];

export type DemoCustomer = { name: string; email: string; domain: string };

/** A person drawn from the name lists, with an email at `domain` unique by `index`. */
export const personName = (random: () => number, index: number, domain: string) => {
  const first = pick(random, firstNames);
  const last = pick(random, lastNames);
  return namedAt(first, last, index, domain);
};

/** The name and a plain-ASCII email at `domain`, unique by `index`. */
const namedAt = (first: string, last: string, index: number, domain: string) => ({
  name: `${first} ${last}`,
  email: `${first}.${last}.${index}@${domain}`
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, ''),
});

export const demoCustomers = (random: () => number, count: number): DemoCustomer[] =>
  Array.from({ length: count }, (_, i) => {
    const first = pick(random, firstNames);
    const last = pick(random, lastNames);
    const domain = pick(random, companyDomains);
    return { domain, ...namedAt(first, last, i, domain) };
  });

const requests: readonly [string, string][] = [
  ['Dark mode for the dashboard', 'Working late, the white background is hard on the eyes.'],
  ['Export reports to CSV', 'Finance wants to pivot the numbers in a spreadsheet every month.'],
  ['Single sign-on with Okta', 'Our security team requires SSO for every tool we buy.'],
  ['Slack notifications for status changes', 'We live in Slack; email gets lost.'],
  ['Bulk edit feedback tags', 'Triaging 50 items one by one takes an afternoon.'],
  ['Mobile app for iOS', 'Field sales want to log feedback right after a customer visit.'],
  ['Custom fields on companies', 'We segment by region and contract type.'],
  ['Two-factor authentication', 'Required by our compliance policy.'],
  ['Keyboard shortcuts in the inbox', 'j/k to move, v to vote, s to change status.'],
  ['Jira two-way sync', 'Engineering tracks delivery in Jira; keep statuses aligned.'],
  ['Weekly digest email for PMs', 'A Monday summary of what changed would save a meeting.'],
  ['Public roadmap embed', 'We want the roadmap on our marketing site.'],
  ['Merge duplicate requests', 'The same idea shows up under five titles.'],
  ['Revenue-weighted voting', 'A vote from a 200-seat customer should count for more.'],
  ['Markdown tables in descriptions', 'Comparisons are easier to read as tables.'],
  ['German and French translations', 'Half of our customers are in the DACH region and France.'],
  ['API rate limit headers', 'Our integration needs to know when to back off.'],
  ['Filter by customer segment', 'Enterprise requests get lost among SMB ones.'],
  ['Attach screenshots to feedback', 'A picture explains a UI bug faster than a paragraph.'],
  ['Audit log export', 'Auditors ask who changed what every quarter.'],
  ['Sprint burndown chart', 'The team wants to see progress inside the sprint.'],
  ['Changelog RSS feed', 'Let customers subscribe to product updates.'],
  ['Zapier integration', 'Connect feedback to the rest of our stack without code.'],
  ['Custom statuses per board', 'Our bug board needs "needs repro" and "fixed in next release".'],
  ['Faster search across comments', 'Finding that one comment from last year is slow.'],
  ['Anonymous voting on the portal', 'Some users do not want to sign up just to vote.'],
  ['Due dates on roadmap initiatives', 'Sales asks when, not just what.'],
  ['Salesforce opportunity link', 'Tie requests to the deals that depend on them.'],
  ['Offline mode for the widget', 'Our app runs on ships with patchy connectivity.'],
  ['Accessibility: screen reader labels', 'Several of our users rely on VoiceOver.'],
];
const qualifiers = [
  '',
  ' for admins',
  ' on mobile',
  ' in the portal',
  ' for enterprise plans',
  ' per workspace',
  ' with filters',
  ' (v2)',
];

export const demoFeedback = (random: () => number, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const [title, why] = requests[i % requests.length]!;
    const qualifier = i < requests.length ? '' : pick(random, qualifiers.filter(Boolean));
    return {
      title: `${title}${qualifier}`,
      description: `${why}\n\n**Who asked:** ${Math.ceil(random() * 40)} customers in the last quarter.`,
      boardId: pick(random, ['general', 'general', 'integrations', 'mobile', 'security']),
    };
  });

const plans = [
  { plan: 'starter', segment: 'SMB', mrr: [49, 400] },
  { plan: 'pro', segment: 'Mid-market', mrr: [800, 6_000] },
  { plan: 'enterprise', segment: 'Enterprise', mrr: [12_000, 90_000] },
] as const;
const regions = ['EMEA', 'NA', 'APAC', 'LATAM'];

/** One company per domain; a few large accounts, many small ones. MRR in cents. */
export const demoCompanies = (random: () => number) =>
  companyDomains.map((domain, i) => {
    const tier = plans[i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : random() < 0.3 ? 1 : 0];
    const [low, high] = tier.mrr;
    const name = domain.split('.')[0]!;
    return {
      externalId: `acct-${1000 + i}`,
      name: name.charAt(0).toUpperCase() + name.slice(1),
      domain,
      plan: tier.plan,
      segment: tier.segment,
      mrrCents: Math.round((low + random() * (high - low)) * 100),
      attributes: { region: pick(random, regions), seats: 5 + Math.floor(random() * 400) },
    };
  });

export const demoBoards = [
  { boardId: 'integrations', name: 'Integrations', visibility: 'public', requiresApproval: false },
  { boardId: 'mobile', name: 'Mobile', visibility: 'public', requiresApproval: true },
  { boardId: 'security', name: 'Security', visibility: 'private', requiresApproval: false },
] as const;

/** Categories per board; about half the items on those boards are filed under one. */
export const demoCategories: Record<string, readonly { categoryId: string; name: string }[]> = {
  general: [
    { categoryId: 'reporting', name: 'Reporting' },
    { categoryId: 'workflow', name: 'Workflow' },
    { categoryId: 'admin', name: 'Administration' },
  ],
  integrations: [
    { categoryId: 'chat', name: 'Chat tools' },
    { categoryId: 'crm', name: 'CRM' },
  ],
};

export const demoTags = [
  { tagId: 'ux', name: 'UX', colour: '#8b5cf6' },
  { tagId: 'performance', name: 'Performance', colour: '#f59e0b' },
  { tagId: 'enterprise', name: 'Enterprise', colour: '#0ea5e9' },
  { tagId: 'bug', name: 'Bug', colour: '#ef4444' },
  { tagId: 'quick-win', name: 'Quick win', colour: '#10b981' },
] as const;

export const demoComments = {
  staff: [
    'Thanks for the detail — we are looking into this for next quarter.',
    'Could you tell us which plan you are on and how many seats need this?',
    'This is on our radar; following up with the team this week.',
    'We shipped a first step towards this; let us know if it covers your case.',
  ],
  internal: [
    'Acme mentioned this in their renewal call — worth prioritising.',
    'Engineering estimate: about two sprints.',
    'Overlaps with the platform work planned for Q3.',
  ],
  customer: [
    'Same here, this blocks our rollout.',
    '+1, we need this for our compliance review.',
    'Any update on this?',
    'A workaround would already help a lot.',
  ],
};

export type DemoInitiative = {
  key: string;
  title: string;
  description: string;
  lane: 'now' | 'next' | 'later';
  /** Quarters from now on the timeline; null = not scheduled. */
  quarterOffset: number | null;
  visibility: 'public' | 'internal';
};
export const demoInitiatives: readonly DemoInitiative[] = [
  {
    key: 'reporting',
    title: 'Reporting without spreadsheets',
    description:
      'Get feedback and its demand out of Chorus: exports, scheduled reports, saved views.',
    lane: 'now',
    quarterOffset: 0,
    visibility: 'public',
  },
  {
    key: 'enterprise',
    title: 'Enterprise-ready access control',
    description: 'Single sign-on, roles, private boards and an audit trail for large customers.',
    lane: 'now',
    quarterOffset: 0,
    visibility: 'public',
  },
  {
    key: 'mobile',
    title: 'Feedback from anywhere',
    description: 'A mobile-friendly portal and offline drafts for field teams.',
    lane: 'next',
    quarterOffset: 1,
    visibility: 'public',
  },
  {
    key: 'reliability',
    title: 'Platform reliability',
    description: 'Faster projections, zero-downtime upgrades and better alerts.',
    lane: 'later',
    quarterOffset: 2,
    visibility: 'internal',
  },
];

export type DemoStory = {
  key: string;
  title: string;
  description: string;
  /** Ready stories have acceptance criteria and an estimate; the others wait for refinement. */
  ready: boolean;
  criteria: readonly (readonly [given: string, when: string, then: string])[];
  estimate: number;
  labels: string[];
  factors: Record<string, number>;
};
type DemoEpic = { key: string; title: string; initiative: string; stories: DemoStory[] };

const story = (
  key: string,
  title: string,
  estimate: number,
  labels: string[],
  factors: Record<string, number>,
  ready = true,
): DemoStory => ({
  key,
  title,
  description: `As a Product Owner I want ${title.charAt(0).toLowerCase()}${title.slice(1)}, so that the people who asked get what they need.`,
  ready,
  criteria: [
    [
      'a Product Owner on the inbox',
      `they use "${title}"`,
      'it works for every board they can see',
    ],
    ['a customer who asked for it', 'it ships', 'they are told in the app'],
  ],
  estimate,
  labels,
  factors,
});

export const demoEpics: readonly DemoEpic[] = [
  {
    key: 'epic-reporting',
    title: 'Reporting',
    initiative: 'reporting',
    stories: [
      story('csv-export', 'Export the inbox as CSV', 3, ['reporting'], { impact: 2, effort: 1 }),
      story('scheduled-report', 'Weekly report of the top requests', 5, ['reporting', 'email'], {
        impact: 2,
        confidence: 0.9,
        effort: 3,
      }),
      story('saved-views', 'Saved inbox views', 5, ['reporting'], { impact: 1, effort: 2 }),
      story(
        'dashboard-embed',
        'Embed a chart in a wiki page',
        8,
        ['reporting'],
        { impact: 1, effort: 5 },
        false,
      ),
    ],
  },
  {
    key: 'epic-enterprise',
    title: 'Enterprise access',
    initiative: 'enterprise',
    stories: [
      story('sso-roles', 'Roles from identity provider groups', 8, ['security'], {
        impact: 3,
        effort: 5,
      }),
      story('audit-export', 'Export the audit trail', 3, ['security', 'compliance'], {
        impact: 2,
        confidence: 0.6,
        effort: 2,
      }),
      story('private-boards', 'Private boards per customer segment', 5, ['security'], {
        impact: 2,
        effort: 3,
      }),
      story(
        'scim',
        'Provision people with SCIM',
        13,
        ['security'],
        { impact: 2, confidence: 0.5, effort: 8 },
        false,
      ),
    ],
  },
  {
    key: 'epic-mobile',
    title: 'Mobile portal',
    initiative: 'mobile',
    stories: [
      story('offline-drafts', 'Offline drafts of feedback', 8, ['mobile'], {
        impact: 1,
        confidence: 0.5,
        effort: 5,
      }),
      story(
        'push-updates',
        'Push notifications when a request ships',
        5,
        ['mobile'],
        { impact: 1, effort: 3 },
        false,
      ),
      story('photo-attachments', 'Attach photos to feedback', 5, ['mobile'], {
        impact: 1,
        effort: 3,
      }),
    ],
  },
];

/** The demo workspace's boards, categories, tags and workflow, as the commands that set them up. */
export const demoCatalogCommands = (admin: Actor): CatalogCommand[] => [
  ...demoBoards.map((b) => ({ type: 'CreateBoard' as const, ...b, actor: admin })),
  ...Object.entries(demoCategories).flatMap(([boardId, categories]) =>
    categories.map((c) => ({ type: 'CreateCategory' as const, boardId, ...c, actor: admin })),
  ),
  ...demoTags.map((t) => ({ type: 'CreateTag' as const, ...t, actor: admin })),
  {
    type: 'CreateStatus',
    statusId: 'needs_info',
    name: 'Needs info',
    colour: '#0891b2',
    kind: 'open',
    actor: admin,
  },
  {
    type: 'SetStatusTransitions',
    statusId: 'needs_info',
    transitions: ['open', 'under_review', 'declined'],
    actor: admin,
  },
  {
    type: 'SetStatusTransitions',
    statusId: 'open',
    transitions: ['under_review', 'needs_info', 'planned', 'declined'],
    actor: admin,
  },
];
