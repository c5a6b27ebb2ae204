// ACLED's 2024 export layout as users load it: an exported CSV read back with a real CSV reader
// (csv-parse), ACLED's column set and order, and the types pandas gives ACLED's own files
// (integers without blanks, floats or empty, text inter codes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  ACLED_COLUMNS_2024, acledCsvHeader, acledCsvRow, acledEventId, civilianTargeting, disorderType, interactionName,
} from '../../src/output/acled-csv.js';
import { syntheticEvent } from '../store/fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const INTEGER = ['year', 'time_precision', 'iso', 'geo_precision', 'fatalities', 'timestamp'];
const FLOAT = ['latitude', 'longitude'];
const ACTOR_TYPES = new Set(['', 'State forces', 'Rebel group', 'Political militia', 'Identity militia', 'Rioters', 'Protesters', 'Civilians', 'External/Other forces']);

function sitrep(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** The checks a pandas user's dtypes imply, on rows read by a CSV parser. */
function checkRows(rows: Record<string, string>[]) {
  for (const row of rows) {
    for (const c of INTEGER) assert.match(row[c]!, /^\d+$/, `${c} is an integer in every row (int64): ${row[c]}`);
    for (const c of FLOAT) assert.match(row[c]!, /^(-?\d+(\.\d+)?)?$/, `${c} is a float or empty: ${row[c]}`);
    assert.ok(ACTOR_TYPES.has(row.inter1!) && ACTOR_TYPES.has(row.inter2!), `inter1/inter2 are ACLED's actor types: ${row.inter1} ${row.inter2}`);
    assert.match(row.interaction!, /^([A-Za-z/ ]+-[A-Za-z/ ]+| *[A-Za-z/ ]+ only)$/);
    assert.ok(['', 'Civilian targeting'].includes(row.civilian_targeting!));
    assert.ok(['Political violence', 'Demonstrations', 'Political violence; Demonstrations', 'Strategic developments'].includes(row.disorder_type!), row.disorder_type);
    if (row.country) assert.match(row.event_id_cnty!, /^[A-Z]{3}\d+$/, 'ACLED-style id: ISO3 and digits');
    else assert.equal(row.event_id_cnty, '', 'never an id without a country');
  }
}

test('export --format acled-csv: the 2024 columns in order, dtypes as in ACLED\'s files, timestamp = last change', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-acled24-'));
  const db = join(dir, 'test.db');
  const before = Math.floor(Date.now() / 1000);
  sitrep(['ingest', '--quiet', '--db', db, join(root, 'samples', 'articles')]);
  const csv = sitrep(['export', '--format', 'acled-csv', '--db', db]);
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  assert.ok(rows.length >= 3, 'the samples report events');
  assert.deepEqual(Object.keys(rows[0]!), [...ACLED_COLUMNS_2024, 'review_status']);
  checkRows(rows);
  for (const r of rows) assert.ok(Number(r.timestamp) >= before - 1 && Number(r.timestamp) <= Date.now() / 1000 + 1);
  // Exported again later: the same timestamps (when the events changed, not when exported).
  spawnSync('sleep', ['1.1']);
  const again = parse(sitrep(['export', '--format', 'acled-csv', '--db', db]), { columns: true }) as Record<string, string>[];
  assert.deepEqual(again.map((r) => r.timestamp), rows.map((r) => r.timestamp));
  // --layout 2020: ACLED's older columns, numeric inter codes.
  const old = parse(sitrep(['export', '--format', 'acled-csv', '--layout', '2020', '--db', db]), { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(old[0]!).slice(-2), ['iso3', 'review_status'], 'the 2020 columns end in iso3; the review status follows, as in every layout');
  for (const r of old) assert.match(r.inter1!, /^\d$/);
});

test('the 2024 header keeps the order of a real ACLED 2024 export (when the eval data is present)', (t) => {
  const gold = join(root, '..', 'shared', 'eval-data', 'acled-notes', 'acled_bangladesh_demonstrations_2022-2024.csv');
  if (!existsSync(gold)) return t.skip('eval data absent (../shared/eval-data)');
  const header = readFileSync(gold, 'utf8').split('\n', 1)[0]!.trim().split(',');
  // That file's uploader dropped actor2, assoc_actor_2 and inter2; every other column is ACLED's 2024 set, in its order.
  const ours = ACLED_COLUMNS_2024.filter((c) => header.includes(c));
  assert.deepEqual(ours, header);
  assert.deepEqual(ACLED_COLUMNS_2024.filter((c) => !header.includes(c)), ['actor2', 'assoc_actor_2', 'inter2']);
});

test('2024 derived columns: disorder type, interaction names, civilian targeting, numeric iso, empty numbers', () => {
  assert.equal(disorderType('Protests', 'Peaceful protest'), 'Demonstrations');
  assert.equal(disorderType('Riots', 'Violent demonstration'), 'Demonstrations');
  assert.equal(disorderType('Riots', 'Mob violence'), 'Political violence');
  assert.equal(disorderType('Protests', 'Excessive force against protesters'), 'Political violence; Demonstrations');
  assert.equal(disorderType('Strategic developments', 'Arrests'), 'Strategic developments');
  assert.equal(interactionName(5, 1), 'State forces-Rioters');
  assert.equal(interactionName(6, 0), 'Protesters only');
  assert.equal(civilianTargeting({ event_type: 'Riots', sub_event_type: 'Mob violence', inter2: 7 }), 'Civilian targeting');
  assert.equal(civilianTargeting({ event_type: 'Riots', sub_event_type: 'Violent demonstration', inter2: 7 }), '');
  assert.equal(civilianTargeting({ event_type: 'Battles', sub_event_type: 'Armed clash', inter2: 2 }), '');

  const e = syntheticEvent({ event_id: 'SYR-00000000000000ff', doc_id: 'd', latitude: null, longitude: null });
  const [row] = parse(acledCsvHeader() + acledCsvRow(e), { columns: true }) as Record<string, string>[];
  assert.equal(row!.event_id_cnty, 'SYR255');
  assert.equal(row!.iso, '760');
  assert.equal(row!.inter1, 'Rebel group');
  assert.equal(row!.interaction, 'Rebel group-Rebel group');
  assert.equal(row!.latitude, '', 'no coordinates: empty, not 0');
  assert.equal(row!.timestamp, '', 'never stored: no timestamp rather than the export time');
  const stateless = syntheticEvent({ event_id: 'XXX-00000000000000ff', doc_id: 'd', country: '', iso3: '' });
  assert.equal(acledEventId(stateless), '');
  const [r2] = parse(acledCsvHeader() + acledCsvRow(stateless), { columns: true }) as Record<string, string>[];
  assert.equal(r2!.event_id_cnty, '');
  assert.equal(r2!.iso, '');
});
