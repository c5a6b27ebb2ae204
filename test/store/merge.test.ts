// Merging in the store, on SQLite and PostgreSQL: reports of one event from several documents become
// one event (fields chosen from them, every outlet in source); the result does not depend on the
// order documents arrive in; a report joining two events keeps the older id and makes the other an
// alias that still resolves; near-identical documents are stored as copies; merge: false keeps one
// event per report.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../src/common/doc.js';
import type { AcledEvent } from '../../src/common/event.js';
import type { SourceDocument } from '../../src/ingest/types.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import { signature } from '../../src/store/minhash.js';
import type { Store } from '../../src/store/index.js';
import { engines, type EngineUnderTest } from './engines.js';
import { syntheticEvent } from './fixtures.js';

const MAARRAT = { admin1: 'Idlib', admin2: 'Maarrat al-Numan', location: 'Maarrat al-Numan', latitude: 35.64, longitude: 36.67 };
const SARAQIB = { admin1: 'Idlib', admin2: 'Idlib', location: 'Saraqib', latitude: 35.86, longitude: 36.8 };
const HAJIN = { admin1: 'Deir ez-Zor', admin2: 'Abu Kamal', location: 'Hajin', latitude: 34.69, longitude: 40.83 };
const STRIKE = { event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', actor1: 'Military Forces of Russia', actor2: '', assoc_actor_1: '', assoc_actor_2: '' };
const BATTLE = { event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Islamic State (Syria)', actor2: 'QSD: Syrian Democratic Forces' };
const PROTEST = { event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Syria)', actor2: '', assoc_actor_1: '', assoc_actor_2: '' };

/** The "extractor" reads the events a test document states as JSON in its text. */
const jsonExtractor = {
  extract(source: SourceDocument) {
    const id = source.id!;
    const spec = JSON.parse(source.text) as { events: Partial<AcledEvent>[] };
    return {
      doc: new Doc(id, source.text),
      events: spec.events.map((e, i) => syntheticEvent({ claims: [], evidence: { location: [{ start: 0, end: 1, text: '{' }] }, ...e, event_id: `${id}#${i}`, doc_id: id, source: source.source ?? '' })),
    };
  },
};

function docOf(id: string, source: string, date: string, events: Partial<AcledEvent>[]): SourceDocument {
  return { id, source, date, text: JSON.stringify({ events }), origin: { file: 'mem' } };
}

const DOCS: SourceDocument[] = [
  docOf('d1', 'Reuters', '2024-03-01', [{ ...STRIKE, ...MAARRAT, event_date: '2024-03-01', fatalities: 9 }]),
  docOf('d2', 'AFP', '2024-03-02', [{ ...STRIKE, ...MAARRAT, event_date: '2024-03-01', fatalities: 21, actor1: 'Russian forces', actor2: 'Civilians (Syria)' }]),
  docOf('d3', 'SOHR', '2024-03-01', [{ ...STRIKE, ...SARAQIB, event_date: '2024-03-01', fatalities: 4 }]),
  docOf('d4', 'SOHR', '2024-03-02', [
    { ...BATTLE, ...HAJIN, event_date: '2024-03-02', fatalities: 10 },
    { ...PROTEST, ...MAARRAT, event_date: '2024-03-01', fatalities: 0 },
  ]),
  docOf('d5', 'AFP', '2024-03-03', [{ ...BATTLE, ...HAJIN, event_date: '2024-03-03', fatalities: 14, actor1: 'IS' }]),
];

/** The stored events as order-free facts: members, and the fields chosen from them. */
async function snapshot(store: Store): Promise<string[]> {
  const out: string[] = [];
  for await (const e of store.iterateEvents({})) {
    const members = (e.reports ?? []).map((r) => r.report_id).sort();
    out.push(JSON.stringify([members, e.event_date, e.sub_event_type, e.location, e.fatalities, e.source, e.source_count]));
  }
  return out.sort();
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

for (const make of [async () => (await engines())[0]!, async () => (await engines())[1]!]) {
  const engine: EngineUnderTest = await make();
  describe(`merging on ${engine.name}`, { skip: engine.skip }, () => {
    const opened: Store[] = [];
    const fresh = async () => {
      await engine.cleanup();
      const s = await engine.open();
      opened.push(s);
      return s;
    };
    after(async () => {
      for (const s of opened) await s.close().catch(() => {});
      await engine.cleanup();
    });

    test('reports of one event become one event; other towns, types and places stay apart', async () => {
      const store = await fresh();
      const r = await ingestDocuments(store, jsonExtractor, DOCS, { batchSize: 2 });
      assert.deepEqual([r.documents, r.events, r.merged], [5, 6, 2]);
      const events = await snapshot(store);
      assert.deepEqual(events, [
        JSON.stringify([['d1#0', 'd2#0'], '2024-03-01', 'Air/drone strike', 'Maarrat al-Numan', 21, 'AFP; Reuters', 2]),
        JSON.stringify([['d3#0'], '2024-03-01', 'Air/drone strike', 'Saraqib', 4, 'SOHR', 1]),
        JSON.stringify([['d4#0', 'd5#0'], '2024-03-02', 'Armed clash', 'Hajin', 14, 'AFP; SOHR', 2]),
        JSON.stringify([['d4#1'], '2024-03-01', 'Peaceful protest', 'Maarrat al-Numan', 0, 'SOHR', 1]),
      ].sort());
      const detail = await store.getEvent('d1#0');
      assert.equal(detail?.reports.length, 2);
      assert.deepEqual(detail?.reports.map((x) => x.values.fatalities), [9, 21]);
      assert.equal(detail?.provenance.fatalities, 'd2#0');
      assert.deepEqual(detail?.aliases, ['d2#0']);
      assert.equal((await store.getEvent('d2#0'))?.event_id, 'd1#0', 'the merged id resolves to the event');
    });

    test('five shuffled orders, one document at a time, give identical events', async () => {
      const expected = await (async () => {
        const store = await fresh();
        await ingestDocuments(store, jsonExtractor, DOCS, { batchSize: 100 });
        return snapshot(store);
      })();
      for (let k = 1; k <= 5; k++) {
        const store = await fresh();
        await ingestDocuments(store, jsonExtractor, shuffled(DOCS, k * 7919), { batchSize: 1 });
        assert.deepEqual(await snapshot(store), expected, `order ${k}`);
      }
    });

    test("a deadly bombing's toll updated days later joins it, stored in any order as in one batch", async () => {
      // A car bomb in Al Bab kills 14 on the 3rd; the toll rises to 19 on the 5th, 23 on the 6th; on
      // the 7th another blast there kills 5 (four days after the first, and a toll that falls).
      const AL_BAB = { admin1: 'Aleppo', admin2: 'Al Bab', location: 'Al Bab', latitude: 36.37, longitude: 37.51 };
      const BOMB = { event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', actor1: '', actor2: '', assoc_actor_1: '', assoc_actor_2: '' };
      const bomb = (id: string, source: string, day: string, fatalities: number) =>
        docOf(id, source, `2024-10-${day}`, [{ ...BOMB, ...AL_BAB, event_date: `2024-10-${day}`, fatalities }]);
      const docs = [bomb('b1', 'A', '03', 14), bomb('b2', 'B', '05', 19), bomb('b3', 'C', '06', 23), bomb('b4', 'D', '07', 5)];
      const batch = await (async () => {
        const store = await fresh();
        await ingestDocuments(store, jsonExtractor, docs, { batchSize: 100 });
        return snapshot(store);
      })();
      assert.deepEqual(batch.map((e) => JSON.parse(e)[0]), [['b1#0', 'b2#0', 'b3#0'], ['b4#0']]);
      for (let k = 1; k <= 5; k++) {
        const store = await fresh();
        await ingestDocuments(store, jsonExtractor, shuffled(docs, k * 104729), { batchSize: 1 });
        assert.deepEqual(await snapshot(store), batch, `order ${k}`);
      }
    });

    test('the merge index reads by province: a report of no known province still meets those of one, and the other way round', async () => {
      const store = await fresh();
      const day = '2024-04-02';
      const noProvince = { admin1: '', admin2: '', location: '', latitude: null, longitude: null, geo_precision: 3 as const };
      // Stored first: a strike placed in Maarrat al-Numan (Idlib) and one placed only in Syria.
      await ingestDocuments(store, jsonExtractor, [docOf('q1', 'A', day, [{ ...STRIKE, ...MAARRAT, event_date: day, fatalities: 6 }])], { batchSize: 1 });
      await ingestDocuments(store, jsonExtractor, [docOf('q2', 'B', day, [{ ...STRIKE, ...noProvince, admin1: '', event_date: '2024-04-20', fatalities: 2 }])], { batchSize: 1 });
      const rows = await store.db.selectFrom('event_reports').select(['doc_id', 'admin1']).orderBy('doc_id').execute();
      assert.deepEqual(rows.map((r) => [r.doc_id, r.admin1]), [['q1', 'idlib'], ['q2', '']]);
      // A later report of no known province meets the Idlib one (its province is read with the country's).
      await ingestDocuments(store, jsonExtractor, [docOf('q3', 'C', day, [{ ...STRIKE, ...noProvince, event_date: day, fatalities: 6 }])], { batchSize: 1 });
      assert.deepEqual((await store.getEvent('q3#0'))?.event_id, 'q1#0');
      // A report of Idlib meets the stored one placed only in Syria; one of Hama does not.
      await ingestDocuments(store, jsonExtractor, [docOf('q4', 'D', '2024-04-20', [{ ...STRIKE, ...SARAQIB, event_date: '2024-04-20', fatalities: 2 }])], { batchSize: 1 });
      assert.deepEqual((await store.getEvent('q4#0'))?.event_id, 'q2#0');
      // (The event of q1 and q3 is read whole: the Hama report does not fit its Idlib report.)
      await ingestDocuments(store, jsonExtractor, [docOf('q5', 'E', day, [{ ...STRIKE, admin1: 'Hama', admin2: 'Hama', location: 'Kafr Zita', latitude: 35.37, longitude: 36.6, event_date: day, fatalities: 8 }])], { batchSize: 1 });
      assert.deepEqual((await store.getEvent('q5#0'))?.event_id, 'q5#0');
    });

    test('a report that joins two events: the older id stays, the other becomes an alias', async () => {
      const store = await fresh();
      const day = '2024-03-05';
      await ingestDocuments(store, jsonExtractor, [docOf('p1', 'A', day, [{ ...STRIKE, ...MAARRAT, event_date: day }])], { batchSize: 1 });
      await ingestDocuments(store, jsonExtractor, [docOf('p2', 'B', day, [{ ...STRIKE, ...MAARRAT, event_date: day, sub_event_type: 'Shelling/artillery/missile attack', actor1: 'Military Forces of Syria (2000-2024)', actor2: 'HTS: Hayat Tahrir al Sham' }])], { batchSize: 1 });
      assert.equal(await store.countEvents(), 2, 'not the same event on their own');
      const r = await ingestDocuments(store, jsonExtractor, [docOf('p3', 'C', day, [{ ...STRIKE, ...MAARRAT, event_date: day, actor2: 'HTS: Hayat Tahrir al Sham' }])], { batchSize: 1 });
      assert.equal(r.merged, 1);
      assert.equal(await store.countEvents(), 1);
      const e = await store.getEvent('p2#0');
      assert.equal(e?.event_id, 'p1#0');
      assert.deepEqual(e?.aliases, ['p2#0', 'p3#0']);
      assert.equal(e?.sources, 3);
      const exported: string[] = [];
      for await (const x of store.iterateEvents({})) exported.push(...(x.reports ?? []).map((rep) => rep.doc_id));
      assert.deepEqual(exported.sort(), ['p1', 'p2', 'p3']);
    });

    test('an event an analyst reviewed is never merged by the machine, either way', async () => {
      const store = await fresh();
      const day = '2024-03-07';
      // Each outlet words it its own way (no near-copies, which would be stored without extraction).
      const worded = (d: SourceDocument, body: string) => ({ ...d, text: JSON.stringify({ ...JSON.parse(d.text), body }) });
      const wording: Record<string, string> = { r1: 'Jets struck the vegetable market at dawn.', r2: 'Witnesses counted five dead after the raid on the souq.', r3: 'A hospital source said six people were killed in the bombing.' };
      const report = (id: string, fatalities: number) => worded(docOf(id, id.toUpperCase(), day, [{ ...STRIKE, ...MAARRAT, event_date: day, fatalities }]), wording[id]!);
      await ingestDocuments(store, jsonExtractor, [report('r1', 3)], { batchSize: 1 });
      await store.db.updateTable('events').set({ review_status: 'confirmed' }).where('event_id', '=', 'r1#0').execute();
      // A later report of the same strike stays its own event: the reviewed one is the analyst's.
      const r = await ingestDocuments(store, jsonExtractor, [report('r2', 5)], { batchSize: 1 });
      assert.equal(r.merged, 0);
      assert.equal(await store.countEvents(), 2);
      assert.equal((await store.getEvent('r1#0'))?.reports.length, 1);
      // Unreviewed reports still merge with each other beside it.
      const r3 = await ingestDocuments(store, jsonExtractor, [report('r3', 6)], { batchSize: 1 });
      assert.equal(r3.merged, 1);
      assert.equal(await store.countEvents(), 2);
      assert.deepEqual((await store.getEvent('r3#0'))?.reports.map((x) => x.doc_id).sort(), ['r2', 'r3']);
    });

    test('near-identical documents are stored as copies; merge: false keeps one event per report', async () => {
      const store = await fresh();
      const body = 'Russian air strikes hit the market of Maarrat al-Numan on Friday morning, killing nine people and wounding dozens more, rescuers said. ';
      const original = { ...docOf('w1', 'Reuters', '2024-03-01', [{ ...STRIKE, ...MAARRAT, event_date: '2024-03-01', fatalities: 9 }]) };
      const spec = JSON.parse(original.text) as object;
      original.text = JSON.stringify({ ...spec, body: body.repeat(3) });
      const copy = { ...original, id: 'w2', source: 'Yahoo News', text: JSON.stringify({ ...spec, body: body.repeat(3).replace('Friday morning', 'Friday'), feed: 'yahoo' }) };
      const r = await ingestDocuments(store, jsonExtractor, [original, copy], { batchSize: 10 });
      assert.deepEqual([r.documents, r.copies, r.events], [2, 1, 1]);
      const e = await store.getEvent('w1#0');
      assert.deepEqual(e?.documents.map((d) => d.id), ['w1', 'w2']);
      const row = await store.db.selectFrom('documents').select(['copy_of']).where('id', '=', 'w2').executeTakeFirst();
      assert.equal(row?.copy_of, 'w1');

      const separate = await fresh();
      const r2 = await ingestDocuments(separate, jsonExtractor, DOCS, { batchSize: 2, merge: false });
      assert.deepEqual([r2.events, r2.merged, await separate.countEvents()], [6, 0, 6]);
    });

    test('a signature computed elsewhere (signatureOf: a worker\'s extraction threads) is the one copies are told by; null: computed here', async () => {
      const body = 'Russian air strikes hit the market of Maarrat al-Numan on Friday morning, killing nine people and wounding dozens more, rescuers said. ';
      const original = { ...docOf('s1', 'Reuters', '2024-03-01', [{ ...STRIKE, ...MAARRAT, event_date: '2024-03-01', fatalities: 9 }]) };
      const spec = JSON.parse(original.text) as object;
      original.text = JSON.stringify({ ...spec, body: body.repeat(3) });
      const copy = { ...original, id: 's2', source: 'Yahoo News', text: JSON.stringify({ ...spec, body: body.repeat(3).replace('Friday morning', 'Friday'), feed: 'yahoo' }) };
      const other = signature('Protesters marched through the centre of the capital on Sunday against the price of bread and fuel, organisers said.')!;
      const copies = async (signatureOf: (source: SourceDocument, id: string) => Uint32Array | undefined | null) =>
        (await ingestDocuments(await fresh(), jsonExtractor, [original, copy], { batchSize: 10, signatureOf })).copies;
      // The copy's own signature given: the same as computing it.
      assert.equal(await copies((s) => signature(s.text)), 1);
      assert.equal(await copies(() => null), 1);
      // Another text's signature given for the copy, or none (too short): it is not recognised as a copy.
      assert.equal(await copies((s, id) => (id === 's2' ? other : null)), 0);
      assert.equal(await copies((s, id) => (id === 's2' ? undefined : null)), 0);
    });
  });
}
