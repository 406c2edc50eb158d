import { Module } from '@nestjs/common';
import { ListFollowersController } from './list-followers/list-followers.controller';
import { ListFollowersHandler } from './list-followers/list-followers.handler';
import { SetFollowingController } from './set-following/set-following.controller';
import { SetFollowingHandler } from './set-following/set-following.handler';

@Module({
  controllers: [SetFollowingController, ListFollowersController],
  providers: [SetFollowingHandler, ListFollowersHandler],
})
export class FollowModule {}
