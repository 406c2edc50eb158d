import { join } from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { eventually } from '@chorus/event-store/testing';
import {
  launchChromium,
  screenshotsDir,
  startDemoPlatform,
  type DemoPlatform,
} from './testing/browser-session';

const screenshots = screenshotsDir();
const token = 'e2e-roles-admin-token-0123456789';

type Role = 'viewer' | 'product_owner' | 'teammate';
type Feedback = { id: string; title: string; status: string; mergedInto: string | null };

/**
 * The admin app offers each role only what the permission matrix lets it do
 * (docs/permissions.md), so nobody meets a 403 by clicking. The demo admin invites a viewer, a
 * product owner and a teammate through the API; each accepts in a browser of their own (the
 * session cookie) and goes through the pages: the viewer sees the data but no control that
 * changes it, the product owner writes a backlog item and plans a sprint but neither publishes a
 * release nor edits the catalog, and the teammate moves feedback along but does not plan.
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform that is already running.
 */
describe('what each role is offered in the admin app, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  // Unique per run, so a re-run against a running platform invites new people.
  const run = Date.now().toString(36);
  const password = 'correct horse battery staple';
  const release = { id: '', name: `Roles release ${run}` };
  const readyStory = { id: '', title: `Ready for planning (${run})` };

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

  /** Invites someone with the role, and signs them in, in a browser of their own, by accepting. */
  const signInAs = async (role: Role, name: string, roleLabel: string): Promise<Page> => {
    const invitation = await api<{ acceptUrl: string }>('/people/invitations', 'POST', {
      name,
      email: `${role}.${run}@example.test`,
      role,
    });
    const secret = new URLSearchParams(new URL(invitation.acceptUrl).hash.slice(1)).get('token');
    const context = await browser!.newContext({ viewport: { width: 1440, height: 900 } });
    // The context's requests share its cookies: the answer's session cookie signs the pages in.
    const accepted = await context.request.post(`${url}/api/v1/auth/invitations/accept`, {
      data: { token: secret, password },
    });
    expect(accepted.ok()).toBe(true);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('banner').getByText(roleLabel, { exact: true }).waitFor();
    await page.getByTestId('feedback-row').first().waitFor();
    return page;
  };

  const go = async (page: Page, link: string) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click();
  };
  const button = (scope: Page | Locator, name: string | RegExp) =>
    scope.getByRole('button', { name, exact: typeof name === 'string' });
  const absent = async (locator: Locator) => expect(locator.count()).resolves.toBe(0);
  const detail = (page: Page) =>
    page.getByRole('complementary').filter({ has: page.getByTestId('vote-button') });

  beforeAll(async () => {
    platform = await startDemoPlatform('roles', token);
    url = platform.url;
    // A draft release to open, and a ready story (criteria and an estimate) to plan.
    ({ id: release.id } = await api<{ id: string }>('/releases', 'POST', {
      name: release.name,
      date: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    }));
    ({ id: readyStory.id } = await api<{ id: string }>('/backlog', 'POST', {
      kind: 'story',
      title: readyStory.title,
      estimate: 3,
      // At the top, so the planning list shows it without loading more.
      position: 'top',
      acceptanceCriteria: [{ given: 'a product owner', when: 'they plan', then: 'it fits' }],
    }));
    await eventually(async () =>
      expect((await api<{ ready: boolean }>(`/backlog/${readyStory.id}`)).ready).toBe(true),
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  describe('a viewer', () => {
    let page: Page;

    beforeAll(async () => {
      page = await signInAs('viewer', `Vic Viewer ${run}`, 'Viewer');
    });

    it('reads the inbox and a request, but cannot submit, vote, triage or comment', async () => {
      await absent(button(page, 'New feedback'));
      await page.getByTestId('feedback-row').first().locator('a').click();
      const panel = detail(page);
      await panel.getByTestId('vote-count').waitFor();
      await expect(page.getByTestId('vote-button').isDisabled()).resolves.toBe(true);
      await panel.getByText('Voting is for', { exact: false }).waitFor();
      await absent(panel.getByRole('list', { name: 'Statuses' }));
      await absent(button(panel, /^Edit title/));
      await absent(button(panel, 'Mark as spam'));
      await absent(button(panel, 'Create story from this feedback'));
      await page.screenshot({ path: join(screenshots, '90-viewer-feedback.png') });

      await panel.getByRole('tab', { name: /^Comments/ }).click();
      await panel.getByText('Commenting is for', { exact: false }).waitFor();
      await absent(panel.getByRole('textbox'));

      // The keys of the triage shortcuts do nothing, and the list leaves them out.
      await button(panel, 'Close details').click();
      await page.keyboard.press('j');
      await page.keyboard.press('s');
      await absent(page.getByRole('dialog', { name: 'Change status' }));
      await page.keyboard.press('?');
      const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await shortcuts.getByText('Next item').waitFor();
      await absent(shortcuts.getByText('Change status'));
      await page.keyboard.press('Escape');
    });

    it('reads the backlog and its items, with nothing to rank or edit', async () => {
      await go(page, 'Backlog');
      await page.getByTestId('backlog-row').first().waitFor();
      await absent(button(page, 'New item'));
      await absent(page.getByRole('button', { name: /^Move “/ }));
      await page.screenshot({ path: join(screenshots, '91-viewer-backlog.png') });

      await page.getByTestId('backlog-row').first().getByRole('link').click();
      const details = page.getByRole('form', { name: 'Item details' });
      await details.waitFor();
      await expect(details.getByLabel('Title').isDisabled()).resolves.toBe(true);
      await absent(button(page, 'Save details'));
      await absent(button(page, /criteria$/));
      await absent(page.getByRole('searchbox', { name: 'Link feedback' }));
    });

    it('reads sprints, the roadmap and releases, with nothing to create or publish', async () => {
      await go(page, 'Sprints');
      await page.getByTestId('sprint-row').first().waitFor();
      await absent(button(page, 'New sprint'));
      await page.getByTestId('sprint-row').first().getByRole('link').click();
      await page.getByTestId('sprint-board').waitFor();
      await absent(button(page, 'Start sprint'));
      await absent(button(page, 'Complete sprint'));
      await absent(page.getByRole('button', { name: /^(Move|Drag) “/ }));

      await go(page, 'Roadmap');
      await page.getByTestId('initiative').first().waitFor();
      await absent(button(page, 'New initiative'));
      await absent(page.getByTestId('initiative').getByRole('button'));

      await go(page, 'Releases');
      await page.getByRole('link', { name: release.name }).click();
      await page.getByRole('heading', { name: release.name }).waitFor();
      await absent(button(page, 'Publish now'));
      await absent(button(page, 'Save entry'));
      await absent(button(page, 'Schedule'));
      await absent(page.getByRole('list', { name: 'Accepted items to add' }));
      await page.screenshot({ path: join(screenshots, '92-viewer-release.png') });
      await go(page, 'Releases');
      await page.getByRole('link', { name: release.name }).waitFor();
      await absent(button(page, 'New release'));
    });

    it('reads the settings, customers and companies, with nothing to change or import', async () => {
      await go(page, 'Settings');
      await page.getByRole('list', { name: 'Tags' }).waitFor();
      await absent(button(page, 'Create tag'));
      await absent(button(page, /^Edit tag/));
      await page
        .getByRole('navigation', { name: 'Settings' })
        .getByRole('link', { name: 'Boards' })
        .click();
      await page.getByRole('list', { name: 'Boards' }).waitFor();
      await absent(button(page, 'Create board'));

      await go(page, 'Customers');
      await page.getByRole('table', { name: 'Customers' }).waitFor();
      await absent(page.getByRole('heading', { name: 'Import from CSV' }));
      await go(page, 'Companies');
      await page.getByRole('table', { name: 'Companies' }).waitFor();
      await absent(
        page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit trail' }),
      );
    });
  });

  describe('a product owner', () => {
    let page: Page;

    beforeAll(async () => {
      page = await signInAs('product_owner', `Pat Owner ${run}`, 'Product owner');
    });

    it('writes a backlog item', async () => {
      await go(page, 'Backlog');
      await page.getByTestId('backlog-row').first().waitFor();
      await button(page, 'New item').click();
      const dialog = page.getByRole('dialog', { name: 'New backlog item' });
      await dialog.getByLabel('Title').fill(`Written by the product owner (${run})`);
      await button(dialog, 'Create story').click();
      await page.getByRole('heading', { name: `Written by the product owner (${run})` }).waitFor();
      await expect(
        page.getByRole('form', { name: 'Item details' }).getByLabel('Title').isDisabled(),
      ).resolves.toBe(false);
    });

    it('creates a sprint and plans a ready story into it', async () => {
      await go(page, 'Sprints');
      await button(page, 'New sprint').click();
      const dialog = page.getByRole('dialog', { name: 'New sprint' });
      await dialog.getByLabel('Name').fill(`Owner's sprint ${run}`);
      await dialog.getByLabel('Capacity').fill('20');
      await button(dialog, 'Create sprint').click();
      await page.getByRole('heading', { name: `Owner's sprint ${run}` }).waitFor();
      await button(page, `Add “${readyStory.title}” to the sprint`).click();
      await page
        .getByRole('list', { name: 'Planned items' })
        .getByRole('link', { name: readyStory.title })
        .waitFor();
      await button(page, 'Start sprint').waitFor();
      await page.screenshot({ path: join(screenshots, '93-owner-planned-sprint.png') });
      await eventually(async () =>
        expect(
          (await api<{ sprintId: string | null }>(`/backlog/${readyStory.id}`)).sprintId,
        ).not.toBeNull(),
      );
    });

    it('prepares a release but does not publish it', async () => {
      await go(page, 'Releases');
      await button(page, 'New release').waitFor();
      await page.getByRole('link', { name: release.name }).click();
      await page.getByRole('heading', { name: release.name }).waitFor();
      await button(page, 'Save entry').waitFor();
      await absent(button(page, 'Publish now'));
      await page.getByTestId('publish-note').getByText('admins and product managers').waitFor();
      await page.screenshot({ path: join(screenshots, '94-owner-release-no-publish.png') });
    });

    it('does not edit the catalog', async () => {
      await go(page, 'Settings');
      await page.getByRole('list', { name: 'Tags' }).waitFor();
      await absent(button(page, 'Create tag'));
      await absent(button(page, /^Delete tag/));
      await page
        .getByRole('navigation', { name: 'Settings' })
        .getByRole('link', { name: 'Statuses' })
        .click();
      await page.getByRole('list', { name: 'Statuses' }).waitFor();
      await absent(button(page, 'Create status'));
      await expect(
        page.getByRole('list', { name: 'Statuses' }).getByRole('checkbox').first().isDisabled(),
      ).resolves.toBe(true);
    });
  });

  describe('a teammate', () => {
    let page: Page;

    beforeAll(async () => {
      page = await signInAs('teammate', `Tia Teammate ${run}`, 'Teammate');
    });

    it('changes the status of feedback', async () => {
      // Feedback whose status can move on: the workflow allows it a next status.
      const catalog = await api<{ statuses: { id: string; transitions: string[] }[] }>('/catalog');
      const movable = new Set(
        catalog.statuses.filter((s) => s.transitions.length > 0).map((s) => s.id),
      );
      const { items } = await api<{ items: Feedback[] }>('/feedback?limit=50');
      const feedback = items.find((item) => item.mergedInto === null && movable.has(item.status));
      if (!feedback) throw new Error('The demo inbox has no feedback whose status can move.');
      await page.goto(`${url}/?feedback=${feedback.id}`);
      const statuses = detail(page).getByRole('list', { name: 'Statuses' });
      await statuses.waitFor();
      const target = statuses
        .locator('.status-picker__option:not([aria-disabled]):not([aria-pressed="true"])')
        .first();
      const changed = page.waitForResponse(
        (response) =>
          response.request().method() === 'POST' &&
          new URL(response.url()).pathname === `/api/v1/feedback/${feedback.id}/status`,
      );
      await target.click();
      expect((await changed).status()).toBe(200);
      await eventually(async () =>
        expect((await api<Feedback>(`/feedback/${feedback.id}`)).status).not.toBe(feedback.status),
      );
      // Triage, not planning: no story to create from it.
      await absent(button(detail(page), 'Create story from this feedback'));
      await page.screenshot({ path: join(screenshots, '95-teammate-status-changed.png') });
    });

    it('cannot create a backlog item', async () => {
      await go(page, 'Backlog');
      await page.getByTestId('backlog-row').first().waitFor();
      await absent(button(page, 'New item'));
      await absent(page.getByRole('button', { name: /^Move “/ }));
    });
  });
});
