// The deterministic feedback corpus of `npm run bench:search`: realistic titles, descriptions and
// public comments from a small product vocabulary, with reworded near-duplicates, and the search
// terms and half-typed titles the benchmark queries with. Same seed, same corpus.

/** mulberry32: a tiny seeded PRNG, so every run generates the same corpus. */
export const seededRandom = (seed) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const features = [
  'dark mode',
  'CSV export',
  'PDF export',
  'Excel export',
  'single sign-on',
  'SAML login',
  'two-factor authentication',
  'Slack integration',
  'Microsoft Teams integration',
  'Jira sync',
  'GitHub integration',
  'Zapier webhooks',
  'keyboard shortcuts',
  'bulk editing',
  'custom fields',
  'saved filters',
  'email notifications',
  'push notifications',
  'audit log',
  'role permissions',
  'API rate limits',
  'offline mode',
  'file attachments',
  'image uploads',
  'markdown support',
  'comment threads',
  'recurring tasks',
  'time tracking',
  'calendar sync',
  'Google Calendar integration',
  'multi-language support',
  'right-to-left layout',
  'accessibility improvements',
  'screen reader support',
  'custom branding',
  'white labeling',
  'data retention settings',
  'GDPR data export',
  'usage analytics',
  'scheduled reports',
  'real-time collaboration',
  'version history',
  'undo and redo',
  'drag and drop sorting',
  'search filters',
  'tagging',
  'templates',
  'webhooks',
  'invoice download',
  'annual billing',
  'seat management',
  'guest access',
  'read-only links',
  'embedded widgets',
  'mobile layout',
  'landscape mode',
  'font size settings',
  'high contrast theme',
  'color-blind palette',
  'timezone settings',
];

const areas = [
  'dashboard',
  'reports',
  'mobile app',
  'iOS app',
  'Android app',
  'inbox',
  'settings page',
  'billing page',
  'calendar view',
  'kanban board',
  'roadmap',
  'admin console',
  'onboarding flow',
  'sign-up form',
  'login page',
  'project list',
  'task view',
  'timeline',
  'analytics page',
  'user profile',
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

const requests = [
  (f, a) => `Add ${f} to the ${a}`,
  (f, a) => `${cap(f)} for the ${a}`,
  (f, a) => `Support ${f} in the ${a}`,
  (f, a) => `Please add ${f} to the ${a}`,
  (f, a) => `Allow ${f} on the ${a}`,
  (f, a) => `${cap(a)}: ${f}`,
  (f, a) => `We need ${f} in the ${a}`,
  (f, a) => `Improve ${f} on the ${a}`,
  (f, a) => `${cap(f)} is missing from the ${a}`,
  (f) => `${cap(f)} please`,
  (f, a) => `Make ${f} work in the ${a}`,
  (f, a) => `Option to turn on ${f} in the ${a}`,
];

const problems = [
  (a) => `The ${a} is slow to load`,
  (a) => `The ${a} crashes on startup`,
  (a) => `Exporting from the ${a} times out`,
  (a) => `Cannot scroll in the ${a}`,
  (a) => `Sorting is broken in the ${a}`,
  (a) => `Dates show the wrong timezone in the ${a}`,
  (a) => `Buttons overlap on small screens in the ${a}`,
  (a) => `The ${a} forgets my filters`,
  (a) => `Typos and broken links in the ${a}`,
  (a) => `Emails about the ${a} arrive twice`,
];

const openers = [
  'Our team uses this every day.',
  'We are a team of about fifty people.',
  'This came up in our quarterly review.',
  'Several customers asked for this on support calls.',
  'I work mostly from my phone.',
  'Our security team requires it.',
  'We are evaluating a switch from a competitor.',
  'Managers in our company keep asking for it.',
  '',
];

const details = [
  (f, a) => `It would be great to have ${f} right in the ${a}.`,
  (f, a) => `Right now we copy everything out of the ${a} by hand because there is no ${f}.`,
  (f, a) => `Other tools we use already offer ${f}, and the ${a} feels dated without it.`,
  (f, a) => `When we open the ${a} at night the lack of ${f} is painful.`,
  (f, a) => `We tried to work around the missing ${f} with a spreadsheet next to the ${a}.`,
  (f, a) => `Exporting and sharing from the ${a} would be much easier with ${f}.`,
  (f, a) => `Ideally ${f} would be configurable per workspace and visible in the ${a}.`,
  (f, a) => `Our admins would configure ${f} once and everyone would see it in the ${a}.`,
];

const closers = [
  'Thanks!',
  'Happy to test a beta.',
  'This is blocking our rollout.',
  'Would pay extra for this.',
  'Any timeline would help us plan.',
  '',
];

const commentBodies = [
  (f, a) => `+1, we need ${f} too. The ${a} is where we spend most of our day.`,
  (f) => `Same here. Without ${f} we are considering other tools.`,
  (f, a) => `Workaround: we export the ${a} every Friday, but ${f} would save hours.`,
  (f) => `Any update on ${f}? Our renewal is coming up.`,
  (f, a) => `Would love to see this. ${cap(f)} in the ${a} is the main thing we miss.`,
  (f, a) => `Our accounting team asked for ${f} in the ${a} again this week.`,
  (f) => `Upvoted. ${cap(f)} would make onboarding new colleagues much smoother.`,
  (f, a) => `Is there an API we could use to build ${f} for the ${a} ourselves?`,
];

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** Rewords a title the way a second customer would ask for the same thing. */
const reword = (title, rand) => {
  const variants = [
    (t) => `${t} please`,
    (t) => t.toLowerCase(),
    (t) => t.split(' ').reverse().join(' '),
    (t) => `Feature request: ${t}`,
    (t) => t.replace(/^(Add|Support|Please add|Allow|We need) /, ''),
    (t) => {
      // A typo: two neighbouring letters swapped.
      const i = 1 + Math.floor(rand() * Math.max(1, t.length - 3));
      return t.slice(0, i) + t[i + 1] + t[i] + t.slice(i + 2);
    },
  ];
  return variants[Math.floor(rand() * variants.length)](title);
};

/**
 * `count` feedback items: { title, description, comments: string[] }. About a fifth are reworded
 * near-duplicates of an earlier item; about a fifth carry one to three public comments.
 */
export const generateFeedback = (count, seed = 4) => {
  const rand = seededRandom(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const items = [];
  for (let i = 0; i < count; i++) {
    const feature = pick(features);
    const area = pick(areas);
    let title;
    if (i > 10 && rand() < 0.2) {
      title = reword(items[Math.floor(rand() * items.length)].title, rand);
    } else if (rand() < 0.15) {
      title = pick(problems)(area);
    } else {
      title = pick(requests)(feature, area);
    }
    title = title.slice(0, 200);
    const description = [pick(openers), pick(details)(feature, area), pick(closers)]
      .filter(Boolean)
      .join(' ');
    const comments = [];
    if (rand() < 0.2) {
      const n = 1 + Math.floor(rand() * 3);
      for (let c = 0; c < n; c++) comments.push(pick(commentBodies)(pick(features), area));
    }
    items.push({ title, description, comments });
  }
  return items;
};

/** What people type into the search box: single words, phrases, several words, stems. */
export const searchTerms = (count, seed = 44) => {
  const rand = seededRandom(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const shapes = [
    () => pick(features),
    () => pick(areas),
    () => `${pick(features)} ${pick(areas)}`,
    () => `"${pick(features)}"`,
    () => pick(['exporting', 'notifications', 'crash', 'slow', 'timezone', 'integrations']),
    () => `${pick(features).split(' ')[0]} -${pick(areas).split(' ')[0]}`,
    () => `${pick(features)} or ${pick(features)}`,
    () => pick(['renewal', 'spreadsheet', 'workaround', 'accounting']),
  ];
  return Array.from({ length: count }, () => pick(shapes)());
};

/** Titles as someone is typing them: whole, cut off mid-way, reworded or with a typo. */
export const typedTitles = (count, seed = 444) => {
  const rand = seededRandom(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  return Array.from({ length: count }, () => {
    const title =
      rand() < 0.15 ? pick(problems)(pick(areas)) : pick(requests)(pick(features), pick(areas));
    const shape = rand();
    if (shape < 0.35) return title;
    if (shape < 0.7) {
      const cut = Math.max(3, Math.floor(title.length * (0.4 + rand() * 0.5)));
      return title.slice(0, cut);
    }
    return reword(title, rand);
  });
};
