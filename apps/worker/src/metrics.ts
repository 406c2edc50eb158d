import { Counter, Registry, Summary, collectDefaultMetrics } from 'prom-client';

export const createWorkerMetrics = () => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'chorus_worker_' });
  return {
    registry,
    eventsProjected: new Counter({
      name: 'chorus_projection_events_total',
      help: 'Events read from the log and applied, per projection.',
      labelNames: ['projection'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'chorus_projection_errors_total',
      help: 'Failed batches, per projection (they are retried).',
      labelNames: ['projection'],
      registers: [registry],
    }),
    lag: new Summary({
      name: 'chorus_projection_lag_seconds',
      help: 'Time from an event being recorded to its batch committing in the read model.',
      labelNames: ['projection'],
      percentiles: [0.5, 0.9, 0.99],
      maxAgeSeconds: 60,
      ageBuckets: 6,
      registers: [registry],
    }),
  };
};
export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;
