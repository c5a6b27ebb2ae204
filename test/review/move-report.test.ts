// Moving a report to another event and splitting it off into its own, through the HTTP API on
// SQLite and PostgreSQL: If-Match (428 without, 412 when stale), both events' fields chosen again
// from the reports they now hold, an audit row on each event, aliases, and the machine never
// merging the events an analyst separated.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AcledEvent } from '../../src/common/event.js';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import { engines } from '../store/engines.js';
import { syntheticEvent } from '../store/fixtures.js';

function doc(id: string, date: string, fatalities: number) {
  const events: AcledEvent[] = [syntheticEvent({ event_id: `${id}-e`, doc_id: id, fatalities, source: `Outlet ${id}` })];
  return { id, text: `Article ${id}`, date, title: `Doc ${id}`, source: `Outlet ${id}`, events };
}

for (const engine of await engines()) {
  describe(`moving reports between events on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    const app = () => createApp(store, { loopback: true });

    async function get(id: string) {
      const res = await app().request(`/api/events/${encodeURIComponent(id)}`);
      assert.equal(res.status, 200, `GET ${id}`);
      return { etag: res.headers.get('etag')!, body: await res.json() };
    }
    async function move(id: string, body: unknown, ifMatch?: string) {
      return app().request(`/api/events/${encodeURIComponent(id)}/move-report`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(ifMatch ? { 'if-match': ifMatch } : {}) },
        body: JSON.stringify(body),
      });
    }
    const reportIds = (e: { reports: { report_id: string }[] }) => e.reports.map((r) => r.report_id);

    before(async () => {
      store = await engine.open();
      // Three reports of one battle; the latest (c) says 50 were killed, the others 35.
      await store.saveDocuments([doc('a', '2022-01-21', 35)]);
      await store.saveDocuments([doc('b', '2022-01-22', 35)]);
      await store.saveDocuments([doc('c', '2022-01-23', 50)]);
    });

    after(async () => {
      await store?.close();
      await engine.cleanup();
    });

    test('the three reports are one event, 50 killed (the latest total)', async () => {
      const { body } = await get('a-e');
      assert.deepEqual(reportIds(body), ['a-e', 'b-e', 'c-e']);
      assert.equal(body.fatalities, 50);
      assert.deepEqual(body.aliases, ['b-e', 'c-e']);
    });

    test('If-Match: 428 without, 412 when stale; unknown reports and events are 404', async () => {
      const { etag } = await get('a-e');
      assert.equal((await move('a-e', { report_id: 'c-e' })).status, 428);
      const stale = await move('a-e', { report_id: 'c-e' }, '"r9-0123456789abcdef"');
      assert.equal(stale.status, 412);
      assert.match(stale.headers.get('content-type') ?? '', /problem\+json/);
      assert.equal((await move('a-e', { report_id: 'nope' }, etag)).status, 404);
      assert.equal((await move('a-e', { report_id: 'c-e', to: 'nowhere' }, etag)).status, 404);
      assert.equal((await move('a-e', { report_id: 'c-e', to: 'a-e' }, etag)).status, 400);
      assert.equal((await move('a-e', { report_id: 'c-e', colour: 'red' }, etag)).status, 400);
      assert.deepEqual(reportIds((await get('a-e')).body), ['a-e', 'b-e', 'c-e'], 'nothing moved');
    });

    test('a report split off becomes an event of its own; both events are chosen again and audited', async () => {
      const { etag } = await get('a-e');
      const res = await move('a-e', { report_id: 'c-e', reason: 'c reports <b>another</b> clash' }, etag);
      assert.equal(res.status, 200, await res.clone().text());
      const out = await res.json();
      assert.equal(out.split, true);
      assert.equal(out.to, 'c-e', 'the report keeps its own id');
      assert.equal(res.headers.get('etag'), out.etag);
      assert.notEqual(out.etag, etag);
      const source = (await get('a-e')).body;
      assert.deepEqual(reportIds(source), ['a-e', 'b-e']);
      assert.equal(source.fatalities, 35, 'the toll of the reports it still holds');
      assert.deepEqual(source.aliases, ['b-e']);
      assert.equal(source.review_status, 'edited');
      assert.deepEqual(source.documents.map((d: { id: string }) => d.id), ['a', 'b']);
      const split = (await get('c-e')).body;
      assert.equal(split.event_id, 'c-e', 'the id names the new event, not the old one');
      assert.deepEqual(reportIds(split), ['c-e']);
      assert.equal(split.fatalities, 50);
      assert.equal(split.review_status, 'edited');
      assert.equal(split.reports[0].evidence.actor1[0].text, 'ISIS', 'the report keeps its evidence');

      const history = (await (await app().request('/api/events/a-e/history')).json()).history;
      const reports = history.find((h: { field: string }) => h.field === 'reports');
      assert.deepEqual([reports.action, reports.before, reports.after, reports.user, reports.reason], ['split', 'a-e; b-e; c-e', 'a-e; b-e', 'local', 'c reports <b>another</b> clash']);
      const tolls = history.find((h: { field: string }) => h.field === 'fatalities');
      assert.deepEqual([tolls.before, tolls.after], [50, 35]);
      const other = (await (await app().request('/api/events/c-e/history')).json()).history;
      assert.deepEqual(other.map((h: { field: string; after: unknown }) => [h.field, h.after]), [['reports', 'c-e']]);

      // A move is moved back, not reverted.
      const revert = await app().request('/api/events/a-e/revert', {
        method: 'POST', headers: { 'content-type': 'application/json', 'if-match': (await get('a-e')).etag },
        body: JSON.stringify({ audit_id: reports.id }),
      });
      assert.equal(revert.status, 400);
    });

    test('a report moves to another event; an analyst\'s field stays as set', async () => {
      // The analyst sets the split event's place; moving b there keeps it.
      let target = await get('c-e');
      const patch = await app().request('/api/events/c-e', {
        method: 'PATCH', headers: { 'content-type': 'application/json', 'if-match': target.etag },
        body: JSON.stringify({ location: 'Ghweran' }),
      });
      assert.equal(patch.status, 200, await patch.clone().text());
      const { etag } = await get('a-e');
      const res = await move('a-e', { report_id: 'b-e', to: 'c-e' }, etag);
      assert.equal(res.status, 200, await res.clone().text());
      const out = await res.json();
      assert.equal(out.split, false);
      assert.deepEqual(reportIds(out.event), ['a-e']);
      assert.deepEqual(reportIds(out.target), ['b-e', 'c-e']);
      target = await get('c-e');
      assert.equal(out.to_etag, target.etag);
      assert.equal(target.body.location, 'Ghweran', 'the field the analyst set');
      assert.equal(target.body.fatalities, 50, 'the latest total of its reports');
      assert.equal(target.body.source_count ?? target.body.sources, 2);
      assert.deepEqual((await get('b-e')).body.event_id, 'c-e', 'the moved report\'s id follows it');
      // The event's only report stays with it.
      assert.equal((await move('a-e', { report_id: 'a-e', to: 'c-e' }, (await get('a-e')).etag)).status, 400);
    });

    test('the machine never merges the events an analyst separated', async () => {
      await store.saveDocuments([doc('d', '2022-01-24', 35)]);
      assert.deepEqual(reportIds((await get('a-e')).body), ['a-e']);
      assert.deepEqual(reportIds((await get('c-e')).body), ['b-e', 'c-e']);
      assert.deepEqual(reportIds((await get('d-e')).body), ['d-e']);
    });
  });
}
