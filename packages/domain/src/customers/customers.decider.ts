import { isStaff, type Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { ActionForbidden } from '../shared/errors';
import { valid } from '../shared/valid';
import {
  CompanyAttributes,
  CompanyDomain,
  CompanyName,
  CustomerEmail,
  ExternalId,
  MrrCents,
  PersonName,
  Plan,
  Segment,
  type CompanyEvent,
  type CustomerEvent,
} from './customers.events';
import { z } from 'zod';

/**
 * End users and companies are upserted by the host application's external id. The API derives
 * each stream's id from (workspace, external id), so an upsert is a decision on one stream and two
 * racing upserts of the same customer conflict instead of creating two.
 */
export type CustomerFields = {
  externalId: string;
  email: string | null;
  name: string;
  companyId: string | null;
};
export type Customer = ({ exists: true; customerId: string } & CustomerFields) | { exists: false };

export type CompanyFields = {
  externalId: string;
  name: string;
  domain: string | null;
  plan: string | null;
  mrrCents: number;
  segment: string | null;
  attributes: Record<string, string | number | boolean>;
};
export type Company = ({ exists: true; companyId: string } & CompanyFields) | { exists: false };

export type UpsertCustomer = {
  type: 'UpsertCustomer';
  customerId: string;
  externalId: string;
  /** Omitted fields keep their current value (or their default on creation). */
  email?: string | null;
  name?: string;
  companyId?: string | null;
  actor: Actor;
};
export type UpsertCompany = {
  type: 'UpsertCompany';
  companyId: string;
  externalId: string;
  name?: string;
  domain?: string | null;
  plan?: string | null;
  mrrCents?: number;
  segment?: string | null;
  attributes?: Record<string, string | number | boolean>;
  actor: Actor;
};

const assertStaff = (actor: Actor) => {
  if (!isStaff(actor)) throw new ActionForbidden('Only a teammate can manage customers.');
};
const optional = <T>(schema: z.ZodType<T>, value: T | undefined, field: string) =>
  value === undefined ? undefined : valid(schema, value, field);
/** Attribute maps are equal whatever their key order (jsonb keeps its own). */
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
const changesFrom = <T extends object>(current: T, requested: Partial<T>): Partial<T> =>
  Object.fromEntries(
    Object.entries(requested).filter(
      ([key, value]) => value !== undefined && !same(current[key as keyof T], value),
    ),
  ) as Partial<T>;

export const customerDecider: Decider<UpsertCustomer, CustomerEvent, Customer> = {
  initialState: () => ({ exists: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'CustomerCreated':
        return { exists: true, ...event.data };
      case 'CustomerUpdated': {
        if (!state.exists) return state;
        const { customerId: _id, ...changes } = event.data;
        return { ...state, ...changesFrom(state, changes) };
      }
    }
  },
  decide: (command, state) => {
    assertStaff(command.actor);
    const requested = {
      email: optional(CustomerEmail.nullable(), command.email, 'email'),
      name: optional(PersonName, command.name, 'name'),
      companyId: optional(z.uuid().nullable(), command.companyId, 'companyId'),
    };
    if (!state.exists) {
      return [
        {
          type: 'CustomerCreated',
          data: {
            customerId: command.customerId,
            externalId: valid(ExternalId, command.externalId, 'externalId'),
            email: requested.email ?? null,
            name: requested.name ?? '',
            companyId: requested.companyId ?? null,
          },
        },
      ];
    }
    const changes = changesFrom<CustomerFields>(state, requested);
    if (Object.keys(changes).length === 0) return [];
    return [{ type: 'CustomerUpdated', data: { customerId: state.customerId, ...changes } }];
  },
};

export const companyDecider: Decider<UpsertCompany, CompanyEvent, Company> = {
  initialState: () => ({ exists: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'CompanyCreated':
        return { exists: true, ...event.data };
      case 'CompanyUpdated': {
        if (!state.exists) return state;
        const { companyId: _id, ...changes } = event.data;
        return { ...state, ...changesFrom(state, changes) };
      }
    }
  },
  decide: (command, state) => {
    assertStaff(command.actor);
    const requested = {
      name: optional(CompanyName, command.name, 'name'),
      domain: optional(CompanyDomain.nullable(), command.domain, 'domain'),
      plan: optional(Plan.nullable(), command.plan, 'plan'),
      mrrCents: optional(MrrCents, command.mrrCents, 'mrrCents'),
      segment: optional(Segment.nullable(), command.segment, 'segment'),
      attributes: optional(CompanyAttributes, command.attributes, 'attributes'),
    };
    if (!state.exists) {
      return [
        {
          type: 'CompanyCreated',
          data: {
            companyId: command.companyId,
            externalId: valid(ExternalId, command.externalId, 'externalId'),
            name: requested.name ?? valid(CompanyName, command.externalId, 'name'),
            domain: requested.domain ?? null,
            plan: requested.plan ?? null,
            mrrCents: requested.mrrCents ?? 0,
            segment: requested.segment ?? null,
            attributes: requested.attributes ?? {},
          },
        },
      ];
    }
    const changes = changesFrom<CompanyFields>(state, requested);
    if (Object.keys(changes).length === 0) return [];
    return [{ type: 'CompanyUpdated', data: { companyId: state.companyId, ...changes } }];
  },
};

export const customerStreamId = (customerId: string): string => `customer-${customerId}`;
export const companyStreamId = (companyId: string): string => `company-${companyId}`;
