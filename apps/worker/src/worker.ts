import { createServer, type Server } from 'node:http';
import pino, { type Logger } from 'pino';
import { connectAndMigrate, ProjectionRunner } from '@chorus/event-store';
import { createWorkerMetrics } from './metrics';
import { projections } from './projections';

export type WorkerOptions = {
  databaseUrl: string;
  /** Serve Prometheus metrics on this port (0 = any free port); omit for none. */
  metricsPort?: number;
  logger?: Logger;
};

export type RunningWorker = { metricsUrl: string | null; stop: () => Promise<void> };

export const startWorker = async ({
  databaseUrl,
  metricsPort,
  logger = pino({ name: 'chorus-worker' }),
}: WorkerOptions): Promise<RunningWorker> => {
  const db = await connectAndMigrate({
    url: databaseUrl,
    poolSize: 4,
    applicationName: 'chorus-worker',
  });
  const metrics = createWorkerMetrics();
  const runner = new ProjectionRunner(db, databaseUrl, projections, {
    onBatchApplied: (projection, events) => {
      metrics.eventsProjected.inc({ projection }, events.length);
      const now = Date.now();
      const lag = metrics.lag.labels({ projection });
      for (const event of events) lag.observe((now - Date.parse(event.metadata.occurredAt)) / 1000);
    },
    onError: (projection, error) => {
      metrics.errors.inc({ projection });
      logger.error({ err: error, projection }, 'projection batch failed; retrying');
    },
  });
  await runner.start();

  let server: Server | null = null;
  let metricsUrl: string | null = null;
  if (metricsPort !== undefined) {
    server = createServer((request, response) => {
      if (request.url !== '/metrics') {
        response.writeHead(404).end();
        return;
      }
      metrics.registry
        .metrics()
        .then((body) =>
          response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
        )
        .catch((error: unknown) => response.writeHead(500).end(String(error)));
    });
    await new Promise<void>((resolve) => server!.listen(metricsPort, '127.0.0.1', resolve));
    const address = server.address();
    metricsUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : metricsPort}/metrics`;
  }
  logger.info({ projections: projections.map((p) => p.name), metricsUrl }, 'worker started');

  // Ctrl-C reaches both the launcher and its children: stopping twice must be harmless.
  let stopped: Promise<void> | null = null;
  const stop = async () => {
    await runner.stop();
    if (server) await new Promise((resolve) => server.close(resolve));
    await db.destroy();
    logger.info('worker stopped');
  };
  return { metricsUrl, stop: () => (stopped ??= stop()) };
};
