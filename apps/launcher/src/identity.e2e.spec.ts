import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  launchChromium,
  screenshotsDir,
  startDemoPlatform,
  type DemoPlatform,
  openSettings,
} from './testing/browser-session';

const screenshots = screenshotsDir();
const token = 'e2e-identity-admin-token-0123456789';

/**
 * The demo admin (signed in with the launcher's token) invites a product owner from the People
 * settings and copies the link shown once; in a browser of their own the invited person opens it,
 * chooses a password and lands in the app; they sign out and back in with email and password,
 * make a change (the session cookie with its CSRF header), and once the admin deactivates them
 * their next step lands on the sign-in screen.
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform that is already running.
 */
describe('people, invitations and password sign-in, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let admin: Page;
  let personContext: BrowserContext;
  let person: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  // Unique per run, so a re-run against a running platform invites someone new.
  const run = Date.now().toString(36);
  const name = `Pia Owner ${run}`;
  const email = `pia.${run}@example.test`;
  const password = 'correct horse battery staple';

  const row = () => admin.getByTestId('person-row').filter({ hasText: email });
  const signInHeading = () =>
    person.getByRole('heading', { name: 'Sign in to your workspace', level: 1 });
  const header = (page: Page) => page.getByRole('banner');

  beforeAll(async () => {
    platform = await startDemoPlatform('identity', token);
    url = platform.url;
    browser = await launchChromium();
    const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    // The link's Copy button writes to the clipboard; the test reads it back.
    await adminContext.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
    admin = await adminContext.newPage();
    await admin.goto(`${url}/#token=${bearer}`);
    await openSettings(admin, 'People');
    await admin.getByRole('button', { name: 'Invite someone' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  let link: string;

  it('invites a product owner and shows the link once, with a Copy button', async () => {
    expect(new URL(admin.url()).pathname).toBe('/settings/people');
    // The admin is listed, as themselves, and cannot deactivate themselves.
    const me = admin.getByTestId('person-row').filter({ hasText: 'You' });
    await me.waitFor();
    await expect(me.getByRole('button', { name: /^Deactivate/ }).count()).resolves.toBe(0);

    await admin.getByRole('button', { name: 'Invite someone' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Invite someone' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    await dialog.getByText('Give their name.').waitFor();

    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Role').selectOption({ label: 'Product owner' });
    await dialog.getByText('Plans the backlog and sprints, accepts done work.').waitFor();
    await admin.screenshot({ path: join(screenshots, '80-invite-someone.png') });
    await dialog.getByRole('button', { name: 'Create invitation' }).click();

    const shown = admin.getByRole('dialog', { name: 'Send the invitation link' });
    await shown.waitFor();
    await shown.getByText('it will not be shown again', { exact: false }).waitFor();
    const field = shown.getByLabel('Invitation link');
    await expect(field.getAttribute('readonly')).resolves.not.toBeNull();
    link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${url}/invitation#token=[\\w-]{43}$`));

    await shown.getByRole('button', { name: 'Copy' }).click();
    await shown.getByRole('button', { name: 'Copied' }).waitFor();
    await expect(admin.evaluate<string>('navigator.clipboard.readText()')).resolves.toBe(link);
    await admin.screenshot({ path: join(screenshots, '81-invitation-link-shown-once.png') });
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });

    await row().getByText('Invited', { exact: true }).waitFor();
    await expect(row().getByLabel(`Role of ${name}`).inputValue()).resolves.toBe('product_owner');
    await expect(admin.content()).resolves.not.toContain(link.split('#token=')[1]);
  });

  it('accepts the invitation in a browser of their own and lands in the app', async () => {
    personContext = await browser!.newContext({ viewport: { width: 1440, height: 900 } });
    person = await personContext.newPage();
    await person.goto(link);
    const form = person.getByRole('form', { name: 'Choose a password' });
    await form.waitFor();
    // The secret leaves the address bar (and the history) at once.
    expect(person.url()).toBe(`${url}/invitation`);

    await form.getByLabel(/^Password/).fill('too short');
    await form.getByRole('button', { name: 'Set password and sign in' }).click();
    await form.getByText('Use at least 12 characters', { exact: false }).waitFor();
    await form.getByLabel(/^Password/).fill(password);
    await form.getByLabel('Repeat the password').fill(`${password}!`);
    await form.getByRole('button', { name: 'Set password and sign in' }).click();
    await form.getByText('The two passwords are not the same.').waitFor();
    await form.getByLabel('Repeat the password').fill(password);
    await person.screenshot({ path: join(screenshots, '82-accept-invitation.png') });
    await form.getByRole('button', { name: 'Set password and sign in' }).click();

    await header(person).getByText('Product owner', { exact: true }).waitFor();
    await header(person).getByText(name).waitFor();
    expect(new URL(person.url()).pathname).toBe('/');
    await person.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    // The session is an HttpOnly cookie: nothing of it is in the page's storage.
    // Run in the page, where `localStorage` is the browser's.
    const stored = await person.evaluate<string>('JSON.stringify(localStorage)');
    expect(stored).not.toContain('chorus.token');
    await person.screenshot({ path: join(screenshots, '83-signed-in-by-invitation.png') });

    // The link was for once.
    const again = await personContext.newPage();
    await again.goto(link);
    await again.getByRole('form', { name: 'Choose a password' }).waitFor();
    await again.getByLabel(/^Password/).fill(password);
    await again.getByLabel('Repeat the password').fill(password);
    await again.getByRole('button', { name: 'Set password and sign in' }).click();
    await again.getByRole('heading', { name: "This invitation link can't be used" }).waitFor();
    await again.close();

    await admin.reload();
    await row().getByText('Active', { exact: true }).waitFor();
    await expect(row().locator('td').nth(4).innerText()).resolves.toBe('Yes');
  });

  it('signs out, and back in with email and password', async () => {
    await header(person).getByRole('button', { name: 'Sign out' }).click();
    await signInHeading().waitFor();
    // The cookie is gone too: a reload does not sign back in.
    await person.reload();
    await signInHeading().waitFor();

    const form = person.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill('not the password at all');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await form
      .getByRole('alert')
      .filter({ hasText: 'The email or the password is not right.' })
      .waitFor();
    await form.getByLabel('Password').fill(password);
    await person.screenshot({ path: join(screenshots, '84-sign-in-with-password.png') });
    await form.getByRole('button', { name: 'Sign in' }).click();
    await header(person).getByText('Product owner', { exact: true }).waitFor();

    // A reload finds the session by its cookie.
    await person.reload();
    await header(person).getByText(name).waitFor();
  });

  it('makes a change with the session cookie, sending the CSRF header', async () => {
    await person.getByRole('button', { name: 'New feedback' }).click();
    const dialog = person.getByRole('dialog', { name: 'New feedback' });
    await dialog.waitFor();
    await dialog.getByLabel('Title').fill(`Exports signed in by password ${run}`);
    const submitted = person.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === '/api/v1/feedback',
    );
    await dialog.getByRole('button', { name: 'Submit feedback' }).click();
    const response = await submitted;
    expect(response.status()).toBe(201);
    const headers = response.request().headers();
    expect(headers['x-csrf-token']).toMatch(/^[\w-]{43}$/);
    expect(headers.authorization).toBeUndefined();
    await dialog.waitFor({ state: 'detached' });
  });

  it('changes their password from the profile', async () => {
    await header(person)
      .getByRole('button', { name: `Your profile: ${name}` })
      .click();
    const profile = person.getByRole('dialog', { name: 'Your profile' });
    await profile.waitFor();
    await profile.getByLabel('Current password').fill('not the password at all');
    await profile.getByLabel(/^New password/).fill(`${password} again`);
    await profile.getByLabel('Repeat the new password').fill(`${password} again`);
    await profile.getByRole('button', { name: 'Change password' }).click();
    await profile.getByText('The current password is not right.').waitFor();
    await profile.getByLabel('Current password').fill(password);
    await profile.getByRole('button', { name: 'Change password' }).click();
    await profile.getByText('Your password is changed.', { exact: false }).waitFor();
    await person.screenshot({ path: join(screenshots, '85-password-changed.png') });
    await profile.getByRole('button', { name: 'Close' }).click();
    await profile.waitFor({ state: 'hidden' });
  });

  it('refuses their next step once the admin deactivates them', async () => {
    await row()
      .getByRole('button', { name: `Deactivate ${name}` })
      .click();
    const confirm = admin.getByRole('dialog', { name: `Deactivate ${name}?` });
    await confirm.waitFor();
    await confirm.getByText('signed out everywhere at once', { exact: false }).waitFor();
    await admin.screenshot({ path: join(screenshots, '86-deactivate-person.png') });
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await confirm.waitFor({ state: 'detached' });
    await row().getByText('Deactivated', { exact: true }).waitFor();
    await row()
      .getByRole('button', { name: `Reactivate ${name}` })
      .waitFor();

    await person
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Backlog' })
      .click();
    await signInHeading().waitFor();
    // Deactivation ends their sessions; signing in again says why.
    await person.getByRole('alert').filter({ hasText: 'Your session has ended' }).waitFor();
    await person.screenshot({ path: join(screenshots, '87-deactivated-signed-out.png') });

    const form = person.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Email').fill(email);
    await form.getByLabel('Password').fill(`${password} again`);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await form.getByRole('alert').filter({ hasText: 'deactivated' }).waitFor();
  });
});
