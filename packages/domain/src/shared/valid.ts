import type { z } from 'zod';
import { DomainRuleViolation } from './errors';

/** Parses a command's field, turning the schema's first complaint into a rule violation naming the field. */
export const valid = <T>(schema: z.ZodType<T>, value: unknown, field: string): T => {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DomainRuleViolation(result.error.issues[0]?.message ?? `${field} is invalid.`, field);
  }
  return result.data;
};

/** Like `valid`, for an optional field: an omitted value stays omitted. */
export const validIfGiven = <T>(schema: z.ZodType<T>, value: T | undefined, field: string) =>
  value === undefined ? undefined : valid(schema, value, field);
