import { Button, SegmentedControl, Select } from '@chorus/ui';
import { useCallback, useState } from 'react';
import type { FeedbackItem, Me } from '../api/types';
import { PlusIcon } from '../icons';
import { updateSearchParams, useSearchParam } from '../lib/url-state';
import { FeedbackDetailPanel } from './feedback-detail-panel';
import { FeedbackList } from './feedback-list';
import {
  setInboxFilters,
  sortOptions,
  statusFilterOptions,
  useInboxFilters,
} from './inbox-filters';
import { NewFeedbackDialog } from './new-feedback-dialog';
import { isFeedbackStatus } from './validation';

export const FeedbackInbox = ({ me }: { me: Me }) => {
  const filters = useInboxFilters();
  const selectedId = useSearchParam('feedback');
  const [composing, setComposing] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const openFeedback = useCallback(
    (id: string) => updateSearchParams({ feedback: id }, selectedId ? 'replace' : 'push'),
    [selectedId],
  );
  const closeFeedback = useCallback(() => updateSearchParams({ feedback: null }, 'push'), []);

  const onSubmitted = (item: FeedbackItem) => {
    setComposing(false);
    setAnnouncement(`Feedback “${item.title}” submitted.`);
  };

  return (
    <div className={selectedId ? 'inbox inbox--with-detail' : 'inbox'}>
      <section className="inbox__list" aria-labelledby="inbox-title">
        <div className="page-header">
          <div>
            <h1 id="inbox-title" className="page-header__title">
              Inbox
            </h1>
            <p className="page-header__lead">
              Every idea and request shared with {me.workspace.name}.
            </p>
          </div>
          <Button variant="primary" icon={<PlusIcon />} onClick={() => setComposing(true)}>
            New feedback
          </Button>
        </div>

        <div className="toolbar">
          <SegmentedControl
            label="Sort feedback"
            value={filters.sort}
            options={sortOptions}
            onChange={(sort) => setInboxFilters({ ...filters, sort })}
          />
          <Select
            className="toolbar__status"
            label="Filter by status"
            hideLabel
            value={filters.status}
            options={statusFilterOptions}
            onChange={(event) => {
              const status = event.target.value;
              setInboxFilters({ ...filters, status: isFeedbackStatus(status) ? status : 'all' });
            }}
          />
        </div>

        <FeedbackList
          filters={filters}
          selectedId={selectedId}
          onOpen={openFeedback}
          onSubmitFeedback={() => setComposing(true)}
          onClearStatus={() => setInboxFilters({ ...filters, status: 'all' })}
        />
      </section>

      {selectedId && (
        <FeedbackDetailPanel key={selectedId} id={selectedId} me={me} onClose={closeFeedback} />
      )}

      <NewFeedbackDialog
        open={composing}
        onCancel={() => setComposing(false)}
        onSubmitted={onSubmitted}
      />
      <p className="ui-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
};
