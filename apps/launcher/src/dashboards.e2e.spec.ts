import { readFileSync } from 'node:fs';
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
const token = 'e2e-dashboards-admin-token-0123456789';
const DAY = 86_400_000;
// Two years of the PM dashboard took the API 20 s here while the worker was still busy.
const ANSWER_MS = 90_000;

type PmAnswer = { current: { feedbackVolume: { total: number } } };
type Health = { projections: { projection: string; eventsBehind: number }[] };

/**
 * The Product Manager reads the product dashboard over two years of the demo workspace (its
 * feedback spans the last 90 days), narrows it to a board, drills into a number and follows a row
 * to the feedback, looks at the dashboard as it stood a month ago, then the Product Owner reads
 * the delivery dashboard. Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform
 * that is already running.
 */
describe('PM and PO dashboards in the admin app, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  const utcDay = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);
  const from = utcDay(-729);
  const to = utcDay(0);

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    if (!response.ok) {
      throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`);
    }
    return (await response.json()) as T;
  };
  const headline = (id: string) => page.locator(`[data-kpi="${id}"] [data-testid="kpi-value"]`);
  const headlineNumber = async (id: string) =>
    Number((await headline(id).innerText()).replace(/[^\d.]/g, ''));
  /** Settled: no answer in flight, so the numbers on screen are those of the URL's filters. */
  const settled = async () =>
    expect(await page.getByTestId('dashboard-body').getAttribute('aria-busy')).toBe('false');
  const searchParam = (name: string) => new URL(page.url()).searchParams.get(name);

  beforeAll(async () => {
    platform = await startDemoPlatform('dashboards', token);
    url = platform.url;
    // The worker projects the demo's history once started: the figures hold still once the KPI
    // rollup has caught up with the log.
    await eventually(async () => {
      const health = (await (await fetch(`${url}/api/health`)).json()) as Health;
      expect(health.projections.find((p) => p.projection === 'kpis')?.eventsBehind).toBe(0);
    }, 240_000);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${url}/#token=${bearer}`);
    await page.getByTestId('feedback-row').first().waitFor();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('shows the headline numbers, charts and top requests over two years', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Dashboards' })
      .click();
    await page.getByRole('heading', { name: 'Product dashboard' }).waitFor();
    await headline('feedback').waitFor({ timeout: ANSWER_MS });

    // Typing the range puts it in the URL, to share or to go back to.
    await page.getByLabel('From', { exact: true }).fill(from);
    await page.getByLabel('From', { exact: true }).press('Enter');
    await page.getByLabel('To', { exact: true }).fill(to);
    await page.getByLabel('To', { exact: true }).press('Enter');
    await page.waitForURL((address) => address.searchParams.get('from') === from);
    expect(searchParam('to')).toBe(to);

    const expected = await api<PmAnswer>(`/dashboards/pm?from=${from}&to=${to}`);
    expect(expected.current.feedbackVolume.total).toBeGreaterThan(0);
    await eventually(async () => {
      await settled();
      expect(await headlineNumber('feedback')).toBe(expected.current.feedbackVolume.total);
    }, ANSWER_MS);
    expect(await headlineNumber('net-votes')).toBeGreaterThan(0);
    expect(await headlineNumber('unique-voters')).toBeGreaterThan(0);
    expect(await headlineNumber('active-customers')).toBeGreaterThan(0);
    await page.getByRole('figure', { name: 'Feedback volume' }).locator('svg').first().waitFor();
    await page.getByRole('figure', { name: 'Status funnel' }).waitFor();
    const topVotes = page.getByRole('region', { name: 'Top requests by votes' });
    await expect(topVotes.getByRole('link').count()).resolves.toBeGreaterThan(0);

    // Each card links its table as CSV with the filters on screen; the link downloads it.
    const csv = page
      .getByRole('region', { name: 'Feedback volume' })
      .getByRole('link', { name: 'Download feedback volume as CSV' });
    const href = (await csv.getAttribute('href'))!;
    expect(href).toContain('/api/v1/dashboards/pm/tables/feedback-volume.csv?');
    expect(href).toContain(`from=${from}`);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: ANSWER_MS }),
      csv.click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.split('\n').filter(Boolean).length).toBeGreaterThan(1);
    await page.screenshot({ path: join(screenshots, '70-pm-dashboard.png'), fullPage: true });
  });

  it('narrows to one board: the URL and the numbers follow', async () => {
    const everyBoard = await headlineNumber('feedback');
    const board = page.getByRole('combobox', { name: 'Board' });
    const values = await Promise.all(
      (await board.locator('option').all()).map((option) => option.getAttribute('value')),
    );
    const boardIds = values.filter((value): value is string => Boolean(value));
    expect(boardIds.length).toBeGreaterThan(1);
    const boardId = boardIds[0]!;
    await board.selectOption(boardId);
    await page.waitForURL((address) => address.searchParams.get('board') === boardId);

    const expected = await api<PmAnswer>(
      `/dashboards/pm?from=${from}&to=${to}&boardId=${encodeURIComponent(boardId)}`,
    );
    await eventually(async () => {
      await settled();
      expect(await headlineNumber('feedback')).toBe(expected.current.feedbackVolume.total);
    }, ANSWER_MS);
    expect(await headlineNumber('feedback')).toBeLessThan(everyBoard);
    await page.screenshot({ path: join(screenshots, '71-pm-one-board.png') });
  });

  it('drills into the feedback behind a number and follows a row to its page', async () => {
    await page.getByRole('button', { name: /^Feedback: .+ List them$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Feedback submitted' });
    const first = dialog.getByTestId('drill-row').first().getByRole('link');
    await first.waitFor();
    await page.screenshot({ path: join(screenshots, '72-pm-drill.png') });
    const title = await first.innerText();
    await first.click();

    await page.waitForURL((address) => address.searchParams.has('feedback'));
    const detail = page.getByRole('complementary').filter({ has: page.getByTestId('vote-button') });
    await detail.getByRole('heading', { name: title }).waitFor();

    // Back to the dashboard, filters and all.
    await page.goBack();
    await page.getByRole('heading', { name: 'Product dashboard' }).waitFor();
    expect(searchParam('board')).not.toBeNull();
    expect(searchParam('from')).toBe(from);
  });

  it('shows the dashboard as it stood a month ago, with the way back to now', async () => {
    const past = new Date(Date.now() - 30 * DAY);
    const pad = (value: number) => String(value).padStart(2, '0');
    // The field speaks the browser's time zone, which is this machine's.
    const local = `${past.getFullYear()}-${pad(past.getMonth() + 1)}-${pad(past.getDate())}T12:00`;
    await page.getByLabel('As of', { exact: true }).fill(local);
    await page.getByLabel('As of', { exact: true }).press('Enter');

    const banner = page.getByTestId('as-of-banner');
    await banner.waitFor();
    await expect(banner.innerText()).resolves.toMatch(/^Showing the dashboard as it stood on /);
    expect(searchParam('asOf')).toBe(new Date(local).toISOString());
    await eventually(settled, ANSWER_MS);
    await page.screenshot({ path: join(screenshots, '73-pm-as-of.png') });

    await banner.getByRole('button', { name: 'back to now' }).click();
    await banner.waitFor({ state: 'detached' });
    expect(searchParam('asOf')).toBeNull();
  });

  it('opens the delivery dashboard: velocity chart and sprints table, with drills', async () => {
    await page
      .getByRole('navigation', { name: 'Dashboards' })
      .getByRole('link', { name: 'Delivery dashboard' })
      .click();
    await page.getByRole('heading', { name: 'Delivery dashboard' }).waitFor();
    expect(searchParam('from')).toBe(from);

    // The demo's first sprint ended four weeks ago with two stories accepted.
    await page.getByRole('figure', { name: 'Sprint velocity' }).locator('svg').first().waitFor();
    const sprints = page.getByTestId('sprints-table');
    await sprints.getByRole('link', { name: 'Sprint 1' }).waitFor();
    await expect(headline('average-velocity').innerText()).resolves.toMatch(/\d/);
    await page.screenshot({ path: join(screenshots, '74-po-dashboard.png'), fullPage: true });

    await sprints.getByRole('button', { name: /accepted in Sprint 1\. List them$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Accepted in Sprint 1' });
    const first = dialog.getByTestId('drill-row').first().getByRole('link');
    await first.waitFor();
    await page.screenshot({ path: join(screenshots, '75-po-drill.png') });
    const title = await first.innerText();
    await first.click();
    await page.waitForURL(/\/backlog\/[^/?]+$/);
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();
  });
});
