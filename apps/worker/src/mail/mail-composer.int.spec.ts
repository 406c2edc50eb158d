import { randomBytes, randomUUID } from 'node:crypto';
import { notificationPreferencesStreamId, type PersonNotified } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { createTestDatabase, type TestDatabase } from '@chorus/event-store/testing';
import { MailComposer, type DueDelivery } from './mail-composer';
import type { WeeklyDigest } from './templates/weekly-digest-mail';
import { UnsubscribeTokens } from './unsubscribe-tokens';

const publicUrl = 'https://chorus.example.com';

describe('deciding at send time whether a mail goes out', () => {
  let db: TestDatabase;
  let composer: MailComposer;
  const tokens = new UnsubscribeTokens(randomBytes(32));
  const workspaceId = randomUUID();
  const people = {
    cleo: randomUUID(),
    erased: randomUUID(),
    deactivated: randomUUID(),
    mia: randomUUID(),
    tom: randomUUID(),
    known: randomUUID(),
    noAddress: randomUUID(),
  };
  const now = new Date('2027-03-08T09:00:00.000Z');
  const shipped = (personId: string): PersonNotified['data'] => ({
    notificationId: randomUUID(),
    personId,
    kind: 'feedback_shipped',
    releaseId: randomUUID(),
    releaseName: 'Spring',
    feedbackIds: [randomUUID()],
  });
  const notification = (
    personId: string,
    data: PersonNotified['data'] = shipped(personId),
    createdAt = new Date('2027-03-08T08:59:00.000Z'),
  ): DueDelivery => ({
    id: data.notificationId,
    workspaceId,
    personId,
    category: 'shipped',
    attempts: 0,
    createdAt,
    notification: data,
    digest: null,
  });
  const digest: WeeklyDigest = {
    week: '2027-03-01',
    newFeedback: 3,
    votes: { cast: 5, withdrawn: 0 },
    topRequests: [],
    shipped: [],
  };
  const digestFor = (personId: string): DueDelivery => ({
    id: `weekly_digest.${personId}.2027-03-01`,
    workspaceId,
    personId,
    category: 'weekly_digest',
    attempts: 0,
    createdAt: now,
    notification: null,
    digest,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.dataSource);
    composer = new MailComposer(db.dataSource, store, tokens, publicUrl);
    await db.dataSource.query(
      `INSERT INTO workspaces (workspace_id, name, slug) VALUES ($1, 'Acme', 'acme')`,
      [workspaceId],
    );
    const member = (id: string, name: string, role: string, status = 'active') =>
      db.dataSource.query(
        `INSERT INTO users (id, workspace_id, name, email, role, status)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, workspaceId, name, `${name.toLowerCase()}@acme.test`, role, status],
      );
    await member(people.cleo, 'Cleo', 'customer');
    await member(people.erased, 'Erased person', 'customer', 'erased');
    await member(people.deactivated, 'Dee', 'teammate', 'deactivated');
    await member(people.mia, 'Mia', 'product_manager');
    await member(people.tom, 'Tom', 'teammate');
    await db.dataSource.query(
      `INSERT INTO customers (customer_id, workspace_id, external_id, email, name)
       VALUES ($1, $3, 'known', 'known@customer.test', 'Kim'),
              ($2, $3, 'no-address', NULL, 'Nomad')`,
      [people.known, people.noAddress, workspaceId],
    );
    await store.append(
      notificationPreferencesStreamId(people.tom),
      0,
      [
        {
          type: 'NotificationPreferencesChanged',
          data: {
            personId: people.tom,
            categories: { shipped: false },
            by: people.tom,
            via: 'settings',
          },
        },
      ],
      { workspaceId, actorId: people.tom, correlationId: randomUUID() },
    );
  });
  afterAll(() => db.drop());

  it('mails a member or a known customer at the address they have now', async () => {
    const composed = await composer.compose(notification(people.cleo), now);
    expect('mail' in composed && composed.mail.to).toBe('cleo@acme.test');
    const customer = await composer.compose(notification(people.known), now);
    expect('mail' in customer && customer.mail.to).toBe('known@customer.test');
  });

  it('signs the links, names the mail after its delivery, and offers one-click unsubscribe', async () => {
    const delivery = notification(people.cleo);
    const composed = await composer.compose(delivery, now);
    if (!('mail' in composed)) throw new Error('no mail');
    const token = tokens.sign({ workspaceId, personId: people.cleo, category: 'shipped' });
    expect(composed.mail.messageId).toBe(`<chorus.${delivery.id}@chorus.example.com>`);
    expect(composed.mail.headers).toEqual({
      'List-Unsubscribe': `<${publicUrl}/api/v1/unsubscribe?token=${token}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(composed.mail.html).toContain(`href="${publicUrl}/unsubscribe?token=${token}"`);
    expect(composed.mail.text).toContain('Hello Cleo,');
  });

  it('skips whom no mail may reach: erased, deactivated, without an address, unknown', async () => {
    const reasons = await Promise.all(
      [people.erased, people.deactivated, people.noAddress, randomUUID()].map(async (personId) => {
        const composed = await composer.compose(notification(personId), now);
        return 'skipped' in composed ? composed.skipped : 'sent';
      }),
    );
    expect(reasons).toEqual(['no address', 'no address', 'no address', 'unknown person']);
  });

  it('skips a category the person turned off', async () => {
    expect(await composer.compose(notification(people.tom), now)).toEqual({
      skipped: 'unsubscribed',
    });
  });

  it('skips news more than a week old', async () => {
    const old = notification(people.cleo, shipped(people.cleo), new Date('2027-02-28T08:00:00Z'));
    expect(await composer.compose(old, now)).toEqual({ skipped: 'too old to send' });
  });

  it('sends the digest by the defaults of each role: to product managers, not to teammates or customers', async () => {
    const mia = await composer.compose(digestFor(people.mia), now);
    expect('mail' in mia && mia.mail.subject).toBe('Your week in Acme: 3 new requests, 5 votes');
    expect(await composer.compose(digestFor(people.tom), now)).toEqual({ skipped: 'unsubscribed' });
    expect(await composer.compose(digestFor(people.cleo), now)).toEqual({
      skipped: 'not for their role',
    });
  });
});
