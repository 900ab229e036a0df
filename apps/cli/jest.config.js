import preset from '../../jest.preset.js';

const KAFKA_HARNESS = `${import.meta.dirname}/../../tools/testing/src/kafka`;

export default {
  ...preset,
  displayName: 'cli',
  rootDir: import.meta.dirname,
  // End-to-end runs spawn the CLI against one real broker per test run, started here unless
  // KAFKA_BOOTSTRAP_SERVERS names one.
  globalSetup: `${KAFKA_HARNESS}/jest-global-setup.mjs`,
  globalTeardown: `${KAFKA_HARNESS}/jest-global-teardown.mjs`,
  testTimeout: 120_000,
};
