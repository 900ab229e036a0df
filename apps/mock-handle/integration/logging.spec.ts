import { describe, expect, it } from '@jest/globals';
import { startMockHandleServer } from '@piddi/mock-handle';
import { createHandle, send } from './harness.js';

type LogLine = { message: string; fields?: Record<string, unknown> };

function recordingLogger(lines: LogLine[]) {
  const record = (message: string, fields?: Record<string, unknown>) => {
    lines.push({ message, fields });
  };
  return { debug: record, info: record, warn: record, error: record };
}

describe('the log', () => {
  it('says each request in one line: method, path, status and time', async () => {
    const lines: LogLine[] = [];
    const server = await startMockHandleServer({ logger: recordingLogger(lines) });

    await createHandle(server, '21.TEST/a');
    await send(server, 'GET', '/api/handles/21.TEST/missing');
    await server.close();

    const requests = lines.filter((line) => line.message === 'request').map((line) => line.fields);
    expect(requests).toEqual([
      { method: 'PUT', path: '/api/handles/21.TEST/a', status: 201, ms: expect.any(Number) },
      { method: 'GET', path: '/api/handles/21.TEST/missing', status: 404, ms: expect.any(Number) },
    ]);
  });

  it('never holds the credentials', async () => {
    const lines: LogLine[] = [];
    const server = await startMockHandleServer({
      password: 'very-secret',
      logger: recordingLogger(lines),
    });

    await send(server, 'GET', '/api/handles/21.TEST/testuser', {
      auth: `Basic ${Buffer.from('300:21.TEST/testuser:very-secret').toString('base64')}`,
    });
    await server.close();

    const text = JSON.stringify(lines);
    expect(text).not.toContain('very-secret');
    expect(text).not.toContain(Buffer.from('300:21.TEST/testuser:very-secret').toString('base64'));
  });
});
