// Issue 18, a server that stays responsive: exports yield to other requests between chunks,
// POSTed documents are extracted in a worker thread behind a bounded queue (503 + Retry-After when
// full), and bodies over the limit get a 413, chunked or not, never a connection reset.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from '../../src/server/app.js';
import { boundedQueue, workerQueue, type ExtractJobResult } from '../../src/server/extract-pool.js';
import { textStream } from '../../src/server/stream.js';
import { signature } from '../../src/store/minhash.js';
import type { Store } from '../../src/store/index.js';
import { sqliteEngine } from '../store/engines.js';
import { syntheticEvent } from '../store/fixtures.js';

const engine = sqliteEngine();
let store: Store;
before(async () => {
  store = await engine.open();
  const docs = Array.from({ length: 20 }, (_, d) => ({
    id: `d${d}`,
    text: `Article ${d}`,
    events: Array.from({ length: 50 }, (_, i) => syntheticEvent({ event_id: `d${d}e${i}`, doc_id: `d${d}`, event_date: `2021-0${1 + (i % 9)}-1${d % 10}` })),
  }));
  await store.saveDocuments(docs, { merge: false }); // synthetic events alike: one event per report
});
after(async () => {
  await store.close();
  await engine.cleanup();
});

function listen(app: ReturnType<typeof createApp>): Promise<{ server: ServerType; port: number }> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  return new Promise((resolve) => server.once('listening', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

describe('streamed exports', () => {
  test('the stream yields to the event loop before every chunk', async () => {
    async function* chunks() {
      for (let i = 0; i < 5; i++) yield `chunk ${i}\n`; // ready at once, like synchronous SQLite reads
    }
    const order: string[] = [];
    const timer = setImmediate(() => order.push('other request'));
    const reader = textStream(chunks()).getReader();
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
      order.push('chunk');
    }
    clearImmediate(timer);
    assert.equal(order.indexOf('other request'), 0, order.join(', '));
  });

  test('GET /api/events?limit=1 is answered while a GeoJSON export streams', async () => {
    const { server, port } = await listen(createApp(store, { loopback: true }));
    try {
      let exportDone = 0;
      const exporting = fetch(`http://127.0.0.1:${port}/api/events.geojson`).then(async (r) => {
        const fc = (await r.json()) as { features: unknown[] };
        exportDone = performance.now();
        return fc.features.length;
      });
      await new Promise((r) => setTimeout(r, 5));
      const answered: number[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await fetch(`http://127.0.0.1:${port}/api/events?limit=1`);
        assert.equal(r.status, 200);
        await r.json();
        answered.push(performance.now());
      }
      assert.equal(await exporting, 1000);
      // The first small answer came before the whole export had been sent.
      assert.ok(answered[0]! < exportDone, `limit=1 answered at ${answered[0]}, export done at ${exportDone}`);
    } finally {
      server.close();
    }
  });
});

describe('POST /api/documents: extraction off the event loop, bounded queue', () => {
  const post = (app: ReturnType<typeof createApp>, body: unknown, query = '') =>
    app.request(`/api/documents${query}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  test('a full queue answers 503 with Retry-After at once; queued requests complete', async () => {
    const gates: (() => void)[] = [];
    const queue = boundedQueue(async (docs) => {
      await new Promise<void>((r) => gates.push(r));
      return docs.map((): ExtractJobResult => ({ events: [] }));
    }, { concurrency: 1, maxWaiting: 1 });
    const app = createApp(store, { loopback: true, extractionQueue: queue });
    const first = post(app, { id: 'q1', text: 'One.' }, '?dry_run=1');
    const second = post(app, { id: 'q2', text: 'Two.' }, '?dry_run=1');
    await new Promise((r) => setTimeout(r, 20));
    const third = await post(app, { id: 'q3', text: 'Three.' }, '?dry_run=1');
    assert.equal(third.status, 503);
    assert.match(third.headers.get('retry-after') ?? '', /^\d+$/);
    assert.match(((await third.json()) as { detail: string }).detail, /busy/);
    while (gates.length < 1) await new Promise((r) => setTimeout(r, 5));
    gates.shift()!();
    assert.equal((await first).status, 200);
    while (gates.length < 1) await new Promise((r) => setTimeout(r, 5));
    gates.shift()!();
    assert.equal((await second).status, 200);
  });

  test('the real pipeline runs in a worker thread: the event loop keeps ticking during a large extraction', async () => {
    const queue = workerQueue();
    try {
      const app = createApp(store, { loopback: true, extractionQueue: queue });
      const sentence = 'On Monday, gunmen killed three civilians in Kabul, Afghanistan, police said. ';
      // Warm the worker (it loads the gazetteer once).
      assert.equal((await post(app, { id: 'w0', text: sentence, date: '2022-01-24' }, '?dry_run=1')).status, 200);
      let last = performance.now();
      let longest = 0;
      const ticker = setInterval(() => {
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
      }, 5);
      const t0 = performance.now();
      const res = await post(app, { id: 'w1', text: sentence.repeat(3000), date: '2022-01-24' }, '?dry_run=1');
      const took = performance.now() - t0;
      clearInterval(ticker);
      assert.equal(res.status, 200);
      const body = (await res.json()) as { documents: { events: { country: string }[] }[] };
      assert.ok(body.documents[0]!.events.some((e) => e.country === 'Afghanistan'));
      assert.ok(longest < Math.max(150, took / 3), `event loop blocked ${longest.toFixed(0)} ms of ${took.toFixed(0)} ms`);
      // Stored through the worker too.
      const stored = await post(app, { id: 'w2', text: sentence, date: '2022-01-24' });
      assert.equal(stored.status, 200);
      assert.equal(((await stored.json()) as { documents: { status: string }[] }).documents[0]!.status, 'new');
    } finally {
      await queue.close();
    }
  });
});

test('worker threads give each document\'s MinHash signature with its events, as computed on the main thread (null: too short)', async () => {
  const queue = workerQueue();
  try {
    const text = 'On Monday, gunmen killed three civilians in Kabul, Afghanistan, police said. Two more were wounded, officials said.';
    const results = await queue.run([{ id: 'm1', text, date: '2022-01-24', origin: { file: 'test' } }, { id: 'm2', text: 'Too short.', origin: { file: 'test' } }]);
    const [long, short] = results.map((r) => ('events' in r ? r.minhash : r.error));
    assert.deepEqual(long, signature(text));
    assert.equal(short, null);
  } finally {
    await queue.close();
  }
});

describe('body limits', () => {
  let server: ServerType;
  let port: number;
  before(async () => {
    ({ server, port } = await listen(createApp(store, { loopback: true, maxBodyBytes: 100_000, extractionQueue: boundedQueue(async (d) => d.map(() => ({ events: [] }))) })));
  });
  after(() => server.close());

  function send(headers: Record<string, string | number>, chunks: string[]): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/documents', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject); // ECONNRESET would fail the test
      (async () => {
        for (const c of chunks) {
          if (!req.write(c)) await new Promise((r) => req.once('drain', r));
        }
        req.end();
      })().catch(reject);
    });
  }

  test('a declared length over the limit: 413 before reading, no reset', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(3_000_000) });
    const r = await send({ 'content-length': Buffer.byteLength(body) }, [body]);
    assert.equal(r.status, 413);
    assert.match(r.body, /larger than 100000 bytes/);
  });

  test('a chunked body over the limit: 413, no reset', async () => {
    const chunks = ['{"text":"', ...Array.from({ length: 60 }, () => 'y'.repeat(50_000)), '"}'];
    const r = await send({ 'transfer-encoding': 'chunked' }, chunks);
    assert.equal(r.status, 413);
    assert.match(r.body, /larger than/);
  });

  test('a chunked body under the limit is read', async () => {
    const r = await send({ 'transfer-encoding': 'chunked' }, ['{"id":"c1",', '"text":"Small."}']);
    assert.equal(r.status, 200, r.body);
  });
});
