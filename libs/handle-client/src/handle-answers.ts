import type { HandleAnswer, RequestSubject } from './error-mapping.js';
import { HandleError } from './errors.js';
import { type HandleRecord, normalizeHandleValue } from './handle-values.js';

/** One page of the handles under a prefix. */
export interface HandlePage {
  prefix: string;
  /** Handles under the prefix in all pages; servers send it as a string, this is a number. */
  totalCount: number;
  /** Page number, counted from 0. */
  page: number;
  pageSize: number;
  /** Full handle names, `PREFIX/SUFFIX`. */
  handles: string[];
}

/** Reads a resolved record; `values` is empty when a filter matched nothing. */
export function readRecord(answer: HandleAnswer, subject: RequestSubject): HandleRecord {
  const body = requireBody(answer, subject);
  const values = body.values ?? [];
  if (!Array.isArray(values)) throw invalidAnswer(subject, '`values` is not a list');

  const handle = typeof body.handle === 'string' ? body.handle : subject.handle;
  return { handle, values: values.map((value) => normalizeHandleValue(value, handle)) };
}

/** Reads the handle name a PUT answered with, falling back to the requested one. */
export function readAnsweredHandle(answer: HandleAnswer, subject: RequestSubject): string {
  const handle = answer.body?.handle;
  return typeof handle === 'string' && handle ? handle : subject.handle;
}

/** Reads the name of a minted handle; it must lie under the requested prefix. */
export function readMintedHandle(answer: HandleAnswer, subject: RequestSubject): string {
  const handle = requireBody(answer, subject).handle;
  const prefix = `${subject.handle.toLowerCase()}/`;
  if (typeof handle !== 'string' || !handle.toLowerCase().startsWith(prefix)) {
    throw invalidAnswer(subject, `the minted handle ${JSON.stringify(handle)} is not under it`);
  }
  return handle;
}

/** Reads one listing page, turning the counters into numbers. */
export function readPage(
  answer: HandleAnswer,
  subject: RequestSubject,
  requested: { page: number; pageSize: number },
): HandlePage {
  const body = requireBody(answer, subject);
  const handles = body.handles ?? [];
  if (!Array.isArray(handles) || !handles.every((handle) => typeof handle === 'string')) {
    throw invalidAnswer(subject, '`handles` is not a list of names');
  }

  return {
    prefix: typeof body.prefix === 'string' ? body.prefix : subject.handle,
    totalCount: readCount(body.totalCount, 'totalCount', subject),
    page: body.page === undefined ? requested.page : readCount(body.page, 'page', subject),
    pageSize:
      body.pageSize === undefined
        ? requested.pageSize
        : readCount(body.pageSize, 'pageSize', subject),
    handles,
  };
}

function readCount(raw: unknown, name: string, subject: RequestSubject): number {
  const count = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) {
    throw invalidAnswer(subject, `\`${name}\` ${JSON.stringify(raw)} is not a count`);
  }
  return count;
}

function requireBody(answer: HandleAnswer, subject: RequestSubject): Record<string, unknown> {
  if (!answer.body) throw invalidAnswer(subject, 'the body is not a JSON object');
  return answer.body;
}

function invalidAnswer(subject: RequestSubject, reason: string): HandleError {
  return new HandleError(
    'INVALID_RESPONSE',
    `Could not ${subject.action} ${subject.handle}: the server's answer is unusable, ${reason}; check baseUrl`,
    { handle: subject.handle },
  );
}
