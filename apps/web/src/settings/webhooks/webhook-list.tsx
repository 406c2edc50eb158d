import type { WebhookView } from '@chorus/domain/client';
import { Badge } from '@chorus/ui';
import { Link } from 'wouter';
import { formatDateTime, formatRelativeTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import {
  deliveryStatusLabels,
  deliveryStatusTones,
  eventTypesSummary,
  kindLabels,
  kindTones,
  stateLabels,
  stateOf,
  stateTones,
} from './webhook-ui';

const When = ({ iso, now }: { iso: string; now: number }) => (
  <time dateTime={iso} title={formatDateTime(iso)}>
    {formatRelativeTime(iso, now)}
  </time>
);

const webhookHref = (id: string) => `/settings/webhooks?webhook=${encodeURIComponent(id)}`;

const WebhookRow = ({ webhook, now }: { webhook: WebhookView; now: number }) => {
  const state = stateOf(webhook);
  const last = webhook.lastDelivery;
  return (
    <tr data-testid="webhook-row" data-webhook-id={webhook.id} data-state={state}>
      <td>
        <Badge tone={kindTones[webhook.kind]}>{kindLabels[webhook.kind]}</Badge>
      </td>
      <th scope="row" className="webhooks__endpoint">
        <Link href={webhookHref(webhook.id)} className="webhook-url">
          {webhook.url}
        </Link>
        {webhook.description && <span className="table__hint">{webhook.description}</span>}
      </th>
      <td>{eventTypesSummary(webhook.eventTypes)}</td>
      <td>
        <Badge tone={stateTones[state]} dot>
          {stateLabels[state]}
        </Badge>
        {state === 'failing' && (
          <span className="table__hint webhooks__warning">
            Deliveries kept failing: check the receiver, then resume it.
          </span>
        )}
      </td>
      <td>
        {last ? (
          <>
            <Badge tone={deliveryStatusTones[last.status]} dot>
              {deliveryStatusLabels[last.status]}
              {last.statusCode !== null && ` · ${last.statusCode}`}
            </Badge>
            <span className="table__hint webhooks__when">
              <When iso={last.at} now={now} />
            </span>
          </>
        ) : (
          <span className="table__hint">None yet</span>
        )}
      </td>
    </tr>
  );
};

/** Every subscription of the workspace, newest first; each opens its detail and delivery log. */
export const WebhookTable = ({ webhooks, busy }: { webhooks: WebhookView[]; busy: boolean }) => {
  const now = useNow();
  return (
    <div className="webhooks__scroll">
      <table className="table" aria-busy={busy}>
        <caption className="ui-visually-hidden">Webhooks, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Kind</th>
            <th scope="col">URL</th>
            <th scope="col">Events</th>
            <th scope="col">Status</th>
            <th scope="col">Last delivery</th>
          </tr>
        </thead>
        <tbody>
          {webhooks.map((webhook) => (
            <WebhookRow key={webhook.id} webhook={webhook} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
};
