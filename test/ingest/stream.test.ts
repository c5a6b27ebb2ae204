// Reading from a stream as stdin is read: format sniffed from the first bytes (or forced), and
// characters split across chunk boundaries decoded correctly.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { readStream, STDIN_NAME } from '../../src/ingest/index.js';
import { collect } from './helpers.js';

/** A stream delivering `content` in pieces of `size` bytes (so multi-byte characters get split). */
function chunked(content: string | Buffer, size: number): Readable {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const pieces: Buffer[] = [];
  for (let i = 0; i < buf.length; i += size) pieces.push(buf.subarray(i, i + size));
  return Readable.from(pieces);
}

test('stdin: plain text by default, with its header', async () => {
  const { docs, errors } = await collect(readStream(chunked('date 2022-01-24 Fighting in Al-Ḥasakah.', 5), STDIN_NAME, {}));
  assert.deepEqual(errors, []);
  assert.equal(docs[0]!.date, '2022-01-24');
  assert.equal(docs[0]!.text, 'date 2022-01-24 Fighting in Al-Ḥasakah.');
  assert.equal(docs[0]!.origin.file, '<stdin>');
});

test('stdin: JSONL sniffed and streamed; multi-byte characters split across chunks survive', async () => {
  const input = '{"text": "Ghwayran — الحسكة", "id": 1}\n{"text": "naïve café", "date": "2022-01-21"}\n';
  for (const size of [1, 2, 3, 7, 4096]) {
    const { docs, errors } = await collect(readStream(chunked(input, size), STDIN_NAME, {}));
    assert.deepEqual(errors, [], `chunk size ${size}`);
    assert.deepEqual(
      docs.map((d) => [d.id, d.text, d.origin.line]),
      [
        ['1', 'Ghwayran — الحسكة', 1],
        [undefined, 'naïve café', 2],
      ],
      `chunk size ${size}`,
    );
  }
});

test('stdin: JSON array and pretty-printed single object sniffed as JSON', async () => {
  const arr = await collect(readStream(chunked('[{"text": "one"}, {"text": "two"}]', 4), STDIN_NAME, {}));
  assert.deepEqual(arr.docs.map((d) => d.text), ['one', 'two']);
  const obj = await collect(readStream(chunked('{\n  "text": "only one"\n}\n', 4), STDIN_NAME, {}));
  assert.deepEqual(obj.errors, []);
  assert.deepEqual(obj.docs.map((d) => d.text), ['only one']);
});

test('stdin: feeds and HTML sniffed from their markup', async () => {
  const rss = '<?xml version="1.0"?><!-- comment --><rss><channel><item><title>Raid</title><description>Police raided a house.</description></item></channel></rss>';
  const feed = await collect(readStream(chunked(rss, 16), STDIN_NAME, {}));
  assert.deepEqual(feed.docs.map((d) => d.text), ['Raid\n\nPolice raided a house.']);
  const html = '<!doctype html><html><body><p>Rioters burned tyres.</p><script>x()</script></body></html>';
  const page = await collect(readStream(chunked(html, 16), STDIN_NAME, {}));
  assert.deepEqual(page.docs.map((d) => d.text), ['Rioters burned tyres.']);
});

test('stdin: CSV only when asked, with é split across chunks, tab delimiter sniffed', async () => {
  const csv = 'id,text\nr1,"Café bombing, two hurt"\n';
  for (const size of [1, 3, 64]) {
    const { docs, errors } = await collect(readStream(chunked(csv, size), STDIN_NAME, { inputFormat: 'csv' }));
    assert.deepEqual(errors, []);
    assert.deepEqual(docs.map((d) => [d.id, d.text, d.origin.line]), [['r1', 'Café bombing, two hurt', 2]]);
  }
  const tsv = await collect(readStream(chunked('id\ttext\nr2\tA march, then arrests.\n', 5), STDIN_NAME, { inputFormat: 'csv' }));
  assert.deepEqual(tsv.docs.map((d) => [d.id, d.text]), [['r2', 'A march, then arrests.']]);
  // Without --input-format, CSV is just text.
  const asText = await collect(readStream(chunked(csv, 64), STDIN_NAME, {}));
  assert.equal(asText.docs[0]!.text, csv);
});

test('stdin: a UTF-8 BOM is dropped and offsets index the text after it', async () => {
  const { docs } = await collect(readStream(chunked('\uFEFFtitle: T\n\nBody.', 2), STDIN_NAME, {}));
  assert.equal(docs[0]!.text, 'title: T\n\nBody.');
  assert.equal(docs[0]!.text.slice(docs[0]!.bodyStart), 'Body.');
});

test('stdin: empty input, invalid UTF-8 split at a chunk boundary', async () => {
  const empty = await collect(readStream(Readable.from([]), STDIN_NAME, {}));
  assert.deepEqual(empty.items, [{ error: true, file: '<stdin>', message: 'empty input' }]);
  // A lead byte at the end of one chunk whose continuation never comes.
  const bad = Buffer.concat([Buffer.from('id,text\n1,ab'), Buffer.from([0xe2, 0x82]), Buffer.from('x\n')]);
  const csv = await collect(readStream(chunked(bad, 13), STDIN_NAME, { inputFormat: 'csv' }));
  assert.deepEqual(csv.docs, []);
  assert.deepEqual(csv.errors.map((e) => e.message), ['not UTF-8 text (invalid byte at offset 12)']);
  const text = await collect(readStream(chunked(bad, 13), STDIN_NAME, {}));
  assert.deepEqual(text.errors.map((e) => e.message), ['not UTF-8 text (invalid byte at offset 12)']);
});

test("readInputs(['-']) reads process.stdin", async () => {
  const { spawnSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const index = new URL('../../src/ingest/index.ts', import.meta.url).href;
  const script = `import { readInputs, formatIngestError } from ${JSON.stringify(index)};
    for await (const x of readInputs(['-'], {})) console.log('error' in x ? formatIngestError(x) : JSON.stringify([x.id, x.text, x.origin]));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    input: '{"id": 1, "text": "Shelling overnight."}\nnot json\n',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    encoding: 'utf8',
    timeout: 30_000,
  });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 2, r.stdout);
  assert.equal(lines[0], JSON.stringify(['1', 'Shelling overnight.', { file: '<stdin>', line: 1 }]));
  assert.match(lines[1]!, /^<stdin>:2: invalid JSON/);
});
