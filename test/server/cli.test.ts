// `sitrep export` and `sitrep serve` as processes, on a database of synthetic events.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ACLED_COLUMNS_2024 } from '../../src/output/acled-csv.js';
import { openStore } from '../../src/store/index.js';
import { finished, runCli, startCli } from '../store/cli-helpers.js';
import { syntheticEvent } from '../store/fixtures.js';

let dir: string;
let db: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
  db = join(dir, 'cli.db');
  const store = await openStore(db);
  const docs = Array.from({ length: 30 }, (_, d) => ({
    id: `d${d}`,
    text: `Article ${d}`,
    events: [0, 1, 2].map((i) => syntheticEvent({
      event_id: `d${d}e${i}`,
      doc_id: `d${d}`,
      event_date: `2022-${String(1 + (d % 12)).padStart(2, '0')}-0${1 + i}`,
      country: i === 2 ? 'Iraq' : 'Syria',
      iso3: i === 2 ? 'IRQ' : 'SYR',
      notes: `Notes, with "quotes" and\na line break (${d}/${i})`,
    })),
  }));
  await store.saveDocuments(docs, { merge: false }); // synthetic events alike: one event per report
  await store.close();
});

after(() => rmSync(dir, { recursive: true, force: true }));

describe('sitrep export', () => {
  test('acled-csv: one row per stored event, ACLED\'s columns', async () => {
    const r = await runCli(['export', '--format', 'acled-csv', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 90);
    assert.deepEqual(Object.keys(rows[0]!), [...ACLED_COLUMNS_2024, 'review_status']);
    assert.equal(new Set(rows.map((x) => x.event_id_cnty)).size, 90);
    assert.match(rows[0]!.notes!, /"quotes" and\na line break/);
  });

  test('filters, jsonl and geojson, and --output', async () => {
    const r = await runCli(['export', '--format', 'jsonl', '--db', db, '--country', 'IRQ', '--from', '2022-03', '--to', '2022-04']);
    assert.equal(r.code, 0, r.stderr);
    const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(events.length > 0 && events.every((e) => e.iso3 === 'IRQ' && e.event_date >= '2022-03-01' && e.event_date <= '2022-04-30'));
    assert.ok(events[0].claims.length > 0);
    const out = join(dir, 'out.geojson');
    const g = await runCli(['export', '--format', 'geojson', '--db', db, '--output', out, '--bbox', '40,36,41,37']);
    assert.equal(g.code, 0, g.stderr);
    assert.equal(JSON.parse(readFileSync(out, 'utf8')).features.length, 90);
  });

  test('bad options: one-line error naming the option, exit 1, no stack trace', async () => {
    for (const args of [['--from', 'not-a-date'], ['--bbox', '1,2'], ['--event-type', 'Skirmish'], ['--format', 'xml']]) {
      const r = await runCli(['export', '--format', 'acled-csv', '--db', db, ...args]);
      assert.equal(r.code, 1, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.doesNotMatch(r.stderr, /\n\s+at /);
      assert.match(r.stderr, new RegExp(args[0]!));
    }
    const missing = await runCli(['export', '--format', 'jsonl', '--db', join(dir, 'absent.db')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no database at/);
  });
});

describe('sitrep serve', () => {
  test('listens, answers ?limit=5 with at most 5 events and ?from=not-a-date with 400, stops on SIGTERM', async () => {
    const child = startCli(['serve', '--port', '0', '--db', db], { SITREP_API_TOKEN: '' });
    const done = finished(child);
    const url = await new Promise<string>((resolve, reject) => {
      let err = '';
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /http:\/\/localhost:(\d+)\//.exec(err);
        if (m) resolve(`http://127.0.0.1:${m[1]}`);
      });
      child.on('close', () => reject(new Error(`serve exited: ${err}`)));
    });
    try {
      const page = await fetch(`${url}/api/events?limit=5`);
      assert.equal(page.status, 200);
      const body = await page.json() as { events: unknown[]; next_cursor: string | null };
      assert.ok(body.events.length <= 5 && body.events.length > 0);
      const bad = await fetch(`${url}/api/events?from=not-a-date`);
      assert.equal(bad.status, 400);
      assert.equal((await bad.json() as { parameter: string }).parameter, 'from');
      const csv = await fetch(`${url}/api/events.csv`);
      assert.equal((parse(await csv.text(), { columns: true }) as unknown[]).length, 90);
    } finally {
      child.kill('SIGTERM');
      await done;
    }
  });
});
