import { describe, it, expect } from '@jest/globals';
import { buildUserHandle, ensureAdminValue } from './admin-values.js';
import { isPublicValue, type HandleValue } from './handle-value.js';

const USER = { index: 300, handle: '21.TEST/testuser' };
const NOW = new Date('2026-01-16T10:30:15.123Z');

function value(index: number, type: string): HandleValue {
  return { index, type, data: { format: 'string', value: 'x' }, ttl: 86400, timestamp: 'T' };
}

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

describe('ensureAdminValue', () => {
  it('adds an HS_ADMIN for the user at 100 when none is given', () => {
    const values = ensureAdminValue([value(1, 'URL')], USER, NOW);

    expect(values[1]).toMatchObject({
      index: 100,
      type: 'HS_ADMIN',
      data: { format: 'admin', value: { handle: '21.TEST/testuser', index: 300 } },
    });
  });

  it('takes the next free index when 100 is used', () => {
    const values = ensureAdminValue([value(100, 'NOTE'), value(101, 'NOTE')], USER, NOW);

    expect(values.map((v) => v.index)).toEqual([100, 101, 102]);
  });

  it('keeps the values unchanged when they hold an HS_ADMIN', () => {
    const given = [value(1, 'URL'), value(100, 'HS_ADMIN')];

    expect(ensureAdminValue(given, USER, NOW)).toEqual(given);
  });
});
