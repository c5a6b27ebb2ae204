// The store's behaviour, the same cases on SQLite and on PostgreSQL.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AcledEvent } from '../../src/common/event.js';
import { decodeCursor, documentHash, encodeCursor, InvalidCursorError, type DocumentInput, type Store } from '../../src/store/index.js';
import { engines } from './engines.js';
import { syntheticEvent } from './fixtures.js';

function doc(id: string, events: AcledEvent[], text = `Text of ${id}.`): DocumentInput {
  return { id, text, date: '2022-01-24', title: `Title ${id}`, source: 'Test Wire', origin: { file: 'test.jsonl', line: 1 }, events };
}

/** Drops fields the store adds, for comparison with the input events. */
function plain(e: AcledEvent & { sources?: number; timestamp?: number; review_status?: string }): AcledEvent {
  const { sources: _s, timestamp: _t, review_status: _r, ...rest } = e;
  return rest;
}

for (const engine of await engines()) {
  describe(`store on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    after(async () => {
      await store?.close();
      await engine.cleanup();
    });

    test('opens, migrates once, and round-trips every event field with claims and evidence', async () => {
      store = await engine.open();
      const e = syntheticEvent({ event_id: 'e1', doc_id: 'd1', notes: 'Quote "x", comma, 100% _under_ \\ slash' });
      const r = await store.saveDocuments([doc('d1', [e])]);
      assert.deepEqual([r.inserted, r.updated, r.unchanged, r.events], [1, 0, 0, 1]);
      const got = await store.getEvent('e1');
      assert.ok(got);
      assert.equal(got.sources, 1);
      assert.ok(got.timestamp > 1_600_000_000);
      assert.deepEqual(got.documents.map((d) => d.id), ['d1']);
      const { documents: _d, reports, aliases, provenance: _p, source_count: sourceCount, ...event } = got;
      assert.deepEqual([reports.map((x) => [x.report_id, x.doc_id]), aliases, sourceCount], [[['e1', 'd1']], [], 1]);
      assert.deepEqual(plain(event), e);
      const versions = await store.db.selectFrom('sitrep_schema_version').select('version').execute();
      await store.close();
      store = await engine.reopen();
      const again = await store.db.selectFrom('sitrep_schema_version').select('version').execute();
      assert.deepEqual(again, versions);
      assert.equal(await store.countEvents(), 1);
    });

    test('saving the same documents again changes nothing', async () => {
      const before = await store.getEvent('e1');
      const r = await store.saveDocuments([doc('d1', [syntheticEvent({ event_id: 'e1', doc_id: 'd1', notes: 'Quote "x", comma, 100% _under_ \\ slash' })])]);
      assert.deepEqual([r.inserted, r.updated, r.unchanged, r.events], [0, 0, 1, 0]);
      assert.deepEqual(await store.getEvent('e1'), before);
      assert.equal(await store.countDocuments(), 1);
    });

    test('a changed document replaces its events, evidence and claims', async () => {
      const replacement = syntheticEvent({ event_id: 'e1b', doc_id: 'd1', claims: [], evidence: { location: [{ start: 1, end: 3, text: 'ex' }] } });
      const r = await store.saveDocuments([doc('d1', [replacement], 'Text of d1, corrected.')]);
      assert.deepEqual([r.inserted, r.updated, r.unchanged, r.events], [0, 1, 0, 1]);
      assert.equal(await store.getEvent('e1'), undefined);
      const got = await store.getEvent('e1b');
      assert.deepEqual(got?.evidence, { location: [{ start: 1, end: 3, text: 'ex' }] });
      assert.deepEqual(got?.claims, []);
      const counts = await Promise.all(['evidence', 'claims', 'event_documents'].map(async (t) =>
        Number((await store.db.selectFrom(t as 'evidence').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n)));
      assert.deepEqual(counts, [1, 0, 1]);
      const d1 = await store.getDocument('d1');
      assert.equal(d1?.text, 'Text of d1, corrected.');
      assert.deepEqual(d1?.events.map((x) => x.event_id), ['e1b']);
    });

    test('one event cited by two documents keeps both links; dropping one keeps the event', async () => {
      const shared = (docId: string) => syntheticEvent({ event_id: 'shared', doc_id: docId, evidence: { notes: [{ start: 0, end: 4, text: docId } ] } });
      await store.saveDocuments([doc('a', [shared('a')]), doc('b', [shared('b')])], { merge: false }); // the same id in two documents, not merged
      let ev = await store.getEvent('shared');
      assert.equal(ev?.sources, 2);
      assert.deepEqual(ev?.documents.map((d) => d.id), ['a', 'b']);
      assert.deepEqual((await store.getDocument('a'))?.events[0]?.evidence, { notes: [{ start: 0, end: 4, text: 'a' }] });
      assert.deepEqual((await store.getDocument('b'))?.events[0]?.evidence, { notes: [{ start: 0, end: 4, text: 'b' }] });
      await store.saveDocuments([doc('b', [], 'b now reports nothing')], { merge: false });
      ev = await store.getEvent('shared');
      assert.equal(ev?.sources, 1);
      assert.equal(ev?.doc_id, 'a');
      await store.saveDocuments([doc('a', [], 'a now reports nothing')], { merge: false });
      assert.equal(await store.getEvent('shared'), undefined);
    });

    test('a failing batch is rolled back whole', async () => {
      const docsBefore = await store.countDocuments();
      const bad = syntheticEvent({ event_id: 'bad', doc_id: 'x2' });
      (bad as unknown as Record<string, unknown>).time_precision = null; // violates NOT NULL
      await assert.rejects(store.saveDocuments([doc('x1', [syntheticEvent({ event_id: 'ok', doc_id: 'x1' })]), doc('x2', [bad])]));
      assert.equal(await store.countDocuments(), docsBefore);
      assert.equal(await store.getEvent('ok'), undefined);
    });

    test('filters: dates, country, event type, actor, text (wildcards escaped), bbox', async () => {
      const evs = [
        syntheticEvent({ event_id: 'f1', doc_id: 'f', event_date: '2021-12-31', country: 'Syria', iso3: 'SYR', notes: 'rate of 50% rise', latitude: 36, longitude: 40 }),
        syntheticEvent({ event_id: 'f2', doc_id: 'f', event_date: '2022-01-01', country: 'Iraq', iso3: 'IRQ', event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Iraq)', actor2: '', assoc_actor_2: '', notes: 'plain_text here', latitude: 33.3, longitude: 44.4 }),
        syntheticEvent({ event_id: 'f3', doc_id: 'f', event_date: '2022-02-15', country: 'Fiji', iso3: 'FJI', notes: 'near the date line', latitude: -17, longitude: 179.5 }),
        syntheticEvent({ event_id: 'f4', doc_id: 'f', event_date: '2022-02-16', country: 'Samoa', iso3: 'WSM', notes: 'other side', latitude: -13.8, longitude: -171.8 }),
        syntheticEvent({ event_id: 'f5', doc_id: 'f', event_date: '2022-03-01', country: 'Syria', iso3: 'SYR', notes: 'no coordinates', latitude: null, longitude: null }),
      ];
      await store.saveDocuments([doc('f', evs)]);
      const ids = async (f: Parameters<Store['queryEvents']>[0]) =>
        (await store.queryEvents(f, { limit: 100 })).events.map((e) => e.event_id).filter((id) => id.startsWith('f')).sort();
      assert.deepEqual(await ids({ from: '2022-01-01', to: '2022-02-15' }), ['f2', 'f3']);
      assert.deepEqual(await ids({ countries: ['syria'] }), ['f1', 'f5']);
      assert.deepEqual(await ids({ countries: ['irq', 'Fiji'] }), ['f2', 'f3']);
      assert.deepEqual(await ids({ eventTypes: ['Protests'] }), ['f2']);
      assert.deepEqual(await ids({ actor: 'protesters' }), ['f2']);
      assert.deepEqual(await ids({ q: '50%' }), ['f1']);
      assert.deepEqual(await ids({ q: '%' }), ['f1']);
      assert.deepEqual(await ids({ q: 'a_n' }), []);
      assert.deepEqual(await ids({ q: 'plain_text' }), ['f2']);
      assert.deepEqual(await ids({ q: "DATE LINE' or 1=1 --" }), []);
      assert.deepEqual(await ids({ bbox: [35, 30, 45, 40] }), ['f1', 'f2']);
      assert.deepEqual(await ids({ bbox: [170, -20, -170, -10] }), ['f3', 'f4']);
      assert.equal(await store.countEvents({ countries: ['SYR'], to: '2021-12-31' }), 1);
    });

    test('pages follow (event_date desc, event_id) without gaps or repeats; bad cursors are refused', async () => {
      const many = Array.from({ length: 53 }, (_, i) =>
        syntheticEvent({ event_id: `p${String(i).padStart(2, '0')}`, doc_id: 'p', event_date: `2020-0${1 + (i % 3)}-1${i % 5}`, country: 'Pagination' }));
      await store.saveDocuments([doc('p', many)]);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await store.queryEvents({ countries: ['Pagination'] }, { limit: 7, cursor }, { details: false });
        assert.ok(page.events.length <= 7);
        seen.push(...page.events.map((e) => `${e.event_date} ${e.event_id}`));
        cursor = page.next_cursor ?? undefined;
        pages++;
      } while (cursor);
      assert.equal(pages, 8);
      assert.equal(seen.length, 53);
      const expected = many.map((e) => `${e.event_date} ${e.event_id}`)
        .sort((x, y) => (x.slice(0, 10) === y.slice(0, 10) ? (x < y ? -1 : 1) : x < y ? 1 : -1));
      assert.deepEqual(seen, expected);
      const streamed: string[] = [];
      for await (const e of store.iterateEvents({ countries: ['Pagination'] }, { pageSize: 10, details: false })) streamed.push(e.event_id);
      assert.equal(new Set(streamed).size, 53);
      assert.deepEqual(decodeCursor(encodeCursor('2020-01-01', 'x')), { date: '2020-01-01', id: 'x' });
      await assert.rejects(store.queryEvents({}, { limit: 5, cursor: 'not a cursor' }), InvalidCursorError);
      await assert.rejects(store.queryEvents({}, { limit: 5, cursor: Buffer.from('{"a":1}').toString('base64url') }), InvalidCursorError);
    });

    test('stats count events and fatalities by date, type and country', async () => {
      const s = await store.stats({ countries: ['Syria', 'Iraq'] });
      // f1, f2, f5 and e1b (d1's replacement event) are in Syria or Iraq.
      assert.equal(s.total.count, 4);
      assert.equal(s.total.fatalities, 140);
      assert.deepEqual(s.by_date.map((r) => [r.date, r.count]), [['2021-12-31', 1], ['2022-01-01', 1], ['2022-01-20', 1], ['2022-03-01', 1]]);
      assert.deepEqual(s.by_event_type.map((r) => [r.event_type, r.count]), [['Battles', 3], ['Protests', 1]]);
      assert.deepEqual(s.by_country.map((r) => [r.country, r.iso3, r.count]), [['Syria', 'SYR', 3], ['Iraq', 'IRQ', 1]]);
      assert.equal((await store.stats({ from: '2030-01-01' })).total.fatalities, 0);
      assert.ok(s.documents >= 3);
    });

    test('unknown ids are undefined; hashes cover text and metadata', async () => {
      assert.equal(await store.getEvent('nope'), undefined);
      assert.equal(await store.getDocument('nope'), undefined);
      assert.notEqual(documentHash({ text: 'a' }), documentHash({ text: 'a', date: '2020-01-01' }));
      assert.equal((await store.documentHashes(['p', 'nope'])).size, 1);
    });
  });
}
