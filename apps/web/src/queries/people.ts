import type {
  ActorRoleName,
  Invitation,
  InvitePersonInput,
  PeopleList,
  PersonView,
} from '@chorus/domain/client';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { enc, getJson, sendJson } from '../api/request';
import { meKey } from './me';

// The workspace's people (admins only). Their rows change in the command's own transaction, so
// the answer of a command is already what the list will say.

const PEOPLE_PATH = '/people';

export const fetchPeople = async (signal?: AbortSignal): Promise<PeopleList> =>
  getJson<PeopleList>(PEOPLE_PATH, signal);

export const invitePerson = async (input: InvitePersonInput): Promise<Invitation> =>
  sendJson<Invitation>(`${PEOPLE_PATH}/invitations`, 'POST', input);

export const changeRole = async ({
  id,
  role,
}: {
  id: string;
  role: ActorRoleName;
}): Promise<PersonView> => sendJson<PersonView>(`${PEOPLE_PATH}/${enc(id)}/role`, 'PUT', { role });

export const setActive = async ({
  id,
  active,
}: {
  id: string;
  active: boolean;
}): Promise<PersonView> =>
  sendJson<PersonView>(`${PEOPLE_PATH}/${enc(id)}/${active ? 'reactivate' : 'deactivate'}`, 'POST');

export const peopleKey = ['people'] as const;

export const usePeople = () =>
  useQuery({
    queryKey: peopleKey,
    queryFn: ({ signal }) => fetchPeople(signal),
  });

/** Puts a command's answer into the cached list at once. */
const put = async (queryClient: QueryClient, person: PersonView) => {
  await queryClient.cancelQueries({ queryKey: peopleKey, exact: true });
  queryClient.setQueryData<PeopleList>(peopleKey, (list) => {
    if (!list) return list;
    const known = list.items.some((item) => item.id === person.id);
    return {
      items: known
        ? list.items.map((item) => (item.id === person.id ? person : item))
        : [...list.items, person],
    };
  });
};

/** The answer at once, then the list read again for its order (active first, by name). */
const adopt = async (queryClient: QueryClient, person: PersonView) => {
  await put(queryClient, person);
  await queryClient.invalidateQueries({ queryKey: peopleKey, exact: true });
};

export const useInvitePerson = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: invitePerson,
    // The answer holds the link's secret: forget it as soon as the dialog showing it is gone.
    gcTime: 0,
    onSuccess: ({ person }) => void adopt(queryClient, person),
  });
};

export const useChangeRole = (meId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeRole,
    onSuccess: async (person) => {
      if (person.id !== meId) return adopt(queryClient, person);
      // One's own role changes what the app shows, this page included; someone who is no
      // longer an admin could not read the list again.
      await put(queryClient, person);
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
};

export const useSetActive = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setActive,
    onSuccess: (person) => void adopt(queryClient, person),
  });
};
