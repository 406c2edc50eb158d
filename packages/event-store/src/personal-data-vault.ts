import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { isSealed, personalData, SEALED_PREFIX } from '@chorus/domain';

type Queryable = Pick<EntityManager, 'query'> | Pick<DataSource, 'query'>;

/** What sealing and unsealing need of an event: new rows and stored events both have these. */
type Sealable = { type: string; data: unknown };

const ALGORITHM = 'aes-256-gcm';

/** The field's name and its owner are bound into the ciphertext: a value cannot be moved. */
const associatedData = (subject: string, field: string) => Buffer.from(`${subject}:${field}`);

const seal = (key: Buffer, subject: string, field: string, value: unknown): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(associatedData(subject, field));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${SEALED_PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
};

const unseal = (key: Buffer, subject: string, field: string, value: string): unknown => {
  const bytes = Buffer.from(value.slice(SEALED_PREFIX.length), 'base64url');
  const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, 12))
    .setAAD(associatedData(subject, field))
    .setAuthTag(bytes.subarray(12, 28));
  const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  return JSON.parse(plain.toString('utf8')) as unknown;
};

const subjectOf = (event: Sealable): string | null => {
  const rule = personalData[event.type];
  const subject = rule && (event.data as Record<string, unknown>)[rule.subject];
  return typeof subject === 'string' ? subject : null;
};

/** An erased person's events must never be sealed again with a new key. */
export class ErasedSubject extends Error {
  constructor(subject: string) {
    super(`The personal data of ${subject} was erased; nothing of theirs can be stored again.`);
    this.name = 'ErasedSubject';
  }
}

/**
 * Seals the personal fields of new events (crypto-shredding, docs/security.md): each person has
 * a key, made with their first event, kept in `personal_data_keys` in the same transaction.
 */
export const sealPersonalData = async <E extends Sealable & { workspace_id: string }>(
  db: Queryable,
  rows: E[],
): Promise<E[]> => {
  const owned = rows.filter((row) => subjectOf(row) !== null);
  if (owned.length === 0) return rows;
  const workspaceId = owned[0]!.workspace_id;
  const subjects = [...new Set(owned.map((row) => subjectOf(row)!))];
  const keys = await db.query<{ subject_id: string; key: Buffer | null }[]>(
    `WITH made AS (
       INSERT INTO personal_data_keys (workspace_id, subject_id, key)
       SELECT $1, s, k FROM unnest($2::text[], $3::bytea[]) AS n(s, k)
       ON CONFLICT (workspace_id, subject_id) DO NOTHING
       RETURNING subject_id, key)
     SELECT subject_id, key FROM made
     UNION ALL
     SELECT subject_id, key FROM personal_data_keys
     WHERE workspace_id = $1 AND subject_id = ANY($2::text[])`,
    [workspaceId, subjects, subjects.map(() => randomBytes(32))],
  );
  const keyOf = new Map(keys.map((k) => [k.subject_id, k.key]));
  return rows.map((row) => {
    const subject = subjectOf(row);
    if (subject === null) return row;
    const key = keyOf.get(subject);
    if (!key) throw new ErasedSubject(subject);
    const data = { ...(row.data as Record<string, unknown>) };
    for (const field of personalData[row.type]!.fields) {
      if (data[field] !== undefined && data[field] !== null) {
        data[field] = seal(key, subject, field, data[field]);
      }
    }
    return { ...row, data };
  });
};

/**
 * Opens the sealed fields of stored events with their owners' keys; where a key was destroyed
 * (erasure) the fields read as the domain's erased values. Events written before sealing, with
 * plain values, pass through.
 */
export const unsealPersonalData = async <E extends Sealable & { workspaceId: string }>(
  db: Queryable,
  events: E[],
): Promise<E[]> => {
  const sealed = events.filter(
    (event) =>
      subjectOf(event) !== null &&
      personalData[event.type]!.fields.some((f) =>
        isSealed((event.data as Record<string, unknown>)[f]),
      ),
  );
  if (sealed.length === 0) return events;
  const keys = await db.query<{ workspace_id: string; subject_id: string; key: Buffer | null }[]>(
    `SELECT workspace_id, subject_id, key FROM personal_data_keys
     WHERE (workspace_id, subject_id) IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
    [sealed.map((e) => e.workspaceId), sealed.map((e) => subjectOf(e)!)],
  );
  const keyOf = new Map(keys.map((k) => [`${k.workspace_id}:${k.subject_id}`, k.key]));
  return events.map((event) => {
    const subject = subjectOf(event);
    if (subject === null) return event;
    const rule = personalData[event.type]!;
    const key = keyOf.get(`${event.workspaceId}:${subject}`);
    const data = { ...(event.data as Record<string, unknown>) };
    const erased = rule.erased(data);
    for (const field of rule.fields) {
      const value = data[field];
      if (!isSealed(value)) continue;
      data[field] = key ? unseal(key, subject, field, value) : erased[field];
    }
    return { ...event, data };
  });
};

/** Destroys a person's key: what was sealed with it can never be read again. */
export const destroyPersonalDataKey = (
  db: Queryable,
  workspaceId: string,
  subject: string,
): Promise<unknown> =>
  db.query(
    `INSERT INTO personal_data_keys (workspace_id, subject_id, key, erased_at)
     VALUES ($1, $2, NULL, now())
     ON CONFLICT (workspace_id, subject_id) DO UPDATE SET key = NULL, erased_at = now()`,
    [workspaceId, subject],
  );
