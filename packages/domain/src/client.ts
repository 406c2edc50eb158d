/** The zod-free part of the domain that the web app bundles: workflow, limits and API shapes. */
export * from './feedback/feedback-workflow';
export * from './catalog/catalog';
export * from './shared/roles';
export * from './shared/permissions';
export * from './contracts/api-keys-api';
export * from './contracts/people-api';
export * from './contracts/feedback-api';
export * from './contracts/catalog-api';
export * from './contracts/customers-api';
export * from './contracts/sprints-api';
export * from './contracts/roadmap-api';
export * from './contracts/releases-api';
export * from './contracts/notifications-api';
export * from './contracts/backlog-api';
export * from './contracts/prioritisation-api';
export * from './contracts/dashboards-api';
export * from './contracts/audit-api';
