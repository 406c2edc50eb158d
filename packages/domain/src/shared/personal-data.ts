/**
 * Which fields of which events hold personal data, and whose. The event store seals those fields
 * with a key of that person's (crypto-shredding): erasing the person destroys the key, and from
 * then on every reader — projections rebuilding, the time machine, Kafka subscribers — gets the
 * `erased` values instead, while the events themselves never change.
 */
export type PersonalData = {
  /** The data field naming whose data it is. */
  subject: string;
  fields: readonly string[];
  /** What each field reads as once its key is gone (valid for the event's schema). */
  erased: (data: Record<string, unknown>) => Record<string, unknown>;
};

const erasedCustomer = (data: Record<string, unknown>) => ({
  externalId: `erased-${String(data.customerId)}`,
  email: null,
  name: 'Erased customer',
});

export const personalData: Readonly<Record<string, PersonalData>> = {
  CustomerCreated: {
    subject: 'customerId',
    fields: ['externalId', 'email', 'name'],
    erased: erasedCustomer,
  },
  CustomerUpdated: { subject: 'customerId', fields: ['email', 'name'], erased: erasedCustomer },
};

/** How a sealed value starts, in stored events and in Kafka records. */
export const SEALED_PREFIX = 'sealed:v1:';

export const isSealed = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(SEALED_PREFIX);
