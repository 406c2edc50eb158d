import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { validModelDefinition, type FormulaCheck } from '@chorus/domain';
import { ValidateFormulaQuery } from './validate-formula.query';

/** The rules DefineScoringModel applies to a formula and its factors, without defining anything. */
@QueryHandler(ValidateFormulaQuery)
export class ValidateFormulaHandler implements IQueryHandler<ValidateFormulaQuery> {
  execute({ input }: ValidateFormulaQuery): Promise<FormulaCheck> {
    validModelDefinition(input);
    return Promise.resolve({ ok: true });
  }
}
