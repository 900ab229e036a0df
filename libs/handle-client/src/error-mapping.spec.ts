import { describe, expect, it } from '@jest/globals';

import { inspect } from 'node:util';

import { errorFromAnswer, errorFromRequestFailure } from './error-mapping.js';
import {
  HandleAlreadyExistsError,
  HandleAuthError,
  HandleNotFoundError,
  HandleTransportError,
} from './errors.js';

const SUBJECT = { action: 'create handle', handle: '21.TEST/abc' };
const keep = (text: string) => text;

describe('errorFromAnswer', () => {
  it.each([
    [409, 101, 'HANDLE_ALREADY_EXISTS', false],
    [404, 100, 'HANDLE_NOT_FOUND', false],
    [400, 102, 'INVALID_HANDLE', false],
    [400, 200, 'VALUES_NOT_FOUND', false],
    [409, 201, 'VALUE_ALREADY_EXISTS', false],
    [400, 202, 'INVALID_VALUE', false],
    [400, 301, 'WRONG_PREFIX', false],
    [400, 4, 'INVALID_REQUEST', false],
    [404, 4, 'UNEXPECTED_RESPONSE', false],
    [401, 402, 'AUTHENTICATION_FAILED', false],
    [401, undefined, 'AUTHENTICATION_FAILED', false],
    [401, 100, 'AUTHENTICATION_FAILED', false],
    [403, 400, 'PERMISSION_DENIED', false],
    [403, 403, 'PERMISSION_DENIED', false],
    [403, undefined, 'PERMISSION_DENIED', false],
    [403, 301, 'PERMISSION_DENIED', false],
    [500, 2, 'SERVER_ERROR', true],
    [503, undefined, 'SERVER_ERROR', true],
    [429, undefined, 'RATE_LIMITED', true],
    [404, undefined, 'UNEXPECTED_RESPONSE', false],
    [418, 1, 'UNEXPECTED_RESPONSE', false],
  ])('maps HTTP %i with responseCode %p to %s', (status, responseCode, code, retriable) => {
    const body = responseCode === undefined ? undefined : { responseCode };

    const error = errorFromAnswer({ status, body }, SUBJECT, keep);

    expect(error).toMatchObject({ code, status, responseCode, retriable, handle: '21.TEST/abc' });
  });

  it.each([
    [409, 101, HandleAlreadyExistsError],
    [404, 100, HandleNotFoundError],
    [401, 402, HandleAuthError],
    [403, 401, HandleAuthError],
    [401, undefined, HandleAuthError],
    [403, undefined, HandleAuthError],
  ])('gives HTTP %i / %p its own error class', (status, responseCode, errorClass) => {
    const body = responseCode === undefined ? undefined : { responseCode };

    expect(errorFromAnswer({ status, body }, SUBJECT, keep)).toBeInstanceOf(errorClass);
  });

  it('reports an empty 401 as failed authentication, naming the handle', () => {
    const error = errorFromAnswer({ status: 401 }, SUBJECT, keep);

    expect(error).toMatchObject({ code: 'AUTHENTICATION_FAILED', responseCode: undefined });
    expect(error.message).toContain('HTTP 401;');
    expect(error.message).toContain('21.TEST/abc');
  });

  it('says that the server could not read a request refused with responseCode 4', () => {
    const error = errorFromAnswer({ status: 400, body: { responseCode: 4 } }, SUBJECT, keep);

    expect(error.message).toContain('could not read the request');
    expect(error.message).not.toContain('baseUrl');
  });

  it('points at the base URL when an unknown API path is refused with responseCode 4', () => {
    const error = errorFromAnswer({ status: 404, body: { responseCode: 4 } }, SUBJECT, keep);

    expect(error.message).toContain('check baseUrl');
  });

  it('names the handle and quotes the server message after removing secrets', () => {
    const body = { responseCode: 402, message: 'bad password hunter2' };

    const error = errorFromAnswer({ status: 401, body }, SUBJECT, (text) =>
      text.replace('hunter2', '[redacted]'),
    );

    expect(error.message).toContain('21.TEST/abc');
    expect(error.message).toContain('bad password [redacted]');
    expect(error.message).not.toContain('hunter2');
  });

  it('carries the Retry-After delay of a 429', () => {
    const error = errorFromAnswer({ status: 429, retryAfterMs: 1500 }, SUBJECT, keep);

    expect(error.retryAfterMs).toBe(1500);
  });
});

describe('errorFromRequestFailure', () => {
  const failure = (code: string) => Object.assign(new Error(`connect ${code}`), { code });

  it.each([
    ['ECONNREFUSED', 'NETWORK_ERROR', true],
    ['ECONNRESET', 'NETWORK_ERROR', true],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'TLS_ERROR', false],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'TLS_ERROR', false],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'TLS_ERROR', false],
    ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'TLS_ERROR', false],
  ])('maps the system error %s to %s', (systemCode, code, retriable) => {
    const error = errorFromRequestFailure(failure(systemCode), SUBJECT, keep);

    expect(error).toBeInstanceOf(HandleTransportError);
    expect(error).toMatchObject({ code, retriable });
    expect(error.cause).toMatchObject({ code: systemCode });
  });

  it('keeps none of the failing request in the cause', () => {
    const raw = Object.assign(new Error('socket hang up'), {
      code: 'ECONNRESET',
      options: { headers: { authorization: 'Basic c2VjcmV0' } },
    });

    const error = errorFromRequestFailure(raw, SUBJECT, keep);

    expect(inspect(error, { depth: 10 })).not.toContain('c2VjcmV0');
    expect(Object.keys(error.cause as object)).toEqual(['name', 'code']);
  });
});
