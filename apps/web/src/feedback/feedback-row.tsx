import { feedbackSourceLabels } from '@chorus/domain/client';
import { Badge, cx, VisuallyHidden } from '@chorus/ui';
import type { MouseEvent } from 'react';
import type { FeedbackItem } from '../api/types';
import { FeedbackPlace, FeedbackStatusBadge, FeedbackTags } from '../catalog/catalog-ui';
import { ChevronUpIcon } from '../icons';
import { formatDateTime, formatMoney, formatRelativeTime, plural } from '../lib/format';
import { hrefWithSearchParams } from '../lib/url-state';

type FeedbackRowProps = {
  item: FeedbackItem;
  /** Open in the detail panel. */
  selected: boolean;
  /** Where j/k put the keyboard cursor. */
  cursor: boolean;
  now: number;
  onOpen: (id: string) => void;
  onFocusRow: (id: string) => void;
};

const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

export const FeedbackRow = ({
  item,
  selected,
  cursor,
  now,
  onOpen,
  onFocusRow,
}: FeedbackRowProps) => (
  <li
    className="feedback-row"
    data-testid="feedback-row"
    data-feedback-id={item.id}
    data-cursor={cursor || undefined}
  >
    <a
      className={cx('feedback-row__link', selected && 'is-selected', cursor && 'is-cursor')}
      href={hrefWithSearchParams({ feedback: item.id })}
      aria-current={selected ? 'true' : undefined}
      onFocus={() => onFocusRow(item.id)}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        onOpen(item.id);
      }}
    >
      <span className={cx('feedback-row__votes', item.votedByMe && 'is-voted')}>
        <ChevronUpIcon />
        <span className="feedback-row__vote-count">{item.voteCount.toLocaleString()}</span>
        <VisuallyHidden>
          {item.voteCount === 1 ? ' vote' : ' votes'}
          {item.votedByMe ? ', including yours' : ''}
        </VisuallyHidden>
      </span>
      <span className="feedback-row__main">
        <span className="feedback-row__title">{item.title}</span>
        <span className="feedback-row__meta">
          {item.categoryId && <FeedbackPlace item={item} className="feedback-row__place" />}
          {item.revenueCents > 0 && (
            <span
              className="feedback-row__revenue"
              title="Monthly revenue of the voters' companies"
            >
              {formatMoney(item.revenueCents, { compact: true })}
              <VisuallyHidden> MRR</VisuallyHidden>
            </span>
          )}
          {item.commentCount > 0 && <span>{plural(item.commentCount, 'comment')}</span>}
          {item.source !== 'app' && <span>{feedbackSourceLabels[item.source]}</span>}
          {item.recentVotes > 0 && <span>+{item.recentVotes} this week</span>}
          <span>
            Active{' '}
            <time dateTime={item.lastActivityAt} title={formatDateTime(item.lastActivityAt)}>
              {formatRelativeTime(item.lastActivityAt, now)}
            </time>
          </span>
        </span>
        <FeedbackTags tags={item.tags} />
      </span>
      <span className="feedback-row__status">
        {item.moderation === 'pending' && <Badge tone="amber">Pending</Badge>}
        {item.moderation === 'rejected' && <Badge tone="red">Rejected</Badge>}
        {item.spam && <Badge tone="red">Spam</Badge>}
        {item.mergedInto && <Badge>Merged</Badge>}
        {item.duplicateCount > 0 && <Badge>{plural(item.duplicateCount, 'duplicate')}</Badge>}
        <FeedbackStatusBadge status={item.status} />
      </span>
    </a>
  </li>
);
