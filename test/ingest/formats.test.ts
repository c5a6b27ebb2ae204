// Each input format read from the fixtures: documents, metadata, and errors for bad records.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIngestError } from '../../src/ingest/index.js';
import { fixture, read } from './helpers.js';

test('plain text: header lines give metadata and bodyStart points at the body', async () => {
  const { docs, errors } = await read([fixture('header.txt')]);
  assert.deepEqual(errors, []);
  assert.equal(docs.length, 1);
  const d = docs[0]!;
  assert.equal(d.date, '2023-05-14');
  assert.equal(d.title, 'Clashes near the river crossing');
  assert.equal(d.source, 'Example Wire');
  assert.equal(d.url, 'https://example.org/news/river-crossing');
  assert.equal(d.id, undefined, 'no id is invented');
  assert.ok(d.text.startsWith('title: Clashes'), 'text keeps the header so offsets index the file');
  assert.ok(d.text.slice(d.bodyStart).startsWith('Fighting broke out on Saturday'));
  assert.deepEqual(d.origin, { file: fixture('header.txt') });
});

test('plain text: leading "date YYYY-MM-DD" with the body on the same line', async () => {
  const { docs, errors } = await read([fixture('inline-date.txt')]);
  assert.deepEqual(errors, []);
  const d = docs[0]!;
  assert.equal(d.date, '2023-05-14');
  assert.equal(d.text[0], ' ', 'text is the file as written');
  assert.ok(d.text.slice(d.bodyStart).startsWith('Protesters gathered'));
});

test('plain text: no header means no metadata, body from the start; "Date palms" is not a header', async () => {
  const { docs } = await read([fixture('no-header.txt')]);
  const d = docs[0]!;
  assert.equal(d.date, undefined);
  assert.equal(d.title, undefined);
  assert.equal(d.bodyStart, 0);
  assert.ok(d.text.startsWith('No header here.'));
});

test('plain text: an invalid header date is an error naming file and line, and no document', async () => {
  const { docs, errors } = await read([fixture('bad-date.txt')]);
  assert.equal(docs.length, 0);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, 1);
  assert.match(formatIngestError(errors[0]!), /bad-date\.txt:1: bad date "2023-02-30"/);
});

test('JSONL: good lines read, a broken line and a record without text reported by line', async () => {
  const { items, docs, errors } = await read([fixture('records.jsonl')]);
  assert.deepEqual(
    docs.map((d) => [d.id, d.date, d.origin.line]),
    [
      ['a1', '2023-03-06', 1],
      ['42', '2023-03-07', 2], // numeric id as a string; a timestamp keeps its stated calendar date
      [undefined, undefined, 7],
    ],
  );
  assert.equal(docs[0]!.title, 'Checkpoint attack');
  assert.equal(docs[0]!.source, 'Wire');
  assert.equal(docs[0]!.url, 'https://example.org/a1');
  assert.deepEqual(
    errors.map((e) => e.line),
    [4, 5, 6],
  );
  assert.match(errors[0]!.message, /^invalid JSON/);
  assert.match(errors[1]!.message, /no "text" field/);
  assert.match(errors[2]!.message, /bad "date" value "yesterday"/);
  // Errors come in input order, between the documents around them.
  assert.deepEqual(
    items.map((x) => ('error' in x ? `E${x.line}` : `D${x.origin.line}`)),
    ['D1', 'D2', 'E4', 'E5', 'E6', 'D7'],
  );
});

test('JSONL: --text-column/--id-column/--date-column rename the fields', async () => {
  const { readStream } = await import('../../src/ingest/index.js');
  const { collect } = await import('./helpers.js');
  const input = '{"body": "Shots were fired.", "key": "k1", "published": "24 January 2022"}\n';
  const { docs, errors } = await collect(
    readStream([input], 'renamed.jsonl', { inputFormat: 'jsonl', textColumn: 'body', idColumn: 'key', dateColumn: 'published' }),
  );
  assert.deepEqual(errors, []);
  assert.deepEqual([docs[0]!.text, docs[0]!.id, docs[0]!.date], ['Shots were fired.', 'k1', '2022-01-24']);
});

test('JSON: an array of records, each bad record reported with its line', async () => {
  const { docs, errors } = await read([fixture('records.json')]);
  assert.deepEqual(
    docs.map((d) => [d.id, d.text, d.origin.line]),
    [
      ['7', 'Troops shelled the village.', 2],
      ['x9', 'Demonstrators marched peacefully.', 4],
    ],
  );
  assert.equal(docs[1]!.source, 'Local paper');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, 3);
  assert.match(errors[0]!.message, /empty "text"/);
});

test('CSV: columns, quoted multi-line text, bad rows by line, later rows still read', async () => {
  const { docs, errors } = await read([fixture('articles.csv')]);
  assert.deepEqual(
    docs.map((d) => [d.id, d.date, d.origin.line]),
    [
      ['c1', '2023-01-02', 2],
      ['c2', undefined, 4],
      ['c5', '2023-01-05', 7],
    ],
  );
  assert.equal(docs[0]!.text, 'Gunmen abducted two traders.\nThey were released a day later.');
  assert.equal(docs[0]!.title, 'Traders abducted');
  assert.equal(docs[0]!.source, 'Daily');
  assert.equal(docs[0]!.url, 'https://example.org/c1');
  assert.equal(docs[1]!.text, 'Soldiers clashed with militants, killing "at least" four.');
  assert.equal(docs[1]!.title, undefined, 'empty cells give no metadata');
  assert.deepEqual(
    errors.map((e) => [e.line, e.message.slice(0, 18)]),
    [
      [5, 'empty "text"'],
      [6, 'bad "date" value "'],
    ],
  );
});

test('CSV: --text-column picks another column', async () => {
  const { docs, errors } = await read([fixture('no-text-column.csv')], { textColumn: 'body' });
  assert.deepEqual(errors, []);
  assert.deepEqual([docs[0]!.text, docs[0]!.id, docs[0]!.date], ['Some text', '1', '2023-01-01']);
});

test('CSV: no text column is one error naming the column and the columns present, no documents', async () => {
  const { docs, errors } = await read([fixture('no-text-column.csv')]);
  assert.equal(docs.length, 0);
  assert.equal(errors.length, 1);
  assert.match(formatIngestError(errors[0]!), /no-text-column\.csv:1: no "text" column \(columns: "id", "date", "body"\)/);
});

test('TSV: tab-delimited by extension', async () => {
  const { docs, errors } = await read([fixture('articles.tsv')]);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    docs.map((d) => [d.id, d.date, d.text]),
    [
      ['t1', '2023-06-01', 'A tab separated article.'],
      ['t2', '2023-06-02', 'Another one, with a comma.'],
    ],
  );
});

test('HTML: main text by paragraphs, metadata from the head, no scripts, styles or navigation', async () => {
  const { docs, errors } = await read([fixture('article.html')]);
  assert.deepEqual(errors, []);
  const d = docs[0]!;
  assert.equal(d.title, 'Border town shelled');
  assert.equal(d.date, '2023-07-09');
  assert.equal(d.url, 'https://example.org/world/border-town-shelled');
  assert.equal(d.source, 'Example News');
  assert.ok(d.text.startsWith('Artillery fire struck the border town'), d.text.slice(0, 80));
  assert.match(d.text, /civilians and wounding/, 'line breaks inside a paragraph become spaces');
  assert.match(d.text, /basements & cellars/, 'entities decoded');
  assert.equal(d.text.split('\n\n').length, 4, 'paragraphs separated by blank lines');
  assert.doesNotMatch(d.text, /SCRIPT|leaked|color: red|Home|Copyright/);
});

test('HTML: a page without an article falls back to the body text; date from dc.date meta', async () => {
  const { docs, errors } = await read([fixture('short.html')]);
  assert.deepEqual(errors, []);
  assert.equal(docs[0]!.text, '2 August Police detained five people.');
  assert.equal(docs[0]!.date, '2023-08-01');
  assert.equal(docs[0]!.title, 'Brief');
});

test('RSS: one document per item, HTML descriptions to plain text, metadata, item without text reported', async () => {
  const { docs, errors } = await read([fixture('feed.rss')]);
  assert.equal(docs.length, 2);
  const [a, b] = docs;
  assert.equal(a!.text, 'Clashes in the north & east\n\nFighting erupted on Sunday.\n\nFive were killed.');
  assert.equal(a!.title, 'Clashes in the north & east');
  assert.equal(a!.date, '2023-03-06');
  assert.equal(a!.url, 'https://example.org/rss/1');
  assert.equal(a!.id, 'rss-1');
  assert.equal(a!.source, 'Example Wire');
  assert.equal(a!.origin.line, 6);
  // content:encoded preferred to the short description; &nbsp; decoded
  assert.equal(b!.text, 'Protest outside parliament\n\nThousands marched to parliament on Tuesday.\n\nPolice watched.');
  assert.equal(b!.date, '2023-03-07');
  assert.equal(b!.id, undefined);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.line, 20);
  assert.match(errors[0]!.message, /no title or text/);
});

test('Atom: entries with alternate links, ids, published (else updated) dates', async () => {
  const { docs, errors } = await read([fixture('feed.atom')]);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    docs.map((d) => [d.id, d.date, d.url, d.text]),
    [
      ['urn:example:entry:1', '2023-09-10', 'https://example.org/atom/1', 'Airstrike hits depot\n\nAn airstrike hit a fuel depot on Saturday.'],
      ['urn:example:entry:2', '2023-09-12', 'https://example.org/atom/2', 'Ceasefire talks\n\nNegotiators met in the capital.'],
    ],
  );
  assert.equal(docs[0]!.source, 'Example Atom');
});

test('XML that is not a feed is an error naming its root element', async () => {
  const { docs, errors } = await read([fixture('not-a-feed.xml')]);
  assert.equal(docs.length, 0);
  assert.match(errors[0]!.message, /not an RSS or Atom feed \(root element <catalog>\)/);
});

test('every document: text.slice(bodyStart) is the body, inputs read in order', async () => {
  const files = ['header.txt', 'inline-date.txt', 'records.jsonl', 'records.json', 'articles.csv', 'article.html', 'feed.rss'];
  const { docs } = await read(files.map(fixture));
  const order = [...new Set(docs.map((d) => d.origin.file))];
  assert.deepEqual(
    order,
    files.map(fixture),
  );
  for (const d of docs) {
    const start = d.bodyStart ?? 0;
    assert.ok(start >= 0 && start < d.text.length, `${d.origin.file}: bodyStart in range`);
    assert.match(d.text.slice(start), /^\S/, `${d.origin.file}: body starts at bodyStart`);
  }
});
