import { randomBytes, randomUUID } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import type { EntityManager } from 'typeorm';
import { CSRF_COOKIE } from '@chorus/domain';
import { SESSION_COOKIE, hashToken } from '../platform/auth';

/** How long a sign-in lasts; then the person signs in again. */
export const SESSION_DAYS = 7;

const cookieOptions = (request: Request, httpOnly: boolean): CookieOptions => ({
  httpOnly,
  // Lax: the cookie goes along when someone follows a link to Chorus, never with another
  // site's form posts; the CSRF header covers what Lax does not.
  sameSite: 'lax',
  // Behind TLS (directly or through a proxy trusted by TRUST_PROXY) the cookies never travel in clear.
  secure: request.secure,
  path: '/',
  maxAge: SESSION_DAYS * 86_400_000,
});

/** A new session's secrets: each goes into a cookie, only their hashes are stored. */
export type SessionSecrets = { token: string; csrf: string };

/** Opens a session for a person who just proved who they are. */
export const openSession = async (
  manager: Pick<EntityManager, 'query'>,
  person: { id: string; workspaceId: string },
): Promise<SessionSecrets> => {
  const secrets = {
    token: randomBytes(32).toString('base64url'),
    csrf: randomBytes(32).toString('base64url'),
  };
  await manager.query(
    `INSERT INTO sessions (id, workspace_id, person_id, token_sha256, csrf_sha256, expires_at)
     VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))`,
    [
      randomUUID(),
      person.workspaceId,
      person.id,
      hashToken(secrets.token),
      hashToken(secrets.csrf),
      SESSION_DAYS,
    ],
  );
  await manager.query(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [person.id]);
  return secrets;
};

/**
 * The session token goes in an HttpOnly cookie (scripts cannot read it), the CSRF token in a
 * readable one the web app echoes as a header.
 */
export const setSessionCookies = (
  request: Request,
  response: Response,
  { token, csrf }: SessionSecrets,
): void => {
  response.cookie(SESSION_COOKIE, token, cookieOptions(request, true));
  response.cookie(CSRF_COOKIE, csrf, cookieOptions(request, false));
};

export const clearSessionCookies = (request: Request, response: Response): void => {
  const { maxAge: _, ...options } = cookieOptions(request, true);
  response.clearCookie(SESSION_COOKIE, options);
  response.clearCookie(CSRF_COOKIE, { ...options, httpOnly: false });
};
