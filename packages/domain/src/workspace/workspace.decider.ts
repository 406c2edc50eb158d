import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import type { Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { WorkspaceName, WorkspaceSlug, type WorkspaceEvent } from './workspace.events';

export type Workspace =
  { exists: false } | { exists: true; id: string; name: string; slug: string };

export type CreateWorkspace = {
  type: 'CreateWorkspace';
  workspaceId: string;
  name: string;
  slug: string;
  actor: Actor;
};
export type RenameWorkspace = {
  type: 'RenameWorkspace';
  workspaceId: string;
  name: string;
  actor: Actor;
};
export type WorkspaceCommand = CreateWorkspace | RenameWorkspace;

const parseName = (name: string): string => {
  const result = WorkspaceName.safeParse(name);
  if (!result.success) throw new DomainRuleViolation(result.error.issues[0]!.message, 'name');
  return result.data;
};

const assertAdmin = (actor: Actor): void => {
  if (actor.role !== 'admin') throw new ActionForbidden('Only an admin can manage the workspace.');
};

export const workspaceDecider: Decider<WorkspaceCommand, WorkspaceEvent, Workspace> = {
  initialState: () => ({ exists: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'WorkspaceCreated':
        return {
          exists: true,
          id: event.data.workspaceId,
          name: event.data.name,
          slug: event.data.slug,
        };
      case 'WorkspaceRenamed':
        return state.exists ? { ...state, name: event.data.name } : state;
    }
  },
  decide: (command, state) => {
    assertAdmin(command.actor);
    switch (command.type) {
      case 'CreateWorkspace': {
        if (state.exists) throw new DomainRuleViolation('The workspace already exists.');
        const slug = WorkspaceSlug.safeParse(command.slug);
        if (!slug.success) throw new DomainRuleViolation(slug.error.issues[0]!.message, 'slug');
        return [
          {
            type: 'WorkspaceCreated',
            data: {
              workspaceId: command.workspaceId,
              name: parseName(command.name),
              slug: slug.data,
            },
          },
        ];
      }
      case 'RenameWorkspace': {
        if (!state.exists) throw new AggregateNotFound('Workspace', command.workspaceId);
        const name = parseName(command.name);
        return name === state.name
          ? []
          : [{ type: 'WorkspaceRenamed', data: { workspaceId: command.workspaceId, name } }];
      }
    }
  },
};

export const workspaceStreamId = (workspaceId: string): string => `workspace-${workspaceId}`;
