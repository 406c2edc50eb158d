import type { WebhookAttemptView, WebhookDeliveryDetail } from '@chorus/domain/client';
import { Badge, Button, Dialog, ErrorState, Skeleton } from '@chorus/ui';
import { describeError } from '../../api/problem-error';
import { FormError } from '../../lib/form-error';
import { formatDateTime, formatRelativeTime, plural } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useDelivery, useRedeliver } from '../../queries/webhooks';
import {
  deliveryStatusLabels,
  deliveryStatusTones,
  shortEventType,
  statusCodeText,
} from './webhook-ui';

const When = ({ iso, now }: { iso: string; now: number }) => (
  <time dateTime={iso} title={formatDateTime(iso)}>
    {formatRelativeTime(iso, now)}
  </time>
);

/** A JSON body indented for reading; anything else as it came. */
const readable = (body: string): string => {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
};

const codeTone = (code: number | null) =>
  code === null ? 'red' : code >= 200 && code < 300 ? 'green' : code >= 500 ? 'red' : 'amber';

const Attempt = ({
  attempt,
  latest,
  now,
}: {
  attempt: WebhookAttemptView;
  latest: boolean;
  now: number;
}) => (
  <li className="delivery-attempt" data-testid="delivery-attempt" data-number={attempt.number}>
    <div className="delivery-attempt__head">
      <span className="delivery-attempt__title">
        Attempt {attempt.number}
        {attempt.trigger === 'redeliver' && <span className="table__hint"> · redelivered</span>}
      </span>
      <Badge tone={codeTone(attempt.statusCode)} dot>
        {statusCodeText(attempt.statusCode)}
      </Badge>
      <span className="table__hint">
        <When iso={attempt.startedAt} now={now} /> · {attempt.durationMs.toLocaleString()} ms
      </span>
    </div>
    {attempt.error && <p className="delivery-attempt__error">{attempt.error}</p>}
    {attempt.responseBodyExcerpt !== null && (
      <div className="delivery-attempt__block">
        <p className="delivery-attempt__label">Response (first kilobyte)</p>
        <pre className="delivery-code" tabIndex={0}>
          {attempt.responseBodyExcerpt || '(empty)'}
        </pre>
      </div>
    )}
    <details className="delivery-attempt__request" open={latest}>
      <summary>Request as sent</summary>
      <p className="delivery-attempt__url">
        <code>POST {attempt.request.url}</code>
      </p>
      <table className="table delivery-headers">
        <caption className="ui-visually-hidden">Headers of attempt {attempt.number}</caption>
        <tbody>
          {Object.entries(attempt.request.headers).map(([name, value]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>
                <code>{value}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="delivery-attempt__label">Body</p>
      <pre className="delivery-code" tabIndex={0}>
        {readable(attempt.request.body)}
      </pre>
    </details>
  </li>
);

const DeliveryBody = ({
  delivery,
  webhookId,
}: {
  delivery: WebhookDeliveryDetail;
  webhookId: string;
}) => {
  const now = useNow(15_000);
  const redeliver = useRedeliver();
  const underway = delivery.status === 'pending';
  // Newest first: a redelivery's attempt shows on top.
  const attempts = [...delivery.attempts].reverse();
  return (
    <div className="composer__fields delivery-detail" data-testid="delivery-detail">
      <dl className="delivery-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <Badge tone={deliveryStatusTones[delivery.status]} dot>
              {deliveryStatusLabels[delivery.status]}
            </Badge>
          </dd>
        </div>
        <div>
          <dt>Event</dt>
          <dd>
            <code>{delivery.eventType}</code>
          </dd>
        </div>
        <div>
          <dt>Event id</dt>
          <dd>
            <code>{delivery.eventId}</code>
          </dd>
        </div>
        <div>
          <dt>Subject</dt>
          <dd>{delivery.subject ? <code>{delivery.subject}</code> : '—'}</dd>
        </div>
        <div>
          <dt>Created</dt>
          <dd>
            <When iso={delivery.createdAt} now={now} />
          </dd>
        </div>
        <div>
          <dt>Next attempt</dt>
          <dd>{delivery.nextAttemptAt ? <When iso={delivery.nextAttemptAt} now={now} /> : '—'}</dd>
        </div>
      </dl>
      <div className="delivery-detail__actions">
        <p className="delivery-detail__state" role="status">
          {underway
            ? 'Sending now…'
            : redeliver.isSuccess
              ? 'Redelivered: the new attempt is the first below.'
              : ''}
        </p>
        <Button
          loading={redeliver.isPending || (redeliver.isSuccess && underway)}
          disabled={underway}
          onClick={() => redeliver.mutate({ id: webhookId, deliveryId: delivery.id })}
        >
          Redeliver
        </Button>
      </div>
      <FormError error={redeliver.error} />
      <section aria-label="Attempts">
        <h3 className="delivery-detail__heading">{plural(delivery.attemptCount, 'attempt')}</h3>
        {attempts.length === 0 ? (
          <p className="detail__muted">
            No attempt yet: the first one is made within seconds of the event.
          </p>
        ) : (
          <ol className="delivery-attempts">
            {attempts.map((attempt, index) => (
              <Attempt key={attempt.id} attempt={attempt} latest={index === 0} now={now} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
};

const DeliveryLoader = ({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) => {
  const delivery = useDelivery(webhookId, deliveryId);
  if (delivery.isPending) {
    return (
      <div className="table-skeleton" aria-hidden="true">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} height="1.5rem" />
        ))}
      </div>
    );
  }
  if (delivery.isLoadingError) {
    return (
      <div className="composer__fields">
        <ErrorState
          title="Couldn't load the delivery"
          detail={describeError(delivery.error)}
          onRetry={() => void delivery.refetch()}
          retrying={delivery.isFetching}
        />
      </div>
    );
  }
  return <DeliveryBody delivery={delivery.data} webhookId={webhookId} />;
};

/** One delivery: every attempt with what came back, the request as sent, and Redeliver. */
export const DeliveryDialog = ({
  webhookId,
  delivery,
  onClose,
}: {
  webhookId: string;
  /** The delivery shown, as the log lists it; null when closed. */
  delivery: { id: string; eventType: string } | null;
  onClose: () => void;
}) => (
  <Dialog
    open={delivery !== null}
    onClose={onClose}
    className="delivery-dialog"
    title={delivery ? `Delivery of ${shortEventType(delivery.eventType)}` : 'Delivery'}
  >
    {delivery && <DeliveryLoader webhookId={webhookId} deliveryId={delivery.id} />}
  </Dialog>
);
