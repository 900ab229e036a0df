export {
  FailureStoreError,
  WriteFailedError,
  ReadFailedError,
  CorruptLineError,
  PathNotFoundError,
  InvalidEntryError,
} from './errors.js';
export type { FailureStoreErrorCode, FailureStoreErrorContext } from './errors.js';
export { SILENT_LOGGER } from './logger.js';
export type { Logger, LogFields } from './logger.js';
export {
  DEFAULT_OUTPUT_DIR,
  OUTPUT_LAYOUT,
  formatUtcDate,
  dailyFileName,
  failureFolder,
  isOutputFileOf,
} from './output-layout.js';
export type { OutputKind } from './output-layout.js';
export { JsonlDailyWriter } from './jsonl-daily-writer.js';
export type { JsonlDailyWriterOptions } from './jsonl-daily-writer.js';
export { FailureStore } from './failure-store.js';
export type { FailureEntry, FailureStoreOptions } from './failure-store.js';
export { MessageDump } from './message-dump.js';
export type { OutputFileOptions } from './message-dump.js';
export { HandleRecordSink } from './handle-record-sink.js';
export { INFOS_FIELD } from './stored-line.js';
export type { KafkaCoordinates, LineInfos } from './stored-line.js';
export { RAW_MESSAGE_FIELD } from './stored-message.js';
export type { MessageEncoding } from './stored-message.js';
export { readJsonlLines } from './jsonl-reader.js';
export type { JsonlLine, TornLine, ReadJsonlOptions } from './jsonl-reader.js';
export { readStoredLines, readFailureFile } from './failure-file.js';
export type { StoredLine, FailureFileContents, ReadFailureFileOptions } from './failure-file.js';
export { toStoredEntry } from './stored-entry.js';
export type { StoredEntry, StoredCoordinates } from './stored-entry.js';
export { toRetryEvent } from './retry-event.js';
export type { RetryEvent } from './retry-event.js';
export { expandJsonlPaths } from './expand-paths.js';
export type { ExpandPathsOptions } from './expand-paths.js';
export { snapshotJsonlFiles } from './file-snapshot.js';
export type { FileSnapshot } from './file-snapshot.js';
export { removeFile } from './remove-file.js';
export { removeProcessedFile } from './remove-processed-file.js';
export type { RemovedFile, RemoveProcessedFileOptions } from './remove-processed-file.js';
