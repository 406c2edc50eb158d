import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresEventStore } from '@chorus/event-store';
import { ProblemException } from './problem-details';

export type IdempotentResponse<T> = { status: number; body: T; replayed: boolean };

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

export const requestHash = (body: unknown): string =>
  createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('hex');

/**
 * Runs `execute` once per (workspace, actor, key). The key is claimed in the same transaction
 * as the events: a concurrent retry waits on the claim and then gets the stored response, and
 * a failed first attempt leaves no claim behind.
 */
export const withIdempotencyKey = async <T>(
  tx: EntityManager,
  scope: { workspaceId: string; actorId: string; key: string; requestHash: string },
  execute: () => Promise<{ status: number; body: T }>,
): Promise<IdempotentResponse<T>> => {
  if (!IDEMPOTENCY_KEY.test(scope.key)) {
    throw new ProblemException(
      400,
      'validation',
      'Your request is not valid',
      'Idempotency-Key must be 1 to 255 visible ASCII characters.',
      [
        {
          field: 'Idempotency-Key',
          pointer: '#/headers/Idempotency-Key',
          message: 'Must be 1 to 255 visible ASCII characters.',
        },
      ],
    );
  }
  const claimed = await tx.query<unknown[]>(
    `INSERT INTO idempotency_keys (workspace_id, actor_id, key, request_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT DO NOTHING RETURNING key`,
    [scope.workspaceId, scope.actorId, scope.key, scope.requestHash],
  );
  if (claimed.length === 0) {
    const [previous] = await tx.query<{ request_hash: string; status: number; body: T }[]>(
      `SELECT request_hash, status, body FROM idempotency_keys WHERE workspace_id = $1 AND actor_id = $2 AND key = $3`,
      [scope.workspaceId, scope.actorId, scope.key],
    );
    if (!previous || previous.request_hash !== scope.requestHash) {
      throw new ProblemException(
        422,
        'idempotency-key-reused',
        'Idempotency-Key reused',
        'This Idempotency-Key was already used for a different request.',
      );
    }
    return { status: previous.status, body: previous.body, replayed: true };
  }
  const result = await execute();
  await tx.query(
    `UPDATE idempotency_keys SET status = $4, body = $5 WHERE workspace_id = $1 AND actor_id = $2 AND key = $3`,
    [scope.workspaceId, scope.actorId, scope.key, result.status, JSON.stringify(result.body)],
  );
  return { ...result, replayed: false };
};

/**
 * Creates something once per Idempotency-Key: with a key, `create` runs in a transaction that
 * also claims the key, so a retry gets the stored response; without one, it simply runs.
 */
export const createOncePerKey = async <T>(
  db: DataSource,
  store: Pick<PostgresEventStore, 'notifyAppended'>,
  request: {
    actor: { workspaceId: string; id: string };
    idempotencyKey: string | undefined;
    input: unknown;
  },
  create: (manager?: EntityManager) => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T; replayed?: boolean }> => {
  const { actor, idempotencyKey, input } = request;
  if (idempotencyKey === undefined) return create();
  const result = await db.transaction((tx) =>
    withIdempotencyKey(
      tx,
      {
        workspaceId: actor.workspaceId,
        actorId: actor.id,
        key: idempotencyKey,
        requestHash: requestHash(input),
      },
      () => create(tx),
    ),
  );
  store.notifyAppended();
  return result;
};
