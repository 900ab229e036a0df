import type { ConfigTable } from './config-layers.js';
import type { PiddiConfig } from './config-types.js';
import type { ConfigIssue } from './errors.js';
import { findSource } from './merge-layers.js';

/** A rule spanning several keys: returns the key to fix and why, or nothing when it holds. */
type ConfigRule = (config: PiddiConfig) => { key: string; problem: string } | undefined;

const RULES: readonly ConfigRule[] = [
  ({ consumer: { transient } }) =>
    transient.backoff_max_ms < transient.backoff_initial_ms
      ? {
          key: 'consumer.transient.backoff_max_ms',
          problem: `must be >= backoff_initial_ms (${transient.backoff_initial_ms})`,
        }
      : undefined,
  ({ handle }) =>
    (handle.client_cert === '') !== (handle.client_key === '')
      ? {
          key: handle.client_cert === '' ? 'handle.client_cert' : 'handle.client_key',
          problem: 'must be set together with the other of client_cert and client_key',
        }
      : undefined,
  ({ consumer }) =>
    consumer.retry_topic !== '' && consumer.retry_topic === consumer.topic
      ? {
          key: 'consumer.retry_topic',
          problem: `must differ from consumer.topic ("${consumer.topic}"), or be "" for none`,
        }
      : undefined,
  ({ lookup, stac }) =>
    lookup.backend === 'stac' && stac.base_url === ''
      ? { key: 'stac.base_url', problem: 'must be set when lookup.backend = "stac"' }
      : undefined,
  ({ lookup, elasticsearch }) =>
    lookup.backend === 'elasticsearch' && elasticsearch.url === ''
      ? { key: 'elasticsearch.url', problem: 'must be set when lookup.backend = "elasticsearch"' }
      : undefined,
];

/** Checks the rules that no single key's schema can express; values are already well-typed. */
export function checkConfigRules(
  values: ConfigTable,
  sources: ReadonlyMap<string, string>,
): ConfigIssue[] {
  const config = values as unknown as PiddiConfig;

  return RULES.flatMap((rule) => {
    const broken = rule(config);
    if (!broken) return [];

    const source = findSource(sources, broken.key);
    const message = `${broken.key} (from ${source}) ${broken.problem}.`;
    return [{ code: 'CONFIG_INVALID' as const, key: broken.key, source, message }];
  });
}
