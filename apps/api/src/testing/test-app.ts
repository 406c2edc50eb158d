import type { NestExpressApplication } from '@nestjs/platform-express';
import { projections, startWorker, type RunningWorker, type WorkerOptions } from '@chorus/worker';
import { createTestDatabase, eventually, type TestDatabase } from '@chorus/event-store/testing';
import pino from 'pino';
import { createApp, type CreateAppOptions } from '../app';
import { provisionWorkspace } from '../identity/provision-workspace';
import { readProjectionLag } from '../platform/projection-lag';
import { NO_RATE_LIMITS } from '../platform/rate-limit';

export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T };

export type RequestOptions = {
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
};

export type TestApp = {
  baseUrl: string;
  db: TestDatabase;
  tokens: {
    admin: string;
    teammate: string;
    productManager: string;
    productOwner: string;
    viewer: string;
    customer: string;
    otherCustomer: string;
    outsider: string;
  };
  request: <T = unknown>(
    method: string,
    path: string,
    options?: RequestOptions,
  ) => Promise<ApiResponse<T>>;
  /** Waits until the read model has caught up with everything written so far. */
  settle: () => Promise<void>;
  close: () => Promise<void>;
};

/**
 * The real thing over HTTP: a migrated Postgres, the Nest app on a free port and the worker.
 * Rate limits are off unless `overrides` turn them on (only the hardening tests do).
 * Mail is off unless `overrides` give an SMTP server (the emailed-codes and notification-email
 * tests start one): the API's codes and the worker's notifications then go through it.
 */
export const startTestApp = async (
  overrides: Partial<Pick<CreateAppOptions, 'hardening' | 'logger' | 'mail' | 'webhooks'>> & {
    /** The worker's webhook deliveries: a short retry schedule, a clock the test moves. */
    webhookDelivery?: WorkerOptions['webhooks'];
  } = {},
): Promise<TestApp> => {
  const db = await createTestDatabase(20);
  const acme = await provisionWorkspace(db.dataSource, { name: 'Acme', slug: 'acme' }, [
    { name: 'Ada Admin', email: 'ada@acme.test', role: 'admin' },
    { name: 'Tom Teammate', email: 'tom@acme.test', role: 'teammate' },
    { name: 'Cleo Customer', email: 'cleo@customer.test', role: 'customer' },
    { name: 'Otto Customer', email: 'otto@customer.test', role: 'customer' },
    { name: 'Mia Product Manager', email: 'mia@acme.test', role: 'product_manager' },
    { name: 'Pat Product Owner', email: 'pat@acme.test', role: 'product_owner' },
    { name: 'Vic Viewer', email: 'vic@acme.test', role: 'viewer' },
  ]);
  const globex = await provisionWorkspace(db.dataSource, { name: 'Globex', slug: 'globex' }, [
    { name: 'Olga Outsider', email: 'olga@globex.test', role: 'admin' },
  ]);
  const [admin, teammate, customer, otherCustomer, productManager, productOwner, viewer] =
    acme.people.map((p) => p.token);
  const app: NestExpressApplication = await createApp({
    databaseUrl: db.url,
    databasePoolSize: 10,
    healthMaxLagSeconds: 30,
    logger: false,
    hardening: { rateLimits: NO_RATE_LIMITS },
    ...overrides,
  });
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const worker: RunningWorker = await startWorker({
    databaseUrl: db.url,
    logger: pino({ level: 'silent' }),
    // The tests' receivers listen on loopback.
    webhooks: { publicUrl: baseUrl, allowPrivateNetworks: true, ...overrides.webhookDelivery },
    // The same SMTP server and clock for the worker's notifications; links lead to this app.
    mail: overrides.mail && {
      smtpUrl: overrides.mail.smtpUrl,
      from: overrides.mail.from,
      now: overrides.mail.now,
      publicUrl: baseUrl,
      pollMs: 100,
    },
  });

  const request = async <T>(method: string, path: string, options: RequestOptions = {}) => {
    const token = options.token === undefined ? admin : options.token;
    const headers: Record<string, string> = { ...options.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    } else if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (metrics, HTML): keep the text.
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  };

  const settle = () =>
    eventually(async () => {
      const lag = await readProjectionLag(db.dataSource);
      if (lag.length < projections.length || lag.some((p) => p.eventsBehind > 0)) {
        throw new Error('read models are still catching up');
      }
    });
  // The workspaces are known by their slugs (sign-in, the portal) once their read model has them.
  await settle();

  return {
    baseUrl,
    db,
    tokens: {
      admin: admin!,
      teammate: teammate!,
      productManager: productManager!,
      productOwner: productOwner!,
      viewer: viewer!,
      customer: customer!,
      otherCustomer: otherCustomer!,
      outsider: globex.people[0]!.token,
    },
    request,
    settle,
    close: async () => {
      await worker.stop();
      await app.close();
      await db.drop();
    },
  };
};
