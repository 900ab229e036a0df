import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { HandleClient, type HandleClientOptions, type HandleError } from '@piddi/handle-client';

import { createRecordingLogger } from './recording-logger.js';
import { createTlsFixtures, type TlsFixtures } from './tls-fixtures.js';

const HANDLE = '21.TEST/abc';

/** What the server saw of one request that passed the TLS handshake. */
interface SeenRequest {
  authorization?: string;
  clientName?: string;
}

let fixtures: TlsFixtures;
let server: Server;
let baseUrl: string;
const seen: SeenRequest[] = [];

beforeAll(async () => {
  fixtures = createTlsFixtures();
  server = createServer(
    {
      key: fixtures.serverKey,
      cert: fixtures.serverCert,
      ca: fixtures.caCert,
      requestCert: true,
      rejectUnauthorized: true,
    },
    (request, response) => {
      const socket = request.socket as TLSSocket;
      seen.push({
        authorization: request.headers.authorization,
        clientName: String(socket.getPeerCertificate().subject?.CN),
      });
      const body = { responseCode: 1, handle: HANDLE, values: [] };
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function withClient<T>(
  options: Partial<HandleClientOptions>,
  use: (client: HandleClient) => Promise<T>,
): Promise<T> {
  const clientCert = { cert: fixtures.clientCert, key: fixtures.clientKey };
  const client = new HandleClient({
    baseUrl,
    auth: { clientCert },
    retry: { limit: 0 },
    ...options,
  });
  try {
    return await use(client);
  } finally {
    client.close();
  }
}

describe('client certificates over verified TLS', () => {
  it('refuses a server certificate it cannot verify, by default', async () => {
    const before = seen.length;

    const read = withClient({}, (client) => client.getHandle(HANDLE));

    await expect(read).rejects.toMatchObject({ code: 'TLS_ERROR', retriable: false });
    expect(seen).toHaveLength(before);
  });

  it('trusts the server through the ca option and proves itself with its certificate', async () => {
    const found = await withClient({ ca: fixtures.caCert }, (client) => client.getHandle(HANDLE));

    expect(found?.handle).toBe(HANDLE);
    expect(seen.at(-1)).toEqual({
      authorization: 'Handle clientCert="true"',
      clientName: 'piddi-test-client',
    });
  });

  it('connects without verification when told to, and warns exactly once', async () => {
    const logger = createRecordingLogger();

    await withClient({ rejectUnauthorized: false, logger }, async (client) => {
      await client.getHandle(HANDLE);
      await client.getHandle(HANDLE);
    });

    expect(logger.at('warn')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('verification is off') }),
    ]);
  });

  // Under TLS 1.3 the server judges the client certificate after the client's handshake is
  // done, so its refusal may arrive as an alert (TLS_ERROR) or as a plain reset (NETWORK_ERROR).
  it('fails, without reaching the server, when the server refuses the client certificate', async () => {
    const stranger = { cert: fixtures.strangerCert, key: fixtures.strangerKey };
    const before = seen.length;

    const error = await withClient(
      { ca: fixtures.caCert, auth: { clientCert: stranger } },
      (client) => client.getHandle(HANDLE),
    ).catch((failure: unknown) => failure);

    expect(['TLS_ERROR', 'NETWORK_ERROR']).toContain((error as HandleError).code);
    expect(seen).toHaveLength(before);
  });
});
