import { Query } from '@nestjs/cqrs';
import type { FormulaCheck, FormulaCheckInput } from '@chorus/domain';

export class ValidateFormulaQuery extends Query<FormulaCheck> {
  constructor(readonly input: FormulaCheckInput) {
    super();
  }
}
