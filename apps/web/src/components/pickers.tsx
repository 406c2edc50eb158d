import { fetchCompanies, fetchCustomers } from '../api/client';
import type { PickerOption } from './async-picker';

export const searchCustomerOptions = async (
  q: string,
  signal: AbortSignal,
): Promise<PickerOption[]> =>
  (await fetchCustomers(q, null, signal)).items.map((customer) => ({
    id: customer.id,
    label: customer.name,
    hint: customer.email ?? customer.externalId,
  }));

export const searchCompanyOptions = async (
  q: string,
  signal: AbortSignal,
): Promise<PickerOption[]> =>
  (await fetchCompanies(q, null, signal)).items.map((company) => ({
    id: company.id,
    label: company.name,
    hint: company.plan ?? company.domain ?? undefined,
  }));
