import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { Follower, FollowerList } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { notFound } from '../../platform/problem-details';
import { FeedbackIdParam } from '../follow.params';
import { ListFollowersQuery } from './list-followers.query';
import { Requires } from '../../platform/permissions';

const FollowerSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  reason: z.enum(['author', 'voter', 'explicit']),
}) satisfies z.ZodType<Follower>;
const FollowersSchema = z.object({
  followers: z.array(FollowerSchema),
}) satisfies z.ZodType<FollowerList>;
class FollowersDto extends createZodDto(FollowersSchema) {}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class ListFollowersController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id/followers')
  @Requires('feedback.internal.read')
  @ApiOperation({
    summary: 'Who follows feedback and its merged duplicates, each person once (teammates)',
  })
  @ApiOkResponse({ type: FollowersDto })
  @ApiForbiddenResponse({ description: 'Customers cannot see who follows' })
  @ApiNotFoundResponse({ description: 'No such feedback in your workspace' })
  async list(
    @Param() { id }: FeedbackIdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<FollowersDto> {
    const result = await this.queryBus.execute(new ListFollowersQuery(actor.workspaceId, id));
    if (!result) throw notFound(`Feedback ${id} does not exist in this workspace.`);
    return result;
  }
}
