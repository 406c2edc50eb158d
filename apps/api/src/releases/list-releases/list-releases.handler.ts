import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { CursorId, keysetCursor } from '../../platform/keyset-cursor';
import { RELEASE_VIEW_SELECT, toReleaseView, type ReleaseRecord } from '../release.view';
import { ListReleasesQuery } from './list-releases.query';

/** Where a page ended: the date, creation time and id of its last release. */
const releaseCursor = keysetCursor(z.tuple([z.iso.date(), z.iso.datetime(), CursorId]));

/** Newest first: by release date, then by when each was created. */
@QueryHandler(ListReleasesQuery)
export class ListReleasesHandler implements IQueryHandler<ListReleasesQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ workspaceId, state, limit, cursor }: ListReleasesQuery) {
    const params: unknown[] = [workspaceId];
    const where = ['r.workspace_id = $1'];
    if (state) {
      params.push(state);
      where.push(`r.state = $${params.length}`);
    }
    if (cursor !== undefined) {
      params.push(...releaseCursor.decode(cursor));
      const n = params.length;
      where.push(
        `(r.date, r.created_at, r.id) < ($${n - 2}::date, $${n - 1}::timestamptz, $${n}::uuid)`,
      );
    }
    params.push(limit + 1);
    const rows = await this.db.query<ReleaseRecord[]>(
      `${RELEASE_VIEW_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY r.date DESC, r.created_at DESC, r.id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toReleaseView),
      nextCursor:
        rows.length > limit && last
          ? releaseCursor.encode([last.date, last.createdAt, last.id])
          : null,
    };
  }
}
