import { randomBytes, randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { apiKeysDecider, apiKeysStreamId, type CreatedApiKey } from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { API_KEY_PREFIX, hashToken } from '../../platform/auth';
import { decideAndAppend } from '../../platform/run-decider';
import { readApiKeys } from '../api-key.view';
import { CreateApiKeyCommand } from './create-api-key.command';

/** How much of the secret the list shows, to tell keys apart. */
const SHOWN_CHARACTERS = 4;

/**
 * A new key: the event (without the secret) and the row holding its hash, in one transaction.
 * The secret is answered once and kept nowhere.
 */
@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
  ) {}

  async execute({ input, actor, context }: CreateApiKeyCommand): Promise<CreatedApiKey> {
    const keyId = randomUUID();
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const prefix = key.slice(0, API_KEY_PREFIX.length + SHOWN_CHARACTERS);
    return this.db.transaction(async (manager) => {
      const { events } = await decideAndAppend(
        this.store,
        apiKeysDecider,
        apiKeysStreamId(actor.workspaceId),
        {
          type: 'CreateApiKey',
          keyId,
          name: input.name,
          scopes: input.scopes,
          prefix,
          expiresAt: input.expiresAt ?? null,
          now: new Date().toISOString(),
          actor,
        },
        context,
        { retries: 0, manager },
      );
      const created = events.find((e) => e.type === 'ApiKeyCreated');
      if (!created) throw new Error('Creating an API key produced no key');
      const { name, scopes, expiresAt } = created.data;
      await manager.query(
        `INSERT INTO api_keys (id, workspace_id, name, scopes, prefix, key_sha256, created_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [keyId, actor.workspaceId, name, scopes, prefix, hashToken(key), actor.id, expiresAt],
      );
      const [view] = await readApiKeys(manager, actor.workspaceId, keyId);
      if (!view) throw new Error('The new API key is not there');
      return { ...view, key };
    });
  }
}
