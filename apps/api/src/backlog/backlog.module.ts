import { Module } from '@nestjs/common';
import { ChangeAcceptanceCriteriaController } from './change-acceptance-criteria/change-acceptance-criteria.controller';
import { ChangeAcceptanceCriteriaHandler } from './change-acceptance-criteria/change-acceptance-criteria.handler';
import { CheckAcceptanceCriterionController } from './check-acceptance-criterion/check-acceptance-criterion.controller';
import { CheckAcceptanceCriterionHandler } from './check-acceptance-criterion/check-acceptance-criterion.handler';
import { CreateBacklogItemController } from './create-backlog-item/create-backlog-item.controller';
import { CreateBacklogItemHandler } from './create-backlog-item/create-backlog-item.handler';
import { EditBacklogItemController } from './edit-backlog-item/edit-backlog-item.controller';
import { EditBacklogItemHandler } from './edit-backlog-item/edit-backlog-item.handler';
import { FeedbackBacklogItemsController } from './feedback-backlog-items/feedback-backlog-items.controller';
import { FeedbackBacklogItemsHandler } from './feedback-backlog-items/feedback-backlog-items.handler';
import { GetBacklogItemController } from './get-backlog-item/get-backlog-item.controller';
import { GetBacklogItemHandler } from './get-backlog-item/get-backlog-item.handler';
import { LinkFeedbackController } from './link-feedback/link-feedback.controller';
import { LinkFeedbackHandler } from './link-feedback/link-feedback.handler';
import { ListBacklogController } from './list-backlog/list-backlog.controller';
import { ListBacklogHandler } from './list-backlog/list-backlog.handler';
import { RankBacklogItemController } from './rank-backlog-item/rank-backlog-item.controller';
import { RankBacklogItemHandler } from './rank-backlog-item/rank-backlog-item.handler';
import { SetInitiativeController } from './set-initiative/set-initiative.controller';
import { SetInitiativeHandler } from './set-initiative/set-initiative.handler';

@Module({
  controllers: [
    ListBacklogController,
    CreateBacklogItemController,
    GetBacklogItemController,
    EditBacklogItemController,
    ChangeAcceptanceCriteriaController,
    CheckAcceptanceCriterionController,
    RankBacklogItemController,
    LinkFeedbackController,
    SetInitiativeController,
    FeedbackBacklogItemsController,
  ],
  providers: [
    ListBacklogHandler,
    CreateBacklogItemHandler,
    GetBacklogItemHandler,
    EditBacklogItemHandler,
    ChangeAcceptanceCriteriaHandler,
    CheckAcceptanceCriterionHandler,
    RankBacklogItemHandler,
    LinkFeedbackHandler,
    SetInitiativeHandler,
    FeedbackBacklogItemsHandler,
  ],
})
export class BacklogModule {}
