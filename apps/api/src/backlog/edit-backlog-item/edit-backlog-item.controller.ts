import { Body, Controller, Headers, Inject, Param, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { createZodDto } from 'nestjs-zod';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { ApiRequiresIfMatch, etagOf, requireIfMatchVersion } from '../../platform/etag';
import { BacklogItemChangedDto, BacklogItemIdParam } from '../backlog-item.view';
import { CreateBacklogItemSchema } from '../create-backlog-item/create-backlog-item.dto';
import { EditBacklogItemCommand } from './edit-backlog-item.command';
import { Requires } from '../../platform/permissions';

const EditBacklogItemSchema = CreateBacklogItemSchema.pick({
  title: true,
  description: true,
  parentId: true,
  estimate: true,
  labels: true,
  ownerId: true,
})
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, {
    message: 'Send at least one of title, description, parentId, estimate, labels or ownerId.',
  });
class EditBacklogItemDto extends createZodDto(EditBacklogItemSchema) {}

@ApiTags('backlog')
@ApiBearerAuth()
@Controller('api/v1/backlog')
export class EditBacklogItemController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @Requires('backlog.plan')
  @ApiOperation({
    summary:
      'Edit a backlog item (teammates); only the fields sent change; needs If-Match with the version read',
  })
  @ApiRequiresIfMatch('item')
  @ApiOkResponse({ type: BacklogItemChangedDto })
  @ApiNotFoundResponse({ description: 'No such item in your workspace' })
  @ApiForbiddenResponse({ description: 'Only teammates manage the backlog' })
  async edit(
    @Param() { id }: BacklogItemIdParam,
    @Body() body: EditBacklogItemDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<BacklogItemChangedDto> {
    const expectedVersion = requireIfMatchVersion(ifMatch);
    const result = await this.commandBus.execute(
      new EditBacklogItemCommand(id, body, expectedVersion, actor, context),
    );
    response.setHeader('ETag', etagOf(result.version));
    return result;
  }
}
