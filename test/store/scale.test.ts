// Issue 18, queries that stay fast as the store grows, on SQLite and PostgreSQL:
//  - every query the API runs for a filter is served by an index (EXPLAIN: no full scan of events;
//    on PostgreSQL with sequential scans disabled, so that a tiny table still shows which index exists);
//  - /api/stats under date, country and type filters reads only the count tables, never events;
//  - the counts kept by triggers equal a scan of the events after inserts, updates and deletes;
//  - text search through the trigram index finds exactly what the substring search found.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type KyselyPlugin, type QueryResult, type UnknownRow } from 'kysely';
import type { AcledEvent } from '../../src/common/event.js';
import type { DocumentInput, EventFilters, Store } from '../../src/store/index.js';
import { engines } from './engines.js';
import { syntheticEvent } from './fixtures.js';

const COUNTRIES: [string, string][] = [['Syria', 'SYR'], ['Iraq', 'IRQ'], ['Kenya', 'KEN'], ['Mali', 'MLI']];
const TYPES = ['Battles', 'Riots', 'Protests', 'Violence against civilians'];
const ACTORS = ['Islamic State (Syria)', 'Police Forces of Kenya (2013-)', 'Rioters (Mali)', 'Al Shabaab', 'Ça Va Militia'];

/** Deterministic pseudo-random events over a few countries, types, dates and texts. */
function makeDocs(n: number, seed: number, prefix = 'd'): DocumentInput[] {
  let s = seed;
  const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const docs: DocumentInput[] = [];
  for (let d = 0; d < n; d++) {
    const events: AcledEvent[] = [];
    for (let i = 0; i < 3; i++) {
      const [country, iso3] = COUNTRIES[Math.floor(r() * COUNTRIES.length)]!;
      const actor = ACTORS[Math.floor(r() * ACTORS.length)]!;
      events.push(syntheticEvent({
        event_id: `${prefix}${d}-${i}`,
        doc_id: `${prefix}${d}`,
        event_date: `202${Math.floor(r() * 3)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
        country,
        iso3,
        event_type: TYPES[Math.floor(r() * TYPES.length)]!,
        actor1: actor,
        fatalities: Math.floor(r() * 5),
        latitude: 30 + r() * 10,
        longitude: 35 + r() * 10,
        notes: `${actor} in ${country}: ${r() < 0.3 ? 'Shelling of 100% "quoted" positions_x' : 'a protest over fuel prices'}.`,
      }));
    }
    docs.push({ id: `${prefix}${d}`, text: `Text ${d}`, events });
  }
  return docs;
}

/** Records the SQL of every query the store runs (compiled as the store compiles it). */
function capture(store: Store): { queries: { sql: string; parameters: readonly unknown[] }[]; restore(): void } {
  const queries: { sql: string; parameters: readonly unknown[] }[] = [];
  const original = store.db;
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      const c = original.getExecutor().compileQuery(args.node, args.queryId);
      queries.push({ sql: c.sql, parameters: c.parameters });
      return args.node;
    },
    async transformResult(args): Promise<QueryResult<UnknownRow>> {
      return args.result;
    },
  };
  Object.defineProperty(store, 'db', { value: original.withPlugin(plugin), configurable: true });
  return { queries, restore: () => Object.defineProperty(store, 'db', { value: original, configurable: true }) };
}

async function plan(store: Store, query: { sql: string; parameters: readonly unknown[] }, noIndexScan = false): Promise<string> {
  if (store.engine === 'sqlite') {
    const { rows: p } = await store.db.executeQuery<{ detail: string }>({
      sql: `explain query plan ${query.sql}`, parameters: query.parameters, query: { kind: 'RawNode' } as never, queryId: { queryId: 'plan' } as never,
    });
    return p.map((r) => r.detail).join('\n');
  }
  return store.db.connection().execute(async (conn) => {
    await sql`set enable_seqscan = off`.execute(conn);
    if (noIndexScan) await sql`set enable_indexscan = off`.execute(conn);
    try {
      const { rows } = await conn.executeQuery<{ 'QUERY PLAN': string }>({
        sql: `explain ${query.sql}`, parameters: query.parameters, query: { kind: 'RawNode' } as never, queryId: { queryId: 'plan' } as never,
      });
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    } finally {
      await sql`reset enable_seqscan`.execute(conn);
      await sql`reset enable_indexscan`.execute(conn);
    }
  });
}

/** A full scan of the events table in a plan. */
function scansEvents(engine: string, p: string): boolean {
  return engine === 'sqlite' ? /\bSCAN (events|e)\b(?! USING)/.test(p) : /Seq Scan on events\b/.test(p);
}

const FILTERS: EventFilters[] = [
  {},
  { from: '2021-01-01', to: '2021-06-30' },
  { countries: ['Syria'] },
  { countries: ['irq', 'kenya'] },
  { eventTypes: ['Riots'] },
  { countries: ['MLI'], eventTypes: ['Battles'], from: '2020-01-01' },
  { q: 'shelling' },
  { q: 'protest', countries: ['Syria'] },
  { actor: 'police forces' },
  { q: 'xylophone' },
  { actor: 'Quiet Tiger' },
  { bbox: [36, 31, 40, 35] },
];

for (const engine of await engines()) {
  describe(`queries at scale on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
      await store.saveDocuments(makeDocs(120, 7));
      // Rare texts: the trigram index finds them; common ones are read in date order.
      await store.saveDocuments([{ id: 'rare', text: 'Rare', events: [syntheticEvent({ event_id: 'rare1', doc_id: 'rare', notes: 'A xylophone factory burned.', actor1: 'Quiet Tiger Brigade' })] }]);
      await sql`analyze`.execute(store.db);
    });
    after(async () => {
      await store?.close();
      await engine.cleanup();
    });

    test('every filter of /api/events is served by an index, page order included', async () => {
      for (const f of FILTERS) {
        const cap = capture(store);
        try {
          await store.queryEvents(f, { limit: 20 });
        } finally {
          cap.restore();
        }
        const main = cap.queries.find((q) => /from "events"/.test(q.sql) && /order by/i.test(q.sql));
        assert.ok(main, JSON.stringify(f));
        const p = await plan(store, main);
        assert.ok(!scansEvents(engine.name, p), `${JSON.stringify(f)} scans events:\n${p}`);
        if (engine.name === 'sqlite' && (f.q === 'xylophone' || f.actor === 'Quiet Tiger')) assert.match(p, /events_fts VIRTUAL TABLE INDEX/, JSON.stringify(f));
        // A tiny table is read faster along the date index; without it, the trigram index must serve
        // `q`, and the array index of actor names (the names matched first in their own table) `actor`.
        if (engine.name === 'postgres' && f.q && !f.countries) assert.match(await plan(store, main, true), /events_q_trgm/, JSON.stringify(f));
        if (engine.name === 'postgres' && f.actor) {
          const p2 = await plan(store, main, true);
          assert.match(p2, /events_actor_names/, JSON.stringify(f));
          assert.match(p2, /actor_names n/, JSON.stringify(f));
        }
        // One country or one type: read in page order from its index, no sort.
        if (engine.name === 'sqlite' && (f.countries?.length === 1 || f.eventTypes?.length === 1) && !f.q) {
          assert.doesNotMatch(p, /TEMP B-TREE FOR ORDER BY/, `${JSON.stringify(f)} sorts:\n${p}`);
        }
      }
    });

    test('stats under date, country and type filters read the count tables, never events', async () => {
      for (const f of FILTERS.filter((x) => !x.q && !x.actor && !x.bbox)) {
        const cap = capture(store);
        try {
          await store.stats(f);
        } finally {
          cap.restore();
        }
        assert.ok(cap.queries.length > 0);
        for (const q of cap.queries) {
          assert.doesNotMatch(q.sql, /from "events"/, `${JSON.stringify(f)}: ${q.sql}`);
          const p = await plan(store, q);
          assert.doesNotMatch(p, engine.name === 'sqlite' ? /\bevents\b(?!_text|_fts)/ : /on events\b/, p);
        }
      }
      // Text filters go through the index too, never a full scan.
      const cap = capture(store);
      try {
        await store.stats({ q: 'shelling' });
      } finally {
        cap.restore();
      }
      for (const q of cap.queries.filter((x) => /from "events"/.test(x.sql))) {
        const p = await plan(store, q);
        assert.ok(!scansEvents(engine.name, p), p);
      }
    });

    test('counts kept on write equal a scan, after updates and deletes', async () => {
      // Changed documents (new events replace old ones, some events move country or type), new ones.
      await store.saveDocuments(makeDocs(60, 99));
      await store.saveDocuments(makeDocs(30, 5, 'x'));
      for (const f of FILTERS) {
        const fast = await store.stats(f);
        const { resolveFilters } = await import('../../src/store/scale-queries.js');
        const slow = await store.scanStats(await resolveFilters(store.db, store.engine, f));
        assert.deepEqual(fast, slow, JSON.stringify(f));
      }
      const total = await store.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(await store.countEvents(), Number(total.n));
      const docs = await store.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      assert.equal(await store.countDocuments(), Number(docs.n));
    });

    test('a long text is looked up by its rarest trigrams, and finds what a substring search finds', { skip: engine.name !== 'sqlite' && 'SQLite only (the lookup it checks is SQLite\'s)' }, async () => {
      const { rarestTrigrams } = await import('../../src/store/scale-queries.js');
      // "Tiger Brigade" is in one event only, "police" and " of" in many: the three come from the rare part.
      const terms = await rarestTrigrams(store.db, 'Police of the Tiger Brigade');
      assert.equal(terms.length, 3);
      for (const t of terms) {
        assert.ok('police of the tiger brigade'.includes(t), t);
        const { rows } = await sql<{ n: number }>`select count(*) as n from events_fts where events_fts match ${`"${t}"`}`.execute(store.db);
        assert.ok(Number(rows[0]!.n) <= 1, `${t} (of ${terms.join('|')})`);
      }
      // From characters apart (overlapping trigrams hold nearly the same events): no two share a character.
      const at = terms.map((t) => 'police of the tiger brigade'.indexOf(t)).sort((a, b) => a - b);
      for (let i = 1; i < at.length; i++) assert.ok(at[i]! - at[i - 1]! >= 3, `${terms.join('|')} overlap`);
      assert.deepEqual(await rarestTrigrams(store.db, 'abcd'.slice(0, 3)), [], 'a short text is one phrase');
      const cap = capture(store);
      let page;
      try {
        page = await store.queryEvents({ actor: 'Quiet Tiger Brigade' }, { limit: 20 });
      } finally {
        cap.restore();
      }
      assert.deepEqual(page.events.map((e) => e.event_id), ['rare1']);
      const main = cap.queries.find((q) => /from "events"/.test(q.sql) && /order by/i.test(q.sql))!;
      const match = main.parameters.find((p) => typeof p === 'string' && p.startsWith('actors : ')) as string;
      assert.match(match, /^actors : \("[^"]{3}" AND "[^"]{3}" AND "[^"]{3}"\)$/);
      assert.match(await plan(store, main), /events_fts VIRTUAL TABLE INDEX/);
    });

    test('stats are answered from memory until any connection writes', async () => {
      const f: EventFilters = { countries: ['Syria'] };
      const first = await store.stats(f);
      const cap = capture(store);
      let again;
      try {
        again = await store.stats(f);
      } finally {
        cap.restore();
      }
      assert.deepEqual(again, first);
      // Only the change version was read.
      assert.equal(cap.queries.length, 1, cap.queries.map((q) => q.sql).join('\n'));
      assert.doesNotMatch(cap.queries[0]!.sql, /event_counts|from "events"/);
      // Another connection (another process, e.g. an ingest) writes: the next stats see it.
      const other = await engine.reopen();
      try {
        await other.saveDocuments([{ id: 'later', text: 'Later', events: [syntheticEvent({ event_id: 'later1', doc_id: 'later', country: 'Syria', iso3: 'SYR', fatalities: 7 })] }], { merge: false });
      } finally {
        await other.close();
      }
      const after1 = await store.stats(f);
      assert.equal(after1.total.count, first.total.count + 1);
      assert.equal(after1.total.fatalities, first.total.fatalities + 7);
      assert.equal(after1.documents, first.documents + 1);
      // This connection writes: seen too.
      await store.saveDocuments([{ id: 'later', text: 'Later, changed', events: [] }], { merge: false });
      const after2 = await store.stats(f);
      assert.deepEqual(after2, { ...first, documents: first.documents + 1 });
      // The answer is shared, so nobody can change it.
      assert.throws(() => { after2.by_country.length = 0; }, TypeError);
      assert.throws(() => { (after2.total as { count: number }).count = 0; }, TypeError);
      assert.deepEqual(await store.stats(f), { ...first, documents: first.documents + 1 });
    });

    test('text search through the index finds exactly the substring matches', async () => {
      const all = [];
      for await (const e of store.iterateEvents({}, { details: false })) all.push(e);
      const fields = (e: AcledEvent) => [e.notes, e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2, e.location, e.admin1, e.country];
      for (const q of ['shelling', 'SHELLING', '100%', '"quoted"', 'positions_x', 'ça va', 'Kenya (2013', 'ab', 'Syria: Shell', 'no such text']) {
        const want = all.filter((e) => fields(e).some((v) => (v ?? '').toLowerCase().includes(q.toLowerCase()))).map((e) => e.event_id).sort();
        const got = [];
        for await (const e of store.iterateEvents({ q }, { details: false })) got.push(e.event_id);
        if (q === 'ça va' && engine.name === 'sqlite') {
          // SQLite's LIKE folds ASCII only: 'Ç' and 'ç' differ, as before the index.
          assert.ok(got.length <= want.length);
          continue;
        }
        assert.deepEqual(got.sort(), want, q);
        // Counting reads every match through the trigram index (the rarest trigrams of a long text).
        if (q !== 'ça va' || engine.name !== 'sqlite') assert.equal(await store.countEvents({ q }), want.length, `count ${q}`);
        const wantActor = all.filter((e) => [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2].some((v) => (v ?? '').toLowerCase().includes(q.toLowerCase())));
        assert.equal(await store.countEvents({ actor: q }), wantActor.length, `actor ${q}`);
      }
    });

    test('an actor renamed by an update, or new in an insert, is found by its new name', async () => {
      await store.saveDocuments([{ id: 'renamed', text: 'Renamed', events: [syntheticEvent({ event_id: 'renamed1', doc_id: 'renamed', actor1: 'Amber Heron Company', assoc_actor_2: 'Copper Owl Unit' })] }], { merge: false });
      assert.deepEqual((await store.queryEvents({ actor: 'owl un' }, { limit: 20 })).events.map((e) => e.event_id), ['renamed1']);
      await sql`update events set actor2 = ${'Zephyr Lancers of Kenya'} where event_id = ${'renamed1'}`.execute(store.db);
      for (const actor of ['zephyr lancers', 'Lancers of Kenya', 'Amber Heron']) {
        assert.deepEqual((await store.queryEvents({ actor }, { limit: 20 })).events.map((e) => e.event_id), ['renamed1'], actor);
        assert.equal(await store.countEvents({ actor }), 1, actor);
      }
      // A name no longer stored finds nothing (its events are checked, not the names).
      await sql`update events set assoc_actor_2 = ${''} where event_id = ${'renamed1'}`.execute(store.db);
      assert.equal(await store.countEvents({ actor: 'Copper Owl' }), 0);
    });

    test('a box with few of the newest events is read from the coordinates index, not along the dates', { skip: engine.name !== 'postgres' && 'PostgreSQL only (the plan it checks is PostgreSQL\'s)' }, async () => {
      const cap = capture(store);
      let page;
      try {
        page = await store.queryEvents({ bbox: [100, -10, 110, 0] }, { limit: 20 });
      } finally {
        cap.restore();
      }
      assert.equal(page.events.length, 0);
      const main = cap.queries.find((q) => /from "events"/.test(q.sql) && /order by/i.test(q.sql))!;
      const p = await plan(store, main);
      assert.match(p, /events_lat_lon/, p);
      assert.doesNotMatch(p, /events_date_id/, p);
    });

    test('a country filter never matches a name of one pair stored with the code of another', async () => {
      await store.saveDocuments([{ id: 'cross', text: 'Cross', events: [
        syntheticEvent({ event_id: 'cross-ok-1', doc_id: 'cross', country: 'Uganda', iso3: 'UGA' }),
        syntheticEvent({ event_id: 'cross-ok-2', doc_id: 'cross', country: 'Kenya', iso3: 'KEN' }),
        // A stray pair: Kenya's name with Uganda's code (neither the name "Kenya" nor the code "UGA" is asked for below).
        syntheticEvent({ event_id: 'cross-bad', doc_id: 'cross', country: 'Kenya', iso3: 'UGA' }),
      ] }]);
      const ids = async (f: EventFilters) => (await store.queryEvents(f, { limit: 1000 })).events.map((e) => e.event_id).filter((id) => id.startsWith('cross'));
      assert.deepEqual((await ids({ countries: ['KEN', 'Uganda'] })).sort(), ['cross-ok-1', 'cross-ok-2']);
      assert.deepEqual((await ids({ countries: ['Kenya', 'UGA'] })).sort(), ['cross-bad', 'cross-ok-1', 'cross-ok-2']);
      assert.equal(await store.countEvents({ countries: ['KEN', 'Uganda'] }), (await store.queryEvents({ countries: ['KEN', 'Uganda'] }, { limit: 1000 })).events.length);
    });
  });
}

describe('concurrent writers keep the counts exact', async () => {
  // PostgreSQL: writers run at once (SQLite serialises them; its busy handling is another change).
  for (const engine of (await engines()).filter((e) => e.name === 'postgres')) {
    test(engine.name, { skip: engine.skip }, async () => {
      const a = await engine.open();
      const b = await engine.reopen();
      try {
        // Two writers replacing overlapping documents (same days, countries, types) at once.
        for (let round = 0; round < 3; round++) {
          await Promise.all([
            a.saveDocuments(makeDocs(40, 11 + round)),
            b.saveDocuments(makeDocs(40, 31 + round).reverse()),
          ]);
        }
        const { resolveFilters } = await import('../../src/store/scale-queries.js');
        for (const f of FILTERS.slice(0, 6)) {
          assert.deepEqual(await a.stats(f), await a.scanStats(await resolveFilters(a.db, a.engine, f)), JSON.stringify(f));
        }
      } finally {
        await a.close();
        await b.close();
        await engine.cleanup();
      }
    });
  }
});
