import { Body, Controller, Headers, Inject, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { EditedFeedback } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { ApiRequiresIfMatch, etagOf, requireIfMatchVersion } from '../../platform/etag';
import { FeedbackIdParam } from '../feedback-item.view';
import { SubmitFeedbackSchema } from '../submit-feedback/submit-feedback.dto';
import { EditFeedbackCommand } from './edit-feedback.command';
import { Requires } from '../../platform/permissions';

const EditFeedbackSchema = SubmitFeedbackSchema.omit({ onBehalfOf: true, categoryId: true })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'Send at least one of title, description or boardId.',
  });
class EditFeedbackDto extends createZodDto(EditFeedbackSchema) {}

const EditedFeedbackSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
}) satisfies z.ZodType<EditedFeedback>;
class EditedFeedbackDto extends createZodDto(EditedFeedbackSchema) {}

@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api/v1/feedback')
export class EditFeedbackController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @Requires('feedback.participate')
  @ApiOperation({
    summary: 'Edit feedback (author or teammate); needs If-Match with the version read',
  })
  @ApiRequiresIfMatch('feedback')
  @ApiOkResponse({ type: EditedFeedbackDto })
  async edit(
    @Param() { id }: FeedbackIdParam,
    @Body() body: EditFeedbackDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<EditedFeedbackDto> {
    const expectedVersion = requireIfMatchVersion(ifMatch);
    const result = await this.commandBus.execute(
      new EditFeedbackCommand(id, body, expectedVersion, actor, context),
    );
    response.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
