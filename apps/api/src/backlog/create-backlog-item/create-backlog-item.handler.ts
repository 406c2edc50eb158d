import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import {
  backlogItemDecider,
  backlogItemStreamId,
  initialBacklogItem,
  type BacklogItemView,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { createOncePerKey } from '../../platform/idempotency';
import { ownerIsTeammate, readBacklogItem, readLinkableFeedback } from '../backlog-inputs';
import { rankForNewItem } from '../backlog-ranks';
import { feedbackSummaries, toBacklogItemView } from '../backlog-item.view';
import { CreateBacklogItemCommand } from './create-backlog-item.command';

/**
 * A new item is a new stream: its creation and the feedback it answers are one append. Its rank
 * follows the last (or precedes the first) item of the read model; two items created at once
 * may share a rank and then sort by id.
 */
@CommandHandler(CreateBacklogItemCommand)
export class CreateBacklogItemHandler implements ICommandHandler<CreateBacklogItemCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ input, actor, context, idempotencyKey }: CreateBacklogItemCommand) {
    const { position, acceptanceCriteria, feedbackIds = [], ...fields } = input;
    const { workspaceId } = actor;
    const [parent, feedback, rank, isTeammate] = await Promise.all([
      fields.parentId ? readBacklogItem(this.store, workspaceId, fields.parentId) : undefined,
      readLinkableFeedback(this.store, workspaceId, feedbackIds),
      rankForNewItem(this.db, workspaceId, position),
      ownerIsTeammate(this.db, workspaceId, fields.ownerId),
    ]);
    const create = async (manager?: EntityManager) => {
      const itemId = randomUUID();
      const events = backlogItemDecider.decide(
        {
          type: 'CreateBacklogItem',
          itemId,
          ...fields,
          acceptanceCriteria: acceptanceCriteria?.map((c) => ({ id: randomUUID(), ...c })),
          ownerIsTeammate: isTeammate,
          parent,
          rank,
          feedbackIds,
          feedback,
          actor,
        },
        initialBacklogItem(),
      );
      const state = events.reduce(backlogItemDecider.evolve, initialBacklogItem());
      if (!state.exists) throw new Error('Creating a backlog item produced no item.');
      const occurredAt = new Date().toISOString();
      const { nextVersion } = await this.store.append(
        backlogItemStreamId(itemId),
        0,
        events,
        { ...context, occurredAt },
        manager,
      );
      const body: BacklogItemView = toBacklogItemView({
        id: itemId,
        kind: state.kind,
        parentId: state.parentId,
        title: state.title,
        description: state.description,
        acceptanceCriteria: state.acceptanceCriteria,
        estimate: state.estimate,
        labels: state.labels,
        ownerId: state.ownerId,
        rank: state.rank,
        status: state.status,
        sprintId: state.sprintId,
        initiativeId: state.initiativeId,
        releaseId: state.releaseId,
        feedback: await feedbackSummaries(manager ?? this.db, workspaceId, state.feedbackIds),
        children: [],
        version: nextVersion,
        createdAt: occurredAt,
        updatedAt: occurredAt,
      });
      return { status: 201, body };
    };
    return createOncePerKey(this.db, this.store, { actor, idempotencyKey, input }, create);
  }
}
