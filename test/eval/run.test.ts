// Tests of running an ACLED evaluation (fake extractor, errors file, warnings) and of the printed reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AcledEvent } from '../../src/common/event.js';
import type { Extractor } from '../../src/pipeline/index.js';
import { Doc } from '../../src/common/doc.js';
import { columnLabels, evaluateAcledFile, findDataFiles, geoparseCells, runAllCommand, type CommandOutput } from '../../src/eval/all.js';
import { escapeCell, formatAcledReport, formatConfusion, formatCombinedTable, acledReportJson } from '../../src/eval/report.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-run-'));
const HEADER = 'event_id_cnty,event_date,event_type,sub_event_type,actor1,inter1,actor2,inter2,country,admin1,latitude,longitude,notes,fatalities';
const GOLD = join(dir, 'gold.csv');
writeFileSync(
  GOLD,
  [
    HEADER,
    'T1,9-May-20,Riots,Mob violence,Rioters (Testland),5,,0,Testland,North,1,36,"On 9 May 2020, a mob burned a shop in Alpha.",0',
    'T2,10-May-20,Protests,Peaceful protest,Protesters (Testland),6,,0,Testland,North,1,36,"On 10 May 2020, teachers marched in Alpha.",0',
    'T3,11-May-20,Battles,Armed clash,Rebels,2,Army,1,Testland,North,1,36,"BOOM on 11 May 2020.",2',
  ].join('\n') + '\n',
);

function event(fields: Partial<AcledEvent>): AcledEvent {
  return {
    event_id: 'e', doc_id: 'd', event_date: '', time_precision: 1, event_type: '', sub_event_type: '',
    actor1: '', assoc_actor_1: '', inter1: 0, actor2: '', assoc_actor_2: '', inter2: 0, interaction: 0,
    country: '', iso3: '', admin1: '', admin2: '', location: '', latitude: null, longitude: null,
    geo_precision: 1, fatalities: 0, notes: '', source: '', confidence: 0.5, claims: [], tactics: [], evidence: {},
    ...fields,
  };
}

/** Protests for "marched", nothing otherwise, and a crash on "BOOM"; records what it was given. */
function fakeExtractor(seen: unknown[]): Extractor {
  return {
    components: [],
    extract(source) {
      seen.push(source);
      if (source.text.includes('BOOM')) throw new Error('parser exploded\nat line 2');
      const events = source.text.includes('marched')
        ? [event({ event_type: 'Protests', sub_event_type: 'Peaceful protest', event_date: '2020-05-10', country: 'Testland', inter1: 6 })]
        : [];
      return { doc: new Doc('d', source.text, {}, 0), events };
    },
  };
}

test('evaluateAcledFile gives the pipeline the note alone, scores it, and writes misses as JSONL', () => {
  const seen: unknown[] = [];
  const lines: string[] = [];
  const warnings: string[] = [];
  const report = evaluateAcledFile(GOLD, {
    extractor: fakeExtractor(seen),
    errors: { write: (l) => lines.push(l) },
    warn: (m) => warnings.push(m),
    progress: false,
  });
  assert.deepEqual(seen[1], { text: 'On 10 May 2020, teachers marched in Alpha.', origin: { file: GOLD, line: 3 } });
  const m = report.metrics;
  assert.equal(m.rows, 3);
  assert.deepEqual(m.scores.covered, { hits: 1, total: 3 });
  assert.deepEqual(m.scores.event_type, { hits: 1, total: 3 });
  assert.deepEqual(m.scores.date, { hits: 1, total: 3 });
  assert.equal(m.extract_errors, 1);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!, /gold\.csv:4: extraction failed, scored as no event: parser exploded$/);
  assert.equal(lines.length, 3, 'every row missed something (T2: admin1, loc25, actors)');
  const t2 = JSON.parse(lines[1]!);
  assert.equal(t2.event_id, 'T2');
  assert.equal(t2.notes, 'On 10 May 2020, teachers marched in Alpha.');
  assert.equal(t2.prediction.event_type, 'Protests');
  assert.deepEqual(t2.missed, ['loc25', 'admin1', 'actors']);
  assert.equal(JSON.parse(lines[2]!).extract_failed, true);
  assert.equal(JSON.parse(lines[0]!).prediction, null);

  const text = formatAcledReport(report);
  assert.match(text, /covered \(>=1 event\)\s+33\.3%\s+1\/3/);
  assert.match(text, /Protests\s.*\s1\s+100\.0%/);
  assert.match(text, /3 rows in [\d.]+ s \(\d+ rows\/s\)/);
  const json = acledReportJson(report) as { metrics: Record<string, { rate: number | null }>; rows_per_s: number };
  assert.equal(json.metrics.event_type!.rate, 0.3333);
  assert.equal(typeof json.rows_per_s, 'number');
});

test('formatConfusion shows gold x predicted types with (none) and per-type recall', () => {
  const text = formatConfusion({ Battles: { Battles: 3, '(none)': 1 }, 'Violence against civilians': { Battles: 2 } });
  const lines = text.split('\n');
  assert.match(lines[0]!, /gold \\ predicted\s+Battles\s+VAC\s+\(none\)\s+rows\s+recall/);
  assert.match(lines[2]!, /^Battles\s+3\s+0\s+1\s+4\s+75\.0%$/);
  assert.match(lines[3]!, /^Violence against civilians\s+2\s+0\s+0\s+2\s+0\.0%$/);
  assert.match(text, /VAC = Violence against civilians/);
});

test('escapeCell keeps terminal control characters from data out of the output', () => {
  assert.equal(escapeCell('Riots\u001b[31m\n'), 'Riots\\u001b[31m\\u000a');
  const table = formatCombinedTable([{ label: 'x', cells: new Map([['a\u0007', '1']]) }]);
  assert.ok(!table.includes('\u0007'));
});

test('formatCombinedTable: rows are metrics, columns files, blanks where a metric does not apply', () => {
  const table = formatCombinedTable([
    { label: 'kenya', cells: new Map([['covered', '10.0%'], ['rows/s', '900']]) },
    { label: 'lgl', cells: new Map([['geo f1', '55.0%']]) },
  ]);
  const lines = table.trimEnd().split('\n');
  assert.match(lines[0]!, /^metric\s+kenya\s+lgl$/);
  assert.match(lines[2]!, /^covered\s+10\.0%$/);
  assert.match(lines[4]!, /^geo f1\s+55\.0%$/);
});

test('columnLabels: the country part, unless two files share it', () => {
  assert.deepEqual(columnLabels(['/x/acled_kenya_2004-2019.csv', '/x/acled_afghanistan_2020-03.csv']), ['kenya', 'afghanistan']);
  assert.deepEqual(columnLabels(['/x/acled_kenya_2004.csv', '/x/acled_kenya_2019.csv']), ['kenya_2004', 'kenya_2019']);
});

test('geoparseCells: rates as percentages, counts and speed as numbers', () => {
  const cells = geoparseCells({
    articles: 10, gold: 40, predicted: 50, matched: 30, precision: 0.6, recall: 0.75, f1: 2 / 3,
    acc161: 0.5, acc161_found: 1, median_error_km: 12, articles_per_s: 900,
  });
  assert.equal(cells.get('geo precision'), '60.0%');
  assert.equal(cells.get('geo f1'), '66.7%');
  assert.equal(cells.get('geo acc@161km of found'), '100.0%');
  assert.equal(cells.get('geo median error km'), '12');
  assert.equal(cells.get('docs/s'), '900');
});

async function captureOutput(run: (output: CommandOutput) => Promise<void>): Promise<{ out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  await run({ out: (t) => out.push(t), err: (t) => err.push(t) });
  return { out: out.join(''), err: err.join('') };
}

test('eval all: a message and no failure when there is no data', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'sitrep-eval-empty-'));
  const exitCode = process.exitCode;
  const { out, err } = await captureOutput((o) => runAllCommand({ data: empty }, o));
  assert.equal(out, '');
  assert.match(err, /no evaluation data in .*nothing to do/);
  assert.equal(process.exitCode, exitCode);
  await assert.rejects(runAllCommand({ data: join(empty, 'nope') }), /nope: no such directory/);
});

test('eval all: one table with a column per ACLED file', async () => {
  const data = mkdtempSync(join(tmpdir(), 'sitrep-eval-data-'));
  mkdirSync(join(data, 'acled-notes'));
  writeFileSync(join(data, 'acled-notes', 'acled_testland_2020.csv'), `${HEADER}\nT1,9-May-20,Riots,Mob violence,Rioters (Testland),5,,0,Testland,North,1,36,"On 9 May 2020, a mob burned a shop.",0\n`);
  writeFileSync(join(data, 'acled-notes', 'README.md'), 'not a csv');
  assert.deepEqual(findDataFiles(data), { acled: [join(data, 'acled-notes', 'acled_testland_2020.csv')], geoparse: [], articles: [], muc: [], falseAlarms: [] });
  const { out } = await captureOutput((o) => runAllCommand({ data }, o));
  assert.match(out, /^metric\s+testland\n/);
  assert.match(out, /\nacled rows\s+1\n/);
  assert.match(out, /\nevent_type\s+\d+\.\d%\n/);
  assert.match(out, /1 file\(s\) in [\d.]+ s/);
  const json = await captureOutput((o) => runAllCommand({ data, json: true }, o));
  const parsed = JSON.parse(json.out) as { acled: { rows: number }[] };
  assert.equal(parsed.acled[0]!.rows, 1);
});

test('evaluateAcledFile byCountry: each gold country scored on its own, most rows first, with row counts', async () => {
  const { formatByCountry } = await import('../../src/eval/report.js');
  const file = join(dir, 'two-countries.csv');
  writeFileSync(file, [
    HEADER,
    'A1,10-May-20,Protests,Peaceful protest,Protesters (Testland),6,,0,Testland,North,1,36,"On 10 May 2020, teachers marched in Alpha.",0',
    'B1,10-May-20,Protests,Peaceful protest,Protesters (Otherland),6,,0,Otherland,East,1,36,"On 10 May 2020, nurses marched in Beta.",0',
    'B2,11-May-20,Riots,Mob violence,Rioters (Otherland),5,,0,Otherland,East,1,36,"On 11 May 2020, a mob burned a shop.",0',
  ].join('\n') + '\n');
  const report = evaluateAcledFile(file, { extractor: fakeExtractor([]), byCountry: true, progress: false, warn: () => {} });
  assert.deepEqual(report.byCountry!.map((c) => [c.country, c.metrics.rows]), [['Otherland', 2], ['Testland', 1]]);
  assert.deepEqual(report.byCountry![0]!.metrics.scores.event_type, { hits: 1, total: 2 });
  const table = formatByCountry(report.byCountry!);
  assert.match(table, /^country\s+rows\s+covered\s+type\s+sub_type/);
  assert.match(table, /\nOtherland\s+2\s+50\.0%\s+50\.0%/);
  assert.match(formatAcledReport(report), /by country/);
  assert.equal((acledReportJson(report).by_country as unknown[]).length, 2);
  assert.equal(evaluateAcledFile(file, { extractor: fakeExtractor([]), progress: false, warn: () => {} }).byCountry, undefined);
});
