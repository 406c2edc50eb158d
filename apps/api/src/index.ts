export { createApp, type CreateAppOptions } from './app';
export { hashToken } from './platform/auth';
export * from './identity/provision-workspace';
