/** The zod-free part of the domain that the web app bundles: workflow, labels and limits. */
export * from './feedback/feedback-workflow';
