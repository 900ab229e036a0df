import { describe, it, expect } from '@jest/globals';
import { formatLine } from './console-logger.js';

describe('formatLine', () => {
  it('writes time, level, message and fields as key=value on one line', () => {
    const line = formatLine({
      level: 'info',
      message: 'request',
      timestamp: '2026-01-16T10:30:15.000Z',
      method: 'PUT',
      path: '/api/handles/21.TEST/a',
      status: 201,
      ms: 3,
    });

    expect(line).toBe(
      '2026-01-16T10:30:15.000Z info request method=PUT path=/api/handles/21.TEST/a status=201 ms=3',
    );
  });

  it('quotes a field holding spaces', () => {
    const line = formatLine({ level: 'info', message: 'm', timestamp: 't', path: '/a b' });

    expect(line).toBe('t info m path="/a b"');
  });
});
