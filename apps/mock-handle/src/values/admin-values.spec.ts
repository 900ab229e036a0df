import { describe, it, expect } from '@jest/globals';
import { buildUserHandle } from './admin-values.js';
import { isPublicValue } from './handle-value.js';

const USER = { index: 300, handle: '21.TEST/testuser' };
const NOW = new Date('2026-01-16T10:30:15.123Z');

describe('buildUserHandle', () => {
  it('holds HS_ADMIN at 100 and the secret key at the user index', () => {
    const record = buildUserHandle(USER, 'secret', NOW);

    expect(record.handle).toBe('21.TEST/testuser');
    expect(record.values.map((v) => [v.index, v.type])).toEqual([
      [100, 'HS_ADMIN'],
      [300, 'HS_SECKEY'],
    ]);
  });

  it('hides the secret key from anonymous readers', () => {
    const secretKey = buildUserHandle(USER, 'secret', NOW).values[1];

    expect(isPublicValue(secretKey)).toBe(false);
  });

  it('stamps the values in UTC to the second', () => {
    expect(buildUserHandle(USER, 'secret', NOW).values[0].timestamp).toBe('2026-01-16T10:30:15Z');
  });
});
