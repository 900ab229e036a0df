import type { HandleRecord, HandleValue } from './values/handle-value.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** The path of a handle's page, each segment percent-encoded. */
export function handlePagePath(handle: string): string {
  return `/${handle.split('/').map(encodeURIComponent).join('/')}?noredirect`;
}

/** The start page: every handle the server holds, each linking to its values. */
export function renderHandleList(prefix: string, handles: string[]): string {
  const items = handles
    .map(
      (handle) =>
        `<li><a href="${escapeHtml(handlePagePath(handle))}">${escapeHtml(handle)}</a></li>`,
    )
    .join('\n');
  const list = handles.length === 0 ? '<p>No handles yet.</p>' : `<ul>\n${items}\n</ul>`;

  return renderPage(
    `Mock Handle server for ${prefix}`,
    `<p>${handles.length} handles</p>\n${list}`,
  );
}

/** One handle's values as a table, like the public Handle proxy shows them. */
export function renderHandleValues(record: HandleRecord): string {
  const rows = record.values.map(renderValueRow).join('\n');
  const table =
    '<table>\n<thead><tr><th>Index</th><th>Type</th><th>Data</th><th>Timestamp</th></tr></thead>\n' +
    `<tbody>\n${rows}\n</tbody>\n</table>`;

  return renderPage(`Handle ${record.handle}`, table);
}

/** The page for a handle the server does not hold, or one without a URL to go to. */
export function renderNotFound(title: string, explanation: string): string {
  return renderPage(title, `<p>${escapeHtml(explanation)}</p>\n<p><a href="/">All handles</a></p>`);
}

function renderValueRow(value: HandleValue): string {
  const cells = [String(value.index), value.type, describeData(value), value.timestamp];
  return `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`;
}

function describeData(value: HandleValue): string {
  const data = value.data.value;
  return typeof data === 'string' ? data : JSON.stringify(data);
}

function renderPage(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    `<body>\n<h1>${escapeHtml(title)}</h1>\n${body}\n</body>`,
    '</html>',
  ].join('\n');
}
