// Not the embedded server itself: it is an ES module, which jest's CommonJS runtime cannot load.
export * from './test-database';
export * from './free-port';
export * from './describe-with-kafka';
export * from './recorded-history';
