import type { ResolvedItemEvent } from '@piddi/stac-model';

import type { RecordOptions } from '../options.js';
import type { BuildContext, RecordSet } from '../types.js';

/**
 * Turns the events of one project (e.g. CMIP6) into handle records. The pipeline picks a
 * plugin by name (`consumer.plugin`) and knows nothing else about it.
 */
export interface RecordPlugin {
  /** The name configuration refers to, e.g. `cmip6`. */
  readonly name: string;
  buildRecords(
    event: ResolvedItemEvent,
    options: RecordOptions,
    context?: BuildContext,
  ): Promise<RecordSet>;
}
