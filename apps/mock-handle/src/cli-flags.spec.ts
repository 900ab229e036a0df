import { describe, it, expect } from '@jest/globals';
import { parseServeFlags } from './cli-flags.js';

describe('parseServeFlags', () => {
  it('defaults to port 8000 on loopback', async () => {
    expect(await parseServeFlags([])).toMatchObject({ host: '127.0.0.1', port: 8000 });
  });

  it('reads every flag', async () => {
    const options = await parseServeFlags([
      '--host=0.0.0.0',
      '--port=0',
      '--prefix=21.T1',
      '--username=301:21.T1/me',
      '--password=secret',
      '--latency-ms=20',
      '--fail-rate=0.5',
      '--store=/tmp/handles.json',
    ]);

    expect(options).toEqual({
      host: '0.0.0.0',
      port: 0,
      prefix: '21.T1',
      username: '301:21.T1/me',
      password: 'secret',
      latencyMs: 20,
      failRate: 0.5,
      storeFile: '/tmp/handles.json',
    });
  });
});
