import { AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import type { Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import type { ApiKeyScope } from '../shared/permissions';
import { ApiKeyName, ApiKeyScopes, type ApiKeyEvent } from './api-key.events';

export type ApiKeyState = {
  name: string;
  scopes: ApiKeyScope[];
  expiresAt: string | null;
  revoked: boolean;
};
/** A workspace's keys by id. */
export type ApiKeys = ReadonlyMap<string, ApiKeyState>;

export type CreateApiKey = {
  type: 'CreateApiKey';
  keyId: string;
  name: string;
  scopes: string[];
  prefix: string;
  expiresAt: string | null;
  /** The moment of the request: an expiry must lie after it. */
  now: string;
  actor: Actor;
};
export type RevokeApiKey = { type: 'RevokeApiKey'; keyId: string; actor: Actor };
export type ApiKeyCommand = CreateApiKey | RevokeApiKey;

/** Keys are for services that run for a while, but a secret should not live for ever unseen. */
export const MAX_API_KEY_LIFETIME_DAYS = 730;
const DAY_MS = 86_400_000;

const parsed = <T>(
  result: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } },
  field: string,
): T => {
  if (!result.success) throw new DomainRuleViolation(result.error.issues[0]!.message, field);
  return result.data;
};

const activeNamed = (keys: ApiKeys, name: string, now: string): boolean =>
  [...keys.values()].some(
    (key) =>
      !key.revoked &&
      (key.expiresAt === null || key.expiresAt > now) &&
      key.name.toLowerCase() === name.toLowerCase(),
  );

const validExpiry = (expiresAt: string | null, now: string): string | null => {
  if (expiresAt === null) return null;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at))
    throw new DomainRuleViolation('Give the expiry as an ISO timestamp.', 'expiresAt');
  if (at <= Date.parse(now)) {
    throw new DomainRuleViolation('A key must expire in the future.', 'expiresAt');
  }
  if (at > Date.parse(now) + MAX_API_KEY_LIFETIME_DAYS * DAY_MS) {
    throw new DomainRuleViolation(
      `A key may live at most ${MAX_API_KEY_LIFETIME_DAYS} days; create a new one before then.`,
      'expiresAt',
    );
  }
  return new Date(at).toISOString();
};

/** Who may manage keys is the permission matrix's to say (`api-keys.manage`); these are the rules of keys. */
export const apiKeysDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeys> = {
  initialState: () => new Map(),
  evolve: (keys, event) => {
    const next = new Map(keys);
    switch (event.type) {
      case 'ApiKeyCreated': {
        const { keyId, name, scopes, expiresAt } = event.data;
        next.set(keyId, { name, scopes, expiresAt, revoked: false });
        return next;
      }
      case 'ApiKeyRevoked': {
        const key = keys.get(event.data.keyId);
        if (key) next.set(event.data.keyId, { ...key, revoked: true });
        return next;
      }
    }
  },
  decide: (command, keys) => {
    switch (command.type) {
      case 'CreateApiKey': {
        if (keys.has(command.keyId)) throw new DomainRuleViolation('This key already exists.');
        const name = parsed(ApiKeyName.safeParse(command.name), 'name');
        const scopes = [...new Set(parsed(ApiKeyScopes.safeParse(command.scopes), 'scopes'))];
        if (activeNamed(keys, name, command.now)) {
          throw new DomainRuleViolation(
            `An active key is already named "${name}"; revoke it or choose another name.`,
            'name',
          );
        }
        return [
          {
            type: 'ApiKeyCreated',
            data: {
              keyId: command.keyId,
              name,
              scopes,
              prefix: command.prefix,
              expiresAt: validExpiry(command.expiresAt, command.now),
              createdBy: command.actor.id,
            },
          },
        ];
      }
      case 'RevokeApiKey': {
        const key = keys.get(command.keyId);
        if (!key) throw new AggregateNotFound('API key', command.keyId);
        return key.revoked
          ? []
          : [
              {
                type: 'ApiKeyRevoked',
                data: { keyId: command.keyId, revokedBy: command.actor.id },
              },
            ];
      }
    }
  },
};
