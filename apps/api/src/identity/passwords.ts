import { randomBytes } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id settings: 19 MiB of memory, two passes, one lane. */
const options = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** What a password is checked against when there is none, so both take as long. */
const nobodysHash = hash(randomBytes(32).toString('base64'), options);

export const hashPassword = (password: string): Promise<string> => hash(password, options);

/**
 * Checks a password against its hash. Someone without a password (or no one at all) is checked
 * against a hash of nothing anyone can type, so the answer takes as long either way and says
 * nothing about who has an account.
 */
export const passwordMatches = async (
  storedHash: string | null,
  password: string,
): Promise<boolean> => {
  const matches = await verify(storedHash ?? (await nobodysHash), password);
  return storedHash !== null && matches;
};
