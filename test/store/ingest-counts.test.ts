// The ingest summary's counts add up when an input repeats an id (issue 18): a repeat in the same
// batch is "repeated" (the later document is stored), one in a later batch is changed or unchanged;
// a document whose extraction fails is "failed". documents = new + changed + unchanged + repeated + failed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../src/common/doc.js';
import type { SourceDocument } from '../../src/ingest/types.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import { sqliteEngine } from './engines.js';
import { syntheticEvent } from './fixtures.js';

const extractor = {
  calls: 0,
  extract(source: SourceDocument) {
    extractor.calls++;
    if (source.text.includes('BREAK')) throw new Error('pipeline broke');
    return { doc: new Doc(source.id!, source.text), events: [syntheticEvent({ event_id: `${source.id}#0`, doc_id: source.id!, notes: source.text })] };
  },
};

test('repeated ids: counts add up and the last document with an id is the one stored', async () => {
  const engine = sqliteEngine();
  const store = await engine.open();
  try {
    const doc = (id: string, text: string): SourceDocument => ({ id, text, origin: { file: 'f' } });
    const inputs = [doc('a', 'first a'), doc('b', 'b'), doc('a', 'second a'), doc('c', 'BREAK'), doc('a', 'third a'), doc('b', 'b')];
    // Batch of 4: [a1 b a2 c] then [a3 b]: a1 is repeated in its batch; a3 changes a; b is unchanged.
    const r = await ingestDocuments(store, extractor, inputs, { batchSize: 4 });
    assert.deepEqual(
      { documents: r.documents, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, repeated: r.repeated, failed: r.failed, errors: r.errors },
      { documents: 6, inserted: 2, updated: 1, unchanged: 1, repeated: 1, failed: 1, errors: 1 },
    );
    assert.equal(r.documents, r.inserted + r.updated + r.unchanged + r.repeated + r.failed);
    assert.equal((await store.getDocument('a'))!.text, 'third a');
    assert.equal(extractor.calls, 4, 'the repeated document is not extracted: a2, b, c, a3');
  } finally {
    await store.close();
    await engine.cleanup();
  }
});
