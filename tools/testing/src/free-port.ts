import { createServer } from 'node:net';

/**
 * Asks the system for a free loopback port. Another process may take it before the server
 * binds it, so a caller retries the start when binding fails.
 */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
