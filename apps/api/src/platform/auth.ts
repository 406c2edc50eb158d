import { createHash, timingSafeEqual } from 'node:crypto';
import { parse as parseCookie } from 'cookie';
import {
  applyDecorators,
  Global,
  Inject,
  Injectable,
  Module,
  SetMetadata,
  createParamDecorator,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  type Actor,
  type ActorRole,
  type ApiKeyScope,
} from '@chorus/domain';
import { iso } from './sql-time';
import { checkPermission } from './permissions';
import { ProblemException } from './problem-details';

export type AuthenticatedActor = Actor & {
  workspaceId: string;
  name: string;
  email: string;
  /** Set when a service calls with an API key: its scopes decide, not a role. */
  apiKey?: { scopes: ApiKeyScope[]; expiresAt: string | null };
};

export type AuthenticatedRequest = Request & { actor?: AuthenticatedActor };

/** Tokens are stored only as their SHA-256: a leaked table yields no usable token. */
export const hashToken = (token: string): Buffer =>
  createHash('sha256').update(token, 'utf8').digest();

const IS_PUBLIC = 'chorus:public';
/** Marks a route that needs no bearer token (health, metrics, the public portal's reads). */
export const Public = () =>
  applyDecorators(SetMetadata(IS_PUBLIC, true), ApiExtension('x-chorus-public', true));

export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedActor => {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) throw new Error('CurrentActor used on a public route');
    return actor;
  },
);

const CACHE_TTL_MS = 30_000;

/** Every API key starts so: the authenticator knows which table to look in. */
export const API_KEY_PREFIX = 'chorus_key_';
/** The HttpOnly cookie of a signed-in browser (identity/sessions.ts sets it). */
export const SESSION_COOKIE = 'chorus_session';

/** Who a credential belongs to, or why it is refused (`null`: nobody). */
export type Authentication =
  | { actor: AuthenticatedActor; session?: { csrfSha256: Buffer } }
  | { refused: string; actorId?: string }
  | null;

type ApiKeyRow = {
  id: string;
  workspace_id: string;
  name: string;
  scopes: ApiKeyScope[];
  expires_at: string | null;
  revoked_at: string | null;
};

type PersonRow = {
  id: string;
  workspace_id: string;
  name: string;
  email: string;
  role: ActorRole;
  status: 'invited' | 'active' | 'deactivated' | 'erased';
};

/** A service acts with its key's scopes; to the deciders it is an admin or a teammate. */
const apiKeyActor = (row: ApiKeyRow): AuthenticatedActor => ({
  id: row.id,
  role: row.scopes.includes('admin') ? 'admin' : 'teammate',
  workspaceId: row.workspace_id,
  name: `API key "${row.name}"`,
  email: '',
  apiKey: { scopes: row.scopes, expiresAt: row.expires_at },
});

const personActor = (row: PersonRow): Authentication =>
  row.status === 'active'
    ? {
        actor: {
          id: row.id,
          role: row.role,
          workspaceId: row.workspace_id,
          name: row.name,
          email: row.email,
        },
      }
    : {
        refused: 'This account is deactivated; an admin of the workspace can reactivate it.',
        actorId: row.id,
      };

/**
 * Finds who a bearer token, an API key or a session cookie belongs to. A short-lived cache keeps
 * the hot path (votes) off the tables; a change that must bite at once (revoking a key, ending
 * a session, deactivating someone, changing a role) makes this process forget that actor, and
 * other API processes within 30 seconds.
 */
@Injectable()
export class TokenAuthenticator {
  private readonly cache = new Map<string, { found: Authentication; expires: number }>();

  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  authenticate(token: string): Promise<Authentication> {
    return this.cached(`token:${hashToken(token).toString('base64')}`, () =>
      this.lookUpToken(token),
    );
  }

  authenticateSession(sessionToken: string): Promise<Authentication> {
    return this.cached(`session:${hashToken(sessionToken).toString('base64')}`, () =>
      this.lookUpSession(sessionToken),
    );
  }

  /** Forgets every credential of an actor (a person or an API key) in this process. */
  forget(actorId: string): void {
    for (const [key, { found }] of this.cache) {
      if (found === null) continue;
      const whose: string | undefined = 'actor' in found ? found.actor.id : found.actorId;
      if (whose === actorId) this.cache.delete(key);
    }
  }

  /** Forgets one session at once, in this process (sign-out). */
  forgetSession(sessionToken: string): void {
    this.cache.delete(`session:${hashToken(sessionToken).toString('base64')}`);
  }

  private async cached(
    key: string,
    lookUp: () => Promise<Authentication>,
  ): Promise<Authentication> {
    const cached = this.cache.get(key);
    const found = cached && cached.expires > Date.now() ? cached.found : await lookUp();
    if (found === null) {
      this.cache.delete(key);
      return null;
    }
    if (this.cache.size > 50_000) this.cache.clear();
    if (cached?.found !== found) this.cache.set(key, { found, expires: Date.now() + CACHE_TTL_MS });
    const expiresAt = 'actor' in found ? found.actor.apiKey?.expiresAt : null;
    if (expiresAt && Date.parse(expiresAt) <= Date.now()) {
      return { refused: `This API key expired at ${expiresAt}.` };
    }
    return found;
  }

  private async lookUpToken(token: string): Promise<Authentication> {
    const hash = hashToken(token);
    if (token.startsWith(API_KEY_PREFIX)) {
      // Last use is recorded when the cache is refilled: within 30 seconds, without a write per request.
      const [row] = await this.db.query<ApiKeyRow[]>(
        `WITH used AS (
           UPDATE api_keys SET last_used_at = now() WHERE key_sha256 = $1 AND revoked_at IS NULL
           RETURNING id)
         SELECT id, workspace_id, name, scopes, ${iso('expires_at')} AS expires_at, revoked_at
         FROM api_keys WHERE key_sha256 = $1`,
        [hash],
      );
      if (!row) return null;
      if (row.revoked_at !== null) return { refused: 'This API key was revoked.', actorId: row.id };
      return { actor: apiKeyActor(row) };
    }
    const [row] = await this.db.query<PersonRow[]>(
      `SELECT id, workspace_id, name, email, role, status FROM users WHERE token_sha256 = $1`,
      [hash],
    );
    return row ? personActor(row) : null;
  }

  private async lookUpSession(sessionToken: string): Promise<Authentication> {
    const [row] = await this.db.query<(PersonRow & { csrf_sha256: Buffer; ended: boolean })[]>(
      `SELECT u.id, u.workspace_id, u.name, u.email, u.role, u.status, s.csrf_sha256,
         (s.revoked_at IS NOT NULL OR s.expires_at <= now()) AS ended
       FROM sessions s JOIN users u ON u.id = s.person_id
       WHERE s.token_sha256 = $1`,
      [hashToken(sessionToken)],
    );
    if (!row) return null;
    if (row.ended) return { refused: 'Your session has ended; sign in again.' };
    const found = personActor(row);
    return found && 'actor' in found
      ? { ...found, session: { csrfSha256: row.csrf_sha256 } }
      : found;
  }
}

/** Shares the authenticator, so revoking a key can make it forget that key at once. */
@Global()
@Module({ providers: [TokenAuthenticator], exports: [TokenAuthenticator] })
export class AuthModule {}

export const unauthorized = (detail: string) =>
  new ProblemException(401, 'unauthorized', 'Unauthorized', detail);

@Injectable()
export class BearerAuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenAuthenticator) private readonly authenticator: TokenAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const found = await this.authenticateRequest(request);
    if ('refused' in found) throw unauthorized(found.refused);
    const { actor } = found;
    if (found.session && !SAFE_METHODS.has(request.method)) requireCsrf(request, found.session);
    request.actor = actor;
    checkPermission(this.reflector, context, actor);
    return true;
  }

  /** A bearer token or API key when the request has one, else the session cookie. */
  private async authenticateRequest(
    request: AuthenticatedRequest,
  ): Promise<NonNullable<Authentication>> {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw unauthorized('Send your API token as "Authorization: Bearer <token>".');
      const token = match[1]!;
      return (
        (await this.authenticator.authenticate(token)) ??
        // The embedded widget's session token (auth/widget-token), sent as a bearer: a browser
        // never adds it on its own, so no CSRF header is needed.
        withoutSession(await this.authenticator.authenticateSession(token)) ?? {
          refused: 'This token is not valid.',
        }
      );
    }
    const session = parseCookie(request.headers.cookie ?? '')[SESSION_COOKIE];
    if (!session) {
      throw unauthorized('Sign in, or send your API token as "Authorization: Bearer <token>".');
    }
    return (
      (await this.authenticator.authenticateSession(session)) ?? {
        refused: 'Your session has ended; sign in again.',
      }
    );
  }
}

const withoutSession = (found: Authentication): Authentication =>
  found && 'actor' in found ? { actor: found.actor } : found;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A browser sends the session cookie with any request, also one another site's page triggers;
 * only a page of ours can read the CSRF cookie and echo it as a header (synchronizer token).
 */
const requireCsrf = (request: Request, session: { csrfSha256: Buffer }): void => {
  const sent = request.headers[CSRF_HEADER];
  const hash = typeof sent === 'string' ? hashToken(sent) : null;
  if (!hash || !timingSafeEqual(hash, session.csrfSha256)) {
    throw new ProblemException(
      403,
      'csrf',
      'Forbidden',
      `A change made with the session cookie needs the "${CSRF_HEADER}" header holding the "${CSRF_COOKIE}" cookie.`,
    );
  }
};
