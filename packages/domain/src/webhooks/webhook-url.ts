import { z } from 'zod';
import { DomainRuleViolation } from '../shared/errors';
import type { WebhookKind } from '../contracts/webhooks-api';

/** Where subscriptions may point: set by the deployment, not by the admin. */
export type WebhookUrlPolicy = {
  /** Plain http as well as https: for a receiver on this machine (development and tests). */
  allowHttp: boolean;
  /** What a Slack incoming-webhook URL starts with. */
  slackUrlPrefix: string;
};

export const defaultWebhookUrlPolicy: WebhookUrlPolicy = {
  allowHttp: false,
  slackUrlPrefix: 'https://hooks.slack.com/',
};

export const WEBHOOK_URL_MAX = 2048;

const AnyUrl = z.url();
/** The parts of a URL that passed `AnyUrl`: scheme, authority, path, query (with its `?`). */
const URL_PARTS = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?/i;

const partsOf = (url: string) => {
  const [, scheme = '', authority = '', path = '', query = ''] = URL_PARTS.exec(url) ?? [];
  return { scheme: scheme.toLowerCase(), authority, path, query };
};

/** The URL without its fragment (never sent), or a rule violation naming `url`. */
export const validWebhookUrl = (kind: WebhookKind, url: string, policy: WebhookUrlPolicy) => {
  const text = url.trim();
  if (text.length > WEBHOOK_URL_MAX) {
    throw new DomainRuleViolation(`A URL must be at most ${WEBHOOK_URL_MAX} characters.`, 'url');
  }
  const parts = partsOf(text);
  if (!AnyUrl.safeParse(text).success || parts.authority === '') {
    throw new DomainRuleViolation(
      'Give the whole URL of the receiver, e.g. https://example.com/hooks/chorus.',
      'url',
    );
  }
  if (parts.scheme !== 'https' && !(parts.scheme === 'http' && policy.allowHttp)) {
    throw new DomainRuleViolation(
      'A webhook URL must start with https://: what Chorus sends must not travel in clear text.',
      'url',
    );
  }
  if (parts.authority.includes('@')) {
    throw new DomainRuleViolation(
      'Put no user name or password in the URL: the receiver checks the signature instead.',
      'url',
    );
  }
  const withoutFragment = `${parts.scheme}://${parts.authority}${parts.path || '/'}${parts.query}`;
  if (kind === 'slack' && !withoutFragment.startsWith(policy.slackUrlPrefix)) {
    throw new DomainRuleViolation(
      `A Slack URL is the URL of an incoming webhook in Slack; it starts with ${policy.slackUrlPrefix}.`,
      'url',
    );
  }
  return withoutFragment;
};

/**
 * The URL as events and screens show it. A Slack URL's last segment is its credential, and a query
 * string may carry one: both are masked. The whole URL is kept beside the log.
 */
export const shownWebhookUrl = (kind: WebhookKind, url: string): string => {
  const { scheme, authority, path, query } = partsOf(url);
  const segments = path.split('/');
  if (kind === 'slack' && segments.length > 1) segments[segments.length - 1] = '…';
  return `${scheme}://${authority}${segments.join('/')}${query === '' ? '' : '?…'}`;
};
