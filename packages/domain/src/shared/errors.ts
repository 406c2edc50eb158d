/** A business rule said no. The message is a sentence a user can read; `field` names the input at fault. */
export class DomainRuleViolation extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainRuleViolation';
  }
}

/** The actor may not do this, whatever the input. */
export class ActionForbidden extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ActionForbidden';
  }
}

/** The aggregate the command addresses does not exist. */
export class AggregateNotFound extends Error {
  constructor(
    readonly aggregate: string,
    readonly id: string,
  ) {
    super(`${aggregate} ${id} does not exist.`);
    this.name = 'AggregateNotFound';
  }
}
