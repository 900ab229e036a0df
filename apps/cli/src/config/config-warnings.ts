import type { PiddiConfig } from './config-types.js';
import type { ConfigIssue, ConfigWarningCode } from './errors.js';
import { findSource } from './merge-layers.js';

/** Credentials of the test Handle server, which must never reach a production run. */
export const DEMO_HANDLE_PASSWORD = 'testpass';
export const DEMO_HANDLE_USERNAME = '300:21.TEST/testuser';
export const DEMO_HANDLE_PREFIX = '21.TEST';

const LOCAL_HOSTS = new Set(['localhost', '::1', '[::1]', '0.0.0.0']);

interface WarningRule {
  code: ConfigWarningCode;
  key: string;
  applies: (config: PiddiConfig) => boolean;
  problem: string;
}

const WARNING_RULES: readonly WarningRule[] = [
  {
    code: 'DEMO_CREDENTIALS',
    key: 'handle.password',
    applies: ({ handle }) => handle.password === DEMO_HANDLE_PASSWORD,
    problem:
      'is the demo password of the test Handle server; set the real one in PIDDI_HANDLE_PASSWORD',
  },
  {
    code: 'DEMO_CREDENTIALS',
    key: 'handle.username',
    applies: ({ handle }) => handle.username === DEMO_HANDLE_USERNAME,
    problem: `is the demo user ${DEMO_HANDLE_USERNAME}, valid only on the local mock Handle server`,
  },
  {
    code: 'DEMO_CREDENTIALS',
    key: 'handle.prefix',
    applies: ({ handle }) => handle.prefix === DEMO_HANDLE_PREFIX && !isLocalUrl(handle.server_url),
    problem: `is the test prefix ${DEMO_HANDLE_PREFIX} but handle.server_url is not a local server`,
  },
  {
    code: 'TLS_VERIFICATION_DISABLED',
    key: 'handle.verify_tls',
    applies: ({ handle }) => !handle.verify_tls,
    problem: 'is false: the Handle server certificate is not checked; trust it with handle.ca_cert',
  },
  {
    code: 'TLS_VERIFICATION_DISABLED',
    key: 'kafka.enable.ssl.certificate.verification',
    applies: ({ kafka }) => String(kafka['enable.ssl.certificate.verification']) === 'false',
    problem: 'is false: the broker certificate is not checked; trust it with "ssl.ca.location"',
  },
];

/**
 * Findings that do not stop a run but that an operator must see: demo credentials and
 * disabled TLS verification. The CLI logs them at start-up; `config validate` prints them.
 */
export function collectConfigWarnings(
  config: PiddiConfig,
  sources: ReadonlyMap<string, string> = new Map(),
): ConfigIssue[] {
  return WARNING_RULES.filter((rule) => rule.applies(config)).map(({ code, key, problem }) => {
    const source = findSource(sources, key);
    return { code, key, source, message: `${key} (from ${source}) ${problem}.` };
  });
}

/** True when the URL names this machine, where the mock Handle server runs. */
export function isLocalUrl(url: string): boolean {
  try {
    const { hostname } = new URL(url);
    return (
      LOCAL_HOSTS.has(hostname) || hostname.startsWith('127.') || hostname.endsWith('.localhost')
    );
  } catch {
    return false;
  }
}
