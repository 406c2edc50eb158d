import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { FeedbackReleases, FeedbackReleaseView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { iso } from '../../platform/sql-time';
import { findVisibleFeedbackItem } from '../feedback-visibility';
import { FeedbackReleasesQuery } from './feedback-releases.query';

/**
 * The published releases whose items answer a feedback item, directly or through a duplicate
 * merged into it, newest publication first. Drafts and scheduled releases are not public yet:
 * nobody sees them here, staff included.
 */
@QueryHandler(FeedbackReleasesQuery)
export class FeedbackReleasesHandler implements IQueryHandler<FeedbackReleasesQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ actor, feedbackId }: FeedbackReleasesQuery): Promise<FeedbackReleases | null> {
    if (!(await findVisibleFeedbackItem(this.db, this.store, actor, feedbackId))) return null;
    const items = await this.db.query<FeedbackReleaseView[]>(
      `SELECT r.id AS "releaseId", r.name, r.date::text AS date,
         ${iso('r.published_at')} AS "publishedAt", r.changelog_title AS "changelogTitle"
       FROM releases r
       WHERE r.workspace_id = $1 AND r.state = 'published'
         AND r.item_ids && ARRAY(
           SELECT l.item_id FROM backlog_item_feedback l
           JOIN feedback_list f ON f.workspace_id = l.workspace_id AND f.feedback_id = l.feedback_id
           WHERE l.workspace_id = $1 AND (f.feedback_id = $2 OR f.merged_into = $2))
       ORDER BY r.published_at DESC, r.id DESC`,
      [actor.workspaceId, feedbackId],
    );
    return { items };
  }
}
