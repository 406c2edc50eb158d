import { randomUUID } from 'node:crypto';
import {
  addDays,
  backlogItemStreamId,
  notificationPreferencesStreamId,
  weekOf,
  type NotificationPreferencesView,
  type ReleaseView,
  type UnsubscribeTokenView,
} from '@chorus/domain';
import { PostgresEventStore, rebuildProjection } from '@chorus/event-store';
import { eventually } from '@chorus/event-store/testing';
import { emailOutboxProjection, startWorker, type RunningWorker } from '@chorus/worker';
import pino from 'pino';
import { startTestApp, type TestApp } from '../testing/test-app';
import { startSmtpInbox, type ReceivedMail, type SmtpInbox } from '../testing/smtp-inbox';
import { dueDigestWeek } from './weekly-digest/digest-schedule';

type Delivery = {
  id: string;
  person_id: string;
  status: string;
  attempts: number;
  outcome: string | null;
};

const FROM = 'Acme via Chorus <chorus@acme.test>';

describe('notification emails, sent by the worker through a real SMTP server', () => {
  let app: TestApp;
  let smtp: SmtpInbox;
  let store: PostgresEventStore;
  let workspaceId: string;
  const ids = { admin: '', customer: '', otherCustomer: '', teammate: '', productManager: '' };
  /** The time mail falls due by, for the API's digest scheduler and the worker's dispatcher. */
  let clockOffsetMs = 0;
  const now = () => new Date(Date.now() + clockOffsetMs);

  const submit = async (title: string, token: string) =>
    (await app.request<{ id: string }>('POST', '/api/v1/feedback', { token, body: { title } })).body
      .id;
  const vote = async (feedbackId: string, token: string) =>
    expect(
      (await app.request('POST', `/api/v1/feedback/${feedbackId}/votes`, { token })).status,
    ).toBe(200);
  const follow = async (feedbackId: string, token: string) =>
    expect(
      (await app.request('PUT', `/api/v1/feedback/${feedbackId}/follow`, { token })).status,
    ).toBe(200);

  /** An accepted backlog item answering the feedback, released with a changelog entry. */
  const ship = async (
    name: string,
    feedbackIds: string[],
    changelog: { title: string; body: string },
  ): Promise<string> => {
    const itemId = randomUUID();
    const sprintId = randomUUID();
    const by = ids.admin;
    await store.append(
      backlogItemStreamId(itemId),
      0,
      [
        {
          type: 'BacklogItemCreated',
          data: {
            itemId,
            kind: 'story',
            parentId: null,
            title: name,
            description: '',
            acceptanceCriteria: [],
            estimate: 3,
            labels: [],
            ownerId: null,
            rank: 'a0',
            createdBy: by,
          },
        },
        ...feedbackIds.map((feedbackId) => ({
          type: 'FeedbackLinkedToBacklogItem',
          data: { itemId, feedbackId, by },
        })),
        { type: 'BacklogItemPlanned', data: { itemId, sprintId, by } },
        {
          type: 'BacklogItemWorkStateChanged',
          data: { itemId, sprintId, from: 'todo', to: 'done', by },
        },
        { type: 'BacklogItemAccepted', data: { itemId, sprintId, points: 3, by } },
      ],
      { workspaceId, actorId: by, correlationId: randomUUID() },
    );
    await app.settle();
    const release = (
      await app.request<ReleaseView>('POST', '/api/v1/releases', {
        body: { name, date: '2027-03-15' },
      })
    ).body;
    expect(
      (await app.request('PUT', `/api/v1/releases/${release.id}/items/${itemId}`)).status,
    ).toBe(200);
    await app.request('PUT', `/api/v1/releases/${release.id}/changelog`, { body: changelog });
    expect((await app.request('POST', `/api/v1/releases/${release.id}/publish`)).status).toBe(200);
    await app.settle();
    return release.id;
  };

  const deliveriesOf = (releaseId: string) =>
    app.db.dataSource.query<Delivery[]>(
      `SELECT d.id, d.person_id, d.status, d.attempts, d.outcome
       FROM email_deliveries d JOIN email_outbox o ON o.id::text = d.id
       WHERE o.notification->>'releaseId' = $1 ORDER BY d.person_id`,
      [releaseId],
    );
  /** Waits until every mail of the release is decided: sent, skipped or failed, never again. */
  const settledDeliveries = (releaseId: string) =>
    eventually(async () => {
      const deliveries = await deliveriesOf(releaseId);
      if (deliveries.length === 0 || deliveries.some((d) => d.status === 'pending')) {
        throw new Error(`mail for release ${releaseId} is still due`);
      }
      return deliveries;
    });
  const shippedMailsTo = (email: string, title: string) =>
    smtp.mailsTo(email).filter((mail) => mail.header('subject') === `Shipped: ${title}`);
  const tokenOf = (mail: ReceivedMail) => {
    const token = /\/unsubscribe\?token=([A-Za-z0-9_.-]+)/.exec(mail.part('text/html'))?.[1];
    if (!token) throw new Error('The mail has no unsubscribe link');
    return token;
  };

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    process.env.CHORUS_DIGEST_POLL_MS = '100';
    app = await startTestApp({ mail: { smtpUrl: smtp.url, from: FROM, now } });
    store = new PostgresEventStore(app.db.dataSource);
    for (const who of Object.keys(ids) as (keyof typeof ids)[]) {
      const me = await app.request<{ id: string; workspace: { id: string } }>('GET', '/api/v1/me', {
        token: app.tokens[who],
      });
      ids[who] = me.body.id;
      workspaceId = me.body.workspace.id;
    }
  });
  afterAll(async () => {
    delete process.env.CHORUS_DIGEST_POLL_MS;
    await app.close();
    await smtp.close();
  });

  let darkModeRelease: string;
  let ottosShippedMail: ReceivedMail;

  it("sends a customer who voted the 'shipped' email once, with both parts, the changelog entry and an unsubscribe link", async () => {
    const darkMode = await submit('Dark mode', app.tokens.customer);
    await vote(darkMode, app.tokens.otherCustomer);
    darkModeRelease = await ship('Spring', [darkMode], {
      title: 'Dark mode is here',
      body: 'Switch it on in **Settings**. <script>alert(1)</script>',
    });

    const deliveries = await settledDeliveries(darkModeRelease);
    expect(deliveries.map((d) => [d.person_id, d.status])).toEqual(
      [
        [ids.customer, 'sent'],
        [ids.otherCustomer, 'sent'],
      ].sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
    expect(shippedMailsTo('cleo@customer.test', 'Dark mode')).toHaveLength(1);
    const mails = shippedMailsTo('otto@customer.test', 'Dark mode');
    expect(mails).toHaveLength(1);
    ottosShippedMail = mails[0]!;

    const otto = deliveries.find((d) => d.person_id === ids.otherCustomer)!;
    expect(ottosShippedMail.header('from')).toBe(FROM);
    expect(ottosShippedMail.header('message-id')).toBe(`<chorus.${otto.id}@127.0.0.1>`);
    const text = ottosShippedMail.part('text/plain');
    const html = ottosShippedMail.part('text/html');
    expect(text).toContain('Hello Otto Customer,');
    expect(text).toContain('What you asked for shipped in Spring:');
    expect(text).toContain(`- Dark mode (${app.baseUrl}/?feedback=${darkMode})`);
    expect(text).toContain('Dark mode is here');
    expect(text).toContain('Switch it on in **Settings**.');
    expect(html).toContain('<p>Switch it on in <strong>Settings</strong>. alert(1)</p>');
    expect(html).not.toContain('<script');

    const token = tokenOf(ottosShippedMail);
    expect(text).toContain(
      `Unsubscribe from emails about what you asked for shipping (${app.baseUrl}/unsubscribe?token=${token})`,
    );
    expect(ottosShippedMail.header('list-unsubscribe')).toBe(
      `<${app.baseUrl}/api/v1/unsubscribe?token=${token}>`,
    );
    expect(ottosShippedMail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
  });

  it('unsubscribes with the link: opening it only describes, the one-click POST stops the category', async () => {
    const token = tokenOf(ottosShippedMail);
    const described = await app.request<UnsubscribeTokenView>(
      'GET',
      `/api/v1/unsubscribe?token=${token}`,
      { token: null },
    );
    expect([described.status, described.body]).toEqual([
      200,
      { category: 'shipped', workspaceName: 'Acme', subscribed: true },
    ]);
    // A mail scanner opening the link twice unsubscribes nobody.
    await app.request('GET', `/api/v1/unsubscribe?token=${token}`, { token: null });
    expect(await store.readStream(notificationPreferencesStreamId(ids.otherCustomer))).toEqual([]);

    // What a mail client sends for the List-Unsubscribe-Post header (RFC 8058).
    const oneClick = await app.request<UnsubscribeTokenView>(
      'POST',
      `/api/v1/unsubscribe?token=${token}`,
      {
        token: null,
        rawBody: 'List-Unsubscribe=One-Click',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
    );
    expect([oneClick.status, oneClick.body]).toEqual([
      200,
      { category: 'shipped', workspaceName: 'Acme', subscribed: false },
    ]);
    const preferences = await app.request<NotificationPreferencesView>(
      'GET',
      '/api/v1/me/notification-preferences',
      { token: app.tokens.otherCustomer },
    );
    expect(preferences.body.categories).toMatchObject({ shipped: false, comments: true });

    const again = await app.request<UnsubscribeTokenView>('POST', '/api/v1/unsubscribe', {
      token: null,
      body: { token },
    });
    expect([again.status, again.body.subscribed]).toEqual([200, false]);
    const recorded = await store.readStream(notificationPreferencesStreamId(ids.otherCustomer));
    expect(recorded.map((e) => [e.type, e.data, e.metadata.actorId])).toEqual([
      [
        'NotificationPreferencesChanged',
        {
          personId: ids.otherCustomer,
          categories: { shipped: false },
          by: ids.otherCustomer,
          via: 'unsubscribe_link',
        },
        ids.otherCustomer,
      ],
    ]);
  });

  it('skips a later shipped notification to someone who unsubscribed, and still mails the others', async () => {
    const csvExport = await submit('CSV export', app.tokens.customer);
    await vote(csvExport, app.tokens.otherCustomer);
    const summer = await ship('Summer', [csvExport], { title: 'CSV export', body: 'Download it.' });
    const deliveries = await settledDeliveries(summer);
    expect(deliveries.find((d) => d.person_id === ids.otherCustomer)).toMatchObject({
      status: 'skipped',
      outcome: 'unsubscribed',
    });
    expect(deliveries.find((d) => d.person_id === ids.customer)?.status).toBe('sent');
    expect(shippedMailsTo('cleo@customer.test', 'CSV export')).toHaveLength(1);
    expect(shippedMailsTo('otto@customer.test', 'CSV export')).toEqual([]);
  });

  it('tries again later when the mail server refuses for now (4xx), and sends exactly one', async () => {
    const offline = await submit('Offline mode', app.tokens.customer);
    smtp.refuseNext(1);
    const autumn = await ship('Autumn', [offline], {
      title: 'Offline mode',
      body: 'Works offline.',
    });
    const [refused] = await eventually(async () => {
      const deliveries = await deliveriesOf(autumn);
      if (deliveries[0]?.attempts !== 1) throw new Error('not tried yet');
      return deliveries;
    });
    expect(refused).toMatchObject({ status: 'pending', attempts: 1, outcome: 'EMESSAGE 451' });
    expect(shippedMailsTo('cleo@customer.test', 'Offline mode')).toEqual([]);

    // A minute later (the first backoff) it is due again.
    clockOffsetMs += 61_000;
    const [sent] = await settledDeliveries(autumn);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, outcome: null });
    expect(shippedMailsTo('cleo@customer.test', 'Offline mode')).toHaveLength(1);
  });

  describe('exactly once, whatever happens to the workers', () => {
    let second: RunningWorker | null = null;
    const startSecondWorker = () =>
      startWorker({
        databaseUrl: app.db.url,
        logger: pino({ level: 'silent' }),
        mail: { smtpUrl: smtp.url, from: FROM, now, publicUrl: app.baseUrl, pollMs: 100 },
      });
    afterAll(() => second?.stop());

    it('sends each mail once with two dispatchers taking turns', async () => {
      second = await startSecondWorker();
      const sso = await submit('Single sign-on', app.tokens.customer);
      for (const token of [app.tokens.teammate, app.tokens.productManager, app.tokens.admin]) {
        await follow(sso, token);
      }
      const winter = await ship('Winter', [sso], { title: 'SSO', body: 'SAML.' });
      const deliveries = await settledDeliveries(winter);
      expect(deliveries.map((d) => d.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
      for (const email of [
        'cleo@customer.test',
        'tom@acme.test',
        'mia@acme.test',
        'ada@acme.test',
      ]) {
        expect({ email, mails: shippedMailsTo(email, 'Single sign-on').length }).toEqual({
          email,
          mails: 1,
        });
      }
    });

    it('sends a mail once when the worker that claimed it dies before the server accepted it', async () => {
      // The dispatchers' clock an hour behind: the new delivery is not due for them yet.
      clockOffsetMs -= 3_600_000;
      const audit = await submit('Audit log', app.tokens.customer);
      const release = await ship('Audit', [audit], { title: 'Audit log', body: 'Who did what.' });
      const [pending] = await eventually(async () => {
        const deliveries = await deliveriesOf(release);
        if (deliveries.length === 0) throw new Error('not queued yet');
        return deliveries;
      });
      // What a dispatcher that claimed it and died leaves behind: a lease five minutes ahead,
      // no attempt recorded, nothing sent.
      await app.db.dataSource.query(
        `UPDATE email_deliveries SET next_attempt_at = now() + interval '5 minutes' WHERE id = $1`,
        [pending!.id],
      );
      clockOffsetMs += 3_600_000;
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(shippedMailsTo('cleo@customer.test', 'Audit log')).toEqual([]);
      // Once the lease has run out, another dispatcher sends it, on the first recorded try.
      clockOffsetMs += 5 * 60_000 + 1_000;
      const [delivery] = await settledDeliveries(release);
      expect(delivery).toMatchObject({ status: 'sent', attempts: 1, outcome: null });
      expect(shippedMailsTo('cleo@customer.test', 'Audit log')).toHaveLength(1);
    });

    it('sends nothing again after a restart of the worker or a rebuild of the outbox', async () => {
      await second!.stop();
      second = await startSecondWorker();
      await rebuildProjection(app.db.dataSource, store, emailOutboxProjection, 1);
      // Mail goes out in the order it fell due: once this one is sent, anything offered again
      // by the restart or the rebuild would have been sent before it.
      const roadmap = await submit('Public roadmap', app.tokens.customer);
      const release = await ship('Roadmap', [roadmap], { title: 'Roadmap', body: 'Public.' });
      await settledDeliveries(release);
      expect(shippedMailsTo('cleo@customer.test', 'Public roadmap')).toHaveLength(1);
      for (const title of [
        'Dark mode',
        'CSV export',
        'Offline mode',
        'Single sign-on',
        'Audit log',
      ]) {
        expect({ title, mails: shippedMailsTo('cleo@customer.test', title).length }).toEqual({
          title,
          mails: 1,
        });
      }
      expect(shippedMailsTo('otto@customer.test', 'Dark mode')).toHaveLength(1);
    });
  });

  it('sends the weekly digest to product managers and admins once a week, at its hour', async () => {
    const digestsTo = (email: string) =>
      smtp.mailsTo(email).filter((mail) => mail.header('subject')?.startsWith('Your week in Acme'));
    const weeksOfDigestsTo = (email: string) =>
      digestsTo(email).map(
        (mail) => /From Monday (\d{4}-\d{2}-\d{2})/.exec(mail.part('text/plain'))?.[1],
      );
    const digestRows = (week: string) =>
      app.db.dataSource.query<Delivery[]>(
        `SELECT id, person_id, status, attempts, outcome FROM email_deliveries
         WHERE category = 'weekly_digest' AND id LIKE $1 ORDER BY person_id`,
        [`%.${week}`],
      );
    // The app started past a digest hour: the week before was due then, and went out.
    const startedDue = dueDigestWeek(new Date(), { weekday: 1, hour: 8 });
    // This week is reported next Monday at 08:00 UTC, not a minute before.
    const week = weekOf(new Date().toISOString().slice(0, 10));
    const nextMonday8 = Date.parse(`${addDays(week, 7)}T08:00:00.000Z`);
    clockOffsetMs = nextMonday8 - Date.now() - 60_000;
    await app.settle();
    expect(await digestRows(week)).toEqual([]);

    clockOffsetMs = nextMonday8 - Date.now() + 1_000;
    const digestOf = (email: string, weekReported: string) =>
      eventually(() =>
        weeksOfDigestsTo(email).includes(weekReported)
          ? Promise.resolve()
          : Promise.reject(new Error(`no digest of ${weekReported} to ${email} yet`)),
      );
    await digestOf('mia@acme.test', week);
    const digest = digestsTo('mia@acme.test').find((mail) =>
      mail.part('text/plain').includes(`From Monday ${week} `),
    )!;
    const text = digest.part('text/plain');
    expect(text).toContain(`From Monday ${week} to Sunday ${addDays(week, 6)}, Acme received`);
    expect(text).toContain('Most wanted this week:');
    expect(text).toMatch(
      /- Dark mode \(http:\/\/127\.0\.0\.1:\d+\/\?feedback=[0-9a-f-]+\) — \d voters?/,
    );
    expect(text).toContain('- Spring — 1 item');
    expect(text).toContain(`Open the product dashboard (${app.baseUrl}/dashboards/pm)`);
    expect(text).toContain('Unsubscribe from emails about the weekly digest');

    // Those it is off for by default get none; customers are not asked.
    const rows = await eventually(async () => {
      const found = await digestRows(week);
      if (found.some((d) => d.status === 'pending')) throw new Error('digests still due');
      return found;
    });
    const rowOf = (personId: string) => rows.find((d) => d.person_id === personId);
    expect(rowOf(ids.productManager)?.status).toBe('sent');
    expect(rowOf(ids.admin)?.status).toBe('sent');
    expect(rowOf(ids.teammate)).toMatchObject({ status: 'skipped', outcome: 'unsubscribed' });
    expect(rowOf(ids.customer)).toBeUndefined();

    // However many rounds run, one digest a week; the next week, the next one.
    clockOffsetMs += 7 * 24 * 60 * 60 * 1000;
    await digestOf('ada@acme.test', addDays(week, 7));
    const expected = [...(startedDue ? [startedDue] : []), week, addDays(week, 7)];
    expect(weeksOfDigestsTo('ada@acme.test')).toEqual(expected);
  });
});
