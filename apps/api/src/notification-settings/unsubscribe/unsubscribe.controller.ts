import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../platform/auth';
import {
  OneClickQuery,
  UnsubscribeDto,
  UnsubscribeTokenQuery,
  UnsubscribeTokenViewDto,
} from '../notification-settings.schemas';
import { DescribeUnsubscribeQuery } from './describe-unsubscribe.query';
import { UnsubscribeCommand } from './unsubscribe.command';

@ApiTags('notifications')
@ApiBadRequestResponse({ description: 'The token is not a valid unsubscribe token' })
@Controller('api/v1/unsubscribe')
export class UnsubscribeController {
  constructor(
    @Inject(QueryBus) private readonly queryBus: QueryBus,
    @Inject(CommandBus) private readonly commandBus: CommandBus,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      "What an email's unsubscribe link stops, without stopping it (mail scanners open links)",
  })
  @ApiOkResponse({ type: UnsubscribeTokenViewDto })
  describe(@Query() { token }: UnsubscribeTokenQuery): Promise<UnsubscribeTokenViewDto> {
    return this.queryBus.execute(new DescribeUnsubscribeQuery(token));
  }

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Stop the emails of an unsubscribe link’s category: the token in a JSON body, or in the URL for the RFC 8058 one-click POST of mail clients',
  })
  @ApiOkResponse({ type: UnsubscribeTokenViewDto })
  unsubscribe(
    @Query() query: OneClickQuery,
    @Body() body: UnsubscribeDto,
  ): Promise<UnsubscribeTokenViewDto> {
    return this.commandBus.execute(new UnsubscribeCommand(body.token ?? query.token));
  }
}
