import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import { feedbackDecider, feedbackStreamId } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { readCatalog } from '../../catalog/read-catalog';
import { decideAndAppend } from '../../platform/run-decider';
import { resolveOnBehalfOf } from '../on-behalf-of';
import { createOncePerKey } from '../../platform/idempotency';
import { SubmitFeedbackCommand } from './submit-feedback.command';
import type { SubmittedFeedback } from '@chorus/domain';

@CommandHandler(SubmitFeedbackCommand)
export class SubmitFeedbackHandler implements ICommandHandler<SubmitFeedbackCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ input, actor, context, idempotencyKey }: SubmitFeedbackCommand) {
    const { onBehalfOf: onBehalfOfInput, ...fields } = input;
    const onBehalfOf = await resolveOnBehalfOf(this.store, actor.workspaceId, onBehalfOfInput);
    const submit = async (manager?: EntityManager) => {
      const feedbackId = randomUUID();
      const { catalog } = await readCatalog(this.store, actor.workspaceId, manager);
      const { version, state } = await decideAndAppend(
        this.store,
        feedbackDecider,
        feedbackStreamId(feedbackId),
        { type: 'SubmitFeedback', feedbackId, ...fields, onBehalfOf, catalog, actor },
        context,
        { retries: 0, manager },
      );
      if (!state.exists) throw new Error('Submitting feedback produced no feedback');
      const body: SubmittedFeedback = {
        id: feedbackId,
        version,
        title: state.title,
        description: state.description,
        boardId: state.boardId,
        authorId: state.authorId,
        status: state.status,
        moderation: state.moderation,
        source: onBehalfOf?.source ?? 'app',
      };
      return { status: 201, body };
    };
    return createOncePerKey(this.db, this.store, { actor, idempotencyKey, input }, submit);
  }
}
