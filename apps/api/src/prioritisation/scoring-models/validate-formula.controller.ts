import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { z } from 'zod';
import { createZodDto } from 'nestjs-zod';
import type { FormulaCheck } from '@chorus/domain';
import { ScoringModelInputSchema } from '../prioritisation.schemas';
import { ValidateFormulaQuery } from './validate-formula.query';
import { Requires } from '../../platform/permissions';

class FormulaCheckInputDto extends createZodDto(
  ScoringModelInputSchema.pick({ formula: true, factors: true }),
) {}

const FormulaCheckSchema = z.object({ ok: z.literal(true) }) satisfies z.ZodType<FormulaCheck>;
class FormulaCheckDto extends createZodDto(FormulaCheckSchema) {}

@ApiTags('prioritisation')
@ApiBearerAuth()
@Controller('api/v1/scoring-models')
export class ValidateFormulaController {
  constructor(@Inject(QueryBus) private readonly queryBus: QueryBus) {}

  @Post('validate')
  @Requires('prioritisation.manage')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Check a formula and its factors while they are typed; nothing is saved',
  })
  @ApiOkResponse({ type: FormulaCheckDto })
  @ApiUnprocessableEntityResponse({
    description: 'The answer names the field at fault and points at the mistake',
  })
  @ApiForbiddenResponse({ description: 'Only teammates write scoring models' })
  validate(@Body() body: FormulaCheckInputDto): Promise<FormulaCheckDto> {
    return this.queryBus.execute(new ValidateFormulaQuery(body));
  }
}
