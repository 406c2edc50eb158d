import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ProblemException } from './problem-details';

/** Requests per minute before the API answers 429; 0 switches a limit off. */
export type RateLimits = {
  /** From one client address (see `trustProxy` behind a reverse proxy). */
  perIpPerMinute: number;
  /** With one credential: the token of the Authorization header (a bearer token or an API key). */
  perCredentialPerMinute: number;
};

/** What `main.ts` applies unless the environment says otherwise (docs/security.md). */
export const PRODUCTION_RATE_LIMITS: RateLimits = {
  perIpPerMinute: 1200,
  perCredentialPerMinute: 600,
};

export const NO_RATE_LIMITS: RateLimits = { perIpPerMinute: 0, perCredentialPerMinute: 0 };

/** Probes must answer even while a client floods the API, or the orchestrator restarts it. */
const EXEMPT_PATHS = new Set(['/api/health', '/api/metrics']);

const credentialOf = (request: Request): string | null => {
  // The same shape the guard accepts, so "bearer  x" and "Bearer x" share one budget.
  const match = /^\s*\S+\s+(\S+)\s*$/.exec(request.headers.authorization ?? '');
  return match ? createHash('sha256').update(match[1]!, 'utf8').digest('base64') : null;
};

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Takes one request from the key's budget; the 429 to answer when it was spent, else null. */
const spend = async (
  limiter: RateLimiterMemory,
  key: string,
  whose: string,
  response: Response,
): Promise<ProblemException | null> => {
  try {
    await limiter.consume(key);
    return null;
  } catch (refusal) {
    if (!(refusal instanceof RateLimiterRes)) throw refusal;
    const retryAfter = seconds(refusal.msBeforeNext);
    response.setHeader('Retry-After', String(retryAfter));
    return new ProblemException(
      429,
      'rate-limited',
      'Too many requests',
      `Too many requests ${whose}. Try again in ${retryAfter} ${retryAfter === 1 ? 'second' : 'seconds'}.`,
    );
  }
};

const limiterOf = (name: string, perMinute: number) =>
  perMinute > 0
    ? new RateLimiterMemory({ keyPrefix: name, points: perMinute, duration: 60 })
    : null;

/**
 * Counts every API request against its client address and its credential, in this process's
 * memory (a fixed one-minute window from each key's first request). Null when both are off.
 */
export const rateLimiter = (limits: RateLimits): RequestHandler | null => {
  const perIp = limiterOf('ip', limits.perIpPerMinute);
  const perCredential = limiterOf('credential', limits.perCredentialPerMinute);
  if (!perIp && !perCredential) return null;

  const refusal = async (request: Request, response: Response) => {
    const byIp = perIp && (await spend(perIp, request.ip ?? '', 'from your address', response));
    if (byIp) return byIp;
    const credential = credentialOf(request);
    return perCredential && credential
      ? spend(perCredential, credential, 'with this token', response)
      : null;
  };

  return (request: Request, response: Response, next: NextFunction) => {
    // Only the API is counted: the web app's files are static and cheap.
    if (!request.path.startsWith('/api/') || EXEMPT_PATHS.has(request.path)) {
      next();
      return;
    }
    refusal(request, response).then(
      (problem) => next(problem ?? undefined),
      (error: unknown) => next(error),
    );
  };
};
