import { describe, it, expect } from '@jest/globals';
import type { HandleRecord } from '../values/handle-value.js';
import { HandleStore } from './handle-store.js';

function record(handle: string, url = 'https://example.org'): HandleRecord {
  const data = { format: 'string' as const, value: url };
  return { handle, values: [{ index: 1, type: 'URL', data, ttl: 86400, timestamp: 'T' }] };
}

describe('HandleStore', () => {
  it('finds a handle whatever the case of its name', () => {
    const store = new HandleStore([record('21.TEST/Abc')]);

    expect(store.get('21.test/ABC')?.handle).toBe('21.TEST/Abc');
  });

  it('keeps the first spelling of a name when a record is replaced', () => {
    const store = new HandleStore([record('21.TEST/Abc')]);

    store.put(record('21.TEST/ABC', 'https://new.example.org'));

    expect(store.get('21.TEST/abc')).toEqual(record('21.TEST/Abc', 'https://new.example.org'));
  });

  it('hands out copies, so a caller cannot change what is stored', () => {
    const store = new HandleStore([record('21.TEST/a')]);

    store.get('21.TEST/a')?.values.pop();

    expect(store.get('21.TEST/a')?.values).toHaveLength(1);
  });

  it('answers whether a deleted handle was there', () => {
    const store = new HandleStore([record('21.TEST/a')]);

    expect(store.delete('21.TEST/A')).toBe(true);
    expect(store.delete('21.TEST/a')).toBe(false);
    expect(store.get('21.TEST/a')).toBeUndefined();
  });

  it('lists the handles under a prefix only, in upper case and sorted that way', () => {
    const store = new HandleStore([
      record('21.TEST/b'),
      record('21.TESTX/c'),
      record('21.TEST/a'),
      record('21.TEST/B-1'),
    ]);

    expect(store.listUnder('21.test')).toEqual(['21.TEST/A', '21.TEST/B', '21.TEST/B-1']);
  });

  it('hands every record to persist after each change', () => {
    const saved: string[][] = [];
    const store = new HandleStore([], (records) => saved.push(records.map((r) => r.handle)));

    store.put(record('21.TEST/a'));
    store.put(record('21.TEST/b'));
    store.delete('21.TEST/a');
    store.delete('21.TEST/missing');

    expect(saved).toEqual([['21.TEST/a'], ['21.TEST/a', '21.TEST/b'], ['21.TEST/b']]);
  });
});
