import { isStaff, type Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { ActionForbidden, DomainRuleViolation } from '../shared/errors';
import { changedFields } from '../shared/changes';
import { valid, validIfGiven } from '../shared/valid';
import type { StatusKind } from '../feedback/feedback-workflow';
import { findStatus, initialCatalog, type Board, type Catalog } from './catalog';
import {
  BoardIdSchema,
  BoardVisibility,
  CatalogName,
  CategoryId,
  Colour,
  StatusId,
  StatusKindSchema,
  TagId,
  type CatalogEvent,
} from './catalog.events';

type WithActor<C> = C & { actor: Actor };
export type CatalogCommand = WithActor<
  | {
      type: 'CreateBoard';
      boardId: string;
      name: string;
      visibility?: Board['visibility'];
      requiresApproval?: boolean;
    }
  | {
      type: 'UpdateBoard';
      boardId: string;
      name?: string;
      visibility?: Board['visibility'];
      requiresApproval?: boolean;
    }
  | { type: 'CreateCategory'; boardId: string; categoryId: string; name: string }
  | { type: 'RenameCategory'; boardId: string; categoryId: string; name: string }
  | { type: 'CreateTag'; tagId: string; name: string; colour: string }
  | { type: 'UpdateTag'; tagId: string; name?: string; colour?: string }
  | { type: 'DeleteTag'; tagId: string }
  | { type: 'CreateStatus'; statusId: string; name: string; colour: string; kind: StatusKind }
  | { type: 'UpdateStatus'; statusId: string; name?: string; colour?: string }
  | { type: 'SetStatusTransitions'; statusId: string; transitions: string[] }
>;

export const evolveCatalog = (state: Catalog, event: CatalogEvent): Catalog => {
  switch (event.type) {
    case 'BoardCreated':
      return {
        ...state,
        boards: [
          ...state.boards,
          {
            id: event.data.boardId,
            name: event.data.name,
            visibility: event.data.visibility,
            requiresApproval: event.data.requiresApproval,
            categories: [],
          },
        ],
      };
    case 'BoardUpdated': {
      const { boardId, ...changes } = event.data;
      return {
        ...state,
        boards: state.boards.map((b) => (b.id === boardId ? { ...b, ...changes } : b)),
      };
    }
    case 'CategoryCreated':
    case 'CategoryRenamed': {
      const { boardId, categoryId, name } = event.data;
      return {
        ...state,
        boards: state.boards.map((b) =>
          b.id !== boardId
            ? b
            : {
                ...b,
                categories: b.categories.some((c) => c.id === categoryId)
                  ? b.categories.map((c) => (c.id === categoryId ? { ...c, name } : c))
                  : [...b.categories, { id: categoryId, name }],
              },
        ),
      };
    }
    case 'TagCreated':
      return {
        ...state,
        tags: [
          ...state.tags,
          { id: event.data.tagId, name: event.data.name, colour: event.data.colour },
        ],
      };
    case 'TagUpdated': {
      const { tagId, ...changes } = event.data;
      return { ...state, tags: state.tags.map((t) => (t.id === tagId ? { ...t, ...changes } : t)) };
    }
    case 'TagDeleted':
      return { ...state, tags: state.tags.filter((t) => t.id !== event.data.tagId) };
    case 'StatusCreated':
      return {
        ...state,
        statuses: [
          ...state.statuses,
          {
            id: event.data.statusId,
            name: event.data.name,
            colour: event.data.colour,
            kind: event.data.kind,
            transitions: [],
          },
        ],
      };
    case 'StatusUpdated': {
      const { statusId, ...changes } = event.data;
      return {
        ...state,
        statuses: state.statuses.map((s) => (s.id === statusId ? { ...s, ...changes } : s)),
      };
    }
    case 'StatusTransitionsSet':
      return {
        ...state,
        statuses: state.statuses.map((s) =>
          s.id === event.data.statusId ? { ...s, transitions: [...event.data.transitions] } : s,
        ),
      };
  }
};

const decideCatalog = (command: CatalogCommand, state: Catalog): CatalogEvent[] => {
  if (!isStaff(command.actor)) {
    throw new ActionForbidden('Only a teammate can change boards, tags and statuses.');
  }
  switch (command.type) {
    case 'CreateBoard': {
      const boardId = valid(BoardIdSchema, command.boardId, 'boardId');
      if (state.boards.some((b) => b.id === boardId)) {
        throw new DomainRuleViolation(`A board with id "${boardId}" already exists.`, 'boardId');
      }
      return [
        {
          type: 'BoardCreated',
          data: {
            boardId,
            name: valid(CatalogName('Board'), command.name, 'name'),
            visibility: valid(BoardVisibility, command.visibility ?? 'public', 'visibility'),
            requiresApproval: command.requiresApproval ?? false,
          },
        },
      ];
    }
    case 'UpdateBoard': {
      const board = state.boards.find((b) => b.id === command.boardId);
      if (!board)
        throw new DomainRuleViolation(`There is no board "${command.boardId}".`, 'boardId');
      const changes = changedFields(board, {
        name: validIfGiven(CatalogName('Board'), command.name, 'name'),
        visibility: validIfGiven(BoardVisibility, command.visibility, 'visibility'),
        requiresApproval: command.requiresApproval,
      });
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'BoardUpdated', data: { boardId: board.id, ...changes } }];
    }
    case 'CreateCategory':
    case 'RenameCategory': {
      const board = state.boards.find((b) => b.id === command.boardId);
      if (!board)
        throw new DomainRuleViolation(`There is no board "${command.boardId}".`, 'boardId');
      const categoryId = valid(CategoryId, command.categoryId, 'categoryId');
      const name = valid(CatalogName('Category'), command.name, 'name');
      const existing = board.categories.find((c) => c.id === categoryId);
      if (command.type === 'CreateCategory' && existing) {
        throw new DomainRuleViolation(
          `Board "${board.name}" already has a category "${categoryId}".`,
          'categoryId',
        );
      }
      if (command.type === 'RenameCategory' && !existing) {
        throw new DomainRuleViolation(
          `Board "${board.name}" has no category "${categoryId}".`,
          'categoryId',
        );
      }
      if (existing?.name === name) return [];
      return [
        {
          type: command.type === 'CreateCategory' ? 'CategoryCreated' : 'CategoryRenamed',
          data: { boardId: board.id, categoryId, name },
        },
      ];
    }
    case 'CreateTag': {
      const tagId = valid(TagId, command.tagId, 'tagId');
      if (state.tags.some((t) => t.id === tagId)) {
        throw new DomainRuleViolation(`A tag with id "${tagId}" already exists.`, 'tagId');
      }
      return [
        {
          type: 'TagCreated',
          data: {
            tagId,
            name: valid(CatalogName('Tag'), command.name, 'name'),
            colour: valid(Colour, command.colour, 'colour'),
          },
        },
      ];
    }
    case 'UpdateTag': {
      const tag = state.tags.find((t) => t.id === command.tagId);
      if (!tag) throw new DomainRuleViolation(`There is no tag "${command.tagId}".`, 'tagId');
      const changes = changedFields(tag, {
        name: validIfGiven(CatalogName('Tag'), command.name, 'name'),
        colour: validIfGiven(Colour, command.colour, 'colour'),
      });
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'TagUpdated', data: { tagId: tag.id, ...changes } }];
    }
    case 'DeleteTag':
      if (!state.tags.some((t) => t.id === command.tagId)) return [];
      return [{ type: 'TagDeleted', data: { tagId: command.tagId } }];
    case 'CreateStatus': {
      const statusId = valid(StatusId, command.statusId, 'statusId');
      if (findStatus(state, statusId)) {
        throw new DomainRuleViolation(`A status with id "${statusId}" already exists.`, 'statusId');
      }
      return [
        {
          type: 'StatusCreated',
          data: {
            statusId,
            name: valid(CatalogName('Status'), command.name, 'name'),
            colour: valid(Colour, command.colour, 'colour'),
            kind: valid(StatusKindSchema, command.kind, 'kind'),
          },
        },
      ];
    }
    case 'UpdateStatus': {
      const status = findStatus(state, command.statusId);
      if (!status) {
        throw new DomainRuleViolation(`There is no status "${command.statusId}".`, 'statusId');
      }
      const changes = changedFields(status, {
        name: validIfGiven(CatalogName('Status'), command.name, 'name'),
        colour: validIfGiven(Colour, command.colour, 'colour'),
      });
      if (Object.keys(changes).length === 0) return [];
      return [{ type: 'StatusUpdated', data: { statusId: status.id, ...changes } }];
    }
    case 'SetStatusTransitions': {
      const status = findStatus(state, command.statusId);
      if (!status) {
        throw new DomainRuleViolation(`There is no status "${command.statusId}".`, 'statusId');
      }
      const transitions = [...new Set(command.transitions)];
      const unknown = transitions.find((id) => !findStatus(state, id));
      if (unknown !== undefined) {
        throw new DomainRuleViolation(`There is no status "${unknown}" to move to.`, 'transitions');
      }
      if (transitions.includes(status.id)) {
        throw new DomainRuleViolation('A status cannot move to itself.', 'transitions');
      }
      if (
        transitions.length === status.transitions.length &&
        transitions.every((id) => status.transitions.includes(id))
      ) {
        return [];
      }
      return [{ type: 'StatusTransitionsSet', data: { statusId: status.id, transitions } }];
    }
  }
};

export const catalogDecider: Decider<CatalogCommand, CatalogEvent, Catalog> = {
  initialState: initialCatalog,
  evolve: evolveCatalog,
  decide: decideCatalog,
};

export const catalogStreamId = (workspaceId: string): string => `catalog-${workspaceId}`;
