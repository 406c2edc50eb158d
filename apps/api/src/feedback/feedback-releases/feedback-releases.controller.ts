import { Controller, Get, Inject, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { FeedbackReleases } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { Requires } from '../../platform/permissions';
import { notFound } from '../../platform/problem-details';
import { FeedbackIdParam } from '../feedback-item.view';
import { FeedbackReleasesQuery } from './feedback-releases.query';

const FeedbackReleasesSchema = z.object({
  items: z.array(
    z.object({
      releaseId: z.uuid().describe('Its entry on the changelog'),
      name: z.string(),
      date: z.iso.date(),
      publishedAt: z.iso.datetime(),
      changelogTitle: z.string(),
    }),
  ),
}) satisfies z.ZodType<FeedbackReleases>;
class FeedbackReleasesDto extends createZodDto(FeedbackReleasesSchema) {}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class FeedbackReleasesController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get(':id/releases')
  @Requires('feedback.read')
  @ApiOperation({
    summary:
      'Where this item shipped: the published releases answering it or a duplicate merged into it, newest first',
  })
  @ApiOkResponse({ type: FeedbackReleasesDto })
  @ApiNotFoundResponse({ description: 'No such feedback in your workspace' })
  async releases(
    @Param() { id }: FeedbackIdParam,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<FeedbackReleasesDto> {
    const releases = await this.queryBus.execute(new FeedbackReleasesQuery(actor, id));
    if (!releases) throw notFound(`Feedback ${id} does not exist in this workspace.`);
    return releases;
  }
}
