import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { readJsonlLines, type JsonlLine } from './jsonl-reader.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'jsonl-reader-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function readAll(contents: string | Buffer, chunkSize?: number): Promise<JsonlLine[]> {
  const file = join(folder, 'lines.jsonl');
  await writeFile(file, contents);
  const lines: JsonlLine[] = [];
  for await (const line of readJsonlLines(file, { chunkSize })) lines.push(line);
  return lines;
}

async function readBounded(file: string, endOffset: number): Promise<JsonlLine[]> {
  const lines: JsonlLine[] = [];
  for await (const line of readJsonlLines(file, { endOffset, chunkSize: 5 })) lines.push(line);
  return lines;
}

// Each read line as `<kind>@<line number>`, to compare whole files at a glance.
function summarize(lines: JsonlLine[]): string[] {
  return lines.map((line) => `${line.kind}@${line.line}`);
}

describe('readJsonlLines', () => {
  it.each([
    ['an empty file', '', []],
    ['complete lines', '{"a":1}\n{"a":2}\n', ['value@1', 'value@2']],
    ['blank lines, counted but passed over', '{"a":1}\n\n  \n{"a":2}\n', ['value@1', 'value@4']],
    ['a complete last line without its newline', '{"a":1}\n{"a":2}', ['value@1', 'value@2']],
    ['a torn last line', '{"a":1}\n{"a":2,"b', ['value@1', 'torn@2']],
    ['a corrupt middle line', '{"a":1}\n{"a":\n{"a":3}\n', ['value@1', 'corrupt@2', 'value@3']],
    ['a corrupt last line that has its newline', '{"a":1}\n{"a":\n', ['value@1', 'corrupt@2']],
    ['Windows line ends', '{"a":1}\r\n{"a":2}\r\n', ['value@1', 'value@2']],
  ])('reads %s', async (_, contents, expected) => {
    expect(summarize(await readAll(contents))).toEqual(expected);
  });

  it('gives the parsed value of each line', async () => {
    const lines = await readAll('{"a":1}\n[2]\n"three"\n');

    expect(lines.map((line) => (line.kind === 'value' ? line.value : line.kind))).toEqual([
      { a: 1 },
      [2],
      'three',
    ]);
  });

  it('reports a middle line that is not UTF-8 as corrupt, with file and line', async () => {
    const contents = Buffer.concat([
      Buffer.from('{"a":1}\n"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"\n{"a":3}\n'),
    ]);

    const lines = await readAll(contents);

    expect(summarize(lines)).toEqual(['value@1', 'corrupt@2', 'value@3']);
    expect(lines[1]).toMatchObject({
      error: { code: 'CORRUPT_LINE', line: 2, file: join(folder, 'lines.jsonl') },
    });
  });

  it('treats a last line cut inside a multi-byte character as torn', async () => {
    const whole = Buffer.from('{"a":1}\n{"name":"Zürich"}');
    const cut = whole.subarray(0, whole.indexOf(Buffer.from('ü')) + 1);

    expect(summarize(await readAll(cut))).toEqual(['value@1', 'torn@2']);
  });

  it('gives the byte offset just past each line, multi-byte characters counted as bytes', async () => {
    const lines = await readAll('{"city":"Zürich"}\n\n{"a":2}\n{"a":3}', 4);

    expect(lines.map((line) => (line.kind === 'torn' ? line.kind : line.end))).toEqual([
      19, 28, 35,
    ]);
  });

  it('keeps the text of a torn last line', async () => {
    const lines = await readAll('{"a":1}\n{"a":2,"b');

    expect(lines[1]).toMatchObject({ kind: 'torn', text: '{"a":2,"b' });
  });

  it('joins lines that span many read chunks, multi-byte characters included', async () => {
    const values = Array.from({ length: 20 }, (_, n) => ({
      n,
      city: 'Zürich–Genève',
      pad: 'x'.repeat(n * 7),
    }));
    const contents = values.map((value) => JSON.stringify(value)).join('\n') + '\n';

    const lines = await readAll(contents, 5);

    expect(lines.map((line) => (line.kind === 'value' ? line.value : line.kind))).toEqual(values);
  });

  it('reads only the bytes before endOffset', async () => {
    const file = join(folder, 'lines.jsonl');
    await writeFile(file, '{"a":1}\n{"a":2}\n{"a":3}\n');

    expect(summarize(await readBounded(file, 16))).toEqual(['value@1', 'value@2']);
  });

  it('leaves a line cut by endOffset to the next reader when the file goes on', async () => {
    const file = join(folder, 'lines.jsonl');
    await writeFile(file, '{"a":1}\n{"a":2}\n');

    expect(summarize(await readBounded(file, 12))).toEqual(['value@1']);
  });

  it('still reports a torn last line that ends at endOffset', async () => {
    const file = join(folder, 'lines.jsonl');
    await writeFile(file, '{"a":1}\n{"a":');

    expect(summarize(await readBounded(file, 13))).toEqual(['value@1', 'torn@2']);
  });

  it('reads nothing with endOffset 0', async () => {
    const file = join(folder, 'lines.jsonl');
    await writeFile(file, '{"a":1}\n');

    expect(await readBounded(file, 0)).toEqual([]);
  });

  it('reports a missing file as READ_FAILED', async () => {
    const reading = readJsonlLines(join(folder, 'missing.jsonl')).next();

    await expect(reading).rejects.toMatchObject({ code: 'READ_FAILED' });
  });
});
