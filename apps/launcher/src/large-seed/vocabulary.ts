import { pick } from '../demo-data';
import type { Random } from './sampling';

/** The words the scale data is written in: product requests, companies, people, replies. */

export const features = [
  'dark mode',
  'CSV export',
  'PDF export',
  'single sign-on',
  'SAML login',
  'two-factor authentication',
  'Slack notifications',
  'Microsoft Teams integration',
  'Jira sync',
  'GitHub integration',
  'Zapier webhooks',
  'keyboard shortcuts',
  'bulk editing',
  'custom fields',
  'saved filters',
  'email digests',
  'push notifications',
  'an audit log',
  'role permissions',
  'API rate limit headers',
  'offline mode',
  'file attachments',
  'markdown tables',
  'comment threads',
  'time tracking',
  'calendar sync',
  'German and French translations',
  'screen reader labels',
  'custom branding',
  'GDPR data export',
  'usage analytics',
  'scheduled reports',
  'real-time collaboration',
  'version history',
  'undo and redo',
  'drag and drop sorting',
  'guest access',
  'read-only share links',
  'embedded widgets',
  'a high contrast theme',
];

export const areas = [
  'dashboard',
  'reports',
  'mobile app',
  'inbox',
  'settings page',
  'billing page',
  'calendar view',
  'kanban board',
  'roadmap',
  'admin console',
  'onboarding flow',
  'project list',
  'task view',
  'timeline',
  'analytics page',
  'team directory',
  'notification center',
  'search page',
  'desktop app',
  'browser extension',
  'public API',
  'customer portal',
  'help center',
  'changelog',
  'invoice screen',
];

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const requestTemplates: readonly ((feature: string, area: string) => string)[] = [
  (f, a) => `Add ${f} to the ${a}`,
  (f, a) => `${capitalised(f)} for the ${a}`,
  (f, a) => `Support ${f} in the ${a}`,
  (f, a) => `Please add ${f} to the ${a}`,
  (f, a) => `${capitalised(a)}: ${f}`,
  (f, a) => `We need ${f} in the ${a}`,
  (f, a) => `${capitalised(f)} on the ${a}, please`,
  (f, a) => `Any plans for ${f} in the ${a}?`,
];

const reasons = [
  'Working late, the white screens are hard on the eyes.',
  'Finance pivots these numbers in a spreadsheet every month.',
  'Our security team requires it for every tool we buy.',
  'We live in Slack; email gets lost.',
  'Triaging fifty items one by one takes an afternoon.',
  'Field sales want to do this right after a customer visit.',
  'Required by our compliance policy before the renewal.',
  'Our competitor has it and two prospects asked this week.',
  'Half of our users are in the DACH region and France.',
  'Our integration needs it to know when to back off.',
  'A picture explains a UI bug faster than a paragraph.',
  'Auditors ask who changed what every quarter.',
  'The team wants to see progress without asking around.',
  'Several of our users rely on VoiceOver.',
  'It blocks the rollout to the rest of the company.',
];

const workarounds = [
  'Today we copy and paste by hand.',
  'We built a script for it, but it breaks with every update.',
  'There is no workaround that IT accepts.',
  'We ask support every time, which takes days.',
  '',
];

/** A request's topic (feature × area): near-duplicates share it, worded differently. */
export const topicCount = features.length * areas.length;

export const feedbackTitle = (topic: number, wording: number): string => {
  const feature = features[topic % features.length]!;
  const area = areas[Math.floor(topic / features.length) % areas.length]!;
  return requestTemplates[wording % requestTemplates.length]!(feature, area);
};

export const wordingCount = requestTemplates.length;

export const feedbackDescription = (random: Random): string => {
  const workaround = pick(random, workarounds);
  return `${pick(random, reasons)}${workaround ? ` ${workaround}` : ''}`;
};

export const spamTitles = [
  'Cheap followers, best price!!!',
  'Crypto giveaway — click here',
  'Earn $500 a day from home',
  'Best SEO backlinks, guaranteed',
];

export const capturedQuotes = [
  'Without this we cannot roll it out to the whole team.',
  'Our CFO asked for this twice in the last QBR.',
  'It is the one thing the competitor has that we miss.',
  'We would upgrade for this.',
  'This came up again in the renewal call.',
];

export const rejectionReasons = [
  'Not a product request; forwarded to support.',
  'Duplicate of an answered question in the help center.',
  'Too vague to act on; asked the author for details by email.',
];

export const comments = {
  staff: [
    'Thanks for the detail — we are looking into this for next quarter.',
    'Could you tell us which plan you are on and how many seats need this?',
    'This is on our radar; following up with the team this week.',
    'We shipped a first step towards this; let us know if it covers your case.',
    'Thanks! Can you describe how you work around it today?',
    'Good catch. Which browser and version are you on?',
  ],
  internal: [
    'Mentioned in their renewal call — worth prioritising.',
    'Engineering estimate: about two sprints.',
    'Overlaps with the platform work planned for next quarter.',
    'Sales says this blocks two open deals.',
  ],
  customer: [
    'Same here, this blocks our rollout.',
    '+1, we need this for our compliance review.',
    'Any update on this?',
    'A workaround would already help a lot.',
    'We would use this every day.',
    'Thanks for the quick answer!',
  ],
};

const companyStems = [
  'North',
  'Blue',
  'Iron',
  'Silver',
  'Bright',
  'Cedar',
  'Harbor',
  'Summit',
  'Pioneer',
  'Atlas',
  'Nova',
  'Lumen',
  'Quantum',
  'Vertex',
  'Maple',
  'Granite',
  'Falcon',
  'Orbit',
  'Pine',
  'Crest',
  'Beacon',
  'Coral',
  'Delta',
  'Echo',
  'Fjord',
  'Helix',
  'Juniper',
  'Kestrel',
  'Lattice',
  'Meridian',
];
const companyEndings = [
  'wind',
  'field',
  'works',
  'labs',
  'stack',
  'point',
  'bridge',
  'line',
  'scale',
  'craft',
  'forge',
  'path',
  'gate',
  'leaf',
  'stone',
  'wave',
  'mark',
  'sight',
  'loop',
  'hub',
];
const companyKinds = ['', ' Inc', ' GmbH', ' Ltd', ' Group', ' Health', ' Logistics', ' Studio'];
const topLevelDomains = ['com', 'io', 'co', 'dev', 'app', 'net', 'de', 'fr'];

/** A company's name and a domain no other company of the seed has. */
export const companyName = (random: Random, index: number) => {
  const stem = `${pick(random, companyStems)}${pick(random, companyEndings)}`;
  const name = `${stem}${pick(random, companyKinds)}`;
  return { name, domain: `${stem.toLowerCase()}${index}.${pick(random, topLevelDomains)}` };
};

export const regions = ['EMEA', 'NA', 'APAC', 'LATAM'];
export const industries = ['SaaS', 'Retail', 'Finance', 'Health', 'Education', 'Manufacturing'];

export const initiativeThemes: readonly {
  title: string;
  description: string;
  visibility: 'public' | 'internal';
}[] = [
  {
    title: 'Reporting without spreadsheets',
    description: 'Exports, scheduled reports and saved views.',
    visibility: 'public',
  },
  {
    title: 'Enterprise-ready access control',
    description: 'Single sign-on, roles and an audit trail for large customers.',
    visibility: 'public',
  },
  {
    title: 'Feedback from anywhere',
    description: 'A mobile-friendly portal and offline drafts for field teams.',
    visibility: 'public',
  },
  {
    title: 'Platform reliability',
    description: 'Faster projections, zero-downtime upgrades and better alerts.',
    visibility: 'internal',
  },
  {
    title: 'Integrations everywhere',
    description: 'Two-way sync with the tools teams already live in.',
    visibility: 'public',
  },
  {
    title: 'Accessible by default',
    description: 'Screen readers, keyboard use and contrast across the product.',
    visibility: 'public',
  },
  {
    title: 'Global teams',
    description: 'Translations, time zones and regional data residency.',
    visibility: 'public',
  },
  {
    title: 'Faster triage',
    description: 'Bulk actions, shortcuts and smarter duplicate detection.',
    visibility: 'public',
  },
  {
    title: 'Billing self-service',
    description: 'Invoices, seats and plan changes without a support ticket.',
    visibility: 'internal',
  },
  {
    title: 'Collaboration in real time',
    description: 'See who is looking, comment together, never lose an edit.',
    visibility: 'public',
  },
];

export const sprintGoals = [
  'Product Owners can get their data out without help.',
  'Enterprise admins can manage who sees what.',
  'Customers can give feedback from their phones.',
  'Triage takes half the clicks it took last month.',
  'Integrations keep statuses in sync both ways.',
  'Every screen works with a keyboard and a screen reader.',
];
