import { describe, expect, it } from '@jest/globals';

import {
  buildDeleteRequest,
  buildGetHandleRequest,
  buildListRequest,
  buildMintRequest,
  buildPutHandleRequest,
  buildPutValuesRequest,
  isNothingToDelete,
} from './handle-requests.js';
import type { HandleValue } from './handle-values.js';

const HANDLE = '21.TEST/abc';
const value = (index: number): HandleValue => ({
  index,
  type: `T${index}`,
  data: { format: 'string', value: 'x' },
});
const query = (params?: URLSearchParams) => params?.toString() ?? '';

describe('request building', () => {
  it('puts a whole record with the overwrite flag', () => {
    const request = buildPutHandleRequest(HANDLE, [value(1)], false);

    expect(request).toMatchObject({ method: 'PUT', path: 'api/handles/21.TEST/abc' });
    expect(query(request.searchParams)).toBe('overwrite=false');
    expect(request.body).toEqual({ values: [value(1)] });
  });

  it('puts chosen values with one index parameter per value', () => {
    const request = buildPutValuesRequest(HANDLE, [value(2), value(3)], true);

    expect(query(request.searchParams)).toBe('index=2&index=3&overwrite=true');
  });

  it('reads with repeated index and type filters', () => {
    const request = buildGetHandleRequest(HANDLE, { index: [1, 2], type: ['URL', 'HS_'] });

    expect(request.method).toBe('GET');
    expect(query(request.searchParams)).toBe('index=1&index=2&type=URL&type=HS_');
  });

  it('deletes a whole handle without index parameters', () => {
    const request = buildDeleteRequest(HANDLE);

    expect(request).toMatchObject({ method: 'DELETE', path: 'api/handles/21.TEST/abc' });
    expect(query(request.searchParams)).toBe('');
  });

  it('deletes chosen values with index parameters', () => {
    expect(query(buildDeleteRequest(HANDLE, [2, 3]).searchParams)).toBe('index=2&index=3');
  });

  it('lists a prefix page by page', () => {
    const request = buildListRequest('21.TEST', { page: 2, pageSize: 50 });

    expect(request.path).toBe('api/handles');
    expect(query(request.searchParams)).toBe('prefix=21.TEST&page=2&pageSize=50');
  });

  it('mints below the prefix path with mintNewSuffix', () => {
    const request = buildMintRequest('21.TEST', [value(1)]);

    expect(request).toMatchObject({ method: 'PUT', path: 'api/handles/21.TEST/' });
    expect(query(request.searchParams)).toBe('mintNewSuffix=true');
  });
});

describe('request building refuses requests that would do more than asked', () => {
  it.each([
    ['deleting no chosen values (would delete the handle)', () => buildDeleteRequest(HANDLE, [])],
    [
      'writing no chosen values (would empty the record)',
      () => buildPutValuesRequest(HANDLE, [], true),
    ],
    ['a zero index', () => buildDeleteRequest(HANDLE, [0])],
    ['a fractional index filter', () => buildGetHandleRequest(HANDLE, { index: [1.5] })],
  ])('refuses %s', (_case, build) => {
    expect(build).toThrow(expect.objectContaining({ code: 'INVALID_VALUE' }));
  });

  it.each([
    { page: -1, pageSize: 10 },
    { page: 0, pageSize: 2.5 },
  ])('refuses the listing page %j', (requested) => {
    expect(() => buildListRequest('21.TEST', requested)).toThrow(
      expect.objectContaining({ code: 'INVALID_OPTIONS' }),
    );
  });
});

describe('isNothingToDelete', () => {
  it.each([
    [404, 100, true],
    [400, 200, true],
    [404, undefined, false],
    [200, 1, false],
  ])('answers HTTP %i / responseCode %p with %p', (status, responseCode, expected) => {
    expect(isNothingToDelete({ status, body: { responseCode } })).toBe(expected);
  });
});
