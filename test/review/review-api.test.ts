// Analyst review through the HTTP API on SQLite and PostgreSQL: roles (401 without a token, 403 for
// a viewer's write), sessions with CSRF, If-Match (428 without, 412 when stale, with what changed),
// ACLED's hierarchy, the audit row of every change, revert, reject, and corrections that survive
// re-ingest of a changed document and a re-extraction run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../src/common/doc.js';
import type { AcledEvent } from '../../src/common/event.js';
import type { Extractor } from '../../src/pipeline/index.js';
import { reextractStore } from '../../src/review/reextract.js';
import { addUser } from '../../src/review/users.js';
import { createApp } from '../../src/server/app.js';
import type { Store } from '../../src/store/index.js';
import { engines } from '../store/engines.js';
import { syntheticEvent } from '../store/fixtures.js';

function doc(id: string, text: string, events: AcledEvent[]) {
  return { id, text, date: '2022-01-24', title: `Doc ${id}`, events };
}

/** An extractor that finds the event again, with its own (different) fatalities. */
function extractorSaying(fatalities: number): Pick<Extractor, 'extract'> {
  return {
    extract(source) {
      const id = source.id!;
      return { doc: new Doc(id, source.text), events: [syntheticEvent({ event_id: `${id}-e`, doc_id: id, fatalities })] };
    },
  };
}

for (const engine of await engines()) {
  describe(`review API on ${engine.name}`, { skip: engine.skip }, () => {
    let store: Store;
    let tokens: Record<string, string>;
    const app = (o: { loopback?: boolean } = {}) => createApp(store, { loopback: o.loopback ?? true });
    const bearer = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

    async function etag(id: string, headers: Record<string, string> = bearer('editor')): Promise<string> {
      const res = await app().request(`/api/events/${id}`, { headers });
      assert.equal(res.status, 200);
      return res.headers.get('etag')!;
    }

    async function patch(id: string, body: unknown, headers: Record<string, string>) {
      return app().request(`/api/events/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    }

    before(async () => {
      store = await engine.open();
      await store.saveDocuments([
        doc('d1', 'Article one', [syntheticEvent({ event_id: 'd1-e', doc_id: 'd1', fatalities: 35 })]),
        doc('d2', 'Article two', [syntheticEvent({ event_id: 'd2-e', doc_id: 'd2', event_date: '2022-02-01' })]),
        doc('d3', 'Article three', [syntheticEvent({ event_id: 'd3-e', doc_id: 'd3', event_date: '2022-03-01' })]),
      ]);
    });

    after(async () => {
      await store?.close();
      await engine.cleanup();
    });

    test('without users, today\'s rules: loopback writes as "local", none beyond loopback', async () => {
      const tag = await etag('d3-e', {});
      const res = await patch('d3-e', { fatalities: 3 }, { 'if-match': tag });
      assert.equal(res.status, 200, await res.clone().text());
      const body = await res.json();
      assert.equal(body.changes[0].user, 'local');
      assert.equal(body.review_status, 'edited');
      const away = await createApp(store, { loopback: false }).request('/api/events/d3-e', {
        method: 'PATCH', headers: { 'content-type': 'application/json', 'if-match': body.etag }, body: '{"fatalities":4}',
      });
      assert.equal(away.status, 403);
    });

    test('users: no token 401, a wrong token 401, a viewer reads but cannot write (403)', async () => {
      tokens = {};
      for (const role of ['viewer', 'editor', 'admin'] as const) tokens[role] = (await addUser(store, `the-${role}`, role)).token;
      assert.equal((await app().request('/api/events')).status, 401);
      assert.equal((await patch('d1-e', { fatalities: 1 }, { 'if-match': '*' })).status, 401);
      assert.equal((await app().request('/api/events', { headers: { authorization: 'Bearer sitrep_0000000000000000_' + 'x'.repeat(43) } })).status, 401);
      assert.equal((await app().request('/api/events', { headers: bearer('viewer') })).status, 200);
      const tag = await etag('d1-e', bearer('viewer'));
      const res = await patch('d1-e', { fatalities: 1 }, { ...bearer('viewer'), 'if-match': tag });
      assert.equal(res.status, 403);
      assert.equal((await app().request('/api/users', { headers: bearer('editor') })).status, 403);
      const users = await (await app().request('/api/users', { headers: bearer('admin') })).json();
      assert.deepEqual(users.users.map((u: { name: string }) => u.name), ['the-admin', 'the-editor', 'the-viewer']);
      // The token itself is nowhere in the store.
      const rows = await store.db.selectFrom('users').selectAll().execute();
      assert.ok(rows.every((r) => !Object.values(r).some((v) => String(v).includes(tokens.editor!.slice(24)))));
    });

    test('an edit needs If-Match (428), writes every changed field to the audit, and a stale ETag gets 412 with the changes', async () => {
      const tag = await etag('d1-e');
      assert.equal((await patch('d1-e', { fatalities: 30 }, bearer('editor'))).status, 428);
      const res = await patch('d1-e', { fatalities: 30, actor2: 'Military Forces of Syria (2000-)', inter2: 1, reason: 'SDF figure only' }, { ...bearer('editor'), 'if-match': tag });
      assert.equal(res.status, 200, await res.clone().text());
      const body = await res.json();
      assert.notEqual(body.etag, tag);
      assert.equal(res.headers.get('etag'), body.etag);
      assert.equal(body.event.fatalities, 30);
      assert.equal(body.event.interaction, 12);
      assert.equal(body.event.review_status, 'edited');
      const fields = body.changes.map((c: { field: string }) => c.field).sort();
      assert.deepEqual(fields, ['actor2', 'fatalities', 'inter2', 'interaction']);
      for (const c of body.changes) {
        assert.equal(c.user, 'the-editor');
        assert.equal(c.reason, 'SDF figure only');
      }
      assert.deepEqual(body.changes.find((c: { field: string }) => c.field === 'fatalities'), {
        ...body.changes.find((c: { field: string }) => c.field === 'fatalities'), before: 35, after: 30,
      });
      // Someone else's write with the old ETag.
      const stale = await patch('d1-e', { fatalities: 29 }, { ...bearer('admin'), 'if-match': tag });
      assert.equal(stale.status, 412);
      assert.match(stale.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const s = await stale.json();
      assert.deepEqual([s.status, s.title, s.parameter], [412, 'Precondition Failed', 'If-Match']);
      assert.equal(s.etag, body.etag);
      assert.ok(s.changes.some((c: { field: string; after: unknown }) => c.field === 'fatalities' && c.after === 30));
      const history = await (await app().request('/api/events/d1-e/history', { headers: bearer('viewer') })).json();
      assert.equal(history.history.length, 4);
    });

    test('ACLED\'s hierarchy: a sub-event type outside its event type is refused; a sub-event type alone brings its type', async () => {
      let tag = await etag('d2-e');
      const bad = await patch('d2-e', { event_type: 'Protests' }, { ...bearer('editor'), 'if-match': tag });
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const problem = await bad.json();
      assert.equal(problem.parameter, 'sub_event_type');
      assert.match(problem.detail, /not a sub-event type of Protests/);
      assert.equal((await patch('d2-e', { inter1: 9 }, { ...bearer('editor'), 'if-match': tag })).status, 400);
      assert.equal((await patch('d2-e', { event_date: '2022-02-30' }, { ...bearer('editor'), 'if-match': tag })).status, 400);
      assert.equal((await patch('d2-e', { colour: 'red' }, { ...bearer('editor'), 'if-match': tag })).status, 400);
      const ok = await patch('d2-e', { sub_event_type: 'Peaceful protest', event_date: '2022-02-02', time_precision: 2 }, { ...bearer('editor'), 'if-match': tag });
      assert.equal(ok.status, 200);
      const e = (await ok.json()).event;
      assert.equal(e.event_type, 'Protests');
      assert.equal(e.event_date, '2022-02-02');
      tag = await etag('d2-e');
      const places = await (await app().request('/api/places?q=aleppo', { headers: bearer('viewer') })).json();
      assert.ok(places.places.length > 0);
      const aleppo = places.places[0];
      const moved = await patch('d2-e', { place_id: aleppo.id }, { ...bearer('editor'), 'if-match': tag });
      assert.equal(moved.status, 200);
      const m = (await moved.json()).event;
      assert.equal(m.location, aleppo.location);
      assert.equal(m.country, 'Syria');
      assert.equal(m.geo_precision, aleppo.geo_precision);
      assert.equal(m.admin1, aleppo.admin1);
    });

    test('revert puts every field of a change back, as a change of its own', async () => {
      const history = (await (await app().request('/api/events/d1-e/history', { headers: bearer('viewer') })).json()).history;
      const first = history[0];
      const res = await app().request('/api/events/d1-e/revert', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'if-match': await etag('d1-e'), ...bearer('editor') },
        body: JSON.stringify({ audit_id: first.id, reason: 'wrong row' }),
      });
      assert.equal(res.status, 200, await res.clone().text());
      const body = await res.json();
      assert.equal(body.event.fatalities, 35);
      assert.equal(body.event.actor2, 'QSD: Syrian Democratic Forces');
      assert.equal(body.event.interaction, 22);
      assert.equal(body.review_status, 'unreviewed');
      assert.ok(body.changes.every((c: { action: string; reverts: number }) => c.action === 'revert' && c.reverts === first.id));
    });

    test('sessions: a cookie (HttpOnly, SameSite=Strict) and a CSRF token every write needs', async () => {
      const res = await app().request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: tokens.editor }) });
      assert.equal(res.status, 200);
      const cookie = res.headers.get('set-cookie')!;
      assert.match(cookie, /HttpOnly/i);
      assert.match(cookie, /SameSite=Strict/i);
      assert.doesNotMatch(cookie, /Secure/); // loopback
      const { csrf } = await res.json();
      const jar = { cookie: cookie.split(';')[0]! };
      const session = await (await app().request('/api/session', { headers: jar })).json();
      assert.deepEqual(session.user, { name: 'the-editor', role: 'editor' });
      const tag = await etag('d1-e', jar);
      assert.equal((await patch('d1-e', { review_status: 'confirmed' }, { ...jar, 'if-match': tag })).status, 403);
      const ok = await patch('d1-e', { review_status: 'confirmed' }, { ...jar, 'if-match': tag, 'x-csrf-token': csrf });
      assert.equal(ok.status, 200);
      assert.equal((await ok.json()).review_status, 'confirmed');
      const bad = await app().request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"token":"nope"}' });
      assert.equal(bad.status, 401);
    });

    test('reject: the status filter and the CSV\'s last column', async () => {
      const tag = await etag('d3-e');
      const res = await patch('d3-e', { review_status: 'rejected', reason: 'not an event: an anniversary' }, { ...bearer('editor'), 'if-match': tag });
      assert.equal(res.status, 200);
      const rejected = await (await app().request('/api/events?review_status=rejected', { headers: bearer('viewer') })).json();
      assert.deepEqual(rejected.events.map((e: { event_id: string }) => e.event_id), ['d3-e']);
      assert.equal((await app().request('/api/events?review_status=nope', { headers: bearer('viewer') })).status, 400);
      const csv = await (await app().request('/api/events.csv', { headers: bearer('viewer') })).text();
      const [header, ...lines] = csv.trim().split('\n');
      assert.match(header!, /,review_status$/);
      assert.ok(lines.some((l) => l.endsWith(',rejected')));
      assert.ok(lines.some((l) => l.endsWith(',confirmed')));
    });

    test('corrections survive re-ingest of a changed document and a re-extraction run, which reports the disagreement', async () => {
      // An analyst's edit of d2-e is on record (protest, Aleppo); d1-e is confirmed; d3-e rejected.
      const before2 = (await store.getEvent('d2-e'))!;
      await store.saveDocuments([
        doc('d2', 'Article two, updated', [syntheticEvent({ event_id: 'd2-e', doc_id: 'd2', fatalities: 99 })]),
        doc('d3', 'Article three, updated', [syntheticEvent({ event_id: 'd3-e-new', doc_id: 'd3' })]),
      ]);
      const after2 = (await store.getEvent('d2-e'))!;
      for (const f of ['event_type', 'sub_event_type', 'event_date', 'location', 'fatalities', 'review_status'] as const) {
        assert.equal(after2[f], before2[f], f);
      }
      const rejected = (await store.getEvent('d3-e'))!;
      assert.equal(rejected.review_status, 'rejected');

      const result = await reextractStore(store, extractorSaying(7));
      assert.equal((await store.getEvent('d1-e'))!.fatalities, 35);
      assert.equal((await store.getEvent('d2-e'))!.sub_event_type, 'Peaceful protest');
      const d1 = result.disagreements.filter((d) => d.event_id === 'd1-e');
      assert.deepEqual(d1.map((d) => [d.field, d.reviewer, d.reviewed, d.sitrep]), [['fatalities', 'confirmed', 35, 7]]);
      assert.ok(result.disagreements.some((d) => d.event_id === 'd2-e' && d.field === 'sub_event_type' && d.reviewer === 'edited'));
      assert.equal((await store.getEvent('d3-e'))!.review_status, 'rejected');
      // The audit trail is untouched by machine writes.
      const rows = await store.db.selectFrom('audit_log').select('user_name').execute();
      assert.ok(rows.every((r) => r.user_name !== ''));
    });
  });
}
