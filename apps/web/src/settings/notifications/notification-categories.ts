import type { NotificationCategory } from '@chorus/domain/client';

/** What each category sends, and when. */
export const categoryDetails: Record<NotificationCategory, { label: string; sends: string }> = {
  shipped: {
    label: 'Shipped',
    sends: 'When a release ships a request you asked for, voted on or follow.',
  },
  status_changes: {
    label: 'Status changes',
    sends: 'When a request you follow moves to another status, such as planned or in progress.',
  },
  comments: {
    label: 'Comments',
    sends: 'When someone comments publicly on a request you follow.',
  },
  merges: {
    label: 'Merges',
    sends:
      'When a request you follow is merged into another one: your vote and follow move with it.',
  },
  mentions: {
    label: 'Mentions',
    sends: 'When a teammate mentions you in a comment, internal ones included.',
  },
  weekly_digest: {
    label: 'Weekly digest',
    sends:
      "Once a week, with the week's numbers: new feedback, votes, the most wanted requests and what shipped.",
  },
};
