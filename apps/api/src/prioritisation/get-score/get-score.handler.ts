import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { ScoreBreakdown } from '@chorus/domain';
import { GetScoreQuery } from './get-score.query';

@QueryHandler(GetScoreQuery)
export class GetScoreHandler implements IQueryHandler<GetScoreQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ actor, itemId }: GetScoreQuery): Promise<ScoreBreakdown | null> {
    const [row] = await this.db.query<{ breakdown: ScoreBreakdown }[]>(
      `SELECT breakdown FROM backlog_scores WHERE item_id = $1 AND workspace_id = $2`,
      [itemId, actor.workspaceId],
    );
    return row?.breakdown ?? null;
  }
}
