import { EventError, type EventErrorCode, type EventProblem } from './errors.js';
import { describeSource } from './read-message.js';

// What to do about each problem, for the operator who reads the failure record.
const HINTS: Record<EventErrorCode, string> = {
  NOT_UTF8: 'Check the producer of this topic.',
  NOT_JSON: 'Check the producer of this topic.',
  INVALID_ENVELOPE:
    'An ESGF event is {"data": {"type": "STAC", "payload": {...}}, "metadata": {...}}; ' +
    'check the producer of this topic.',
  UNSUPPORTED_EVENT_TYPE: 'Piddi registers only STAC item events; this one cannot be processed.',
  UNKNOWN_METHOD: 'The payload method must be POST, PUT or PATCH.',
  MISSING_ITEM: 'A POST or PUT payload carries the STAC item under "item".',
  INVALID_ITEM: 'The STAC item must be a Feature with id, properties and assets objects.',
  INVALID_ITEM_ID:
    'A CMIP6 item id has ten or more dot-separated parts and ends with v and the version, ' +
    'e.g. CMIP6.CMIP.MPI-M.MPI-ESM1-2-HR.historical.r1i1p1f1.Amon.tas.gn.v20190710.',
  ITEM_ID_MISMATCH:
    'The item must keep the id the event names in item_id; ask the publisher to resend it.',
  INVALID_PID:
    'A PID is written hdl:PREFIX/UUID, PREFIX/UUID or as a bare UUID; ask the publisher to ' +
    'correct it, or leave it out so that Piddi derives one.',
  INVALID_FILE_SIZE: 'file:size is the file length in bytes, a positive integer.',
  INVALID_CHECKSUM: 'file:checksum is a hex multihash, e.g. 1220 and a sha2-256 digest.',
  INVALID_PATCH:
    'A PATCH names the item in "item_id" and carries an RFC 6902 list, {"operations": [...]} ' +
    'or an RFC 7396 merge patch object in "patch".',
  PATCH_NOT_APPLICABLE:
    'The patch does not fit the current item in the STAC API; check that the item is the ' +
    'one the publisher meant, then resend the event.',
  INVALID_PATCHED_ITEM: 'Applying the patch leaves an invalid item; the publisher must fix it.',
};

/** The advice that ends the message of an error with this code. */
export function describeRemedy(code: EventErrorCode): string {
  return HINTS[code];
}

/** One line naming where the rule is broken and what was found there. */
export function describeProblem(problem: EventProblem): string {
  const where = problem.path === '' ? 'the message' : problem.path;
  const found = problem.value === undefined ? '' : ` (found ${problem.value})`;
  return `${where} ${problem.rule}${found}`;
}

/** An error for the first of `problems`, keeping all of them for the failure record. */
export function createProblemError(problems: EventProblem[], source?: string): EventError {
  const [first] = problems;
  const others = problems.length - 1;
  const more = others > 0 ? ` (and ${others} more problem${others > 1 ? 's' : ''})` : '';
  const message =
    `${describeSource(source)} is invalid: ${describeProblem(first)}${more}. ` +
    describeRemedy(first.code);

  return new EventError(first.code, message, {
    path: first.path,
    rule: first.rule,
    source,
    problems,
  });
}
