import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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
    deadLetters: new Counter({
      name: 'chorus_dead_letters_total',
      help: 'Events a projection could not apply, sent to the dead-letter topic.',
      labelNames: ['projection'],
      registers: [registry],
    }),
    // A histogram, not a summary: observing every event must stay cheap during a catch-up.
    lag: new Histogram({
      name: 'chorus_projection_lag_seconds',
      help: 'Time from an event being recorded to its batch committing in the read model.',
      labelNames: ['projection'],
      buckets: [
        0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 2, 5, 10, 30, 60,
      ],
      registers: [registry],
    }),
  };
};
export type WorkerMetrics = ReturnType<typeof createWorkerMetrics>;
