import { Query } from '@nestjs/cqrs';
import type { FormulaCheck, FormulaCheckInput } from '@chorus/domain';
import type { AuthenticatedActor } from '../../platform/auth';

export class ValidateFormulaQuery extends Query<FormulaCheck> {
  constructor(
    readonly actor: AuthenticatedActor,
    readonly input: FormulaCheckInput,
  ) {
    super();
  }
}
