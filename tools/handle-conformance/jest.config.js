import preset from '../../jest.preset.js';

// Runs the same REST API assertions against a real Handle.Net server and the mock server.
export default {
  ...preset,
  displayName: 'handle-conformance',
  rootDir: import.meta.dirname,
  testMatch: ['<rootDir>/integration/**/*.spec.ts'],
};
