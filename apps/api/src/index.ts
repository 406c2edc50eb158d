export { createApp, type CreateAppOptions } from './app';
export { hashToken } from './platform/auth';
export * from './identity/provision-workspace';
export { companyIdOf, customerIdOf } from './customers/customer-ids';
