// Issue 18: DNS rebinding and cross-site writes are refused (a real listening server, raw headers),
// and NUL or invalid characters in a path or cursor are a 400 on both engines, never a 500.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Doc } from '../../src/common/doc.js';
import type { Extractor } from '../../src/pipeline/index.js';
import { createApp } from '../../src/server/app.js';
import { hostName, hostPolicy } from '../../src/server/origin.js';
import { encodeCursor, type Store } from '../../src/store/index.js';
import { engines, sqliteEngine, type EngineUnderTest } from '../store/engines.js';
import { syntheticEvent } from '../store/fixtures.js';

const fakeExtractor: Pick<Extractor, 'extract'> = {
  extract(source) {
    const id = source.id ?? 'noid';
    return { doc: new Doc(id, source.text), events: [syntheticEvent({ event_id: `${id}-e`, doc_id: id })] };
  },
};

interface Reply {
  status: number;
  body: string;
}

/** One raw HTTP request with exactly these headers (Host included). */
function raw(port: number, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, setHost: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('Host and Origin guard (loopback, no token)', () => {
  const engine = sqliteEngine();
  let store: Store;
  let server: ServerType;
  let port: number;
  const doc = (id: string) => JSON.stringify({ id, text: 'Clashes in Hasakah.' });
  const json = { 'content-type': 'application/json' };

  before(async () => {
    store = await engine.open();
    const app = createApp(store, { loopback: true, extractor: fakeExtractor, hosts: hostPolicy('127.0.0.1') });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    await store.close();
    await engine.cleanup();
  });

  test('a rebound name (Host: attacker.example) cannot write, nor read', async () => {
    const w = await raw(port, 'POST', '/api/documents', { ...json, host: 'attacker.example', origin: 'http://attacker.example' }, doc('r1'));
    assert.equal(w.status, 403);
    assert.match(w.body, /unexpected Host/);
    const w2 = await raw(port, 'POST', '/api/documents', { ...json, host: `attacker.example:${port}` }, doc('r2'));
    assert.equal(w2.status, 403);
    assert.equal((await raw(port, 'GET', '/api/stats', { host: 'attacker.example' })).status, 403);
    // An absolute request target names the host too.
    assert.equal((await raw(port, 'POST', 'http://attacker.example/api/documents', { ...json, host: `127.0.0.1:${port}` }, doc('r3'))).status, 403);
    assert.equal(await store.countDocuments(), 0);
  });

  test('a foreign Origin or a cross-site fetch cannot write, even with the right Host', async () => {
    const host = `127.0.0.1:${port}`;
    for (const headers of [
      { origin: 'http://attacker.example' },
      { origin: `http://localhost:${port}` }, // another origin than the one the request names
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]) {
      const r = await raw(port, 'POST', '/api/documents', { ...json, host, ...headers }, doc('x1'));
      assert.equal(r.status, 403, JSON.stringify(headers));
      assert.match(r.body, /cross-(origin|site) write refused/);
    }
    assert.equal(await store.countDocuments(), 0);
  });

  test('the dashboard (same origin) and non-browser clients still write; reads from any origin with a good Host', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const same = await raw(port, 'POST', '/api/documents', { ...json, host, origin: `http://${host}`, 'sec-fetch-site': 'same-origin' }, doc(`ok-${host}`));
      assert.equal(same.status, 200, `${host}: ${same.body}`);
    }
    const curl = await raw(port, 'POST', '/api/documents', { ...json, host: `localhost:${port}` }, doc('curl'));
    assert.equal(curl.status, 200, curl.body);
    const read = await raw(port, 'GET', '/api/events?limit=1', { host: `localhost:${port}`, origin: 'http://elsewhere.example' });
    assert.equal(read.status, 200);
    assert.equal(await store.countDocuments(), 4);
  });
});

describe('hostPolicy', () => {
  test('loopback names on loopback; the --host name besides; any host on a wildcard address', () => {
    assert.deepEqual([...hostPolicy('127.0.0.1').hosts!].sort(), ['127.0.0.1', '::1', '[::1]', 'localhost'].sort());
    assert.ok(hostPolicy('sitrep.lan').hosts!.has('sitrep.lan'));
    assert.ok(!hostPolicy('sitrep.lan').hosts!.has('attacker.example'));
    assert.equal(hostPolicy('0.0.0.0').hosts, undefined);
    assert.ok(hostPolicy('0.0.0.0', ['data.example.org']).hosts!.has('data.example.org'));
    assert.ok(hostPolicy('::1').hosts!.has('[::1]'));
    assert.equal(hostName('LocalHost:8080'), 'localhost');
    assert.equal(hostName('evil.example\u0000.localhost'), undefined);
  });
});

describe('NUL and invalid characters in paths and cursors: 400, not 500', async () => {
  const all: EngineUnderTest[] = await engines();
  for (const engine of all) {
    describe(engine.name, { skip: engine.skip }, () => {
      let store: Store;
      before(async () => {
        store = await engine.open();
        await store.saveDocuments([{ id: 'd1', text: 'Article', events: [syntheticEvent({ event_id: 'e1', doc_id: 'd1' })] }]);
      });
      after(async () => {
        await store?.close();
        await engine.cleanup();
      });

      test('ids and cursors', async () => {
        const app = createApp(store, { loopback: true });
        for (const path of [
          '/api/events/%00', '/api/events/a%00b', '/api/documents/%00', '/api/documents/d%01', '/api/events/%ED%A0%80',
          `/api/events?cursor=${encodeCursor('2022-01-01\u0000', 'x')}`, `/api/events?cursor=${encodeCursor('2022-01-01', '\u0000')}`,
          `/api/events?cursor=${encodeCursor('2022-01-01', '\uD800')}`, '/api/events?cursor=%00', '/api/events?q=%00',
          '/api/events?country=Syria%00', '/api/stats?actor=%00', '/api/events.csv?q=a%00',
        ]) {
          const res = await app.request(path);
          const body = await res.json() as { detail: string };
          assert.ok(res.status === 400 || res.status === 404, `${path}: ${res.status} ${body.detail}`);
          assert.notEqual(body.detail, 'internal error', path);
        }
        const bad = await app.request('/api/events/%00');
        assert.equal(bad.status, 400);
        assert.match(((await bad.json()) as { detail: string }).detail, /^id: contains control characters/);
        assert.equal((await app.request('/api/events/e1')).status, 200);
      });
    });
  }
});
