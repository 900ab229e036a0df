// Shared Jest settings: every project's jest.config.js spreads this and adds only its name.
// Tests run as native ES modules (see docs/architecture.md), so `npm test` starts Jest with
// --experimental-vm-modules and @swc/jest strips the types without changing the module format.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WORKSPACE_ROOT = dirname(fileURLToPath(import.meta.url));

const PROJECT_SOURCES = {
  checksum: 'libs/checksum/src/index.ts',
  'stac-model': 'libs/stac-model/src/index.ts',
  'handle-client': 'libs/handle-client/src/index.ts',
  'pid-records': 'libs/pid-records/src/index.ts',
  'failure-store': 'libs/failure-store/src/index.ts',
  'kafka-source': 'libs/kafka-source/src/index.ts',
  'mock-handle': 'apps/mock-handle/src/index.ts',
  testing: 'tools/testing/src/index.ts',
};

const packageAliases = Object.fromEntries(
  Object.entries(PROJECT_SOURCES).map(([name, source]) => [
    `^@piddi/${name}$`,
    join(WORKSPACE_ROOT, source),
  ]),
);

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'es6' } },
    ],
  },
  moduleNameMapper: { ...packageAliases, '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/integration/**/*.spec.ts'],
  testTimeout: 30_000,
};
