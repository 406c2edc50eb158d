import { Module } from '@nestjs/common';
import { GetScoreController } from './get-score/get-score.controller';
import { GetScoreHandler } from './get-score/get-score.handler';
import { ListNextController } from './next/list-next.controller';
import { ListNextHandler } from './next/list-next.handler';
import { ChangeScoringModelsController } from './scoring-models/change-scoring-models.controller';
import { ChangeScoringModelsHandler } from './scoring-models/change-scoring-models.handler';
import { GetScoringModelsController } from './scoring-models/get-scoring-models.controller';
import { GetScoringModelsHandler } from './scoring-models/get-scoring-models.handler';
import { ValidateFormulaController } from './scoring-models/validate-formula.controller';
import { ValidateFormulaHandler } from './scoring-models/validate-formula.handler';
import { SetBacklogItemFactorsController } from './set-factors/set-backlog-item-factors.controller';
import { SetBacklogItemFactorsHandler } from './set-factors/set-backlog-item-factors.handler';

/** Scoring models, items' hand-set factors, their live scores and "what to build next". */
@Module({
  controllers: [
    GetScoringModelsController,
    ValidateFormulaController,
    ChangeScoringModelsController,
    SetBacklogItemFactorsController,
    GetScoreController,
    ListNextController,
  ],
  providers: [
    GetScoringModelsHandler,
    ChangeScoringModelsHandler,
    ValidateFormulaHandler,
    SetBacklogItemFactorsHandler,
    GetScoreHandler,
    ListNextHandler,
  ],
})
export class PrioritisationModule {}
