import type { HandleLogger, LogFields } from '@piddi/handle-client';

/** One line a logger received. */
export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error';
  message: string;
  fields?: LogFields;
}

/** A logger that keeps every line, for assertions on what was logged. */
export interface RecordingLogger extends HandleLogger {
  lines: LogLine[];
  /** Lines of one level. */
  at(level: LogLine['level']): LogLine[];
  /** Every line serialised, to search for text that must never be logged. */
  text(): string;
}

/** Creates a logger that records instead of writing. */
export function createRecordingLogger(): RecordingLogger {
  const lines: LogLine[] = [];
  const record = (level: LogLine['level']) => (message: string, fields?: LogFields) => {
    lines.push({ level, message, fields });
  };

  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    at: (level) => lines.filter((line) => line.level === level),
    text: () => lines.map((line) => JSON.stringify(line)).join('\n'),
  };
}
