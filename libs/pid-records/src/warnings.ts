import type { RecordLogger } from './logger.js';
import type { RecordWarning, RecordWarningCode } from './types.js';

/** Where a warning points: an asset of the item and the record field concerned. */
export interface WarningPlace {
  assetKey?: string;
  field?: string;
}

/** Collects the warnings of one build and logs each as it happens. */
export class WarningCollector {
  readonly warnings: RecordWarning[] = [];

  constructor(
    private readonly itemId: string,
    private readonly logger: RecordLogger,
  ) {}

  warn(code: RecordWarningCode, message: string, place: WarningPlace = {}): void {
    const warning: RecordWarning = { code, message, itemId: this.itemId, ...place };
    this.warnings.push(warning);
    this.logger.warn(message, { code, itemId: this.itemId, ...place });
  }
}
