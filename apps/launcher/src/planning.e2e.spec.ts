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
const token = 'e2e-planning-admin-token-0123456789';

type Feedback = {
  id: string;
  title: string;
  status: string;
  voteCount: number;
  mergedInto: string | null;
};
type BacklogItem = { id: string; title: string; status: string; sprintId: string | null };
type Catalog = { statuses: { id: string; kind: string }[] };

/**
 * A Product Owner plans two ready stories into a sprint, runs the board, accepts one and rejects
 * the other, then releases the accepted one: the feedback it answers is done, and the public
 * changelog shows the entry to anyone. Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against
 * a platform that is already running.
 */
describe('sprint, review and release in the admin app, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  // Titles unique to this run, so a re-run against a live platform finds its own items.
  const run = Date.now().toString(36);
  const accepted = { id: '', title: `Export votes to CSV (${run})` };
  const rejected = { id: '', title: `Bulk-edit tags (${run})` };
  let sprintId: string;
  let feedback: Feedback;
  let slug: string;

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
  const backlogItem = (id: string) => api<BacklogItem>(`/backlog/${id}`);
  const card = (id: string) => page.locator(`[data-testid="board-card"][data-item-id="${id}"]`);
  const columnOf = (id: string) =>
    card(id)
      .locator('xpath=ancestor::section[@data-testid="board-column"]')
      .getAttribute('data-column');
  const button = (scope: Page | Locator, name: string) =>
    scope.getByRole('button', { name, exact: true });

  const createStory = async (title: string, estimate: number, criteria: number) => {
    const { id } = await api<{ id: string }>('/backlog', 'POST', {
      kind: 'story',
      title,
      description: 'Created by the planning browser test.',
      estimate,
      acceptanceCriteria: Array.from({ length: criteria }, (_, index) => ({
        given: `a product owner (${index + 1})`,
        when: 'they use the feature',
        then: `it works as agreed (${index + 1})`,
      })),
    });
    await eventually(async () => expect((await backlogItem(id)).status).toBe('backlog'));
    return id;
  };

  beforeAll(async () => {
    platform = await startDemoPlatform('planning', token);
    url = platform.url;

    // Two ready stories (criteria and an estimate), one of them answering a popular request the
    // admin follows, and a sprint too small for both.
    accepted.id = await createStory(accepted.title, 5, 2);
    rejected.id = await createStory(rejected.title, 8, 1);
    const catalog = await api<Catalog>('/catalog');
    const doneKind = new Set(catalog.statuses.filter((s) => s.kind === 'done').map((s) => s.id));
    const { items } = await api<{ items: Feedback[] }>('/feedback?sort=votes&limit=50');
    const candidate = items.find(
      (item) => item.voteCount > 0 && item.mergedInto === null && !doneKind.has(item.status),
    );
    if (!candidate) throw new Error('The demo inbox has no open feedback with votes.');
    feedback = candidate;
    await api(`/backlog/${accepted.id}/feedback/${feedback.id}`, 'PUT');
    await api(`/feedback/${feedback.id}/follow`, 'PUT');
    const today = new Date();
    const day = (offset: number) =>
      new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    ({ id: sprintId } = await api<{ id: string }>('/sprints', 'POST', {
      name: `Sprint ${run}`,
      goal: 'Ship what customers asked for most',
      startDate: day(0),
      endDate: day(13),
      capacity: 10,
    }));
    slug = (await api<{ workspace: { slug: string } }>('/me')).workspace.slug;

    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${url}/#token=${bearer}`);
    await page.getByTestId('feedback-row').first().waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('plans both stories into the sprint: the capacity bar warns past the capacity', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Sprints' })
      .click();
    await page.getByRole('link', { name: `Sprint ${run}` }).click();
    await page.getByRole('heading', { name: `Sprint ${run}` }).waitFor();

    await button(page, `Add “${accepted.title}” to the sprint`).click();
    await page
      .getByRole('list', { name: 'Planned items' })
      .getByRole('link', { name: accepted.title })
      .waitFor();
    await expect(page.getByTestId('capacity-warning').count()).resolves.toBe(0);
    await button(page, `Add “${rejected.title}” to the sprint`).click();

    // 13 points against a capacity of 10: allowed, with the API's warning.
    const warning = page.getByTestId('capacity-warning');
    await eventually(async () =>
      expect(await warning.innerText()).toBe('Planned 13 points against a capacity of 10.'),
    );
    await expect(
      page.getByTestId('capacity-bar').getByRole('meter').getAttribute('aria-valuenow'),
    ).resolves.toBe('13');
    await page.screenshot({ path: join(screenshots, '50-sprint-planning.png') });
    await eventually(async () => {
      expect((await backlogItem(accepted.id)).sprintId).toBe(sprintId);
      expect((await backlogItem(rejected.id)).sprintId).toBe(sprintId);
    });
  });

  it('starts the sprint and moves both stories to done, by button and by drag and drop', async () => {
    await button(page, 'Start sprint').click();
    await page.getByTestId('sprint-board').waitFor();
    await eventually(async () => expect(await columnOf(accepted.id)).toBe('todo'));

    for (const column of ['In progress', 'In review', 'Done']) {
      await button(page, `Move “${accepted.title}” to ${column}`).click();
    }
    await eventually(async () => expect(await columnOf(accepted.id)).toBe('done'));

    // Drag the other card's handle onto In progress with the mouse.
    const handle = page.getByRole('button', { name: `Drag “${rejected.title}”` });
    const target = page.locator('[data-testid="board-column"][data-column="in_progress"]');
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 12, from.y + from.height / 2, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 80, { steps: 12 });
    await page.mouse.up();
    await eventually(async () => expect(await columnOf(rejected.id)).toBe('in_progress'));
    await eventually(async () =>
      expect((await backlogItem(rejected.id)).status).toBe('in_progress'),
    );

    for (const column of ['In review', 'Done']) {
      await button(page, `Move “${rejected.title}” to ${column}`).click();
    }
    await eventually(async () => {
      expect((await backlogItem(accepted.id)).status).toBe('done');
      expect((await backlogItem(rejected.id)).status).toBe('done');
    });
    await page.screenshot({ path: join(screenshots, '51-sprint-board.png') });
  });

  it('reviews: accepts one story once its criteria are checked, rejects the other with a reason', async () => {
    await button(page, `Review “${accepted.title}”`).click();
    const review = page.getByRole('dialog', { name: `Review “${accepted.title}”` });
    await review.waitFor();
    const criteria = review.getByRole('checkbox');
    await expect(criteria.count()).resolves.toBe(2);
    for (let index = 0; index < 2; index += 1) {
      await criteria.nth(index).check();
      await eventually(async () => expect(await criteria.nth(index).isChecked()).toBe(true));
    }
    await page.screenshot({ path: join(screenshots, '52-review-criteria.png') });
    await button(review, 'Accept').click();
    await review.waitFor({ state: 'detached' });
    await eventually(async () => expect(await columnOf(accepted.id)).toBe('accepted'));

    // Accepting with a criterion unmet is refused with the API's sentence; rejecting needs a reason.
    await button(page, `Review “${rejected.title}”`).click();
    const second = page.getByRole('dialog', { name: `Review “${rejected.title}”` });
    await second.waitFor();
    await button(second, 'Accept').click();
    await second.getByRole('alert').waitFor();
    await button(second, 'Reject…').click();
    await button(second, 'Reject item').click();
    await second.getByText('A rejection needs a reason.').waitFor();
    await second
      .getByRole('textbox', { name: 'Why is it rejected?' })
      .fill('The tags menu does not keep the selection after saving.');
    await page.screenshot({ path: join(screenshots, '53-review-reject.png') });
    await button(second, 'Reject item').click();
    await second.waitFor({ state: 'detached' });
    await eventually(async () => expect(await columnOf(rejected.id)).toBe('in_progress'));

    await eventually(async () => {
      expect((await backlogItem(accepted.id)).status).toBe('accepted');
      expect((await backlogItem(rejected.id)).status).toBe('in_progress');
    });
    await page.screenshot({ path: join(screenshots, '54-sprint-reviewed.png') });
  });

  it('releases the accepted story: the linked feedback is done and its follower notified', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Releases' })
      .click();
    await button(page, 'New release').click();
    const dialog = page.getByRole('dialog', { name: 'New release' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(`Release ${run}`);
    await button(dialog, 'Create release').click();
    await page.getByRole('heading', { name: `Release ${run}` }).waitFor();

    await button(page, `Add “${accepted.title}” to the release`).click();
    await page
      .getByRole('list', { name: 'Items in this release' })
      .getByRole('link', { name: accepted.title })
      .waitFor();

    await page.getByRole('textbox', { name: 'Title' }).fill('Your votes, in a spreadsheet');
    await page
      .getByRole('textbox', { name: 'Body' })
      .fill(
        'You asked, we shipped: **export every vote to CSV** from the inbox.\n\n- One click\n- All columns',
      );
    await page.getByTestId('changelog-preview').getByText('export every vote to CSV').waitFor();
    await button(page, 'Save entry').click();
    await page.getByText('Saved', { exact: true }).waitFor();

    await button(page, 'Publish now').click();
    const publish = page.getByRole('dialog', { name: `Publish Release ${run}` });
    await expect(publish.getByTestId('publish-feedback-count').innerText()).resolves.toBe(
      '1 linked feedback item',
    );
    await page.screenshot({ path: join(screenshots, '55-publish-confirm.png') });
    await button(publish, 'Publish now').click();
    await publish.getByTestId('publish-result').waitFor();
    await page.screenshot({ path: join(screenshots, '56-published.png') });
    await button(publish, 'Done').click();
    await page.getByTestId('published-banner').waitFor();

    // The API: the story is released and the feedback it answers is done.
    const catalog = await api<Catalog>('/catalog');
    const doneKind = catalog.statuses.filter((s) => s.kind === 'done').map((s) => s.id);
    await eventually(async () => {
      expect((await backlogItem(accepted.id)).status).toBe('released');
      expect(doneKind).toContain((await api<Feedback>(`/feedback/${feedback.id}`)).status);
    });

    // The browser: the feedback's detail says Done, and the bell has the news.
    await page.goto(`${url}/?feedback=${feedback.id}`);
    const detail = page.getByRole('complementary').filter({ has: page.getByTestId('vote-button') });
    await detail.getByRole('heading', { name: feedback.title }).waitFor();
    await detail.getByText('Done', { exact: true }).first().waitFor();
    await eventually(async () => {
      await page.reload();
      await expect(
        page.getByTestId('notifications-bell').getAttribute('aria-label'),
      ).resolves.toMatch(/unread/);
    });
    await page.getByTestId('notifications-bell').click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    await panel.getByText(`Release ${run}`).first().waitFor();
    await panel.getByRole('link', { name: feedback.title }).first().waitFor();
    await page.screenshot({ path: join(screenshots, '57-feedback-done-and-notified.png') });
    await button(panel, 'Mark all read').click();
    await eventually(async () =>
      expect(await page.getByTestId('notifications-bell').getAttribute('aria-label')).toBe(
        'Notifications',
      ),
    );
  });

  it('shows the roadmap in lanes and on the timeline; the public roadmap shows public initiatives only', async () => {
    const now = new Date();
    const quarter = (offset: number) => {
      const index = now.getFullYear() * 4 + Math.floor(now.getMonth() / 3) + offset;
      return {
        id: `${Math.floor(index / 4)}-Q${(index % 4) + 1}`,
        label: `Q${(index % 4) + 1} ${Math.floor(index / 4)}`,
      };
    };
    const shown = await api<{ id: string }>('/initiatives', 'POST', {
      title: `Voting insights (${run})`,
      description: 'See who asks for what.',
      lane: 'next',
      quarter: quarter(0).id,
      visibility: 'public',
    });
    const hidden = await api<{ id: string }>('/initiatives', 'POST', {
      title: `Internal tooling (${run})`,
      lane: 'later',
      visibility: 'internal',
    });
    // The released story counts as done for the public initiative's progress.
    await api(`/backlog/${accepted.id}/initiative`, 'PUT', { initiativeId: shown.id });
    const initiative = (id: string) =>
      page.locator(`[data-testid="initiative"][data-initiative-id="${id}"]`);
    const laneOf = (id: string) =>
      initiative(id)
        .locator('xpath=ancestor::section[@data-testid="roadmap-lane"]')
        .getAttribute('data-lane');

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Roadmap' })
      .click();
    await eventually(async () => {
      await page.reload();
      await initiative(shown.id).waitFor({ timeout: 2000 });
      await expect(
        initiative(shown.id).getByRole('progressbar').getAttribute('aria-valuenow'),
      ).resolves.toBe('100');
    });
    expect(await laneOf(hidden.id)).toBe('later');
    await button(page, `Move “Internal tooling (${run})” to Next`).click();
    await eventually(async () => expect(await laneOf(hidden.id)).toBe('next'));
    await eventually(async () =>
      expect((await api<{ lane: string }>(`/initiatives/${hidden.id}`)).lane).toBe('next'),
    );
    await page.screenshot({ path: join(screenshots, '59-roadmap-lanes.png') });

    // Commit the internal one to next quarter in its dialog; the timeline puts it there.
    await button(page, `Edit “Internal tooling (${run})”`).click();
    const dialog = page.getByRole('dialog', { name: 'Edit initiative' });
    await dialog.getByRole('combobox', { name: 'Quarter' }).selectOption(quarter(1).id);
    await button(dialog, 'Save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('radio', { name: 'Timeline' }).check();
    await page
      .getByRole('region', { name: quarter(0).label })
      .getByRole('article', { name: `Voting insights (${run})` })
      .waitFor();
    await page
      .getByRole('region', { name: quarter(1).label })
      .getByRole('article', { name: `Internal tooling (${run})` })
      .waitFor();
    await page.screenshot({ path: join(screenshots, '60-roadmap-timeline.png') });

    const stranger = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await stranger.goto(`${url}/p/${slug}/roadmap`);
      const card = stranger.getByRole('article', { name: `Voting insights (${run})` });
      await card.waitFor();
      await expect(card.getByRole('progressbar').getAttribute('aria-valuenow')).resolves.toBe(
        '100',
      );
      await expect(stranger.getByText(`Internal tooling (${run})`).count()).resolves.toBe(0);
      await stranger.screenshot({ path: join(screenshots, '61-public-roadmap.png') });
    } finally {
      await stranger.close();
    }
  });

  it('shows the entry on the public changelog to someone signed out', async () => {
    const stranger = await browser!.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await stranger.goto(`${url}/p/${slug}/changelog`);
      const entry = stranger
        .getByTestId('changelog-entry')
        .filter({ hasText: 'Your votes, in a spreadsheet' });
      await eventually(async () => {
        await stranger.reload();
        await entry.waitFor({ timeout: 2000 });
      });
      await entry.getByText('export every vote to CSV').waitFor();
      await expect(stranger.getByRole('button', { name: 'Sign in' }).count()).resolves.toBe(0);
      await stranger.screenshot({ path: join(screenshots, '58-public-changelog.png') });
    } finally {
      await stranger.close();
    }
  });
});
