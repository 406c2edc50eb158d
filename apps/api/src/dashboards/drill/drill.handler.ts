import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import type { DrillPage, DrillRow } from '@chorus/domain';
import { keysetCursor } from '../../platform/keyset-cursor';
import { openDashboard } from '../dashboard-context';
import type { DrillRecord } from '../kpi-reader';
import { DrillQuery } from './drill.query';

/** Position after a page's last row: its time and id, the drill-down's order (newest first). */
const drillCursor = keysetCursor(z.tuple([z.iso.datetime(), z.string().min(1).max(100)]));

const toRow = (record: DrillRecord): DrillRow =>
  record.kind === 'feedback'
    ? {
        kind: 'feedback',
        id: record.id,
        title: record.title,
        boardId: record.board_id,
        statusId: record.status_id,
        submittedAt: record.at,
        votes: record.votes,
      }
    : {
        kind: 'backlogItem',
        id: record.id,
        title: record.title,
        itemKind: record.item_kind,
        stage: record.stage,
        estimate: record.estimate,
        createdAt: record.at,
      };

@QueryHandler(DrillQuery)
export class DrillHandler implements IQueryHandler<DrillQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, params, target, limit, cursor }: DrillQuery): Promise<DrillPage> {
    const { request, reader } = openDashboard(this.db, actor, params);
    const after = cursor === undefined ? null : drillCursor.decode(cursor);
    const { rows, total } = await reader.drill(request.query, target, after, limit + 1);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      rows: page.map(toRow),
      total,
      nextCursor: rows.length > limit && last ? drillCursor.encode([last.at, last.id]) : null,
    };
  }
}
