import type { FeedbackEvent } from './feedback.events';
import type { FeedbackStatus } from './feedback-status';

export type Feedback =
  | { exists: false }
  | {
      exists: true;
      id: string;
      title: string;
      description: string;
      boardId: string;
      authorId: string;
      status: FeedbackStatus;
    };

export const initialFeedback = (): Feedback => ({ exists: false });

export const evolveFeedback = (state: Feedback, event: FeedbackEvent): Feedback => {
  switch (event.type) {
    case 'FeedbackSubmitted':
      return {
        exists: true,
        id: event.data.feedbackId,
        title: event.data.title,
        description: event.data.description,
        boardId: event.data.boardId,
        authorId: event.data.authorId,
        status: 'open',
      };
    case 'FeedbackEdited':
      if (!state.exists) return state;
      return {
        ...state,
        title: event.data.title ?? state.title,
        description: event.data.description ?? state.description,
        boardId: event.data.boardId ?? state.boardId,
      };
    case 'FeedbackStatusChanged':
      if (!state.exists) return state;
      return { ...state, status: event.data.to };
  }
};
