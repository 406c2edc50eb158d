import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { EntityManager } from 'typeorm';
import {
  backlogItemKinds,
  backlogItemStreamId,
  evolveBacklogItem,
  evolveRelease,
  initialBacklogItem,
  initialRelease,
  releaseStates,
  releaseStreamId,
  type BacklogItem,
  type BacklogItemEvent,
  type ChangelogEntryView,
  type ChangelogPage,
  type ExistingRelease,
  type Release,
  type ReleaseEvent,
  type ReleaseItemView,
  type ReleasePage,
  type ReleaseView,
} from '@chorus/domain';
import type { PostgresEventStore } from '@chorus/event-store';
import { asDomainEvent } from '../platform/run-decider';
import { iso } from '../platform/sql-time';

export const ReleaseIdParamSchema = z.object({ id: z.uuid('Release id must be a UUID.') });
export class ReleaseIdParam extends createZodDto(ReleaseIdParamSchema) {}
export const ReleaseItemParamSchema = ReleaseIdParamSchema.extend({
  itemId: z.uuid('Backlog item id must be a UUID.'),
});
export class ReleaseItemParam extends createZodDto(ReleaseItemParamSchema) {}

const ReleaseItemViewSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(backlogItemKinds),
  status: z.string().describe('accepted until the release is published, then released'),
  estimate: z.number().nullable(),
}) satisfies z.ZodType<ReleaseItemView>;

export const ReleaseViewSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  date: z.iso.date(),
  state: z.enum(releaseStates),
  publishAt: z.iso.datetime().nullable().describe('When the schedule publishes it'),
  publishedAt: z.iso.datetime().nullable(),
  items: z.array(ReleaseItemViewSchema),
  changelog: z.object({ title: z.string(), body: z.string().describe('Markdown') }).nullable(),
  linkedFeedbackCount: z
    .number()
    .int()
    .describe('Feedback linked to its items: publishing marks it done and notifies who asked'),
  version: z.number().int().describe('Send it back as If-Match to edit'),
}) satisfies z.ZodType<ReleaseView>;
export class ReleaseViewDto extends createZodDto(ReleaseViewSchema) {}

export const ReleasePageSchema = z.object({
  items: z.array(ReleaseViewSchema),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<ReleasePage>;
export class ReleasePageDto extends createZodDto(ReleasePageSchema) {}

const ChangelogEntryViewSchema = z.object({
  releaseId: z.uuid(),
  name: z.string(),
  date: z.iso.date(),
  title: z.string(),
  body: z.string().describe('Markdown'),
  publishedAt: z.iso.datetime(),
  items: z.array(ReleaseItemViewSchema.pick({ id: true, title: true, kind: true })),
}) satisfies z.ZodType<ChangelogEntryView>;
export const ChangelogPageSchema = z.object({
  items: z.array(ChangelogEntryViewSchema),
  nextCursor: z.string().nullable(),
}) satisfies z.ZodType<ChangelogPage>;
export class ChangelogPageDto extends createZodDto(ChangelogPageSchema) {}

type Queryable = Pick<EntityManager, 'query'>;

export type FoldedRelease = { state: Release; version: number };
export type FoldedBacklogItem = { state: BacklogItem; version: number };

/** Reads and folds a release's stream, in the workspace only. */
export const readRelease = async (
  store: PostgresEventStore,
  workspaceId: string,
  releaseId: string,
  manager?: Queryable,
): Promise<FoldedRelease> => {
  const events = await store.readStream(releaseStreamId(releaseId), { workspaceId, manager });
  return {
    state: events
      .map((e) => asDomainEvent<ReleaseEvent>(e))
      .reduce(evolveRelease, initialRelease()),
    version: events.length,
  };
};

/** Reads and folds backlog item streams of one workspace in one round trip. */
export const readBacklogItems = async (
  store: PostgresEventStore,
  workspaceId: string,
  itemIds: readonly string[],
  manager?: Queryable,
): Promise<Map<string, FoldedBacklogItem>> => {
  const streams = await store.readStreams(itemIds.map(backlogItemStreamId), {
    workspaceId,
    manager,
  });
  return new Map(
    itemIds.map((id) => {
      const events = streams.get(backlogItemStreamId(id)) ?? [];
      return [
        id,
        {
          state: events
            .map((e) => asDomainEvent<BacklogItemEvent>(e))
            .reduce(evolveBacklogItem, initialBacklogItem()),
          version: events.length,
        },
      ];
    }),
  );
};

/** The view of a release as its own stream and its items' streams say it is now. */
export const releaseViewOf = (
  release: ExistingRelease,
  version: number,
  items: ReadonlyMap<string, BacklogItem>,
): ReleaseView => {
  const existing = release.itemIds.flatMap((id) => {
    const item = items.get(id);
    return item?.exists ? [item] : [];
  });
  return {
    id: release.releaseId,
    name: release.name,
    date: release.date,
    state: release.state,
    publishAt: release.schedule?.publishAt ?? null,
    publishedAt: release.publishedAt,
    items: existing.map((item) => ({
      id: item.itemId,
      title: item.title,
      kind: item.kind,
      status: item.status,
      estimate: item.estimate,
    })),
    changelog: release.changelog,
    linkedFeedbackCount: new Set(existing.flatMap((item) => item.feedbackIds)).size,
    version,
  };
};

/**
 * A release row with its items from the backlog read model, in the release's order, and the
 * number of distinct feedback its items answer. `r` is the `releases` row.
 */
export const RELEASE_VIEW_SELECT = `
  SELECT r.id, r.name, r.date::text AS date, r.state, ${iso('r.publish_at')} AS "publishAt",
    ${iso('r.published_at')} AS "publishedAt", r.changelog_title, r.changelog_body, r.version,
    ${iso('r.created_at')} AS "createdAt",
    coalesce((SELECT jsonb_agg(jsonb_build_object('id', b.id, 'title', b.title, 'kind', b.kind,
        'status', b.status, 'estimate', b.estimate::float8)
        ORDER BY array_position(r.item_ids, b.id))
      FROM backlog_items b WHERE b.workspace_id = r.workspace_id AND b.id = ANY(r.item_ids)),
      '[]'::jsonb) AS items,
    (SELECT count(DISTINCT l.feedback_id)::int FROM backlog_item_feedback l
      WHERE l.workspace_id = r.workspace_id AND l.item_id = ANY(r.item_ids)) AS "linkedFeedbackCount"
  FROM releases r`;

export type ReleaseRecord = Omit<ReleaseView, 'changelog'> & {
  changelog_title: string | null;
  changelog_body: string | null;
  createdAt: string;
};

export const toReleaseView = ({
  changelog_title: title,
  changelog_body: body,
  createdAt: _createdAt,
  ...row
}: ReleaseRecord): ReleaseView => ({
  ...row,
  changelog: title === null || body === null ? null : { title, body },
});

/** One release of the workspace, from the read model; null when there is none. */
export const findRelease = async (
  db: Queryable,
  workspaceId: string,
  releaseId: string,
): Promise<ReleaseView | null> => {
  const [row] = await db.query<ReleaseRecord[]>(
    `${RELEASE_VIEW_SELECT} WHERE r.workspace_id = $1 AND r.id = $2`,
    [workspaceId, releaseId],
  );
  return row ? toReleaseView(row) : null;
};
