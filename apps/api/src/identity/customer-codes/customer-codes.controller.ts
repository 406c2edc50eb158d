import { Body, Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ONE_TIME_CODE_MINUTES, type CodeRequested, type Me } from '@chorus/domain';
import { Public } from '../../platform/auth';
import { setSessionCookies } from '../sessions';
import { ConfirmCustomerCodeCommand } from './confirm-customer-code.command';
import { ConfirmCustomerCodeDto, RequestCustomerCodeDto } from './customer-codes.schemas';
import { RequestCustomerCodeCommand } from './request-customer-code.command';

@ApiTags('identity')
@Controller('api/v1/auth/customer-codes')
export class CustomerCodesController {
  constructor(@Inject(CommandBus) private readonly commandBus: CommandBus) {}

  @Post()
  @Public()
  @HttpCode(202)
  @ApiOperation({
    summary: "Mail a code that signs a customer in to a workspace's portal; always answers alike",
  })
  @ApiAcceptedResponse({ description: 'CodeRequested' })
  async request(@Body() body: RequestCustomerCodeDto): Promise<CodeRequested> {
    await this.commandBus.execute(new RequestCustomerCodeCommand(body));
    return { validMinutes: ONE_TIME_CODE_MINUTES };
  }

  @Post('confirm')
  @Public()
  @ApiOperation({
    summary:
      'Sign a customer in with the mailed code, as the customer with that email (made on first sign-in)',
  })
  @ApiCreatedResponse({ description: 'Me, with the session and CSRF cookies set' })
  async confirm(
    @Body() body: ConfirmCustomerCodeDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Me> {
    const { me, secrets } = await this.commandBus.execute(new ConfirmCustomerCodeCommand(body));
    setSessionCookies(request, response, secrets);
    return me;
  }
}
