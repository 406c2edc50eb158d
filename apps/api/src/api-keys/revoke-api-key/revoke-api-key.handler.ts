import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  AggregateNotFound,
  apiKeysDecider,
  apiKeysStreamId,
  type ApiKeyView,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { TokenAuthenticator } from '../../platform/auth';
import { decideAndAppend } from '../../platform/run-decider';
import { readApiKeys } from '../api-key.view';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

/** The event and the row in one transaction; then this process forgets the key at once. */
@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(TokenAuthenticator) private readonly authenticator: TokenAuthenticator,
  ) {}

  async execute({ keyId, actor, context }: RevokeApiKeyCommand): Promise<ApiKeyView> {
    const view = await this.db.transaction(async (manager) => {
      await decideAndAppend(
        this.store,
        apiKeysDecider,
        apiKeysStreamId(actor.workspaceId),
        { type: 'RevokeApiKey', keyId, actor },
        context,
        { manager },
      );
      await manager.query(
        `UPDATE api_keys SET revoked_at = now()
         WHERE id = $1 AND workspace_id = $2 AND revoked_at IS NULL`,
        [keyId, actor.workspaceId],
      );
      const [revoked] = await readApiKeys(manager, actor.workspaceId, keyId);
      if (!revoked) throw new AggregateNotFound('API key', keyId);
      return revoked;
    });
    this.authenticator.forget(keyId);
    return view;
  }
}
