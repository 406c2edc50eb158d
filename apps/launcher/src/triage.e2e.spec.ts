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
const token = 'e2e-triage-admin-token-0123456789';

type Item = {
  id: string;
  title: string;
  voteCount: number;
  tags: string[];
  mergedInto: string | null;
};

/**
 * A Product Owner triages the demo inbox with the keyboard: status, tags, merge and unmerge.
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform that is already running.
 */
describe('triage in the admin app, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;

  const api = async <T>(path: string, method = 'GET', body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    expect(response.status).toBe(method === 'POST' ? 201 : 200);
    return (await response.json()) as T;
  };
  const item = (id: string) => api<Item>(`/feedback/${id}`);
  const rows = () => page.getByTestId('feedback-row');
  const rowOf = (id: string) =>
    page.locator(`[data-testid="feedback-row"][data-feedback-id="${id}"]`);
  const cursorId = () =>
    page.locator('[data-testid="feedback-row"][data-cursor]').getAttribute('data-feedback-id');
  const detail = () =>
    page.getByRole('complementary').filter({ has: page.getByTestId('vote-button') });
  const detailVotes = async () => Number(await page.getByTestId('vote-count').innerText());

  beforeAll(async () => {
    platform = await startDemoPlatform('triage', token);
    url = platform.url;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${url}/#token=${bearer}`);
    await rows().first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('moves with j/k, changes the status with s, tags with t, and finds the item by that tag', async () => {
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    const id = await cursorId();
    expect(id).toBe(await rows().nth(1).getAttribute('data-feedback-id'));
    // Focus follows the cursor, so screen readers hear the row.
    await expect(
      page.locator('[data-testid="feedback-row"]:has(a:focus)').getAttribute('data-feedback-id'),
    ).resolves.toBe(id);

    // s: the workflow's allowed moves are enabled, the others say why not.
    await page.keyboard.press('s');
    const statusDialog = page.getByRole('dialog', { name: 'Change status' });
    await statusDialog.waitFor();
    const refused = statusDialog.locator('button[aria-disabled="true"]').first();
    if ((await refused.count()) > 0) {
      await expect(refused.getAttribute('title')).resolves.toMatch(/cannot move/i);
    }
    const target = statusDialog
      .locator('.status-picker__option:not([aria-disabled]):not([aria-pressed="true"])')
      .first();
    const statusName = (await target.innerText()).trim();
    await page.screenshot({ path: join(screenshots, '10-status-menu.png') });
    // The first allowed move has the focus, so Enter takes it.
    await page.keyboard.press('Enter');
    await statusDialog.waitFor({ state: 'detached' });
    await expect(rowOf(id!).getByText(statusName, { exact: true }).isVisible()).resolves.toBe(true);

    // t: pick a tag the item does not have yet.
    await page.keyboard.press('t');
    const tagDialog = page.getByRole('dialog', { name: 'Tags' });
    await tagDialog.waitFor();
    const uncheckedLabels = tagDialog.locator('label.ui-checkbox:has(input:not(:checked))');
    const anyLabel = tagDialog.locator('label.ui-checkbox').first();
    const tagName = (
      await ((await uncheckedLabels.count()) > 0 ? uncheckedLabels.first() : anyLabel).innerText()
    ).trim();
    const checkbox = tagDialog.getByRole('checkbox', { name: tagName, exact: true });
    if (await checkbox.isChecked()) {
      // Every tag is on it already (a re-run): take one off first, so t adds it back.
      await checkbox.click();
      await eventually(async () => expect(await checkbox.isChecked()).toBe(false));
    }
    await checkbox.click();
    await eventually(async () => expect(await checkbox.isChecked()).toBe(true));
    await page.keyboard.press('Escape');
    await tagDialog.waitFor({ state: 'detached' });
    await rowOf(id!).getByText(tagName, { exact: true }).waitFor();

    // The API has both changes.
    await eventually(async () => {
      const saved = await item(id!);
      expect(saved.tags.length).toBeGreaterThan(0);
    });

    // Filter the inbox by that tag: the item is there, and every row carries the tag.
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByLabel('Tag', { exact: true }).selectOption({ label: tagName });
    await eventually(async () => {
      expect(page.url()).toContain('tag=');
      await rowOf(id!).waitFor({ timeout: 2000 });
      const count = await rows().count();
      for (let index = 0; index < count; index += 1) {
        await expect(rows().nth(index).getByText(tagName, { exact: true }).count()).resolves.toBe(
          1,
        );
      }
    });
    await page.screenshot({ path: join(screenshots, '11-filtered-by-tag.png') });
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await eventually(() => Promise.resolve(expect(page.url()).not.toContain('tag=')));
  });

  let duplicateId: string;
  let survivorId: string;
  let before: { duplicate: number; survivor: number };
  let votesAfter: number;

  it('merges with m: the preview shows the combined count, the survivor ends with it', async () => {
    // The top item survives; a lower one is the duplicate.
    survivorId = (await rows().nth(0).getAttribute('data-feedback-id'))!;
    duplicateId = (await rows().nth(4).getAttribute('data-feedback-id'))!;
    const survivor = await item(survivorId);
    const duplicate = await item(duplicateId);
    before = { duplicate: duplicate.voteCount, survivor: survivor.voteCount };

    await rows().nth(4).getByRole('link').click();
    await detail().waitFor();
    await page.keyboard.press('m');
    const mergeDialog = page.getByRole('dialog', { name: /merge/i });
    await mergeDialog.waitFor();
    await page.keyboard.type(survivor.title);
    const option = mergeDialog.getByRole('radio', { name: survivor.title, exact: true });
    await option.waitFor();
    await option.check();
    const votesAfterCell = mergeDialog.getByTestId('merge-votes-after');
    await votesAfterCell.waitFor();
    votesAfter = Number(await votesAfterCell.innerText());
    const shared = Number(
      await mergeDialog.locator('dt:text-is("Shared voters") + dd').innerText(),
    );
    expect(votesAfter).toBe(before.survivor + before.duplicate - shared);
    await page.screenshot({ path: join(screenshots, '12-merge-preview.png') });
    await mergeDialog.getByRole('button', { name: 'Merge', exact: true }).click();
    await mergeDialog.waitFor({ state: 'detached' });

    // The duplicate says where it went.
    const banner = page.getByTestId('merged-banner');
    await banner.waitFor();
    await banner.getByText(survivor.title).waitFor();
    await page.screenshot({ path: join(screenshots, '13-merged-into.png') });

    // The survivor has exactly the previewed count, on screen and in the API.
    await banner.getByRole('button', { name: 'Open survivor' }).click();
    await page.getByRole('heading', { name: survivor.title }).waitFor();
    await eventually(async () => expect(await detailVotes()).toBe(votesAfter));
    await eventually(async () => expect((await item(survivorId)).voteCount).toBe(votesAfter));
    expect((await item(duplicateId)).mergedInto).toBe(survivorId);
  });

  it('unmerges: both items get their own counts back', async () => {
    await page.goto(`${url}/?feedback=${duplicateId}`);
    const banner = page.getByTestId('merged-banner');
    await banner.waitFor();
    await banner.getByRole('button', { name: 'Unmerge' }).click();
    await banner.waitFor({ state: 'detached' });
    await eventually(async () => expect(await detailVotes()).toBe(before.duplicate));
    await eventually(async () => {
      expect((await item(duplicateId)).mergedInto).toBeNull();
      expect((await item(survivorId)).voteCount).toBe(before.survivor);
      expect((await item(duplicateId)).voteCount).toBe(before.duplicate);
    });
    await page.goto(`${url}/?feedback=${survivorId}`);
    await eventually(async () => expect(await detailVotes()).toBe(before.survivor));
    await page.screenshot({ path: join(screenshots, '14-unmerged.png') });
  });

  it('creates a board from a name of several words in the settings', async () => {
    await page.goto(`${url}/settings/boards`);
    const newBoard = page.getByRole('heading', { name: 'New board' }).locator('..');
    await newBoard.getByRole('textbox', { name: 'Name' }).fill('Customer success');
    await newBoard.getByRole('button', { name: 'Create board' }).click();
    await eventually(async () => {
      const catalog = await api<{ boards: { id: string; name: string }[] }>('/catalog');
      expect(catalog.boards).toContainEqual(
        expect.objectContaining({ id: 'customer-success', name: 'Customer success' }),
      );
    });
    await page
      .getByRole('list', { name: 'Boards' })
      .getByText('Customer success', { exact: true })
      .waitFor();
  });

  it('deletes a tag only once the dialog is confirmed', async () => {
    // Its own tag, so that a re-run against a live platform finds no clash.
    const id = `legacy-${Date.now().toString(36)}`;
    await api('/catalog/tags', 'POST', { id, name: `Legacy ${id}`, colour: '#f59e0b' });
    await page.goto(`${url}/settings/tags`);
    const tags = page.getByRole('list', { name: 'Tags' });
    const remove = tags.getByRole('button', { name: `Delete tag Legacy ${id}` });
    const confirm = page.getByRole('dialog', { name: `Delete the tag “Legacy ${id}”?` });

    await remove.click();
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'hidden' });
    const tagIds = async () =>
      (await api<{ tags: { id: string }[] }>('/catalog')).tags.map((t) => t.id);
    expect(await tagIds()).toContain(id);

    await remove.click();
    await confirm.getByRole('button', { name: 'Delete tag' }).click();
    await remove.waitFor({ state: 'detached' });
    expect(await tagIds()).not.toContain(id);
  });
});
