import { publishedEventTypes } from '@chorus/event-store';
import type { WebhookRules, WebhookUrlPolicy } from '@chorus/domain';

/** The injection token of the deployment's `WebhookUrlPolicy`. */
export const WEBHOOK_URL_POLICY = 'WEBHOOK_URL_POLICY';

/** What a subscription's URL and types are checked against. */
export const webhookRulesOf = (urlPolicy: WebhookUrlPolicy): WebhookRules => ({
  urlPolicy,
  knownEventTypes: publishedEventTypes().map((t) => t.cloudEventType),
});
