import { createEventRegistry } from './shared/event-registry';
import { feedbackEventDefinitions } from './feedback/feedback.events';
import { voteEventDefinitions } from './vote/vote.events';
import { workspaceEventDefinitions } from './workspace/workspace.events';

export * from './shared/actor';
export * from './shared/decider';
export * from './shared/errors';
export * from './shared/event-registry';
export * from './feedback/feedback-status';
export * from './feedback/feedback.events';
export * from './feedback/feedback';
export * from './feedback/feedback.decider';
export * from './vote/vote.events';
export * from './vote/ballot.decider';
export * from './workspace/workspace.events';
export * from './workspace/workspace.decider';
export * from './read-models/feedback-list.projection';
export * from './shared/roles';
export * from './contracts/feedback-api';

/** Every event type Chorus stores, at every schema version it has had. */
export const chorusEvents = createEventRegistry([
  ...workspaceEventDefinitions,
  ...feedbackEventDefinitions,
  ...voteEventDefinitions,
]);
