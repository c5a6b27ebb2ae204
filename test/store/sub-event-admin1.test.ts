// Filters by sub-event type and first-level division (admin1): parsed once for the CLI and the API,
// applied by both engines, accepted by GET /api/events and `sitrep export`, refused with the
// parameter's name when the value is no ACLED sub-event type.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { API_FILTER_NAMES, FilterError, parseEventFilters } from '../../src/store/filters.js';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import { finished, startCli } from './cli-helpers.js';
import { engines } from './engines.js';
import { syntheticEvent } from './fixtures.js';

// Before any test is registered: with --test-force-exit the run would end after the first test.
const underTest = await engines();

test('sub-event types match ACLED\'s spelling loosely; admin1 is a list of names', () => {
  assert.deepEqual(parseEventFilters({ subEventType: 'air / drone strike, armed_clash' }).subEventTypes, ['Air/drone strike', 'Armed clash']);
  assert.deepEqual(parseEventFilters({ admin1: ' Idlib ,Aleppo' }).admin1, ['Idlib', 'Aleppo']);
  assert.throws(() => parseEventFilters({ subEventType: 'Skirmish' }, API_FILTER_NAMES),
    (e: unknown) => e instanceof FilterError && e.parameter === 'sub_event_type' && /not an ACLED sub-event type/.test(e.message));
  assert.throws(() => parseEventFilters({ admin1: ' , ' }), /--admin1: is empty/);
});

const events = [
  syntheticEvent({ event_id: 'a', doc_id: 'd1', sub_event_type: 'Armed clash', admin1: 'Al-Hasakeh' }),
  syntheticEvent({ event_id: 'b', doc_id: 'd1', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', admin1: 'Idlib' }),
  syntheticEvent({ event_id: 'c', doc_id: 'd1', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', admin1: 'Aleppo' }),
];

for (const engine of underTest) {
  describe(`sub-event type and admin1 filters on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    before(async () => {
      store = await engine.open();
      await store.saveDocuments([{ id: 'd1', text: 'Article', events }], { merge: false });
    });
    after(async () => {
      await store?.close();
      await engine.cleanup();
    });
    const ids = async (raw: Parameters<typeof parseEventFilters>[0]) =>
      (await store.queryEvents(parseEventFilters(raw, API_FILTER_NAMES), { limit: 10 })).events.map((e) => e.event_id).sort();

    test('the store applies them', async () => {
      assert.deepEqual(await ids({ subEventType: 'Air/drone strike' }), ['b']);
      assert.deepEqual(await ids({ subEventType: 'Air/drone strike,Armed clash' }), ['a', 'b']);
      assert.deepEqual(await ids({ admin1: 'idlib,ALEPPO' }), ['b', 'c']);
      assert.deepEqual(await ids({ admin1: 'Idlib', subEventType: 'Armed clash' }), []);
      assert.deepEqual(await ids({ admin1: 'Idli' }), [], 'a name, not a substring');
      const stats = await store.stats(parseEventFilters({ admin1: 'Aleppo' }, API_FILTER_NAMES));
      assert.equal(stats.total.count, 1, 'stats honour the filter (not answered from the count tables)');
    });

    test('the API takes them; a bad value names its parameter', async () => {
      const app = createApp(store, { loopback: true });
      const body = await (await app.request('/api/events?sub_event_type=shelling%2Fartillery%2Fmissile%20attack')).json() as { events: { event_id: string }[] };
      assert.deepEqual(body.events.map((e) => e.event_id), ['c']);
      const geo = await (await app.request('/api/events.geojson?admin1=Idlib')).json() as { features: { id: string }[] };
      assert.deepEqual(geo.features.map((f) => f.id), ['b']);
      const res = await app.request('/api/events?sub_event_type=Skirmish');
      assert.equal(res.status, 400);
      assert.match(await res.text(), /sub_event_type/);
    });

    test('sitrep export --sub-event-type --admin1', async () => {
      const { db, env } = engine.target();
      await store.close();
      try {
        const r = await finished(startCli(['export', '--format', 'jsonl', '--db', db, '--sub-event-type', 'Armed clash,Air/drone strike', '--admin1', 'Idlib'], env));
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { event_id: string }).event_id), ['b']);
        const bad = await finished(startCli(['export', '--format', 'jsonl', '--db', db, '--sub-event-type', 'Skirmish'], env));
        assert.notEqual(bad.code, 0);
        assert.match(bad.stderr, /--sub-event-type/);
      } finally {
        store = await engine.reopen();
      }
    });
  });
}
