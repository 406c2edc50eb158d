import type { Actor } from '../shared/actor';
import { AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import { webhookDecider, type ChangeWebhook, type CreateWebhook } from './webhook.decider';
import { defaultWebhookUrlPolicy, shownWebhookUrl } from './webhook-url';
import type { WebhookEvent } from './webhook.events';

const spec = deciderSpec(webhookDecider);
const admin: Actor = { id: '0b8e4c62-5d1f-4a7e-8c3b-2f9d6e1a4b57', role: 'admin' };
const webhookId = '5d6e7f80-1a2b-4c3d-8e4f-5a6b7c8d9e0f';
const submitted = 'com.chorus.feedback.submitted.v2';
const statusChanged = 'com.chorus.feedback.status-changed.v2';
const rules = {
  urlPolicy: defaultWebhookUrlPolicy,
  knownEventTypes: [submitted, statusChanged, 'com.chorus.roadmap.release-published.v1'],
};
const slackUrl = 'https://hooks.slack.com/services/T0001/B0001/xoxbSecretToken';

const create = (overrides: Partial<CreateWebhook> = {}): CreateWebhook => ({
  type: 'CreateWebhook',
  webhookId,
  url: 'https://crm.example.com/hooks/chorus',
  eventTypes: [submitted],
  rules,
  actor: admin,
  ...overrides,
});
const change = (overrides: Partial<ChangeWebhook> = {}): ChangeWebhook => ({
  type: 'ChangeWebhook',
  webhookId,
  currentUrl: 'https://crm.example.com/hooks/chorus',
  rules,
  actor: admin,
  ...overrides,
});
const created = (
  overrides: Partial<Extract<WebhookEvent, { type: 'WebhookCreated' }>['data']> = {},
): WebhookEvent => ({
  type: 'WebhookCreated',
  data: {
    webhookId,
    kind: 'webhook',
    url: 'https://crm.example.com/hooks/chorus',
    eventTypes: [submitted],
    description: '',
    by: admin.id,
    ...overrides,
  },
});
const pausedByAdmin: WebhookEvent = {
  type: 'WebhookPaused',
  data: { webhookId, reason: 'by_admin', by: admin.id },
};
const deleted: WebhookEvent = { type: 'WebhookDeleted', data: { webhookId, by: admin.id } };

const refusal = (
  command: Parameters<typeof webhookDecider.decide>[0],
  given: WebhookEvent[] = [],
) => {
  try {
    webhookDecider.decide(
      command,
      given.reduce(webhookDecider.evolve, webhookDecider.initialState()),
    );
  } catch (error) {
    expect(error).toBeInstanceOf(DomainRuleViolation);
    return { field: (error as DomainRuleViolation).field, message: (error as Error).message };
  }
  throw new Error('The command was not refused.');
};

describe('CreateWebhook', () => {
  it('creates a signed-CloudEvents subscription with each type once and a trimmed description', () =>
    spec
      .given([])
      .when(
        create({ eventTypes: [submitted, submitted, statusChanged], description: ' CRM sync ' }),
      )
      .then([created({ eventTypes: [submitted, statusChanged], description: 'CRM sync' })]));

  it('takes * as every type, alone', () =>
    spec
      .given([])
      .when(create({ eventTypes: [submitted, '*'] }))
      .then([created({ eventTypes: ['*'] })]));

  it('keeps the credentials of a Slack URL and of a query string out of the event', () => {
    spec
      .given([])
      .when(create({ kind: 'slack', url: slackUrl }))
      .then([created({ kind: 'slack', url: 'https://hooks.slack.com/services/T0001/B0001/…' })]);
    spec
      .given([])
      .when(create({ url: 'https://hooks.zapier.example/catch/1?token=abc#top' }))
      .then([created({ url: 'https://hooks.zapier.example/catch/1?…' })]);
  });

  it.each([
    ['plain http', { url: 'http://crm.example.com/hooks' }, 'url', /must start with https/],
    ['no scheme', { url: 'crm.example.com/hooks' }, 'url', /whole URL/],
    ['ftp', { url: 'ftp://crm.example.com/hooks' }, 'url', /must start with https/],
    ['a password', { url: 'https://user:pw@crm.example.com/h' }, 'url', /no user name or password/],
    ['a long URL', { url: `https://crm.example.com/${'a'.repeat(2048)}` }, 'url', /at most 2048/],
    [
      'Slack elsewhere',
      { kind: 'slack' as const, url: 'https://example.com/services/T/B/x' },
      'url',
      /hooks\.slack\.com/,
    ],
    ['no event type', { eventTypes: [] }, 'eventTypes', /at least one event type/],
    [
      'an unknown event type',
      { eventTypes: ['com.chorus.feedback.exploded.v1'] },
      'eventTypes',
      /"com\.chorus\.feedback\.exploded\.v1" is not an event type/,
    ],
    ['a long description', { description: 'x'.repeat(201) }, 'description', /at most 200/],
  ])('refuses %s, naming the field', (_, overrides: Partial<CreateWebhook>, field, message) => {
    const refused = refusal(create(overrides));
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
  });

  it('allows plain http, and another Slack address, where the deployment says so', () => {
    const local = {
      urlPolicy: { allowHttp: true, slackUrlPrefix: 'http://127.0.0.1:' },
      knownEventTypes: rules.knownEventTypes,
    };
    spec
      .given([])
      .when(create({ url: 'http://127.0.0.1:8080/hooks', rules: local }))
      .then([created({ url: 'http://127.0.0.1:8080/hooks' })]);
    spec
      .given([])
      .when(create({ kind: 'slack', url: 'http://127.0.0.1:9000/slack/secret', rules: local }))
      .then([created({ kind: 'slack', url: 'http://127.0.0.1:9000/slack/…' })]);
  });

  it('creates a subscription once', () =>
    spec
      .given([created()])
      .when(create())
      .thenThrows(DomainRuleViolation, /already exists/));
});

describe('ChangeWebhook', () => {
  it('records only what changed', () =>
    spec
      .given([created()])
      .when(
        change({
          eventTypes: [submitted],
          description: 'Sales CRM',
          url: 'https://crm.example.com/hooks/chorus',
        }),
      )
      .then([
        { type: 'WebhookChanged', data: { webhookId, description: 'Sales CRM', by: admin.id } },
      ]));

  it('records a new URL even when it is shown alike', () =>
    spec
      .given([created({ kind: 'slack', url: 'https://hooks.slack.com/services/T0001/B0001/…' })])
      .when(
        change({
          currentUrl: slackUrl,
          url: 'https://hooks.slack.com/services/T0001/B0001/newToken',
        }),
      )
      .then([
        {
          type: 'WebhookChanged',
          data: { webhookId, url: 'https://hooks.slack.com/services/T0001/B0001/…', by: admin.id },
        },
      ]));

  it('does nothing when nothing changes', () =>
    spec
      .given([created()])
      .when(change({ eventTypes: [submitted], description: '' }))
      .thenNothingHappens());

  it('applies the rules of a new URL to the kind it has', () =>
    expect(
      refusal(change({ url: 'https://crm.example.com/x' }), [created({ kind: 'slack' })]).field,
    ).toBe('url'));

  it('does not know a deleted subscription', () =>
    spec
      .given([created(), deleted])
      .when(change({ description: 'x' }))
      .thenThrows(AggregateNotFound));
});

describe('PauseWebhook and ResumeWebhook', () => {
  it('pauses for an admin, and resumes', () => {
    spec
      .given([created()])
      .when({ type: 'PauseWebhook', webhookId, reason: 'by_admin', actor: admin })
      .then([pausedByAdmin]);
    spec
      .given([created(), pausedByAdmin])
      .when({ type: 'ResumeWebhook', webhookId, actor: admin })
      .then([{ type: 'WebhookResumed', data: { webhookId, by: admin.id } }]);
  });

  it('is paused by Chorus as failing, with nobody as its author', () =>
    spec
      .given([created()])
      .when({ type: 'PauseWebhook', webhookId, reason: 'failing', actor: null })
      .then([{ type: 'WebhookPaused', data: { webhookId, reason: 'failing', by: null } }]));

  it('keeps the first reason: pausing a paused subscription, or resuming an active one, does nothing', () => {
    spec
      .given([created(), pausedByAdmin])
      .when({ type: 'PauseWebhook', webhookId, reason: 'failing', actor: null })
      .thenNothingHappens();
    spec
      .given([created()])
      .when({ type: 'ResumeWebhook', webhookId, actor: admin })
      .thenNothingHappens();
  });

  it('does not know a subscription that was never created', () =>
    spec
      .given([])
      .when({ type: 'PauseWebhook', webhookId, reason: 'failing', actor: null })
      .thenThrows(AggregateNotFound));
});

describe('RotateWebhookSecret and DeleteWebhook', () => {
  it('rotates the secret of a signed subscription', () =>
    spec
      .given([created()])
      .when({ type: 'RotateWebhookSecret', webhookId, actor: admin })
      .then([{ type: 'WebhookSecretRotated', data: { webhookId, by: admin.id } }]));

  it('has no secret to rotate for Slack', () =>
    spec
      .given([created({ kind: 'slack' })])
      .when({ type: 'RotateWebhookSecret', webhookId, actor: admin })
      .thenThrows(DomainRuleViolation, /Slack webhook has no signing secret/));

  it('deletes once', () => {
    spec
      .given([created()])
      .when({ type: 'DeleteWebhook', webhookId, actor: admin })
      .then([deleted]);
    spec
      .given([created(), deleted])
      .when({ type: 'DeleteWebhook', webhookId, actor: admin })
      .thenThrows(AggregateNotFound);
  });
});

describe('shownWebhookUrl', () => {
  it('leaves a plain URL as it is', () =>
    expect(shownWebhookUrl('webhook', 'https://crm.example.com:8443/hooks/chorus')).toBe(
      'https://crm.example.com:8443/hooks/chorus',
    ));
});
