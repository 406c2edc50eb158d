import type { z } from 'zod';
import type {
  AcceptanceCriterion,
  BacklogItemEvent,
  BacklogItemKind,
  WorkState,
} from './backlog.events';

export type Criterion = z.infer<typeof AcceptanceCriterion>;

/**
 * Where an item is in its life. `backlog`: waiting to be planned. In a sprint it moves through
 * the work states; the Product Owner accepts a done item (or rejects it back to in progress);
 * a published release marks it released.
 */
export type BacklogItemStatus = 'backlog' | z.infer<typeof WorkState> | 'accepted' | 'released';

export type BacklogItem =
  | { exists: false }
  | {
      exists: true;
      itemId: string;
      kind: z.infer<typeof BacklogItemKind>;
      parentId: string | null;
      title: string;
      description: string;
      acceptanceCriteria: Criterion[];
      estimate: number | null;
      labels: string[];
      ownerId: string | null;
      rank: string;
      feedbackIds: string[];
      initiativeId: string | null;
      factors: Record<string, number>;
      status: BacklogItemStatus;
      sprintId: string | null;
      releaseId: string | null;
    };

export const initialBacklogItem = (): BacklogItem => ({ exists: false });

/** Definition of Ready: the team knows when it is done (criteria) and how big it is (estimate). */
export const whyNotReady = (
  item: Pick<Extract<BacklogItem, { exists: true }>, 'title' | 'acceptanceCriteria' | 'estimate'>,
): string | null => {
  const missing = [
    item.acceptanceCriteria.length === 0 ? 'acceptance criteria' : null,
    item.estimate === null ? 'an estimate' : null,
  ].filter((m): m is string => m !== null);
  return missing.length === 0
    ? null
    : `"${item.title}" is not ready: it needs ${missing.join(' and ')}.`;
};

export const evolveBacklogItem = (state: BacklogItem, event: BacklogItemEvent): BacklogItem => {
  if (event.type === 'BacklogItemCreated') {
    const { createdBy: _createdBy, ...fields } = event.data;
    return {
      exists: true,
      ...fields,
      acceptanceCriteria: fields.acceptanceCriteria.map((c) => ({ ...c })),
      labels: [...fields.labels],
      feedbackIds: [],
      initiativeId: null,
      factors: {},
      status: 'backlog',
      sprintId: null,
      releaseId: null,
    };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'BacklogItemEdited': {
      const { itemId: _itemId, by: _by, ...changes } = event.data;
      const defined = Object.fromEntries(
        Object.entries(changes).filter(([, value]) => value !== undefined),
      );
      return { ...state, ...defined };
    }
    case 'AcceptanceCriteriaChanged':
      return { ...state, acceptanceCriteria: event.data.criteria.map((c) => ({ ...c })) };
    case 'AcceptanceCriterionChecked':
      return {
        ...state,
        acceptanceCriteria: state.acceptanceCriteria.map((c) =>
          c.id === event.data.criterionId ? { ...c, met: event.data.met } : c,
        ),
      };
    case 'BacklogItemRanked':
      return { ...state, rank: event.data.rank };
    case 'FeedbackLinkedToBacklogItem':
      return { ...state, feedbackIds: [...state.feedbackIds, event.data.feedbackId] };
    case 'FeedbackUnlinkedFromBacklogItem':
      return {
        ...state,
        feedbackIds: state.feedbackIds.filter((id) => id !== event.data.feedbackId),
      };
    case 'BacklogItemInitiativeSet':
      return { ...state, initiativeId: event.data.initiativeId };
    case 'BacklogItemFactorsSet':
      return { ...state, factors: { ...state.factors, ...event.data.factors } };
    case 'BacklogItemPlanned':
      return { ...state, status: 'todo', sprintId: event.data.sprintId };
    case 'BacklogItemUnplanned':
      return { ...state, status: 'backlog', sprintId: null };
    case 'BacklogItemWorkStateChanged':
      return { ...state, status: event.data.to };
    case 'BacklogItemAccepted':
      return { ...state, status: 'accepted' };
    case 'BacklogItemRejected':
      return { ...state, status: 'in_progress' };
    case 'BacklogItemReleased':
      return { ...state, status: 'released', releaseId: event.data.releaseId };
  }
};
