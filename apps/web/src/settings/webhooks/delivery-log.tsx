import {
  webhookDeliveryStatuses,
  type WebhookDeliveryStatus,
  type WebhookDeliveryView,
} from '@chorus/domain/client';
import {
  Badge,
  Button,
  Card,
  EmptyState,
  ErrorState,
  SegmentedControl,
  Skeleton,
} from '@chorus/ui';
import { useState } from 'react';
import { describeError } from '../../api/problem-error';
import { formatDateTime, formatRelativeTime, plural } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { useDeliveries } from '../../queries/webhooks';
import { deliveryStatusLabels, deliveryStatusTones, shortEventType } from './webhook-ui';

type Filter = 'all' | WebhookDeliveryStatus;

const filterOptions: { value: Filter; label: string }[] = [
  { value: 'all', label: 'All' },
  ...webhookDeliveryStatuses.map((status) => ({
    value: status,
    label: deliveryStatusLabels[status],
  })),
];

const When = ({ iso, now }: { iso: string; now: number }) => (
  <time dateTime={iso} title={formatDateTime(iso)}>
    {formatRelativeTime(iso, now)}
  </time>
);

const DeliveryRow = ({
  delivery,
  now,
  onOpen,
}: {
  delivery: WebhookDeliveryView;
  now: number;
  onOpen: () => void;
}) => (
  <tr data-testid="delivery-row" data-delivery-id={delivery.id} data-status={delivery.status}>
    <th scope="row">
      <button type="button" className="delivery-log__open" onClick={onOpen}>
        {shortEventType(delivery.eventType)}
        <span className="ui-visually-hidden">, show the attempts</span>
      </button>
      {delivery.subject && (
        <span className="table__hint delivery-log__subject">{delivery.subject}</span>
      )}
    </th>
    <td>
      <When iso={delivery.createdAt} now={now} />
    </td>
    <td>
      <Badge tone={deliveryStatusTones[delivery.status]} dot>
        {deliveryStatusLabels[delivery.status]}
      </Badge>
      {delivery.status === 'retrying' && delivery.nextAttemptAt && (
        <span className="table__hint delivery-log__next">
          next <When iso={delivery.nextAttemptAt} now={now} />
        </span>
      )}
    </td>
    <td className="table__number">{delivery.attemptCount.toLocaleString()}</td>
    <td className="table__number">{delivery.lastStatusCode ?? '—'}</td>
  </tr>
);

/** A subscription's deliveries, newest first: filtered by status, a page at a time. */
export const DeliveryLog = ({
  webhookId,
  onOpen,
}: {
  webhookId: string;
  onOpen: (delivery: WebhookDeliveryView) => void;
}) => {
  const [filter, setFilter] = useState<Filter>('all');
  const [refreshing, setRefreshing] = useState(false);
  const deliveries = useDeliveries(webhookId, filter === 'all' ? null : filter);
  const now = useNow(15_000);
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];

  const refresh = () => {
    setRefreshing(true);
    void deliveries.refetch().finally(() => setRefreshing(false));
  };

  return (
    <Card padded={false}>
      <div className="card__header delivery-log__header">
        <h3 className="card__title">Delivery log</h3>
        <div className="delivery-log__tools">
          <SegmentedControl
            label="Show deliveries"
            value={filter}
            options={filterOptions}
            onChange={setFilter}
          />
          <Button size="sm" variant="ghost" loading={refreshing} onClick={refresh}>
            Refresh
          </Button>
        </div>
      </div>
      {deliveries.isPending ? (
        <div className="table-skeleton" aria-hidden="true">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} height="1.5rem" />
          ))}
        </div>
      ) : deliveries.isLoadingError ? (
        <ErrorState
          title="Couldn't load the deliveries"
          detail={describeError(deliveries.error)}
          onRetry={() => void deliveries.refetch()}
          retrying={deliveries.isFetching}
        />
      ) : items.length === 0 ? (
        <EmptyState
          title={
            filter === 'all'
              ? 'No deliveries yet'
              : `No ${deliveryStatusLabels[filter].toLowerCase()} deliveries`
          }
          hint={
            filter === 'all'
              ? 'Chorus sends an event here as soon as one of the chosen kinds happens. Send a test event to try the receiver now.'
              : undefined
          }
        />
      ) : (
        <>
          <div className="delivery-log__scroll">
            <table className="table" aria-busy={deliveries.isFetching}>
              <caption className="ui-visually-hidden">Deliveries, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">Time</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="table__number">
                    Attempts
                  </th>
                  <th scope="col" className="table__number">
                    Last status code
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((delivery) => (
                  <DeliveryRow
                    key={delivery.id}
                    delivery={delivery}
                    now={now}
                    onOpen={() => onOpen(delivery)}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div className="feedback-list__footer">
            {deliveries.isFetchNextPageError && (
              <ErrorState
                compact
                title="Couldn't load more"
                detail={describeError(deliveries.error)}
              />
            )}
            {deliveries.hasNextPage ? (
              <Button
                onClick={() => void deliveries.fetchNextPage()}
                loading={deliveries.isFetchingNextPage}
              >
                Load more
              </Button>
            ) : (
              <span className="feedback-list__end">
                {plural(items.length, 'delivery', 'deliveries')}
              </span>
            )}
          </div>
        </>
      )}
    </Card>
  );
};
