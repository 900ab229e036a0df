/** Stable codes of every configuration failure; the CLI branches on these. */
export type ConfigErrorCode =
  'CONFIG_INVALID' | 'CONFIG_FILE_NOT_FOUND' | 'CONFIG_PARSE_ERROR' | 'CONFIG_KEY_NOT_FOUND';

/** Stable codes of the findings `config validate` reports without failing. */
export type ConfigWarningCode =
  'DEMO_CREDENTIALS' | 'TLS_VERIFICATION_DISABLED' | 'PLAINTEXT_SECRET' | 'UNKNOWN_ENV_VARIABLE';

/** One problem found in the configuration, with where it came from. */
export interface ConfigIssue {
  code: ConfigErrorCode | ConfigWarningCode;
  /** Dotted key, e.g. `handle.timeout_ms`; absent when the whole file is at fault. */
  key?: string;
  /** Where the value came from: a file path, `environment variable PIDDI_…`, … */
  source?: string;
  /** A complete sentence naming the key, the source and what is wrong. */
  message: string;
}

/** Thrown when the configuration cannot be read or is invalid; lists every problem found. */
export class ConfigError extends Error {
  readonly code: ConfigErrorCode;
  /** The key of the first problem, when a key is at fault. */
  readonly key?: string;
  /** The source of the first problem. */
  readonly source?: string;
  readonly issues: readonly ConfigIssue[];

  constructor(code: ConfigErrorCode, issues: readonly ConfigIssue[], options?: { cause?: Error }) {
    super(describeIssues(issues), options);
    this.name = new.target.name;
    this.code = code;
    this.key = issues[0]?.key;
    this.source = issues[0]?.source;
    this.issues = issues;
  }
}

/** Builds the error for a single problem. */
export function createConfigError(issue: ConfigIssue & { code: ConfigErrorCode }): ConfigError {
  return new ConfigError(issue.code, [issue]);
}

function describeIssues(issues: readonly ConfigIssue[]): string {
  if (issues.length === 1) return issues[0].message;

  const lines = issues.map((issue) => `  - ${issue.message}`);
  return [`Invalid configuration (${issues.length} problems):`, ...lines].join('\n');
}
