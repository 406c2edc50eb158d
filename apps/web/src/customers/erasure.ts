import type { CustomerPage, CustomerView, PeopleList, PersonView } from '@chorus/domain/client';
import {
  useMutation,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { fetchCustomers } from '../api/client';
import { enc, sendJson } from '../api/request';
import { peopleKey } from '../queries/people';
import { settle } from '../sprints/settle';

// GDPR erasure (admins): a customer's or a person's name and email are gone for good, while what
// they did stays. Both are irreversible.

export type ErasedCustomer = { customerId: string; erased: true };

/** How the API shows an erased customer (`personalData` in the domain). */
const erasedCustomerOf = (customer: CustomerView): CustomerView => ({
  ...customer,
  externalId: `erased-${customer.id}`,
  email: null,
  name: 'Erased customer',
});

export const isErasedCustomer = (customer: CustomerView): boolean =>
  customer.externalId === `erased-${customer.id}`;

/** Nothing can be done to an erased person any more. */
export const isErasedPerson = (person: PersonView): boolean => person.status === 'erased';

export const eraseCustomer = async (externalId: string): Promise<ErasedCustomer> =>
  sendJson<ErasedCustomer>(`/customers/${enc(externalId)}/erase`, 'POST');

export const erasePerson = async (id: string): Promise<PersonView> =>
  sendJson<PersonView>(`/people/${enc(id)}/erase`, 'POST');

const customerListsKey = ['customers', 'list'] as const;

/**
 * The customer reads as erased in every cached list at once; the lists are read again once the
 * eventually consistent read model has scrubbed them too.
 */
const adoptErasure = async (queryClient: QueryClient, { customerId }: ErasedCustomer) => {
  await queryClient.cancelQueries({ queryKey: customerListsKey });
  queryClient.setQueriesData<InfiniteData<CustomerPage>>({ queryKey: customerListsKey }, (data) =>
    data
      ? {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((item) =>
              item.id === customerId ? erasedCustomerOf(item) : item,
            ),
          })),
        }
      : data,
  );
  // Searching for the id it now has finds it once the read model is scrubbed.
  await settle(
    queryClient,
    ['customers', 'erased', customerId],
    () => fetchCustomers(`erased-${customerId}`, null),
    (page) => page.items.some((item) => item.id === customerId),
  );
  await queryClient.invalidateQueries({ queryKey: ['customers'] });
  // A company's page lists its customers too.
  await queryClient.invalidateQueries({ queryKey: ['company'] });
};

export const useEraseCustomer = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: eraseCustomer,
    onSuccess: (erased) => void adoptErasure(queryClient, erased),
  });
};

/** People's rows change in the command's own transaction: the answer is what the list will say. */
export const useErasePerson = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: erasePerson,
    onSuccess: async (person) => {
      await queryClient.cancelQueries({ queryKey: peopleKey, exact: true });
      queryClient.setQueryData<PeopleList>(peopleKey, (list) =>
        list ? { items: list.items.map((item) => (item.id === person.id ? person : item)) } : list,
      );
      await queryClient.invalidateQueries({ queryKey: peopleKey, exact: true });
    },
  });
};
