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
    '/node_modules/(?!(fractional-indexing|openid-client|oauth4webapi|jose|' +
      // react-markdown and the unified packages it renders with (the worker's mails).
      'react-markdown|unified|bail|is-plain-obj|trough|vfile|vfile-message|devlop|' +
      'remark-parse|remark-rehype|micromark|micromark-[a-z-]+|mdast-util-[a-z-]+|' +
      'hast-util-[a-z-]+|unist-util-[a-z-]+|estree-util-is-identifier-name|' +
      'decode-named-character-reference|character-entities|character-entities-[a-z0-9]+|' +
      'character-reference-invalid|parse-entities|stringify-entities|is-alphanumerical|' +
      'is-alphabetical|is-decimal|is-hexadecimal|comma-separated-tokens|' +
      'space-separated-tokens|property-information|html-url-attributes|trim-lines|zwitch|' +
      'longest-streak|ccount|@ungap/structured-clone)/)',
  ],
  moduleNameMapper: {
    '^@chorus/domain$': path.join(root, 'packages/domain/src/index.ts'),
    '^@chorus/domain/client$': path.join(root, 'packages/domain/src/client.ts'),
    '^@chorus/domain/kpi-histories$': path.join(root, 'packages/domain/src/kpis/kpi-histories.ts'),
    '^@chorus/event-store$': path.join(root, 'packages/event-store/src/index.ts'),
    '^@chorus/event-store/testing$': path.join(root, 'packages/event-store/src/testing/index.ts'),
    '^@chorus/contracts$': path.join(root, 'packages/contracts/src/index.ts'),
    '^@chorus/worker$': path.join(root, 'apps/worker/src/index.ts'),
    '^@chorus/api$': path.join(root, 'apps/api/src/index.ts'),
  },
  reporters: [
    ['default', { summaryThreshold: 0 }],
    path.join(root, 'scripts/jest-totals-reporter.js'),
  ],
};
