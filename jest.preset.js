// Shared jest settings: SWC transform (keeps decorator metadata for Nest), workspace packages
// resolved to their TypeScript sources so tests never need a prior build.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true, tsx: true },
          transform: {
            legacyDecorator: true,
            decoratorMetadata: true,
            react: { runtime: 'automatic' },
          },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // These ship ES modules only; jest runs CommonJS, so SWC transforms them too.
  transformIgnorePatterns: [
    '/node_modules/(?!(fractional-indexing|openid-client|oauth4webapi|jose)/)',
  ],
  moduleNameMapper: {
    '^@chorus/domain$': path.join(root, 'packages/domain/src/index.ts'),
    '^@chorus/domain/client$': path.join(root, 'packages/domain/src/client.ts'),
    '^@chorus/domain/kpi-histories$': path.join(root, 'packages/domain/src/kpis/kpi-histories.ts'),
    '^@chorus/event-store$': path.join(root, 'packages/event-store/src/index.ts'),
    '^@chorus/event-store/testing$': path.join(root, 'packages/event-store/src/testing/index.ts'),
    '^@chorus/worker$': path.join(root, 'apps/worker/src/index.ts'),
    '^@chorus/api$': path.join(root, 'apps/api/src/index.ts'),
  },
  reporters: [
    ['default', { summaryThreshold: 0 }],
    path.join(root, 'scripts/jest-totals-reporter.js'),
  ],
};
