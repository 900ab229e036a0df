import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM files of a throwaway certificate authority and what it signed. */
export interface TlsFixtures {
  caCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A client certificate signed by nobody the server trusts. */
  strangerCert: string;
  strangerKey: string;
}

const NEW_EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

/** Generates a CA, a server certificate for 127.0.0.1 and client certificates with openssl. */
export function createTlsFixtures(): TlsFixtures {
  const dir = mkdtempSync(join(tmpdir(), 'handle-client-tls-'));
  const file = (name: string) => join(dir, name);
  const read = (name: string) => readFileSync(file(name), 'utf8');

  try {
    createAuthority(file, 'ca', 'Piddi Test CA');
    createAuthority(file, 'stranger', 'Stranger');
    signCertificate(file, 'server', 'localhost', 'subjectAltName=IP:127.0.0.1,DNS:localhost');
    signCertificate(file, 'client', 'piddi-test-client', 'extendedKeyUsage=clientAuth');
    return {
      caCert: read('ca.crt'),
      serverCert: read('server.crt'),
      serverKey: read('server.key'),
      clientCert: read('client.crt'),
      clientKey: read('client.key'),
      strangerCert: read('stranger.crt'),
      strangerKey: read('stranger.key'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function createAuthority(file: (name: string) => string, name: string, commonName: string): void {
  openssl(['req', '-x509', ...NEW_EC_KEY, '-keyout', file(`${name}.key`)], {
    out: file(`${name}.crt`),
    subject: commonName,
    extra: ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=keyCertSign'],
  });
}

function signCertificate(
  file: (name: string) => string,
  name: string,
  commonName: string,
  extension: string,
): void {
  openssl(['req', ...NEW_EC_KEY, '-keyout', file(`${name}.key`)], {
    out: file(`${name}.csr`),
    subject: commonName,
  });
  writeFileSync(file(`${name}.ext`), `${extension}\n`);
  openssl(['x509', '-req', '-in', file(`${name}.csr`), '-CA', file('ca.crt')], {
    out: file(`${name}.crt`),
    extra: ['-CAkey', file('ca.key'), '-CAcreateserial', '-extfile', file(`${name}.ext`)],
  });
}

function openssl(
  args: string[],
  options: { out: string; subject?: string; extra?: string[] },
): void {
  const subject = options.subject ? ['-subj', `/CN=${options.subject}`] : [];
  const all = [...args, ...subject, ...(options.extra ?? []), '-days', '2', '-out', options.out];
  execFileSync('openssl', all, { stdio: 'pipe' });
}
