import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { eventually } from '@chorus/event-store/testing';
import {
  launchChromium,
  screenshotsDir,
  startDemoPlatform,
  type DemoPlatform,
} from './testing/browser-session';

const screenshots = screenshotsDir();
const token = 'e2e-backlog-admin-token-0123456789';

type BacklogItem = {
  id: string;
  title: string;
  ready: boolean;
  estimate: number | null;
  acceptanceCriteria: { given: string; when: string; then: string }[];
  feedback: { id: string }[];
};

/**
 * The Product Owner's backlog: re-rank with the keyboard (dnd-kit's keyboard sensor), make a
 * story ready with acceptance criteria and an estimate, and link the feedback it answers.
 * The items are made through the API under a label of their own, so the seed does not matter.
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform that is already running.
 */
describe('the backlog in the admin app, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  const run = Date.now().toString(36);
  const label = `e2e-${run}`;
  const titles = [
    'Export the roadmap as PDF',
    'Single sign-on with Okta',
    'Slack digest of votes',
  ].map((title) => `${title} ${run}`);
  const feedbackTitle = `Printable roadmap for the board meeting ${run}`;
  const ids: string[] = [];
  let feedbackId: string;

  const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
    expect(response.ok).toBe(true);
    return (await response.json()) as T;
  };
  const item = (id: string) => api<BacklogItem>(`/backlog/${id}`);
  const order = async () =>
    (await api<{ items: { id: string }[] }>(`/backlog?label=${label}`)).items.map((i) => i.id);
  const rows = () => page.getByTestId('backlog-row');
  // Read in one go: the rows re-render while the list settles.
  const rowIds = () =>
    rows().evaluateAll((elements: { getAttribute: (name: string) => string | null }[]) =>
      elements.map((row) => row.getAttribute('data-item-id')),
    );

  beforeAll(async () => {
    platform = await startDemoPlatform('backlog', token);
    url = platform.url;

    // Three stories, in this order at the bottom of the backlog, and a piece of feedback.
    for (const title of titles) {
      const created = await api<{ id: string }>('/backlog', {
        method: 'POST',
        body: { kind: 'story', title, labels: [label] },
      });
      ids.push(created.id);
      // New items go after the last one the read model knows: let it see this one first.
      await eventually(async () => expect(await order()).toEqual(ids));
    }
    feedbackId = (
      await api<{ id: string }>('/feedback', { method: 'POST', body: { title: feedbackTitle } })
    ).id;

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${url}/#token=${bearer}`);
    await page.getByRole('link', { name: 'Backlog', exact: true }).click();
    await page.getByRole('heading', { name: 'Backlog', level: 1 }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('re-ranks with the keyboard: the row moves at once and the API keeps the new order', async () => {
    // Only this run's items, by their label.
    const labelFilter = page.getByRole('textbox', { name: 'Label', exact: true });
    await labelFilter.fill(label);
    await labelFilter.press('Enter');
    await eventually(async () => expect(await rowIds()).toEqual(ids));
    await page.screenshot({ path: join(screenshots, '30-backlog.png') });

    // Pick up the first story, move it down twice, drop it: it goes to the bottom.
    const [first, second, third] = ids as [string, string, string];
    const handle = page.getByRole('button', { name: `Move “${titles[0]}”` });
    await handle.focus();
    await page.keyboard.press('Space');
    for (let step = 0; step < 2; step += 1) {
      await page.waitForTimeout(250);
      await page.keyboard.press('ArrowDown');
    }
    await page.waitForTimeout(250);
    await page.keyboard.press('Space');

    await eventually(async () => expect(await rowIds()).toEqual([second, third, first]));
    await eventually(async () => expect(await order()).toEqual([second, third, first]));
    // The new order survives a reload: it came back from the server.
    await page.reload();
    await eventually(async () => expect(await rowIds()).toEqual([second, third, first]));
  });

  it('becomes Ready once it has two acceptance criteria and an estimate', async () => {
    const id = ids[1]!;
    await page.getByRole('link', { name: titles[1] }).click();
    await page.getByRole('heading', { name: titles[1], level: 1 }).waitFor();
    const ready = page.getByTestId('definition-of-ready');
    await expect(ready.getAttribute('data-ready')).resolves.toBe('false');

    await page.getByRole('button', { name: 'Add criteria' }).click();
    const editor = page.getByRole('form', { name: 'Edit acceptance criteria' });
    await editor.getByLabel('Given').nth(0).fill('a workspace signed in with Okta');
    await editor.getByLabel('When').nth(0).fill('a teammate opens Chorus');
    await editor.getByLabel('Then').nth(0).fill('they are signed in without a password');
    await editor.getByRole('button', { name: 'Add criterion' }).click();
    await editor.getByLabel('Given').nth(1).fill('a teammate removed from Okta');
    await editor.getByLabel('When').nth(1).fill('they open Chorus');
    await editor.getByLabel('Then').nth(1).fill('they are refused');
    await editor.getByRole('button', { name: 'Save criteria' }).click();
    await editor.waitFor({ state: 'detached' });
    await expect(
      page.getByRole('list', { name: 'Acceptance criteria' }).getByRole('checkbox').count(),
    ).resolves.toBe(2);
    // Criteria alone are not enough.
    await expect(ready.getAttribute('data-ready')).resolves.toBe('false');

    const details = page.getByRole('form', { name: 'Item details' });
    await details.getByLabel('Estimate', { exact: true }).fill('5');
    await details.getByRole('button', { name: 'Save details' }).click();
    await eventually(async () => expect(await ready.getAttribute('data-ready')).toBe('true'));
    await expect(ready.getByRole('heading').innerText()).resolves.toBe('Ready for a sprint');

    // Check off the first criterion.
    const firstCriterion = page
      .getByRole('list', { name: 'Acceptance criteria' })
      .getByRole('checkbox')
      .first();
    await firstCriterion.check();
    await page.getByTestId('criteria-progress').getByText('1 of 2 met').waitFor();
    await page.screenshot({ path: join(screenshots, '31-backlog-item-ready.png') });

    await eventually(async () => {
      const saved = await item(id);
      expect(saved.ready).toBe(true);
      expect(saved.estimate).toBe(5);
      expect(saved.acceptanceCriteria.map((c) => c.then)).toEqual([
        'they are signed in without a password',
        'they are refused',
      ]);
    });
  });

  it('links the feedback it answers, found by search, and the inbox shows the link', async () => {
    const id = ids[1]!;
    const finder = page.getByLabel('Link feedback');
    const linkButton = page.getByRole('button', { name: `Link “${feedbackTitle}”` });
    // The search index follows the feedback a moment later.
    await eventually(async () => {
      await finder.fill('');
      await finder.fill(`Printable roadmap ${run}`);
      await linkButton.waitFor({ timeout: 2000 });
    });
    await linkButton.click();
    await page.getByTestId('linked-feedback').getByRole('link', { name: feedbackTitle }).waitFor();
    await page.screenshot({ path: join(screenshots, '32-backlog-linked-feedback.png') });
    await eventually(async () =>
      expect((await item(id)).feedback.map((f) => f.id)).toEqual([feedbackId]),
    );

    // The feedback's panel lists the story that answers it.
    await page.getByTestId('linked-feedback').getByRole('link', { name: feedbackTitle }).click();
    const section = page.getByRole('list', { name: 'Backlog items answering this feedback' });
    await section.getByRole('link', { name: titles[1] }).waitFor();
  });
});
