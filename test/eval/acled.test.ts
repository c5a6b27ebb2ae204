// Unit tests of the ACLED evaluation: gold reading, date formats, folding, inter labels, each metric.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AcledEvent } from '../../src/common/event.js';
import {
  AcledScorer,
  GoldFileError,
  actorsMatch,
  fold,
  haversineKm,
  interCode,
  missedMetrics,
  parseAcledDate,
  readAcledGold,
  scoreRow,
  statedInNote,
  textNamesMonth,
  type GoldRow,
} from '../../src/eval/acled.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-'));
let fileCount = 0;
function csvFile(lines: string[]): string {
  const path = join(dir, `gold-${++fileCount}.csv`);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

function event(fields: Partial<AcledEvent>): AcledEvent {
  return {
    event_id: 'e1', doc_id: 'd1', event_date: '', time_precision: 1, event_type: '', sub_event_type: '',
    actor1: '', assoc_actor_1: '', inter1: 0, actor2: '', assoc_actor_2: '', inter2: 0, interaction: 0,
    country: '', iso3: '', admin1: '', admin2: '', location: '', latitude: null, longitude: null,
    geo_precision: 1, fatalities: 0, notes: '', source: '', confidence: 0.5, claims: [], tactics: [], evidence: {},
    ...fields,
  };
}

// Older layout (numeric inter codes) with Kenya's extra countycode column.
const OLD_HEADER =
  'event_id_cnty,event_date,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,country,admin1,countycode,location,latitude,longitude,notes,fatalities';
const OLD_ROW_1 =
  'XYZ1,9-May-20,Battles,Armed clash,Military Forces of Testland (2014-),,1,Rebels of the North,,2,Testland,Étoile-Province,7,Alpha,1.0000,36.0000,"On 9 May 2020, soldiers clashed with northern rebels near Alpha; 3 rebels were killed.",3';
const OLD_ROW_2 =
  'XYZ2,31-12-19,Violence against civilians,Attack,Unidentified Armed Group (Testland),,3,Civilians (Testland),,7,Testland,Beta,8,Gamma,2.0000,37.0000,"Gunmen killed a trader in Gamma.",1';
const OLD_ROW_3 = 'XYZ3,21 March 2020,Protests,Peaceful protest,Protesters (Testland),,6,,,,Testland,Beta,8,Gamma,2.0000,37.0000,,0';

// 2024 layout: inter1 as text, no actor2/assoc_actor_2/inter2 columns (the Bangladesh file).
const NEW_HEADER =
  'event_id_cnty,event_date,year,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,interaction,country,admin1,location,latitude,longitude,notes,fatalities,tags';
const NEW_ROW =
  'ABC1,5-Aug-24,2024,Demonstrations,Protests,Peaceful protest,Protesters (Testland),Students (Testland),Protesters,Protesters only,Testland,Delta,Omega,23.0,90.0,"On 5 August 2024, students protested in Omega.",0,crowd size=no report';

test('parseAcledDate reads the formats of ACLED exports and sitrep output', () => {
  assert.equal(parseAcledDate('9-May-20'), '2020-05-09');
  assert.equal(parseAcledDate('5-Aug-24'), '2024-08-05');
  assert.equal(parseAcledDate('21 March 2020'), '2020-03-21');
  assert.equal(parseAcledDate('31-12-19'), '2019-12-31');
  assert.equal(parseAcledDate('04-01-04'), '2004-01-04', 'day first in numeric dates');
  assert.equal(parseAcledDate('12-31-19'), '2019-12-31', 'month first only when day first is impossible');
  assert.equal(parseAcledDate('December 31 2019'), '2019-12-31');
  assert.equal(parseAcledDate('2020-03-21'), '2020-03-21');
  assert.equal(parseAcledDate('15-Aug-97'), '1997-08-15', 'two-digit years in the future belong to the 1900s');
  assert.equal(parseAcledDate('1-Sept-2019'), '2019-09-01');
  assert.equal(parseAcledDate('30-Feb-20'), null);
  assert.equal(parseAcledDate('13-13-20'), null);
  assert.equal(parseAcledDate('last week'), null);
  assert.equal(parseAcledDate(''), null);
});

test('textNamesMonth finds the month name or its abbreviation, not the verb "may"', () => {
  assert.equal(textNamesMonth('On 9 May 2020, police fired.', '2020-05-09'), true);
  assert.equal(textNamesMonth('Police may have fired.', '2020-05-09'), false);
  assert.equal(textNamesMonth('On Mar 11th 2019, workers gathered.', '2019-03-11'), true);
  assert.equal(textNamesMonth('On Sept 15th 2019, herdsmen were killed.', '2019-09-15'), true);
  assert.equal(textNamesMonth('Marchers gathered in town.', '2020-03-02'), false);
  assert.equal(textNamesMonth('On 3 December 2019, a boy was killed.', '2019-11-28'), false, 'another month');
});

test('fold removes case, accents and punctuation', () => {
  assert.equal(fold('  Nairobi-City. '), 'nairobi city');
  assert.equal(fold('Étoile-Province'), 'etoile province');
  assert.equal(fold('Ñuñoa'), 'nunoa');
});

test('interCode reads numbers, 2024 text labels and blanks', () => {
  assert.equal(interCode(''), 0);
  assert.equal(interCode('7'), 7);
  assert.equal(interCode('State forces'), 1);
  assert.equal(interCode('Rebel group'), 2);
  assert.equal(interCode('Political militia'), 3);
  assert.equal(interCode('Identity militia'), 4);
  assert.equal(interCode('Rioters'), 5);
  assert.equal(interCode('Protesters'), 6);
  assert.equal(interCode('Civilians'), 7);
  assert.equal(interCode('External/Other forces'), 8);
  assert.equal(interCode('Aliens'), null);
  assert.equal(interCode('12'), null);
});

test('actorsMatch: equal after folding and dropping year spans, or token Jaccard >= 0.5', () => {
  assert.equal(actorsMatch('Military Forces of Afghanistan (2014-)', 'Military Forces of Afghanistan'), true);
  assert.equal(actorsMatch('Police Forces of Kenya (2002-2013)', 'police forces of kenya'), true);
  assert.equal(actorsMatch('Al Shabaab', 'Al-Shabaab militants'), true, '1 of 2 tokens without "al"');
  assert.equal(actorsMatch('Forces Armées', 'forces armees'), true);
  assert.equal(actorsMatch('Civilians (Kenya)', 'Civilians (Afghanistan)'), false, '1 of 3 tokens');
  assert.equal(actorsMatch('Police Forces of Kenya (2013-)', 'Military Forces of Kenya (2013-)'), false);
  assert.equal(actorsMatch('Taliban', ''), false);
  assert.equal(actorsMatch('The Forces', 'Forces of the'), false, 'only stopwords: no token evidence');
});

test('haversineKm gives great-circle distances', () => {
  const nairobiMombasa = haversineKm(-1.2864, 36.8172, -4.0435, 39.6682);
  assert.ok(nairobiMombasa > 430 && nairobiMombasa < 450, String(nairobiMombasa));
  assert.ok(Math.abs(haversineKm(0, 0, 0.2, 0) - 22.24) < 0.05);
  assert.equal(haversineKm(10, 20, 10, 20), 0);
});

test('readAcledGold maps columns by name, keeps rows with notes, honours --limit', () => {
  const file = csvFile([OLD_HEADER, OLD_ROW_1, OLD_ROW_2, OLD_ROW_3]);
  const gold = readAcledGold(file);
  assert.equal(gold.rows.length, 2, 'the row without notes is left out');
  const [r1, r2] = gold.rows as [GoldRow, GoldRow];
  assert.equal(r1.line, 2);
  assert.equal(r2.line, 3);
  assert.equal(r1.eventDate, '2020-05-09');
  assert.equal(r1.admin1, 'Étoile-Province');
  assert.equal(r1.inter1, 1);
  assert.equal(r1.inter2, 2);
  assert.equal(r1.latitude, 1);
  assert.equal(r1.fatalities, 3);
  assert.equal(r1.hasActor2, true);
  assert.equal(r2.eventDate, '2019-12-31');
  assert.equal(readAcledGold(file, 1).rows.length, 1);
});

test('readAcledGold reads the 2024 layout without actor2 columns', () => {
  const gold = readAcledGold(csvFile([NEW_HEADER, NEW_ROW]));
  const row = gold.rows[0]!;
  assert.equal(row.hasActor2, false);
  assert.equal(row.inter1, 6);
  assert.equal(row.inter2, 0);
  assert.equal(row.actor2, '');
  assert.equal(row.eventDate, '2024-08-05');
});

test('readAcledGold: clear one-line errors, and records of the wrong width skipped with their line', () => {
  assert.throws(() => readAcledGold(join(dir, 'absent.csv')), (e: Error) => e instanceof GoldFileError && /absent\.csv: no such file/.test(e.message));
  const noNotes = csvFile(['event_date,event_type', '9-May-20,Battles']);
  assert.throws(() => readAcledGold(noNotes), (e: Error) => e instanceof GoldFileError && /missing columns notes, sub_event_type/.test(e.message) && !e.message.includes('\n'));
  const badQuote = csvFile([OLD_HEADER, 'a,"b']);
  assert.throws(() => readAcledGold(badQuote), (e: Error) => e instanceof GoldFileError && e.message.startsWith(badQuote));
  const short = csvFile([OLD_HEADER, 'XYZ9,9-May-20,Battles', OLD_ROW_2]);
  const gold = readAcledGold(short);
  assert.equal(gold.rows.length, 1);
  assert.deepEqual(gold.skipped.map((s) => s.line), [2]);
});

const [ROW_1, ROW_2] = readAcledGold(csvFile([OLD_HEADER, OLD_ROW_1, OLD_ROW_2])).rows as [GoldRow, GoldRow];
const [ROW_NEW] = readAcledGold(csvFile([NEW_HEADER, NEW_ROW])).rows as [GoldRow];

const PERFECT_1 = event({
  event_date: '2020-05-09', event_type: 'Battles', sub_event_type: 'Armed clash',
  actor1: 'Rebels of the North', inter1: 2, actor2: 'Military Forces of Testland', inter2: 1,
  country: 'TESTLAND', admin1: 'etoile province', latitude: 1.1, longitude: 36.05, fatalities: 3,
});

test('scoreRow: a matching first event hits every metric (interaction pair unordered, folded names, 25 km)', () => {
  const score = scoreRow(ROW_1, [PERFECT_1, event({ event_type: 'Riots' })]);
  assert.deepEqual(missedMetrics(score), []);
  assert.deepEqual(score.actors, { hits: 2, total: 2 });
  assert.deepEqual(score.date, { hits: 1, total: 1 });
});

test('scoreRow: only the first event is scored', () => {
  const score = scoreRow(ROW_1, [event({ event_type: 'Riots' }), PERFECT_1]);
  assert.deepEqual(missedMetrics(score), [
    'event_type', 'sub_event_type', 'date', 'fatalities', 'loc25', 'admin1', 'country', 'interaction', 'actors',
  ]);
});

test('scoreRow: each metric misses on its own', () => {
  const miss = (fields: Partial<AcledEvent>) => missedMetrics(scoreRow(ROW_1, [{ ...PERFECT_1, ...fields }]));
  assert.deepEqual(miss({ sub_event_type: 'Attack' }), ['sub_event_type']);
  assert.deepEqual(miss({ event_date: '2020-05-10' }), ['date']);
  assert.deepEqual(miss({ fatalities: 4 }), ['fatalities']);
  assert.deepEqual(miss({ latitude: 1.3 }), ['loc25'], 'about 33 km away');
  assert.deepEqual(miss({ latitude: null, longitude: null }), ['loc25']);
  assert.deepEqual(miss({ admin1: 'Etoile' }), ['admin1']);
  assert.deepEqual(miss({ country: 'Otherland' }), ['country']);
  assert.deepEqual(miss({ inter1: 2, inter2: 3 }), ['interaction']);
  assert.deepEqual(scoreRow(ROW_1, [{ ...PERFECT_1, actor1: 'Police Forces of Testland' }]).actors, { hits: 1, total: 2 });
});

test('scoreRow: no event misses everything; date is scored only when the note names the month', () => {
  const s1 = scoreRow(ROW_1, []);
  assert.deepEqual(s1.covered, { hits: 0, total: 1 });
  assert.deepEqual(s1.date, { hits: 0, total: 1 });
  assert.deepEqual(s1.actors, { hits: 0, total: 2 });
  const s2 = scoreRow(ROW_2, []);
  assert.equal(s2.date, undefined, '"Gunmen killed a trader in Gamma." names no month');
  assert.equal(missedMetrics(s2).includes('date'), false);
});

test('statedInNote: whether the note writes the gold year and names the gold place or one of its admin units', () => {
  assert.deepEqual(statedInNote(ROW_1), { year: true, place: true }, '"On 9 May 2020 ... near Alpha"');
  assert.deepEqual(statedInNote(ROW_2), { place: true }, 'no month named: the year is not asked');
  const bare: GoldRow = { ...ROW_1, notes: 'On 9 May, soldiers clashed with rebels; 3 were killed (20200).' };
  assert.deepEqual(statedInNote(bare), { year: false, place: false });
  assert.deepEqual(statedInNote({ ...bare, notes: 'On 9 May, soldiers clashed in Etoile Province.' }).place, true, 'admin1, folded');
  assert.deepEqual(statedInNote({ ...bare, latitude: null }).place, undefined, 'no gold coordinates');
});

test('scoreRow: without actor2 columns, gold inter1 must be one side of the predicted pair', () => {
  const hit = scoreRow(ROW_NEW, [event({ event_type: 'Protests', actor1: 'Protesters (Testland)', inter1: 6, inter2: 1 })]);
  assert.deepEqual(hit.interaction, { hits: 1, total: 1 });
  assert.deepEqual(hit.actors, { hits: 1, total: 1 }, 'only actor1 is gold');
  const miss = scoreRow(ROW_NEW, [event({ inter1: 5, inter2: 1 })]);
  assert.deepEqual(miss.interaction, { hits: 0, total: 1 });
});

test('scoreRow: a missing predicted inter2 counts as 0', () => {
  const row: GoldRow = { ...ROW_1, inter2: 0 };
  assert.deepEqual(scoreRow(row, [event({ inter1: 1 })]).interaction, { hits: 1, total: 1 });
  assert.deepEqual(scoreRow(row, [{ ...event({ inter1: 1 }), inter2: undefined as unknown as number }]).interaction, { hits: 1, total: 1 });
});

test('AcledScorer sums the rows, counts events per document and builds the confusion table', () => {
  const scorer = new AcledScorer();
  scorer.add(ROW_1, [PERFECT_1, event({})]);
  scorer.add(ROW_2, [event({ event_type: 'Battles' })]);
  scorer.add(ROW_NEW, [], true);
  const m = scorer.metrics();
  assert.equal(m.rows, 3);
  assert.deepEqual(m.scores.covered, { hits: 2, total: 3 });
  assert.deepEqual(m.scores.event_type, { hits: 1, total: 3 });
  assert.deepEqual(m.scores.date, { hits: 1, total: 2 }, 'ROW_2 names no month');
  assert.deepEqual(m.scores.actors, { hits: 2, total: 5 });
  assert.equal(m.events, 3);
  assert.equal(m.events_per_doc, 1);
  assert.equal(m.extract_errors, 1);
  assert.deepEqual(m.stated, { year: { hits: 2, total: 2 }, place: { hits: 3, total: 3 } }, 'ROW_2 names no month');
  assert.deepEqual(m.confusion, {
    Battles: { Battles: 1 },
    Protests: { '(none)': 1 },
    'Violence against civilians': { Battles: 1 },
  });
});
