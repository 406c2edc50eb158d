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
const token = 'e2e-privacy-admin-token-0123456789';

type CustomerPage = { items: { id: string; name: string; email: string | null }[] };

/**
 * The demo admin makes the portal secret a host application signs its users' tokens with (shown
 * once, and replaced only after a warning), tries to set up single sign-on with an issuer that
 * does not answer and is told so on the issuer field, then erases a customer from the customers
 * page and a person from Settings → People, each after typing who it is.
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform that is already running.
 */
describe('single sign-on, portal sign-in and erasure in the admin app, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  // Unique per run, so a re-run against a running platform finds its own customer and person.
  const run = Date.now().toString(36);
  const customer = {
    externalId: `e2e-erase-${run}`,
    name: `Erin Erasable ${run}`,
    email: `erin.${run}@privacy.test`,
  };
  const person = { name: `Pat Forgettable ${run}`, email: `pat.${run}@privacy.test` };

  const api = async <T>(path: string, method = 'GET', body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
    }
    return (await response.json()) as T;
  };

  const customersNamed = (q: string) =>
    api<CustomerPage>(`/customers?q=${encodeURIComponent(q)}`).then((page) => page.items);

  beforeAll(async () => {
    platform = await startDemoPlatform('privacy', token);
    url = platform.url;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    page = await context.newPage();

    await api(`/customers/${customer.externalId}`, 'PUT', {
      name: customer.name,
      email: customer.email,
    });
    await api('/people/invitations', 'POST', { ...person, role: 'viewer' });
    // The customers list is a read model: wait until it has her.
    await eventually(async () => expect(await customersNamed(customer.name)).toHaveLength(1));

    await page.goto(`${url}/#token=${bearer}`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('makes a portal secret, shows it once, and asks before replacing it', async () => {
    await openSettings(page, 'Portal sign-in');
    expect(new URL(page.url()).pathname).toBe('/settings/portal');
    const status = page.getByTestId('portal-secret-status');
    await status.getByText('Make a secret', { exact: false }).waitFor();
    // The sample is filled in with this workspace and this server.
    const sample = page.getByLabel('Code sample for Node.js');
    await expect(sample.innerText()).resolves.toContain(`${url}/api/v1/auth/portal-token`);
    const me = await api<{ workspace: { slug: string } }>('/me');
    await expect(sample.innerText()).resolves.toContain(`workspace: '${me.workspace.slug}'`);

    // The first secret replaces nothing: no confirmation.
    await page.getByRole('button', { name: 'Make a new secret' }).click();
    const shown = page.getByRole('dialog', { name: 'Your new portal secret' });
    await shown.waitFor();
    await shown.getByText('it will not be shown again', { exact: false }).waitFor();
    const field = shown.getByLabel('Portal secret', { exact: true });
    await expect(field.getAttribute('readonly')).resolves.not.toBeNull();
    const first = await field.inputValue();
    expect(first).toMatch(/^\S{32,}$/);
    await shown.getByRole('button', { name: 'Copy' }).click();
    await shown.getByRole('button', { name: 'Copied' }).waitFor();
    await expect(page.evaluate<string>('navigator.clipboard.readText()')).resolves.toBe(first);
    await page.screenshot({ path: join(screenshots, '64-portal-secret-shown-once.png') });
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });

    await page.getByText('Secret set', { exact: true }).waitFor();
    await status.getByText('signs with the secret made', { exact: false }).waitFor();
    await expect(page.content()).resolves.not.toContain(first);

    // Replacing one that works asks first, and keeping it is the safe choice.
    await page.getByRole('button', { name: 'Make a new secret' }).click();
    const confirm = page.getByRole('dialog', { name: 'Replace the portal secret?' });
    await confirm.getByText('stops working', { exact: false }).waitFor();
    await page.screenshot({ path: join(screenshots, '65-portal-secret-replace.png') });
    await confirm.getByRole('button', { name: 'Keep the current secret' }).click();
    await confirm.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Make a new secret' }).click();
    await confirm.getByRole('button', { name: 'Replace the secret' }).click();
    await shown.waitFor();
    const second = await shown.getByLabel('Portal secret', { exact: true }).inputValue();
    expect(second).not.toBe(first);
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });
  });

  it('refuses single sign-on with an issuer that does not answer, on the issuer field', async () => {
    await openSettings(page, 'Single sign-on');
    expect(new URL(page.url()).pathname).toBe('/settings/sso');
    const form = page.getByRole('form', { name: 'Single sign-on' });
    await form.waitFor();
    await expect(form.getByLabel('Redirect URI').inputValue()).resolves.toMatch(
      /^https?:\/\/[^/]+\/api\/v1\/auth\/sso\/callback$/,
    );

    // Nothing is sent while required fields are empty; the fields say so.
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    await form.getByText('Give the issuer URL.').waitFor();
    await form.getByText('Give the client secret the provider issued.').waitFor();

    await form.getByRole('checkbox', { name: /Let people sign in with single sign-on/ }).check();
    // Nothing listens on port 9 here: the provider's configuration cannot be read.
    await form.getByLabel('Issuer URL').fill('http://127.0.0.1:9');
    await form.getByLabel('Client id').fill('chorus-e2e');
    await form.getByLabel('Client secret').fill('e2e-client-secret');
    await form.getByLabel('Role claim').fill('groups');
    await form.getByRole('button', { name: 'Map a claim value' }).click();
    await form.getByLabel('Claim value 1', { exact: true }).fill('chorus-admins');
    await form.getByLabel('Role for claim value 1').selectOption({ label: 'Admin' });
    await form.getByRole('button', { name: 'Map a claim value' }).click();
    await form.getByLabel('Claim value 2', { exact: true }).fill('product');
    await form.getByLabel('Role for claim value 2').selectOption({ label: 'Product manager' });
    await form.getByLabel('Default role').selectOption({ label: 'Viewer' });

    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/sso') && response.request().method() === 'PUT',
    );
    await form.getByRole('button', { name: 'Save single sign-on' }).click();
    const response = await saved;
    expect(response.status()).toBe(422);
    expect(response.request().postDataJSON()).toEqual({
      enabled: true,
      issuer: 'http://127.0.0.1:9',
      clientId: 'chorus-e2e',
      clientSecret: 'e2e-client-secret',
      roleClaim: 'groups',
      roleMap: { 'chorus-admins': 'admin', product: 'product_manager' },
      defaultRole: 'viewer',
    });
    await form
      .getByText("Could not read the provider's configuration at http://127.0.0.1:9", {
        exact: false,
      })
      .waitFor();
    await expect(form.getByLabel('Issuer URL').getAttribute('aria-invalid')).resolves.toBe('true');
    await page.screenshot({ path: join(screenshots, '66-sso-issuer-refused.png') });

    // Nothing was saved.
    await expect(api<{ configured: boolean }>('/sso')).resolves.toMatchObject({
      configured: false,
    });
  });

  it('erases a customer from the customers page once their external id is typed', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Customers' })
      .click();
    await page.getByLabel('Search customers').fill(customer.name);
    const row = page.getByTestId('customer-row').filter({ hasText: customer.externalId });
    await row.waitFor();
    const id = await row.getAttribute('data-customer-id');
    expect(id).toBeTruthy();

    await row.getByRole('button', { name: `Erase ${customer.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Erase ${customer.name}?` });
    await dialog.getByText('This cannot be undone.', { exact: false }).waitFor();
    await dialog.getByText('votes, feedback and comments stay', { exact: false }).waitFor();
    const erase = dialog.getByRole('button', { name: 'Erase for good' });
    await expect(erase.isDisabled()).resolves.toBe(true);
    const typed = dialog.getByLabel('Type their external id to confirm');
    // Her name is not what is asked for.
    await typed.fill(customer.name);
    await expect(erase.isDisabled()).resolves.toBe(true);
    await typed.fill(customer.externalId);
    await expect(erase.isDisabled()).resolves.toBe(false);
    await page.screenshot({ path: join(screenshots, '67-erase-customer.png') });
    await erase.click();
    await dialog.waitFor({ state: 'detached' });

    const erasedRow = page.locator(`[data-testid="customer-row"][data-customer-id="${id}"]`);
    await erasedRow.getByText('Erased customer', { exact: true }).waitFor();
    await erasedRow.getByText('Erased', { exact: true }).waitFor();

    // Read again from the server: her name finds nobody, and the list shows the erased customer.
    await eventually(async () => expect(await customersNamed(customer.name)).toEqual([]));
    await page.reload();
    await page.getByLabel('Search customers').fill('Erased customer');
    await erasedRow.getByText('Erased customer', { exact: true }).waitFor();
    await expect(erasedRow.getByRole('button', { name: /^Erase/ }).count()).resolves.toBe(0);
    await expect(erasedRow.innerText()).resolves.not.toContain(customer.email);
    await page.screenshot({ path: join(screenshots, '68-customer-erased.png') });
  });

  it('erases a person in Settings → People once their name is typed, but never oneself', async () => {
    await openSettings(page, 'People');
    const row = page.getByTestId('person-row').filter({ hasText: person.email });
    await row.waitFor();
    const id = await row.getAttribute('data-person-id');
    // The admin's own row offers no erasure.
    const own = page.getByTestId('person-row').filter({ hasText: 'You' });
    await own.waitFor();
    await expect(own.getByRole('button', { name: /^Erase/ }).count()).resolves.toBe(0);

    await row.getByRole('button', { name: `Erase ${person.name}` }).click();
    const dialog = page.getByRole('dialog', { name: `Erase ${person.name}?` });
    await dialog.getByText('can never sign in again', { exact: false }).waitFor();
    const erase = dialog.getByRole('button', { name: 'Erase for good' });
    await dialog.getByLabel('Type their name to confirm').fill(person.name);
    await erase.click();
    await dialog.waitFor({ state: 'detached' });

    const erasedRow = page.locator(`[data-testid="person-row"][data-person-id="${id}"]`);
    await erasedRow.getByText('Erased person', { exact: true }).waitFor();
    await erasedRow.getByText('Erased', { exact: true }).waitFor();
    await expect(erasedRow.innerText()).resolves.not.toContain(person.email);
    await expect(erasedRow.getByRole('button').count()).resolves.toBe(0);
    await page.screenshot({ path: join(screenshots, '69-person-erased.png') });
  });
});
