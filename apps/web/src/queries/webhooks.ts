import type {
  CreatedWebhook,
  CreateWebhookInput,
  UpdateWebhookInput,
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookDeliveryQueued,
  WebhookDeliveryStatus,
  WebhookEventTypes,
  WebhookList,
  WebhookView,
} from '@chorus/domain/client';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { enc, getJson, query, sendCommand, sendJson } from '../api/request';
import { settle } from '../sprints/settle';

// Webhooks and Slack (`integrations.manage`). The list is read from a projection, so a command's
// answer goes into the cached list at once and the list is read again until it agrees; one
// subscription is read from its stream, always current, with the version to edit it by. The
// signing secret comes only in the answers to a create and a rotation, and is never cached.

const WEBHOOKS_PATH = '/webhooks';
const webhookPath = (id: string) => `${WEBHOOKS_PATH}/${enc(id)}`;
const deliveryPath = (id: string, deliveryId: string) =>
  `${webhookPath(id)}/deliveries/${enc(deliveryId)}`;

const DELIVERIES_PAGE = 25;

export const fetchWebhooks = async (signal?: AbortSignal): Promise<WebhookList> =>
  getJson<WebhookList>(WEBHOOKS_PATH, signal);

export const fetchWebhook = async (id: string, signal?: AbortSignal): Promise<WebhookView> =>
  getJson<WebhookView>(webhookPath(id), signal);

export const fetchWebhookEventTypes = async (signal?: AbortSignal): Promise<WebhookEventTypes> =>
  getJson<WebhookEventTypes>(`${WEBHOOKS_PATH}/event-types`, signal);

export const createWebhook = async (input: CreateWebhookInput): Promise<CreatedWebhook> =>
  sendJson<CreatedWebhook>(WEBHOOKS_PATH, 'POST', input);

export const updateWebhook = async ({
  id,
  version,
  changes,
}: {
  id: string;
  version: number;
  changes: UpdateWebhookInput;
}): Promise<WebhookView> => sendJson<WebhookView>(webhookPath(id), 'PATCH', changes, version);

export const pauseWebhook = async (id: string): Promise<WebhookView> =>
  sendJson<WebhookView>(`${webhookPath(id)}/pause`, 'POST');

export const resumeWebhook = async (id: string): Promise<WebhookView> =>
  sendJson<WebhookView>(`${webhookPath(id)}/resume`, 'POST');

export const deleteWebhook = async (id: string): Promise<void> =>
  sendCommand(webhookPath(id), 'DELETE');

export const rotateWebhookSecret = async (id: string): Promise<CreatedWebhook> =>
  sendJson<CreatedWebhook>(`${webhookPath(id)}/rotate-secret`, 'POST');

export const sendTestEvent = async (id: string): Promise<WebhookDeliveryQueued> =>
  sendJson<WebhookDeliveryQueued>(`${webhookPath(id)}/test`, 'POST');

export const fetchDeliveries = async (
  id: string,
  status: WebhookDeliveryStatus | null,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<WebhookDeliveryPage> =>
  getJson<WebhookDeliveryPage>(
    `${webhookPath(id)}/deliveries${query({ status, cursor, limit: DELIVERIES_PAGE })}`,
    signal,
  );

export const fetchDelivery = async (
  id: string,
  deliveryId: string,
  signal?: AbortSignal,
): Promise<WebhookDeliveryDetail> =>
  getJson<WebhookDeliveryDetail>(deliveryPath(id, deliveryId), signal);

export const redeliver = async ({
  id,
  deliveryId,
}: {
  id: string;
  deliveryId: string;
}): Promise<WebhookDeliveryQueued> =>
  sendJson<WebhookDeliveryQueued>(`${deliveryPath(id, deliveryId)}/redeliver`, 'POST');

export const webhooksKey = ['webhooks'] as const;
export const webhookListKey = [...webhooksKey, 'list'] as const;
const eventTypesKey = [...webhooksKey, 'event-types'] as const;
const webhookKey = (id: string) => [...webhooksKey, id, 'view'] as const;
const deliveriesKey = (id: string) => [...webhooksKey, id, 'deliveries'] as const;
const deliveryKey = (id: string, deliveryId: string) =>
  [...webhooksKey, id, 'delivery', deliveryId] as const;

/** A delivery waiting for its attempt is made within a second or two: watch it closely. */
const isUnderway = (delivery: { status: WebhookDeliveryStatus }) => delivery.status === 'pending';
const WATCH_MS = 1500;
const LOG_REFRESH_MS = 15_000;

export const useWebhooks = () =>
  useQuery({
    queryKey: webhookListKey,
    queryFn: ({ signal }) => fetchWebhooks(signal),
    // The last delivery's outcome changes as events are sent.
    refetchInterval: LOG_REFRESH_MS,
  });

/** One subscription, shown from the list's copy until its own read answers. */
export const useWebhook = (id: string) => {
  const listed = useQueryClient()
    .getQueryData<WebhookList>(webhookListKey)
    ?.items.find((item) => item.id === id);
  return useQuery({
    queryKey: webhookKey(id),
    queryFn: ({ signal }) => fetchWebhook(id, signal),
    placeholderData: listed,
    refetchInterval: LOG_REFRESH_MS,
  });
};

export const useWebhookEventTypes = () =>
  useQuery({
    queryKey: eventTypesKey,
    queryFn: ({ signal }) => fetchWebhookEventTypes(signal),
    // The catalog of event types changes with a deployment only.
    staleTime: Infinity,
  });

/** A webhook's delivery log, newest first, a page at a time; refreshed while it is shown. */
export const useDeliveries = (id: string, status: WebhookDeliveryStatus | null) =>
  useInfiniteQuery({
    queryKey: [...deliveriesKey(id), status ?? 'all'],
    queryFn: ({ pageParam, signal }) => fetchDeliveries(id, status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    refetchInterval: (current) =>
      current.state.data?.pages.some((page) => page.items.some(isUnderway))
        ? WATCH_MS
        : LOG_REFRESH_MS,
  });

/** One delivery with its attempts, watched while an attempt is due at once. */
export const useDelivery = (id: string, deliveryId: string) =>
  useQuery({
    queryKey: deliveryKey(id, deliveryId),
    queryFn: ({ signal }) => fetchDelivery(id, deliveryId, signal),
    refetchInterval: (current) =>
      current.state.data && isUnderway(current.state.data) ? WATCH_MS : false,
  });

/**
 * A command's answer is the subscription as it is now, and goes into the cached list at once (a
 * new subscription first, as the list is newest first, or out of it once deleted); the list is
 * then read again until it agrees.
 */
const adopt = async (
  queryClient: QueryClient,
  change: { view: WebhookView } | { deletedId: string },
  isFresh: (list: WebhookList) => boolean,
) => {
  if ('view' in change) {
    await queryClient.cancelQueries({ queryKey: webhookKey(change.view.id), exact: true });
    queryClient.setQueryData(webhookKey(change.view.id), change.view);
  }
  await queryClient.cancelQueries({ queryKey: webhookListKey, exact: true });
  queryClient.setQueryData<WebhookList>(webhookListKey, (list) => {
    if (!list) return list;
    if ('deletedId' in change) {
      return { items: list.items.filter((item) => item.id !== change.deletedId) };
    }
    const { view } = change;
    const known = list.items.some((item) => item.id === view.id);
    return {
      items: known
        ? list.items.map((item) => (item.id === view.id ? view : item))
        : [view, ...list.items],
    };
  });
  await settle(queryClient, webhookListKey, () => fetchWebhooks(), isFresh);
};

/** The list shows this version of the subscription, or a later one. */
const shows = (view: WebhookView) => (list: WebhookList) =>
  list.items.some((item) => item.id === view.id && item.version >= view.version);

/** The view without the secret: the cached list never holds it. */
const withoutSecret = ({ secret: _secret, ...view }: CreatedWebhook): WebhookView => view;

export const useCreateWebhook = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhook,
    // The answer holds the secret: forget it as soon as the dialog showing it is gone.
    gcTime: 0,
    onSuccess: (created) => {
      const view = withoutSecret(created);
      void adopt(queryClient, { view }, shows(view));
    },
  });
};

export const useRotateWebhookSecret = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: rotateWebhookSecret,
    gcTime: 0,
    onSuccess: (rotated) => {
      const view = withoutSecret(rotated);
      void adopt(queryClient, { view }, shows(view));
    },
  });
};

const useWebhookChange = <Input>(mutationFn: (input: Input) => Promise<WebhookView>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (view) => void adopt(queryClient, { view }, shows(view)),
  });
};

export const useUpdateWebhook = () => useWebhookChange(updateWebhook);
export const usePauseWebhook = () => useWebhookChange(pauseWebhook);
export const useResumeWebhook = () => useWebhookChange(resumeWebhook);

export const useDeleteWebhook = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWebhook,
    onSuccess: (_answer, id) => {
      void adopt(queryClient, { deletedId: id }, (list) =>
        list.items.every((item) => item.id !== id),
      );
    },
  });
};

/**
 * A queued delivery (a test event or a redelivery): its log and its detail are read again, and
 * watched until the worker has made the attempt.
 */
const useQueueDelivery = <Input>(
  mutationFn: (input: Input) => Promise<WebhookDeliveryQueued>,
  webhookIdOf: (input: Input) => string,
) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (queued, input) => {
      const id = webhookIdOf(input);
      queryClient.setQueryData<WebhookDeliveryDetail>(deliveryKey(id, queued.id), (detail) =>
        detail ? { ...detail, ...queued } : detail,
      );
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: deliveryKey(id, queued.id) }),
        queryClient.invalidateQueries({ queryKey: deliveriesKey(id) }),
      ]);
    },
  });
};

export const useSendTestEvent = () => useQueueDelivery(sendTestEvent, (id) => id);
export const useRedeliver = () => useQueueDelivery(redeliver, ({ id }) => id);
