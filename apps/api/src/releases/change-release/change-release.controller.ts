import {
  Body,
  Controller,
  Delete,
  Headers,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Put,
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { ReleaseView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { ApiRequiresIfMatch, etagOf, requireIfMatchVersion } from '../../platform/etag';
import { ChangelogEntryDto, EditReleaseDto, ScheduleChangelogDto } from '../release.schemas';
import { ReleaseIdParam, ReleaseItemParam, ReleaseViewDto } from '../release.view';
import { ChangeReleaseCommand, type ReleaseChange } from './change-release.command';
import { Requires } from '../../platform/permissions';

/** If-Match is optional outside edits: without it the change applies to the release as it is now. */
const optionalIfMatch = (header: string | undefined): number | undefined =>
  header === undefined || header.trim() === '' ? undefined : requireIfMatchVersion(header);

const IfMatch = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The release version you read; a stale one is refused with 412',
});

@ApiTags('releases')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only teammates manage releases' })
@ApiNotFoundResponse({ description: 'No such release (or item) in your workspace' })
@ApiUnprocessableEntityResponse({
  description: 'The release is published, or the item not accepted',
})
@Controller('api/v1/releases')
export class ChangeReleaseController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  private async change(
    releaseId: string,
    change: ReleaseChange,
    expectedVersion: number | undefined,
    actor: AuthenticatedActor,
    context: CommandContext,
    response: Response,
  ): Promise<ReleaseView> {
    const view = await this.commandBus.execute(
      new ChangeReleaseCommand(releaseId, change, expectedVersion, actor, context),
    );
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }

  @Patch(':id')
  @Requires('releases.manage')
  @ApiOperation({ summary: 'Rename or re-date a release; needs If-Match with the version read' })
  @ApiRequiresIfMatch('release')
  @ApiOkResponse({ type: ReleaseViewDto })
  edit(
    @Param() { id }: ReleaseIdParam,
    @Body() body: EditReleaseDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReleaseViewDto> {
    const expectedVersion = requireIfMatchVersion(ifMatch);
    return this.change(
      id,
      { type: 'EditRelease', ...body },
      expectedVersion,
      actor,
      context,
      response,
    );
  }

  @Put(':id/items/:itemId')
  @Requires('releases.manage')
  @IfMatch
  @ApiOperation({ summary: 'Put an accepted backlog item into the release' })
  @ApiOkResponse({ type: ReleaseViewDto })
  addItem(
    @Param() { id, itemId }: ReleaseItemParam,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReleaseViewDto> {
    return this.change(
      id,
      { type: 'AddItem', itemId },
      optionalIfMatch(ifMatch),
      actor,
      context,
      response,
    );
  }

  @Delete(':id/items/:itemId')
  @Requires('releases.manage')
  @IfMatch
  @ApiOperation({ summary: 'Take an item out of the release' })
  @ApiOkResponse({ type: ReleaseViewDto })
  removeItem(
    @Param() { id, itemId }: ReleaseItemParam,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReleaseViewDto> {
    return this.change(
      id,
      { type: 'RemoveItem', itemId },
      optionalIfMatch(ifMatch),
      actor,
      context,
      response,
    );
  }

  @Put(':id/changelog')
  @Requires('releases.manage')
  @IfMatch
  @ApiOperation({ summary: 'Write (or rewrite) the release’s markdown changelog entry' })
  @ApiOkResponse({ type: ReleaseViewDto })
  writeChangelog(
    @Param() { id }: ReleaseIdParam,
    @Body() body: ChangelogEntryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReleaseViewDto> {
    return this.change(
      id,
      { type: 'WriteChangelogEntry', ...body },
      optionalIfMatch(ifMatch),
      actor,
      context,
      response,
    );
  }

  @Post(':id/schedule')
  @Requires('releases.manage')
  @HttpCode(200)
  @IfMatch
  @ApiOperation({ summary: 'Publish the release automatically at a future time' })
  @ApiOkResponse({ type: ReleaseViewDto })
  schedule(
    @Param() { id }: ReleaseIdParam,
    @Body() body: ScheduleChangelogDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReleaseViewDto> {
    return this.change(
      id,
      { type: 'ScheduleChangelog', ...body },
      optionalIfMatch(ifMatch),
      actor,
      context,
      response,
    );
  }

  @Delete(':id/schedule')
  @Requires('releases.manage')
  @IfMatch
  @ApiOperation({ summary: 'Drop the schedule: the release is a draft again' })
  @ApiOkResponse({ type: ReleaseViewDto })
  unschedule(
    @Param() { id }: ReleaseIdParam,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ReleaseViewDto> {
    return this.change(
      id,
      { type: 'UnscheduleChangelog' },
      optionalIfMatch(ifMatch),
      actor,
      context,
      response,
    );
  }
}
