import { describe, expect, it } from '@jest/globals';

import { loadConfig } from './load-config.js';
import { REDACTED, isSecretKey, redactConfig } from './redact-config.js';

describe('isSecretKey', () => {
  it.each([
    [['handle', 'password']],
    [['elasticsearch', 'password']],
    [['kafka', 'sasl.password']],
    [['kafka', 'ssl.key.password']],
    [['kafka', 'ssl.keystore.password']],
    [['kafka', 'ssl.key.pem']],
    [['kafka', 'sasl.oauthbearer.client.secret']],
    [['kafka', 'sasl.oauthbearer.config']],
  ])('treats %j as a secret', (path) => {
    expect(isSecretKey(path)).toBe(true);
  });

  it.each([
    [['handle', 'username']],
    [['handle', 'client_key']],
    [['kafka', 'ssl.certificate.pem']],
    [['kafka', 'sasl.username']],
  ])('treats %j as shareable', (path) => {
    expect(isSecretKey(path)).toBe(false);
  });
});

describe('redactConfig', () => {
  it('masks secrets in a copy and leaves the configuration itself unchanged', () => {
    const config = loadConfig({ env: { PIDDI_KAFKA_SASL_PASSWORD: 'kafka-secret' } });

    const redacted = redactConfig(config);

    expect(redacted.handle.password).toBe(REDACTED);
    expect(redacted.kafka['sasl.password']).toBe(REDACTED);
    expect(redacted.handle.username).toBe(config.handle.username);
    expect(config.handle.password).toBe('testpass');
    expect(JSON.stringify(redacted)).not.toContain('kafka-secret');
  });
});
