import type { WebhookDeliveryView, WebhookView } from '@chorus/domain/client';
import { Badge, Button, Card } from '@chorus/ui';
import { useState } from 'react';
import { Link } from 'wouter';
import { KeyIcon, PencilIcon, TrashIcon } from '../../icons';
import { FormError } from '../../lib/form-error';
import { formatDateTime, formatRelativeTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { usePauseWebhook, useResumeWebhook, useSendTestEvent } from '../../queries/webhooks';
import { DeliveryDialog } from './delivery-dialog';
import { DeliveryLog } from './delivery-log';
import {
  eventTypeName,
  eventTypesSummary,
  kindLabels,
  kindTones,
  stateLabels,
  stateOf,
  stateTones,
  subscribesToAll,
} from './webhook-ui';

const When = ({ iso, now }: { iso: string; now: number }) => (
  <time dateTime={iso} title={formatDateTime(iso)}>
    {formatRelativeTime(iso, now)}
  </time>
);

/** Why nothing is sent, and what to do about it. */
const PausedBanner = ({ webhook, now }: { webhook: WebhookView; now: number }) => {
  const since = webhook.pausedAt ? (
    <>
      {' '}
      <When iso={webhook.pausedAt} now={now} />
    </>
  ) : null;
  return webhook.pausedReason === 'failing' ? (
    <div className="banner banner--danger" role="alert">
      <p>
        <strong>Chorus paused this webhook{since}: its deliveries kept failing.</strong> Events that
        happened since then were not sent. Check the receiver (the log below shows what it
        answered), send a test event, then resume it: the retries still waiting go out again.
      </p>
    </div>
  ) : (
    <div className="banner">
      <p>
        <strong>Paused{since}.</strong> Events that happen while it is paused are not sent, and
        waiting retries hold until it is resumed. Test events and redeliveries still go out.
      </p>
    </div>
  );
};

/**
 * One subscription: what it receives, its actions (test, pause or resume, edit, rotate the secret,
 * delete) and its delivery log, each delivery with its attempts.
 */
export const WebhookDetail = ({
  webhook,
  onEdit,
  onRotate,
  onDelete,
  announce,
}: {
  webhook: WebhookView;
  onEdit: () => void;
  onRotate: () => void;
  onDelete: () => void;
  announce: (message: string) => void;
}) => {
  const now = useNow();
  const pause = usePauseWebhook();
  const resume = useResumeWebhook();
  const test = useSendTestEvent();
  const [shown, setShown] = useState<WebhookDeliveryView | null>(null);
  const state = stateOf(webhook);

  const sendTest = () =>
    test.mutate(webhook.id, {
      onSuccess: (queued) => {
        announce('A test event is on its way.');
        setShown(queued);
      },
    });

  return (
    <div className="settings" data-testid="webhook-detail" data-webhook-id={webhook.id}>
      <p className="page-header__eyebrow">
        <Link href="/settings/webhooks">← All webhooks</Link>
      </p>
      <Card>
        <div className="webhook-head">
          <div className="webhook-head__main">
            <div className="webhook-head__badges">
              <Badge tone={kindTones[webhook.kind]}>{kindLabels[webhook.kind]}</Badge>
              <Badge tone={stateTones[state]} dot>
                {stateLabels[state]}
              </Badge>
            </div>
            <h2 className="webhook-head__title">
              <span className="webhook-url">{webhook.url}</span>
            </h2>
            {webhook.description && <p className="detail__muted">{webhook.description}</p>}
          </div>
          <div className="webhook-head__actions">
            <Button variant="primary" loading={test.isPending} onClick={sendTest}>
              Send test event
            </Button>
            {webhook.status === 'active' ? (
              <Button
                loading={pause.isPending}
                onClick={() =>
                  pause.mutate(webhook.id, { onSuccess: () => announce('The webhook is paused.') })
                }
              >
                Pause
              </Button>
            ) : (
              <Button
                loading={resume.isPending}
                onClick={() =>
                  resume.mutate(webhook.id, {
                    onSuccess: () => announce('The webhook is active again.'),
                  })
                }
              >
                Resume
              </Button>
            )}
            <Button icon={<PencilIcon />} onClick={onEdit}>
              Edit
            </Button>
            {webhook.kind === 'webhook' && (
              <Button icon={<KeyIcon />} onClick={onRotate}>
                Rotate secret
              </Button>
            )}
            <Button variant="ghost" icon={<TrashIcon />} onClick={onDelete}>
              Delete
            </Button>
          </div>
        </div>
        <FormError error={test.error ?? pause.error ?? resume.error} />
        {webhook.status === 'paused' && <PausedBanner webhook={webhook} now={now} />}
        <dl className="webhook-facts">
          <div>
            <dt>Created</dt>
            <dd>
              <When iso={webhook.createdAt} now={now} /> by {webhook.createdBy.name}
            </dd>
          </div>
          {webhook.secretPrefix && (
            <div>
              <dt>Signing secret</dt>
              <dd>
                <code>{webhook.secretPrefix}…</code>
              </dd>
            </div>
          )}
          <div className="webhook-facts__events">
            <dt>Events</dt>
            <dd>
              {subscribesToAll(webhook.eventTypes) ? (
                'All events, including kinds added later'
              ) : (
                <details>
                  <summary>{eventTypesSummary(webhook.eventTypes)}</summary>
                  <ul className="webhook-facts__types">
                    {webhook.eventTypes.map((type) => (
                      <li key={type}>
                        <code>{eventTypeName(type)}</code>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </dd>
          </div>
        </dl>
      </Card>
      <DeliveryLog webhookId={webhook.id} onOpen={setShown} />
      <DeliveryDialog webhookId={webhook.id} delivery={shown} onClose={() => setShown(null)} />
    </div>
  );
};
