import { describe, expect, it } from '@jest/globals';

import { parsePid } from './pid.js';

const UUID = '0f6cc6b0-dc08-4ce4-9afa-3701a4c60108';

describe('parsePid', () => {
  it.each([
    ['hdl:PREFIX/UUID', `hdl:21.14100/${UUID}`],
    ['PREFIX/UUID', `21.14100/${UUID}`],
    ['a bare UUID', UUID],
    ['an upper-case UUID', `hdl:21.14100/${UUID.toUpperCase()}`],
  ])('keeps the UUID of %s', (_form, value) => {
    expect(parsePid(value)).toBe(UUID);
  });

  it.each([
    ['the number 5.4', 5.4],
    ['an empty string', ''],
    ['a suffix that is no UUID', 'hdl:21.14100/dataset-1'],
    ['a UUID with a trailing space', `${UUID} `],
    ['a UUID followed by a slash', `21.14100/${UUID}/`],
    ['null', null],
    ['nothing', undefined],
  ])('refuses %s', (_form, value) => {
    expect(parsePid(value)).toBeUndefined();
  });
});
