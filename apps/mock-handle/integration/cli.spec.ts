import { afterEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';

const WORKSPACE = join(import.meta.dirname, '..', '..', '..');
const TSX = join(WORKSPACE, 'node_modules', '.bin', 'tsx');
const MAIN = 'apps/mock-handle/src/main.ts';
const ADDRESS = /listening on (http:\/\/\S+)/;

const started: ChildProcess[] = [];

interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
}

/** Starts the executable and waits for the address it prints. */
function startCli(args: string[], env: Record<string, string> = {}): Promise<RunningCli> {
  const child = spawnCli(args, env);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = ADDRESS.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before listening: ${output}`)),
    );
  });
}

// tsx runs the program in a child process of its own; a process group of their own lets the
// cleanup stop both, even when a test failed before its SIGTERM.
function spawnCli(
  args: string[],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  const child = spawn(TSX, ['--tsconfig', 'tsconfig.base.json', MAIN, ...args], {
    cwd: WORKSPACE,
    env: { ...process.env, ...env },
    detached: true,
  });
  started.push(child);
  return child;
}

function stopAll(): void {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('the executable', () => {
  afterEach(stopAll);

  it('prints its address, answers requests and stops with exit code 0 on SIGTERM', async () => {
    const cli = await startCli(['--port', '0']);

    const response = await fetch(`${cli.url}/api/handles/21.TEST/testuser`);
    const exited = waitForExit(cli.child);
    cli.child.kill('SIGTERM');

    expect(response.status).toBe(200);
    expect(await exited).toBe(0);
  });

  it('stops with exit code 0 on SIGINT', async () => {
    const cli = await startCli(['--port', '0']);

    const exited = waitForExit(cli.child);
    cli.child.kill('SIGINT');

    expect(await exited).toBe(0);
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

    expect(await waitForExit(child)).not.toBe(0);
  });
});
