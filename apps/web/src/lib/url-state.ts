import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
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
