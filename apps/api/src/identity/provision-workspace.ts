import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  personDecider,
  personStreamId,
  workspaceDecider,
  workspaceStreamId,
  type ActorRole,
} from '@chorus/domain';
import { PostgresEventStore } from '@chorus/event-store';
import { hashToken } from '../platform/auth';

export type PersonToProvision = { name: string; email: string; role: ActorRole; token?: string };
export type ProvisionedPerson = {
  id: string;
  name: string;
  email: string;
  role: ActorRole;
  token: string;
};

export const newApiToken = (): string => `chorus_${randomBytes(24).toString('base64url')}`;

/**
 * Creates a workspace (as events) and its people with bearer tokens (stored hashed). The first
 * person is the admin who creates it; each person joins on their own `person-<id>` stream.
 */
export const provisionWorkspace = async (
  db: DataSource,
  workspace: { id?: string; name: string; slug: string },
  people: readonly PersonToProvision[],
): Promise<{ workspaceId: string; people: ProvisionedPerson[] }> => {
  const workspaceId = workspace.id ?? randomUUID();
  const provisioned = people.map((p) => ({
    ...p,
    id: randomUUID(),
    token: p.token ?? newApiToken(),
  }));
  const creator = provisioned[0];
  if (!creator || creator.role !== 'admin')
    throw new Error('The first person of a workspace must be its admin.');
  const store = new PostgresEventStore(db);
  await db.transaction(async (tx) => {
    const events = workspaceDecider.decide(
      {
        type: 'CreateWorkspace',
        workspaceId,
        name: workspace.name,
        slug: workspace.slug,
        actor: creator,
      },
      workspaceDecider.initialState(),
    );
    await store.append(
      workspaceStreamId(workspaceId),
      0,
      events,
      { workspaceId, actorId: creator.id, correlationId: randomUUID() },
      tx,
    );
    for (const person of provisioned) {
      await tx.query(
        `INSERT INTO users (id, workspace_id, name, email, role, token_sha256) VALUES ($1, $2, $3, $4, $5, $6)`,
        [person.id, workspaceId, person.name, person.email, person.role, hashToken(person.token)],
      );
      await store.append(
        personStreamId(person.id),
        0,
        personDecider.decide(
          { type: 'RegisterPerson', personId: person.id, role: person.role, via: 'provisioning' },
          personDecider.initialState(),
        ),
        { workspaceId, actorId: creator.id, correlationId: randomUUID() },
        tx,
      );
    }
  });
  store.notifyAppended();
  return { workspaceId, people: provisioned };
};
