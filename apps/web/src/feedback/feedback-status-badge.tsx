import { feedbackStatusLabels, type FeedbackStatus } from '@chorus/domain/client';
import { StatusBadge } from '@chorus/ui';

export const FeedbackStatusBadge = ({ status }: { status: FeedbackStatus }) => (
  <StatusBadge status={status} label={feedbackStatusLabels[status]} />
);
