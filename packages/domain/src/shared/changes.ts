/** The fields of `value` that are set: an omitted field of an update means "leave it". */
export const definedFields = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** Maps are equal whatever their key order (jsonb keeps its own), so compare them canonically. */
const canonical = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, v]) => [k, canonical(v)]),
      )
    : value;

const same = (a: unknown, b: unknown) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * The requested fields that are set and differ from the current value: an update that changes
 * nothing records nothing.
 */
export const changedFields = <T extends object>(current: T, requested: Partial<T>): Partial<T> =>
  Object.fromEntries(
    Object.entries(requested).filter(
      ([key, value]) => value !== undefined && !same(current[key as keyof T], value),
    ),
  ) as Partial<T>;
