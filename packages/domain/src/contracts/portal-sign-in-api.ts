// Shapes of signing a host application's users in to the portal, shared by the API and the web app.

import type { Me } from './feedback-api';

/** `POST /api/v1/portal/secret` (admins): the new secret, shown once. */
export type PortalSecret = { secret: string; createdAt: string };

/** `GET /api/v1/portal/secret`: whether there is one, never the secret. */
export type PortalSecretStatus = { configured: boolean; createdAt: string | null };

/**
 * `POST /api/v1/auth/portal-token` (public): a JWT the host application signs with the portal
 * secret (HS256), saying who its user is. Claims: `id` (the user's id in the host application),
 * `email`, `name` (optional), optionally `company` ({ id, name, mrrCents?, plan?, segment? }),
 * and `iat`/`exp` — at most an hour apart. Answers `Me` and sets the session cookies.
 */
export type PortalTokenInput = { workspace: string; token: string };

/**
 * `POST /api/v1/auth/widget-token` (public), with the same body: the embeddable widget runs on
 * the host's origin, where the session cookie would be a third-party cookie, so the session token
 * comes in the answer and is sent as a bearer (which no other site's page can make a browser
 * send: no CSRF check).
 */
export type WidgetToken = { token: string; expiresAt: string; me: Me };
