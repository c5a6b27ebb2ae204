// PostgreSQL bulk inserts send their rows as one array parameter per column (src/store/pg-bulk.ts):
// the arrays must say what the driver would have written, lone surrogates included.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Store } from '../../src/store/index.js';
import { sql } from 'kysely';
import { arrayLiteral, rowColumns, rowsJson } from '../../src/store/pg-bulk.js';
import { engines, postgresEngine } from './engines.js';
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

test('arrayLiteral: strings quoted (quotes and backslashes escaped), null and non-finite numbers NULL', () => {
  assert.equal(arrayLiteral(['a', '', 'NULL', 'x "y" \\ z', null, undefined]), '{"a","","NULL","x \\"y\\" \\\\ z",NULL,NULL}');
  assert.equal(arrayLiteral([1, 2.5, -0.125, NaN, Infinity, true, { a: 1 }]), '{1,2.5,-0.125,NULL,NULL,true,"{\\"a\\":1}"}');
  assert.equal(arrayLiteral([]), '{}');
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
    test('array literals read back as the values written: braces, commas, spaces, newlines, quotes, backslashes, NULL', async () => {
      store = await engine.open();
      if (engine.name !== 'postgres') return;
      const texts = ['{a,b}', ' lead and trail ', 'line\nbreak\ttab', '"quoted"', 'back\\slash\\', 'NULL', '', '(x, y)', 'émoji \uD83D\uDE00'];
      const r = await sql<{ t: string[] }>`select ${arrayLiteral([...texts, null])}::text[] as t`.execute(store.db);
      assert.deepEqual(r.rows[0]!.t, [...texts, null]);
      const n = await sql<{ n: number[] }>`select ${arrayLiteral([1, 0.1, 1e-7, 123456789.125, null])}::float8[] as n`.execute(store.db);
      assert.deepEqual(n.rows[0]!.n, [1, 0.1, 1e-7, 123456789.125, null]);
    });
    test('evidence with a lone surrogate is stored with U+FFFD in its place; quotes, backslashes and nulls round-trip', async () => {
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

describe('PostgreSQL: writers storing the same new documents at once', async () => {
  const engine = await postgresEngine();
  const stores: Store[] = [];
  after(async () => {
    for (const s of stores) await s.close();
    await engine.cleanup();
  });
  test('each document, its evidence and bands once; the kept counts equal the rows', { skip: engine.skip }, async () => {
    stores.push(await engine.open(), await engine.reopen(), await engine.reopen());
    for (let round = 0; round < 4; round++) {
      const docs = Array.from({ length: 30 }, (_, i) => {
        const id = `r${round}d${i}`;
        const e = syntheticEvent({ event_id: `${id}e`, doc_id: id, event_date: `2022-01-${String(1 + (i % 28)).padStart(2, '0')}`,
          evidence: { actor1: [{ start: 0, end: 2, text: 'IS' }], location: [{ start: 3, end: 5, text: 'Al' }] } });
        return { id, text: `IS Al text of ${id}`, date: '2022-01-24', title: id, source: 'Wire', origin: { file: 't.jsonl', line: i + 1 },
          events: [e], minhash: 'AAAA', bands: [`0:${id}`, `1:${id}`] };
      });
      // The same batch by three writers at once (in different orders): one stores each document.
      const results = await Promise.all(stores.map((s, k) => s.saveDocuments(k === 1 ? [...docs].reverse() : docs)));
      assert.equal(results.reduce((n, r) => n + r.inserted, 0), docs.length);
    }
    const db = stores[0]!.db;
    const count = async (t: 'documents' | 'evidence' | 'document_bands' | 'events' | 'event_documents') =>
      Number((await db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())!.n);
    assert.equal(await count('documents'), 120);
    assert.equal(await count('evidence'), 240);
    assert.equal(await count('document_bands'), 240);
    assert.equal(await count('event_documents'), 120);
    assert.equal(await stores[0]!.countDocuments(), 120);
    assert.equal(await stores[0]!.countEvents(), await count('events'));
  });
});
