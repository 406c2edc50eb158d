import { z } from 'zod';
import { isStaff, type Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { changedFields, definedFields } from '../shared/changes';
import { valid, validIfGiven } from '../shared/valid';
import type { BacklogItem, BacklogItemStatus } from '../backlog/backlog-item';
import { IsoDate } from '../sprints/sprint.events';
import { evolveRelease, initialRelease, type ExistingRelease, type Release } from './release';
import { ChangelogBody, ChangelogTitle, ReleaseName, type ReleaseEvent } from './release.events';

export type CreateRelease = {
  type: 'CreateRelease';
  releaseId: string;
  name: string;
  date: string;
  actor: Actor;
};
export type EditRelease = {
  type: 'EditRelease';
  releaseId: string;
  name?: string;
  date?: string;
  actor: Actor;
};
/** `item` is the backlog item folded from its own stream. */
export type AddReleaseItem = {
  type: 'AddItem';
  releaseId: string;
  itemId: string;
  item: BacklogItem;
  actor: Actor;
};
export type RemoveReleaseItem = {
  type: 'RemoveItem';
  releaseId: string;
  itemId: string;
  actor: Actor;
};
export type WriteChangelogEntry = {
  type: 'WriteChangelogEntry';
  releaseId: string;
  title: string;
  /** Markdown. */
  body: string;
  actor: Actor;
};
export type ScheduleChangelog = {
  type: 'ScheduleChangelog';
  releaseId: string;
  publishAt: string;
  now: string;
  actor: Actor;
};
export type UnscheduleChangelog = { type: 'UnscheduleChangelog'; releaseId: string; actor: Actor };
/** The release's items, each folded from its own stream, keyed by item id. */
export type ReleaseItemStates = Readonly<Record<string, BacklogItem>>;
/** A teammate publishes now. */
export type PublishRelease = {
  type: 'PublishRelease';
  releaseId: string;
  items: ReleaseItemStates;
  now: string;
  actor: Actor;
};
/**
 * The schedule came due: publishes in the name of whoever scheduled it, and only if it is still
 * scheduled for a time that has come (the poller reads a read model that may lag behind).
 */
export type PublishDueRelease = {
  type: 'PublishDueRelease';
  releaseId: string;
  items: ReleaseItemStates;
  now: string;
};

export type ReleaseCommand =
  | CreateRelease
  | EditRelease
  | AddReleaseItem
  | RemoveReleaseItem
  | WriteChangelogEntry
  | ScheduleChangelog
  | UnscheduleChangelog
  | PublishRelease
  | PublishDueRelease;

const PublishAt = z.iso.datetime({
  offset: true,
  message: 'Use a date and time like 2027-01-31T09:00:00Z.',
});

const assertTeammate = (actor: Actor) => {
  if (!isStaff(actor)) throw new ActionForbidden('Only a teammate can manage releases.');
};

const existing = (state: Release, releaseId: string): ExistingRelease => {
  if (!state.exists) throw new AggregateNotFound('Release', releaseId);
  return state;
};

/** A release still being prepared: published ones are history. */
const unpublished = (state: Release, releaseId: string): ExistingRelease => {
  const release = existing(state, releaseId);
  if (release.state === 'published') {
    throw new DomainRuleViolation(
      `Release "${release.name}" is published: it can no longer be changed.`,
    );
  }
  return release;
};

const statusInWords: Record<BacklogItemStatus, string> = {
  backlog: 'still in the backlog',
  todo: 'planned but not started',
  in_progress: 'in progress',
  in_review: 'in review',
  done: 'done but not yet accepted',
  accepted: 'accepted',
  released: 'already released',
};

const whyNotReleasable = (item: BacklogItem, itemId: string): string | null => {
  if (!item.exists) return `Backlog item ${itemId} does not exist.`;
  if (item.status === 'accepted') return null;
  return `"${item.title}" is ${statusInWords[item.status]}: only items the Product Owner accepted can be released.`;
};

const assertReadyToShip = (release: ExistingRelease, action: string) => {
  if (release.changelog === null) {
    throw new DomainRuleViolation(`Write the changelog entry before ${action} the release.`);
  }
  if (release.itemIds.length === 0) {
    throw new DomainRuleViolation(`Add at least one accepted item before ${action} the release.`);
  }
};

const create = (command: CreateRelease, state: Release): ReleaseEvent[] => {
  assertTeammate(command.actor);
  if (state.exists) {
    throw new DomainRuleViolation(`Release ${command.releaseId} already exists.`);
  }
  return [
    {
      type: 'ReleaseCreated',
      data: {
        releaseId: command.releaseId,
        name: valid(ReleaseName, command.name, 'name'),
        date: valid(IsoDate, command.date, 'date'),
        by: command.actor.id,
      },
    },
  ];
};

const edit = (command: EditRelease, state: Release): ReleaseEvent[] => {
  assertTeammate(command.actor);
  const release = unpublished(state, command.releaseId);
  const changes = changedFields(
    { name: release.name, date: release.date },
    definedFields({
      name: validIfGiven(ReleaseName, command.name, 'name'),
      date: validIfGiven(IsoDate, command.date, 'date'),
    }),
  );
  if (Object.keys(changes).length === 0) return [];
  return [
    {
      type: 'ReleaseEdited',
      data: { releaseId: command.releaseId, ...changes, by: command.actor.id },
    },
  ];
};

const addItem = (command: AddReleaseItem, state: Release): ReleaseEvent[] => {
  assertTeammate(command.actor);
  const release = unpublished(state, command.releaseId);
  if (!command.item.exists) throw new AggregateNotFound('Backlog item', command.itemId);
  if (release.itemIds.includes(command.itemId)) return [];
  const why = whyNotReleasable(command.item, command.itemId);
  if (why) throw new DomainRuleViolation(why, 'itemId');
  return [
    {
      type: 'ReleaseItemAdded',
      data: { releaseId: command.releaseId, itemId: command.itemId, by: command.actor.id },
    },
  ];
};

const removeItem = (command: RemoveReleaseItem, state: Release): ReleaseEvent[] => {
  assertTeammate(command.actor);
  const release = unpublished(state, command.releaseId);
  if (!release.itemIds.includes(command.itemId)) return [];
  if (release.state === 'scheduled' && release.itemIds.length === 1) {
    throw new DomainRuleViolation(
      'A scheduled release needs at least one item: unschedule it before removing its last item.',
      'itemId',
    );
  }
  return [
    {
      type: 'ReleaseItemRemoved',
      data: { releaseId: command.releaseId, itemId: command.itemId, by: command.actor.id },
    },
  ];
};

const writeChangelog = (command: WriteChangelogEntry, state: Release): ReleaseEvent[] => {
  assertTeammate(command.actor);
  const release = unpublished(state, command.releaseId);
  const title = valid(ChangelogTitle, command.title, 'title');
  const body = valid(ChangelogBody, command.body, 'body');
  if (release.changelog?.title === title && release.changelog.body === body) return [];
  return [
    {
      type: 'ChangelogEntryWritten',
      data: { releaseId: command.releaseId, title, body, by: command.actor.id },
    },
  ];
};

const schedule = (command: ScheduleChangelog, state: Release): ReleaseEvent[] => {
  assertTeammate(command.actor);
  const release = unpublished(state, command.releaseId);
  const publishAt = new Date(valid(PublishAt, command.publishAt, 'publishAt')).toISOString();
  if (Date.parse(publishAt) <= Date.parse(command.now)) {
    throw new DomainRuleViolation(
      'Schedule the changelog for a time in the future, or publish it now.',
      'publishAt',
    );
  }
  assertReadyToShip(release, 'scheduling');
  if (release.schedule?.publishAt === publishAt) return [];
  return [
    {
      type: 'ChangelogEntryScheduled',
      data: { releaseId: command.releaseId, publishAt, by: command.actor.id },
    },
  ];
};

const unschedule = (command: UnscheduleChangelog, state: Release): ReleaseEvent[] => {
  assertTeammate(command.actor);
  const release = unpublished(state, command.releaseId);
  if (release.state !== 'scheduled') return [];
  return [
    {
      type: 'ChangelogEntryUnscheduled',
      data: { releaseId: command.releaseId, by: command.actor.id },
    },
  ];
};

const publish = (
  release: ExistingRelease,
  items: ReleaseItemStates,
  now: string,
  by: string,
): ReleaseEvent[] => {
  if (release.state === 'published') {
    throw new DomainRuleViolation(`Release "${release.name}" was already published.`);
  }
  assertReadyToShip(release, 'publishing');
  const feedbackIds = new Set<string>();
  for (const itemId of release.itemIds) {
    const item = items[itemId] ?? { exists: false };
    const why = whyNotReleasable(item, itemId);
    if (why) throw new DomainRuleViolation(`${why} Remove it from the release first.`);
    if (item.exists) item.feedbackIds.forEach((id) => feedbackIds.add(id));
  }
  return [
    {
      type: 'ReleasePublished',
      data: {
        releaseId: release.releaseId,
        publishedAt: new Date(now).toISOString(),
        itemIds: [...release.itemIds],
        feedbackIds: [...feedbackIds],
        by,
      },
    },
  ];
};

export const releaseDecider: Decider<ReleaseCommand, ReleaseEvent, Release> = {
  initialState: initialRelease,
  evolve: evolveRelease,
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateRelease':
        return create(command, state);
      case 'EditRelease':
        return edit(command, state);
      case 'AddItem':
        return addItem(command, state);
      case 'RemoveItem':
        return removeItem(command, state);
      case 'WriteChangelogEntry':
        return writeChangelog(command, state);
      case 'ScheduleChangelog':
        return schedule(command, state);
      case 'UnscheduleChangelog':
        return unschedule(command, state);
      case 'PublishRelease':
        assertTeammate(command.actor);
        return publish(
          existing(state, command.releaseId),
          command.items,
          command.now,
          command.actor.id,
        );
      case 'PublishDueRelease': {
        const release = existing(state, command.releaseId);
        const planned = release.state === 'scheduled' ? release.schedule : null;
        if (planned === null || Date.parse(planned.publishAt) > Date.parse(command.now)) {
          return [];
        }
        return publish(release, command.items, command.now, planned.by);
      }
    }
  },
};
