import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  initialBacklogItem,
  releaseDecider,
  releaseStreamId,
  type Actor,
  type BacklogItem,
  type ReleaseCommand,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { decideAndAppend } from '../../platform/run-decider';
import { readBacklogItems, releaseViewOf } from '../release.view';
import { ChangeReleaseCommand, type ReleaseChange } from './change-release.command';

const toCommand = (
  releaseId: string,
  change: ReleaseChange,
  actor: Actor,
  item: BacklogItem,
  now: string,
): ReleaseCommand => {
  switch (change.type) {
    case 'AddItem':
      return { ...change, releaseId, item, actor };
    case 'ScheduleChangelog':
      return { ...change, releaseId, now, actor };
    case 'EditRelease':
    case 'RemoveItem':
    case 'WriteChangelogEntry':
    case 'UnscheduleChangelog':
      return { ...change, releaseId, actor };
  }
};

@CommandHandler(ChangeReleaseCommand)
export class ChangeReleaseHandler implements ICommandHandler<ChangeReleaseCommand> {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  async execute({ releaseId, change, expectedVersion, actor, context }: ChangeReleaseCommand) {
    // Before If-Match is compared: a customer learns nothing about the release's version.
    const { workspaceId } = actor;
    // The item to add, as its own stream says it is now (another workspace's reads as none).
    const added =
      change.type === 'AddItem'
        ? (await readBacklogItems(this.store, workspaceId, [change.itemId])).get(change.itemId)
            ?.state
        : undefined;
    const { version, state } = await decideAndAppend(
      this.store,
      releaseDecider,
      releaseStreamId(releaseId),
      toCommand(releaseId, change, actor, added ?? initialBacklogItem(), new Date().toISOString()),
      context,
      { expectedVersion },
    );
    if (!state.exists) throw new Error('A release change left no release');
    const items = await readBacklogItems(this.store, workspaceId, state.itemIds);
    return releaseViewOf(state, version, new Map([...items].map(([id, item]) => [id, item.state])));
  }
}
