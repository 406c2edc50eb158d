import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { ChangelogEntryView } from '@chorus/domain';
import { CursorId, keysetCursor } from '../../platform/keyset-cursor';
import { iso } from '../../platform/sql-time';
import { ListChangelogQuery } from './list-changelog.query';

/** Where a page ended: the publication time and id of its last entry. */
const changelogCursor = keysetCursor(z.tuple([z.iso.datetime(), CursorId]));

/** Published entries, newest publication first, with their items from the backlog read model. */
@QueryHandler(ListChangelogQuery)
export class ListChangelogHandler implements IQueryHandler<ListChangelogQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ workspace, limit, cursor }: ListChangelogQuery) {
    const workspaceId = await this.workspaceIdOf(workspace);
    if (workspaceId === null) return null;
    const params: unknown[] = [workspaceId];
    const where = [`r.workspace_id = $1`, `r.state = 'published'`];
    if (cursor !== undefined) {
      params.push(...changelogCursor.decode(cursor));
      where.push(`(r.published_at, r.id) < ($2::timestamptz, $3::uuid)`);
    }
    params.push(limit + 1);
    const rows = await this.db.query<ChangelogEntryView[]>(
      `SELECT r.id AS "releaseId", r.name, r.date::text AS date, r.changelog_title AS title,
         r.changelog_body AS body, ${iso('r.published_at')} AS "publishedAt",
         coalesce((SELECT jsonb_agg(jsonb_build_object('id', b.id, 'title', b.title, 'kind', b.kind)
             ORDER BY array_position(r.item_ids, b.id))
           FROM backlog_items b WHERE b.workspace_id = r.workspace_id AND b.id = ANY(r.item_ids)),
           '[]'::jsonb) AS items
       FROM releases r WHERE ${where.join(' AND ')}
       ORDER BY r.published_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page,
      nextCursor:
        rows.length > limit && last
          ? changelogCursor.encode([last.publishedAt, last.releaseId])
          : null,
    };
  }

  private async workspaceIdOf(workspace: { id: string } | { slug: string }) {
    if ('id' in workspace) return workspace.id;
    const [row] = await this.db.query<{ workspace_id: string }[]>(
      `SELECT workspace_id FROM workspaces WHERE slug = $1`,
      [workspace.slug],
    );
    return row?.workspace_id ?? null;
  }
}
