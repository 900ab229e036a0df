/**
 * Prints an error that ends the command before any log is open (a wrong flag, a configuration
 * that cannot be loaded, `config show` of a key that does not exist) as one `piddiplatsch:`
 * line on stderr, without a stack trace, and sets exit code 1.
 */
export function printError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`piddiplatsch: ${message}\n`);
  process.exitCode = 1;
}
