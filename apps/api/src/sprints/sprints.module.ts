import { Module } from '@nestjs/common';
import { ChangeSprintController } from './change-sprint/change-sprint.controller';
import { ChangeSprintHandler } from './change-sprint/change-sprint.handler';
import { CompleteSprintController } from './complete-sprint/complete-sprint.controller';
import { CompleteSprintHandler } from './complete-sprint/complete-sprint.handler';
import { CreateSprintController } from './create-sprint/create-sprint.controller';
import { CreateSprintHandler } from './create-sprint/create-sprint.handler';
import { GetSprintController } from './get-sprint/get-sprint.controller';
import { GetSprintHandler } from './get-sprint/get-sprint.handler';
import { ItemWorkController } from './item-work/item-work.controller';
import { ItemWorkHandler } from './item-work/item-work.handler';
import { ListSprintsController } from './list-sprints/list-sprints.controller';
import { ListSprintsHandler } from './list-sprints/list-sprints.handler';
import { PlanItemController } from './plan-item/plan-item.controller';
import { PlanItemHandler } from './plan-item/plan-item.handler';

/** Sprints: planning, the board's work states, the Product Owner's verdicts and completion. */
@Module({
  controllers: [
    ListSprintsController,
    GetSprintController,
    CreateSprintController,
    ChangeSprintController,
    PlanItemController,
    CompleteSprintController,
    ItemWorkController,
  ],
  providers: [
    ListSprintsHandler,
    GetSprintHandler,
    CreateSprintHandler,
    ChangeSprintHandler,
    PlanItemHandler,
    CompleteSprintHandler,
    ItemWorkHandler,
  ],
})
export class SprintsModule {}
