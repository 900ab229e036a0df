import preset from '../../jest.preset.js';

const KAFKA_HARNESS = `${import.meta.dirname}/../../tools/testing/src/kafka`;

export default {
  ...preset,
  displayName: 'kafka-source',
  rootDir: import.meta.dirname,
  // The integration tests share one real broker per run, started here unless
  // KAFKA_BOOTSTRAP_SERVERS names one.
  globalSetup: `${KAFKA_HARNESS}/jest-global-setup.mjs`,
  globalTeardown: `${KAFKA_HARNESS}/jest-global-teardown.mjs`,
};
