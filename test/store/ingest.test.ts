// ingestDocuments: batching, idempotency (no re-extraction of unchanged documents), replacement of
// changed ones, bad documents skipped, stop and resume. Same cases on SQLite and PostgreSQL.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../src/common/doc.js';
import type { IngestError, SourceDocument } from '../../src/ingest/types.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import type { Store } from '../../src/store/index.js';
import { engines } from './engines.js';
import { syntheticEvent } from './fixtures.js';

/** Two events per document; throws on documents whose text says so. Counts its calls. Every document
 * reports the same two synthetic events, so these cases store them with merging off (test/store/merge.test.ts
 * covers merging). */
function countingExtractor() {
  const x = {
    calls: 0,
    extract(source: SourceDocument) {
      x.calls++;
      if (source.text.includes('BREAK')) throw new Error('pipeline broke');
      const id = source.id!;
      return {
        doc: new Doc(id, source.text),
        events: [0, 1].map((i) => syntheticEvent({ event_id: `${id}#${i}`, doc_id: id, notes: `${source.text} (${i})` })),
      };
    },
  };
  return x;
}

function sources(n: number, version = 'v1'): SourceDocument[] {
  return Array.from({ length: n }, (_, i) => ({ id: `doc${i}`, text: `Article ${i} ${version}`, origin: { file: 'mem', line: i + 1 } }));
}

async function count(store: Store, table: 'documents' | 'events' | 'event_documents'): Promise<number> {
  const r = await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  return Number(r?.n);
}

for (const engine of await engines()) {
  describe(`ingest on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    after(async () => {
      await store?.close();
      await engine.cleanup();
    });

    test('stores every document and event once; a second run extracts nothing and changes nothing', async () => {
      store = await engine.open();
      const x = countingExtractor();
      const r1 = await ingestDocuments(store, x, sources(450), { batchSize: 100, merge: false });
      assert.deepEqual([r1.documents, r1.inserted, r1.events, r1.errors, r1.stopped], [450, 450, 900, 0, false]);
      assert.equal(x.calls, 450);
      const before = await store.queryEvents({}, { limit: 500 });
      const r2 = await ingestDocuments(store, x, sources(450), { batchSize: 100, merge: false });
      assert.deepEqual([r2.inserted, r2.updated, r2.unchanged, r2.events], [0, 0, 450, 0]);
      assert.equal(x.calls, 450, 'unchanged documents are not extracted again');
      assert.deepEqual(await store.queryEvents({}, { limit: 500 }), before);
      assert.deepEqual([await count(store, 'documents'), await count(store, 'events'), await count(store, 'event_documents')], [450, 900, 900]);
    });

    test('changed documents replace their events; bad inputs are reported and skipped, good ones kept', async () => {
      const x = countingExtractor();
      const errors: IngestError[] = [];
      const input: (SourceDocument | IngestError)[] = [
        ...sources(3, 'v2'),
        { error: true, file: 'broken.jsonl', line: 7, message: 'not JSON' },
        { id: 'bad', text: 'BREAK here', origin: { file: 'mem', line: 99 } },
        { id: 'fresh', text: 'A new one', origin: { file: 'mem' } },
      ];
      const r = await ingestDocuments(store, x, input, { batchSize: 2, merge: false, onError: (e) => errors.push(e) });
      assert.deepEqual([r.inserted, r.updated, r.errors], [1, 3, 2]);
      assert.deepEqual(errors.map((e) => [e.file, e.line]), [['broken.jsonl', 7], ['mem', 99]]);
      assert.match(errors[1]!.message, /pipeline broke/);
      assert.equal((await store.getEvent('doc0#0'))?.notes, 'Article 0 v2 (0)');
      assert.equal(await store.getDocument('bad'), undefined);
      assert.equal((await store.getDocument('fresh'))?.events.length, 2);
      assert.equal(await count(store, 'events'), 902);
    });

    test('a stop request stores what was read; running again completes the rest exactly once', async () => {
      const x = countingExtractor();
      let seen = 0;
      const more = sources(1000, 'v3').map((s) => ({ ...s, id: `more${s.id}` }));
      const r1 = await ingestDocuments(store, x, more, { batchSize: 64, merge: false, shouldStop: () => ++seen >= 300 });
      assert.equal(r1.stopped, true);
      assert.equal(r1.documents, 300);
      assert.equal(r1.inserted, 300);
      const r2 = await ingestDocuments(store, x, more, { batchSize: 64, merge: false });
      assert.deepEqual([r2.inserted, r2.unchanged], [700, 300]);
      assert.equal(x.calls, 1000);
      assert.equal(await count(store, 'documents'), 451 + 1000);
    });
  });
}
