/** The zod-free part of the domain that the web app bundles: workflow, limits and API shapes. */
export * from './feedback/feedback-workflow';
export * from './catalog/catalog';
export * from './shared/roles';
export * from './contracts/feedback-api';
export * from './contracts/catalog-api';
export * from './contracts/customers-api';
