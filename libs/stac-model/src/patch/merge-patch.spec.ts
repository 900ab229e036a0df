import { describe, expect, it } from '@jest/globals';

import { applyMergePatch } from './merge-patch.js';

const CASES: Array<{ name: string; target: unknown; patch: unknown; expected: unknown }> = [
  { name: 'replaces a member', target: { a: 1 }, patch: { a: 2 }, expected: { a: 2 } },
  { name: 'adds a member', target: { a: 1 }, patch: { b: 2 }, expected: { a: 1, b: 2 } },
  {
    name: 'deletes a member set to null',
    target: { a: 1, b: 2 },
    patch: { a: null },
    expected: { b: 2 },
  },
  {
    name: 'ignores null for an absent member',
    target: { a: 1 },
    patch: { z: null },
    expected: { a: 1 },
  },
  {
    name: 'merges nested objects member by member',
    target: { assets: { d0: { href: 'x', size: 1 } } },
    patch: { assets: { d0: { size: 2 }, d1: { href: 'y' } } },
    expected: { assets: { d0: { href: 'x', size: 2 }, d1: { href: 'y' } } },
  },
  {
    name: 'replaces an array as a whole',
    target: { r: [1, 2, 3] },
    patch: { r: [4] },
    expected: { r: [4] },
  },
  {
    name: 'replaces a scalar by an object',
    target: { a: 'x' },
    patch: { a: { b: 1 } },
    expected: { a: { b: 1 } },
  },
  {
    name: 'drops nulls inside a new object',
    target: {},
    patch: { a: { b: null, c: 1 } },
    expected: { a: { c: 1 } },
  },
  { name: 'returns a patch that is no object', target: { a: 1 }, patch: [1], expected: [1] },
  {
    name: 'turns a non-object target into an object',
    target: 'x',
    patch: { a: 1 },
    expected: { a: 1 },
  },
  {
    name: 'leaves the target unchanged for an empty patch',
    target: { a: 1 },
    patch: {},
    expected: { a: 1 },
  },
];

describe('applyMergePatch', () => {
  it.each(CASES)('$name', ({ target, patch, expected }) => {
    expect(applyMergePatch(target, patch)).toEqual(expected);
  });

  it('changes neither the target nor the patch', () => {
    const target = { properties: { retracted: false, pid: 'x' } };
    const patch = { properties: { retracted: true, pid: null } };

    applyMergePatch(target, patch);

    expect(target).toEqual({ properties: { retracted: false, pid: 'x' } });
    expect(patch).toEqual({ properties: { retracted: true, pid: null } });
  });

  it('keeps a member named __proto__ an ordinary member', () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>;

    const result = applyMergePatch({}, patch) as Record<string, unknown>;

    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
