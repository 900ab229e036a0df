import { afterEach, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';

import {
  stopSpawnedProcesses,
  spawnInWorkspace,
  startSpawnedServer,
  waitForExit,
  WORKSPACE,
} from './spawned-server.js';

const TSX = join(WORKSPACE, 'node_modules', '.bin', 'tsx');
const MAIN_ARGS = ['--tsconfig', 'tsconfig.base.json', 'apps/mock-handle/src/main.ts'];

const startCli = (args: string[], env: Record<string, string> = {}) =>
  startSpawnedServer(TSX, [...MAIN_ARGS, ...args], env);
const spawnCli = (args: string[]) => spawnInWorkspace(TSX, [...MAIN_ARGS, ...args]);

describe('the executable', () => {
  afterEach(stopSpawnedProcesses);

  it('prints its address, answers requests and stops with exit code 0 on SIGTERM', async () => {
    const cli = await startCli(['--port', '0']);

    const response = await fetch(`${cli.url}/api/handles/21.TEST/testuser`);
    const exited = waitForExit(cli.child);
    cli.child.kill('SIGTERM');

    expect(response.status).toBe(200);
    expect((await exited).code).toBe(0);
  });

  it('stops with exit code 0 on SIGINT', async () => {
    const cli = await startCli(['--port', '0']);

    const exited = waitForExit(cli.child);
    cli.child.kill('SIGINT');

    expect((await exited).code).toBe(0);
  });

  it('takes its settings from MOCK_HANDLE_* variables', async () => {
    const cli = await startCli([], { MOCK_HANDLE_PORT: '0', MOCK_HANDLE_PREFIX: '21.ENV' });

    const response = await fetch(`${cli.url}/api/handles/21.ENV/x`);
    const exited = waitForExit(cli.child);
    cli.child.kill('SIGTERM');
    await exited;

    expect(cli.url).not.toMatch(/:8000$/);
    expect(response.status).toBe(404);
  });

  it('logs each request without the credentials', async () => {
    const cli = await startCli(['--port=0', '--password=cli-secret']);

    const auth = Buffer.from('300%3A21.TEST%2Ftestuser:cli-secret').toString('base64');
    await fetch(`${cli.url}/api/handles?prefix=21.TEST`, {
      headers: { Authorization: `Basic ${auth}` },
    });
    const exited = waitForExit(cli.child);
    cli.child.kill('SIGTERM');
    await exited;

    expect(cli.output()).toMatch(/info request method=GET path=\/api\/handles status=200 ms=\d+/);
    expect(cli.output()).not.toContain('cli-secret');
  });

  it('refuses an unknown flag with a non-zero exit code', async () => {
    const child = spawnCli(['--no-such-flag']);

    expect((await waitForExit(child)).code).not.toBe(0);
  });
});
