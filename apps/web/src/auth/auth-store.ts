import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'chorus.token';

export type AuthState = {
  token: string | null;
  /** Why the user is looking at the sign-in screen, when it was not their choice. */
  notice: string | null;
};

let state: AuthState = { token: window.localStorage.getItem(STORAGE_KEY), notice: null };
const listeners = new Set<() => void>();

const update = (next: AuthState) => {
  state = next;
  listeners.forEach((listener) => listener());
};

export const getToken = (): string | null => state.token;

export const signIn = (token: string) => {
  window.localStorage.setItem(STORAGE_KEY, token);
  update({ token, notice: null });
};

export const signOut = (notice: string | null = null) => {
  window.localStorage.removeItem(STORAGE_KEY);
  update({ token: null, notice });
};

/** Signs out only if `token` is still the one in use, so a late 401 cannot end a newer session. */
export const expireSession = (token: string | null, notice: string) => {
  if (token !== null && token === state.token) signOut(notice);
};

export const subscribeToAuth = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const useAuth = (): AuthState => useSyncExternalStore(subscribeToAuth, () => state);

/**
 * Adopts a token handed over in the URL (`#token=…`, as the launcher prints it) and removes it
 * from the address bar and history, then follows sign-ins and sign-outs made in other tabs.
 */
export const initAuth = () => {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const token = hash.get('token');
  if (token) {
    hash.delete('token');
    const rest = hash.toString();
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`,
    );
    signIn(token);
  }

  window.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY || event.newValue === state.token) return;
    update({
      token: event.newValue,
      notice: event.newValue ? null : 'You signed out in another tab.',
    });
  });
};

/** Accepts a bare token or a whole launcher URL pasted by mistake. */
export const extractToken = (input: string): string => {
  const value = input.trim();
  const marker = value.indexOf('#');
  if (marker === -1) return value;
  return new URLSearchParams(value.slice(marker + 1)).get('token') ?? value;
};
