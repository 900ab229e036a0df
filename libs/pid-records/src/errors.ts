import type { RecordWarning } from './types.js';

/** Stable codes of every failure the record builder reports; callers branch on these. */
export type RecordErrorCode =
  | 'INVALID_DATASET'
  | 'INVALID_ITEM_ID'
  | 'INVALID_PID'
  | 'INVALID_FILE'
  | 'NO_FILES'
  | 'LOOKUP_FAILED'
  | 'UNKNOWN_PLUGIN'
  | 'PLUGIN_ALREADY_REGISTERED'
  | 'INVALID_OPTIONS';

/** What a record error knows besides its message. */
export interface RecordErrorContext {
  /** The STAC item the event was about. */
  itemId?: string;
  /** The asset of that item, when one file was at fault. */
  assetKey?: string;
  /** True when the same event may succeed later without being changed. */
  retriable?: boolean;
  /** The warnings the build had collected when it failed; each was logged already. */
  warnings?: readonly RecordWarning[];
  cause?: unknown;
}

/** Base class of every error thrown while turning an event into handle records. */
export class RecordError extends Error {
  readonly code: RecordErrorCode;
  readonly itemId?: string;
  readonly assetKey?: string;
  readonly retriable: boolean;
  /**
   * Warnings of the build up to the failure, e.g. the invalid files left out before no file
   * was left (`NO_FILES`); empty when the build failed before it warned of anything.
   */
  readonly warnings: readonly RecordWarning[];

  constructor(code: RecordErrorCode, message: string, context: RecordErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause });
    this.name = new.target.name;
    this.code = code;
    this.itemId = context.itemId;
    this.assetKey = context.assetKey;
    this.retriable = context.retriable ?? false;
    this.warnings = [...(context.warnings ?? [])];
  }
}

/** The item lacks what every dataset record needs (an id, an assets map, ...). */
export class InvalidDatasetError extends RecordError {
  constructor(message: string, context: RecordErrorContext = {}) {
    super('INVALID_DATASET', message, context);
  }
}

/** The item id does not have the ten dot-separated parts of a CMIP6 dataset id. */
export class InvalidItemIdError extends RecordError {
  constructor(message: string, context: RecordErrorContext = {}) {
    super('INVALID_ITEM_ID', message, context);
  }
}

/** The item carries a dataset PID that is not a UUID. */
export class InvalidPidError extends RecordError {
  constructor(message: string, context: RecordErrorContext = {}) {
    super('INVALID_PID', message, context);
  }
}

/** In strict mode: a file asset cannot become a valid file record. */
export class InvalidFileError extends RecordError {
  /** Every reason the file is invalid, e.g. `file:size is missing`. */
  readonly problems: string[];

  constructor(message: string, problems: string[], context: RecordErrorContext = {}) {
    super('INVALID_FILE', message, context);
    this.problems = problems;
  }
}

/** No file of the dataset can be registered although `max_parts` asks for files. */
export class NoFilesError extends RecordError {
  constructor(message: string, context: RecordErrorContext = {}) {
    super('NO_FILES', message, context);
  }
}

/** The previous-version lookup failed; `retriable` says whether a later attempt may work. */
export class VersionLookupError extends RecordError {
  constructor(message: string, context: RecordErrorContext = {}) {
    super('LOOKUP_FAILED', message, context);
  }
}

/** No record plugin is registered under the requested name. */
export class UnknownPluginError extends RecordError {
  constructor(message: string) {
    super('UNKNOWN_PLUGIN', message);
  }
}

/** A record plugin of the same name is already registered. */
export class PluginAlreadyRegisteredError extends RecordError {
  constructor(message: string) {
    super('PLUGIN_ALREADY_REGISTERED', message);
  }
}

/** Record options (or the configuration they come from) are unusable. */
export class InvalidRecordOptionsError extends RecordError {
  constructor(message: string) {
    super('INVALID_OPTIONS', message);
  }
}
