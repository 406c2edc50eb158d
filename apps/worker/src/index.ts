export { startWorker, type RunningWorker, type WorkerOptions } from './worker';
export { projections } from './projections';
