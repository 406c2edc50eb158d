import { createHash } from 'node:crypto';
import {
  applyDecorators,
  Inject,
  Injectable,
  SetMetadata,
  createParamDecorator,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import type { Actor, ActorRole } from '@chorus/domain';
import { checkPermission } from './permissions';
import { ProblemException } from './problem-details';

export type AuthenticatedActor = Actor & { workspaceId: string; name: string; email: string };

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

@Injectable()
export class TokenAuthenticator {
  /** A short-lived cache keeps the hot path (votes) off the users table. */
  private readonly cache = new Map<string, { actor: AuthenticatedActor; expires: number }>();

  constructor(@Inject(DataSource) private readonly db: DataSource) {}

  async authenticate(token: string): Promise<AuthenticatedActor | null> {
    const hash = hashToken(token);
    const key = hash.toString('base64');
    const cached = this.cache.get(key);
    if (cached && cached.expires > Date.now()) return cached.actor;
    const rows = await this.db.query<
      { id: string; workspace_id: string; name: string; email: string; role: ActorRole }[]
    >(`SELECT id, workspace_id, name, email, role FROM users WHERE token_sha256 = $1`, [hash]);
    const row = rows[0];
    if (!row) {
      this.cache.delete(key);
      return null;
    }
    const actor: AuthenticatedActor = {
      id: row.id,
      role: row.role,
      workspaceId: row.workspace_id,
      name: row.name,
      email: row.email,
    };
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, { actor, expires: Date.now() + CACHE_TTL_MS });
    return actor;
  }
}

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
    const actor = await this.authenticator.authenticate(match[1]!);
    if (!actor) throw unauthorized('This token is not valid.');
    request.actor = actor;
    checkPermission(this.reflector, context, actor);
    return true;
  }
}
