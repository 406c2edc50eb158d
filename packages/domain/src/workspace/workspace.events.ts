import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';

export const WorkspaceName = z
  .string()
  .trim()
  .min(2, 'Workspace name must be at least 2 characters.')
  .max(100, 'Workspace name must be at most 100 characters.');
export const WorkspaceSlug = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/,
    'Workspace slug must be 1 to 48 lowercase letters, digits or inner dashes.',
  );

export const WorkspaceCreatedV1 = defineEvent(
  'WorkspaceCreated',
  1,
  z.object({ workspaceId: z.uuid(), name: WorkspaceName, slug: WorkspaceSlug }),
);
export const WorkspaceRenamedV1 = defineEvent(
  'WorkspaceRenamed',
  1,
  z.object({ workspaceId: z.uuid(), name: WorkspaceName }),
);

export type WorkspaceCreated = {
  type: 'WorkspaceCreated';
  data: z.infer<typeof WorkspaceCreatedV1.schema>;
};
export type WorkspaceRenamed = {
  type: 'WorkspaceRenamed';
  data: z.infer<typeof WorkspaceRenamedV1.schema>;
};
export type WorkspaceEvent = WorkspaceCreated | WorkspaceRenamed;

export const workspaceEventDefinitions = [WorkspaceCreatedV1, WorkspaceRenamedV1];
