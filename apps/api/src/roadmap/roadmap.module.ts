import { Module } from '@nestjs/common';
import { ChangeInitiativeController } from './change-initiative/change-initiative.controller';
import { ChangeInitiativeHandler } from './change-initiative/change-initiative.handler';
import { CreateInitiativeController } from './create-initiative/create-initiative.controller';
import { CreateInitiativeHandler } from './create-initiative/create-initiative.handler';
import { GetInitiativeController } from './get-initiative/get-initiative.controller';
import { GetInitiativeHandler } from './get-initiative/get-initiative.handler';
import { GetRoadmapController } from './get-roadmap/get-roadmap.controller';
import { GetRoadmapHandler } from './get-roadmap/get-roadmap.handler';
import { PublicRoadmapController } from './public-roadmap/public-roadmap.controller';
import { PublicRoadmapHandler } from './public-roadmap/public-roadmap.handler';

/** The roadmap's initiatives in lanes and quarters, the internal view and the public one. */
@Module({
  controllers: [
    GetRoadmapController,
    PublicRoadmapController,
    GetInitiativeController,
    CreateInitiativeController,
    ChangeInitiativeController,
  ],
  providers: [
    GetRoadmapHandler,
    PublicRoadmapHandler,
    GetInitiativeHandler,
    CreateInitiativeHandler,
    ChangeInitiativeHandler,
  ],
})
export class RoadmapModule {}
