// NUL and lone surrogates (which PostgreSQL refuses or no UTF-8 can hold) are taken out once, where
// documents enter, so a batch never fails on them and evidence offsets index the stored text.
// Same cases on SQLite and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createExtractor, type Extractor } from '../../src/pipeline/index.js';
import { storableDocument, storableText } from '../../src/ingest/storable.js';
import type { SourceDocument } from '../../src/ingest/types.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import type { Store } from '../../src/store/index.js';
import { engines } from './engines.js';

test('storableText removes NUL and replaces lone surrogates; paired ones stay', () => {
  assert.equal(storableText('a\u0000b'), 'ab');
  assert.equal(storableText('x\uD800y\uDC00z'), 'x\uFFFDy\uFFFDz');
  assert.equal(storableText('emoji \uD83D\uDE00 ok'), 'emoji \uD83D\uDE00 ok');
  const clean = { text: 'clean', origin: { file: 'f' } };
  assert.equal(storableDocument(clean), clean, 'clean documents are not copied');
  const d = storableDocument({ text: 'date\u0000: x\n\nBo\u0000dy', bodyStart: 10, title: 'T\u0000', origin: { file: 'f' } });
  assert.equal(d.text, 'date: x\n\nBody');
  assert.equal(d.text.slice(d.bodyStart), 'Body');
  assert.equal(d.title, 'T');
});

let extractor: Extractor;
before(() => {
  extractor = createExtractor();
});

const NUL_TEXT = 'Gunmen\u0000 killed three villagers in Garissa on Monday, police said.\u0000';
const docs = (): SourceDocument[] => [
  { id: 'nul-1', text: NUL_TEXT, date: '2023-05-02', title: 'Attack\u0000', origin: { file: 'mem', line: 1 } },
  { id: 'nul\u00002', text: 'Soldiers clashed with\uD800 rebels in Mandera, killing five.', date: '2023-05-02', origin: { file: 'mem', line: 2 } },
  { id: 'good-3', text: 'Police dispersed protesters in Nairobi on Tuesday.', date: '2023-05-03', origin: { file: 'mem', line: 3 } },
];

for (const engine of await engines()) {
  describe(`unstorable characters on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    after(async () => {
      await store?.close();
      await engine.cleanup();
    });

    test('a document with NUL does not fail its batch; evidence offsets index the stored text', async () => {
      store = await engine.open();
      const errors: string[] = [];
      const r = await ingestDocuments(store, extractor, docs(), { batchSize: 10, onError: (e) => errors.push(e.message) });
      assert.deepEqual(errors, []);
      assert.deepEqual([r.documents, r.inserted, r.errors], [3, 3, 0]);
      const stored = await store.getDocument('nul-1');
      assert.ok(stored);
      assert.equal(stored.text, NUL_TEXT.replaceAll('\u0000', ''));
      assert.equal(stored.title, 'Attack');
      assert.ok(stored.events.length > 0, 'events extracted');
      for (const e of stored.events) {
        const detail = await store.getEvent(e.event_id);
        for (const spans of Object.values(detail?.evidence ?? {})) {
          for (const s of spans) assert.equal(stored.text.slice(s.start, s.end), s.text);
        }
      }
      assert.ok(await store.getDocument('nul2'), 'the id is cleaned too');
      assert.ok((await store.getDocument('nul2'))!.text.includes('with\uFFFD rebels'));
      // The same input again is recognised as unchanged (the hash is of the cleaned document).
      const again = await ingestDocuments(store, extractor, docs(), { batchSize: 10 });
      assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 3]);
    });
  });
}
