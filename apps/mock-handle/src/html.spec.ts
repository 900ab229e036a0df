import { describe, it, expect } from '@jest/globals';
import { escapeHtml, handlePagePath, renderHandleList, renderHandleValues } from './html.js';

describe('escapeHtml', () => {
  it('escapes the characters that end text or attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});

describe('handlePagePath', () => {
  it('encodes each segment of the handle and asks not to redirect', () => {
    expect(handlePagePath('21.TEST/a b/c?')).toBe('/21.TEST/a%20b/c%3F?noredirect');
  });
});

describe('renderHandleList', () => {
  it('links every handle to its page', () => {
    const page = renderHandleList('21.TEST', ['21.TEST/a']);

    expect(page).toContain('<a href="/21.TEST/a?noredirect">21.TEST/a</a>');
  });

  it('escapes handle names', () => {
    expect(renderHandleList('21.TEST', ['21.TEST/<b>'])).not.toContain('<b>');
  });
});

describe('renderHandleValues', () => {
  it('shows index, type, data and timestamp of every value, escaped', () => {
    const page = renderHandleValues({
      handle: '21.TEST/a',
      values: [
        {
          index: 1,
          type: 'URL',
          data: { format: 'string', value: 'https://x.org/?a=1&b=<2>' },
          ttl: 86400,
          timestamp: '2026-01-16T10:30:15Z',
        },
      ],
    });

    expect(page).toContain(
      '<tr><td>1</td><td>URL</td><td>https://x.org/?a=1&amp;b=&lt;2&gt;</td>' +
        '<td>2026-01-16T10:30:15Z</td></tr>',
    );
  });
});
