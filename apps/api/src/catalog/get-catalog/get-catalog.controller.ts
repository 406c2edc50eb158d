import { Controller, Get, Inject, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, type AuthenticatedActor } from '../../platform/auth';
import { etagOf } from '../../platform/etag';
import { CatalogViewDto } from '../catalog.view';
import { GetCatalogQuery } from './get-catalog.query';
import { Requires } from '../../platform/permissions';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('api/v1/catalog')
export class GetCatalogController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Get()
  @Requires('catalog.read')
  @ApiOperation({
    summary: "The workspace's boards, tags and status workflow; its ETag is the catalog version",
  })
  @ApiOkResponse({ type: CatalogViewDto })
  async get(
    @CurrentActor() actor: AuthenticatedActor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CatalogViewDto> {
    const view = await this.queryBus.execute(new GetCatalogQuery(actor.workspaceId));
    response.setHeader('ETag', etagOf(view.version));
    return view;
  }
}
