import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sitrep = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], { cwd: root, input, encoding: 'utf8' });

test('sitrep geoparse prints one JSON line per document with UTF-16 offsets', () => {
  const text = 'Fighting near Idlib — and in Hasakah, Syria.';
  const r = sitrep(['geoparse', '-', '--quiet'], text);
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const doc = JSON.parse(lines[0]!) as { doc_id: string; places: Record<string, unknown>[] };
  assert.ok(doc.doc_id);
  const names = doc.places.map((p) => p.text);
  assert.deepEqual(names, ['Idlib', 'Hasakah', 'Syria']);
  for (const p of doc.places) {
    assert.equal(text.slice(p.start as number, p.end as number), p.text);
    for (const k of ['name', 'country_code', 'admin1', 'latitude', 'longitude', 'feature', 'score']) assert.ok(k in p, `${k} in output`);
  }
  assert.equal(doc.places[0]!.geo_precision, 2);
});

test('sitrep eval geoparse reports metrics, and a missing file is a one-line error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-geo-cli-'));
  const gold = join(dir, 'gold.xml');
  writeFileSync(gold, '<articles><article><text>Flu cases rose in Kenya.</text><locations><location><name>Kenya</name><start>19</start><end>24</end><lat>0.5</lat><lon>38</lon></location></locations></article></articles>');
  const ok = sitrep(['eval', 'geoparse', gold, '--json']);
  assert.equal(ok.status, 0, ok.stderr);
  const m = (JSON.parse(ok.stdout) as { metrics: Record<string, number> }).metrics;
  assert.equal(m.gold, 1);
  assert.equal(m.recall, 1);
  assert.equal(m.acc161, 1);
  const bad = sitrep(['eval', 'geoparse', join(dir, 'nope.xml')]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /nope\.xml: no such file/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /);
});
