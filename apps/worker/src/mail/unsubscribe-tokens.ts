import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isNotificationCategory, type NotificationCategory } from '@chorus/domain';

type Queryable = Pick<EntityManager, 'query'>;

/** Whose mail of which category a token unsubscribes. */
export type UnsubscribeScope = {
  workspaceId: string;
  personId: string;
  category: NotificationCategory;
};

const VERSION = 'u1';

/**
 * The secret unsubscribe links are signed with: made on first use and kept in the database, so
 * the worker that writes links and every API instance that reads them share it without setup.
 */
export const loadUnsubscribeTokens = async (db: Queryable): Promise<UnsubscribeTokens> => {
  await db.query(
    `INSERT INTO unsubscribe_keys (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`,
    [randomBytes(32)],
  );
  const [row] = await db.query<{ secret: Buffer }[]>(
    `SELECT secret FROM unsubscribe_keys WHERE id = 1`,
  );
  return new UnsubscribeTokens(row!.secret);
};

/**
 * Unsubscribe tokens are signed (HMAC-SHA256), not stored: every mail ever sent to a person
 * about a category carries the same token, valid for as long as the mail is kept, with no row
 * per mail to keep or expire. A token can only ever turn that one category off for that one
 * person (and its page only describe it), so a forwarded mail risks no more than that.
 */
export class UnsubscribeTokens {
  constructor(private readonly secret: Buffer) {}

  sign({ workspaceId, personId, category }: UnsubscribeScope): string {
    const payload = Buffer.from(`${VERSION}:${workspaceId}:${category}:${personId}`).toString(
      'base64url',
    );
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** The scope of a genuine token; null for anything else. */
  verify(token: string): UnsubscribeScope | null {
    const [payload, signature, ...rest] = token.split('.');
    if (!payload || !signature || rest.length > 0) return null;
    const expected = this.mac(payload);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const [version, workspaceId, category, ...person] = Buffer.from(payload, 'base64url')
      .toString('utf8')
      .split(':');
    const personId = person.join(':');
    if (version !== VERSION || !workspaceId || !category || !personId) return null;
    return isNotificationCategory(category) ? { workspaceId, personId, category } : null;
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.secret).update(payload).digest();
  }
}
