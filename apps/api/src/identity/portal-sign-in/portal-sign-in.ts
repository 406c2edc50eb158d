import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import {
  personDecider,
  personStreamId,
  workspaceDecider,
  workspaceStreamId,
  type Me,
  type PortalSecret,
  type PortalSecretStatus,
} from '@chorus/domain';
import { PostgresEventStore, type CommandContext } from '@chorus/event-store';
import { hashToken, type AuthenticatedActor } from '../../platform/auth';
import { decideAndAppend } from '../../platform/run-decider';
import { customerIdOf } from '../../customers/customer-ids';
import { UpsertCompanyCommand } from '../../customers/upsert-company/upsert-company.command';
import { UpsertCustomerCommand } from '../../customers/upsert-customer/upsert-customer.command';
import { iso } from '../../platform/sql-time';
import { meOf } from '../../me/me';
import { openSession, type SessionSecrets } from '../sessions';
import { PortalTokenRefused, verifyPortalToken } from './portal-token';

/**
 * A host application's users sign in to the portal and widget as themselves, with a token it
 * signs with the workspace's portal secret (as Canny's SSO tokens do): no second account.
 */
@Injectable()
export class PortalSignIn {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(CommandBus) private readonly commandBus: CommandBus,
  ) {}

  async status(workspaceId: string): Promise<PortalSecretStatus> {
    const [row] = await this.db.query<{ created_at: string }[]>(
      `SELECT ${iso('created_at')} AS created_at FROM portal_secrets WHERE workspace_id = $1`,
      [workspaceId],
    );
    return { configured: row !== undefined, createdAt: row?.created_at ?? null };
  }

  /** A new secret, shown once; the old one stops working in the same transaction. */
  async rotate(actor: AuthenticatedActor, context: CommandContext): Promise<PortalSecret> {
    const secretId = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await this.db.transaction(async (manager) => {
      await decideAndAppend(
        this.store,
        workspaceDecider,
        workspaceStreamId(actor.workspaceId),
        { type: 'RotatePortalSecret', workspaceId: actor.workspaceId, secretId, actor },
        context,
        { manager },
      );
      await manager.query(
        `INSERT INTO portal_secrets (workspace_id, id, secret) VALUES ($1, $2, $3)
         ON CONFLICT (workspace_id) DO UPDATE
           SET id = EXCLUDED.id, secret = EXCLUDED.secret, created_at = now()`,
        [actor.workspaceId, secretId, secret],
      );
    });
    const { createdAt } = await this.status(actor.workspaceId);
    return { secret, createdAt: createdAt ?? new Date().toISOString() };
  }

  /**
   * `lifetimeMinutes` shortens the session: the widget holds its token in a host page's memory
   * and sends it as a bearer, so it should not outlive the host's own token by much.
   */
  async signIn(
    workspaceSlug: string,
    token: string,
    lifetimeMinutes?: number,
  ): Promise<{ me: Me; secrets: SessionSecrets }> {
    const [row] = await this.db.query<{ workspace_id: string; id: string; secret: string }[]>(
      `SELECT p.workspace_id, p.id, p.secret FROM portal_secrets p
       JOIN workspaces w ON w.workspace_id = p.workspace_id WHERE w.slug = $1`,
      [workspaceSlug],
    );
    if (!row) {
      throw new PortalTokenRefused(
        'This workspace takes no signed sign-in tokens: an admin makes a portal secret first.',
      );
    }
    const claims = await verifyPortalToken(token, row.secret);
    const workspaceId = row.workspace_id;
    // The host application vouched for its user: it is the one changing the customer's record.
    const host: AuthenticatedActor = {
      id: row.id,
      role: 'teammate',
      workspaceId,
      name: 'Host application',
      email: '',
    };
    const context = {
      workspaceId,
      actorId: row.id,
      correlationId: randomUUID(),
      causationId: null,
    };
    if (claims.company) {
      const { id, ...company } = claims.company;
      await this.commandBus.execute(
        new UpsertCompanyCommand({ externalId: id, ...company }, host, context),
      );
    }
    await this.commandBus.execute(
      new UpsertCustomerCommand(
        {
          externalId: claims.id,
          email: claims.email,
          ...(claims.name === undefined ? {} : { name: claims.name }),
          ...(claims.company ? { companyExternalId: claims.company.id } : {}),
        },
        host,
        context,
      ),
    );
    const customerId = customerIdOf(workspaceId, claims.id);
    return this.db.transaction(async (manager) => {
      const [existing] = await manager.query<{ status: string }[]>(
        `SELECT status FROM users WHERE id = $1`,
        [customerId],
      );
      const name = claims.name ?? claims.email.split('@')[0]!;
      if (!existing) {
        await manager.query(
          `INSERT INTO users (id, workspace_id, name, email, role) VALUES ($1, $2, $3, $4, 'customer')`,
          [customerId, workspaceId, name, claims.email.toLowerCase()],
        );
        await decideAndAppend(
          this.store,
          personDecider,
          personStreamId(customerId),
          { type: 'RegisterPerson', personId: customerId, role: 'customer', via: 'portal' },
          { ...context, actorId: customerId },
          { manager, retries: 0 },
        );
      } else if (existing.status !== 'active') {
        throw new PortalTokenRefused('This person is deactivated in Chorus.');
      } else {
        await manager.query(`UPDATE users SET name = $2, email = $3 WHERE id = $1`, [
          customerId,
          name,
          claims.email.toLowerCase(),
        ]);
      }
      const secrets = await openSession(manager, { id: customerId, workspaceId });
      if (lifetimeMinutes !== undefined) {
        await manager.query(
          `UPDATE sessions SET expires_at = now() + make_interval(mins => $2) WHERE token_sha256 = $1`,
          [hashToken(secrets.token), lifetimeMinutes],
        );
      }
      const me = await meOf(manager, {
        id: customerId,
        name,
        email: claims.email.toLowerCase(),
        role: 'customer',
        workspaceId,
      });
      return { me, secrets };
    });
  }
}
