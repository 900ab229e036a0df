import { spawn } from 'node:child_process';

/** How a finished command ended and the last of what it printed. */
export interface CommandResult {
  exitCode: number | null;
  /** The command could not be started at all (e.g. ENOENT: not installed). */
  spawnError?: NodeJS.ErrnoException;
  output: string;
}

const OUTPUT_TAIL_CHARS = 4000;

/** Runs a command to its end, keeping the tail of stdout and stderr for error messages. */
export function runCommand(command: string, args: string[], cwd?: string): Promise<CommandResult> {
  return new Promise((resolve) => {
    // The env is passed on purpose: Jest gives test code its own copy of process.env.
    const child = spawn(command, args, {
      cwd,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail = createOutputTail();
    child.stdout.on('data', tail.append);
    child.stderr.on('data', tail.append);
    child.once('error', (spawnError) =>
      resolve({ exitCode: null, spawnError, output: tail.text() }),
    );
    child.once('close', (exitCode) => resolve({ exitCode, output: tail.text() }));
  });
}

/** Collects a process's output, keeping only the end so a chatty process cannot fill memory. */
export function createOutputTail(limit = OUTPUT_TAIL_CHARS) {
  let text = '';
  return {
    append: (chunk: Buffer | string) => {
      text = (text + chunk.toString()).slice(-limit);
    },
    text: () => text.trim(),
  };
}
