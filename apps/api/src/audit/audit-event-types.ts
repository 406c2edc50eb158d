import {
  backlogItemEventDefinitions,
  catalogEventDefinitions,
  chorusEvents,
  commentEventDefinitions,
  customerEventDefinitions,
  feedbackEventDefinitions,
  followEventDefinitions,
  initiativeEventDefinitions,
  notificationEventDefinitions,
  releaseEventDefinitions,
  scoringEventDefinitions,
  sprintEventDefinitions,
  voteEventDefinitions,
  workspaceEventDefinitions,
  apiKeyEventDefinitions,
  personEventDefinitions,
  type AuditEventTypeArea,
  type EventDefinition,
} from '@chorus/domain';
import { eventTypeLabel } from './audit-summary';

/** Every event type the store accepts: the registry is the only list of them. */
export const auditableTypes: ReadonlySet<string> = new Set(
  chorusEvents.definitions.map((definition) => definition.type),
);

const areas: readonly (readonly [string, readonly EventDefinition[]])[] = [
  ['Feedback', feedbackEventDefinitions],
  ['Votes', voteEventDefinitions],
  ['Comments', commentEventDefinitions],
  ['Follows', followEventDefinitions],
  ['Customers and companies', customerEventDefinitions],
  ['Backlog', backlogItemEventDefinitions],
  ['Prioritisation', scoringEventDefinitions],
  ['Sprints', sprintEventDefinitions],
  ['Roadmap', initiativeEventDefinitions],
  ['Releases', releaseEventDefinitions],
  ['Notifications', notificationEventDefinitions],
  ['Workspace', workspaceEventDefinitions],
  ['People', personEventDefinitions],
  ['API keys', apiKeyEventDefinitions],
  ['Catalog', catalogEventDefinitions],
];

const typesOf = (definitions: readonly EventDefinition[]) =>
  [...new Set(definitions.map((definition) => definition.type))].map((type) => ({
    type,
    label: eventTypeLabel(type),
  }));

/** The registry's types by area; a type of an area not listed here yet still shows, under Other. */
export const auditEventAreas: readonly AuditEventTypeArea[] = (() => {
  const grouped = areas.map(([area, definitions]) => ({ area, types: typesOf(definitions) }));
  const placed = new Set(grouped.flatMap((group) => group.types.map((t) => t.type)));
  const others = chorusEvents.definitions.filter((definition) => !placed.has(definition.type));
  return others.length > 0 ? [...grouped, { area: 'Other', types: typesOf(others) }] : grouped;
})();
