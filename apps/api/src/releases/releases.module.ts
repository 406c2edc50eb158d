import { Module } from '@nestjs/common';
import { ListChangelogController } from './changelog/list-changelog.controller';
import { ListChangelogHandler } from './changelog/list-changelog.handler';
import { ChangeReleaseController } from './change-release/change-release.controller';
import { ChangeReleaseHandler } from './change-release/change-release.handler';
import { CreateReleaseController } from './create-release/create-release.controller';
import { CreateReleaseHandler } from './create-release/create-release.handler';
import { GetReleaseController } from './get-release/get-release.controller';
import { GetReleaseHandler } from './get-release/get-release.handler';
import { ListReleasesController } from './list-releases/list-releases.controller';
import { ListReleasesHandler } from './list-releases/list-releases.handler';
import { PublishReleaseController } from './publish-release/publish-release.controller';
import { PublishReleaseHandler } from './publish-release/publish-release.handler';
import { PUBLISH_POLL_MS, ScheduledPublisher, publishPollMs } from './scheduled-publisher';

@Module({
  controllers: [
    ListReleasesController,
    CreateReleaseController,
    GetReleaseController,
    ChangeReleaseController,
    PublishReleaseController,
    ListChangelogController,
  ],
  providers: [
    CreateReleaseHandler,
    ChangeReleaseHandler,
    PublishReleaseHandler,
    ListReleasesHandler,
    GetReleaseHandler,
    ListChangelogHandler,
    { provide: PUBLISH_POLL_MS, useFactory: publishPollMs },
    ScheduledPublisher,
  ],
})
export class ReleasesModule {}
