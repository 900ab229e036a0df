import type { Redact } from './error-mapping.js';
import { HandleError } from './errors.js';

/**
 * HTTP Basic credentials of a Handle administrator.
 * `username` is `index:admin-handle`, e.g. `300:21.TEST/ADMIN`; it is percent-encoded for the
 * server, so pass it unencoded.
 */
export interface BasicAuth {
  username: string;
  password: string;
}

/** A client certificate and its private key, both PEM, for mutual TLS. */
export interface ClientCertificate {
  cert: string | Buffer;
  key: string | Buffer;
  /** Decrypts an encrypted `key`. */
  passphrase?: string;
}

/** Client certificate authentication: mutual TLS plus `Authorization: Handle clientCert="true"`. */
export interface ClientCertAuth {
  clientCert: ClientCertificate;
}

/** How the client proves who it is to the Handle server. */
export type HandleAuth = BasicAuth | ClientCertAuth;

const REDACTED = '[redacted]';

/** Builds the `Authorization` header value for the given credentials. */
export function buildAuthorizationHeader(auth: HandleAuth): string {
  if ('clientCert' in auth) return 'Handle clientCert="true"';

  const user = encodeURIComponent(auth.username);
  return `Basic ${Buffer.from(`${user}:${auth.password}`, 'utf8').toString('base64')}`;
}

/** Rejects credentials that cannot work before any request is sent. */
export function validateAuth(auth: HandleAuth, baseUrl: URL): void {
  if ('clientCert' in auth) {
    if (!auth.clientCert.cert || !auth.clientCert.key) {
      throw invalidAuth('auth.clientCert needs both cert and key (PEM)');
    }
    if (baseUrl.protocol !== 'https:') {
      throw invalidAuth(`client certificates need an https baseUrl, got ${baseUrl.protocol}`);
    }
    return;
  }

  if (!auth.username || !/^\d+:[^/]+\/.+$/.test(auth.username)) {
    throw invalidAuth('auth.username must look like index:admin-handle, e.g. 300:21.TEST/ADMIN');
  }
  if (!auth.password) throw invalidAuth('auth.password is empty');
}

/**
 * Returns a function that replaces every form in which the credentials could appear in text:
 * the password as is and percent-encoded, the Basic token, and the private key passphrase.
 */
export function createRedactor(auth: HandleAuth | undefined): Redact {
  const secrets = collectSecrets(auth).filter((secret) => secret.length >= 3);
  if (secrets.length === 0) return (text) => text;

  return (text) => secrets.reduce((result, secret) => result.split(secret).join(REDACTED), text);
}

function collectSecrets(auth: HandleAuth | undefined): string[] {
  if (!auth) return [];
  if ('clientCert' in auth) return auth.clientCert.passphrase ? [auth.clientCert.passphrase] : [];

  const header = buildAuthorizationHeader(auth);
  return [header.slice('Basic '.length), auth.password, encodeURIComponent(auth.password)];
}

function invalidAuth(reason: string): HandleError {
  return new HandleError('INVALID_OPTIONS', `Invalid Handle client credentials: ${reason}`);
}
