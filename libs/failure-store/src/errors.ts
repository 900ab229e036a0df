/** Stable codes of every failure the store reports; callers branch on these. */
export type FailureStoreErrorCode =
  'WRITE_FAILED' | 'READ_FAILED' | 'CORRUPT_LINE' | 'PATH_NOT_FOUND' | 'INVALID_ENTRY';

/** What a store error knows besides its message. */
export interface FailureStoreErrorContext {
  /** The JSON Lines file (or the path given by the user) the failure is about. */
  file?: string;
  /** 1-based line number inside `file`, for a line that could not be read. */
  line?: number;
  /** True when the same operation may succeed later (disk full, too many open files). */
  retriable?: boolean;
  /** The lower-level failure. */
  cause?: unknown;
}

/** Base class of every error thrown by the failure store. */
export class FailureStoreError extends Error {
  readonly code: FailureStoreErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly retriable: boolean;

  constructor(
    code: FailureStoreErrorCode,
    message: string,
    context: FailureStoreErrorContext = {},
  ) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = new.target.name;
    this.code = code;
    this.file = context.file;
    this.line = context.line;
    this.retriable = context.retriable ?? false;
  }
}

/** A line could not be appended completely; the caller must not commit the event's offset. */
export class WriteFailedError extends FailureStoreError {
  constructor(file: string, cause: unknown, retriable: boolean) {
    super(
      'WRITE_FAILED',
      `Could not append a line to ${file}: ${describe(cause)}. ` +
        'The event is not stored; check free space and permissions of the output folder.',
      { file, cause, retriable },
    );
  }
}

/** A file could not be opened or read. */
export class ReadFailedError extends FailureStoreError {
  constructor(file: string, cause: unknown) {
    super('READ_FAILED', `Could not read ${file}: ${describe(cause)}.`, { file, cause });
  }
}

/** A line in the middle of a file is not a JSON object of the expected shape. */
export class CorruptLineError extends FailureStoreError {
  constructor(file: string, line: number, problem: string) {
    super(
      'CORRUPT_LINE',
      `Line ${line} of ${file} is corrupt (${problem}). ` +
        'Fix or remove that line by hand; the other lines can still be read.',
      { file, line },
    );
  }
}

/** A path given to the retry command names nothing: no such file or folder, or no glob match. */
export class PathNotFoundError extends FailureStoreError {
  constructor(path: string, isPattern: boolean) {
    const what = isPattern ? 'No file matches the pattern' : 'No such file or folder';
    super('PATH_NOT_FOUND', `${what}: ${path}. Check the path and the current folder.`, {
      file: path,
    });
  }
}

/** A caller handed the store an entry it cannot write (e.g. a negative retry count). */
export class InvalidEntryError extends FailureStoreError {
  constructor(message: string) {
    super('INVALID_ENTRY', message);
  }
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
