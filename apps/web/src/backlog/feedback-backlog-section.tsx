import { Button, ErrorState, Skeleton } from '@chorus/ui';
import { lazy, Suspense, useState } from 'react';
import { Link } from 'wouter';
import { describeError } from '../api/problem-error';
import { useCan } from '../auth/use-can';
import { useFeedbackBacklogItems } from './backlog-queries';
import { backlogItemHref, BacklogStatusBadge, formatPoints, KindBadge } from './backlog-ui';

// The dialog loads only when someone creates a story, keeping the inbox's bundle small.
const NewItemDialog = lazy(async () => ({
  default: (await import('./new-item-dialog')).NewItemDialog,
}));

/**
 * The feedback panel's Backlog section: the items that answer this feedback, and a story to
 * create from it, its title taken from the feedback's.
 */
export const FeedbackBacklogSection = ({
  feedback,
  onAnnounce,
}: {
  feedback: { id: string; title: string };
  onAnnounce: (message: string) => void;
}) => {
  const items = useFeedbackBacklogItems(feedback.id);
  const [creating, setCreating] = useState(false);
  const planner = useCan()('backlog.plan');

  return (
    <section className="detail__section" aria-labelledby="detail-backlog">
      <h3 id="detail-backlog" className="detail__section-title">
        Backlog
      </h3>
      {items.isPending ? (
        <Skeleton height="1.5rem" />
      ) : items.isError ? (
        <ErrorState
          compact
          title="Couldn't load the backlog items"
          detail={describeError(items.error)}
          onRetry={() => void items.refetch()}
          retrying={items.isFetching}
        />
      ) : items.data.items.length === 0 ? (
        <p className="detail__muted">No backlog item answers this feedback yet.</p>
      ) : (
        <ul className="feedback-backlog" aria-label="Backlog items answering this feedback">
          {items.data.items.map((item) => (
            <li key={item.id} className="feedback-backlog__item">
              <KindBadge kind={item.kind} />
              <Link className="feedback-backlog__title" href={backlogItemHref(item.id)}>
                {item.title}
              </Link>
              <span className="detail__muted">{formatPoints(item.estimate)}</span>
              <BacklogStatusBadge status={item.status} />
            </li>
          ))}
        </ul>
      )}
      {planner && (
        <div className="detail__actions">
          <Button size="sm" variant="secondary" onClick={() => setCreating(true)}>
            Create story from this feedback
          </Button>
        </div>
      )}
      {creating && planner && (
        <Suspense fallback={null}>
          <NewItemDialog
            open
            preset={{ kind: 'story', title: feedback.title, feedback }}
            onCancel={() => setCreating(false)}
            onCreated={(_id, title) => {
              setCreating(false);
              onAnnounce(`Created the story “${title}”.`);
            }}
          />
        </Suspense>
      )}
    </section>
  );
};
