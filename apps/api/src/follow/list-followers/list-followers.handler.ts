import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { readFollowers } from '../followers';
import { ListFollowersQuery } from './list-followers.query';

@QueryHandler(ListFollowersQuery)
export class ListFollowersHandler implements IQueryHandler<ListFollowersQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async execute({ workspaceId, feedbackId }: ListFollowersQuery) {
    const found = await this.db.query<unknown[]>(
      `SELECT 1 FROM feedback_list WHERE workspace_id = $1 AND feedback_id = $2`,
      [workspaceId, feedbackId],
    );
    if (found.length === 0) return null;
    return { followers: await readFollowers(this.db, workspaceId, feedbackId) };
  }
}
