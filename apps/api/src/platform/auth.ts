import { createHash } from 'node:crypto';
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
import type { Actor, ActorRole, ApiKeyScope } from '@chorus/domain';
import { iso } from '../releases/release.view';
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

/** Who a token belongs to, or why it is refused (`null`: nobody). */
export type Authentication = { actor: AuthenticatedActor } | { refused: string } | null;

type ApiKeyRow = {
  id: string;
  workspace_id: string;
  name: string;
  scopes: ApiKeyScope[];
  expires_at: string | null;
  revoked_at: string | null;
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

@Injectable()
export class TokenAuthenticator {
  /** A short-lived cache keeps the hot path (votes) off the users table. */
  private readonly cache = new Map<string, { found: Authentication; expires: number }>();

  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async authenticate(token: string): Promise<Authentication> {
    const hash = hashToken(token);
    const key = hash.toString('base64');
    const cached = this.cache.get(key);
    const found =
      cached && cached.expires > Date.now() ? cached.found : await this.lookUp(token, hash);
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

  /** Forgets a revoked key at once in this process; other API processes within 30 seconds. */
  forget(keyId: string): void {
    for (const [key, { found }] of this.cache) {
      if (found && 'actor' in found && found.actor.id === keyId) this.cache.delete(key);
    }
  }

  private async lookUp(token: string, hash: Buffer): Promise<Authentication> {
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
      if (row.revoked_at !== null) return { refused: 'This API key was revoked.' };
      return { actor: apiKeyActor(row) };
    }
    const [row] = await this.db.query<
      { id: string; workspace_id: string; name: string; email: string; role: ActorRole }[]
    >(`SELECT id, workspace_id, name, email, role FROM users WHERE token_sha256 = $1`, [hash]);
    if (!row) return null;
    return {
      actor: {
        id: row.id,
        role: row.role,
        workspaceId: row.workspace_id,
        name: row.name,
        email: row.email,
      },
    };
  }
}

/** Shares the authenticator, so revoking a key can make it forget that key at once. */
@Global()
@Module({ providers: [TokenAuthenticator], exports: [TokenAuthenticator] })
export class AuthModule {}

const unauthorized = (detail: string) =>
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
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw unauthorized('Send your API token as "Authorization: Bearer <token>".');
    const found = await this.authenticator.authenticate(match[1]!);
    if (!found) throw unauthorized('This token is not valid.');
    if ('refused' in found) throw unauthorized(found.refused);
    const { actor } = found;
    request.actor = actor;
    checkPermission(this.reflector, context, actor);
    return true;
  }
}
