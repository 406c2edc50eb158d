import { isStaff, type Actor } from '../shared/actor';
import type { Decider } from '../shared/decider';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '../shared/errors';
import { changedFields, definedFields } from '../shared/changes';
import { valid, validIfGiven } from '../shared/valid';
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
export type Customer =
  ({ exists: true; customerId: string; erased: boolean } & CustomerFields) | { exists: false };

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
export type EraseCustomer = { type: 'EraseCustomer'; customerId: string; actor: Actor };
export type CustomerCommand = UpsertCustomer | EraseCustomer;
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
export const customerDecider: Decider<CustomerCommand, CustomerEvent, Customer> = {
  initialState: () => ({ exists: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'CustomerCreated':
        return { exists: true, erased: false, ...event.data };
      case 'CustomerUpdated': {
        if (!state.exists) return state;
        const { customerId: _id, ...changes } = event.data;
        return { ...state, ...definedFields(changes) };
      }
      case 'CustomerErased':
        return state.exists ? { ...state, erased: true } : state;
    }
  },
  decide: (command, state) => {
    assertStaff(command.actor);
    if (command.type === 'EraseCustomer') {
      if (!state.exists) throw new AggregateNotFound('Customer', command.customerId);
      return state.erased
        ? []
        : [
            {
              type: 'CustomerErased',
              data: { customerId: command.customerId, erasedBy: command.actor.id },
            },
          ];
    }
    if (state.exists && state.erased) {
      throw new DomainRuleViolation(
        'This customer was erased; their data cannot come back under the same id.',
        'externalId',
      );
    }
    const requested = {
      email: validIfGiven(CustomerEmail.nullable(), command.email, 'email'),
      name: validIfGiven(PersonName, command.name, 'name'),
      companyId: validIfGiven(z.uuid().nullable(), command.companyId, 'companyId'),
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
    const changes = changedFields<CustomerFields>(state, requested);
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
        return { ...state, ...definedFields(changes) };
      }
    }
  },
  decide: (command, state) => {
    assertStaff(command.actor);
    const requested = {
      name: validIfGiven(CompanyName, command.name, 'name'),
      domain: validIfGiven(CompanyDomain.nullable(), command.domain, 'domain'),
      plan: validIfGiven(Plan.nullable(), command.plan, 'plan'),
      mrrCents: validIfGiven(MrrCents, command.mrrCents, 'mrrCents'),
      segment: validIfGiven(Segment.nullable(), command.segment, 'segment'),
      attributes: validIfGiven(CompanyAttributes, command.attributes, 'attributes'),
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
    const changes = changedFields<CompanyFields>(state, requested);
    if (Object.keys(changes).length === 0) return [];
    return [{ type: 'CompanyUpdated', data: { companyId: state.companyId, ...changes } }];
  },
};

export const customerStreamId = (customerId: string): string => `customer-${customerId}`;
export const companyStreamId = (companyId: string): string => `company-${companyId}`;
