module.exports = { ...require('../../jest.postgres.js'), testTimeout: 180_000 };
