import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { AuditPage } from '@chorus/domain';
import { keysetCursor } from '../../platform/keyset-cursor';
import { positionOf, readAuditRows, toAuditEntries } from '../audit-reader';
import { ListAuditQuery } from './list-audit.query';

/**
 * Where a page ended: the `occurredAt` and global position of its last entry. The time is taken
 * as the log holds it: it only ever reaches SQL as a parameter.
 */
const auditCursor = keysetCursor(
  z.tuple([z.string().min(1).max(64), z.string().regex(/^\d{1,19}$/)]),
);

/** One page of the trail, newest first; the cursor carries on below its last entry. */
@QueryHandler(ListAuditQuery)
export class ListAuditHandler implements IQueryHandler<ListAuditQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ workspaceId, filter, limit, cursor }: ListAuditQuery): Promise<AuditPage> {
    const after = cursor === undefined ? null : auditCursor.decode(cursor);
    const rows = await readAuditRows(this.db, workspaceId, filter, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      entries: await toAuditEntries(this.db, workspaceId, page),
      nextCursor: rows.length > limit && last ? auditCursor.encode(positionOf(last)) : null,
    };
  }
}
