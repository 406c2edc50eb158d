import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { eventually } from '@chorus/event-store/testing';
import {
  launchChromium,
  openSettings,
  screenshotsDir,
  startDemoPlatform,
  type DemoPlatform,
} from './testing/browser-session';

const screenshots = screenshotsDir();
const token = 'e2e-imports-admin-token-0123456789';

type FeedbackPage = { items: { id: string; title: string }[] };

/**
 * The demo admin imports a CSV of feedback in the settings: a dry run lists the bad row and
 * what would be created without creating anything, the real import runs to 100 % and its
 * feedback shows in the inbox, and the same file again changes nothing. Then they export the
 * workspace: the zip and one read-model table as CSV.
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform that is already running.
 */
describe('imports and the workspace export in the admin settings, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  // Unique per run, so a re-run against a running platform imports its own rows.
  const run = Date.now().toString(36);
  const board = { id: `e2e-imports-${run}`, name: `E2E imports ${run}` };
  const titles = [`Imported: export to PDF ${run}`, `Imported: dark mode ${run}`];
  const csv = [
    'externalId,title,description,board',
    `e2e-${run}-1,${titles[0]},Asked for in the old tool,${board.id}`,
    `e2e-${run}-2,${titles[1]},,${board.id}`,
    `e2e-${run}-3,A request on a board that does not exist,,nowhere`,
  ].join('\n');
  const csvFile = { name: 'feedback.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };

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
  const feedbackOnBoard = async () =>
    (await api<FeedbackPage>('GET', `/feedback?boardId=${board.id}&sort=newest`)).items;
  const job = () => page.getByTestId('import-job');
  /** The import on screen once it has finished, and not the one shown before it. */
  const finishedJob = async (dryRun: boolean, before: string | null) => {
    const panel = page.locator(
      `[data-testid="import-job"][data-dry-run="${dryRun}"][data-status="succeeded"]`,
    );
    await panel.waitFor({ timeout: 60_000 });
    const id = await panel.getAttribute('data-import-id');
    expect(id).not.toBe(before);
    return id;
  };
  const count = async (outcome: string) =>
    Number((await job().getByTestId(`import-${outcome}`).innerText()).replace(/\D/g, ''));
  const chooseFile = async () => {
    await page.getByLabel('Choose a file').setInputFiles(csvFile);
    await page.getByTestId('import-file').getByText('feedback.csv').waitFor();
  };

  beforeAll(async () => {
    platform = await startDemoPlatform('imports', token);
    url = platform.url;
    // The imported feedback goes on a board of its own, so the inbox can show just it.
    await api('POST', '/catalog/boards', board);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    await page.goto(`${url}/#token=${bearer}`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  let dryRunId: string | null = null;
  let importId: string | null = null;

  it('checks a CSV with a dry run: the bad row is listed, the rest would be created, nothing is', async () => {
    await openSettings(page, 'Import');
    expect(new URL(page.url()).pathname).toBe('/settings/import');
    await expect(
      page.getByRole('radio', { name: 'Feedback (CSV)', exact: true }).isChecked(),
    ).resolves.toBe(true);
    // The columns of the source are listed beside the picker.
    await page.getByRole('rowheader', { name: /^externalId/ }).waitFor();

    // A file of another kind is refused before anything is sent, saying what to do instead.
    await page.getByLabel('Choose a file').setInputFiles({
      name: 'canny.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"posts":[]}'),
    });
    await page
      .getByRole('alert')
      .getByText(/is a JSON file.*choose Canny export/)
      .waitFor();
    await expect(
      page.getByRole('button', { name: 'Check first (dry run)' }).isDisabled(),
    ).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, 'imports-1-wrong-file.png'), fullPage: true });

    await chooseFile();
    await page.getByRole('button', { name: 'Check first (dry run)' }).click();
    dryRunId = await finishedJob(true, null);
    await job()
      .getByText(/^Dry run finished: nothing was changed\./)
      .waitFor();
    await expect(count('created')).resolves.toBe(2);
    await job()
      .getByRole('term')
      .filter({ hasText: /^Would create$/ })
      .waitFor();
    await expect(count('problems')).resolves.toBe(1);
    const problem = job().getByTestId('import-errors').locator('tbody tr');
    await problem.first().waitFor();
    await expect(problem.count()).resolves.toBe(1);
    const cells = await problem.first().locator('td').allInnerTexts();
    expect(cells.slice(0, 2)).toEqual(['3', 'board']);
    expect(cells[2]).toContain('There is no board "nowhere"');
    await page.screenshot({ path: join(screenshots, 'imports-2-dry-run.png'), fullPage: true });

    // The error report is the same problem as CSV.
    const [report] = await Promise.all([
      page.waitForEvent('download'),
      job().getByRole('button', { name: 'Download error report' }).click(),
    ]);
    const lines = readFileSync(await report.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('part,row,field,message');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('3,board,');

    // Nothing was created.
    const dryRun = await api<{ dryRun: boolean; created: number }>('GET', `/imports/${dryRunId}`);
    expect(dryRun).toMatchObject({ dryRun: true, created: 2 });
    await expect(feedbackOnBoard()).resolves.toEqual([]);
  });

  it('imports for real: the progress reaches 100 % and the feedback shows in the inbox', async () => {
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    importId = await finishedJob(false, dryRunId);
    const progress = job().getByRole('progressbar', { name: 'Import progress' });
    await expect(progress.getAttribute('aria-valuenow')).resolves.toBe('100');
    await job().getByText('100%').waitFor();
    await job()
      .getByText(/^Import finished: 2 created, 0 updated, 0 skipped/)
      .waitFor();
    await expect(count('created')).resolves.toBe(2);
    await expect(count('problems')).resolves.toBe(1);

    // Both runs are listed, newest first, and either opens again.
    const rows = page.getByTestId('import-row');
    await expect(rows.first().getAttribute('data-import-id')).resolves.toBe(importId);
    await expect(rows.nth(1).getAttribute('data-import-id')).resolves.toBe(dryRunId);
    await expect(rows.first().getAttribute('data-status')).resolves.toBe('succeeded');
    await page.screenshot({ path: join(screenshots, 'imports-3-imported.png'), fullPage: true });

    // The worker projects the new feedback; then the inbox, filtered to its board, shows it.
    await eventually(async () => expect(await feedbackOnBoard()).toHaveLength(2));
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Inbox' })
      .click();
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByLabel('Board', { exact: true }).selectOption({ label: board.name });
    const inbox = page.getByTestId('feedback-row');
    await eventually(async () => {
      expect(await inbox.locator('.feedback-row__title').allInnerTexts()).toEqual(
        expect.arrayContaining(titles),
      );
    });
    await expect(inbox.count()).resolves.toBe(2);
    await page.screenshot({ path: join(screenshots, 'imports-4-inbox.png') });
  });

  it('imports the same file again: nothing new, every record is skipped', async () => {
    await openSettings(page, 'Import');
    await chooseFile();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await finishedJob(false, importId);
    await job()
      .getByText(/^Import finished: 0 created, 0 updated, 2 skipped/)
      .waitFor();
    await expect(count('created')).resolves.toBe(0);
    await expect(count('skipped')).resolves.toBe(2);
    await page.screenshot({ path: join(screenshots, 'imports-5-again.png'), fullPage: true });
    await expect(feedbackOnBoard()).resolves.toHaveLength(2);
  });

  it('exports the workspace as a zip, and one read-model table as CSV', async () => {
    await openSettings(page, 'Export');
    expect(new URL(page.url()).pathname).toBe('/settings/export');
    await page.getByText('npm run import:workspace', { exact: false }).waitFor();

    const [archive] = await Promise.all([
      page.waitForEvent('download', { timeout: 120_000 }),
      page.getByRole('button', { name: 'Download everything (.zip)' }).click(),
    ]);
    expect(archive.suggestedFilename()).toMatch(/^chorus-export-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = readFileSync(await archive.path());
    expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
    await page
      .getByRole('status')
      .getByText(/^Saved chorus-export-.*\.zip \(.+\)/)
      .waitFor();

    const table = page.locator('[data-testid="read-model-row"][data-table="feedback_list"]');
    await table.waitFor();
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      table.getByRole('button', { name: 'CSV of feedback_list' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^feedback_list-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = readFileSync(await csvDownload.path(), 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(header?.split(',')).toEqual(expect.arrayContaining(['workspace_id', 'title']));
    expect(rows.length).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshots, 'imports-6-export.png'), fullPage: true });
  });
});
