import type { Actor } from '../shared/actor';
import { fold } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { deciderSpec } from '../testing/decider-spec';
import {
  companyDecider,
  companyStreamId,
  customerDecider,
  customerStreamId,
  type UpsertCompany,
  type UpsertCustomer,
} from './customers.decider';
import type { CompanyEvent, CustomerEvent } from './customers.events';

const teammate: Actor = { id: 'user-teammate', role: 'teammate' };
const admin: Actor = { id: 'user-admin', role: 'admin' };
const customer: Actor = { id: 'user-customer', role: 'customer' };
const customerId = '5e6f7a8b-1111-4111-8111-111111111111';
const companyId = '6f7a8b9c-2222-4222-8222-222222222222';
const otherCompanyId = '7a8b9c0d-3333-4333-8333-333333333333';

/** The field a rule violation names. */
const fieldOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainRuleViolation) return error.field;
    throw error;
  }
  throw new Error('expected a rule violation');
};

describe('UpsertCustomer', () => {
  const spec = deciderSpec(customerDecider);
  const upsert = (over: Partial<UpsertCustomer> = {}): UpsertCustomer => ({
    type: 'UpsertCustomer',
    customerId,
    externalId: 'crm-42',
    actor: teammate,
    ...over,
  });
  const created: CustomerEvent = {
    type: 'CustomerCreated',
    data: {
      customerId,
      externalId: 'crm-42',
      email: 'ada@example.com',
      name: 'Ada Lovelace',
      companyId,
    },
  };
  const decide =
    (command: UpsertCustomer, events: CustomerEvent[] = []) =>
    () =>
      customerDecider.decide(command, fold(customerDecider, events));

  it('creates a customer with defaults for what is not given', () =>
    spec
      .given([])
      .when(upsert({ externalId: '  crm-42 ' }))
      .then([
        {
          type: 'CustomerCreated',
          data: { customerId, externalId: 'crm-42', email: null, name: '', companyId: null },
        },
      ]));

  it('creates a customer with everything given, trimmed', () =>
    spec
      .given([])
      .when(upsert({ email: 'ada@example.com', name: ' Ada Lovelace ', companyId, actor: admin }))
      .then([created]));

  it('updates only the fields that changed', () =>
    spec
      .given([created])
      .when(upsert({ email: 'ada@example.com', name: 'Ada King', companyId }))
      .then([{ type: 'CustomerUpdated', data: { customerId, name: 'Ada King' } }]));

  it('keeps omitted fields, and may clear a field with null', () =>
    spec
      .given([created])
      .when(upsert({ email: null, companyId: otherCompanyId }))
      .then([
        { type: 'CustomerUpdated', data: { customerId, email: null, companyId: otherCompanyId } },
      ]));

  it('records nothing when nothing changes', () => {
    spec.given([created]).when(upsert()).thenNothingHappens();
    spec
      .given([created])
      .when(upsert({ email: 'ada@example.com', name: 'Ada Lovelace ', companyId }))
      .thenNothingHappens();
  });

  it('folds updates, so the same update twice records nothing the second time', () => {
    const renamed: CustomerEvent = {
      type: 'CustomerUpdated',
      data: { customerId, name: 'Ada King' },
    };
    expect(fold(customerDecider, [created, renamed])).toEqual({
      exists: true,
      erased: false,
      customerId,
      externalId: 'crm-42',
      email: 'ada@example.com',
      name: 'Ada King',
      companyId,
    });
    spec
      .given([created, renamed])
      .when(upsert({ name: 'Ada King' }))
      .thenNothingHappens();
  });

  it.each([
    [{ email: 'not-an-email' }, 'email', 'Email must be a valid address.'],
    [{ name: 'x'.repeat(201) }, 'name', 'Name must be at most 200 characters.'],
    [{ companyId: 'acme' }, 'companyId', /./],
    [{ externalId: '   ' }, 'externalId', 'External id must not be empty.'],
  ])('refuses %j, naming %s', (over, field, message) => {
    expect(decide(upsert(over))).toThrow(message);
    expect(fieldOf(decide(upsert(over)))).toBe(field);
  });

  it('refuses an invalid email on update too', () =>
    expect(fieldOf(decide(upsert({ email: 'ada@' }), [created]))).toBe('email'));

  it('is for teammates only', () =>
    spec
      .given([])
      .when(upsert({ actor: customer }))
      .thenThrows(ActionForbidden));

  it('lives in one stream per customer', () =>
    expect(customerStreamId(customerId)).toBe(`customer-${customerId}`));
});

describe('EraseCustomer', () => {
  const spec = deciderSpec(customerDecider);
  const created: CustomerEvent = {
    type: 'CustomerCreated',
    data: { customerId, externalId: 'crm-42', email: 'ada@example.com', name: 'Ada', companyId },
  };
  const erased: CustomerEvent = {
    type: 'CustomerErased',
    data: { customerId, erasedBy: admin.id },
  };

  it('erases a customer once', () => {
    spec.given([created]).when({ type: 'EraseCustomer', customerId, actor: admin }).then([erased]);
    spec
      .given([created, erased])
      .when({ type: 'EraseCustomer', customerId, actor: admin })
      .thenNothingHappens();
  });

  it('does not bring an erased customer back', () =>
    spec
      .given([created, erased])
      .when({ type: 'UpsertCustomer', customerId, externalId: 'crm-42', name: 'Ada', actor: admin })
      .thenThrows(DomainRuleViolation, /erased/));

  it('is for teammates, and for customers that exist', () => {
    spec
      .given([created])
      .when({ type: 'EraseCustomer', customerId, actor: customer })
      .thenThrows(ActionForbidden);
    spec
      .given([])
      .when({ type: 'EraseCustomer', customerId, actor: admin })
      .thenThrows(AggregateNotFound);
  });
});

describe('UpsertCompany', () => {
  const spec = deciderSpec(companyDecider);
  const upsert = (over: Partial<UpsertCompany> = {}): UpsertCompany => ({
    type: 'UpsertCompany',
    companyId,
    externalId: 'acme',
    actor: teammate,
    ...over,
  });
  const created: CompanyEvent = {
    type: 'CompanyCreated',
    data: {
      companyId,
      externalId: 'acme',
      name: 'Acme Inc',
      domain: 'acme.com',
      plan: 'Enterprise',
      mrrCents: 1_250_000,
      segment: 'Enterprise',
      attributes: { seats: 120, region: 'EU', trial: false },
    },
  };
  const decide =
    (command: UpsertCompany, events: CompanyEvent[] = []) =>
    () =>
      companyDecider.decide(command, fold(companyDecider, events));

  it('creates a company named after its external id, with no revenue, by default', () =>
    spec
      .given([])
      .when(upsert())
      .then([
        {
          type: 'CompanyCreated',
          data: {
            companyId,
            externalId: 'acme',
            name: 'acme',
            domain: null,
            plan: null,
            mrrCents: 0,
            segment: null,
            attributes: {},
          },
        },
      ]));

  it('creates a company with everything given, the domain lowercased', () =>
    spec
      .given([])
      .when(
        upsert({
          name: ' Acme Inc ',
          domain: 'ACME.com',
          plan: 'Enterprise',
          mrrCents: 1_250_000,
          segment: 'Enterprise',
          attributes: { seats: 120, region: 'EU', trial: false },
        }),
      )
      .then([created]));

  it('updates only the fields that changed, attributes compared as a whole', () =>
    spec
      .given([created])
      .when(
        upsert({
          name: 'Acme Inc',
          mrrCents: 1_500_000,
          plan: 'Enterprise',
          attributes: { seats: 150, region: 'EU', trial: false },
        }),
      )
      .then([
        {
          type: 'CompanyUpdated',
          data: {
            companyId,
            mrrCents: 1_500_000,
            attributes: { seats: 150, region: 'EU', trial: false },
          },
        },
      ]));

  it('may clear the plan, domain and segment', () =>
    spec
      .given([created])
      .when(upsert({ plan: null, domain: null, segment: null }))
      .then([
        {
          type: 'CompanyUpdated',
          data: { companyId, domain: null, plan: null, segment: null },
        },
      ]));

  it('records nothing when nothing changes', () => {
    spec.given([created]).when(upsert()).thenNothingHappens();
    spec
      .given([created])
      .when(
        upsert({
          name: 'Acme Inc',
          domain: 'Acme.COM',
          mrrCents: 1_250_000,
          attributes: { seats: 120, region: 'EU', trial: false },
        }),
      )
      .thenNothingHappens();
  });

  it('records nothing when the attributes differ only in key order', () =>
    spec
      .given([created])
      .when(upsert({ attributes: { trial: false, region: 'EU', seats: 120 } }))
      .thenNothingHappens());

  it('folds updates', () =>
    expect(
      fold(companyDecider, [
        created,
        { type: 'CompanyUpdated', data: { companyId, mrrCents: 0, plan: null } },
      ]),
    ).toMatchObject({ exists: true, name: 'Acme Inc', mrrCents: 0, plan: null }));

  it.each([
    [{ mrrCents: -1 }, 'mrrCents', 'MRR cannot be negative.'],
    [{ mrrCents: 12.5 }, 'mrrCents', 'MRR must be a whole number of cents.'],
    [{ mrrCents: 1e14 }, 'mrrCents', 'MRR is too large.'],
    [{ domain: 'not a domain' }, 'domain', 'Domain must look like example.com.'],
    [{ name: '  ' }, 'name', 'Company name must not be empty.'],
    [{ plan: 'x'.repeat(61) }, 'plan', 'Plan must be at most 60 characters.'],
    [{ segment: 'x'.repeat(61) }, 'segment', 'Segment must be at most 60 characters.'],
    // zod 4 reports a bad record key as "Invalid key in record", hiding the schema's own message.
    [{ attributes: { 'bad key': 1 } }, 'attributes', DomainRuleViolation],
    [{ attributes: { note: 'x'.repeat(501) } }, 'attributes', DomainRuleViolation],
    [{ externalId: '' }, 'externalId', 'External id must not be empty.'],
  ])('refuses %j, naming %s', (over, field, message) => {
    expect(decide(upsert(over))).toThrow(message);
    expect(fieldOf(decide(upsert(over)))).toBe(field);
  });

  it('refuses an invalid MRR on update too', () =>
    expect(fieldOf(decide(upsert({ mrrCents: -5 }), [created]))).toBe('mrrCents'));

  it('is for teammates only', () =>
    spec
      .given([created])
      .when(upsert({ actor: customer }))
      .thenThrows(ActionForbidden));

  it('lives in one stream per company', () =>
    expect(companyStreamId(companyId)).toBe(`company-${companyId}`));
});
