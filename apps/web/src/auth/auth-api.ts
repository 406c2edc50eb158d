import type {
  AcceptInvitationInput,
  ChangePasswordInput,
  Me,
  PublicSingleSignOn,
  SignInInput,
} from '@chorus/domain/client';
import { fetchMe } from '../api/client';
import { describeError, isProblem } from '../api/problem-error';
import { enc, getJson, readJson, send, sendCommand } from '../api/request';
import { meKey } from '../queries/me';
import { queryClient } from '../queries/query-client';
import {
  adoptSession,
  finishChecking,
  forgetCredential,
  getCredential,
  isChecking,
} from './auth-store';

// Password sign-in and sessions. The API answers them with `Me` and sets the HttpOnly session
// cookie and the readable CSRF cookie; the app never sees the session's secret.

/** Signed in by the cookie just set: the answer is who they are, so the shell need not ask. */
const signedIn = (me: Me): Me => {
  adoptSession();
  queryClient.setQueryData(meKey, me);
  return me;
};

export const signInWithPassword = async (input: SignInInput): Promise<Me> =>
  signedIn(await readJson<Me>(await send('/auth/sessions', { method: 'POST', body: input })));

export const acceptInvitation = async (input: AcceptInvitationInput): Promise<Me> =>
  signedIn(
    await readJson<Me>(await send('/auth/invitations/accept', { method: 'POST', body: input })),
  );

/** Where a workspace's single sign-on starts, or null when it has none. */
export const singleSignOnStart = async (workspace: string): Promise<string | null> => {
  const sso = await getJson<PublicSingleSignOn>(`/public/${enc(workspace)}/sso`);
  return sso.startUrl;
};

/**
 * Why a single sign-on came back refused (`?sso_error=` on the app's address), taken out of the
 * address bar so a reload does not show it again.
 */
export const takeSingleSignOnError = (): string | null => {
  const url = new URL(window.location.href);
  const message = url.searchParams.get('sso_error');
  if (message === null) return null;
  url.searchParams.delete('sso_error');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return message;
};

let resuming: Promise<void> | null = null;

/**
 * At startup without a token: a session cookie from an earlier visit may still be good. Asked
 * once; a 401 just means there is none.
 */
export const resumeSession = (): Promise<void> => {
  resuming ??= fetchMe().then(
    (me) => {
      if (isChecking()) signedIn(me);
    },
    (error: unknown) => finishChecking(isProblem(error, 401) ? null : describeError(error)),
  );
  return resuming;
};

/** Ends the session on the server (which clears its cookies); a token is only forgotten. */
export const signOut = async (): Promise<void> => {
  if (getCredential()?.kind === 'session') {
    try {
      await sendCommand('/auth/sessions/current', 'DELETE');
    } catch (error) {
      // A 401: the session had ended already, and the request has signed out.
      if (!isProblem(error, 401)) {
        forgetCredential(
          `Signed out of this tab only: the session could not be ended. ${describeError(error)}`,
        );
        return;
      }
    }
  }
  forgetCredential();
};

/** Other sessions of the person end; this one stays signed in. */
export const changePassword = (input: ChangePasswordInput): Promise<void> =>
  sendCommand('/me/password', 'PUT', input);
