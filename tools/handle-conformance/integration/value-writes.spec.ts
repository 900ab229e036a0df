import { expect, it } from '@jest/globals';

import { indexesOf, sampleValues, stringValue, uniqueHandle } from './fixtures.js';
import { type RawAnswer, sendRaw } from './raw-http.js';
import { describeEachServer } from './servers.js';

describeEachServer('Writing and deleting single values over the REST API', (server) => {
  const send = (method: 'PUT' | 'DELETE', handle: string, query: string, body?: unknown) =>
    sendRaw(server(), { method, path: `/api/handles/${handle}${query}`, body });
  const createRecord = async (label: string) => {
    const handle = uniqueHandle(server().prefix, label);
    expect((await send('PUT', handle, '', { values: sampleValues() })).status).toBe(201);
    return handle;
  };
  const readIndexes = async (handle: string) =>
    indexesOf(
      (await sendRaw(server(), { method: 'GET', path: `/api/handles/${handle}` })).json.values,
    );

  it('adds a value with PUT ?index=N (201), leaving the other values', async () => {
    const handle = await createRecord('add-value');

    const answer = await send('PUT', handle, '?index=4', {
      values: [stringValue(4, 'EXTRA', 'e')],
    });

    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({ responseCode: 1, handle });
    expect(await readIndexes(handle)).toEqual([1, 2, 3, 4]);
  });

  it('replaces a value with PUT ?index=N (200)', async () => {
    const handle = await createRecord('replace-value');

    const answer = await send('PUT', handle, '?index=2', {
      values: [stringValue(2, 'CHECKSUM', 'x')],
    });

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ responseCode: 1, handle });
  });

  it('refuses PUT ?index=N&overwrite=false on an existing value (409, 201)', async () => {
    const handle = await createRecord('value-conflict');

    const answer: RawAnswer = await send('PUT', handle, '?index=2&overwrite=false', {
      values: [stringValue(2, 'CHECKSUM', 'x')],
    });

    expect(answer.status).toBe(409);
    expect(answer.json).toMatchObject({ responseCode: 201, handle });
  });

  it('deletes one value with DELETE ?index=N (200)', async () => {
    const handle = await createRecord('delete-value');

    const answer = await send('DELETE', handle, '?index=2');

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ responseCode: 1, handle });
    expect(await readIndexes(handle)).toEqual([1, 3]);
  });

  it('answers 400 with responseCode 200 when deleting an index the handle lacks', async () => {
    const handle = await createRecord('delete-no-value');

    const answer = await send('DELETE', handle, '?index=99');

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ responseCode: 200, handle });
  });

  it('deletes a whole handle (200), after which it resolves to 404', async () => {
    const handle = await createRecord('delete');

    const answer = await send('DELETE', handle, '');
    const after = await sendRaw(server(), { method: 'GET', path: `/api/handles/${handle}` });

    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ responseCode: 1, handle });
    expect(after.status).toBe(404);
  });

  it('answers 200 to a PUT ?index= that adds one value and replaces another', async () => {
    const handle = await createRecord('add-and-replace');

    const answer = await send('PUT', handle, '?index=2&index=5', {
      values: [stringValue(5, 'EXTRA', 'e'), stringValue(2, 'CHECKSUM', 'x')],
    });

    expect(answer.status).toBe(200);
    expect(await readIndexes(handle)).toEqual([1, 2, 3, 5]);
  });

  it('orders the whole record by index after a PUT ?index=', async () => {
    const handle = uniqueHandle(server().prefix, 'reorder');
    const written = [stringValue(5, 'E', 'e'), stringValue(1, 'URL', 'https://a.example')];
    await send('PUT', handle, '', { values: written });

    await send('PUT', handle, '?index=2', { values: [stringValue(2, 'B', 'b')] });

    expect(await readIndexes(handle)).toEqual([1, 2, 5]);
  });

  it('keeps the written order when deleting a value', async () => {
    const handle = uniqueHandle(server().prefix, 'delete-keeps-order');
    const written = [stringValue(5, 'E', 'e'), stringValue(3, 'C', 'c'), stringValue(1, 'A', 'a')];
    await send('PUT', handle, '', { values: written });

    await send('DELETE', handle, '?index=3');

    expect(await readIndexes(handle)).toEqual([5, 1]);
  });

  it('refuses DELETE ?index= when one index is missing (400, 200), deleting nothing', async () => {
    const handle = await createRecord('delete-partly-missing');

    const answer = await send('DELETE', handle, '?index=2&index=99');

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ responseCode: 200, handle });
    expect(await readIndexes(handle)).toEqual([1, 2, 3]);
  });

  it('refuses a PUT ?index=various without values (400, 202)', async () => {
    const handle = await createRecord('no-values');

    const answer = await send('PUT', handle, '?index=various', { values: [] });

    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ responseCode: 202, handle });
  });
});
