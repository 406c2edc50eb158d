import { CSRF_COOKIE, CSRF_HEADER } from '@chorus/domain/client';
import { expireCredential, getCredential, type Credential } from '../auth/auth-store';
import { ProblemError } from './problem-error';

// How the app talks to the API: a bearer token or the session cookie, JSON, RFC 9457 problems;
// a 401 ends the sign-in.

const BASE_PATH = '/api/v1';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const readCookie = (name: string): string | null => {
  const entry = document.cookie.split('; ').find((pair) => pair.startsWith(`${name}=`));
  return entry === undefined ? null : decodeURIComponent(entry.slice(name.length + 1));
};

/**
 * A token goes as a bearer header. Otherwise the browser sends the session cookie by itself, and
 * every change echoes the readable CSRF cookie in a header: another site's page cannot read it.
 */
const credentialHeaders = (
  credential: Credential | null,
  method: Method,
): Record<string, string> => {
  if (credential?.kind === 'token') return { Authorization: `Bearer ${credential.token}` };
  const csrf = method === 'GET' ? null : readCookie(CSRF_COOKIE);
  return csrf ? { [CSRF_HEADER]: csrf } : {};
};

const SESSION_ENDED = 'Your session has ended. Sign in again.';

/**
 * Why a 401 ended the sign-in. The session's cookies come and go together: once they are gone
 * (expired, or cleared by a sign-out in another tab), the API can only say that none was sent.
 */
const noticeFor = (credential: Credential | null, problem: ProblemError): string => {
  if (credential?.kind === 'session' && readCookie(CSRF_COOKIE) === null) return SESSION_ENDED;
  return problem.detail ?? 'Your session has ended or the token was not accepted. Sign in again.';
};

type RequestOptions = {
  method?: Method;
  body?: unknown;
  /** A body sent as is (CSV text, a file from disk), with its own Content-Type in `headers`. */
  rawBody?: string | Blob;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
};

export const send = async (
  path: string,
  { method = 'GET', body, rawBody, headers = {}, signal }: RequestOptions = {},
): Promise<Response> => {
  const credential = getCredential();
  let response: Response;
  try {
    response = await fetch(`${BASE_PATH}${path}`, {
      method,
      signal: signal ?? null,
      credentials: 'same-origin',
      // The ETag tracks the feedback stream only, not votes, so a revalidated cached copy could
      // bring back stale counts; reads must always come from the read model.
      cache: 'no-store',
      headers: {
        Accept: 'application/json, application/problem+json',
        ...credentialHeaders(credential, method),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: rawBody ?? (body === undefined ? null : JSON.stringify(body)),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw ProblemError.network();
  }
  if (response.ok) return response;

  const problem = await ProblemError.fromResponse(response);
  if (response.status === 401) expireCredential(credential, noticeFor(credential, problem));
  throw problem;
};

export const readJson = async <T>(response: Response): Promise<T> => (await response.json()) as T;

/** For commands whose answer the UI does not need (204s included). */
export const ignoreBody = async (response: Response): Promise<void> => {
  await response.text().catch(() => '');
};

export const getJson = async <T>(path: string, signal?: AbortSignal): Promise<T> =>
  readJson<T>(await send(path, { signal }));

export const enc = encodeURIComponent;

export const query = (
  params: Record<string, string | number | boolean | null | undefined>,
): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** The If-Match header for a change made against `version`: a 412 answers if it moved on. */
export const ifMatch = (version: number | undefined): Record<string, string> =>
  version === undefined ? {} : { 'If-Match': `"${version}"` };

/** A command answered with JSON. */
export const sendJson = async <T>(
  path: string,
  method: Exclude<Method, 'GET'>,
  body?: unknown,
  version?: number,
): Promise<T> => readJson<T>(await send(path, { method, body, headers: ifMatch(version) }));

/** A command whose answer the page does not need (204s included). */
export const sendCommand = async (
  path: string,
  method: Exclude<Method, 'GET'>,
  body?: unknown,
): Promise<void> => ignoreBody(await send(path, { method, body }));
