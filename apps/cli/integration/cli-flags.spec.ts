import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FailureStore } from '@piddi/failure-store';
import { startMockHandleServer, type StartedMockHandleServer } from '@piddi/mock-handle';
import { makeCmip6PostEvent } from '@piddi/testing';

import { createCliWorkspace, publishEvents, runCli, type CliWorkspace } from './cli-harness.js';

let server: StartedMockHandleServer;
let workspace: CliWorkspace;

beforeAll(async () => {
  server = await startMockHandleServer({ port: 0 });
  workspace = await createCliWorkspace({ handleUrl: server.url });
});

afterAll(() => server.close());

describe('global flags', () => {
  it('prints the version with --version', async () => {
    const run = await runCli(['--version'], workspace.dir);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('lists the commands with --help', async () => {
    const run = await runCli(['--help'], workspace.dir);
    expect(run.code).toBe(0);
    for (const command of ['consume', 'retry', 'config']) expect(run.stdout).toContain(command);
  });

  it('refuses an unknown flag with exit code 1', async () => {
    const run = await runCli(['consume', '--bogus-flag'], workspace.dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bogus-flag');
  });

  it('logs debug lines to the --log file and shows the summary with --verbose', async () => {
    await publishEvents(workspace.topic, [makeCmip6PostEvent({ member: 701, files: 1 })]);
    const log = join(workspace.dir, 'my.log');
    const run = await runCli(
      ['--config', workspace.configFile, '--verbose', '--debug', '--log', log, 'consume'].concat([
        '--dump',
        '--stop-when-idle',
        '3',
      ]),
      workspace.dir,
    );

    expect(run.code).toBe(0);
    const lines = (await readFile(log, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.some((line) => line.level === 'debug')).toBe(true);
    expect(lines.some((line) => line.message === 'Registered event')).toBe(true);
    expect(run.stderr).toMatch(/messages\s+1\b/);
    expect(await readFile(log, 'utf8')).not.toContain('testpass');
  });
});

describe('start-up warnings', () => {
  it('name the source of each value they warn about', async () => {
    const nothingToRetry = await mkdtemp(join(tmpdir(), 'piddi-empty-'));
    const run = await runCli(
      ['--config', workspace.configFile, 'retry', nothingToRetry],
      workspace.dir,
      { PIDDI_HANDLE_PASSWORD: 'testpass' },
    );

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      'handle.password (from environment variable PIDDI_HANDLE_PASSWORD) is the demo password',
    );
  });
});

describe('config', () => {
  it('validates a good file and warns about demo credentials', async () => {
    const run = await runCli(
      ['--config', workspace.configFile, 'config', 'validate'],
      workspace.dir,
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('is valid');
    expect(run.stdout).toContain('warning: handle.password');
  });

  it('names the key and what is wrong in a bad file, with exit code 1', async () => {
    const bad = join(workspace.dir, 'bad.toml');
    await writeFile(bad, '[handle]\ntimeout_ms = "soon"\n[consumer]\nmax_in_flihgt = 4\n');
    const run = await runCli(['--config', bad, 'config', 'validate'], workspace.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('handle.timeout_ms');
    expect(run.stdout).toContain('max_in_flihgt');
  });

  it.each([
    [
      'enable.auto.commit turned on',
      '[kafka]\n"enable.auto.commit" = true\n',
      'enable.auto.commit',
    ],
    [
      'a retry topic equal to the topic',
      '[consumer]\nretry_topic = "esgf.stac.items"\n',
      'retry_topic',
    ],
  ])('refuses %s, as consume would, with exit code 1', async (_, toml, named) => {
    const file = join(workspace.dir, `${named}.toml`);
    await writeFile(file, toml);

    const run = await runCli(['--config', file, 'config', 'validate'], workspace.dir);

    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`^error: .*${named}`, 'm'));
    expect(run.stdout).toContain('is not valid: 1 error(s).');
  });

  it('names a librdkafka key it does not know and the file that set it, with exit code 1', async () => {
    const file = join(workspace.dir, 'misspelt-kafka.toml');
    await writeFile(file, '[kafka]\n"bootstrap.server" = "127.0.0.1:9092"\n');

    const run = await runCli(['--config', file, 'config', 'validate'], workspace.dir);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`error: kafka.bootstrap.server (from ${file}) is refused`);
  });

  it('shows one key, a section as JSON, and never the password', async () => {
    const key = await runCli(
      ['--config', workspace.configFile, 'config', 'show', '--key', 'handle.server_url'],
      workspace.dir,
    );
    expect(key.stdout).toContain(server.url);

    const section = await runCli(
      ['config', 'show', '--format', 'json', '--section', 'handle'],
      workspace.dir,
      { PIDDI_HANDLE_PASSWORD: 'very-secret' },
    );
    expect(JSON.parse(section.stdout).prefix).toBe('21.TEST');
    expect(section.stdout).not.toContain('very-secret');
  });
});

describe('config errors', () => {
  async function configFile(name: string, contents: string): Promise<string> {
    const file = join(workspace.dir, name);
    await writeFile(file, contents);
    return file;
  }

  it.each([
    [
      'a --config file that does not exist',
      ['--config', 'nope.toml', 'config', 'show'],
      'nope.toml',
    ],
    ['a --key that does not exist', ['config', 'show', '--key', 'handle.nope'], 'handle.nope is'],
    ['a --section that does not exist', ['config', 'show', '--section', 'nope'], 'nope is'],
  ])('config show names %s in one line, with exit code 1', async (_, args, named) => {
    const run = await runCli(args, workspace.dir);

    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^piddiplatsch: /)]);
    expect(run.stderr).toContain(named);
    expect(run.stdout).toBe('');
  });

  it('config show names the wrong key of an invalid file in one line, with exit code 1', async () => {
    const bad = await configFile('bad-value.toml', '[handle]\ntimeout_ms = "soon"\n');
    const run = await runCli(['--config', bad, 'config', 'show'], workspace.dir);

    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      `piddiplatsch: handle.timeout_ms (from ${bad}) must be an integer >= 1; got "soon".`,
    );
  });

  it('config show prints a good file with exit code 0', async () => {
    const run = await runCli(['--config', workspace.configFile, 'config', 'show'], workspace.dir);

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`topic = "${workspace.topic}"`);
    expect(run.stderr).toBe('');
  });

  it('config validate names a --config file that does not exist, with exit code 1', async () => {
    const run = await runCli(['--config', 'missing.toml', 'config', 'validate'], workspace.dir);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain('error: Configuration file missing.toml cannot be read');
    expect(run.stderr).toBe('');
  });

  it('config validate names a file that is not TOML with its line, with exit code 1', async () => {
    const broken = await configFile('broken.toml', '[handle\n');
    const run = await runCli(['--config', broken, 'config', 'validate'], workspace.dir);

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`error: ${broken}:1:`);
    expect(run.stdout).toContain('is not valid: 1 error(s).');
  });
});

describe('retry flags', () => {
  it('refuses --dry-run with --delete-after and keeps the failure file', async () => {
    const store = new FailureStore({ outputDir: join(workspace.dir, 'kept') });
    const event = makeCmip6PostEvent({ member: 702, files: 1 });
    const file = await store.recordFailure({ event, reason: 'Handle server down' });
    const before = await readFile(file, 'utf8');

    const run = await runCli(
      ['--config', workspace.configFile, 'retry', file, '--dry-run', '--delete-after'],
      workspace.dir,
    );

    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--dry-run and --delete-after exclude each other');
    expect(await readFile(file, 'utf8')).toBe(before);
    await expect(access(join(workspace.outputDir, 'handles'))).rejects.toThrow();
  });

  it('refuses --via-kafka with --dry-run in one line naming both flags', async () => {
    const run = await runCli(
      ['--config', workspace.configFile, 'retry', workspace.dir, '--via-kafka', '--dry-run'],
      workspace.dir,
    );

    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('piddiplatsch: --via-kafka and --dry-run exclude each other.');
  });
});
