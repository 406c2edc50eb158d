import { Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf } from '../../platform/etag';
import { ReleaseIdParam, ReleaseViewDto } from '../release.view';
import { PublishReleaseCommand } from './publish-release.command';
import { Requires } from '../../platform/permissions';

@ApiTags('releases')
@ApiBearerAuth()
@Controller('api/v1/releases')
export class PublishReleaseController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post(':id/publish')
  @Requires('releases.publish')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publish now: items released, their feedback done, everyone who asked notified',
  })
  @ApiOkResponse({ type: ReleaseViewDto })
  @ApiForbiddenResponse({ description: 'Only teammates publish releases' })
  @ApiNotFoundResponse({ description: 'No such release in your workspace' })
  @ApiUnprocessableEntityResponse({
    description: 'Already published, no changelog entry or items, or an item not accepted',
  })
  @ApiConflictResponse({ description: 'Something it touches kept changing; try again' })
  async publish(
    @Param() { id }: ReleaseIdParam,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReleaseViewDto> {
    const view = await this.commandBus.execute(
      new PublishReleaseCommand(id, { type: 'teammate', actor, context }),
    );
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
