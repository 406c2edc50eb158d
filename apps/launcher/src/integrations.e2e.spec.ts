import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
const token = 'e2e-integrations-admin-token-0123456789';

type CloudEvent = { id: string; type: string; subject?: string; data: Record<string, unknown> };
type Received = { headers: IncomingHttpHeaders; body: string; event: CloudEvent };

/** The Standard Webhooks signature of a request, as a receiver checks it. */
const signatureOf = (secret: string, headers: IncomingHttpHeaders, body: string): string => {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`;
  return `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
};

/**
 * The demo admin sends the workspace's feedback events to a receiver of their own: they create a
 * webhook in the settings and see its signing secret once; feedback submitted through the API
 * reaches the receiver as a signed CloudEvent; the delivery log shows it delivered, and a
 * redelivery from the log sends it again. Then they choose their emails in Settings → Notifications,
 * and a broken unsubscribe link explains itself.
 * Set CHORUS_E2E_URL (and CHORUS_E2E_TOKEN) to run against a platform that is already running
 * (with WEBHOOKS_ALLOW_HTTP=true and WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true: the receiver listens
 * on 127.0.0.1).
 */
describe('webhooks and notification settings in the admin app, in a real browser', () => {
  let platform: DemoPlatform | null = null;
  let browser: Browser | null = null;
  let page: Page;
  let url: string;
  const bearer = process.env.CHORUS_E2E_TOKEN ?? token;
  // Unique per run, so a re-run against a running platform finds its own webhook.
  const run = Date.now().toString(36);
  const received: Received[] = [];
  let receiver: Server | null = null;
  let receiverUrl: string;

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
  const deliveryRows = () => page.getByTestId('delivery-row');

  beforeAll(async () => {
    // A receiver on this machine: it answers 200 and keeps what it got.
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ headers: request.headers, body, event: JSON.parse(body) as CloudEvent });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"received":true}');
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    const { port } = receiver.address() as AddressInfo;
    receiverUrl = `http://127.0.0.1:${port}/hooks/chorus-${run}`;

    // The launcher passes its environment on to the API and the worker: plain http, to a
    // receiver on this machine.
    process.env.WEBHOOKS_ALLOW_HTTP ??= 'true';
    process.env.WEBHOOKS_ALLOW_PRIVATE_NETWORKS ??= 'true';
    platform = await startDemoPlatform('integrations', token);
    url = platform.url;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    await page.goto(`${url}/#token=${bearer}`);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    receiver?.close();
  });

  let secret: string;

  it('creates a webhook for the feedback events and shows its signing secret once', async () => {
    await openSettings(page, 'Webhooks');
    expect(new URL(page.url()).pathname).toBe('/settings/webhooks');
    await page.getByRole('button', { name: 'New webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'New webhook' });
    await dialog.waitFor();

    // Nothing is sent without a URL and events; the fields say so.
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    await dialog.getByText('Give the URL Chorus sends the events to.').waitFor();
    await dialog.getByText('Choose at least one event type, or all events.').waitFor();

    await dialog.getByLabel('URL').fill(receiverUrl);
    await dialog.getByLabel('Description').fill(`E2E receiver ${run}`);
    // The checklist is searchable; a context's own checkbox chooses all of its types.
    await dialog.getByRole('searchbox', { name: 'Search event types' }).fill('submitted');
    const submitted = dialog.getByRole('checkbox', { name: 'Feedback submitted', exact: true });
    await submitted.waitFor();
    await dialog.getByRole('searchbox', { name: 'Search event types' }).fill('');
    await dialog.getByRole('checkbox', { name: /^Feedback \d+ of \d+$/ }).check();
    await expect(submitted.isChecked()).resolves.toBe(true);
    await page.screenshot({ path: join(screenshots, '100-new-webhook.png') });
    await dialog.getByRole('button', { name: 'Create webhook' }).click();
    await dialog.waitFor({ state: 'detached' });

    const shown = page.getByRole('dialog', { name: /signing secret/ });
    await shown.waitFor();
    await shown.getByText('it will not be shown again', { exact: false }).waitFor();
    await shown.getByRole('link', { name: 'Standard Webhooks' }).waitFor();
    const field = shown.getByLabel('Signing secret', { exact: true });
    await expect(field.getAttribute('readonly')).resolves.not.toBeNull();
    secret = await field.inputValue();
    expect(secret).toMatch(/^whsec_\S{20,}$/);
    await page.screenshot({ path: join(screenshots, '101-webhook-secret-shown-once.png') });
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });

    // The new webhook's page: its URL, its events, its secret by prefix only.
    const detail = page.getByTestId('webhook-detail');
    await detail.getByRole('heading', { name: receiverUrl }).waitFor();
    await detail.getByText('Active', { exact: true }).waitFor();
    await detail.getByText('No deliveries yet').waitFor();
    const prefix = (await detail.getByText(/^whsec_.*…$/).innerText()).replace(/…$/, '');
    expect(secret.startsWith(prefix)).toBe(true);
    await expect(page.content()).resolves.not.toContain(secret);

    // And the list has it.
    await page.getByRole('link', { name: '← All webhooks' }).click();
    const row = page.getByTestId('webhook-row').filter({ hasText: receiverUrl });
    await row.waitFor();
    await row.getByText('Active', { exact: true }).waitFor();
    await row.getByText('Webhook', { exact: true }).waitFor();
    await page.screenshot({ path: join(screenshots, '102-webhooks-list.png') });
    await row.getByRole('link', { name: receiverUrl }).click();
    await page.getByTestId('webhook-detail').waitFor();
  });

  let feedbackId: string;
  let delivered: Received;

  it('sends feedback submitted through the API to the receiver, signed, and logs it delivered', async () => {
    const title = `Webhook me ${run}`;
    feedbackId = (await api<{ id: string }>('POST', '/feedback', { title })).id;

    await eventually(() => {
      const found = received.find(
        ({ event }) =>
          /^com\.chorus\.feedback\.submitted\.v\d+$/.test(event.type) &&
          event.data.feedbackId === feedbackId,
      );
      expect(found).toBeDefined();
      delivered = found!;
      return Promise.resolve();
    });
    expect(delivered.headers['content-type']).toContain('application/cloudevents+json');
    expect(delivered.event.subject).toContain(feedbackId);
    expect(delivered.headers['webhook-id']).toBe(delivered.event.id);
    // The receiver can check it came from Chorus, with the secret shown once.
    expect(String(delivered.headers['webhook-signature']).split(' ')).toContain(
      signatureOf(secret, delivered.headers, delivered.body),
    );

    // The log shows it delivered, with the receiver's 200.
    const row = deliveryRows().filter({ hasText: 'feedback.submitted' });
    await eventually(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await row.first().waitFor({ timeout: 2000 });
      await expect(row.first().getAttribute('data-status')).resolves.toBe('delivered');
    });
    await expect(row.first().getByRole('cell').nth(3).innerText()).resolves.toBe('200');
    await page.screenshot({ path: join(screenshots, '103-delivery-log.png') });

    // Filtered by status: it is among the delivered, not among the failed.
    await page.getByRole('radio', { name: 'Failed' }).check();
    await page.getByText('No failed deliveries').waitFor();
    await page.getByRole('radio', { name: 'Delivered' }).check();
    await row.first().waitFor();
    await page.getByRole('radio', { name: 'All' }).check();
  });

  it('redelivers from the delivery log, and the receiver gets the same event again', async () => {
    const copies = () => received.filter(({ event }) => event.id === delivered.event.id).length;
    expect(copies()).toBe(1);
    await deliveryRows()
      .filter({ hasText: 'feedback.submitted' })
      .first()
      .getByRole('button', { name: /^feedback\.submitted/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Delivery of feedback.submitted' });
    await dialog.waitFor();
    const attempts = dialog.getByTestId('delivery-attempt');
    // The attempts load after the dialog opens.
    await attempts.first().waitFor();
    await expect(attempts.count()).resolves.toBe(1);
    await attempts.first().getByText('200', { exact: true }).waitFor();
    // The request as sent, headers and body.
    await dialog.getByText('webhook-signature', { exact: true }).waitFor();
    await dialog.getByText(feedbackId, { exact: false }).first().waitFor();

    await dialog.getByRole('button', { name: 'Redeliver' }).click();
    await eventually(async () => expect(await attempts.count()).toBe(2));
    await attempts.first().getByText('redelivered', { exact: false }).waitFor();
    await attempts.first().getByText('200', { exact: true }).waitFor();
    await eventually(() => Promise.resolve(expect(copies()).toBe(2)));
    const again = received.filter(({ event }) => event.id === delivered.event.id)[1]!;
    // The same event, under the same id, so the receiver can tell it has it already.
    expect(again.headers['webhook-id']).toBe(delivered.headers['webhook-id']);
    expect(again.event.data).toEqual(delivered.event.data);
    await page.screenshot({ path: join(screenshots, '104-redelivered.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    const row = deliveryRows().filter({ hasText: 'feedback.submitted' }).first();
    await eventually(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(row.getByRole('cell').nth(2).innerText()).resolves.toBe('2');
    });
  });

  it('sends a test event, pauses and resumes, edits, rotates the secret and deletes', async () => {
    const detail = page.getByTestId('webhook-detail');
    await detail.getByRole('button', { name: 'Send test event' }).click();
    const ping = page.getByRole('dialog', { name: 'Delivery of Test event' });
    await ping.waitFor();
    await ping.getByTestId('delivery-attempt').getByText('200', { exact: true }).waitFor();
    await eventually(() =>
      Promise.resolve(
        expect(received.some(({ event }) => event.type === 'com.chorus.webhook.ping.v1')).toBe(
          true,
        ),
      ),
    );
    await page.keyboard.press('Escape');
    await ping.waitFor({ state: 'detached' });

    await detail.getByRole('button', { name: 'Pause' }).click();
    await detail.getByText('Paused', { exact: true }).waitFor();
    await detail
      .getByText('Events that happen while it is paused are not sent', { exact: false })
      .waitFor();
    await detail.getByRole('button', { name: 'Resume' }).click();
    await detail.getByText('Active', { exact: true }).waitFor();

    await detail.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit webhook' });
    await edit.waitFor();
    await expect(edit.getByLabel('URL').inputValue()).resolves.toBe(receiverUrl);
    await edit.getByLabel('Description').fill(`E2E receiver ${run}, edited`);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    await detail.getByText(`E2E receiver ${run}, edited`).waitFor();

    await detail.getByRole('button', { name: 'Rotate secret' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate the signing secret?' });
    await rotate.getByRole('button', { name: 'Rotate secret' }).click();
    const shown = page.getByRole('dialog', { name: 'Your new signing secret' });
    await shown.waitFor();
    const rotated = await shown.getByLabel('Signing secret', { exact: true }).inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'detached' });

    await detail.getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this webhook?' });
    await confirm.getByRole('button', { name: 'Delete webhook' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'New webhook' }).waitFor();
    await expect(
      page.getByTestId('webhook-row').filter({ hasText: receiverUrl }).count(),
    ).resolves.toBe(0);
  });

  it('keeps the notification preferences chosen in the settings after a reload', async () => {
    await openSettings(page, 'Notifications');
    const comments = page.getByRole('switch', { name: 'Comments' });
    await comments.waitFor();
    // Admins read the dashboards: the weekly digest is theirs to choose.
    await page.getByRole('switch', { name: 'Weekly digest' }).waitFor();
    const before = await comments.isChecked();
    await comments.setChecked(!before);
    await page.getByText('You have unsaved changes.').waitFor();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByText('Saved.', { exact: false }).waitFor();
    await page.screenshot({ path: join(screenshots, '105-notification-settings.png') });

    await page.reload();
    await page.getByRole('switch', { name: 'Comments' }).waitFor();
    await expect(page.getByRole('switch', { name: 'Comments' }).isChecked()).resolves.toBe(!before);
    const saved = await api<{ categories: Record<string, boolean> }>(
      'GET',
      '/me/notification-preferences',
    );
    expect(saved.categories.comments).toBe(!before);
  });

  it('explains an unsubscribe link that is not valid, without unsubscribing anyone', async () => {
    await page.goto(`${url}/unsubscribe?token=bad`);
    await page.getByRole('heading', { name: "This unsubscribe link can't be used" }).waitFor();
    await page.getByText('not valid', { exact: false }).waitFor();
    await expect(page.getByRole('button', { name: 'Unsubscribe' }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Open your notification settings' }).waitFor();
    await page.screenshot({ path: join(screenshots, '106-unsubscribe-bad-link.png') });
  });
});
