import { describe, expect, it } from '@jest/globals';

import { PatchError } from '../errors.js';
import { ITEM_ID, buildItem } from '../fixtures/cmip6-event.fixture.js';
import type { ItemPatch, JsonPatchOperation } from '../types.js';
import { applyItemPatch } from './apply-item-patch.js';

const REPLICA = {
  href: 'https://mirror.example.com/CMIP6/tas.nc',
  'alternate:name': 'mirror.example.com',
};

function jsonPatch(...operations: JsonPatchOperation[]): ItemPatch {
  return { form: 'json-patch', operations };
}

function catchPatchError(run: () => unknown): PatchError {
  try {
    run();
  } catch (error) {
    if (error instanceof PatchError) return error;
    throw error;
  }
  throw new Error('expected a PatchError');
}

describe('applyItemPatch', () => {
  it('retracts an item with an RFC 6902 list', () => {
    const patched = applyItemPatch(
      buildItem(),
      jsonPatch({ op: 'replace', path: '/properties/retracted', value: true }),
    );

    expect(patched.properties.retracted).toBe(true);
  });

  it('adds a replica with the wrapped operations form', () => {
    const patch: ItemPatch = {
      form: 'wrapped-json-patch',
      operations: [
        { op: 'add', path: '/assets/data0000/alternate/mirror.example.com', value: REPLICA },
      ],
    };

    const patched = applyItemPatch(buildItem(), patch);

    expect(patched.assets.data0000.alternate?.['mirror.example.com']).toEqual(REPLICA);
    expect(Object.keys(patched.assets.data0000.alternate ?? {})).toEqual([
      'replica.example.net',
      'mirror.example.com',
    ]);
  });

  it('merges an RFC 7396 patch, deleting members set to null', () => {
    const patch: ItemPatch = {
      form: 'merge-patch',
      patch: {
        properties: { retracted: true, pid: null },
        assets: { data0001: { 'file:size': 99 } },
      },
    };

    const patched = applyItemPatch(buildItem(), patch);

    expect(patched.properties).not.toHaveProperty('pid');
    expect(patched.properties.retracted).toBe(true);
    expect(patched.assets.data0001['file:size']).toBe(99);
    expect(patched.assets.data0001.href).toBe(buildItem().assets.data0001.href);
  });

  it('never changes the given item, also when an operation fails', () => {
    const item = buildItem();
    const patch = jsonPatch(
      { op: 'replace', path: '/properties/retracted', value: true },
      { op: 'remove', path: '/assets/data0009' },
    );

    expect(() => applyItemPatch(item, patch)).toThrow(PatchError);
    applyItemPatch(item, { form: 'merge-patch', patch: { properties: { retracted: true } } });

    expect(item).toEqual(buildItem());
  });

  it('refuses a failing test operation, naming its index', () => {
    const patch = jsonPatch(
      { op: 'add', path: '/properties/retracted', value: true },
      { op: 'test', path: '/id', value: 'CMIP6.other' },
    );

    const error = catchPatchError(() => applyItemPatch(buildItem(), patch));

    expect(error).toMatchObject({
      code: 'PATCH_NOT_APPLICABLE',
      retriable: false,
      operationIndex: 1,
      path: '/data/payload/patch/1',
    });
    expect(error.message).toContain(ITEM_ID);
  });

  it('refuses an operation on a path the item lacks', () => {
    const patch: ItemPatch = {
      form: 'wrapped-json-patch',
      operations: [{ op: 'add', path: '/assets/data0009/alternate/x', value: REPLICA }],
    };

    const error = catchPatchError(() => applyItemPatch(buildItem(), patch));

    expect(error).toMatchObject({
      code: 'PATCH_NOT_APPLICABLE',
      operationIndex: 0,
      path: '/data/payload/patch/operations/0',
    });
  });

  it('refuses a patch whose result has a malformed file size', () => {
    const patch: ItemPatch = {
      form: 'merge-patch',
      patch: { assets: { data0001: { 'file:size': -1 } } },
    };

    const error = catchPatchError(() => applyItemPatch(buildItem(), patch));

    expect(error).toMatchObject({
      code: 'INVALID_PATCHED_ITEM',
      path: '/assets/data0001/file:size',
    });
    expect(error.problems[0].code).toBe('INVALID_FILE_SIZE');
  });

  it('accepts that result in lenient asset mode', () => {
    const patch: ItemPatch = {
      form: 'merge-patch',
      patch: { assets: { data0001: { 'file:size': -1 } } },
    };

    expect(
      applyItemPatch(buildItem(), patch, { assets: 'lenient' }).assets.data0001['file:size'],
    ).toBe(-1);
  });

  it('checks the CMIP6 item id only for the CMIP6 collection', () => {
    const patch = jsonPatch({ op: 'replace', path: '/id', value: 'tas.v1' });

    const error = catchPatchError(() =>
      applyItemPatch(buildItem(), patch, { collectionId: 'CMIP6' }),
    );

    expect(error).toMatchObject({ code: 'INVALID_PATCHED_ITEM', path: '/id' });
    expect(applyItemPatch(buildItem(), patch, { collectionId: 'CORDEX' }).id).toBe('tas.v1');
  });
});
