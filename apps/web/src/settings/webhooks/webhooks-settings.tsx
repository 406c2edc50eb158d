import type { CreatedWebhook, WebhookView } from '@chorus/domain/client';
import { Button, Card, EmptyState, ErrorState, Skeleton } from '@chorus/ui';
import { useState } from 'react';
import { Link } from 'wouter';
import { describeError, isProblem } from '../../api/problem-error';
import { PlusIcon, WebhookIcon } from '../../icons';
import { plural } from '../../lib/format';
import { updateSearchParams, useSearchParam } from '../../lib/url-state';
import { useWebhook, useWebhooks } from '../../queries/webhooks';
import {
  DeleteWebhookDialog,
  RotateSecretDialog,
  SecretDialog,
  type ShownSecret,
} from './webhook-dialogs';
import { WebhookDetail } from './webhook-detail';
import { WebhookFormDialog } from './webhook-form-dialog';
import { WebhookTable } from './webhook-list';

/** Which subscription the form edits: null for a new one. */
type Editing = { webhook: WebhookView | null };

const tableSkeleton = (
  <div className="table-skeleton" aria-hidden="true">
    {Array.from({ length: 3 }, (_, index) => (
      <Skeleton key={index} height="1.5rem" />
    ))}
  </div>
);

/** One subscription (`?webhook=<id>`), read from its stream: current, with the version to edit. */
const SelectedWebhook = ({
  id,
  onEdit,
  onRotate,
  onDelete,
  announce,
}: {
  id: string;
  onEdit: (webhook: WebhookView) => void;
  onRotate: (webhook: WebhookView) => void;
  onDelete: (webhook: WebhookView) => void;
  announce: (message: string) => void;
}) => {
  const webhook = useWebhook(id);
  if (webhook.data && !isProblem(webhook.error, 404)) {
    const view = webhook.data;
    return (
      <WebhookDetail
        webhook={view}
        onEdit={() => onEdit(view)}
        onRotate={() => onRotate(view)}
        onDelete={() => onDelete(view)}
        announce={announce}
      />
    );
  }
  return (
    <Card padded={false}>
      {webhook.isPending ? (
        tableSkeleton
      ) : isProblem(webhook.error, 404) || isProblem(webhook.error, 400) ? (
        <EmptyState
          icon={<WebhookIcon />}
          title="This webhook does not exist"
          hint="It may have been deleted, or the link was not copied whole."
          action={<Link href="/settings/webhooks">See all webhooks</Link>}
        />
      ) : (
        <ErrorState
          title="Couldn't load the webhook"
          detail={describeError(webhook.error)}
          onRetry={() => void webhook.refetch()}
          retrying={webhook.isFetching}
        />
      )}
    </Card>
  );
};

/** Every subscription, newest first, each a link to its detail. */
const WebhookList = ({ onNew }: { onNew: () => void }) => {
  const webhooks = useWebhooks();
  const items = webhooks.data?.items ?? [];
  return (
    <>
      <div className="webhooks__intro">
        <p className="detail__muted">
          Send the events of this workspace to other systems as they happen: signed CloudEvents to
          your own endpoint, or messages to a Slack channel. Failed deliveries are retried for a
          day, and every attempt is logged.
        </p>
        <Button variant="primary" icon={<PlusIcon />} onClick={onNew}>
          New webhook
        </Button>
      </div>
      <Card padded={false}>
        {webhooks.isPending ? (
          tableSkeleton
        ) : webhooks.isLoadingError ? (
          <ErrorState
            title="Couldn't load the webhooks"
            detail={describeError(webhooks.error)}
            onRetry={() => void webhooks.refetch()}
            retrying={webhooks.isFetching}
          />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<WebhookIcon />}
            title="No webhooks yet"
            hint="Connect a CRM, a data warehouse or a Slack channel: choose the events it needs, and Chorus sends each one as it happens."
          />
        ) : (
          <>
            <WebhookTable webhooks={items} busy={webhooks.isFetching} />
            <div className="feedback-list__footer">
              <span className="feedback-list__end">{plural(items.length, 'webhook')}</span>
            </div>
          </>
        )}
      </Card>
    </>
  );
};

/**
 * Webhooks and Slack (`integrations.manage`): the list, and with `?webhook=<id>` one
 * subscription's detail and delivery log. Secrets are shown once, after a create or a rotation.
 */
const WebhooksSettings = () => {
  const selectedId = useSearchParam('webhook');
  const [editing, setEditing] = useState<Editing | null>(null);
  const [secret, setSecret] = useState<ShownSecret | null>(null);
  const [deleting, setDeleting] = useState<WebhookView | null>(null);
  const [rotating, setRotating] = useState<WebhookView | null>(null);
  const [announcement, setAnnouncement] = useState('');

  // Slack subscriptions have no secret: nothing to show.
  const showSecret = ({ secret: value }: CreatedWebhook, by: ShownSecret['by']) => {
    if (value !== null) setSecret({ secret: value, by });
  };

  const onCreated = (created: CreatedWebhook) => {
    setEditing(null);
    showSecret(created, 'create');
    setAnnouncement(
      created.kind === 'slack' ? 'The Slack channel is connected.' : 'The webhook is created.',
    );
    updateSearchParams({ webhook: created.id }, 'push');
  };

  return (
    <div className="settings">
      {selectedId !== null ? (
        <SelectedWebhook
          id={selectedId}
          onEdit={(webhook) => setEditing({ webhook })}
          onRotate={setRotating}
          onDelete={setDeleting}
          announce={setAnnouncement}
        />
      ) : (
        <WebhookList onNew={() => setEditing({ webhook: null })} />
      )}
      <p className="ui-visually-hidden" role="status">
        {announcement}
      </p>
      <WebhookFormDialog
        open={editing !== null}
        webhook={editing?.webhook ?? null}
        onClose={() => setEditing(null)}
        onCreated={onCreated}
        onSaved={(saved) => {
          setEditing(null);
          if (saved) setAnnouncement('Your changes are saved.');
        }}
      />
      <SecretDialog shown={secret} onClose={() => setSecret(null)} />
      <RotateSecretDialog
        webhook={rotating}
        onClose={() => setRotating(null)}
        onRotated={(rotated) => {
          setRotating(null);
          showSecret(rotated, 'rotate');
        }}
      />
      <DeleteWebhookDialog
        webhook={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={() => {
          setDeleting(null);
          setAnnouncement('The webhook is deleted.');
          updateSearchParams({ webhook: null }, 'push');
        }}
      />
    </div>
  );
};

export default WebhooksSettings;
