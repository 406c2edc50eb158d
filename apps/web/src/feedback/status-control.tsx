import { allowedStatusTransitions, feedbackStatusLabels } from '@chorus/domain/client';
import { Select } from '@chorus/ui';
import { describeError } from '../api/problem-error';
import type { FeedbackItem } from '../api/types';
import { useChangeStatus } from '../queries/feedback-mutations';
import { isFeedbackStatus } from './validation';

export const StatusControl = ({ item }: { item: FeedbackItem }) => {
  const change = useChangeStatus(item.id);
  const next = allowedStatusTransitions(item.status);

  return (
    <Select
      data-testid="status-select"
      label="Status"
      value={item.status}
      disabled={next.length === 0}
      options={[
        { value: item.status, label: `${feedbackStatusLabels[item.status]} (current)` },
        ...next.map((status) => ({ value: status, label: feedbackStatusLabels[status] })),
      ]}
      aside={change.isPending ? 'Saving…' : undefined}
      hint={
        next.length === 0
          ? `${feedbackStatusLabels[item.status]} is final: it cannot move to another status.`
          : undefined
      }
      error={change.isError ? describeError(change.error) : undefined}
      onChange={(event) => {
        const status = event.target.value;
        if (isFeedbackStatus(status) && status !== item.status) change.mutate(status);
      }}
    />
  );
};
