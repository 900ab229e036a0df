import { InvalidRecordOptionsError } from './errors.js';
import { isRecord } from './objects.js';

/**
 * One configuration section as TOML gives it, e.g. `[plugins.cmip6]`. Any object: typed
 * configurations of callers fit without an index signature; each value is checked on reading.
 */
export type ConfigSection = object;

/** Reads configuration values of one section, naming `[section].key` when a value is wrong. */
export class SectionReader {
  constructor(
    private readonly name: string,
    private readonly section: ConfigSection | undefined,
  ) {
    if (section !== undefined && !isRecord(section)) throw this.wrong('', 'a table');
  }

  string(key: string, fallback: string): string {
    const value = this.read(key) ?? fallback;
    if (typeof value !== 'string') throw this.wrong(key, 'a string');
    return value;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.read(key) ?? fallback;
    if (typeof value !== 'boolean') throw this.wrong(key, 'true or false');
    return value;
  }

  integer(key: string, fallback: number): number {
    const value = this.read(key) ?? fallback;
    if (!Number.isInteger(value)) throw this.wrong(key, 'an integer');
    return value as number;
  }

  strings(key: string, fallback: readonly string[]): string[] {
    const value = this.read(key) ?? fallback;
    if (!Array.isArray(value) || value.some((entry) => typeof entry !== 'string')) {
      throw this.wrong(key, 'a list of strings');
    }
    return [...value];
  }

  private read(key: string): unknown {
    return (this.section as Record<string, unknown> | undefined)?.[key];
  }

  private wrong(key: string, expected: string): InvalidRecordOptionsError {
    const place = key ? `[${this.name}].${key}` : `[${this.name}]`;
    return new InvalidRecordOptionsError(`${place} must be ${expected}; fix the configuration`);
  }
}
