import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { ActionForbidden, AggregateNotFound, DomainRuleViolation } from '@chorus/domain';
import { ConcurrencyConflict } from '@chorus/event-store';
import { describeBytes, requestForLog } from './hardening';

export type FieldError = { field: string; pointer: string; message: string };

/** RFC 9457 problem details; `errors` names every invalid field. */
export type ProblemDetails = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
};

const PROBLEM_BASE = 'https://chorus.dev/problems/';

/** An HTTP error that already knows its problem type. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    readonly problemType: string,
    title: string,
    detail: string,
    readonly errors?: FieldError[],
  ) {
    super({ title, detail }, status);
  }
}

export const preconditionRequired = (detail: string) =>
  new ProblemException(428, 'precondition-required', 'Precondition required', detail);
export const preconditionFailed = (detail: string) =>
  new ProblemException(412, 'precondition-failed', 'Precondition failed', detail);
export const notFound = (detail: string) =>
  new ProblemException(404, 'not-found', 'Not found', detail);
export const validationFailed = (errors: FieldError[]) =>
  new ProblemException(
    400,
    'validation',
    'Your request is not valid',
    errors.map((e) => `${e.field}: ${e.message}`).join(' '),
    errors,
  );

export const fieldError = (path: readonly PropertyKey[], message: string): FieldError => {
  const field = path.map(String).join('.');
  return { field, pointer: `#/${path.map(String).join('/')}`, message };
};

const zodFieldErrors = (error: ZodError): FieldError[] =>
  error.issues.map((issue) =>
    fieldError(issue.path.length > 0 ? issue.path : ['(body)'], issue.message),
  );

const statusTitles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
};

const toProblem = (exception: unknown): ProblemDetails => {
  if (exception instanceof ZodValidationException) {
    const errors = zodFieldErrors(exception.getZodError() as ZodError);
    return {
      type: `${PROBLEM_BASE}validation`,
      title: 'Your request is not valid',
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join(' '),
      errors,
    };
  }
  if (exception instanceof ProblemException) {
    const body = exception.getResponse() as { title: string; detail: string };
    return {
      type: `${PROBLEM_BASE}${exception.problemType}`,
      title: body.title,
      status: exception.getStatus(),
      detail: body.detail,
      ...(exception.errors ? { errors: exception.errors } : {}),
    };
  }
  if (exception instanceof DomainRuleViolation) {
    return {
      type: `${PROBLEM_BASE}rule-violated`,
      title: 'The request breaks a business rule',
      status: 422,
      detail: exception.message,
      ...(exception.field ? { errors: [fieldError([exception.field], exception.message)] } : {}),
    };
  }
  if (exception instanceof ActionForbidden) {
    return {
      type: `${PROBLEM_BASE}forbidden`,
      title: 'Forbidden',
      status: 403,
      detail: exception.message,
    };
  }
  if (exception instanceof AggregateNotFound) {
    return {
      type: `${PROBLEM_BASE}not-found`,
      title: 'Not found',
      status: 404,
      detail: exception.message,
    };
  }
  if (exception instanceof ConcurrencyConflict) {
    return {
      type: `${PROBLEM_BASE}conflict`,
      title: 'Conflict',
      status: 409,
      detail: 'Someone else changed this at the same moment. Reload it and try again.',
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? String(response.message)
        : exception.message;
    return {
      type: status === 404 ? `${PROBLEM_BASE}not-found` : 'about:blank',
      title: statusTitles[status] ?? 'Error',
      status,
      detail: message,
    };
  }
  // Errors thrown by Express middleware (body parser) carry their own status.
  const status = (exception as { status?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (exception as { type?: string }).type;
    const limit = (exception as { limit?: unknown }).limit;
    const detail =
      type === 'entity.too.large' && typeof limit === 'number'
        ? `The request body is larger than the ${describeBytes(limit)} limit.`
        : String((exception as Error).message);
    return {
      type: status === 413 ? `${PROBLEM_BASE}too-large` : `${PROBLEM_BASE}malformed-request`,
      title: statusTitles[status] ?? 'Bad request',
      status,
      detail,
    };
  }
  return {
    type: 'about:blank',
    title: 'Internal server error',
    status: HttpStatus.INTERNAL_SERVER_ERROR,
    detail: 'Something went wrong on our side. It has been logged.',
  };
};

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = { ...toProblem(exception), instance: request.originalUrl };
    if (problem.status >= 500) {
      this.logger.error({ request: requestForLog(request), error: exception });
    }
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }
}
