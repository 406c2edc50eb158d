import { cx, VisuallyHidden } from '@chorus/ui';
import type { MouseEvent } from 'react';
import type { FeedbackItem } from '../api/types';
import { ChevronUpIcon } from '../icons';
import { formatDateTime, formatRelativeTime, plural } from '../lib/format';
import { hrefWithSearchParams } from '../lib/url-state';
import { FeedbackStatusBadge } from './feedback-status-badge';

type FeedbackRowProps = {
  item: FeedbackItem;
  selected: boolean;
  now: number;
  onOpen: (id: string) => void;
};

const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

export const FeedbackRow = ({ item, selected, now, onOpen }: FeedbackRowProps) => (
  <li className="feedback-row" data-testid="feedback-row" data-feedback-id={item.id}>
    <a
      className={cx('feedback-row__link', selected && 'is-selected')}
      href={hrefWithSearchParams({ feedback: item.id })}
      aria-current={selected ? 'true' : undefined}
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
          <span>{plural(item.voterCount, 'voter')}</span>
          <span aria-hidden="true">·</span>
          <span>
            Active{' '}
            <time dateTime={item.lastActivityAt} title={formatDateTime(item.lastActivityAt)}>
              {formatRelativeTime(item.lastActivityAt, now)}
            </time>
          </span>
        </span>
      </span>
      <span className="feedback-row__status">
        <FeedbackStatusBadge status={item.status} />
      </span>
    </a>
  </li>
);
