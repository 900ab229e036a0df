import { describe, expect, it } from '@jest/globals';

import { globToRegExp, isGlobPattern } from './glob-pattern.js';

describe('isGlobPattern', () => {
  it.each([
    ['outputs/failures', false],
    ['outputs/*.jsonl', true],
    ['failed_items_2025-07-2?.jsonl', true],
    ['retries-[0-2]', true],
  ])('tells whether %s is a glob', (path, expected) => {
    expect(isGlobPattern(path)).toBe(expected);
  });
});

describe('globToRegExp', () => {
  it.each([
    ['*.jsonl', 'failed_items_2025-07-23.jsonl', true],
    ['*.jsonl', 'retries-0/failed_items_2025-07-23.jsonl', false],
    ['*.jsonl', 'notes.jsonl.bak', false],
    ['retries-*/*.jsonl', 'retries-1/a.jsonl', true],
    ['retries-*/*.jsonl', 'retries-1/deeper/a.jsonl', false],
    ['**/*.jsonl', 'a.jsonl', true],
    ['**/*.jsonl', 'x/y/z/a.jsonl', true],
    ['failures/**', 'failures/retries-0/a.jsonl', true],
    ['a/**/b.jsonl', 'a/b.jsonl', true],
    ['a/**/b.jsonl', 'a/x/y/b.jsonl', true],
    ['a/**/b.jsonl', 'ab.jsonl', false],
    ['failed_items_2025-07-2?.jsonl', 'failed_items_2025-07-23.jsonl', true],
    ['failed_items_2025-07-2?.jsonl', 'failed_items_2025-07-3.jsonl', false],
    ['?.jsonl', '/.jsonl', false],
    ['retries-[0-2]', 'retries-1', true],
    ['retries-[0-2]', 'retries-3', false],
    ['retries-[!0]', 'retries-3', true],
    ['retries-[!0]', 'retries-0', false],
    ['retries-[^0]', 'retries-0', false],
    ['[]]x', ']x', true],
    ['a[b', 'a[b', true],
    ['file.jsonl', 'fileXjsonl', false],
    ['(x)+.jsonl', '(x)+.jsonl', true],
    ['*', '.hidden.jsonl', true],
  ])('%s matching %s is %s', (pattern, path, expected) => {
    expect(globToRegExp(pattern).test(path)).toBe(expected);
  });
});
