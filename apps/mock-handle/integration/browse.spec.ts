import { describe, expect, it } from '@jest/globals';
import { createHandle, send, useServer } from './harness.js';

describe('pages for a person', () => {
  const server = useServer();

  it('lists the handles it holds on the start page, each linking to its values', async () => {
    await createHandle(server(), '21.TEST/a');

    const answer = await send(server(), 'GET', '/', { auth: null });

    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
    expect(answer.text).toContain('<a href="/21.TEST/a?noredirect">21.TEST/a</a>');
    expect(answer.text).toContain('<a href="/21.TEST/testuser?noredirect">');
  });

  it('shows the values of a handle as a table with ?noredirect', async () => {
    await createHandle(server(), '21.TEST/a', [{ index: 2, type: 'NOTE', data: 'hello' }]);

    const answer = await send(server(), 'GET', '/21.TEST/a?noredirect', { auth: null });

    expect(answer.status).toBe(200);
    expect(answer.text).toContain('<th>Index</th><th>Type</th><th>Data</th><th>Timestamp</th>');
    expect(answer.text).toMatch(
      /<tr><td>2<\/td><td>NOTE<\/td><td>hello<\/td><td>[\dT:Z-]+<\/td><\/tr>/,
    );
  });

  it('escapes what it shows', async () => {
    await createHandle(server(), '21.TEST/a', [
      { index: 2, type: 'NOTE', data: '<script>alert("x")</script>' },
    ]);

    const answer = await send(server(), 'GET', '/21.TEST/a?noredirect', { auth: null });

    expect(answer.text).not.toContain('<script>');
    expect(answer.text).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('never shows the secret key', async () => {
    const answer = await send(server(), 'GET', '/21.TEST/testuser?noredirect');

    expect(answer.text).toContain('HS_ADMIN');
    expect(answer.text).not.toContain('testpass');
  });

  it('redirects to the URL value without ?noredirect', async () => {
    await createHandle(server(), '21.TEST/a');

    const answer = await send(server(), 'GET', '/21.test/A', { auth: null });

    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe('https://example.org/a');
  });

  it('answers a 404 page for a handle without a URL value', async () => {
    await send(server(), 'PUT', '/api/handles/21.TEST/nourl', {
      body: { values: [{ index: 2, type: 'NOTE', data: 'x' }] },
    });

    const answer = await send(server(), 'GET', '/21.TEST/nourl', { auth: null });

    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
  });

  it('answers a 404 page for a handle it does not hold', async () => {
    const answer = await send(server(), 'GET', '/21.TEST/missing?noredirect', { auth: null });

    expect(answer.status).toBe(404);
    expect(answer.text).toContain('Handle not found');
  });
});
