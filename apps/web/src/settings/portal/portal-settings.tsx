import type { PortalSecret, PortalSecretStatus } from '@chorus/domain/client';
import { Badge, Button, Card, ErrorState, Skeleton } from '@chorus/ui';
import { useState } from 'react';
import { describeError } from '../../api/problem-error';
import { KeyIcon } from '../../icons';
import { formatDateTime, formatRelativeTime } from '../../lib/format';
import { FormError } from '../../lib/form-error';
import { useNow } from '../../lib/use-now';
import { useMakePortalSecret, usePortalSecretStatus } from '../../queries/portal';
import { HostCodeSample } from './host-code-sample';
import { MadeSecretDialog, ReplaceSecretDialog } from './portal-secret-dialogs';

const SecretStatus = ({
  status,
  onMade,
}: {
  status: PortalSecretStatus;
  onMade: (made: PortalSecret) => void;
}) => {
  const now = useNow();
  // The first secret replaces nothing: it is made at once. Replacing one asks first.
  const make = useMakePortalSecret();
  const [replacing, setReplacing] = useState(false);
  return (
    <div className="portal-secret">
      <div className="portal-secret__status">
        {status.configured ? (
          <Badge tone="green" dot>
            Secret set
          </Badge>
        ) : (
          <Badge tone="neutral">No secret</Badge>
        )}
        <p data-testid="portal-secret-status">
          {status.configured && status.createdAt ? (
            <>
              Your application signs with the secret made{' '}
              <time dateTime={status.createdAt} title={formatDateTime(status.createdAt)}>
                {formatRelativeTime(status.createdAt, now)}
              </time>
              .
            </>
          ) : (
            'Make a secret for your application to sign its users’ sign-in tokens with.'
          )}
        </p>
      </div>
      <div className="portal-secret__actions">
        <FormError error={make.error} inline />
        <Button
          variant={status.configured ? 'secondary' : 'primary'}
          icon={<KeyIcon />}
          loading={make.isPending}
          onClick={() =>
            status.configured ? setReplacing(true) : make.mutate(undefined, { onSuccess: onMade })
          }
        >
          Make a new secret
        </Button>
      </div>
      <ReplaceSecretDialog
        open={replacing}
        onClose={() => setReplacing(false)}
        onMade={(made) => {
          setReplacing(false);
          onMade(made);
        }}
      />
    </div>
  );
};

/**
 * Signing a host application's users in to the portal (admins): the secret it signs their
 * tokens with, made and shown once, and how to sign.
 */
export const PortalSettings = ({ workspace }: { workspace: string }) => {
  const status = usePortalSecretStatus();
  const [made, setMade] = useState<PortalSecret | null>(null);
  return (
    <div className="settings">
      <p className="detail__muted portal-settings__intro">
        Your product&apos;s own users can give feedback and vote in the portal as themselves,
        without a second account: your application signs a short-lived token saying who they are,
        and Chorus signs them in as customers, with their company.
      </p>
      <Card>
        {status.isPending ? (
          <Skeleton height="2.25rem" />
        ) : status.isLoadingError ? (
          <ErrorState
            compact
            title="Couldn't load the portal secret's status"
            detail={describeError(status.error)}
            onRetry={() => void status.refetch()}
            retrying={status.isFetching}
          />
        ) : (
          <SecretStatus status={status.data} onMade={setMade} />
        )}
      </Card>
      <Card>
        <HostCodeSample workspace={workspace} />
      </Card>
      <MadeSecretDialog made={made} onClose={() => setMade(null)} />
    </div>
  );
};
