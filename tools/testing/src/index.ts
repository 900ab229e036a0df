// Shared harnesses for tests that cross a process boundary: real servers and brokers on loopback.
export * from './cmip6-events.js';
export * from './handle-server.js';
export * from './kafka-broker.js';
export * from './elasticsearch-server.js';
export * from './stac-api-server.js';
export * from './reference-samples.js';
