export * from './data-source';
export * from './embedded-postgres';
export * from './event-store';
export * from './projection-runner';
export { migrations } from './migrations';
export * from './append-notifier';
export * from './micro-batcher';
