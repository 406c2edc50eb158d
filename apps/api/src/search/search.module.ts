import { Module } from '@nestjs/common';
import { SearchFeedbackController } from './search-feedback/search-feedback.controller';
import { SearchFeedbackHandler } from './search-feedback/search-feedback.handler';
import { SimilarFeedbackController } from './similar-feedback/similar-feedback.controller';
import { SimilarFeedbackHandler } from './similar-feedback/similar-feedback.handler';

/** Full-text search and duplicate suggestions, both over the feedback_list read model. */
@Module({
  controllers: [SearchFeedbackController, SimilarFeedbackController],
  providers: [SearchFeedbackHandler, SimilarFeedbackHandler],
})
export class SearchModule {}
