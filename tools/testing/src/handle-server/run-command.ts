import { spawn, type SpawnOptions } from 'node:child_process';

import { HandleServerStartError } from './errors.js';

/** What a finished command printed. */
export interface CommandResult {
  output: string;
}

const OUTPUT_TAIL_CHARS = 4000;

/**
 * Runs a command to its end and resolves with its output; a non-zero exit or a failed spawn
 * becomes a {@link HandleServerStartError} that carries the end of the output.
 */
export function runCommand(
  what: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => (output = tail(output + chunk.toString('utf8')));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);

    child.once('error', (error) => {
      reject(
        new HandleServerStartError(`${what} could not run ${command}`, output, { cause: error }),
      );
    });
    child.once('close', (code, signal) => {
      if (code === 0) return resolve({ output });
      const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      reject(new HandleServerStartError(`${what} failed: ${command} ${how}`, output));
    });
  });
}

/** Keeps the end of a text: the last lines of a failing Java program say what went wrong. */
export function tail(text: string): string {
  return text.length > OUTPUT_TAIL_CHARS ? text.slice(-OUTPUT_TAIL_CHARS) : text;
}
