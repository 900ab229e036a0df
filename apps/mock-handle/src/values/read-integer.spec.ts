import { describe, it, expect } from '@jest/globals';
import { readInteger } from './read-integer.js';

describe('readInteger', () => {
  it.each<[unknown, number | undefined]>([
    [300, 300],
    [1.9, 1],
    [-4, -4],
    ['300', 300],
    ['0300', 300],
    ['+1', 1],
    ['-1', -1],
    ['2147483647', 2147483647],
    ['2147483648', undefined],
    ['1.5', undefined],
    ['', undefined],
    ['5x', undefined],
    [true, undefined],
    [null, undefined],
    [Number.NaN, undefined],
  ])('reads %p as %p', (value, read) => {
    expect(readInteger(value)).toBe(read);
  });
});
