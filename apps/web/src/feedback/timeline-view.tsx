import { ErrorState, Skeleton } from '@chorus/ui';
import { describeError } from '../api/problem-error';
import { formatDateTime, formatRelativeTime } from '../lib/format';
import { useNow } from '../lib/use-now';
import { useTimeline } from '../queries/feedback-queries';

export const TimelineView = ({ feedbackId }: { feedbackId: string }) => {
  const timeline = useTimeline(feedbackId);
  const now = useNow();

  if (timeline.isPending) {
    return (
      <div aria-hidden="true" className="comments__loading">
        <Skeleton height="1.25rem" />
        <Skeleton height="1.25rem" />
        <Skeleton height="1.25rem" />
      </div>
    );
  }
  if (timeline.isError) {
    return (
      <ErrorState
        compact
        title="Couldn't load the timeline"
        detail={describeError(timeline.error)}
        onRetry={() => void timeline.refetch()}
        retrying={timeline.isFetching}
      />
    );
  }
  if (timeline.data.entries.length === 0) {
    return <p className="detail__muted">Nothing has happened yet.</p>;
  }
  return (
    <ol className="timeline" aria-label="Timeline">
      {timeline.data.entries.map((entry, index) => (
        <li key={`${entry.at}-${entry.type}-${index}`} className="timeline__entry">
          <span className="timeline__dot" aria-hidden="true" />
          <p className="timeline__summary">{entry.summary}</p>
          <p className="timeline__meta">
            <time dateTime={entry.at} title={formatDateTime(entry.at)}>
              {formatRelativeTime(entry.at, now)}
            </time>
            {entry.viaDuplicateId && <span> · on a merged duplicate</span>}
          </p>
        </li>
      ))}
    </ol>
  );
};
