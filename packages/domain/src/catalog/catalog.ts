import {
  DEFAULT_BOARD_ID,
  defaultStatuses,
  type FeedbackStatus,
  type StatusDefinition,
} from '../feedback/feedback-workflow';

// The catalog's shapes without zod, so the web app can use them.

export type BoardVisibilityName = 'public' | 'private';
/** A subdivision of a board ("Reporting", "Permissions"): each post may sit in one. */
export type Category = { id: string; name: string };
export type Board = {
  id: string;
  name: string;
  visibility: BoardVisibilityName;
  /** New posts by customers wait for a teammate's approval before they are public. */
  requiresApproval: boolean;
  categories: Category[];
};
export type Tag = { id: string; name: string; colour: string };

/** A workspace's boards, tags and status workflow: the settings feedback is filed against. */
export type Catalog = { boards: Board[]; tags: Tag[]; statuses: StatusDefinition[] };

export const defaultBoard: Board = {
  id: DEFAULT_BOARD_ID,
  name: 'General',
  visibility: 'public',
  requiresApproval: false,
  categories: [],
};

/** Every workspace starts with the General board and the default workflow, without any events. */
export const initialCatalog = (): Catalog => ({
  boards: [{ ...defaultBoard, categories: [] }],
  tags: [],
  statuses: defaultStatuses.map((s) => ({ ...s, transitions: [...s.transitions] })),
});

export const findStatus = (
  catalog: Pick<Catalog, 'statuses'>,
  statusId: FeedbackStatus,
): StatusDefinition | undefined => catalog.statuses.find((s) => s.id === statusId);
