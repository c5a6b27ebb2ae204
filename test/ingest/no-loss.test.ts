// Mixed good and bad records in one file: every good document is read, every bad one is reported
// with its line (issue 18: a broken quote or byte must not take good rows with it).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { MAX_RECORD_LINES } from '../../src/ingest/csv.js';
import { read, tempDir } from './helpers.js';

const dir = tempDir();
function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

test('CSV: a broken quote is reported at its line and the following good rows are read', async () => {
  const csv = [
    'id,text,date',
    'g1,Soldiers clashed with rebels.,2023-01-01',
    'b1,"An opening quote never closed,2023-01-02',
    'g2,Police dispersed protesters.,2023-01-03',
    'g3,"A quoted, good row",2023-01-04',
    'b2,"A stray "quote" inside",2023-01-05',
    'g4,"Multi-line',
    'good row",2023-01-06',
    'g5,Last row.,2023-01-07',
  ].join('\n');
  const { docs, errors } = await read([file('mixed.csv', csv)]);
  assert.deepEqual(docs.map((d) => [d.id, d.origin.line]), [['g1', 2], ['g2', 4], ['g3', 5], ['g4', 7], ['g5', 9]]);
  assert.equal(docs[3]!.text, 'Multi-line\ngood row');
  assert.deepEqual(errors.map((e) => e.line), [3, 6]);
  for (const e of errors) assert.match(e.message, /^malformed CSV: /);
});

test('CSV: a quote never closed at the end of the file loses no row after it', async () => {
  const { docs, errors } = await read([file('tail.csv', 'id,text\n1,a\n2,"open\n3,b\n4,c\n')]);
  assert.deepEqual(docs.map((d) => d.id), ['1', '3', '4']);
  assert.deepEqual(errors.map((e) => [e.line, e.message]), [[3, 'malformed CSV: a quote opened in this record is never closed']]);
});

test('CSV: a quoted field swallowing rows into a record of the wrong width is given up', async () => {
  // The stray quote of row 3 is "closed" by row 5's quote at a field end: 3 lines, 4 fields.
  const { docs, errors } = await read([file('width.csv', 'id,text,date\n1,a,2023-01-01\n2,"b,2023-01-02\n3,c,2023-01-03\n4,d",x,2023-01-04\n5,e,2023-01-05\n')]);
  assert.deepEqual(docs.map((d) => d.id), ['1', '3', '5']);
  assert.deepEqual(errors.map((e) => e.line), [3, 5]); // row 5 read alone has a bad date ("x")
  // Of the right width, but every line inside the quoted field is a whole row by itself.
  const swallowed = await read([file('rows.csv', 'id,text\n1,"a""\n2,b\n3,c\n4,"\n5,d\n')]);
  assert.deepEqual(swallowed.docs.map((d) => d.id), ['2', '3', '5']);
  assert.deepEqual(swallowed.errors.map((e) => e.line), [2, 5]);
});

test('CSV: an invalid UTF-8 byte or a NUL spoils only its row', async () => {
  const csv = bytes('id,text\n1,good one\n2,bad ', [0xc3, 0x28], ' byte\n3,good two\n4,nul ', [0], ' here\n5,"good, three"\n');
  const { docs, errors } = await read([file('bytes.csv', csv)]);
  assert.deepEqual(docs.map((d) => d.text), ['good one', 'good two', 'good, three']);
  assert.deepEqual(errors.map((e) => e.line), [3, 5]);
  assert.match(errors[0]!.message, /^not UTF-8 text \(invalid byte at offset 25\)$/);
  assert.match(errors[1]!.message, /^NUL byte at offset \d+/);
});

test('CSV: TSV resynchronises too', async () => {
  const { docs, errors } = await read([file('mixed.tsv', 'id\ttext\n1\t"open\n2\tfine\n')]);
  assert.deepEqual(docs.map((d) => d.id), ['2']);
  assert.deepEqual(errors.map((e) => e.line), [2]);
});

test('CSV: a quoted field running over too many lines is given up and the lines are read as rows', async () => {
  const rows = Array.from({ length: MAX_RECORD_LINES + 10 }, (_, i) => `${i},row ${i}`);
  const { docs, errors } = await read([file('long.csv', ['id,text', 'x,"open', ...rows].join('\n'))]);
  assert.equal(docs.length, rows.length);
  assert.deepEqual(errors.map((e) => e.line), [2]);
});

test('CSV: every good row of a file with random broken rows is read (property)', async () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const breakers = ['"unclosed', 'a "stray" quote', '"x"y', '"', '"a""'];
  const lines = ['id,text'];
  const good: string[] = [];
  for (let i = 0; i < 300; i++) {
    if (rnd() < 0.2) lines.push(`bad${i},${breakers[Math.floor(rnd() * breakers.length)]}`);
    else {
      good.push(`g${i}`);
      lines.push(rnd() < 0.5 ? `g${i},plain text ${i}` : `g${i},"quoted, ""text"" ${i}"`);
    }
  }
  const { docs } = await read([file('property.csv', lines.join('\n') + '\n')]);
  const ids = new Set(docs.map((d) => d.id));
  assert.deepEqual(good.filter((g) => !ids.has(g)), [], 'no good row lost');
});

test('JSONL: a broken line, a bad byte or a NUL byte spoils only its line', async () => {
  const jsonl = bytes('{"text": "one"}\n{"text": "broken\n{"text": "bad ', [0xff], '"}\n{"text": "nul ', [0], '"}\n{"text": "two"}\n{"text": "esc\\u0000aped NUL"}\n');
  const { docs, errors } = await read([file('mixed.jsonl', jsonl)]);
  assert.deepEqual(docs.map((d) => d.text), ['one', 'two', 'escaped NUL']);
  assert.deepEqual(errors.map((e) => e.line), [2, 3, 4]);
});

test('JSON array: a broken record is reported at its line; the records around it are read', async () => {
  const json = [
    '[',
    '  {"id": "a", "text": "First record."},',
    '  {"id": "b", "text": "Broken: no closing quote},',
    '  {"id": "c",',
    '   "text": "Pretty-printed record."},',
    '  {"id": "d", "text": 5},',
    '  {"id": "e", "text": "Last record."}',
    ']',
  ].join('\n');
  const { docs, errors } = await read([file('mixed.json', json)]);
  assert.deepEqual(docs.map((d) => [d.id, d.origin.line]), [['a', 2], ['c', 4], ['e', 7]]);
  assert.deepEqual(errors.map((e) => e.line), [3, 6]);
  assert.match(errors[0]!.message, /^invalid JSON/);
});

test('RSS and Atom: a malformed item is reported at its line; the other items are read', async () => {
  const rss = [
    '<rss version="2.0"><channel><title>Wire</title>',
    '<item><title>Good one</title><description>Soldiers clashed with rebels.</description></item>',
    '<item><title>Broken</titel><description>x</description></item>',
    '<item><title>Good two</title><description>Police dispersed protesters &amp; arrested two.</description></item>',
    '</channel></rss>',
  ].join('\n');
  const { docs, errors } = await read([file('mixed.rss', rss)]);
  assert.deepEqual(docs.map((d) => [d.title, d.origin.line, d.source]), [['Good one', 2, 'Wire'], ['Good two', 4, 'Wire']]);
  assert.deepEqual(errors.map((e) => e.line), [3]);
  const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>F</title>\n<entry><title>A</title><summary>Text a.</summary></entry>\n<entry><title>B<summary>never closed</entry>\n<entry><title>C</title><summary>Text c.</summary></entry>\n</feed>';
  const a = await read([file('mixed.atom', atom)]);
  assert.deepEqual(a.docs.map((d) => d.title), ['A', 'C']);
  assert.deepEqual(a.errors.map((e) => e.line), [3]);
});

test('plain text and HTML: one document per file; a bad file is reported and the next file is read', async () => {
  const bad = file('bad.html', bytes('<html><body><p>Bad ', [0xff], '</p></body></html>'));
  const good = file('good.html', '<html><body><p>Soldiers clashed with rebels in Garissa.</p></body></html>');
  const badText = file('bad.txt', bytes('date: 2023-01-01\n\nText ', [0], ' here'));
  const goodText = file('good.txt', 'Police dispersed protesters.');
  const { docs, errors } = await read([bad, good, badText, goodText]);
  assert.deepEqual(docs.map((d) => d.origin.file), [good, goodText]);
  assert.deepEqual(errors.map((e) => e.file), [bad, badText]);
});

test('an error quoting a value with a line break is still one line (found by npm run fuzz)', async () => {
  const { errors } = await read([file('date-newline.csv', 'id,date,text\n1,"2023\nnot a date",Some text.\n')]);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, 2);
  assert.ok(!/[\r\n]/.test(errors[0]!.message), errors[0]!.message);
});
