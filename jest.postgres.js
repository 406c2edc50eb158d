// For workspaces whose tests need a real Postgres: one embedded server per test run.
const path = require('node:path');

module.exports = {
  ...require('./jest.preset.js'),
  globalSetup: path.join(__dirname, 'packages/event-store/src/testing/jest-global-setup.ts'),
  globalTeardown: path.join(__dirname, 'packages/event-store/src/testing/jest-global-teardown.ts'),
  testTimeout: 60_000,
};
