import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  effectivePreferences,
  notificationPreferencesDecider,
  notificationPreferencesStreamId,
  type UnsubscribeTokenView,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { UnsubscribeTokens } from '@chorus/worker';
import { decideAndAppend } from '../../platform/run-decider';
import { UnsubscribeCommand } from './unsubscribe.command';
import { openUnsubscribeLink } from './unsubscribe-link';

/**
 * The link's token speaks for its person: they turn its category off, recorded as their own
 * choice made with the link. A second click records nothing.
 */
@CommandHandler(UnsubscribeCommand)
export class UnsubscribeHandler implements ICommandHandler<UnsubscribeCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(UnsubscribeTokens) private readonly tokens: UnsubscribeTokens,
  ) {}

  async execute({ token }: UnsubscribeCommand): Promise<UnsubscribeTokenView> {
    const link = await openUnsubscribeLink(this.db, this.tokens, token);
    const person = { id: link.personId, role: link.role };
    const { state } = await decideAndAppend(
      this.store,
      notificationPreferencesDecider,
      notificationPreferencesStreamId(link.personId),
      {
        type: 'ChangeNotificationPreferences',
        personId: link.personId,
        role: link.role,
        categories: { [link.category]: false },
        via: 'unsubscribe_link',
        actor: person,
      },
      {
        workspaceId: link.workspaceId,
        actorId: link.personId,
        correlationId: randomUUID(),
        causationId: null,
      },
    );
    return {
      category: link.category,
      workspaceName: link.workspaceName,
      subscribed: effectivePreferences(state, link.role)[link.category],
    };
  }
}
