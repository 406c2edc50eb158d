import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type Request } from 'express';
import helmet from 'helmet';
import { IMPORT_MAX_BYTES } from '@chorus/domain';
import { rateLimiter, type RateLimits } from './rate-limit';

/**
 * The API's defences in one place for a security reviewer; docs/security.md says why each is as
 * it is. `applyHardening` runs before anything else reads a request.
 */

/** Largest request body each parser reads, in bytes; any other body is never read. */
export type BodyLimits = {
  jsonBytes: number;
  csvBytes: number;
  /** The file of an import job (IMPORT_MAX_BYTES unless given). */
  importBytes?: number;
};

export const DEFAULT_BODY_LIMITS: BodyLimits = {
  jsonBytes: 1024 * 1024,
  csvBytes: 2 * 1024 * 1024,
};

/** Express's `trust proxy`: whose X-Forwarded-For to believe for the client address. */
export type TrustProxy = boolean | number | string;

export type HardeningConfig = {
  /** Required: every way of starting the API decides (main.ts reads them from the environment). */
  rateLimits: RateLimits;
  bodyLimits?: BodyLimits;
  /** Origins whose pages may call the API with credentials; none by default (same origin only). */
  corsOrigins?: readonly string[];
  trustProxy?: TrustProxy;
};

/** Only the import routes read CSV; everything else is JSON. */
const CSV_ROUTES = '/api/v1/imports';
/** An import job's upload: its body is the file, read whole as bytes whatever its type. */
const isImportUpload = (request: { method: string; path: string }) =>
  request.method === 'POST' && request.path.replace(/\/$/, '') === '/api/v1/imports';
export const CSV_MEDIA_TYPES = ['text/csv', 'application/csv'];

/**
 * The admin app is a Vite build of module scripts and style sheets from this origin, so scripts
 * and styles need nothing inline. The API docs page (Swagger UI) is the one exception: its HTML
 * carries inline <style> blocks.
 */
const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': [
    (request: { url?: string }) =>
      request.url?.startsWith('/api/docs') ? "'self' 'unsafe-inline'" : "'self'",
  ],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const securityHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

const allowCrossOrigin = (origins: readonly string[]) => {
  const allowed = new Set(origins);
  return (
    request: { headers: { origin?: string } },
    decide: (error: Error | null, options: object) => void,
  ) => {
    const origin = request.headers.origin;
    // An unlisted origin gets no CORS headers at all, so its browser withholds every answer.
    decide(
      null,
      origin && allowed.has(origin)
        ? {
            origin,
            credentials: true,
            exposedHeaders: ['ETag', 'Location', 'Retry-After'],
            maxAge: 600,
          }
        : { origin: false },
    );
  };
};

/** "1 MB", "512 KB": how a 413 names the limit. */
export const describeBytes = (bytes: number): string =>
  bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0
    ? `${bytes / (1024 * 1024)} MB`
    : bytes >= 1024 && bytes % 1024 === 0
      ? `${bytes / 1024} KB`
      : `${bytes} bytes`;

export const applyHardening = (app: NestExpressApplication, config: HardeningConfig): void => {
  app.set('trust proxy', config.trustProxy ?? false);
  app.use(securityHeaders);
  if (config.corsOrigins && config.corsOrigins.length > 0) {
    app.enableCors(allowCrossOrigin(config.corsOrigins));
  }
  const limiter = rateLimiter(config.rateLimits);
  if (limiter) app.use(limiter);
  // After the limiter: a refused client's body is never read.
  const limits = config.bodyLimits ?? DEFAULT_BODY_LIMITS;
  // First: a parser that has read a body leaves it to the route, so the others skip it.
  app.use(
    express.raw({
      type: (request) => isImportUpload(request as Request),
      limit: limits.importBytes ?? IMPORT_MAX_BYTES,
    }),
  );
  app.useBodyParser('json', {
    limit: limits.jsonBytes,
    type: ['application/json', 'application/*+json'],
  });
  app.use(CSV_ROUTES, express.text({ type: CSV_MEDIA_TYPES, limit: limits.csvBytes }));
};

// Logs never carry secrets.

const REDACTED = '[redacted]';

/** Keys whose values are never logged; `parameters` are SQL parameters: hashes, personal data. */
const SECRET_KEY = /authorization|cookie|passw|secret|token|api[-_]?key|credential|parameters/i;

const SECRET_TEXT: [RegExp, string][] = [
  [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`],
  // postgres://user:password@host → postgres://user:[redacted]@host
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@]*:)[^@/?#\s]+@/gi, `$1${REDACTED}@`],
  [/\b(password|token|secret|api[-_]?key)=[^&\s"',;]+/gi, `$1=${REDACTED}`],
];

const scrubText = (text: string): string =>
  SECRET_TEXT.reduce(
    (scrubbed, [pattern, replacement]) => scrubbed.replace(pattern, replacement),
    text,
  );

const MAX_DEPTH = 8;

/** A native error of the same class, so it still prints as one, stack and cause included. */
const redactedError = (
  error: Error,
  redact: (value: unknown) => unknown,
): Record<string, unknown> => {
  const copy = new Error(scrubText(error.message));
  copy.stack = error.stack === undefined ? undefined : scrubText(error.stack);
  if (Object.hasOwn(error, 'cause')) copy.cause = redact(error.cause);
  Object.setPrototypeOf(copy, Object.getPrototypeOf(error) as object);
  return copy as unknown as Record<string, unknown>;
};

/**
 * A copy of what is about to be logged without tokens, passwords, credentials in URLs or SQL
 * parameters.
 */
export const redactSecrets = (value: unknown, depth = 0, seen = new WeakSet<object>()): unknown => {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Buffer.isBuffer(value) || value instanceof Date) return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[…]';
  seen.add(value);
  const redactEntry = (key: string, entry: unknown) =>
    SECRET_KEY.test(key) ? REDACTED : redactSecrets(entry, depth + 1, seen);
  if (Array.isArray(value)) {
    const entries = value.map((entry) => redactSecrets(entry, depth + 1, seen));
    seen.delete(value);
    return entries;
  }
  const copy: Record<string, unknown> =
    value instanceof Error
      ? redactedError(value, (entry) => redactSecrets(entry, depth + 1, seen))
      : {};
  for (const [key, entry] of Object.entries(value)) copy[key] = redactEntry(key, entry);
  // Only ancestors make a cycle: an object met twice side by side is printed twice.
  seen.delete(value);
  return copy;
};

/** Nest's console logger, with every message and stack passed through `redactSecrets` first. */
export class RedactingLogger extends ConsoleLogger {
  constructor(logLevels: LogLevel[]) {
    super({ logLevels });
  }

  protected override printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    super.printMessages(
      messages.map((message) => redactSecrets(message)),
      context,
      logLevel,
      writeStreamType,
      redactSecrets(errorStack),
    );
  }

  protected override printStackTrace(stack: string): void {
    super.printStackTrace(scrubText(stack));
  }
}

/** What a server error's log says about the request: enough to find it, never its secrets. */
export const requestForLog = (request: Request) => ({
  method: request.method,
  url: request.originalUrl,
  headers: request.headers,
});
