import type { ApiKeyScope } from '../shared/permissions';

// Shapes of the API keys endpoints (admins only), shared by the API and the web app.

/** `POST /api/v1/api-keys`. Without `expiresAt` the key lasts until it is revoked. */
export type CreateApiKeyInput = {
  name: string;
  scopes: ApiKeyScope[];
  /** ISO timestamp in the future, at most two years ahead. */
  expiresAt?: string | null;
};

export type ApiKeyStatus = 'active' | 'expired' | 'revoked';

/** A key as listed: never the secret, only its first characters to recognise it by. */
export type ApiKeyView = {
  id: string;
  name: string;
  scopes: ApiKeyScope[];
  /** The key's first characters, e.g. `chorus_key_3fQa`. */
  prefix: string;
  status: ApiKeyStatus;
  createdAt: string;
  createdBy: { id: string; name: string };
  expiresAt: string | null;
  revokedAt: string | null;
  /** Recorded when a request with the key is authenticated, to within 30 seconds. */
  lastUsedAt: string | null;
};

/** The answer to a create: the only time the secret is shown. */
export type CreatedApiKey = ApiKeyView & { key: string };

export type ApiKeyList = { items: ApiKeyView[] };
