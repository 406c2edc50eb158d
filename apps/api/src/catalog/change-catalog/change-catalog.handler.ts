import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  catalogDecider,
  catalogStreamId,
  findStatus,
  isStaff,
  type Catalog,
  type CatalogCommand,
  type CatalogEvent,
  type Decider,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { notFound } from '../../platform/problem-details';
import { decideAndAppend } from '../../platform/run-decider';
import { toCatalogView } from '../catalog.view';
import { ChangeCatalogCommand } from './change-catalog.command';

/** A change addressed by URL to a board, tag or status that does not exist is a 404. */
const assertAddressed = (command: CatalogCommand, state: Catalog): void => {
  // Customers learn nothing about what exists: the decider answers them with 403.
  if (!isStaff(command.actor)) return;
  switch (command.type) {
    case 'UpdateBoard':
    case 'CreateCategory':
    case 'RenameCategory':
      if (!state.boards.some((b) => b.id === command.boardId)) {
        throw notFound(`There is no board "${command.boardId}".`);
      }
      return;
    case 'UpdateTag':
      if (!state.tags.some((t) => t.id === command.tagId)) {
        throw notFound(`There is no tag "${command.tagId}".`);
      }
      return;
    case 'UpdateStatus':
    case 'SetStatusTransitions':
      if (!findStatus(state, command.statusId)) {
        throw notFound(`There is no status "${command.statusId}".`);
      }
      return;
    case 'CreateBoard':
    case 'CreateTag':
    case 'CreateStatus':
    case 'DeleteTag':
      return;
  }
};

/** The catalog decider over a list of commands: each decides against the state the previous left. */
const catalogChangesDecider: Decider<readonly CatalogCommand[], CatalogEvent, Catalog> = {
  initialState: catalogDecider.initialState,
  evolve: catalogDecider.evolve,
  decide: (commands, initial) => {
    let state = initial;
    const events: CatalogEvent[] = [];
    for (const command of commands) {
      assertAddressed(command, state);
      const decided = catalogDecider.decide(command, state);
      state = decided.reduce(catalogDecider.evolve, state);
      events.push(...decided);
    }
    return events;
  },
};

@CommandHandler(ChangeCatalogCommand)
export class ChangeCatalogHandler implements ICommandHandler<ChangeCatalogCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ changes, expectedVersion, actor, context }: ChangeCatalogCommand) {
    const { version, state } = await decideAndAppend(
      this.store,
      catalogChangesDecider,
      catalogStreamId(actor.workspaceId),
      changes.map((change) => ({ ...change, actor })),
      context,
      { expectedVersion },
    );
    return toCatalogView(state, version);
  }
}
