import { Button, ErrorState, IconButton, Skeleton } from '@chorus/ui';
import { useEffect, useId, useState } from 'react';
import { describeError, isProblem } from '../api/problem-error';
import type { FeedbackItem, Me } from '../api/types';
import { CheckIcon, CloseIcon, LinkIcon } from '../icons';
import { formatDateTime, formatRelativeTime } from '../lib/format';
import { useNow } from '../lib/use-now';
import { useFeedbackDetail } from '../queries/feedback-queries';
import { FeedbackStatusBadge } from './feedback-status-badge';
import { StatusControl } from './status-control';
import { TitleEditor } from './title-editor';
import { VoteControl } from './vote-control';

type FeedbackDetailPanelProps = {
  id: string;
  me: Me;
  onClose: () => void;
};

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && target.closest('input, textarea, select') !== null;

const CopyLinkButton = () => {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = window.setTimeout(() => setCopied(false), 2000);
    return () => window.clearTimeout(timer);
  }, [copied]);
  return (
    <IconButton
      label={copied ? 'Link copied' : 'Copy link to this feedback'}
      icon={copied ? <CheckIcon /> : <LinkIcon />}
      onClick={() => {
        void navigator.clipboard.writeText(window.location.href).then(() => setCopied(true));
      }}
    />
  );
};

const DetailSkeleton = () => (
  <div className="detail__content" aria-hidden="true">
    <div className="detail__hero">
      <Skeleton width="3.75rem" height="4rem" radius="8px" />
      <div className="detail__hero-text">
        <Skeleton width="85%" height="1.25rem" />
        <Skeleton width="6rem" height="1.375rem" radius="999px" />
      </div>
    </div>
    <Skeleton height="2.25rem" />
    <Skeleton height="6rem" />
  </div>
);

const DetailBody = ({ item, me, headingId }: { item: FeedbackItem; me: Me; headingId: string }) => {
  const now = useNow();
  return (
    <div className="detail__content">
      <div className="detail__hero">
        <VoteControl item={item} />
        <div className="detail__hero-text">
          <TitleEditor item={item} headingId={headingId} />
          <div className="detail__tags">
            <FeedbackStatusBadge status={item.status} />
            <span className="detail__board">#{item.boardId}</span>
          </div>
        </div>
      </div>

      {me.role !== 'customer' && (
        <section className="detail__section" aria-label="Workflow">
          <StatusControl item={item} />
        </section>
      )}

      <section className="detail__section">
        <h3 className="detail__section-title">Description</h3>
        {item.description ? (
          <pre className="detail__description">{item.description}</pre>
        ) : (
          <p className="detail__muted">No description was given.</p>
        )}
      </section>

      <section className="detail__section">
        <h3 className="detail__section-title">Details</h3>
        <dl className="detail__facts">
          <div>
            <dt>Votes</dt>
            <dd>{item.voteCount.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Voters</dt>
            <dd>{item.voterCount.toLocaleString()}</dd>
          </div>
          <div>
            <dt>Created</dt>
            <dd>
              <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
            </dd>
          </div>
          <div>
            <dt>Last activity</dt>
            <dd>
              <time dateTime={item.lastActivityAt} title={formatDateTime(item.lastActivityAt)}>
                {formatRelativeTime(item.lastActivityAt, now)}
              </time>
            </dd>
          </div>
        </dl>
      </section>
    </div>
  );
};

export const FeedbackDetailPanel = ({ id, me, onClose }: FeedbackDetailPanelProps) => {
  const detail = useFeedbackDetail(id);
  const headingId = useId();

  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      onClose();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  let body;
  if (detail.data) {
    body = <DetailBody item={detail.data} me={me} headingId={headingId} />;
  } else if (detail.isError) {
    const missing = isProblem(detail.error, 404);
    body = (
      <div className="detail__content">
        <h2 id={headingId} className="ui-visually-hidden">
          Feedback unavailable
        </h2>
        <ErrorState
          compact
          title={missing ? 'Feedback not found' : "Couldn't load this feedback"}
          detail={
            missing
              ? 'It may have been removed, or the link points to another workspace.'
              : describeError(detail.error)
          }
          onRetry={missing ? undefined : () => void detail.refetch()}
          retrying={detail.isFetching}
        />
        {missing && <Button onClick={onClose}>Back to inbox</Button>}
      </div>
    );
  } else {
    body = (
      <>
        <h2 id={headingId} className="ui-visually-hidden">
          Loading feedback
        </h2>
        <DetailSkeleton />
      </>
    );
  }

  return (
    <aside
      className="detail"
      aria-labelledby={headingId}
      aria-busy={!detail.data}
      data-placeholder={detail.isPlaceholderData || undefined}
    >
      <div className="detail__toolbar">
        <span className="detail__eyebrow">Feedback</span>
        <div className="detail__toolbar-actions">
          <CopyLinkButton />
          <IconButton label="Close details" icon={<CloseIcon />} onClick={onClose} />
        </div>
      </div>
      {body}
    </aside>
  );
};
