import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { isStaff, type FeedbackFilters, type FeedbackSort, type InboxView } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { CursorId, keysetCursor, type KeysetCursor } from '../../platform/keyset-cursor';
import { fieldError, validationFailed } from '../../platform/problem-details';
import {
  FEEDBACK_ITEM_SELECT,
  toFeedbackItem,
  type FeedbackItemRecord,
} from '../feedback-item.view';
import { visibilityFor, visibleToSql } from '../feedback-visibility';
import { ListFeedbackQuery } from './list-feedback.query';

/**
 * Position after the last item of a page: the sort it was taken in, its sort value and id
 * (keyset), or for the trending sort, whose values move with the clock, how many items came
 * before. A cursor only pages the sort it was handed out for.
 */
type FeedbackPosition = [sort: FeedbackSort, value: string | number, id: string];

const cursorOf = (sort: FeedbackSort, value: z.ZodType<string | number>) =>
  keysetCursor<FeedbackPosition>(z.tuple([z.literal(sort), value, CursorId]), {
    message: 'This cursor is not one this list handed out for this sort order.',
  });
/** Vote counts, revenue in cents and the trending offset: safe integers. */
const count = z.int();
/** Creation and last activity, as ISO 8601. */
const instant = z.string().refine((v) => !Number.isNaN(Date.parse(v)));
const feedbackCursors: Record<FeedbackSort, KeysetCursor<FeedbackPosition>> = {
  votes: cursorOf('votes', count),
  revenue: cursorOf('revenue', count),
  trending: cursorOf('trending', count),
  newest: cursorOf('newest', instant),
  activity: cursorOf('activity', instant),
};

const sortColumn: Record<Exclude<FeedbackSort, 'trending'>, string> = {
  votes: 'f.vote_count',
  revenue: 'f.revenue_cents',
  newest: 'f.created_at',
  activity: 'f.last_activity_at',
};

const viewCondition: Record<InboxView, string> = {
  inbox: `f.moderation = 'approved' AND NOT f.spam AND f.merged_into IS NULL`,
  pending: `f.moderation = 'pending' AND NOT f.spam`,
  spam: 'f.spam',
  merged: 'f.merged_into IS NOT NULL',
};

/** Feedback whose author or a standing voter belongs to a company matching `companyCondition`. */
const byCompany = (companyCondition: string) => `EXISTS (
  SELECT 1 FROM customers cu JOIN companies c ON c.company_id = cu.company_id
  WHERE ${companyCondition} AND (cu.customer_id::text = f.author_id OR EXISTS (
    SELECT 1 FROM feedback_ballots fb WHERE fb.feedback_id = f.feedback_id AND fb.voter_id = cu.customer_id::text)))`;

const filterConditions = (filters: FeedbackFilters, params: unknown[]): string[] => {
  const where: string[] = [viewCondition[filters.view ?? 'inbox']];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.status) where.push(`f.status = ${param(filters.status)}`);
  if (filters.boardId) where.push(`f.board_id = ${param(filters.boardId)}`);
  if (filters.categoryId) where.push(`f.category_id = ${param(filters.categoryId)}`);
  if (filters.tagId) where.push(`${param(filters.tagId)} = ANY(f.tags)`);
  if (filters.source) where.push(`f.source = ${param(filters.source)}`);
  if (filters.unanswered) where.push('f.first_response_at IS NULL');
  if (filters.companyId) where.push(byCompany(`c.company_id = ${param(filters.companyId)}::uuid`));
  if (filters.segment) where.push(byCompany(`c.segment = ${param(filters.segment)}`));
  if (filters.plan) where.push(byCompany(`c.plan = ${param(filters.plan)}`));
  return where;
};

@QueryHandler(ListFeedbackQuery)
export class ListFeedbackHandler implements IQueryHandler<ListFeedbackQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ actor, sort, limit, filters, cursor }: ListFeedbackQuery) {
    if (!isStaff(actor) && filters.view !== undefined && filters.view !== 'inbox') {
      throw validationFailed([
        fieldError(['view'], 'Only teammates can see the moderation, spam and merged views.'),
      ]);
    }
    const params: unknown[] = [actor.id, actor.workspaceId];
    const where = [
      'f.workspace_id = $2',
      ...filterConditions(filters, params),
      ...visibleToSql(await visibilityFor(this.store, actor), params),
    ];
    const [, after, afterId] = cursor === undefined ? [] : feedbackCursors[sort].decode(cursor);
    if (sort === 'trending') return this.trending(where, params, limit, after);
    const column = sortColumn[sort];
    if (after !== undefined) {
      params.push(after, afterId);
      where.push(`(${column}, f.feedback_id) < ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const rows = await this.db.query<FeedbackItemRecord[]>(
      `${FEEDBACK_ITEM_SELECT} WHERE ${where.join(' AND ')}
       ORDER BY ${column} DESC, f.feedback_id DESC LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const sortValue = (r: FeedbackItemRecord): string | number => {
      switch (sort) {
        case 'votes':
          return r.vote_count;
        case 'revenue':
          return Number(r.revenue_cents);
        case 'newest':
          return r.created_at.toISOString();
        case 'activity':
          return r.last_activity_at.toISOString();
      }
    };
    const nextCursor =
      rows.length > limit && last
        ? feedbackCursors[sort].encode([sort, sortValue(last), last.feedback_id])
        : null;
    return { items: page.map(toFeedbackItem), nextCursor };
  }

  /** Votes of the last 7 days move with the clock, so this sort pages by offset. */
  private async trending(
    where: string[],
    params: unknown[],
    limit: number,
    offset: string | number = 0,
  ) {
    params.push(limit + 1, offset);
    const rows = await this.db.query<FeedbackItemRecord[]>(
      `SELECT * FROM (${FEEDBACK_ITEM_SELECT} WHERE ${where.join(' AND ')}) ranked
       ORDER BY recent_votes DESC, vote_count DESC, feedback_id DESC
       LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? feedbackCursors.trending.encode(['trending', Number(offset) + limit, last.feedback_id])
        : null;
    return { items: page.map(toFeedbackItem), nextCursor };
  }
}
