import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { type Browser, type Page } from 'playwright-core';
import { eventually } from '@chorus/event-store/testing';
import {
  launchChromium,
  screenshotsDir,
  startDemoPlatform,
  type DemoPlatform,
} from './testing/browser-session';

const screenshots = screenshotsDir();
const token = 'e2e-audit-admin-token-0123456789ab';

/**
 * An admin reads the audit trail of the demo workspace: narrows it to one person, opens an entry
 * to see the event as recorded, and exports what the filters match as CSV.
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform that is already running.
 */
describe('the audit trail in the admin app, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  let title: string;
  let adminId: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;

  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    expect([path, response.status]).toEqual([path, method === 'POST' ? 201 : 200]);
    return (await response.json()) as T;
  };
  const rows = () => page.getByTestId('audit-row');

  beforeAll(async () => {
    platform = await startDemoPlatform('audit', token);
    url = platform.url;
    adminId = (await api<{ id: string }>('GET', '/me')).id;
    title = `Audit me ${Date.now()}`;
    await api('POST', '/feedback', { title });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await page.goto(`${url}/#token=${bearer}`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('opens from the navigation, newest first', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Audit trail' })
      .click();
    await page.getByRole('heading', { name: 'Audit trail' }).waitFor();
    await rows().first().waitFor();
    await expect(rows().count()).resolves.toBe(50);
    await expect(page.getByRole('button', { name: 'Load more' }).isVisible()).resolves.toBe(true);
    const first = rows().first();
    await expect(first.getByRole('rowheader').innerText()).resolves.toBe('submitted feedback');
    await expect(first.getByRole('link', { name: title }).getAttribute('href')).resolves.toMatch(
      /^\/\?feedback=/,
    );
    // Relative on screen, exact on hover.
    const time = first.locator('time');
    expect(await time.getAttribute('title')).toBeTruthy();
    await page.screenshot({ path: join(screenshots, '90-audit-trail.png'), fullPage: true });
  });

  it('narrows to one person through the actor picker, and keeps that in the URL', async () => {
    const actor = page.getByRole('combobox', { name: 'Actor' });
    await actor.fill('Alex');
    await page.getByRole('option', { name: /Alex Admin/ }).click();
    await page.waitForURL((address) => address.searchParams.get('actor') === adminId);
    await eventually(async () => {
      const actors = await rows().locator('td:nth-child(2)').allInnerTexts();
      expect(actors.length).toBeGreaterThan(0);
      expect(actors.every((text) => text.startsWith('Alex Admin'))).toBe(true);
    });

    // The URL alone restores the view.
    await page.reload();
    await rows().first().waitFor();
    await expect(
      page.getByRole('group', { name: 'Actor' }).getByText('Alex Admin').isVisible(),
    ).resolves.toBe(true);
  });

  it('opens an entry to show the event data as recorded', async () => {
    const first = rows().first();
    const toggle = first.getByRole('button', { name: /^Details/ });
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    await expect(
      first.getByRole('button', { name: /^Hide/ }).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    const data = first.locator('xpath=following-sibling::tr[1]').getByRole('region', {
      name: 'Event data',
    });
    await data.waitFor();
    const json = JSON.parse(await data.innerText()) as { title?: string };
    expect(json.title).toBe(title);
    await page.screenshot({ path: join(screenshots, '91-audit-entry.png'), fullPage: true });
  });

  it('narrows by event type, then exports what the filters match as CSV', async () => {
    await page.getByRole('button', { name: /Event types/ }).click();
    const panel = page.getByRole('group', { name: 'Choose event types' });
    await panel.getByLabel('Find an event type').fill('submitted');
    await panel.getByRole('checkbox', { name: /Feedback submitted/ }).check();
    await page.screenshot({ path: join(screenshots, '92-audit-event-types.png') });
    await panel.getByRole('button', { name: /Apply/ }).click();
    await page.waitForURL((address) => address.searchParams.get('type') === 'FeedbackSubmitted');
    await expect(
      page.getByRole('button', { name: 'Event types Feedback submitted' }).isVisible(),
    ).resolves.toBe(true);
    await eventually(async () => {
      const actions = await rows().getByRole('rowheader').allInnerTexts();
      expect(actions.length).toBeGreaterThan(0);
      expect(new Set(actions)).toEqual(new Set(['submitted feedback']));
    });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = parse<Record<string, string>>(readFileSync(await download.path(), 'utf8'), {
      columns: true,
    });
    expect(csv.length).toBeGreaterThan(0);
    expect(new Set(csv.map((row) => `${row.actorId} ${row.type}`))).toEqual(
      new Set([`${adminId} FeedbackSubmitted`]),
    );
    expect(csv.map((row) => row.resourceLabel)).toContain(title);
    await page.screenshot({ path: join(screenshots, '93-audit-filtered.png'), fullPage: true });
  });
});
