import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { BacklogItemView, CatalogView, FeedbackItem, ReleasePage } from '@chorus/domain';
import { eventually } from '@chorus/event-store/testing';
import {
  launchChromium,
  screenshotsDir,
  startDemoPlatform,
  type DemoPlatform,
} from './testing/browser-session';
import { demoMailsTo } from './testing/demo-mail';
import { signPortalToken } from './testing/portal-token';

const screenshots = screenshotsDir();
const token = 'e2e-portal-admin-token-0123456789ab';

/**
 * A customer uses a workspace's portal: signs in, searches, submits feedback past a similar
 * suggestion, votes, comments and follows, finds it all in "my requests" (a post awaiting
 * approval too), switches to German, reads the roadmap and changelog in it, and opens a shared
 * link; a newcomer signs in with the code from their email. Axe finds no serious or critical
 * violations on the main pages.
 */
describe('the customer portal, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let context: BrowserContext;
  let page: Page;
  let url: string;
  let slug: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  const run = randomUUID().slice(0, 6);
  const existingTitle = `Zeppelin calendar sync ${run}`;
  const newTitle = `Zeppelin calendar sync for teams ${run}`;
  const pendingTitle = `Zeppelin offline mode ${run}`;
  const followedTitle = `Zeppelin dark mode ${run}`;
  const moderatedBoard = `Moderated ${run}`;
  let existingId: string;
  let followedId: string;

  const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${bearer}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: init.body === undefined ? null : JSON.stringify(init.body),
    });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as T;
  };

  const seriousViolations = async (target: Page) => {
    const { violations } = await new AxeBuilder({ page: target }).analyze();
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(' | ')}`,
      );
  };

  beforeAll(async () => {
    platform = await startDemoPlatform('portal', token);
    url = platform.url;
    slug = (await api<{ workspace: { slug: string } }>('/me')).workspace.slug;
    const { secret } = await api<{ secret: string }>('/portal/secret', { method: 'POST' });
    // Customers' posts on this board wait for a teammate's approval.
    await api('/catalog/boards', {
      method: 'POST',
      body: { id: `moderated-${run}`, name: moderatedBoard, requiresApproval: true },
    });
    existingId = (
      await api<{ id: string }>('/feedback', {
        method: 'POST',
        body: { title: existingTitle, description: 'Two-way sync with team calendars.' },
      })
    ).id;
    followedId = (
      await api<{ id: string }>('/feedback', { method: 'POST', body: { title: followedTitle } })
    ).id;
    // The search reads a projection: wait until it knows the new item.
    await eventually(async () => {
      const { hits } = await api<{ hits: { id: string }[] }>(`/search?q=Zeppelin`);
      expect(hits.map((hit) => hit.id)).toContain(existingId);
    }, 30_000);

    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    });
    page = await context.newPage();
    // Signed out, the portal asks for an emailed code first.
    await page.goto(`${url}/p/${slug}`);
    await page.getByRole('heading', { name: 'Sign in to give feedback' }).waitFor();
    await expect(page.getByLabel('Email').isVisible()).resolves.toBe(true);
    // The test platform sends no mail: the host application signs its user in, in this browser.
    const signedIn = await context.request.post(`${url}/api/v1/auth/portal-token`, {
      data: {
        workspace: slug,
        token: signPortalToken(secret, {
          id: `portal-e2e-${run}`,
          email: `portal.${run}@customer.test`,
          name: 'Paula Portal',
        }),
      },
    });
    expect(signedIn.status()).toBe(201);
    await page.reload();
    await page.getByTestId('portal-row').first().waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('lists feedback, sorts and filters it, and has no serious accessibility violations', async () => {
    await expect(page.getByTestId('portal-user').innerText()).resolves.toBe('Paula Portal');
    await page.getByRole('radio', { name: 'Newest' }).check();
    await page.waitForURL(/sort=newest/);
    await page.getByTestId('portal-row').filter({ hasText: existingTitle }).first().waitFor();
    await page.screenshot({ path: join(screenshots, 'portal-list.png'), fullPage: true });
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('finds an item by search and votes, follows and comments on it', async () => {
    await page.getByRole('searchbox', { name: 'Search feedback' }).fill('Zeppelin');
    await page.waitForURL(/q=Zeppelin/);
    const hit = page.getByRole('link', { name: existingTitle });
    await hit.click();
    await page.waitForURL(`**/p/${slug}/feedback/${existingId}`);
    await page.getByRole('heading', { level: 1, name: existingTitle }).waitFor();

    const vote = page.getByTestId('portal-vote');
    await expect(vote.getAttribute('aria-pressed')).resolves.toBe('false');
    await vote.click();
    await page.locator('[data-testid="portal-vote"][aria-pressed="true"]').waitFor();

    // Voting made the customer a follower; unfollowing and following again works by hand too.
    await page.getByRole('button', { name: 'Following' }).click();
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByRole('button', { name: 'Following' }).waitFor();
    // The API remembers the choice: unfollowed, a fresh page of the item says so.
    await page.getByRole('button', { name: 'Following' }).click();
    await page.getByRole('button', { name: 'Follow', exact: true }).waitFor();
    await eventually(async () => {
      await page.reload();
      await page.locator('[data-testid="portal-vote"][aria-pressed="true"]').waitFor();
      await expect(page.getByRole('button', { name: 'Follow', exact: true }).count()).resolves.toBe(
        1,
      );
    });
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByRole('button', { name: 'Following' }).waitFor();

    await page.getByLabel('Add a comment').fill('We need this for our support team.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await page
      .getByTestId('portal-comment')
      .filter({ hasText: 'We need this for our support team.' })
      .waitFor();
    await page.screenshot({ path: join(screenshots, 'portal-detail.png'), fullPage: true });
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('suggests similar feedback while typing, then submits', async () => {
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Suggest an idea' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Suggest an idea' }).waitFor();
    await page.getByLabel('Title').fill(newTitle);
    await page
      .getByTestId('similar-suggestions')
      .getByRole('link', { name: existingTitle })
      .waitFor();
    await page.screenshot({ path: join(screenshots, 'portal-submit.png'), fullPage: true });
    await expect(seriousViolations(page)).resolves.toEqual([]);

    await page.getByLabel('Details').fill('Every team has its own calendar.');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    expect(page.url()).toMatch(new RegExp(`/p/${slug}/feedback/[0-9a-f-]{36}$`));
  });

  it('shows what the customer submitted, voted on and follows in "my requests"', async () => {
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'My requests' })
      .click();
    await page.getByTestId('mine-submitted').getByRole('link', { name: newTitle }).waitFor();
    await page.getByTestId('mine-voted').getByRole('link', { name: existingTitle }).waitFor();

    // Following by hand is what the API says, in any browser: no vote needed.
    await page.goto(`${url}/p/${slug}/feedback/${followedId}`);
    await page.getByRole('button', { name: 'Follow', exact: true }).click();
    await page.getByRole('button', { name: 'Following' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'My requests' })
      .click();
    await eventually(async () => {
      await page.reload();
      await page
        .getByTestId('mine-followed')
        .getByRole('link', { name: followedTitle })
        .waitFor({ timeout: 2000 });
    });
  });

  it('shows a post awaiting approval in "my requests", marked as such', async () => {
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Suggest an idea' })
      .click();
    await page.getByLabel('Title').fill(pendingTitle);
    await page.getByRole('combobox', { name: 'Board' }).selectOption({ label: moderatedBoard });
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { level: 1, name: pendingTitle }).waitFor();
    await page.getByText('Awaiting approval').waitFor();

    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'My requests' })
      .click();
    const row = page
      .getByTestId('mine-submitted')
      .getByTestId('portal-row')
      .filter({ has: page.getByRole('link', { name: pendingTitle }) });
    await eventually(async () => {
      await page.reload();
      await row.waitFor({ timeout: 2000 });
    });
    await row.getByText('Awaiting approval').waitFor();
    // The published request shows no such mark.
    await expect(
      page
        .getByTestId('mine-submitted')
        .getByTestId('portal-row')
        .filter({ has: page.getByRole('link', { name: newTitle }) })
        .getByText('Awaiting approval')
        .count(),
    ).resolves.toBe(0);
    await page.screenshot({ path: join(screenshots, 'portal-mine.png'), fullPage: true });
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('switches to German and remembers it', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
    await page.getByRole('heading', { level: 1, name: 'Meine Anfragen' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('de');
    await page.reload();
    await page
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Idee vorschlagen' })
      .waitFor();
  });

  it('shows the roadmap and changelog inside the portal, in its language', async () => {
    const nav = page.getByRole('navigation', { name: 'Portal' });
    await nav.getByRole('link', { name: 'Roadmap' }).click();
    await page.waitForURL(`**/p/${slug}/roadmap`);
    await page.getByRole('heading', { level: 1, name: 'Roadmap' }).waitFor();
    await page.getByRole('radio', { name: 'Nach Quartal' }).waitFor();
    await expect(page.getByTestId('portal-user').innerText()).resolves.toBe('Paula Portal');
    await page.screenshot({ path: join(screenshots, 'portal-roadmap.png'), fullPage: true });
    await expect(seriousViolations(page)).resolves.toEqual([]);

    await nav.getByRole('link', { name: 'Änderungen' }).click();
    await page.waitForURL(`**/p/${slug}/changelog`);
    await page.getByRole('heading', { level: 1, name: 'Änderungen' }).waitFor();
    await page.screenshot({ path: join(screenshots, 'portal-changelog.png'), fullPage: true });
    await expect(seriousViolations(page)).resolves.toEqual([]);

    // The same switcher turns them back to English.
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Changelog' }).waitFor();
    await nav.getByRole('link', { name: 'Roadmap' }).click();
    await page.getByRole('radio', { name: 'By quarter' }).waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  it('says where a shipped request shipped, linking to its changelog entry', async () => {
    // The demo seed published a release answering feedback; one of it a customer may see.
    const [release] = (await api<ReleasePage>('/releases?state=published')).items;
    const { boards } = await api<CatalogView>('/catalog');
    const linked = await Promise.all(
      release!.items.map(async ({ id }) => (await api<BacklogItemView>(`/backlog/${id}`)).feedback),
    );
    const candidates = await Promise.all(
      linked.flat().map(({ id }) => api<FeedbackItem>(`/feedback/${id}`)),
    );
    const shipped = candidates.find(
      (item) =>
        item.moderation === 'approved' &&
        !item.spam &&
        boards.some((board) => board.id === item.boardId && board.visibility === 'public'),
    )!;

    await page.goto(`${url}/p/${slug}/feedback/${shipped.id}`);
    const panel = page.getByTestId('portal-shipped');
    await panel.getByText(`Shipped in ${release!.name}`).waitFor();
    await page.screenshot({ path: join(screenshots, 'portal-shipped.png'), fullPage: true });
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await panel.getByRole('link', { name: release!.changelog!.title }).click();
    await page.waitForURL(`**/p/${slug}/changelog#release-${release!.id}`);
    await page
      .locator(`#release-${release!.id}`)
      .getByRole('heading', { name: release!.changelog!.title, exact: true })
      .waitFor();
  });

  it('opens a shared item link in a fresh page, and works on a narrow screen', async () => {
    const shared = await context.newPage();
    await shared.setViewportSize({ width: 375, height: 800 });
    await shared.goto(`${url}/p/${slug}/feedback/${existingId}`);
    await shared.getByRole('heading', { level: 1, name: existingTitle }).waitFor();
    // A page wider than the screen would scroll sideways.
    const overflow = await shared.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shared.screenshot({ path: join(screenshots, 'portal-narrow.png'), fullPage: true });
    await shared.close();
  });

  it('signs a newcomer in with the code from their email, and out again', async () => {
    const email = `newcomer.${run}@customer.test`;
    const newcomer = await browser!.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    });
    try {
      const fresh = await newcomer.newPage();
      await fresh.goto(`${url}/p/${slug}/mine`);
      await fresh.getByRole('heading', { name: 'Sign in to give feedback' }).waitFor();
      await fresh.getByLabel('Email').fill(email);
      await fresh.getByRole('button', { name: 'Email me a code' }).click();
      await fresh.getByRole('status').getByText(email, { exact: false }).waitFor();
      const code = await eventually(async () => {
        const [mail] = await demoMailsTo(platform!.mailDir, email);
        const found = /^\s*(\d{6})\s*$/m.exec(mail?.text ?? '');
        expect(found).not.toBeNull();
        return found![1]!;
      }, 30_000);
      await fresh.getByLabel('Code from the email').fill(code);
      await fresh.getByRole('button', { name: 'Sign in', exact: true }).click();
      // Signed in, the page asked for opens without a reload.
      await fresh.getByRole('heading', { level: 1, name: 'My requests' }).waitFor();
      await fresh.getByTestId('portal-user').waitFor();
      await fresh.getByRole('button', { name: 'Sign out' }).click();
      // Signed out, the page shows it at once, without a reload.
      await fresh.getByRole('heading', { name: 'Sign in to give feedback' }).waitFor();
      await fresh.getByTestId('portal-user').waitFor({ state: 'detached' });
    } finally {
      await newcomer.close();
    }
  });
});
