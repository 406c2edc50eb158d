import { z } from 'zod';
import { defineEvent } from '../shared/event-registry';
import { apiKeyScopes } from '../shared/permissions';

export const ApiKeyName = z
  .string()
  .trim()
  .min(1, 'Name the key after the service that uses it.')
  .max(80, 'A key name must be at most 80 characters.');
export const ApiKeyScopes = z
  .array(z.enum(apiKeyScopes, { error: `A scope is one of ${apiKeyScopes.join(', ')}.` }))
  .min(1, 'Give the key at least one scope.');

/** The secret is never in an event: only its hash is kept, in the `api_keys` table. */
export const ApiKeyCreatedV1 = defineEvent(
  'ApiKeyCreated',
  1,
  z.object({
    keyId: z.uuid(),
    name: ApiKeyName,
    scopes: ApiKeyScopes,
    prefix: z.string().min(1).max(32),
    expiresAt: z.iso.datetime({ offset: true }).nullable(),
    createdBy: z.uuid(),
  }),
);
export const ApiKeyRevokedV1 = defineEvent(
  'ApiKeyRevoked',
  1,
  z.object({ keyId: z.uuid(), revokedBy: z.uuid() }),
);

export type ApiKeyCreated = { type: 'ApiKeyCreated'; data: z.infer<typeof ApiKeyCreatedV1.schema> };
export type ApiKeyRevoked = { type: 'ApiKeyRevoked'; data: z.infer<typeof ApiKeyRevokedV1.schema> };
export type ApiKeyEvent = ApiKeyCreated | ApiKeyRevoked;

export const apiKeyEventDefinitions = [ApiKeyCreatedV1, ApiKeyRevokedV1];

/** One stream per workspace holds the life of all its keys. */
export const apiKeysStreamId = (workspaceId: string): string => `api-keys-${workspaceId}`;
