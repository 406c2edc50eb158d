import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DomainRuleViolation,
  customerDecider,
  customerStreamId,
  fold,
  personDecider,
  personStreamId,
  type ActorRole,
  type CustomerEvent,
  type Me,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { customerIdOf } from '../../customers/customer-ids';
import { unauthorized } from '../../platform/auth';
import { Mailer } from '../../platform/mailer';
import { asDomainEvent, decideAndAppend } from '../../platform/run-decider';
import { meOf } from '../../me/me';
import { OneTimeCodes, codeRefused } from '../one-time-codes';
import { openSession, type SessionSecrets } from '../sessions';
import { ConfirmCustomerCodeCommand } from './confirm-customer-code.command';

type Account = {
  id: string;
  name: string;
  email: string;
  role: ActorRole;
  status: 'invited' | 'active' | 'deactivated' | 'erased';
};

/** Someone who may sign in to the portal with a code: an active customer. */
const portalMember = (account: Account): Account => {
  if (account.role !== 'customer') {
    throw new DomainRuleViolation(
      'This address belongs to a teammate of the workspace: sign in with your password or single sign-on.',
      'email',
    );
  }
  if (account.status !== 'active') {
    throw unauthorized('This account is deactivated; an admin of the workspace can reactivate it.');
  }
  return account;
};

/**
 * Signs in whoever proved they read the address: as the customer with that email, made on
 * first sign-in (external id = the address). Their person id is their customer id, so what
 * they vote and comment counts for them and their company.
 */
@CommandHandler(ConfirmCustomerCodeCommand)
export class ConfirmCustomerCodeHandler implements ICommandHandler<ConfirmCustomerCodeCommand> {
  constructor(
    @Inject(DataSource) private readonly db: DataSource,
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(Mailer) private readonly mailer: Mailer,
    @Inject(OneTimeCodes) private readonly codes: OneTimeCodes,
  ) {}

  async execute({
    input,
  }: ConfirmCustomerCodeCommand): Promise<{ me: Me; secrets: SessionSecrets }> {
    this.mailer.requireMail();
    await this.codes.spendConfirmation('customer-sign-in', input.email);
    const [workspace] = await this.db.query<{ workspace_id: string }[]>(
      `SELECT workspace_id FROM workspaces WHERE slug = $1`,
      [input.workspace],
    );
    if (!workspace) throw codeRefused();
    const workspaceId = workspace.workspace_id;
    await this.codes.redeem(
      { workspaceId, purpose: 'customer-sign-in', email: input.email },
      input.code,
    );
    await this.codes.forgetConfirmations('customer-sign-in', input.email);
    const signedIn = await this.db.transaction(async (manager) => {
      // The lock every change of a workspace's people takes: two first sign-ins make one person.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('people-' || $1))`, [workspaceId]);
      const person = await this.person(manager, workspaceId, input.email);
      const secrets = await openSession(manager, { id: person.id, workspaceId });
      return { secrets, me: await meOf(manager, { ...person, workspaceId }) };
    });
    this.store.notifyAppended();
    return signedIn;
  }

  /** The person with this address, or the address's customer made a person. */
  private async person(
    manager: EntityManager,
    workspaceId: string,
    email: string,
  ): Promise<Account> {
    const [known] = await manager.query<Account[]>(
      `SELECT id, name, email, role, status FROM users WHERE workspace_id = $1 AND lower(email) = $2
       ORDER BY role = 'customer', last_sign_in_at DESC NULLS LAST, created_at DESC LIMIT 1`,
      [workspaceId, email],
    );
    if (known) return portalMember(known);
    const correlationId = randomUUID();
    const customer = await this.customer(manager, workspaceId, email, correlationId);
    const [before] = await manager.query<Account[]>(
      `SELECT id, name, email, role, status FROM users WHERE id = $1`,
      [customer.id],
    );
    // The customer's address changed since they last signed in: the person follows it.
    if (before) {
      await manager.query(`UPDATE users SET email = $2 WHERE id = $1`, [customer.id, email]);
      return portalMember({ ...before, email });
    }
    await manager.query(
      `INSERT INTO users (id, workspace_id, name, email, role) VALUES ($1, $2, $3, $4, 'customer')`,
      [customer.id, workspaceId, customer.name, email],
    );
    await decideAndAppend(
      this.store,
      personDecider,
      personStreamId(customer.id),
      { type: 'RegisterPerson', personId: customer.id, role: 'customer', via: 'portal' },
      { workspaceId, actorId: customer.id, correlationId, causationId: null },
      { manager, retries: 0 },
    );
    return { id: customer.id, name: customer.name, email, role: 'customer', status: 'active' };
  }

  /**
   * The workspace's customer with this email (the read model), else the one whose external id
   * is the address (its stream, which may be ahead of the read model), else a new one.
   */
  private async customer(
    manager: EntityManager,
    workspaceId: string,
    email: string,
    correlationId: string,
  ): Promise<{ id: string; name: string }> {
    const nameOf = (name: string) => name || email.split('@')[0]!;
    const [listed] = await manager.query<{ customer_id: string; name: string }[]>(
      `SELECT customer_id, name FROM customers WHERE workspace_id = $1 AND lower(email) = $2
       ORDER BY external_id = $2 DESC, customer_id LIMIT 1`,
      [workspaceId, email],
    );
    if (listed) return { id: listed.customer_id, name: nameOf(listed.name) };
    const customerId = customerIdOf(workspaceId, email);
    const stream = await this.store.readStream(customerStreamId(customerId), {
      workspaceId,
      manager,
    });
    const current = fold(
      customerDecider,
      stream.map((event) => asDomainEvent<CustomerEvent>(event)),
    );
    if (current.exists) return { id: customerId, name: nameOf(current.name) };
    const name = nameOf('');
    await decideAndAppend(
      this.store,
      customerDecider,
      customerStreamId(customerId),
      {
        type: 'UpsertCustomer',
        customerId,
        externalId: email,
        email,
        name,
        // The decider takes customer records from the organisation's side only; the code the
        // workspace mailed stands in for it here. The log names the customer as the actor.
        actor: { id: customerId, role: 'teammate' },
      },
      { workspaceId, actorId: customerId, correlationId, causationId: null },
      { manager, retries: 0 },
    );
    return { id: customerId, name };
  }
}
