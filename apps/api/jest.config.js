module.exports = require('../../jest.postgres.js');
