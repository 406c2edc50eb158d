import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import { IsoDate } from '../sprints/sprint.events';

export const ReleaseName = z
  .string()
  .trim()
  .min(1, 'A release needs a name.')
  .max(100, 'A release name must be at most 100 characters.');
export const ChangelogTitle = z
  .string()
  .trim()
  .min(3, 'A changelog title must be at least 3 characters.')
  .max(200, 'A changelog title must be at most 200 characters.');
export const ChangelogBody = z
  .string()
  .max(50_000, 'A changelog entry must be at most 50,000 characters of markdown.');

export const ReleaseCreatedV1 = defineEvent(
  'ReleaseCreated',
  1,
  z.object({ releaseId: z.uuid(), name: ReleaseName, date: IsoDate, by: z.string().min(1) }),
);
export const ReleaseEditedV1 = defineEvent(
  'ReleaseEdited',
  1,
  z.object({
    releaseId: z.uuid(),
    name: ReleaseName.optional(),
    date: IsoDate.optional(),
    by: z.string().min(1),
  }),
);
export const ReleaseItemAddedV1 = defineEvent(
  'ReleaseItemAdded',
  1,
  z.object({ releaseId: z.uuid(), itemId: z.uuid(), by: z.string().min(1) }),
);
export const ReleaseItemRemovedV1 = defineEvent(
  'ReleaseItemRemoved',
  1,
  z.object({ releaseId: z.uuid(), itemId: z.uuid(), by: z.string().min(1) }),
);
/** The release's changelog entry, as last saved: a draft until scheduled or published. */
export const ChangelogEntryWrittenV1 = defineEvent(
  'ChangelogEntryWritten',
  1,
  z.object({
    releaseId: z.uuid(),
    title: ChangelogTitle,
    body: ChangelogBody,
    by: z.string().min(1),
  }),
);
export const ChangelogEntryScheduledV1 = defineEvent(
  'ChangelogEntryScheduled',
  1,
  z.object({ releaseId: z.uuid(), publishAt: z.iso.datetime(), by: z.string().min(1) }),
);
/** Back to a draft: the schedule is dropped. */
export const ChangelogEntryUnscheduledV1 = defineEvent(
  'ChangelogEntryUnscheduled',
  1,
  z.object({ releaseId: z.uuid(), by: z.string().min(1) }),
);
/**
 * Published: in the same transaction its items are marked released, the feedback they answer
 * done, and everyone who asked is notified (events on those streams).
 */
export const ReleasePublishedV1 = defineEvent(
  'ReleasePublished',
  1,
  z.object({
    releaseId: z.uuid(),
    publishedAt: z.iso.datetime(),
    itemIds: z.array(z.uuid()),
    feedbackIds: z.array(z.uuid()),
    by: z.string().min(1),
  }),
);

type DataOf<D extends { schema: z.ZodType }> = z.infer<D['schema']>;
export type ReleaseEvent =
  | { type: 'ReleaseCreated'; data: DataOf<typeof ReleaseCreatedV1> }
  | { type: 'ReleaseEdited'; data: DataOf<typeof ReleaseEditedV1> }
  | { type: 'ReleaseItemAdded'; data: DataOf<typeof ReleaseItemAddedV1> }
  | { type: 'ReleaseItemRemoved'; data: DataOf<typeof ReleaseItemRemovedV1> }
  | { type: 'ChangelogEntryWritten'; data: DataOf<typeof ChangelogEntryWrittenV1> }
  | { type: 'ChangelogEntryScheduled'; data: DataOf<typeof ChangelogEntryScheduledV1> }
  | { type: 'ChangelogEntryUnscheduled'; data: DataOf<typeof ChangelogEntryUnscheduledV1> }
  | { type: 'ReleasePublished'; data: DataOf<typeof ReleasePublishedV1> };

export const releaseEventDefinitions = [
  ReleaseCreatedV1,
  ReleaseEditedV1,
  ReleaseItemAddedV1,
  ReleaseItemRemovedV1,
  ChangelogEntryWrittenV1,
  ChangelogEntryScheduledV1,
  ChangelogEntryUnscheduledV1,
  ReleasePublishedV1,
];

export const releaseStreamId = (releaseId: string): string => `release-${releaseId}`;
