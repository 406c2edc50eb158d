export { createApp, type CreateAppOptions } from './app';
export { hashToken } from './platform/auth';
export { hashPassword } from './identity/passwords';
export * from './identity/provision-workspace';
export { companyIdOf, customerIdOf } from './customers/customer-ids';
