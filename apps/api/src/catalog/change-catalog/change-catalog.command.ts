import { Command } from '@nestjs/cqrs';
import type { CatalogCommand, CatalogView } from '@chorus/domain';
import type { CommandContext } from '@chorus/event-store';
import type { AuthenticatedActor } from '../../platform/auth';

type WithoutActor<C> = C extends unknown ? Omit<C, 'actor'> : never;
export type CatalogChange = WithoutActor<CatalogCommand>;

/** One or more catalog changes, decided in order and appended together (or not at all). */
export class ChangeCatalogCommand extends Command<CatalogView> {
  constructor(
    readonly changes: readonly CatalogChange[],
    readonly expectedVersion: number | undefined,
    readonly actor: AuthenticatedActor,
    readonly context: CommandContext,
  ) {
    super();
  }
}
