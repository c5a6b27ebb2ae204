// `sitrep extract` end to end, as a user runs it: formats, stdin, and bad input in the same run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sample = join(root, 'samples', 'articles', 'garissa-clash.txt');

function sitrep(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('jsonl (default), acled-csv and geojson from the same article', () => {
  const jsonl = sitrep(['extract', '--quiet', sample]);
  assert.equal(jsonl.status, 0, jsonl.stderr);
  const events = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(events.length, 1);
  assert.equal(events[0].sub_event_type, 'Armed clash');

  const csv = sitrep(['extract', '--quiet', '--format', 'acled-csv', sample]);
  assert.equal(csv.status, 0, csv.stderr);
  const [header, row, ...rest] = csv.stdout.trim().split('\n');
  assert.match(header!, /^event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,/);
  assert.ok(row!.includes('Armed clash'));
  assert.equal(rest.length, 0);

  const geo = sitrep(['extract', '--quiet', '--format', 'geojson', sample]);
  assert.equal(geo.status, 0, geo.stderr);
  const fc = JSON.parse(geo.stdout);
  assert.equal(fc.type, 'FeatureCollection');
  assert.equal(fc.features.length, 1);
  assert.equal(fc.features[0].geometry.type, 'Point');
});

test('bad inputs are reported on one line each, skipped, and the good ones still printed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
  const empty = join(dir, 'empty.txt');
  writeFileSync(empty, '');
  const binary = join(dir, 'binary.txt');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0xfe, 0x00]));
  const jsonl = join(dir, 'docs.jsonl');
  writeFileSync(jsonl, '{"text": "On 3 March 2020, Taliban militants attacked a checkpoint in Balkh, killing 2 soldiers."}\n{broken\n');
  const csv = join(dir, 'no-text.csv');
  writeFileSync(csv, 'id,body\n1,hello\n');
  const missing = join(dir, 'missing.txt');
  const r = sitrep(['extract', '--quiet', empty, binary, jsonl, csv, missing, sample]);
  assert.equal(r.status, 1);
  const events = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(events.length, 2, 'the good JSONL line and the sample article');
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 5, r.stderr);
  assert.ok(lines.some((l) => l.includes(empty)));
  assert.ok(lines.some((l) => l.includes(binary)));
  assert.ok(lines.some((l) => l.includes(`${jsonl}:2`)), 'the broken JSONL line is named with its line number');
  assert.ok(lines.some((l) => l.includes(csv) && l.includes('text')));
  assert.ok(lines.some((l) => l.includes(missing)));
  assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
});

test('reads standard input with -', () => {
  const r = sitrep(['extract', '--quiet', '-'], 'date 2024-03-15\nPolice clashed with armed robbers in Nairobi on Thursday, killing three of them.\n');
  assert.equal(r.status, 0, r.stderr);
  const [e] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(e.event_date, '2024-03-14');
  assert.equal(e.fatalities, 3);
});

test('--help teaches the inputs and formats', () => {
  const r = sitrep(['extract', '--help']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /--format/);
  assert.match(r.stdout, /JSONL/);
  assert.match(r.stdout, /Examples/);
});

test('--focus-country reads a town named alone in the given country; an unknown country is one line, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-'));
  const item = join(dir, 'item.txt');
  // Invented wire item: "Tripoli" alone is Libya's capital unless the collection is about Lebanon.
  writeFileSync(item, 'date 2021-03-02\nGunmen killed two soldiers in Tripoli on Monday.\n');
  const country = (args: string[]) => {
    const r = sitrep(['extract', '--quiet', ...args, item]);
    assert.equal(r.status, 0, r.stderr);
    return r.stdout.trim().split('\n').map((l) => JSON.parse(l).country);
  };
  assert.deepEqual(country([]), ['Libya']);
  assert.deepEqual(country(['--focus-country', 'Lebanon']), ['Lebanon']);
  assert.deepEqual(country(['--focus-country', 'LBN']), ['Lebanon']);
  // A place the text ties to another country stays there.
  const elsewhere = join(dir, 'elsewhere.txt');
  writeFileSync(elsewhere, 'date 2021-03-02\nGunmen killed two soldiers in Tripoli, Libya, on Monday.\n');
  const r2 = sitrep(['extract', '--quiet', '--focus-country', 'Lebanon', elsewhere]);
  assert.equal(JSON.parse(r2.stdout.trim().split('\n')[0]!).country, 'Libya');
  const bad = sitrep(['extract', '--quiet', '--focus-country', 'Narnia', item]);
  assert.equal(bad.status, 1);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr.trim(), /^sitrep: --focus-country: unknown country "Narnia"[^\n]*$/);
});
