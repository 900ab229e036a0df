import type { StartedBroker } from './kafka-broker.js';

// Jest loads globalSetup and globalTeardown as separate modules in one process; a global is
// the only state they share.
export const OWNED_BROKER_KEY = Symbol.for('piddi.kafka.ownedBroker');

export type BrokerHolder = typeof globalThis & { [OWNED_BROKER_KEY]?: StartedBroker };
