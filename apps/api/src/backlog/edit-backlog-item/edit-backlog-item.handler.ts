import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { backlogItemDecider, backlogItemStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { ownerIsTeammate, readBacklogItem } from '../backlog-inputs';
import { EditBacklogItemCommand } from './edit-backlog-item.command';

@CommandHandler(EditBacklogItemCommand)
export class EditBacklogItemHandler implements ICommandHandler<EditBacklogItemCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ itemId, changes, expectedVersion, actor, context }: EditBacklogItemCommand) {
    const { workspaceId } = actor;
    const [parent, isTeammate] = await Promise.all([
      changes.parentId ? readBacklogItem(this.store, workspaceId, changes.parentId) : undefined,
      ownerIsTeammate(this.db, workspaceId, changes.ownerId),
    ]);
    const { version } = await decideAndAppend(
      this.store,
      backlogItemDecider,
      backlogItemStreamId(itemId),
      { type: 'EditBacklogItem', itemId, ...changes, parent, ownerIsTeammate: isTeammate, actor },
      context,
      { expectedVersion },
    );
    return { id: itemId, version };
  }
}
