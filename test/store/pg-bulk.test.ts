// PostgreSQL bulk inserts send their rows as one JSON parameter (src/store/pg-bulk.ts): the JSON
// must say what the driver would have written, lone surrogates included.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.js';
import { rowColumns, rowsJson } from '../../src/store/pg-bulk.js';
import { engines } from './engines.js';
import { syntheticEvent } from './fixtures.js';

test('rowsJson: a lone surrogate becomes U+FFFD, a pair and escaped backslashes stay', () => {
  const rows = [{ a: 'x\uD800y', b: '\uDC00', c: 'ok \uD83D\uDE00 pair', d: '\\ud800 is text', e: '\\\uD801' }];
  const back = JSON.parse(rowsJson(rows)) as Record<string, string>[];
  assert.equal(back[0]!.a, 'x\uFFFDy');
  assert.equal(back[0]!.b, '\uFFFD');
  assert.equal(back[0]!.c, 'ok \uD83D\uDE00 pair');
  assert.equal(back[0]!.d, '\\ud800 is text');
  assert.equal(back[0]!.e, '\\\uFFFD');
  // Clean rows are JSON.stringify's text.
  assert.equal(rowsJson([{ a: 1, b: 'c', n: null }]), JSON.stringify([{ a: 1, b: 'c', n: null }]));
});

test('rowColumns: columns some row gives, and whether every row gives them', () => {
  assert.deepEqual(rowColumns([{ a: 1, b: undefined }, { a: 2, b: 3 }]), { columns: ['a', 'b'], complete: false });
  assert.deepEqual(rowColumns([{ a: 1, b: null }, { b: 2, a: 3 }]), { columns: ['a', 'b'], complete: true });
});

for (const engine of await engines()) {
  describe(`bulk writes on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    after(async () => {
      await store?.close();
      await engine.cleanup();
    });
    test('evidence with a lone surrogate is stored with U+FFFD in its place; quotes, backslashes and nulls round-trip', async () => {
      store = await engine.open();
      const e = syntheticEvent({
        event_id: 'e1', doc_id: 'd1', notes: 'Quote "x", a \\ backslash, {braces} and [brackets]', latitude: null, longitude: null,
        evidence: { actor1: [{ start: 0, end: 3, text: 'IS\uD800' }], notes: [{ start: 4, end: 9, text: '"q" \\' }] },
      });
      await store.saveDocuments([{ id: 'd1', text: 'IS\uFFFD "q" \\ text', date: '2022-01-24', title: 'T', source: 'Wire', origin: { file: 't.jsonl', line: 1 }, events: [e] }]);
      const got = await store.getDocument('d1');
      const ev = got!.events[0]!;
      // As the driver wrote a text parameter (SQLite's driver writes the code unit's 3 bytes; not this change's).
      if (engine.name === 'postgres') assert.equal(ev.evidence.actor1![0]!.text, 'IS\uFFFD');
      assert.equal(ev.evidence.notes![0]!.text, '"q" \\');
      assert.equal(ev.notes, e.notes);
      assert.equal(ev.latitude, null);
      assert.equal(ev.fatalities, e.fatalities);
      assert.deepEqual(ev.claims, e.claims);
    });
  });
}
