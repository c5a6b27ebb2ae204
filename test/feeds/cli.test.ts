// `sitrep feeds add|list|remove|import` and `sitrep watch` as a user runs them: a watch process on
// SQLite polling the loopback fixture, serving the API, announcing new events on /api/stream, logging
// JSON lines, and stopping cleanly on SIGTERM.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished, runCli, startCli } from '../store/cli-helpers.js';
import { startFeedServer, type FeedServer } from './feed-server.js';

let dir: string;
let fixture: FeedServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-feeds-cli-'));
  fixture = await startFeedServer({ feeds: 6, kinds: (i) => (['rss', 'atom', 'json', 'summary', 'broken', 'redirect'] as const)[i]! });
});
after(async () => {
  await fixture.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('sitrep feeds', () => {
  test('add, import, list, remove; bad input named on one line', async () => {
    const db = join(dir, 'cmd.db');
    const added = await runCli(['feeds', 'add', fixture.urls[0]!, '--every', '30s', '--name', 'first', '--db', db]);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /^added [0-9a-f]{16} .*\/feed\/0 every 30s \(first\)$/m);
    const opml = join(dir, 'subs.opml');
    writeFileSync(opml, `<?xml version="1.0"?>\n<opml version="2.0"><head/><body>\n${fixture.urls.map((u, i) => `<outline text="f${i}" xmlUrl="${u}"/>`).join('\n')}\n<outline text="bad" xmlUrl="ftp://x.test/f"/></body></opml>\n`);
    const imported = await runCli(['feeds', 'import', opml, '--every', '2h', '--db', db]);
    assert.equal(imported.code, 1);
    assert.match(imported.stdout, /^5 feeds added, 1 already followed, 1 refused$/m);
    assert.match(imported.stderr, /subs\.opml: not an http\(s\) URL: "ftp:\/\/x\.test\/f"/);
    const listed = await runCli(['feeds', 'list', '--db', db]);
    assert.equal(listed.code, 0, listed.stderr);
    assert.equal(listed.stdout.trim().split('\n').length, 7);
    assert.match(listed.stdout, /2h\s+never\s+-\s+0\s+0\s+0\s+http/);
    const removed = await runCli(['feeds', 'remove', 'first', '--db', db]);
    assert.match(removed.stdout, /^removed /);
    const missing = await runCli(['feeds', 'remove', 'first', '--db', db]);
    assert.equal(missing.code, 1);
    assert.equal(missing.stderr, 'sitrep: no feed "first" (see sitrep feeds list)\n');
    writeFileSync(join(dir, 'broken.opml'), '<opml>\n<body>\n<outline xmlUrl="x">\n</body></opml>');
    const broken = await runCli(['feeds', 'import', join(dir, 'broken.opml'), '--db', db]);
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /broken\.opml:\d+: malformed XML/);
  });

  test('watch: polls, serves, streams new events, logs JSON, stops on SIGTERM', async () => {
    const db = join(dir, 'watch.db');
    const opml = join(dir, 'watch.opml');
    writeFileSync(opml, `<opml version="2.0"><body>${fixture.urls.map((u) => `<outline xmlUrl="${u}"/>`).join('')}</body></opml>`);
    assert.equal((await runCli(['feeds', 'import', opml, '--every', '1s', '--db', db])).code, 0);
    const child = startCli(['watch', '--db', db, '--port', '0', '--allow-private', '--log-format', 'json']);
    const done = finished(child);
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no API line: ${err}`)), 30_000);
        const look = () => {
          const m = /API at (http:\/\/\S+?)\/api\/events/.exec(err);
          if (m) {
            clearTimeout(t);
            resolve(m[1]!);
          } else setTimeout(look, 50);
        };
        look();
      });
      const healthy = 4; // rss, atom, json, summary and the redirect: 5 feeds of 1 item
      const count = async () => ((await (await fetch(`${base}/api/stats`)).json()) as { documents: number }).documents;
      const end = Date.now() + 30_000;
      while ((await count()) < healthy + 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
      assert.equal(await count(), healthy + 1);
      // A client on the live stream hears of an item published now.
      const ac = new AbortController();
      const res = await fetch(`${base}/api/stream`, { signal: ac.signal });
      const reader = res.body!.getReader();
      let text = '';
      while (!text.includes('event: hello')) text += new TextDecoder().decode((await reader.read()).value);
      const t0 = Date.now();
      fixture.publish(1);
      while (!text.includes('event: change')) text += new TextDecoder().decode((await reader.read()).value);
      assert.ok(Date.now() - t0 < 10_000);
      assert.match(text, /data: \{"documents":6,"events":\d+\}/);
      ac.abort();
      const health = await fetch(`${base}/api/health`);
      assert.equal(health.status, 200);
      assert.match(await (await fetch(`${base}/metrics`)).text(), /^sitrep_feeds_due \d+$/m);
      const lines = err.split('\n').filter((l) => l.startsWith('{'));
      assert.ok(lines.length > 0);
      for (const l of lines) assert.ok(['info', 'error'].includes((JSON.parse(l) as { level: string }).level));
      assert.ok(lines.some((l) => /"msg":"feed failed"/.test(l) && /feed\/4/.test(l)), 'the broken feed logged');
    } finally {
      child.kill('SIGTERM');
    }
    const r = await done;
    assert.equal(r.code, 0, err);
    assert.match(err, /"msg":"stopped"/);
  });
});
