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
  Res,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiPreconditionFailedResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { CatalogView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { RequestContext } from '../../platform/command-context';
import { etagOf, requireIfMatchVersion } from '../../platform/etag';
import { CatalogViewDto } from '../catalog.view';
import { ChangeCatalogCommand, type CatalogChange } from './change-catalog.command';
import {
  BoardIdParam,
  CategoryParam,
  CreateBoardDto,
  CreateCategoryDto,
  CreateStatusDto,
  CreateTagDto,
  RenameCategoryDto,
  StatusIdParam,
  TagIdParam,
  UpdateBoardDto,
  UpdateStatusDto,
  UpdateTagDto,
} from './change-catalog.dto';
import { Requires } from '../../platform/permissions';

/** If-Match is optional here: without it the change applies to the catalog as it is now. */
const optionalIfMatch = (header: string | undefined): number | undefined =>
  header === undefined || header.trim() === '' ? undefined : requireIfMatchVersion(header);

const IfMatch = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The catalog version you read; a stale one is refused with 412',
});

@ApiTags('catalog')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'Only teammates change the catalog' })
@ApiPreconditionFailedResponse({ description: 'The catalog changed since the version in If-Match' })
@Controller('api/v1/catalog')
export class ChangeCatalogController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  private async change(
    changes: CatalogChange[],
    ifMatch: string | undefined,
    actor: AuthenticatedActor,
    context: CommandContext,
    response: Response,
  ): Promise<CatalogView> {
    const view = await this.commandBus.execute(
      new ChangeCatalogCommand(changes, optionalIfMatch(ifMatch), actor, context),
    );
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }

  @Post('boards')
  @Requires('catalog.manage')
  @ApiOperation({ summary: 'Create a board (teammates)' })
  @IfMatch
  @ApiCreatedResponse({ type: CatalogViewDto })
  createBoard(
    @Body() { id, ...body }: CreateBoardDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogViewDto> {
    return this.change(
      [{ type: 'CreateBoard', boardId: id, ...body }],
      ifMatch,
      actor,
      context,
      response,
    );
  }

  @Patch('boards/:id')
  @Requires('catalog.manage')
  @ApiOperation({ summary: 'Rename a board or change its visibility or approval (teammates)' })
  @IfMatch
  @ApiOkResponse({ type: CatalogViewDto })
  updateBoard(
    @Param() { id }: BoardIdParam,
    @Body() body: UpdateBoardDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogViewDto> {
    return this.change(
      [{ type: 'UpdateBoard', boardId: id, ...body }],
      ifMatch,
      actor,
      context,
      response,
    );
  }

  @Post('boards/:id/categories')
  @Requires('catalog.manage')
  @ApiOperation({ summary: 'Add a category to a board (teammates)' })
  @IfMatch
  @ApiCreatedResponse({ type: CatalogViewDto })
  createCategory(
    @Param() { id }: BoardIdParam,
    @Body() { id: categoryId, name }: CreateCategoryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogViewDto> {
    return this.change(
      [{ type: 'CreateCategory', boardId: id, categoryId, name }],
      ifMatch,
      actor,
      context,
      response,
    );
  }

  @Patch('boards/:id/categories/:categoryId')
  @Requires('catalog.manage')
  @ApiOperation({ summary: "Rename a board's category (teammates)" })
  @IfMatch
  @ApiOkResponse({ type: CatalogViewDto })
  renameCategory(
    @Param() { id, categoryId }: CategoryParam,
    @Body() { name }: RenameCategoryDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogViewDto> {
    return this.change(
      [{ type: 'RenameCategory', boardId: id, categoryId, name }],
      ifMatch,
      actor,
      context,
      response,
    );
  }

  @Post('tags')
  @Requires('catalog.manage')
  @ApiOperation({ summary: 'Create a tag (teammates)' })
  @IfMatch
  @ApiCreatedResponse({ type: CatalogViewDto })
  createTag(
    @Body() { id, ...body }: CreateTagDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogViewDto> {
    return this.change(
      [{ type: 'CreateTag', tagId: id, ...body }],
      ifMatch,
      actor,
      context,
      response,
    );
  }

  @Patch('tags/:id')
  @Requires('catalog.manage')
  @ApiOperation({ summary: 'Rename or recolour a tag (teammates)' })
  @IfMatch
  @ApiOkResponse({ type: CatalogViewDto })
  updateTag(
    @Param() { id }: TagIdParam,
    @Body() body: UpdateTagDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogViewDto> {
    return this.change(
      [{ type: 'UpdateTag', tagId: id, ...body }],
      ifMatch,
      actor,
      context,
      response,
    );
  }

  @Delete('tags/:id')
  @Requires('catalog.manage')
  @HttpCode(200)
  @ApiOperation({ summary: 'Delete a tag (teammates); deleting a missing tag is a no-op' })
  @IfMatch
  @ApiOkResponse({ type: CatalogViewDto })
  deleteTag(
    @Param() { id }: TagIdParam,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogViewDto> {
    return this.change([{ type: 'DeleteTag', tagId: id }], ifMatch, actor, context, response);
  }

  @Post('statuses')
  @Requires('catalog.manage')
  @ApiOperation({ summary: 'Add a status to the workflow (teammates); give it transitions next' })
  @IfMatch
  @ApiCreatedResponse({ type: CatalogViewDto })
  createStatus(
    @Body() { id, ...body }: CreateStatusDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogViewDto> {
    return this.change(
      [{ type: 'CreateStatus', statusId: id, ...body }],
      ifMatch,
      actor,
      context,
      response,
    );
  }

  @Patch('statuses/:id')
  @Requires('catalog.manage')
  @ApiOperation({
    summary:
      'Rename or recolour a status, or set where it may move to (teammates); its id never changes',
  })
  @IfMatch
  @ApiOkResponse({ type: CatalogViewDto })
  updateStatus(
    @Param() { id }: StatusIdParam,
    @Body() { transitions, ...rest }: UpdateStatusDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: AuthenticatedActor,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogViewDto> {
    const changes: CatalogChange[] = [];
    if (rest.name !== undefined || rest.colour !== undefined) {
      changes.push({ type: 'UpdateStatus', statusId: id, ...rest });
    }
    if (transitions !== undefined) {
      changes.push({ type: 'SetStatusTransitions', statusId: id, transitions });
    }
    return this.change(changes, ifMatch, actor, context, response);
  }
}
