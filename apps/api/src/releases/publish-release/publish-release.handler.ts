import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AggregateNotFound,
  backlogItemStreamId,
  decidePublication,
  evolveBacklogItem,
  evolveRelease,
  feedbackStreamId,
  releaseNotificationsStreamId,
  releaseStreamId,
  initialBacklogItem,
  type ReleaseEvent,
  type ReleaseView,
} from '@chorus/domain';
import { ConcurrencyConflict, PostgresEventStore, type CommandContext } from '@chorus/event-store';
import { readCatalog } from '../../catalog/read-catalog';
import { readFeedbacks } from '../../feedback/merge-feedback/read-pair';
import { readBacklogItems, readRelease, releaseViewOf } from '../release.view';
import { PublishReleaseCommand, type PublishTrigger } from './publish-release.command';
import { readRecipients } from './recipients';

const RETRIES = 3;

type ReleasePublished = Extract<ReleaseEvent, { type: 'ReleasePublished' }>;

const workspaceOf = (trigger: PublishTrigger) =>
  trigger.type === 'teammate' ? trigger.actor.workspaceId : trigger.workspaceId;

/**
 * Publishing writes to every stream it touches in ONE transaction, each at the version read in
 * it: the release, its items, the feedback they answer and the release's notifications (a new
 * stream, so a second publication can never notify twice). A concurrent write to any of them
 * conflicts, rolls everything back, and the whole decision is taken again on fresh state.
 */
@CommandHandler(PublishReleaseCommand)
export class PublishReleaseHandler implements ICommandHandler<PublishReleaseCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ releaseId, trigger }: PublishReleaseCommand): Promise<ReleaseView> {
    for (let attempt = 0; ; attempt++) {
      try {
        const view = await this.db.transaction((tx) => this.publish(tx, releaseId, trigger));
        this.store.notifyAppended();
        return view;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict) || attempt >= RETRIES) throw error;
      }
    }
  }

  private async publish(
    tx: EntityManager,
    releaseId: string,
    trigger: PublishTrigger,
  ): Promise<ReleaseView> {
    const workspaceId = workspaceOf(trigger);
    const release = await readRelease(this.store, workspaceId, releaseId, tx);
    if (!release.state.exists) throw new AggregateNotFound('Release', releaseId);
    const items = await readBacklogItems(this.store, workspaceId, release.state.itemIds, tx);
    const linked = [
      ...new Set(
        [...items.values()].flatMap(({ state }) => (state.exists ? state.feedbackIds : [])),
      ),
    ];
    const feedback = await readFeedbacks(this.store, workspaceId, linked, tx);
    const { catalog } = await readCatalog(this.store, workspaceId, tx);
    const recipients = await readRecipients(
      tx,
      workspaceId,
      [...feedback].flatMap(([feedbackId, { state }]) =>
        state.exists ? [{ feedbackId, duplicateIds: state.duplicates }] : [],
      ),
    );
    const itemStates = Object.fromEntries([...items].map(([id, item]) => [id, item.state]));
    const now = new Date().toISOString();
    const appends = decidePublication({
      command:
        trigger.type === 'teammate'
          ? { type: 'PublishRelease', releaseId, items: itemStates, now, actor: trigger.actor }
          : { type: 'PublishDueRelease', releaseId, items: itemStates, now },
      release: release.state,
      feedback: new Map([...feedback].map(([id, { state }]) => [id, state])),
      catalog,
      recipients,
      newId: randomUUID,
    });

    const itemsNow = new Map([...items].map(([id, { state }]) => [id, state]));
    const published = appends
      .flatMap((a) => a.events)
      .find((e): e is ReleasePublished => e.type === 'ReleasePublished');
    // A schedule that is no longer due: nothing to do.
    if (!published) return releaseViewOf(release.state, release.version, itemsNow);

    const versions = new Map<string, number>([
      [releaseStreamId(releaseId), release.version],
      [releaseNotificationsStreamId(releaseId), 0],
      ...[...items].map(([id, { version }]) => [backlogItemStreamId(id), version] as const),
      ...[...feedback].map(([id, { version }]) => [feedbackStreamId(id), version] as const),
    ]);
    // Scheduled publications are recorded in the name of the teammate who set the schedule.
    const context: CommandContext =
      trigger.type === 'teammate'
        ? trigger.context
        : {
            workspaceId,
            actorId: published.data.by,
            correlationId: trigger.correlationId,
            causationId: null,
          };
    // Always in the same order: two publications touching the same streams then queue on the
    // first instead of each holding one stream while waiting for the other's (a deadlock).
    appends.sort((a, b) => (a.streamId < b.streamId ? -1 : 1));
    for (const { streamId, events } of appends) {
      await this.store.append(streamId, versions.get(streamId) ?? 0, events, context, tx);
    }

    const { by } = published.data;
    for (const itemId of published.data.itemIds) {
      const item = itemsNow.get(itemId) ?? initialBacklogItem();
      itemsNow.set(
        itemId,
        evolveBacklogItem(item, { type: 'BacklogItemReleased', data: { itemId, releaseId, by } }),
      );
    }
    const after = evolveRelease(release.state, published);
    if (!after.exists) throw new AggregateNotFound('Release', releaseId);
    return releaseViewOf(after, release.version + 1, itemsNow);
  }
}
