import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type {
  CreatedWebhook,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookDeliveryQueued,
  WebhookEventTypes,
  WebhookList,
  WebhookView,
} from '@chorus/domain';
import { PostgresEventStore, rebuildProjection } from '@chorus/event-store';
import { eventually, freePort } from '@chorus/event-store/testing';
import { projections } from '@chorus/worker';
import type { ProblemDetails } from '../platform/problem-details';
import { startTestApp, type TestApp } from '../testing/test-app';

type Received = { path: string; headers: IncomingHttpHeaders; body: string };
type Problem = { detail: string; errors?: { field: string }[] };

/**
 * A real HTTP receiver on a free port: it records every request, and answers each path with the
 * statuses queued for it (then 200), like a receiver that fails and recovers.
 */
const startReceiver = async () => {
  const received: Received[] = [];
  const answers = new Map<string, number[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString() });
      const status = answers.get(path)?.shift() ?? 200;
      response.writeHead(status, { 'content-type': 'text/plain' }).end(`answered ${status}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    answer: (path: string, statuses: number[]) => answers.set(path, statuses),
    at: (path: string) => received.filter((r) => r.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

const headersOf = (request: Received): Record<string, string> =>
  Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, String(value)]));

/** What every receiver does first: verify the signature and the timestamp (five minutes). */
const verified = (secret: string, request: Received) =>
  new Webhook(secret).verify(request.body, headersOf(request)) as {
    specversion: string;
    id: string;
    type: string;
    source: string;
    subject: string;
    time: string;
    datacontenttype: string;
    workspaceid: string;
    data: Record<string, unknown>;
  };

const HOUR = 3_600_000;

describe('Webhooks and Slack', () => {
  let app: TestApp;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  // The worker's clock: moved forward to make a day of failures pass at once.
  let clockOffsetMs = 0;
  const submitted = 'com.chorus.feedback.submitted.v2';

  const create = (body: unknown, token?: string) =>
    app.request<CreatedWebhook & Problem>('POST', '/api/v1/webhooks', { body, token });
  const created = async (body: Record<string, unknown>) => {
    const response = await create(body);
    expect(response.status).toBe(201);
    return response.body;
  };
  const submitFeedback = async (title: string) => {
    const response = await app.request<{ id: string }>('POST', '/api/v1/feedback', {
      token: app.tokens.customer,
      body: { title },
    });
    expect(response.status).toBe(201);
    return response.body.id;
  };
  const deliveries = async (webhookId: string) =>
    (await app.request<WebhookDeliveryPage>('GET', `/api/v1/webhooks/${webhookId}/deliveries`)).body
      .items;
  const delivery = async (webhookId: string, deliveryId: string) =>
    (
      await app.request<WebhookDeliveryDetail>(
        'GET',
        `/api/v1/webhooks/${webhookId}/deliveries/${deliveryId}`,
      )
    ).body;
  /** Waits for the subscription's only delivery to reach `status`, and answers it in detail. */
  const onlyDelivery = (webhookId: string, status: string) =>
    eventually(async () => {
      const [only, ...others] = await deliveries(webhookId);
      expect(others).toEqual([]);
      expect(only?.status).toBe(status);
      return delivery(webhookId, only!.id);
    });
  /** Waits until the receiver has had `count` requests at `path`. */
  const receivedAt = (path: string, count: number) =>
    eventually(() => Promise.resolve(expect(receiver.at(path)).toHaveLength(count)));
  const eventIdOf = async (streamId: string) => {
    const [row] = await app.db.dataSource.query<{ event_id: string }[]>(
      `SELECT event_id FROM events WHERE stream_id = $1 ORDER BY version LIMIT 1`,
      [streamId],
    );
    return row!.event_id;
  };

  beforeAll(async () => {
    receiver = await startReceiver();
    app = await startTestApp({
      // Receivers on this machine: plain http, and a local stand-in for hooks.slack.com.
      webhooks: { allowHttp: true, slackUrlPrefix: 'http://127.0.0.1:' },
      webhookDelivery: {
        retry: { firstDelayMs: 20, maxDelayMs: 100, jitter: 0 },
        pollMs: 50,
        clock: () => new Date(Date.now() + clockOffsetMs),
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await receiver.close();
  });

  it('delivers an event once, as a signed CloudEvent the receiver verifies', async () => {
    const webhook = await created({
      url: receiver.url('/crm'),
      eventTypes: [submitted],
      description: 'CRM',
    });
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(webhook).toMatchObject({
      kind: 'webhook',
      url: receiver.url('/crm'),
      eventTypes: [submitted],
      status: 'active',
      secretPrefix: webhook.secret!.slice(0, 10),
      createdBy: { name: 'Ada Admin' },
      version: 1,
      lastDelivery: null,
    });

    const feedbackId = await submitFeedback('Dark mode');
    const detail = await onlyDelivery(webhook.id, 'delivered');
    const [request, ...more] = receiver.at('/crm');
    expect(more).toEqual([]);
    expect(request!.headers['content-type']).toBe('application/cloudevents+json');
    const eventId = await eventIdOf(`feedback-${feedbackId}`);
    expect(request!.headers['webhook-id']).toBe(eventId);
    const cloudEvent = verified(webhook.secret!, request!);
    expect(cloudEvent).toMatchObject({
      specversion: '1.0',
      id: eventId,
      source: '/chorus/feedback',
      type: submitted,
      subject: `feedback-${feedbackId}`,
      datacontenttype: 'application/json',
      data: { feedbackId, title: 'Dark mode' },
    });
    expect(detail).toMatchObject({ eventId, eventType: submitted, attemptCount: 1 });
    expect(detail.attempts).toMatchObject([
      {
        number: 1,
        trigger: 'schedule',
        statusCode: 200,
        error: null,
        responseBodyExcerpt: 'answered 200',
        request: { url: receiver.url('/crm'), body: request!.body },
      },
    ]);
    expect(detail.attempts[0]!.request.headers['webhook-signature']).toBe(
      request!.headers['webhook-signature'],
    );

    // Another event: one more request, not a repeat of the first.
    await submitFeedback('Offline mode');
    await receivedAt('/crm', 2);
    expect(verified(webhook.secret!, receiver.at('/crm')[1]!).data.title).toBe('Offline mode');

    // Nothing of the secret is in the log.
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE data::text LIKE $1`,
      [`%${webhook.secret!.slice(6, 30)}%`],
    );
    expect(count).toBe(0);
  });

  it('refuses, on the receiver side, a tampered body, a stale timestamp and another secret', async () => {
    const { secret } = await created({ url: receiver.url('/verifier'), eventTypes: [submitted] });
    await submitFeedback('Keyboard shortcuts');
    await receivedAt('/verifier', 1);
    const request = receiver.at('/verifier')[0]!;
    expect(() => verified(secret!, request)).not.toThrow();

    const tampered = { ...request, body: request.body.replace('Keyboard', 'Mouse') };
    expect(() => verified(secret!, tampered)).toThrow(WebhookVerificationError);

    // Signed properly, but ten minutes ago: a replay.
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const id = String(request.headers['webhook-id']);
    const replayed = {
      ...request,
      headers: {
        ...request.headers,
        'webhook-timestamp': String(Math.floor(tenMinutesAgo.getTime() / 1000)),
        'webhook-signature': new Webhook(secret!).sign(id, tenMinutesAgo, request.body),
      },
    };
    expect(() => verified(secret!, replayed)).toThrow('Message timestamp too old');

    const stranger = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
    expect(() => verified(stranger, request)).toThrow('No matching signature found');
  });

  it('retries a receiver that fails twice, and the third attempt delivers', async () => {
    receiver.answer('/flaky', [500, 503]);
    const { id, secret } = await created({ url: receiver.url('/flaky'), eventTypes: [submitted] });
    await submitFeedback('Calendar view');

    const detail = await onlyDelivery(id, 'delivered');
    expect(detail.attemptCount).toBe(3);
    expect(detail.attempts.map((a) => [a.number, a.statusCode, a.trigger])).toEqual([
      [1, 500, 'schedule'],
      [2, 503, 'schedule'],
      [3, 200, 'schedule'],
    ]);
    expect(detail.attempts[0]!.responseBodyExcerpt).toBe('answered 500');
    const requests = receiver.at('/flaky');
    expect(requests).toHaveLength(3);
    // The same message each time, each attempt signed afresh.
    expect(new Set(requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    for (const request of requests) expect(() => verified(secret!, request)).not.toThrow();
  });

  it('redelivers a delivered event as a new attempt, and sends a test ping now', async () => {
    const { id, secret } = await created({ url: receiver.url('/again'), eventTypes: [submitted] });
    await submitFeedback('Export to PDF');
    const first = await onlyDelivery(id, 'delivered');

    const redelivered = await app.request<WebhookDeliveryQueued>(
      'POST',
      `/api/v1/webhooks/${id}/deliveries/${first.id}/redeliver`,
    );
    expect(redelivered.status).toBe(202);
    expect(redelivered.body).toMatchObject({ id: first.id, status: 'pending' });
    const again = await eventually(async () => {
      const detail = await delivery(id, first.id);
      expect(detail).toMatchObject({ status: 'delivered', attemptCount: 2 });
      return detail;
    });
    expect(again.attempts.map((a) => a.trigger)).toEqual(['schedule', 'redeliver']);
    const [original, resent] = receiver.at('/again');
    expect(resent!.headers['webhook-id']).toBe(original!.headers['webhook-id']);
    expect(verified(secret!, resent!).data).toEqual(verified(secret!, original!).data);

    const ping = await app.request<WebhookDeliveryQueued>('POST', `/api/v1/webhooks/${id}/test`);
    expect(ping.status).toBe(202);
    expect(ping.body).toMatchObject({ eventType: 'com.chorus.webhook.ping.v1', subject: null });
    await receivedAt('/again', 3);
    expect(verified(secret!, receiver.at('/again')[2]!)).toMatchObject({
      type: 'com.chorus.webhook.ping.v1',
      data: { webhookId: id },
    });
  });

  it('posts a Block Kit message to a Slack webhook, keeping its URL out of the log', async () => {
    const slackPath = '/services/T0001/B0001/slackSecretToken';
    const slack = await created({ kind: 'slack', url: receiver.url(slackPath), eventTypes: ['*'] });
    expect(slack.secret).toBeNull();
    expect(slack.url).toBe(receiver.url('/services/T0001/B0001/…'));
    await submitFeedback('Dark theme for the portal');
    // Its vote may come first: find the message about the feedback.
    const request = await eventually(() => {
      const found = receiver.at(slackPath).find((r) => r.body.includes('New feedback'));
      expect(found).toBeDefined();
      return Promise.resolve(found!);
    });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['webhook-signature']).toBeUndefined();
    const message = JSON.parse(request.body) as {
      text: string;
      blocks: { type: string; text?: { type: string; text: string }; elements?: unknown[] }[];
    };
    expect(message.text).toBe(
      'New feedback: Dark theme for the portal — by Cleo Customer, Board: General',
    );
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'context']);
    expect(message.blocks[0]!.text).toEqual({
      type: 'plain_text',
      text: 'New feedback: Dark theme for the portal',
      emoji: true,
    });
    expect(message.blocks[1]!.text!.text).toMatch(
      new RegExp(`<${app.baseUrl}/\\?feedback=[0-9a-f-]{36}\\|Open in Chorus>$`),
    );
    const [{ count }] = await app.db.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM events WHERE data::text LIKE '%slackSecretToken%'`,
    );
    expect(count).toBe(0);
    const deleted = await app.request('DELETE', `/api/v1/webhooks/${slack.id}`);
    expect(deleted.status).toBe(204);
  });

  it('pauses a subscription whose deliveries fail for a day, and one whose receiver is gone', async () => {
    const deadPort = await freePort();
    const dead = await created({
      url: `http://127.0.0.1:${deadPort}/nobody-home`,
      eventTypes: [submitted],
    });
    receiver.answer('/gone', [410]);
    const gone = await created({ url: receiver.url('/gone'), eventTypes: [submitted] });
    await submitFeedback('Audit log export');

    const goneDelivery = await onlyDelivery(gone.id, 'failed');
    expect(goneDelivery.attempts.map((a) => a.statusCode)).toEqual([410]);
    const retrying = await onlyDelivery(dead.id, 'retrying');
    expect(retrying.attempts[0]!.error).toBe('Connection refused (ECONNREFUSED).');
    expect(retrying.nextAttemptAt).not.toBeNull();

    // A day passes; the next retry fails too, and the schedule gives up.
    clockOffsetMs = 25 * HOUR;
    try {
      await onlyDelivery(dead.id, 'failed');
      for (const id of [dead.id, gone.id]) {
        const view = await eventually(async () => {
          const response = await app.request<WebhookView>('GET', `/api/v1/webhooks/${id}`);
          expect(response.body.status).toBe('paused');
          return response.body;
        });
        expect(view.pausedReason).toBe('failing');
      }
    } finally {
      clockOffsetMs = 0;
    }
    const [paused] = await app.db.dataSource.query<{ data: unknown; actor: string }[]>(
      `SELECT data, metadata->>'actorId' AS actor FROM events
       WHERE stream_id = $1 AND type = 'WebhookPaused'`,
      [`webhook-${dead.id}`],
    );
    expect(paused).toEqual({
      data: { webhookId: dead.id, reason: 'failing', by: null },
      actor: '',
    });

    // Paused: new events are not enqueued for it; resumed: they are again.
    await submitFeedback('While paused');
    await app.settle();
    expect(await deliveries(gone.id)).toHaveLength(1);
    const resumed = await app.request<WebhookView>('POST', `/api/v1/webhooks/${gone.id}/resume`);
    expect(resumed.body).toMatchObject({ status: 'active', pausedReason: null });
    await submitFeedback('After resuming');
    await receivedAt('/gone', 2);
  });

  it('sends nothing again when the projection is rebuilt', async () => {
    const count = async () => {
      const [counts] = await app.db.dataSource.query<
        { deliveries: number; attempts: number; open: number }[]
      >(
        `SELECT (SELECT count(*)::int FROM webhook_deliveries) AS deliveries,
           (SELECT count(*)::int FROM webhook_delivery_attempts) AS attempts,
           (SELECT count(*)::int FROM webhook_deliveries
            WHERE status IN ('pending', 'retrying')) AS open`,
      );
      return counts!;
    };
    // Everything enqueued so far is sent: nothing is left to send.
    await app.settle();
    await eventually(async () => expect((await count()).open).toBe(0));
    const webhooks = () =>
      app.db.dataSource.query<Record<string, unknown>[]>(
        `SELECT * FROM webhooks ORDER BY webhook_id`,
      );
    const before = await count();
    const rows = await webhooks();
    const projection = projections.find((p) => p.name === 'webhook_deliveries')!;
    const store = new PostgresEventStore(app.db.dataSource);
    for (const batchSize of [1, 3, 500]) {
      await rebuildProjection(app.db.dataSource, store, projection, batchSize);
      expect(await webhooks()).toEqual(rows);
    }
    await app.settle();
    expect(await count()).toEqual(before);
  });

  it('edits with If-Match, rotates the secret with both secrets signing, and deletes', async () => {
    const webhook = await created({ url: receiver.url('/edited'), eventTypes: [submitted] });
    const path = `/api/v1/webhooks/${webhook.id}`;
    const missing = await app.request<ProblemDetails>('PATCH', path, {
      body: { description: 'x' },
    });
    expect(missing.status).toBe(428);
    const edited = await app.request<WebhookView>('PATCH', path, {
      body: { description: 'Data warehouse', eventTypes: ['*'] },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      description: 'Data warehouse',
      eventTypes: ['*'],
      version: 2,
    });
    expect(edited.headers.get('etag')).toBe('"2"');
    const stale = await app.request<ProblemDetails>('PATCH', path, {
      body: { description: 'Lost update' },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);

    const rotated = await app.request<CreatedWebhook>('POST', `${path}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(webhook.secret);
    expect(rotated.body.secretPrefix).toBe(rotated.body.secret!.slice(0, 10));
    await submitFeedback('Signed twice');
    // It now wants every type: the rotation itself comes too. Any request shows the signatures.
    await eventually(() =>
      Promise.resolve(expect(receiver.at('/edited').length).toBeGreaterThan(0)),
    );
    const request = receiver.at('/edited')[0]!;
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => verified(rotated.body.secret!, request)).not.toThrow();
    expect(() => verified(webhook.secret!, request)).not.toThrow();

    expect((await app.request('DELETE', path)).status).toBe(204);
    expect((await app.request('GET', path)).status).toBe(404);
    expect((await app.request('DELETE', path)).status).toBe(404);
    await app.settle();
    const list = await app.request<WebhookList>('GET', '/api/v1/webhooks');
    expect(list.body.items.map((w) => w.id)).not.toContain(webhook.id);
  });

  it('names the field at fault', async () => {
    const cases: [unknown, string, number][] = [
      [{ url: 'ftp://example.com/x', eventTypes: [submitted] }, 'url', 422],
      [{ url: 'example.com', eventTypes: [submitted] }, 'url', 422],
      [{ kind: 'slack', url: 'https://example.com/x', eventTypes: ['*'] }, 'url', 422],
      [{ url: receiver.url('/x'), eventTypes: [] }, 'eventTypes', 422],
      [
        { url: receiver.url('/x'), eventTypes: ['com.chorus.feedback.vanished.v1'] },
        'eventTypes',
        422,
      ],
      [{ url: receiver.url('/x'), eventTypes: [submitted], kind: 'teams' }, 'kind', 400],
      [{ eventTypes: [submitted] }, 'url', 400],
    ];
    for (const [body, field, status] of cases) {
      const response = await create(body);
      expect([response.status, response.body.errors?.map((e) => e.field)]).toEqual([
        status,
        [field],
      ]);
    }
  });

  it('lists the choosable event types with what they mean', async () => {
    const response = await app.request<WebhookEventTypes>('GET', '/api/v1/webhooks/event-types');
    expect(response.status).toBe(200);
    const type = response.body.items.find((t) => t.type === submitted);
    expect(type).toMatchObject({ eventType: 'FeedbackSubmitted', context: 'feedback' });
    expect(type!.description.length).toBeGreaterThan(40);
  });

  it("answers 404 for another workspace's subscription, and lists only one's own", async () => {
    const webhook = await created({ url: receiver.url('/mine'), eventTypes: [submitted] });
    await app.settle();
    const [one] = await deliveries(webhook.id);
    const token = app.tokens.outsider;
    const path = `/api/v1/webhooks/${webhook.id}`;
    const someDelivery = one?.id ?? randomUUID();
    for (const [method, url, body, headers] of [
      ['GET', path],
      ['PATCH', path, { description: 'Mine now' }, { 'if-match': '"1"' }],
      ['POST', `${path}/pause`],
      ['POST', `${path}/resume`],
      ['POST', `${path}/rotate-secret`],
      ['POST', `${path}/test`],
      ['GET', `${path}/deliveries`],
      ['GET', `${path}/deliveries/${someDelivery}`],
      ['POST', `${path}/deliveries/${someDelivery}/redeliver`],
      ['DELETE', path],
    ] as [string, string, unknown?, Record<string, string>?][]) {
      const response = await app.request(method, url, { token, body, headers });
      expect([method, url, response.status]).toEqual([method, url, 404]);
    }
    const theirs = await app.request<WebhookList>('GET', '/api/v1/webhooks', { token });
    expect(theirs.body.items).toEqual([]);
    expect((await app.request('GET', path)).status).toBe(200);
  });

  it('is for admins and product managers', async () => {
    const list = (token: string) => app.request('GET', '/api/v1/webhooks', { token });
    expect((await list(app.tokens.productManager)).status).toBe(200);
    for (const token of [app.tokens.teammate, app.tokens.productOwner, app.tokens.customer]) {
      expect((await list(token)).status).toBe(403);
      const response = await create({ url: receiver.url('/x'), eventTypes: ['*'] }, token);
      expect(response.status).toBe(403);
    }
  });
});
