import { feedbackSourceLabels } from '@chorus/domain/client';
import { Button, ErrorState, IconButton, Skeleton, Tabs } from '@chorus/ui';
import { useEffect, useId, useState } from 'react';
import { describeError, isProblem } from '../api/problem-error';
import type { FeedbackItem, Me } from '../api/types';
import { useCan } from '../auth/use-can';
import { FeedbackPlace, FeedbackStatusBadge } from '../catalog/catalog-ui';
import { FeedbackBacklogSection } from '../backlog/feedback-backlog-section';
import { CommentsThread } from '../comments/comments-thread';
import { CheckIcon, CloseIcon, LinkIcon } from '../icons';
import { formatDateTime, formatMoney, formatRelativeTime } from '../lib/format';
import { hasModifier, isDialogOpen, isTyping } from '../lib/keyboard';
import { useNow } from '../lib/use-now';
import { useFeedbackDetail } from '../queries/feedback-queries';
import {
  FollowToggle,
  MergedBanner,
  ModerationBanner,
  OnBehalfVote,
  SpamBadge,
  CategoryEditor,
  SpamToggle,
  TagsEditor,
} from './detail-actions';
import { StatusPicker } from './status-picker';
import { TimelineView } from './timeline-view';
import { TitleEditor } from './title-editor';
import { VoteControl } from './vote-control';

type FeedbackDetailPanelProps = {
  id: string;
  me: Me;
  onClose: () => void;
  onOpen: (id: string) => void;
  onMerge: () => void;
  onAnnounce: (message: string) => void;
};

type Tab = 'details' | 'comments' | 'timeline';

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

const Facts = ({ item }: { item: FeedbackItem }) => {
  const now = useNow();
  return (
    <dl className="detail__facts">
      <div>
        <dt>Votes</dt>
        <dd>{item.voteCount.toLocaleString()}</dd>
      </div>
      <div>
        <dt>Revenue (MRR)</dt>
        <dd>{formatMoney(item.revenueCents)}</dd>
      </div>
      <div>
        <dt>Votes this week</dt>
        <dd>{item.recentVotes.toLocaleString()}</dd>
      </div>
      <div>
        <dt>Duplicates merged in</dt>
        <dd>{item.duplicateCount.toLocaleString()}</dd>
      </div>
      <div>
        <dt>Source</dt>
        <dd>{feedbackSourceLabels[item.source]}</dd>
      </div>
      <div>
        <dt>First response</dt>
        <dd>
          {item.firstResponseAt ? (
            <time dateTime={item.firstResponseAt}>{formatDateTime(item.firstResponseAt)}</time>
          ) : (
            'Unanswered'
          )}
        </dd>
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
  );
};

const DetailsTab = ({
  item,
  me,
  onMerge,
  onAnnounce,
}: {
  item: FeedbackItem;
  me: Me;
  onMerge: () => void;
  onAnnounce: (message: string) => void;
}) => {
  const can = useCan();
  const triager = can('feedback.triage');
  return (
    <div className="detail__sections">
      {triager && (
        <section className="detail__section" aria-labelledby="detail-status">
          <h3 id="detail-status" className="detail__section-title">
            Status
          </h3>
          <StatusPicker item={item} compact />
        </section>
      )}
      {triager && (
        <section className="detail__section" aria-labelledby="detail-tags">
          <h3 id="detail-tags" className="detail__section-title">
            Tags
          </h3>
          <TagsEditor item={item} onAnnounce={onAnnounce} />
        </section>
      )}
      {triager && (
        <section className="detail__section" aria-labelledby="detail-category">
          <h3 id="detail-category" className="detail__section-title">
            Category
          </h3>
          <CategoryEditor item={item} onAnnounce={onAnnounce} />
        </section>
      )}
      {triager && (
        <section className="detail__section" aria-labelledby="detail-actions">
          <h3 id="detail-actions" className="detail__section-title">
            Actions
          </h3>
          <div className="detail__actions">
            <FollowToggle item={item} me={me} />
            {!item.mergedInto && (
              <Button size="sm" variant="ghost" onClick={onMerge}>
                Merge into…
              </Button>
            )}
            <SpamToggle item={item} onAnnounce={onAnnounce} />
          </div>
          {!item.mergedInto && (
            <div className="detail__on-behalf">
              <OnBehalfVote item={item} onAnnounce={onAnnounce} />
            </div>
          )}
        </section>
      )}
      {can('feedback.internal.read') && (
        <FeedbackBacklogSection
          feedback={{ id: item.id, title: item.title }}
          onAnnounce={onAnnounce}
        />
      )}
      {item.quote && (
        <section className="detail__section">
          <h3 className="detail__section-title">In their words</h3>
          <blockquote className="detail__quote">{item.quote}</blockquote>
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
        <Facts item={item} />
      </section>
    </div>
  );
};

const DetailBody = ({
  item,
  me,
  headingId,
  onOpen,
  onMerge,
  onAnnounce,
}: {
  item: FeedbackItem;
  me: Me;
  headingId: string;
  onOpen: (id: string) => void;
  onMerge: () => void;
  onAnnounce: (message: string) => void;
}) => {
  const [tab, setTab] = useState<Tab>('details');
  const can = useCan();
  // Staff fix any post; a customer only their own (the API's rule).
  const editable =
    can('feedback.triage') || (can('feedback.participate') && item.authorId === me.id);
  return (
    <div className="detail__content">
      <MergedBanner item={item} onOpen={onOpen} onAnnounce={onAnnounce} />
      <ModerationBanner item={item} onAnnounce={onAnnounce} />
      <div className="detail__hero">
        <VoteControl item={item} />
        <div className="detail__hero-text">
          <TitleEditor item={item} headingId={headingId} editable={editable} />
          <div className="detail__tags">
            <FeedbackStatusBadge status={item.status} />
            <SpamBadge item={item} />
            <FeedbackPlace item={item} className="detail__board" />
          </div>
        </div>
      </div>
      <Tabs
        label="Feedback sections"
        value={tab}
        onChange={setTab}
        tabs={[
          {
            value: 'details',
            label: 'Details',
            panel: <DetailsTab item={item} me={me} onMerge={onMerge} onAnnounce={onAnnounce} />,
          },
          {
            value: 'comments',
            label: `Comments${item.commentCount > 0 ? ` (${item.commentCount})` : ''}`,
            panel: <CommentsThread feedbackId={item.id} me={me} />,
          },
          ...(can('feedback.internal.read')
            ? [
                {
                  value: 'timeline' as const,
                  label: 'Timeline',
                  panel: <TimelineView feedbackId={item.id} />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
};

export const FeedbackDetailPanel = ({
  id,
  me,
  onClose,
  onOpen,
  onMerge,
  onAnnounce,
}: FeedbackDetailPanelProps) => {
  const detail = useFeedbackDetail(id);
  const headingId = useId();

  useEffect(() => {
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isTyping(event.target)) return;
      if (hasModifier(event) || isDialogOpen()) return;
      onClose();
    };
    document.addEventListener('keydown', closeOnEscape);
    return () => document.removeEventListener('keydown', closeOnEscape);
  }, [onClose]);

  let body;
  if (detail.data) {
    body = (
      <DetailBody
        item={detail.data}
        me={me}
        headingId={headingId}
        onOpen={onOpen}
        onMerge={onMerge}
        onAnnounce={onAnnounce}
      />
    );
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
