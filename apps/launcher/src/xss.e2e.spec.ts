import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import {
  launchChromium,
  screenshotsDir,
  startDemoPlatform,
  type DemoPlatform,
} from './testing/browser-session';

const screenshots = screenshotsDir();
const token = 'e2e-xss-admin-token-0123456789';
const slug = process.env.CHORUS_E2E_SLUG ?? 'demo';

/** What people have used to run script through a text field, in HTML and in markdown. */
const attacks = [
  '<script>alert("script")</script>',
  '<img src=x onerror=alert("img")>',
  '<svg onload=alert("svg")><circle r="1" /></svg>',
  '<iframe src="javascript:alert(`iframe`)"></iframe>',
  '<a href="javascript:alert(`anchor`)">raw anchor</a>',
  '<details open ontoggle=alert("details")>details</details>',
  '"><img src=x onerror=alert("attribute")>',
  '&lt;script&gt;alert("entities")&lt;/script&gt;',
  '[script link](javascript:alert("link"))',
  '[entity link](jav&#x61;script:alert("entity"))',
  '[mixed case link](JaVaScRiPt:alert("case"))',
  '[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '![script image](javascript:alert("image"))',
  '![remote image](https://tracker.example/pixel.png)',
  '<javascript:alert("autolink")>',
];

/** What any of the attacks would leave in the page had it got through (the app has none). */
const injections = {
  'event handler attribute': [
    'onerror',
    'onload',
    'ontoggle',
    'onclick',
    'onmouseover',
    'onfocus',
    'onbegin',
    'onanimationstart',
  ]
    .map((handler) => `[${handler}]`)
    .join(', '),
  'javascript: or data: link': [
    '[href*="javascript:" i]',
    '[href^="data:" i]',
    '[src*="javascript:" i]',
    '[action*="javascript:" i]',
    '[formaction*="javascript:" i]',
  ].join(', '),
  'inline or foreign script': 'script:not([src]), script[src*="//"]',
  'frame or plugin': 'iframe, frame, object, embed',
  'injected element': 'img[src="x"], details',
};

/** A rich-text field's value: a label to find it by, then every attack, a paragraph each. */
const rich = (label: string) => [`xssprobe ${label}`, ...attacks].join('\n\n');
/** A one-line field's value (titles, names). */
const line = (label: string) => `xssprobe ${label} <img src=x onerror=alert("${label}")>`;

/**
 * Every rich-text field holds XSS payloads, written through the API, and every page that shows
 * one is opened in a real browser: no script runs, no markup is injected, no javascript: or data:
 * URL is linked, and the Content-Security-Policy is never violated (so nothing needed it).
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform that is already running.
 */
describe('rich text is rendered safely, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  const dialogs: string[] = [];
  const policyViolations: string[] = [];
  const ids = {
    feedback: '',
    story: '',
    sprint: '',
    draftRelease: '',
  };

  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };

  /** Finds what the page shows of a field, so the checks never pass on a page that showed nothing. */
  const shows = (text: string) => page.getByText(text, { exact: false }).first().waitFor();

  const expectNothingInjected = async (name: string) => {
    await page.screenshot({ path: join(screenshots, `xss-${name}.png`), fullPage: true });
    const found: string[] = [];
    for (const [what, selector] of Object.entries(injections)) {
      const count = await page.locator(selector).count();
      if (count > 0) found.push(`${count} × ${what}`);
    }
    expect(found).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(policyViolations).toEqual([]);
  };

  beforeAll(async () => {
    platform = await startDemoPlatform('xss', token);
    url = platform.url;

    const feedback = await api<{ id: string }>('POST', '/feedback', {
      title: line('feedback title'),
      description: rich('feedback description'),
    });
    ids.feedback = feedback.id;
    await api('POST', `/feedback/${feedback.id}/comments`, { body: rich('comment body') });

    const story = await api<{ id: string; acceptanceCriteria: { id: string }[] }>(
      'POST',
      '/backlog',
      {
        kind: 'story',
        title: line('story title'),
        description: rich('story description'),
        acceptanceCriteria: [
          {
            given: rich('criterion given'),
            when: rich('criterion when'),
            then: rich('criterion then'),
          },
        ],
        estimate: 1,
        feedbackIds: [feedback.id],
      },
    );
    ids.story = story.id;
    // Through a sprint to acceptance, so a published release can carry it.
    const sprint = await api<{ id: string }>('POST', '/sprints', {
      name: line('sprint'),
      startDate: '2027-05-03',
      endDate: '2027-05-14',
      capacity: 5,
    });
    ids.sprint = sprint.id;
    await api('POST', `/sprints/${sprint.id}/items`, { itemId: story.id });
    await api('POST', `/sprints/${sprint.id}/start`);
    for (const to of ['in_progress', 'in_review', 'done']) {
      await api('POST', `/backlog/${story.id}/work-state`, { to });
    }
    await api(
      'PUT',
      `/backlog/${story.id}/acceptance-criteria/${story.acceptanceCriteria[0]!.id}`,
      {
        met: true,
      },
    );
    await api('POST', `/backlog/${story.id}/accept`);

    await api('POST', '/initiatives', {
      title: line('initiative title'),
      description: rich('initiative description'),
      lane: 'now',
      visibility: 'public',
    });

    const published = await api<{ id: string }>('POST', '/releases', {
      name: line('release'),
      date: '2027-05-20',
    });
    await api('PUT', `/releases/${published.id}/items/${story.id}`);
    await api('PUT', `/releases/${published.id}/changelog`, {
      title: line('published changelog title'),
      body: rich('published changelog body'),
    });
    await api('POST', `/releases/${published.id}/publish`);
    const draft = await api<{ id: string }>('POST', '/releases', {
      name: line('draft release'),
      date: '2027-06-20',
    });
    await api('PUT', `/releases/${draft.id}/changelog`, {
      title: line('draft changelog title'),
      body: rich('draft changelog body'),
    });
    ids.draftRelease = draft.id;

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        policyViolations.push(message.text());
    });
    await page.goto(`${url}/#token=${bearer}`);
    await page.getByTestId('feedback-row').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('shows feedback, its description and its comments as text', async () => {
    await page.goto(`${url}/?feedback=${ids.feedback}`);
    await shows('xssprobe feedback description');
    await shows('<script>alert("script")</script>');
    await expectNothingInjected('feedback-detail');

    await page.getByRole('tab', { name: /Comments/ }).click();
    await shows('xssprobe comment body');
    await expectNothingInjected('feedback-comments');
  });

  it('marks search hits without letting the snippet carry markup', async () => {
    await page.goto(`${url}/?q=xssprobe`);
    await page.locator('.feedback-row__snippet mark').first().waitFor();
    await shows('xssprobe feedback title');
    await expectNothingInjected('feedback-search');
  });

  it('shows a backlog item, its criteria and the sprint board as text', async () => {
    await page.goto(`${url}/backlog/${ids.story}`);
    await shows('xssprobe criterion given');
    await expectNothingInjected('backlog-item');

    await page.goto(`${url}/sprints/${ids.sprint}`);
    await shows('xssprobe story title');
    await expectNothingInjected('sprint-board');
  });

  it('renders initiative descriptions on the roadmap and, as markdown, on the public roadmap', async () => {
    await page.goto(`${url}/roadmap`);
    await shows('xssprobe initiative title');
    await expectNothingInjected('roadmap');

    await page.goto(`${url}/p/${slug}/roadmap`);
    await shows('xssprobe initiative description');
    // The links' text stays; their URLs do not.
    await shows('script link');
    await shows('remote image');
    await expectNothingInjected('public-roadmap');
  });

  it('renders changelog entries as markdown: the editor preview and both changelogs', async () => {
    await page.goto(`${url}/releases/${ids.draftRelease}`);
    await page
      .getByTestId('changelog-preview')
      .getByText('xssprobe draft changelog body')
      .waitFor();
    await expectNothingInjected('changelog-preview');

    await page.goto(`${url}/changelog`);
    await shows('xssprobe published changelog body');
    await expectNothingInjected('changelog');

    await page.goto(`${url}/p/${slug}/changelog`);
    await shows('xssprobe published changelog body');
    await shows('entity link');
    await expectNothingInjected('public-changelog');
  });

  it('opens the dashboards (charts) and the API docs without breaking the Content-Security-Policy', async () => {
    await page.goto(`${url}/dashboards/pm`);
    await page.locator('.recharts-surface').first().waitFor();
    await expectNothingInjected('dashboards');

    await page.goto(`${url}/api/docs`);
    await page.locator('.swagger-ui .opblock').first().waitFor();
    await expectNothingInjected('api-docs');
  });
});
