import type { SimilarFeedback, SubmittedFeedback, VoteResult } from '@chorus/domain/client';

/** An RFC 9457 problem from the API, or one made up for a failure that never reached it. */
export class WidgetError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: readonly { field: string; message: string }[] = [],
  ) {
    super(message);
  }

  /** The message for one field (`title`, `body.title` and `/title` all name `title`). */
  fieldMessage(field: string): string | undefined {
    return this.fieldErrors.find(
      (error) =>
        error.field === field ||
        error.field.endsWith(`.${field}`) ||
        error.field.endsWith(`/${field}`),
    )?.message;
  }
}

type Problem = {
  title?: string;
  detail?: string;
  errors?: { field?: string; pointer?: string; message?: string }[];
};

/** `POST /api/v1/auth/widget-token`'s answer (apps/api portal-sign-in.controller.ts). */
type WidgetToken = { token: string; expiresAt: string; me: { name: string } };

const problemOf = async (response: Response): Promise<WidgetError> => {
  const problem = (await response.json().catch(() => ({}))) as Problem;
  const fieldErrors = (problem.errors ?? []).flatMap((error) =>
    typeof error.message === 'string'
      ? [{ field: error.field ?? error.pointer ?? '', message: error.message }]
      : [],
  );
  return new WidgetError(
    problem.detail ?? problem.title ?? `The feedback service answered ${response.status}.`,
    response.status,
    fieldErrors,
  );
};

/**
 * Talks to Chorus from the host's origin (allowed by CORS_ORIGINS). The host's signed token is
 * exchanged for a short-lived bearer token: a session cookie would be a third-party cookie here.
 */
export class WidgetApi {
  private hostToken: string | null = null;
  private session: Promise<WidgetToken> | null = null;

  constructor(
    private readonly origin: string,
    private readonly workspace: string,
  ) {}

  /** Who the host application says its user is; signs in lazily, on the first call. */
  identify(hostToken: string | null): void {
    this.hostToken = hostToken;
    this.session = null;
  }

  get identified(): boolean {
    return this.hostToken !== null;
  }

  /** The signed-in person's name, signing in if needed. */
  async whoAmI(): Promise<string> {
    return (await this.signIn()).me.name;
  }

  similar(title: string, signal: AbortSignal): Promise<SimilarFeedback> {
    const query = new URLSearchParams({ title, limit: '5' });
    return this.call<SimilarFeedback>('GET', `/search/similar?${query}`, undefined, signal);
  }

  vote(feedbackId: string, voted: boolean): Promise<VoteResult> {
    return this.call<VoteResult>(voted ? 'POST' : 'DELETE', `/feedback/${feedbackId}/votes`);
  }

  submit(title: string, description: string): Promise<SubmittedFeedback> {
    return this.call<SubmittedFeedback>('POST', '/feedback', {
      title,
      ...(description ? { description } : {}),
    });
  }

  private signIn(): Promise<WidgetToken> {
    const hostToken = this.hostToken;
    if (hostToken === null) {
      return Promise.reject(new WidgetError('Sign in to this site to send feedback.', 401));
    }
    this.session ??= fetch(`${this.origin}/api/v1/auth/widget-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspace: this.workspace, token: hostToken }),
    }).then(async (response) => {
      if (!response.ok) throw await problemOf(response);
      return (await response.json()) as WidgetToken;
    });
    // A failed sign-in is tried again next time rather than remembered.
    this.session.catch(() => {
      this.session = null;
    });
    return this.session;
  }

  private async call<T>(
    method: string,
    path: string,
    body?: object,
    signal?: AbortSignal,
    retried = false,
  ): Promise<T> {
    const { token, expiresAt } = await this.signIn();
    if (Date.parse(expiresAt) <= Date.now() && !retried) {
      this.session = null;
      return this.call(method, path, body, signal, true);
    }
    let response: Response;
    try {
      response = await fetch(`${this.origin}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new WidgetError('Could not reach the feedback service. Try again.', 0);
    }
    // The widget's session ended (an hour passed): sign in again once with the host's token.
    if (response.status === 401 && !retried) {
      this.session = null;
      return this.call(method, path, body, signal, true);
    }
    if (!response.ok) throw await problemOf(response);
    return (await response.json()) as T;
  }
}
