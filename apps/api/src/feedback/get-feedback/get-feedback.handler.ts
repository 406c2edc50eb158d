import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@chorus/event-store';
import { findFeedbackItem } from '../feedback-item.view';
import { isVisibleTo, visibilityFor } from '../feedback-visibility';
import { GetFeedbackQuery } from './get-feedback.query';

@QueryHandler(GetFeedbackQuery)
export class GetFeedbackHandler implements IQueryHandler<GetFeedbackQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ actor, feedbackId }: GetFeedbackQuery) {
    const item = await findFeedbackItem(this.db, actor.workspaceId, actor.id, feedbackId);
    if (!item) return null;
    return isVisibleTo(item, await visibilityFor(this.store, actor)) ? item : null;
  }
}
