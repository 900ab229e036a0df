export { startMockHandleServer, type StartedMockHandleServer } from './server.js';
export { type MockHandleServerOptions } from './options.js';
export { type MockHandleLogger } from './logger.js';
export { MockHandleError, type MockHandleErrorCode } from './errors.js';
