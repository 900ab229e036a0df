import { expect, it } from '@jest/globals';

import { uniqueHandle } from './fixtures.js';
import { sendRaw } from './raw-http.js';
import { describeEachServer } from './servers.js';

// A server stores the bytes of a value, not the format a client sent: it answers them as text
// when they are UTF-8 without control characters, and as base64 otherwise.
describeEachServer('Value data over the REST API', (server) => {
  const storedData = async (label: string, type: string, data: unknown) => {
    const path = `/api/handles/${uniqueHandle(server().prefix, label)}`;
    const body = { values: [{ index: 1, type, data }] };
    expect((await sendRaw(server(), { method: 'PUT', path, body })).status).toBe(201);
    return (await sendRaw(server(), { method: 'GET', path })).json.values[0].data;
  };
  const admin = () => ({ handle: server().adminHandle, index: '300', permissions: '011111110011' });

  it.each([
    ['a bare string', 'https://bare.example', { format: 'string', value: 'https://bare.example' }],
    ['a bare number', 42, { format: 'string', value: '42' }],
    [
      'base64 of text',
      { format: 'base64', value: 'aGVsbG8=' },
      { format: 'string', value: 'hello' },
    ],
    ['hex of text', { format: 'hex', value: '68656c6c6f' }, { format: 'string', value: 'hello' }],
    [
      'base64 of a NUL byte',
      { format: 'base64', value: 'YQBi' },
      { format: 'base64', value: 'YQBi' },
    ],
    ['text with a control character', 'a\u0001b', { format: 'base64', value: 'YQFi' }],
    ['text with a tab and a line feed', 'a\tb\nc', { format: 'string', value: 'a\tb\nc' }],
    ['a format in capitals', { format: 'STRING', value: 'x' }, { format: 'string', value: 'x' }],
  ])('answers %s by the bytes it holds', async (_case, data, answered) => {
    expect(await storedData('data', 'NOTE', data)).toEqual(answered);
  });

  it('stores an HS_ADMIN index sent as a string as a number', async () => {
    const data = await storedData('admin-index', 'HS_ADMIN', { format: 'admin', value: admin() });

    expect(data).toEqual({ format: 'admin', value: { ...admin(), index: 300 } });
  });

  it('reads admin permissions right-aligned, any flag but 1 unset', async () => {
    const value = { ...admin(), permissions: '1x1' };

    const data = await storedData('admin-flags', 'HS_ADMIN', { format: 'admin', value });

    expect(data.value.permissions).toBe('000000000101');
  });

  it('stores a vlist sent without a value as an empty list', async () => {
    expect(await storedData('vlist-empty', 'HS_VLIST', { format: 'vlist' })).toEqual({
      format: 'vlist',
      value: [],
    });
  });

  it('answers admin data under another type as its bytes in base64', async () => {
    const data = await storedData('admin-bytes', 'NOTE', { format: 'admin', value: admin() });

    expect(data.format).toBe('base64');
    expect(Buffer.from(data.value, 'base64').includes(server().adminHandle)).toBe(true);
  });
});
