import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { findFeedbackItem } from '../feedback-item.view';
import { GetFeedbackQuery } from './get-feedback.query';

@QueryHandler(GetFeedbackQuery)
export class GetFeedbackHandler implements IQueryHandler<GetFeedbackQuery> {
  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  execute({ workspaceId, readerId, feedbackId }: GetFeedbackQuery) {
    return findFeedbackItem(this.db, workspaceId, readerId, feedbackId);
  }
}
