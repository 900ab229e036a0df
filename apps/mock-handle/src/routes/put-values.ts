import { answerSuccess, type Answer } from '../answers.js';
import { assertPermitted, type Caller } from '../auth.js';
import { HandleApiError, RESPONSE_CODE } from '../response-codes.js';
import { type IncomingValue, sortByIndex, stampValue } from '../values/handle-value.js';
import { indexConflict } from './put-checks.js';
import type { RouteContext } from './route-context.js';

/** What a PUT writes, whether it may replace what is there, and who asks. */
export interface ValuesWrite {
  values: IncomingValue[];
  overwrite: boolean;
  caller: Caller;
}

/**
 * Adds or replaces only the values sent, leaving the rest; the record is then ordered by index,
 * as real servers store it. 201 when every value is new, 200 when one replaced another; 409 with
 * responseCode 201 when `overwrite=false` meets an existing one.
 */
export function putSomeValues(handle: string, write: ValuesWrite, context: RouteContext): Answer {
  const record = context.store.get(handle);
  if (!record) {
    throw new HandleApiError(RESPONSE_CODE.handleNotFound, 'Handle not found', { handle });
  }

  const taken = new Set(record.values.map((value) => value.index));
  const replaced = write.values.filter((value) => taken.has(value.index));
  if (!write.overwrite && replaced.length > 0) throw indexConflict(replaced[0].index, handle);
  assertPermitted(write.caller, handle);

  const now = context.now();
  const sent = new Set(write.values.map((value) => value.index));
  const kept = record.values.filter((value) => !sent.has(value.index));
  const written = write.values.map((value) => stampValue(value, now));
  context.store.put({ handle: record.handle, values: sortByIndex([...kept, ...written]) });
  return answerSuccess(replaced.length === 0 ? 201 : 200, { handle });
}
