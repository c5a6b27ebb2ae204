// Unreadable inputs become one-line errors naming the file (and line); reading goes on afterwards.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { formatIngestError } from '../../src/ingest/index.js';
import { fixture, read, tempDir } from './helpers.js';

const dir = tempDir();
function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

const good = fixture('inline-date.txt');

/** Reads `bad` then a good file: one error naming `bad`, then the good document. */
async function expectError(bad: string, pattern: RegExp, line?: number) {
  const { items } = await read([bad, good]);
  assert.equal(items.length, 2, JSON.stringify(items));
  const [err, doc] = items;
  assert.ok(err && 'error' in err, `expected an error first, got ${JSON.stringify(err)}`);
  assert.equal(err.file, bad);
  assert.equal(err.line, line);
  assert.match(err.message, pattern);
  assert.ok(!err.message.includes('\n'), 'one line');
  assert.doesNotMatch(err.message, /\bat .*\.(ts|js):\d+/, 'no stack trace');
  assert.ok(formatIngestError(err).startsWith(line === undefined ? `${bad}: ` : `${bad}:${line}: `));
  assert.ok(doc && !('error' in doc) && doc.origin.file === good, 'the next input is still read');
}

test('missing file', async () => {
  await expectError(join(dir, 'nope.txt'), /^no such file$/);
});

test('directory', async () => {
  const d = join(dir, 'sub');
  mkdirSync(d);
  await expectError(d, /is a directory/);
});

test('empty files in every format', async () => {
  for (const ext of ['txt', 'jsonl', 'json', 'csv', 'html', 'rss']) {
    await expectError(file(`empty.${ext}`, ''), /^empty file$/);
  }
});

test('whitespace-only files in every format', async () => {
  for (const ext of ['txt', 'jsonl', 'json', 'csv', 'html', 'rss']) {
    await expectError(file(`blank.${ext}`, '  \n\t\n  \n'), /^empty file/);
  }
});

test('binary file (NUL bytes), whatever its extension', async () => {
  const bytes = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xff]);
  await expectError(file('archive.txt', bytes), /^binary file, not text \(NUL byte at offset 4\)$/);
  await expectError(file('archive.jsonl', bytes), /^binary file, not text \(NUL byte at offset 4\)$/, 1);
  await expectError(file('archive.csv', bytes), /^binary file, not text \(NUL byte at offset 4\)$/);
});

test('non-UTF-8 text names the offset of the first bad byte', async () => {
  // "Café" in Latin-1: 0xE9 followed by a newline is not UTF-8.
  const latin1 = Buffer.concat([Buffer.from('date 2023-01-01 Caf'), Buffer.from([0xe9]), Buffer.from('\nmore\n')]);
  await expectError(file('latin1.txt', latin1), /^not UTF-8 text \(invalid byte at offset 19\)$/);
  await expectError(file('latin1.html', latin1), /^not UTF-8 text \(invalid byte at offset 19\)$/);
  // In CSV the bad byte spoils only its row: it is reported by line and the next row is read.
  const { docs, errors } = await read([file('latin1.csv', Buffer.concat([Buffer.from('text\n'), latin1]))]);
  assert.deepEqual(docs.map((d) => d.text), ['more']);
  assert.deepEqual(errors.map((e) => [e.line, e.message]), [[2, 'not UTF-8 text (invalid byte at offset 24)']]);
});

test('JSONL: a non-UTF-8 line is reported by line and the other lines are read', async () => {
  const p = file('mixed.jsonl', Buffer.concat([
    Buffer.from('{"text": "first"}\n{"text": "bad '),
    Buffer.from([0xc3, 0x28]),
    Buffer.from('"}\n{"text": "third"}\n'),
  ]));
  const { docs, errors } = await read([p]);
  assert.deepEqual(docs.map((d) => d.text), ['first', 'third']);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, 2);
  assert.equal(errors[0]!.message, 'not UTF-8 text (invalid byte at offset 32)');
});

test('JSONL: a line that is not an object, wrong field types', async () => {
  const p = file('types.jsonl', '[1,2]\n{"text": 5}\n{"text": "ok", "id": {"a": 1}}\n{"text": "fine", "id": null, "date": null}\n');
  const { docs, errors } = await read([p]);
  assert.deepEqual(docs.map((d) => d.text), ['fine']);
  assert.deepEqual(
    errors.map((e) => [e.line, e.message]),
    [
      [1, 'expected a JSON object, found an array'],
      [2, '"text" is a number, not a string'],
      [3, '"id" is a object, not a string or number'],
    ],
  );
});

test('JSON: a syntax error is reported with its line', async () => {
  await expectError(file('broken.json', '{\n  "text": "a",\n  "id": "b",\n}\n'), /^invalid JSON: .*\(column \d+\)$/, 4);
  // In an array, the good records around a broken one are still read.
  const { docs, errors } = await read([file('broken-array.json', '[\n  {"text": "a"},\n  {"text": "b",}\n]\n')]);
  assert.deepEqual(docs.map((d) => d.text), ['a']);
  assert.deepEqual(errors.map((e) => e.line), [3]);
  assert.match(errors[0]!.message, /^invalid JSON: .*\(column \d+\)$/);
});

test('CSV: an unclosed quote is reported with its line; the rows after it are still read', async () => {
  const p = file('unclosed.csv', 'id,text\n1,fine\n2,"never closed\n3,more\n');
  const { docs, errors } = await read([p]);
  assert.deepEqual(docs.map((d) => d.id), ['1', '3']);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, 3);
  assert.match(errors[0]!.message, /^malformed CSV: a quote opened in this record is never closed$/);
});

test('CSV with a header and no rows', async () => {
  await expectError(file('header-only.csv', 'id,text\n'), /no rows after the CSV header/);
});

test('plain text with a header and no body', async () => {
  await expectError(file('header-only.txt', 'title: Nothing follows\ndate: 2023-01-01\n\n'), /no article text after the header/);
});

test('malformed feed XML names the line', async () => {
  await expectError(file('broken.rss', '<rss>\n<channel>\n<item><title>x</titel></item>\n</channel></rss>\n'), /^malformed XML/, 3);
});

test('feed without items', async () => {
  await expectError(file('none.rss', '<rss><channel><title>Empty</title></channel></rss>'), /feed has no items/);
});

test('a good document after bad records in one run, across several files', async () => {
  const { docs, errors } = await read([join(dir, 'missing.csv'), fixture('records.jsonl'), fixture('bad-date.txt'), fixture('feed.atom')]);
  const lines = errors.map((e) => formatIngestError(e).replace(/^.*[\\/]/, ''));
  const expected = [
    /^missing\.csv: no such file$/,
    /^records\.jsonl:4: invalid JSON: .* \(column 33\)$/,
    /^records\.jsonl:5: no "text" field$/,
    /^records\.jsonl:6: bad "date" value "yesterday"/,
    /^bad-date\.txt:1: bad date "2023-02-30" in header/,
  ];
  assert.equal(lines.length, expected.length, lines.join('\n'));
  expected.forEach((re, i) => assert.match(lines[i]!, re));
  assert.equal(docs.length, 3 + 2);
});
