import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { eventually } from '@chorus/event-store/testing';
import {
  launchChromium,
  screenshotsDir,
  startDemoPlatform,
  type DemoPlatform,
} from './testing/browser-session';
import { demoMailsTo } from './testing/demo-mail';

const screenshots = screenshotsDir();
const token = 'e2e-journey-admin-token-0123456789';
// A dashboard's first answer waits for a busy worker under CI load.
const ANSWER_MS = 90_000;

type Feedback = { id: string; title: string; status: string; voteCount: number };
type MergedFeedback = Feedback & { mergedInto: string | null };
type BacklogItem = {
  id: string;
  title: string;
  status: string;
  ready: boolean;
  estimate: number | null;
  sprintId: string | null;
  acceptanceCriteria: { given: string; when: string; then: string }[];
  feedback: { id: string }[];
};
type Catalog = { statuses: { id: string; name: string; kind: string }[] };
type Share = { numerator: number; denominator: number };
type PmAnswer = { current: { closedLoop: { closedLoop: Share } } };
type Health = { projections: { projection: string; eventsBehind: number }[] };

/**
 * The whole loop, each step in the browser of the person who takes it: a customer signs in to
 * the portal with the code from their email and asks for something another customer asked for
 * already; the Product Owner triages it, merges the older duplicate into it, writes a ready
 * story that answers it, runs a sprint and accepts the story; the Product Manager publishes the
 * release; the customer finds their request done and the "shipped" email in their mailbox, and
 * the product dashboard counts the delivery. The admin token only sets the stage (customers, the
 * duplicate, the invitations) and reads back what the API says after each step.
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN, CHORUS_E2E_MAIL_DIR) to run against a platform that
 * is already running.
 */
describe('the journey from a request to its delivery, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let customer: Page;
  let po: Page;
  let pm: Page;
  let url: string;
  let slug: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  const run = Date.now().toString(36);
  // A fresh platform keeps the titles clean for the README's screenshots; a running one needs
  // this run's own.
  const suffix = process.env.CHORUS_E2E_URL ? ` (${run})` : '';
  const duplicateTitle = `Sync invoices to Xero${suffix}`;
  const requestTitle = `Sync invoices to Xero automatically${suffix}`;
  const storyTitle = `Nightly invoice sync to Xero${suffix}`;
  const sprintName = `Sprint Xero${suffix}`;
  const releaseName = `Release 2.4${suffix}`;
  const changelogTitle = 'Your invoices reach Xero on their own';
  const person = {
    customer: { name: 'Carla Customer', email: `carla.${run}@northwind.test` },
    asker: { name: 'Otto Early', email: `otto.${run}@contoso.test` },
    voter: { name: 'Vera Voter', email: `vera.${run}@fabrikam.test` },
    seller: { name: 'Sam Seller', email: `sam.${run}@tailspin.test` },
    po: { name: 'Olivia Owner', email: `olivia.${run}@chorus.test` },
    pm: { name: 'Max Manager', email: `max.${run}@chorus.test` },
  };
  const password = 'correct horse battery staple';
  let duplicateId: string;
  let requestId: string;
  let storyId: string;
  let invitations: { po: string; pm: string };
  let delivered: Share;

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
  const feedback = (id: string) => api<MergedFeedback>(`/feedback/${id}`);
  const backlogItem = (id: string) => api<BacklogItem>(`/backlog/${id}`);
  const closedLoop = async () =>
    (await api<PmAnswer>('/dashboards/pm')).current.closedLoop.closedLoop;
  // The portal is a page that scrolls; the admin app scrolls inside its shell, which a full-page
  // capture cuts apart, so it is shot as the person sees it.
  const shoot = (page: Page, name: string) =>
    page.screenshot({
      path: join(screenshots, `journey-${name}.png`),
      fullPage: page === customer,
    });
  const button = (scope: Page | Locator, name: string) =>
    scope.getByRole('button', { name, exact: true });
  const mainNav = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();

  /** An invited teammate opens their link in a browser of their own and chooses a password. */
  const acceptInvitation = async (page: Page, link: string, role: string, name: string) => {
    await page.goto(link);
    const form = page.getByRole('form', { name: 'Choose a password' });
    await form.getByLabel(/^Password/).fill(password);
    await form.getByLabel('Repeat the password').fill(password);
    await form.getByRole('button', { name: 'Set password and sign in' }).click();
    await page.getByRole('banner').getByText(role, { exact: true }).waitFor();
    await page.getByRole('banner').getByText(name).waitFor();
  };

  beforeAll(async () => {
    platform = await startDemoPlatform('journey', token);
    url = platform.url;
    // The dashboard's "before" must be the demo's whole history: wait for the KPI rollup.
    await eventually(async () => {
      const health = (await (await fetch(`${url}/api/health`)).json()) as Health;
      expect(health.projections.find((p) => p.projection === 'kpis')?.eventsBehind).toBe(0);
    }, 240_000);
    slug = (await api<{ workspace: { slug: string } }>('/me')).workspace.slug;

    // Customers the host application knows, at companies of the demo (whose revenue the merge
    // preview adds up): one asked for it on a support ticket, two more voted on sales calls.
    const { items: companies } = await api<{ items: { externalId: string }[] }>(
      '/companies?limit=4',
    );
    const askers = [person.customer, person.asker, person.voter, person.seller];
    for (const [index, known] of askers.entries()) {
      await api(`/customers/${encodeURIComponent(known.email)}`, 'PUT', {
        name: known.name,
        email: known.email,
        companyExternalId: companies[index]?.externalId ?? null,
      });
    }
    duplicateId = (
      await api<{ id: string }>('/feedback', 'POST', {
        title: duplicateTitle,
        description: 'We copy every invoice into Xero by hand at the end of the month.',
        onBehalfOf: { customerExternalId: person.asker.email, source: 'support_ticket' },
      })
    ).id;
    for (const voter of [person.voter, person.seller]) {
      await api(`/feedback/${duplicateId}/votes`, 'POST', {
        onBehalfOf: { customerExternalId: voter.email, source: 'sales_call' },
      });
    }
    // The portal's suggestions read a projection: wait until it knows the duplicate.
    await eventually(async () => {
      const { suggestions } = await api<{ suggestions: { id: string }[] }>(
        `/search/similar?title=${encodeURIComponent(duplicateTitle)}`,
      );
      expect(suggestions.map((suggestion) => suggestion.id)).toContain(duplicateId);
    }, 30_000);

    const invite = async (who: { name: string; email: string }, role: string) =>
      (
        await api<{ acceptUrl: string }>('/people/invitations', 'POST', {
          name: who.name,
          email: who.email,
          role,
        })
      ).acceptUrl;
    invitations = {
      po: await invite(person.po, 'product_owner'),
      pm: await invite(person.pm, 'product_manager'),
    };
    delivered = await closedLoop();

    browser = await launchChromium();
    const contextFor = (): Promise<BrowserContext> =>
      browser!.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    customer = await (await contextFor()).newPage();
    po = await (await contextFor()).newPage();
    pm = await (await contextFor()).newPage();
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('1. the customer signs in to the portal with the code from their email', async () => {
    await customer.goto(`${url}/p/${slug}`);
    await customer.getByRole('heading', { name: 'Sign in to give feedback' }).waitFor();
    await customer.getByLabel('Email').fill(person.customer.email);
    await button(customer, 'Email me a code').click();
    await customer
      .getByRole('status')
      .getByText('a code is on its way', { exact: false })
      .waitFor();

    const code = await eventually(async () => {
      const [mail] = await demoMailsTo(platform!.mailDir, person.customer.email);
      expect(mail?.subject).toMatch(/^Your code to sign in to /);
      return /^\s+(\d{6})$/m.exec(mail!.text)![1]!;
    }, 30_000);
    await customer.getByLabel('Code from the email').fill(code);
    await button(customer, 'Sign in').click();
    // Signed in, the portal opens on the feedback, without a reload.
    await customer.getByTestId('portal-row').first().waitFor();
    await expect(customer.getByTestId('portal-user').innerText()).resolves.toBe(
      person.customer.name,
    );
    // The session is the customer's own: the API knows them by the name the host application
    // gave them.
    const me = await customer.context().request.get(`${url}/api/v1/me`);
    await expect(me.json()).resolves.toMatchObject({
      name: person.customer.name,
      email: person.customer.email,
      role: 'customer',
    });
  });

  it('2. the customer starts typing, sees the older request, and submits theirs anyway', async () => {
    await customer
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'Suggest an idea' })
      .click();
    await customer.getByRole('heading', { level: 1, name: 'Suggest an idea' }).waitFor();
    await customer.getByLabel('Title').fill('Sync invoices to Xero');
    await customer
      .getByTestId('similar-suggestions')
      .getByRole('link', { name: duplicateTitle })
      .waitFor();
    await customer.getByLabel('Title').fill(requestTitle);
    await customer
      .getByLabel('Details')
      .fill('Every night, without anyone exporting and importing a spreadsheet.');
    await shoot(customer, '01-customer-similar-suggestion');

    await button(customer, 'Submit').click();
    await customer.getByRole('heading', { level: 1, name: requestTitle }).waitFor();
    requestId = /\/feedback\/([0-9a-f-]{36})$/.exec(customer.url())![1]!;
    await customer.getByTestId('portal-vote').click();
    await customer.locator('[data-testid="portal-vote"][aria-pressed="true"]').waitFor();
    await customer
      .getByRole('navigation', { name: 'Portal' })
      .getByRole('link', { name: 'My requests' })
      .click();
    await customer
      .getByTestId('mine-submitted')
      .getByRole('link', { name: requestTitle })
      .waitFor();
    await shoot(customer, '02-customer-my-requests');

    await eventually(async () =>
      expect(await feedback(requestId)).toMatchObject({
        title: requestTitle,
        status: 'open',
        voteCount: 1,
        mergedInto: null,
      }),
    );
  });

  it('3a. the product owner triages the request and merges the older duplicate into it', async () => {
    await acceptInvitation(po, invitations.po, 'Product owner', person.po.name);
    await po.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await po.getByLabel('Sort by').selectOption('newest');
    const rowOf = (id: string) =>
      po.locator(`[data-testid="feedback-row"][data-feedback-id="${id}"]`);
    const detail = po.getByRole('complementary').filter({ has: po.getByTestId('vote-button') });

    await rowOf(requestId).getByRole('link').click();
    await detail.getByRole('heading', { name: requestTitle }).waitFor();
    const underReview = detail.getByRole('list', { name: 'Statuses' }).getByRole('button', {
      name: 'Under review',
    });
    await underReview.click();
    await eventually(async () =>
      expect(await underReview.getAttribute('aria-pressed')).toBe('true'),
    );
    await eventually(async () => expect((await feedback(requestId)).status).toBe('under_review'));
    await shoot(po, '03-po-triage');

    const request = await feedback(requestId);
    const duplicate = await feedback(duplicateId);
    expect(duplicate.voteCount).toBeGreaterThan(0);
    await rowOf(duplicateId).getByRole('link').click();
    await detail.getByRole('heading', { name: duplicateTitle }).waitFor();
    await button(detail, 'Merge into…').click();
    const mergeDialog = po.getByRole('dialog', { name: /merge/i });
    await mergeDialog.getByLabel('Find the item to keep').fill(requestTitle);
    const option = mergeDialog.getByRole('radio', { name: requestTitle, exact: true });
    await option.check();
    const votesAfterCell = mergeDialog.getByTestId('merge-votes-after');
    await votesAfterCell.waitFor();
    const votesAfter = Number(await votesAfterCell.innerText());
    const shared = Number(
      await mergeDialog.locator('dt:text-is("Shared voters") + dd').innerText(),
    );
    // The preview counts every voter of both once: the older request's votes join the new one.
    expect(votesAfter).toBe(request.voteCount + duplicate.voteCount - shared);
    expect(votesAfter).toBeGreaterThan(request.voteCount);
    await shoot(po, '04-po-merge-preview');
    await button(mergeDialog, 'Merge').click();
    await mergeDialog.waitFor({ state: 'detached' });

    const banner = po.getByTestId('merged-banner');
    await banner.getByText(requestTitle).waitFor();
    await button(banner, 'Open survivor').click();
    await detail.getByRole('heading', { name: requestTitle }).waitFor();
    await eventually(async () =>
      expect(Number(await po.getByTestId('vote-count').innerText())).toBe(votesAfter),
    );
    await eventually(async () => {
      expect((await feedback(requestId)).voteCount).toBe(votesAfter);
      expect((await feedback(duplicateId)).mergedInto).toBe(requestId);
    });
  });

  it('3b. the product owner writes a ready story with acceptance criteria that answers it', async () => {
    await button(po, 'Create story from this feedback').click();
    const dialog = po.getByRole('dialog', { name: 'Create a story from this feedback' });
    await dialog.getByLabel('Title').fill(storyTitle);
    await dialog.getByLabel('Estimate').fill('5');
    await dialog.getByRole('checkbox', { name: 'Put it at the top of the backlog' }).check();
    await button(dialog, 'Create story').click();
    await dialog.waitFor({ state: 'detached' });
    await po
      .getByRole('list', { name: 'Backlog items answering this feedback' })
      .getByRole('link', { name: storyTitle })
      .click();
    await po.getByRole('heading', { name: storyTitle, level: 1 }).waitFor();
    storyId = decodeURIComponent(/\/backlog\/([^/?]+)$/.exec(po.url())![1]!);

    const ready = po.getByTestId('definition-of-ready');
    await button(po, 'Add criteria').click();
    const editor = po.getByRole('form', { name: 'Edit acceptance criteria' });
    await editor.getByLabel('Given').nth(0).fill('a customer connected their Xero account');
    await editor.getByLabel('When').nth(0).fill('the nightly sync runs');
    await editor.getByLabel('Then').nth(0).fill('every invoice of the day is in Xero');
    await button(editor, 'Add criterion').click();
    await editor.getByLabel('Given').nth(1).fill('an invoice Xero refuses');
    await editor.getByLabel('When').nth(1).fill('the nightly sync runs');
    await editor.getByLabel('Then').nth(1).fill('the customer is told which one and why');
    await button(editor, 'Save criteria').click();
    await editor.waitFor({ state: 'detached' });
    await eventually(async () => expect(await ready.getAttribute('data-ready')).toBe('true'));
    await po.getByTestId('linked-feedback').getByRole('link', { name: requestTitle }).waitFor();
    await shoot(po, '05-po-story-ready');

    await eventually(async () => {
      const story = await backlogItem(storyId);
      expect(story).toMatchObject({ title: storyTitle, ready: true, estimate: 5 });
      expect(story.acceptanceCriteria.map((criterion) => criterion.then)).toEqual([
        'every invoice of the day is in Xero',
        'the customer is told which one and why',
      ]);
      expect(story.feedback.map((linked) => linked.id)).toEqual([requestId]);
    });
  });

  it('4. the product owner plans a sprint with the story, runs it and accepts the story', async () => {
    await mainNav(po, 'Sprints');
    await po.getByRole('button', { name: 'New sprint' }).first().click();
    const dialog = po.getByRole('dialog', { name: 'New sprint' });
    await dialog.getByLabel('Name').fill(sprintName);
    await dialog.getByLabel('Goal').fill('Invoices reach Xero without anyone copying them');
    await dialog.getByLabel('Capacity').fill('8');
    await button(dialog, 'Create sprint').click();
    await po.getByRole('heading', { name: sprintName }).waitFor();

    await button(po, `Add “${storyTitle}” to the sprint`).click();
    await po
      .getByRole('list', { name: 'Planned items' })
      .getByRole('link', { name: storyTitle })
      .waitFor();
    await eventually(async () => expect((await backlogItem(storyId)).sprintId).not.toBeNull());

    await button(po, 'Start sprint').click();
    await po.getByTestId('sprint-board').waitFor();
    // The board scrolls its columns inside itself; the page never scrolls sideways.
    const overflow = await po.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const card = po.locator(`[data-testid="board-card"][data-item-id="${storyId}"]`);
    const column = () =>
      card
        .locator('xpath=ancestor::section[@data-testid="board-column"]')
        .getAttribute('data-column');
    await eventually(async () => expect(await column()).toBe('todo'));
    for (const next of ['In progress', 'In review', 'Done']) {
      await button(po, `Move “${storyTitle}” to ${next}`).click();
    }
    await eventually(async () => expect(await column()).toBe('done'));
    await eventually(async () => expect((await backlogItem(storyId)).status).toBe('done'));

    await button(po, `Review “${storyTitle}”`).click();
    const review = po.getByRole('dialog', { name: `Review “${storyTitle}”` });
    const criteria = review.getByRole('checkbox');
    await expect(criteria.count()).resolves.toBe(2);
    for (let index = 0; index < 2; index += 1) {
      await criteria.nth(index).check();
      await eventually(async () => expect(await criteria.nth(index).isChecked()).toBe(true));
    }
    await shoot(po, '06-po-review');
    await button(review, 'Accept').click();
    await review.waitFor({ state: 'detached' });
    await eventually(async () => expect(await column()).toBe('accepted'));
    await card.scrollIntoViewIfNeeded();
    await shoot(po, '07-po-sprint-board');
    await eventually(async () => expect((await backlogItem(storyId)).status).toBe('accepted'));
  });

  it('5. the product manager publishes the release with its changelog entry', async () => {
    await acceptInvitation(pm, invitations.pm, 'Product manager', person.pm.name);
    await mainNav(pm, 'Releases');
    await button(pm, 'New release').click();
    const dialog = pm.getByRole('dialog', { name: 'New release' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(releaseName);
    await button(dialog, 'Create release').click();
    await pm.getByRole('heading', { name: releaseName }).waitFor();

    await button(pm, `Add “${storyTitle}” to the release`).click();
    await pm
      .getByRole('list', { name: 'Items in this release' })
      .getByRole('link', { name: storyTitle })
      .waitFor();
    await pm.getByRole('textbox', { name: 'Title' }).fill(changelogTitle);
    await pm
      .getByRole('textbox', { name: 'Body' })
      .fill(
        'Connect Xero once and **every invoice is there the next morning**.\n\n- Nightly, on its own\n- Refused invoices are named, with the reason',
      );
    await pm.getByTestId('changelog-preview').getByText('every invoice is there').waitFor();
    await button(pm, 'Save entry').click();
    await pm.getByText('Saved', { exact: true }).waitFor();

    await button(pm, 'Publish now').click();
    const publish = pm.getByRole('dialog', { name: `Publish ${releaseName}` });
    await expect(publish.getByTestId('publish-feedback-count').innerText()).resolves.toBe(
      '1 linked feedback item',
    );
    await shoot(pm, '08-pm-publish');
    await button(publish, 'Publish now').click();
    await publish.getByTestId('publish-result').waitFor();
    await button(publish, 'Done').click();
    await pm.getByTestId('published-banner').waitFor();

    const catalog = await api<Catalog>('/catalog');
    const doneKind = catalog.statuses.filter((s) => s.kind === 'done').map((s) => s.id);
    await eventually(async () => {
      expect((await backlogItem(storyId)).status).toBe('released');
      expect(doneKind).toContain((await feedback(requestId)).status);
    });
  });

  it('6. the customer sees their request done, the "shipped" email and the notification', async () => {
    const { statuses } = await api<Catalog>('/catalog');
    const { status } = await feedback(requestId);
    const doneName = statuses.find((s) => s.id === status)!.name;
    await customer.reload();
    await customer.getByTestId('mine-submitted').getByRole('link', { name: requestTitle }).click();
    const item = customer.getByRole('article', { name: requestTitle });
    await eventually(async () => {
      await customer.reload();
      await item.getByText(doneName, { exact: true }).waitFor({ timeout: 2000 });
    });
    await item.getByTestId('portal-shipped').getByText(`Shipped in ${releaseName}`).waitFor();

    const shipped = await eventually(async () => {
      const mail = (await demoMailsTo(platform!.mailDir, person.customer.email)).find((candidate) =>
        candidate.subject.startsWith('Shipped'),
      );
      expect(mail).toBeDefined();
      return mail!;
    }, 60_000);
    expect(shipped.subject).toBe(`Shipped: ${requestTitle}`);
    expect(shipped.text).toContain(`What you asked for shipped in ${releaseName}`);
    expect(shipped.text).toContain(changelogTitle);
    // The customer who asked first hears it too: the merge made them followers of this one.
    await eventually(async () => {
      const subjects = (await demoMailsTo(platform!.mailDir, person.asker.email)).map(
        (mail) => mail.subject,
      );
      expect(subjects).toContain(`Shipped: ${requestTitle}`);
    }, 60_000);
    await shoot(customer, '09-customer-done');

    // The portal tells them too: the bell counts what they have not read yet.
    await customer.getByRole('link', { name: /^Notifications, \d+ unread$/ }).click();
    await customer.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const news = customer
      .getByTestId('portal-notifications')
      .getByRole('listitem')
      .filter({ hasText: `${releaseName} shipped what you asked for:` });
    await eventually(async () => {
      await customer.reload();
      await news.waitFor({ timeout: 2000 });
    });
    await news.getByText('Unread', { exact: true }).waitFor();
    await shoot(customer, '09b-customer-notifications');
    // Opening it reads it.
    await news.getByRole('link', { name: requestTitle }).click();
    await item.waitFor();
    await customer.goBack();
    // The mark reaches the read model a moment later; a fresh page shows what it holds.
    await eventually(async () => {
      await customer.reload();
      await news.waitFor({ timeout: 2000 });
      expect(await news.getByText('Unread', { exact: true }).count()).toBe(0);
    });
  });

  it('7. the product manager sees the delivery counted on the product dashboard', async () => {
    // The KPI rollup follows the release a moment later; the API says when it has.
    await eventually(
      async () =>
        expect(await closedLoop()).toMatchObject({
          numerator: delivered.numerator + 1,
          denominator: delivered.denominator + 1,
        }),
      ANSWER_MS,
    );
    await mainNav(pm, 'Dashboards');
    await pm.getByRole('heading', { name: 'Product dashboard' }).waitFor();
    const loop = pm.locator('[data-kpi="closed-loop"]');
    await loop
      .getByText(`${delivered.numerator + 1} of ${delivered.denominator + 1} delivered`)
      .waitFor({ timeout: ANSWER_MS });
    await loop.scrollIntoViewIfNeeded();
    await shoot(pm, '10-pm-dashboard');

    await button(loop, `${delivered.denominator + 1} delivered`).click();
    const drill = pm.getByRole('dialog', { name: 'Feedback delivered in the range' });
    await drill
      .getByTestId('drill-row')
      .getByRole('link', { name: requestTitle })
      .waitFor({ timeout: ANSWER_MS });
    await shoot(pm, '11-pm-delivered-drill');
  }, 300_000);
});
