import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '@chorus/event-store';
import { findVisibleFeedbackItem } from '../feedback-visibility';
import { GetFeedbackQuery } from './get-feedback.query';

@QueryHandler(GetFeedbackQuery)
export class GetFeedbackHandler implements IQueryHandler<GetFeedbackQuery> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  execute({ actor, feedbackId }: GetFeedbackQuery) {
    return findVisibleFeedbackItem(this.db, this.store, actor, feedbackId);
  }
}
