import { Module } from '@nestjs/common';
import { ChangeFeedbackStatusController } from './change-feedback-status/change-feedback-status.controller';
import { ChangeFeedbackStatusHandler } from './change-feedback-status/change-feedback-status.handler';
import { EditFeedbackController } from './edit-feedback/edit-feedback.controller';
import { EditFeedbackHandler } from './edit-feedback/edit-feedback.handler';
import { GetFeedbackController } from './get-feedback/get-feedback.controller';
import { GetFeedbackHandler } from './get-feedback/get-feedback.handler';
import { ListFeedbackController } from './list-feedback/list-feedback.controller';
import { ListFeedbackHandler } from './list-feedback/list-feedback.handler';
import { ListMyFeedbackController } from './list-my-feedback/list-my-feedback.controller';
import { ListMyFeedbackHandler } from './list-my-feedback/list-my-feedback.handler';
import { SubmitFeedbackController } from './submit-feedback/submit-feedback.controller';
import { SubmitFeedbackHandler } from './submit-feedback/submit-feedback.handler';
import { FeedbackTimelineController } from './feedback-timeline/feedback-timeline.controller';
import { FeedbackTimelineHandler } from './feedback-timeline/feedback-timeline.handler';
import { FeedbackReleasesController } from './feedback-releases/feedback-releases.controller';
import { FeedbackReleasesHandler } from './feedback-releases/feedback-releases.handler';
import { MergeFeedbackController } from './merge-feedback/merge-feedback.controller';
import { MergeFeedbackHandler } from './merge-feedback/merge-feedback.handler';
import { MergePreviewHandler } from './merge-feedback/merge-preview.handler';
import { TriageFeedbackController } from './triage-feedback/triage-feedback.controller';
import { TriageFeedbackHandler } from './triage-feedback/triage-feedback.handler';
import { VoteController } from './vote/vote.controller';
import { VoteHandler } from './vote/vote.handler';

@Module({
  controllers: [
    ListFeedbackController,
    SubmitFeedbackController,
    GetFeedbackController,
    EditFeedbackController,
    ChangeFeedbackStatusController,
    VoteController,
    TriageFeedbackController,
    MergeFeedbackController,
    FeedbackTimelineController,
    ListMyFeedbackController,
    FeedbackReleasesController,
  ],
  providers: [
    SubmitFeedbackHandler,
    EditFeedbackHandler,
    ChangeFeedbackStatusHandler,
    VoteHandler,
    ListFeedbackHandler,
    GetFeedbackHandler,
    TriageFeedbackHandler,
    MergeFeedbackHandler,
    MergePreviewHandler,
    FeedbackTimelineHandler,
    ListMyFeedbackHandler,
    FeedbackReleasesHandler,
  ],
})
export class FeedbackModule {}
