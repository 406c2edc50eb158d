import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'chorus.token';
/**
 * Set while this browser holds a session cookie, which scripts cannot see: other tabs follow its
 * changes. It holds no secret, only when the session began.
 */
const SESSION_KEY = 'chorus.session';

/**
 * How requests prove who is asking: an API token sent as a bearer header (pasted, or handed over
 * by the launcher's `#token=` link), or the HttpOnly session cookie set by a password sign-in.
 */
export type Credential = { kind: 'token'; token: string } | { kind: 'session'; since: string };

export type AuthState = {
  credential: Credential | null;
  /** True at startup, while the app asks the API whether a session cookie is still good. */
  checking: boolean;
  /** Why the user is looking at the sign-in screen, when it was not their choice. */
  notice: string | null;
};

const storedToken = window.localStorage.getItem(STORAGE_KEY);

let state: AuthState = {
  credential: storedToken ? { kind: 'token', token: storedToken } : null,
  checking: storedToken === null,
  notice: null,
};
const listeners = new Set<() => void>();

const update = (next: AuthState) => {
  state = next;
  listeners.forEach((listener) => listener());
};

export const getCredential = (): Credential | null => state.credential;

export const isChecking = (): boolean => state.checking;

export const getToken = (): string | null =>
  state.credential?.kind === 'token' ? state.credential.token : null;

/** A key that changes with every sign-in, so nothing of one person's UI survives into the next. */
export const credentialKey = (credential: Credential): string =>
  credential.kind === 'token' ? `token:${credential.token}` : `session:${credential.since}`;

export const signIn = (token: string) => {
  window.localStorage.setItem(STORAGE_KEY, token);
  update({ credential: { kind: 'token', token }, checking: false, notice: null });
};

/** The API has just set the session cookie (a sign-in, an accepted invitation, or a resumed one). */
export const adoptSession = () => {
  const since = new Date().toISOString();
  window.localStorage.removeItem(STORAGE_KEY);
  window.localStorage.setItem(SESSION_KEY, since);
  update({ credential: { kind: 'session', since }, checking: false, notice: null });
};

/** Forgets the credential in this browser; ending a session on the server is auth-api's `signOut`. */
export const forgetCredential = (notice: string | null = null) => {
  if (state.credential) {
    window.localStorage.removeItem(state.credential.kind === 'session' ? SESSION_KEY : STORAGE_KEY);
  }
  update({ credential: null, checking: false, notice });
};

/** The startup check found no session: the sign-in screen shows, with `notice` if something failed. */
export const finishChecking = (notice: string | null) => {
  if (state.checking) update({ credential: null, checking: false, notice });
};

/**
 * Signs out only if `credential` is still the one in use, so a late 401 cannot end a newer
 * sign-in.
 */
export const expireCredential = (credential: Credential | null, notice: string) => {
  if (credential !== null && credential === state.credential) forgetCredential(notice);
};

export const subscribeToAuth = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const useAuth = (): AuthState => useSyncExternalStore(subscribeToAuth, () => state);

/** The page that accepts an invitation: its link carries the invitation's secret, not an API token. */
export const INVITATION_PATH = '/invitation';

let invitationToken: string | null = null;

/** The secret of the invitation link this page was opened with, if any. */
export const getInvitationToken = (): string | null => invitationToken;

/** Takes `token` out of the address bar's fragment and history, keeping the rest. */
const takeTokenFromAddress = (): string | null => {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const token = hash.get('token');
  if (!token) return null;
  hash.delete('token');
  const rest = hash.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`,
  );
  return token;
};

/**
 * Adopts a token handed over in the URL (`#token=…`, as the launcher prints it) and removes it
 * from the address bar and history; on the invitation page, the fragment's token is the
 * invitation's instead, kept for that page. Then follows sign-ins and sign-outs made in other tabs.
 */
export const initAuth = () => {
  const fromAddress = takeTokenFromAddress();
  if (fromAddress && window.location.pathname === INVITATION_PATH) invitationToken = fromAddress;
  else if (fromAddress) signIn(fromAddress);

  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) {
      if (event.newValue === getToken()) return;
      if (event.newValue) {
        update({
          credential: { kind: 'token', token: event.newValue },
          checking: false,
          notice: null,
        });
      } else if (state.credential?.kind === 'token') {
        update({ credential: null, checking: false, notice: 'You signed out in another tab.' });
      }
    } else if (event.key === SESSION_KEY) {
      if (event.newValue) {
        // Another tab signed in with a password: the cookie it got is this tab's too.
        update({
          credential: { kind: 'session', since: event.newValue },
          checking: false,
          notice: null,
        });
      } else if (state.credential?.kind === 'session') {
        update({ credential: null, checking: false, notice: 'You signed out in another tab.' });
      }
    }
  });
};

/** Accepts a bare token or a whole launcher URL pasted by mistake. */
export const extractToken = (input: string): string => {
  const value = input.trim();
  const marker = value.indexOf('#');
  if (marker === -1) return value;
  return new URLSearchParams(value.slice(marker + 1)).get('token') ?? value;
};
