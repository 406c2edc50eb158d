import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainRuleViolation,
  personDecider,
  personStreamId,
  type StaffRoleName,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { TokenAuthenticator } from '../../platform/auth';
import { decideAndAppend } from '../../platform/run-decider';
import { changePerson } from '../person-changes';
import { openSession, type SessionSecrets } from '../sessions';
import { authorizationUrl, SSO_LOGIN_MINUTES, verifiedClaims } from './oidc';
import { readSsoConnection, roleFromClaims, type SsoConnection } from './sso-connection';

/** A sign-in that could not finish, with the sentence the sign-in screen shows. */
export class SsoRefused extends Error {}

type Member = {
  id: string;
  role: StaffRoleName | 'customer';
  status: string;
  sso_subject: string | null;
};

/**
 * Single sign-on, OIDC authorization code flow with PKCE (openid-client): start sends the
 * browser to the provider; finish checks what comes back, finds or provisions the person
 * (just in time, with the role their claims map to) and opens a session.
 */
@Injectable()
export class SsoSignIn {
  private readonly logger = new Logger('SingleSignOn');

  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(TokenAuthenticator) private readonly authenticator: TokenAuthenticator,
  ) {}

  async start(workspaceSlug: string, returnTo: string, redirectUri: string): Promise<URL> {
    const [workspace] = await this.db.query<{ workspace_id: string }[]>(
      `SELECT workspace_id FROM workspaces WHERE slug = $1`,
      [workspaceSlug],
    );
    const connection = workspace && (await readSsoConnection(this.db, workspace.workspace_id));
    if (!connection?.enabled)
      throw new SsoRefused('Single sign-on is not set up for this workspace.');
    const { url, pending } = await authorizationUrl(connection, redirectUri);
    await this.db.query(
      `INSERT INTO sso_logins (state, workspace_id, code_verifier, nonce, return_to, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
      [
        pending.state,
        connection.workspaceId,
        pending.codeVerifier,
        pending.nonce,
        returnTo,
        SSO_LOGIN_MINUTES,
      ],
    );
    return url;
  }

  async finish(
    callbackUrl: URL,
    state: string,
  ): Promise<{ secrets: SessionSecrets; returnTo: string }> {
    const [login] = await this.db.query<
      { workspace_id: string; code_verifier: string; nonce: string; return_to: string }[]
    >(
      `WITH used AS (DELETE FROM sso_logins WHERE state = $1 AND expires_at > now() RETURNING *)
       SELECT workspace_id, code_verifier, nonce, return_to FROM used`,
      [state],
    );
    if (!login) throw new SsoRefused('This sign-in has expired or was used already; start again.');
    const connection = await readSsoConnection(this.db, login.workspace_id);
    if (!connection?.enabled)
      throw new SsoRefused('Single sign-on is not set up for this workspace.');
    let claims: Record<string, unknown>;
    try {
      claims = await verifiedClaims(connection, callbackUrl, {
        state,
        codeVerifier: login.code_verifier,
        nonce: login.nonce,
      });
    } catch (error) {
      this.logger.warn(
        `Single sign-on refused for workspace ${login.workspace_id}: ${String(error)}`,
      );
      throw new SsoRefused(
        "The identity provider's answer could not be trusted, so you are not signed in. Try again, or ask an admin to check the single sign-on settings.",
      );
    }
    const personId = await this.db.transaction((manager) =>
      this.member(manager, connection, claims),
    );
    this.authenticator.forget(personId);
    const secrets = await openSession(this.db.manager, {
      id: personId,
      workspaceId: login.workspace_id,
    });
    return { secrets, returnTo: login.return_to };
  }

  /** The person the claims name, provisioned on first sign-in and given the role they map to. */
  private async member(
    manager: EntityManager,
    connection: SsoConnection,
    claims: Record<string, unknown>,
  ): Promise<string> {
    const subject = String(claims.sub);
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
    if (!email) throw new SsoRefused('The identity provider did not say your email address.');
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
    const { role, fromClaim } = roleFromClaims(connection, claims);
    const { workspaceId } = connection;
    const context = { workspaceId, actorId: '', correlationId: randomUUID(), causationId: null };
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('people-' || $1))`, [workspaceId]);
    const [known] = await manager.query<Member[]>(
      `SELECT id, role, status, sso_subject FROM users
       WHERE workspace_id = $1 AND (sso_subject = $2 OR (sso_subject IS NULL AND lower(email) = $3))
       ORDER BY sso_subject IS NULL LIMIT 1`,
      [workspaceId, subject, email],
    );
    if (!known) {
      if (role === null) {
        throw new SsoRefused(
          "Your organisation's sign-in gives you no role in Chorus; ask an admin of the workspace.",
        );
      }
      const personId = randomUUID();
      await manager.query(
        `INSERT INTO users (id, workspace_id, name, email, role, sso_subject) VALUES ($1, $2, $3, $4, $5, $6)`,
        [personId, workspaceId, name, email, role, subject],
      );
      await decideAndAppend(
        this.store,
        personDecider,
        personStreamId(personId),
        { type: 'RegisterPerson', personId, role, via: 'sso' },
        { ...context, actorId: personId },
        { manager, retries: 0 },
      );
      return personId;
    }
    if (known.role === 'customer') throw new SsoRefused('Customers sign in through the portal.');
    if (known.status === 'deactivated' || known.status === 'erased') {
      throw new SsoRefused(
        'This account is deactivated; an admin of the workspace can reactivate it.',
      );
    }
    await manager.query(`UPDATE users SET sso_subject = $2 WHERE id = $1`, [known.id, subject]);
    const self = { id: known.id, role: known.role };
    if (known.status === 'invited') {
      const now = new Date().toISOString();
      await changePerson(manager, this.store, { ...context, actorId: known.id }, known.id, () => ({
        type: 'AcceptInvitation',
        personId: known.id,
        now,
      }));
    }
    // The provider decides roles it maps: a change there applies at the next sign-in.
    if (fromClaim && role !== null && role !== known.role) {
      try {
        await changePerson(
          manager,
          this.store,
          { ...context, actorId: known.id },
          known.id,
          (admins) => ({
            type: 'ChangeRole',
            personId: known.id,
            role,
            activeAdmins: admins,
            actor: self,
          }),
        );
      } catch (error) {
        if (!(error instanceof DomainRuleViolation)) throw error;
        throw new SsoRefused(error.message);
      }
    }
    return known.id;
  }
}
