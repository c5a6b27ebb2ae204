// The seed article plus 60 Guardian articles (read from ../shared at run time, never copied):
// ingested twice gives the same stored events as once, the same events `sitrep extract` finds,
// and `export --format acled-csv` has one row per stored event (with --no-merge: one event per report;
// test/store/merge.test.ts covers merging).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { ACLED_COLUMNS_2024 } from '../../src/output/acled-csv.js';
import { openStore } from '../../src/store/index.js';
import { runCli, SHARED } from './cli-helpers.js';

const SEED = join(SHARED, 'seed', 'ghweran-prison-2022-01-24.txt');
const GUARDIAN = join(SHARED, 'eval-data', 'guardian-sdf', 'Guardian_SDF_sample.csv');
const missing = [SEED, GUARDIAN].filter((p) => !existsSync(p));
const skip = missing.length ? `shared data absent (${missing.join(', ')}); seed + Guardian ingest test skipped` : false;

let dir: string;
let inputs: string[];

before(() => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), 'sitrep-guardian-'));
  const rows = parse(readFileSync(GUARDIAN, 'utf8'), { columns: true }) as Record<string, string>[];
  const jsonl = join(dir, 'guardian60.jsonl'); // a temporary file outside the repository
  writeFileSync(jsonl, rows.slice(0, 60).map((r) => JSON.stringify({ id: `guardian-${r['']}`, date: r.date, text: r.text })).join('\n') + '\n');
  inputs = [SEED, jsonl];
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('seed + 60 Guardian articles: ingesting twice equals once; stored events = extracted events = CSV rows', { skip }, async () => {
  const db = join(dir, 'g.db');
  const snapshot = async () => {
    const store = await openStore(db);
    try {
      const events = await store.db.selectFrom('events').selectAll().orderBy('event_id').execute();
      const docs = await store.db.selectFrom('documents').select(['id', 'content_hash', 'ingested_at']).orderBy('id').execute();
      const evidence = await store.db.selectFrom('evidence').selectAll().orderBy('event_id').orderBy('doc_id').orderBy('field').orderBy('ord').execute();
      return { events, docs, evidence };
    } finally {
      await store.close();
    }
  };
  const first = await runCli(['ingest', '--no-merge', '--db', db, ...inputs]);
  assert.equal(first.code, 0, first.stderr);
  const once = await snapshot();
  assert.equal(once.docs.length, 61);
  const second = await runCli(['ingest', '--no-merge', '--db', db, ...inputs]);
  assert.equal(second.code, 0, second.stderr);
  assert.match(second.stderr, /0 new, 0 changed, 61 unchanged/);
  assert.deepEqual(await snapshot(), once);

  const extracted = await runCli(['extract', '--format', 'jsonl', '--quiet', ...inputs]);
  assert.equal(extracted.code, 0, extracted.stderr);
  const extractedIds = extracted.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l).event_id as string);
  assert.deepEqual(once.events.map((e) => e.event_id), [...new Set(extractedIds)].sort());

  const csv = await runCli(['export', '--format', 'acled-csv', '--db', db]);
  assert.equal(csv.code, 0, csv.stderr);
  const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
  assert.equal(rows.length, once.events.length);
  if (rows.length) assert.deepEqual(Object.keys(rows[0]!), [...ACLED_COLUMNS_2024, 'review_status']);
});
