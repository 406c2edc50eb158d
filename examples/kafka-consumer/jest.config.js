module.exports = require('../../jest.kafka.js');
