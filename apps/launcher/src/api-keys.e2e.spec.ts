import { join } from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { eventually } from '@chorus/event-store/testing';
import {
  launchChromium,
  screenshotsDir,
  startDemoPlatform,
  type DemoPlatform,
  openSettings,
} from './testing/browser-session';

const screenshots = screenshotsDir();
const token = 'e2e-api-keys-admin-token-0123456789';

/**
 * The demo admin creates an API key with the read scope in the settings, copies it from the
 * dialog that shows it once, a service uses it (reads pass, writes are refused), and once the
 * admin revokes it the API refuses it altogether.
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform that is already running.
 */
describe('API keys in the admin settings, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  // Unique per run, so a re-run against a running platform finds its own key.
  const name = `E2E read-only key ${Date.now().toString(36)}`;

  const withKey = (key: string, init: RequestInit = {}) => ({
    ...init,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
  });
  const row = () => page.getByTestId('api-key-row').filter({ hasText: name });

  beforeAll(async () => {
    platform = await startDemoPlatform('api-keys', token);
    url = platform.url;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // The key's Copy button writes to the clipboard; the test reads it back.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    page = await context.newPage();
    await page.goto(`${url}/#token=${bearer}`);
    await openSettings(page, 'API keys');
    await page.getByRole('button', { name: 'New API key' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  let key: string;

  it('creates a read-only key and shows it once, with a Copy button', async () => {
    expect(new URL(page.url()).pathname).toBe('/settings/api-keys');
    await page.getByRole('button', { name: 'New API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'New API key', exact: true });
    await dialog.waitFor();

    // Nothing is sent without a name; the field says so.
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await dialog.getByText('Name the key after the service that uses it.').waitFor();

    await dialog.getByLabel('Name').fill(name);
    const read = dialog.getByRole('checkbox', { name: /^Read\b/ });
    await expect(read.isChecked()).resolves.toBe(true);
    await expect(dialog.getByRole('checkbox', { name: /^Write\b/ }).isChecked()).resolves.toBe(
      false,
    );
    await expect(dialog.getByRole('checkbox', { name: /^Admin\b/ }).isChecked()).resolves.toBe(
      false,
    );
    await dialog.getByLabel('Expires').selectOption({ label: 'In 30 days' });
    await page.screenshot({ path: join(screenshots, '60-new-api-key.png') });
    await dialog.getByRole('button', { name: 'Create key' }).click();
    await dialog.waitFor({ state: 'detached' });

    const shown = page.getByRole('dialog', { name: 'Your new API key' });
    await shown.waitFor();
    await shown.getByText('it will not be shown again', { exact: false }).waitFor();
    const field = shown.getByLabel('API key', { exact: true });
    await expect(field.getAttribute('readonly')).resolves.not.toBeNull();
    key = await field.inputValue();
    expect(key).toMatch(/^chorus_key_\S{16,}$/);

    await shown.getByRole('button', { name: 'Copy' }).click();
    await shown.getByRole('button', { name: 'Copied' }).waitFor();
    // Run in the page, where `navigator` is the browser's.
    await expect(page.evaluate<string>('navigator.clipboard.readText()')).resolves.toBe(key);
    await page.screenshot({ path: join(screenshots, '61-api-key-shown-once.png') });
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });

    // The list has it, by its prefix only: the secret is nowhere on the page any more.
    await row().waitFor();
    await row().getByText('Active', { exact: true }).waitFor();
    await row().getByText('Read', { exact: true }).waitFor();
    const prefix = (await row().locator('code').innerText()).replace(/…$/, '');
    expect(key.startsWith(prefix)).toBe(true);
    await expect(page.content()).resolves.not.toContain(key);
  });

  it('lets a service read with the key, and refuses its writes', async () => {
    const list = await fetch(`${url}/api/v1/feedback`, withKey(key));
    expect(list.status).toBe(200);

    const write = await fetch(
      `${url}/api/v1/feedback`,
      withKey(key, {
        method: 'POST',
        body: JSON.stringify({ title: 'Written with a read-only API key' }),
      }),
    );
    expect(write.status).toBe(403);

    // The list shows when the key was last used (it expires in 30 days: no other "Never").
    await eventually(async () => {
      await page.reload();
      await row().waitFor();
      expect(await row().getByText('Never', { exact: true }).count()).toBe(0);
    });
  });

  it('revokes the key after a confirmation naming it, and the API refuses it at once', async () => {
    await row()
      .getByRole('button', { name: `Revoke key ${name}` })
      .click();
    const confirm = page.getByRole('dialog', { name: `Revoke “${name}”?` });
    await confirm.waitFor();
    await confirm.getByText('Services using it stop working at once.').waitFor();
    await page.screenshot({ path: join(screenshots, '62-revoke-api-key.png') });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'detached' });

    await row().getByText('Revoked', { exact: true }).waitFor();
    await expect(
      row()
        .getByRole('button', { name: /^Revoke/ })
        .count(),
    ).resolves.toBe(0);
    await page.screenshot({ path: join(screenshots, '63-api-key-revoked.png') });

    const refused = await fetch(`${url}/api/v1/feedback`, withKey(key));
    expect(refused.status).toBe(401);
  });
});
