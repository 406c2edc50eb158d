import { useSyncExternalStore } from 'react';

// The API answers whether a customer follows an item only when they change it, so this browser
// remembers what its customer followed or unfollowed here, per customer.

const keyFor = (userId: string) => `chorus.portal.followed.${userId}`;
const listeners = new Set<() => void>();
const snapshots = new Map<string, { raw: string | null; ids: ReadonlySet<string> }>();

const read = (userId: string): ReadonlySet<string> => {
  const raw = window.localStorage.getItem(keyFor(userId));
  const cached = snapshots.get(userId);
  if (cached && cached.raw === raw) return cached.ids;
  let ids: ReadonlySet<string> = new Set();
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) {
      ids = new Set(parsed.filter((id): id is string => typeof id === 'string'));
    }
  } catch {
    // A damaged entry counts as nothing followed.
  }
  snapshots.set(userId, { raw, ids });
  return ids;
};

export const rememberFollow = (userId: string, feedbackId: string, following: boolean) => {
  const ids = new Set(read(userId));
  if (following) ids.add(feedbackId);
  else ids.delete(feedbackId);
  window.localStorage.setItem(keyFor(userId), JSON.stringify([...ids]));
  listeners.forEach((listener) => listener());
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
};

export const useFollowed = (userId: string): ReadonlySet<string> =>
  useSyncExternalStore(subscribe, () => read(userId));
