import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

// wouter patches history.pushState/replaceState to fire these, so route changes notify us too.
const historyEvents = ['popstate', 'pushState', 'replaceState'] as const;

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  historyEvents.forEach((type) => window.addEventListener(type, listener));
  return () => {
    listeners.delete(listener);
    historyEvents.forEach((type) => window.removeEventListener(type, listener));
  };
};

export type SearchParamChanges = Record<string, string | null>;

export const useSearchParam = (name: string): string | null =>
  useSyncExternalStore(subscribe, () => new URLSearchParams(window.location.search).get(name));

export const hrefWithSearchParams = (changes: SearchParamChanges): string => {
  const url = new URL(window.location.href);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return `${url.pathname}${url.search}${url.hash}`;
};

/** 'push' for moves the back button should undo, 'replace' for tweaks it should skip. */
export const updateSearchParams = (changes: SearchParamChanges, mode: 'push' | 'replace') => {
  const href = hrefWithSearchParams(changes);
  if (href === `${window.location.pathname}${window.location.search}${window.location.hash}`)
    return;
  if (mode === 'push') window.history.pushState(window.history.state, '', href);
  else window.history.replaceState(window.history.state, '', href);
  listeners.forEach((listener) => listener());
};
