import { Controller, Get, Inject, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import { FEEDBACK_TITLE_MAX, FEEDBACK_TITLE_MIN, type SimilarFeedback } from '@chorus/domain';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { SimilarFeedbackQuery } from './similar-feedback.query';
import { Requires } from '../../platform/permissions';
import { pageLimit } from '../../platform/page-params';

const SimilarParamsSchema = z
  .object({
    title: z
      .string({ error: 'Send the title typed so far as title.' })
      .trim()
      .min(FEEDBACK_TITLE_MIN, `Type at least ${FEEDBACK_TITLE_MIN} characters of the title.`)
      .max(FEEDBACK_TITLE_MAX, `A title must be at most ${FEEDBACK_TITLE_MAX} characters.`),
    limit: pageLimit(10, 5),
  })
  .strict();
class SimilarParams extends createZodDto(SimilarParamsSchema) {}

const SimilarFeedbackSchema = z.object({
  suggestions: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      status: z.string().describe("Status id in the workspace's workflow"),
      voteCount: z.number().int(),
      similarity: z.number().describe('0 to 1: how closely part of the title matches'),
    }),
  ),
}) satisfies z.ZodType<SimilarFeedback>;
class SimilarFeedbackDto extends createZodDto(SimilarFeedbackSchema) {}

@ApiTags('search')
@ApiBearerAuth()
@Controller('api/v1/search')
export class SimilarFeedbackController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get('similar')
  @Requires('feedback.read')
  @ApiOperation({
    summary: 'Existing feedback whose title resembles one being typed: possible duplicates',
  })
  @ApiOkResponse({ type: SimilarFeedbackDto })
  similar(
    @QueryParams() params: SimilarParams,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<SimilarFeedback> {
    return this.queryBus.execute(new SimilarFeedbackQuery(actor, params.title, params.limit));
  }
}
