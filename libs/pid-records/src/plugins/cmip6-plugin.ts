import { buildRecords } from '../build-records.js';
import type { RecordPlugin } from './record-plugin.js';

/** Records for CMIP6 datasets published through ESGF STAC events. */
export const CMIP6_PLUGIN: RecordPlugin = { name: 'cmip6', buildRecords };
