// Feeds on SQLite, in-process: safe fetching, polling (conditional requests, backoff, Retry-After,
// bad feeds on their rows), summary-only items read from their page, new items stored once and
// merged into events, the live stream, health and metrics. Loopback only (--allow-private).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createExtractor } from '../../src/pipeline/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { addFeed, listFeeds, nextPollAt, parseInterval } from '../../src/feeds/feed-store.js';
import { FetchError, isPrivateAddress, parseRetryAfter, safeFetch, FEED_TYPES } from '../../src/feeds/net.js';
import { parseFeed } from '../../src/feeds/parse.js';
import { parseOpml } from '../../src/feeds/opml.js';
import { startScheduler } from '../../src/feeds/scheduler.js';
import { newMetrics, prometheusText } from '../../src/feeds/metrics.js';
import type { ExtractFn } from '../../src/feeds/poll.js';
import { createApp } from '../../src/server/app.js';
import { ChangeNotifier } from '../../src/server/changes.js';
import { startFeedServer, type FeedServer, type FixtureItem } from './feed-server.js';

const extractor = createExtractor();
const extract: ExtractFn = async (docs) => docs.map((d) => {
  try {
    return { events: extractor.extract(d).events };
  } catch (err) {
    return { error: (err as Error).message };
  }
});

async function until(what: string, cond: () => Promise<boolean> | boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('safe fetching', () => {
  let base = '';
  let server: ReturnType<typeof createServer>;
  before(async () => {
    server = createServer((req, res) => {
      const u = req.url ?? '/';
      if (u === '/loop') res.writeHead(302, { location: '/loop' }).end();
      else if (u === '/big') res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('x'.repeat(3000));
      else if (u === '/bomb') res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(1_000_000)));
      else if (u === '/gz') res.writeHead(200, { 'content-type': 'text/xml', 'content-encoding': 'gzip' }).end(gzipSync('<rss/>'));
      else if (u === '/png') res.writeHead(200, { 'content-type': 'image/png' }).end('x');
      else if (u === '/hang') setTimeout(() => res.end(), 5000);
      else if (u === '/busy') res.writeHead(503, { 'retry-after': '120' }).end();
      else res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss/>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    server.close();
  });

  test('private, loopback, link-local and reserved addresses are recognised', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '100.64.0.1', '224.0.0.1']) {
      assert.equal(isPrivateAddress(a), true, a);
    }
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8']) assert.equal(isPrivateAddress(a), false, a);
  });

  test('loopback is refused without allowPrivate, by address and by name', async () => {
    await assert.rejects(safeFetch({ url: `${base}/ok`, accept: FEED_TYPES }), /refused: 127\.0\.0\.1 is a private/);
    await assert.rejects(safeFetch({ url: base.replace('127.0.0.1', 'localhost') + '/ok', accept: FEED_TYPES }), /refused: localhost resolves to a private/);
    await assert.rejects(safeFetch({ url: 'file:///etc/passwd', accept: FEED_TYPES }), /only http and https/);
    const ok = await safeFetch({ url: `${base}/ok`, accept: FEED_TYPES, allowPrivate: true });
    assert.equal(ok.body.toString(), '<rss/>');
  });

  test('limits: redirects, size, decompression, time, content type; Retry-After', async () => {
    const p = { accept: FEED_TYPES, allowPrivate: true } as const;
    await assert.rejects(safeFetch({ ...p, url: `${base}/loop` }), /more than 5 redirects/);
    await assert.rejects(safeFetch({ ...p, url: `${base}/big`, maxBytes: 1000 }), /larger than 1000 bytes/);
    await assert.rejects(safeFetch({ ...p, url: `${base}/bomb`, maxBytes: 100_000 }), /larger than 100000 bytes after decompression/);
    assert.equal((await safeFetch({ ...p, url: `${base}/gz` })).body.toString(), '<rss/>');
    await assert.rejects(safeFetch({ ...p, url: `${base}/png` }), /unexpected content type image\/png/);
    await assert.rejects(safeFetch({ ...p, url: `${base}/hang`, timeoutMs: 300 }), /timed out after 300 ms/);
    const busy = await safeFetch({ ...p, url: `${base}/busy` }).catch((e: unknown) => e);
    assert.ok(busy instanceof FetchError);
    assert.equal(busy.status, 503);
    assert.equal(busy.retryAfterMs, 120_000);
    assert.equal(parseRetryAfter(new Date(Date.now() + 60_000).toUTCString())! > 50_000, true);
  });
});

describe('reading feeds', () => {
  test('intervals, backoff and Retry-After', () => {
    assert.equal(parseInterval('5m'), 300);
    assert.equal(parseInterval('30s'), 30);
    assert.equal(parseInterval('2h'), 7200);
    assert.equal(parseInterval('0s'), undefined);
    assert.equal(parseInterval('5 minutes'), undefined);
    const now = 1_000_000;
    assert.equal(nextPollAt({ interval_s: 60, errors: 0 }, { status: 'ok' }, now), now + 60_000);
    assert.equal(nextPollAt({ interval_s: 60, errors: 3 }, { status: 'error' }, now), now + 480_000);
    assert.equal(nextPollAt({ interval_s: 60, errors: 40 }, { status: 'error' }, now), now + 6 * 3600_000);
    assert.equal(nextPollAt({ interval_s: 60, errors: 0 }, { status: 'error', retryAfterMs: 3600_000 }, now), now + 3600_000);
  });

  test('JSON Feed items; a broken RSS item spoils only itself; OPML outlines at any depth', async () => {
    const json = await parseFeed(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'T', items: [
      { id: 'a', title: 'One', content_html: '<p>Body <b>one</b></p>', url: 'https://x.test/1', date_published: '2024-03-01T10:00:00Z' },
      { id: 'b' },
    ] }), 'feed.json');
    assert.equal(json.items.length, 1);
    assert.equal(json.items[0]!.doc.text, 'One\n\nBody one');
    assert.equal(json.items[0]!.doc.date, '2024-03-01');
    assert.equal(json.items[0]!.summaryOnly, true);
    assert.match(json.errors[0]!, /item 2: no title or text/);
    const rss = await parseFeed('<rss><channel><item><guid>1</guid><title>A</title></item><item><title>B<</item></channel></rss>', 'f');
    assert.equal(rss.items.length, 1);
    assert.equal(rss.errors.length, 1);
    const opml = parseOpml('<?xml version="1.0"?><opml version="2.0"><body><outline text="News"><outline text="A" xmlUrl="https://a.test/rss"/></outline><outline title="B" xmlUrl="https://b.test/atom"/></body></opml>');
    assert.deepEqual(opml, [{ url: 'https://a.test/rss', name: 'A' }, { url: 'https://b.test/atom', name: 'B' }]);
    assert.throws(() => parseOpml('<opml><body>'), /malformed XML/);
  });
});

describe('watch on SQLite: 40 feeds of every kind', () => {
  let dir: string;
  let store: Store;
  let fixture: FeedServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-feeds-'));
    store = await openStore(join(dir, 'feeds.db'));
    fixture = await startFeedServer({ feeds: 40, slowMs: 1500, itemsPerFeed: 2 });
    for (const url of fixture.urls) await addFeed(store, { url, intervalS: 1 });
  });
  after(async () => {
    await fixture.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every healthy feed is stored, new items arrive, nothing twice; bad feeds are reported on their rows', async () => {
    const metrics = newMetrics();
    const changes = new ChangeNotifier(store, 100);
    const app = createApp(store, { changes, loopback: true, metrics: () => prometheusText(metrics) });
    // The live stream: a client connected before anything is stored hears of it.
    const stream = await app.request('/api/stream', { headers: { host: 'localhost' } });
    assert.equal(stream.headers.get('content-type'), 'text/event-stream');
    const reader = stream.body!.getReader();
    const heard: string[] = [];
    const listening = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        heard.push(new TextDecoder().decode(value));
      }
    })();

    const scheduler = startScheduler(store, { extract, metrics, allowPrivate: true, tickMs: 100, timeoutMs: 5000, onStored: () => changes.poke() });
    let published: FixtureItem[] = [];
    try {
    const healthy = fixture.kinds.map((k, i) => [k, i] as const).filter(([k]) => k !== 'broken' && k !== 'ratelimited').map(([, i]) => i);
    const expected = () => healthy.reduce((n, f) => n + fixture.items(f).length, 0);
    await until('the first items of every healthy feed', async () => (await store.countDocuments()) === expected());
    // A new item on a few feeds is stored at the next poll; the others answer 304.
    published = [0, 3, 6, 7].map((f) => fixture.publish(f));
    await until('the published items', async () => (await store.countDocuments()) === expected());
    await new Promise((r) => setTimeout(r, 1500)); // more polls: nothing new is stored twice
    await until('the stream to announce the change', () => heard.join('').includes('event: change'), 5000);
    } finally {
      await scheduler.stop();
      await reader.cancel();
      await listening.catch(() => {});
      changes.close();
    }
    const healthy = fixture.kinds.map((k, i) => [k, i] as const).filter(([k]) => k !== 'broken' && k !== 'ratelimited').map(([, i]) => i);
    const expected = () => healthy.reduce((n, f) => n + fixture.items(f).length, 0);

    assert.equal(await store.countDocuments(), expected());
    for (const it of published) assert.ok(await store.getDocument(it.id), `${it.id} stored`);
    assert.ok(fixture.stats.notModified > 0, 'conditional requests answered 304');
    // A summary-only item was read from its page (Readability), not from the feed's 60 characters.
    const summaryFeed = fixture.kinds.indexOf('summary');
    const doc = await store.getDocument(fixture.items(summaryFeed)[0]!.id);
    assert.match(doc!.text, /Humanitarian groups called for the protection of civilians/);
    assert.ok(doc!.events.length > 0, 'the page gave an event');

    const feeds = await listFeeds(store);
    for (const f of feeds) {
      const i = fixture.urls.indexOf(f.url);
      const kind = fixture.kinds[i]!;
      if (kind === 'broken') {
        assert.equal(f.last_status, 'error', `${f.url} reported`);
        assert.ok(f.last_error, 'with its error');
        // Backing off: after a second error in a row the wait doubles (compared with the fetch's own
        // time, not the clock's now, which a loaded machine pushes past a 2 s wait).
        assert.ok(f.errors >= 2, `${f.url} polled and failed again`);
        assert.ok(f.next_poll_at - f.last_fetch_at! >= 1.5 * f.interval_s * 1000, 'backing off');
      } else if (kind === 'ratelimited') {
        assert.match(f.last_error ?? '', /HTTP 429/);
        assert.ok(f.next_poll_at > Date.now() + 3000_000, 'Retry-After honoured');
      } else {
        assert.notEqual(f.last_status, 'error', `${f.url}: ${f.last_error}`);
        assert.equal(f.items, fixture.items(i).length);
        assert.ok(f.events > 0, `${f.url} has events`);
      }
    }
    const text = await (await app.request('/metrics', { headers: { host: 'localhost' } })).text();
    assert.match(text, /^sitrep_documents \d+$/m);
    assert.match(text, /^sitrep_feed_fetch_errors_total [1-9]\d*$/m);
    assert.match(text, /^sitrep_page_fetches_total [1-9]\d*$/m);
    const health = await app.request('/api/health', { headers: { host: 'localhost' } });
    assert.equal(health.status, 200);
    assert.deepEqual(await health.json(), { status: 'ok', checks: { database: 'ok' } });
  });
});
