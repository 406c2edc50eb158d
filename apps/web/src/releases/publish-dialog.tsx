import type { ReleaseView } from '@chorus/domain/client';
import { Button, Dialog } from '@chorus/ui';
import { Link } from 'wouter';
import { FormError } from '../lib/form-error';
import { formatDateTime, plural } from '../lib/format';
import { usePublishRelease } from './release-queries';

const PublishBody = ({
  release,
  unsavedChangelog,
  publicChangelogHref,
  onClose,
}: {
  release: ReleaseView;
  unsavedChangelog: boolean;
  publicChangelogHref: string | null;
  onClose: () => void;
}) => {
  const publish = usePublishRelease(release.id);
  const published = publish.data;

  if (published) {
    return (
      <>
        <div className="composer__fields" role="status" data-testid="publish-result">
          <p>
            <strong>{published.name}</strong> was published
            {published.publishedAt && ` on ${formatDateTime(published.publishedAt)}`}.
          </p>
          <ul className="publish__effects">
            <li>{plural(published.items.length, 'item')} released.</li>
            <li>
              {plural(published.linkedFeedbackCount, 'linked feedback item')} marked done (unless it
              was already).
            </li>
            <li>Everyone who voted on or follows that feedback has been notified.</li>
          </ul>
          {publicChangelogHref && (
            <p>
              <Link className="publish__link" href={publicChangelogHref}>
                See it on the public changelog
              </Link>
            </p>
          )}
        </div>
        <footer className="composer__footer">
          {/* The dialog is open already: React's own autoFocus places it. */}
          <Button variant="primary" autoFocus onClick={onClose}>
            Done
          </Button>
        </footer>
      </>
    );
  }

  const missing = [
    ...(release.items.length === 0 ? ['items'] : []),
    ...(release.changelog === null ? ['a saved changelog entry'] : []),
  ];

  return (
    <>
      <div className="composer__fields">
        <p>Publishing now will, at once:</p>
        <ul className="publish__effects">
          <li>
            put the changelog entry{release.changelog && <> “{release.changelog.title}”</>} on the
            public changelog;
          </li>
          <li>mark {plural(release.items.length, 'item')} as released;</li>
          <li>
            mark{' '}
            <strong data-testid="publish-feedback-count">
              {plural(release.linkedFeedbackCount, 'linked feedback item')}
            </strong>{' '}
            done;
          </li>
          <li>notify everyone who voted on or follows that feedback.</li>
        </ul>
        <p className="detail__muted">This cannot be undone.</p>
        {unsavedChangelog && (
          <p className="banner banner--pending" role="status">
            The changelog has unsaved changes: the last saved entry is what gets published.
          </p>
        )}
        {missing.length > 0 && (
          <p className="form-error" role="status">
            It needs {missing.join(' and ')} first.
          </p>
        )}
        <FormError error={publish.error} />
      </div>
      <footer className="composer__footer">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button
          variant="primary"
          data-autofocus
          loading={publish.isPending}
          disabled={missing.length > 0}
          onClick={() => publish.mutate()}
        >
          Publish now
        </Button>
      </footer>
    </>
  );
};

export const PublishDialog = ({
  open,
  onClose,
  ...props
}: {
  open: boolean;
  release: ReleaseView;
  unsavedChangelog: boolean;
  publicChangelogHref: string | null;
  onClose: () => void;
}) => (
  <Dialog open={open} onClose={onClose} title={`Publish ${props.release.name}`}>
    <PublishBody {...props} onClose={onClose} />
  </Dialog>
);
