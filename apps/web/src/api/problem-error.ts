export type FieldError = { field: string; message: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

const readFieldErrors = (value: unknown): FieldError[] =>
  Array.isArray(value)
    ? value.flatMap((entry: unknown) => {
        if (!isRecord(entry) || typeof entry.message !== 'string') return [];
        const field =
          typeof entry.field === 'string'
            ? entry.field
            : typeof entry.pointer === 'string'
              ? entry.pointer
              : '';
        return [{ field, message: entry.message }];
      })
    : [];

/** Servers name fields as `title`, `body.title` or `/title`; all of them match 'title'. */
const namesField = (name: string, field: string): boolean =>
  name === field || name.endsWith(`.${field}`) || name.endsWith(`/${field}`);

/** An RFC 9457 problem from the API, or one made up for a failure that never reached it. */
export class ProblemError extends Error {
  readonly type: string;
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly fieldErrors: readonly FieldError[];

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ProblemError';
    this.type = problem.type;
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.fieldErrors = problem.errors ?? [];
  }

  fieldMessage(field: string): string | undefined {
    return this.fieldErrors.find((error) => namesField(error.field, field))?.message;
  }

  fieldErrorsExcept(fields: readonly string[]): FieldError[] {
    return this.fieldErrors.filter(
      (error) => !fields.some((field) => namesField(error.field, field)),
    );
  }

  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }

  static async fromResponse(response: Response): Promise<ProblemError> {
    const fallback: Problem = {
      type: 'about:blank',
      title: response.statusText || `Request failed with status ${response.status}`,
      status: response.status,
    };
    if (!(response.headers.get('Content-Type') ?? '').includes('json')) {
      return new ProblemError(fallback);
    }
    const body: unknown = await response.json().catch(() => null);
    if (!isRecord(body)) return new ProblemError(fallback);
    return new ProblemError({
      type: typeof body.type === 'string' ? body.type : fallback.type,
      title: typeof body.title === 'string' ? body.title : fallback.title,
      status: response.status,
      ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
      errors: readFieldErrors(body.errors),
    });
  }

  static network(): ProblemError {
    return new ProblemError({
      type: 'about:blank',
      title: 'Network error',
      status: 0,
      detail: 'Could not reach the Chorus API. Check your connection and try again.',
    });
  }
}

export const isProblem = (error: unknown, status: number): error is ProblemError =>
  error instanceof ProblemError && error.status === status;

export const describeError = (error: unknown): string => {
  if (error instanceof ProblemError) return error.detail ?? error.title;
  if (error instanceof Error) return error.message;
  return 'Something unexpected went wrong.';
};
