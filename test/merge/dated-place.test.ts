import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datedPlaceReport } from '../../src/extraction/dated-place.js';
import { learnSourceCountries } from '../../src/ingest/source-country.js';
import { clusterReports } from '../../src/merge/engine.js';
import type { MergeInput } from '../../src/merge/types.js';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const read = (id: string, text: string, country?: string) =>
  extractor.extract({ id, text, date: '2021-05-01', source: 'Monitor', country, origin: { file: 'test' } });

test('a record naming a day and a place but no event is a report of unknown type', () => {
  const { doc, events } = read('r1', 'April 12th 2021: (X17) Homs city, Homs governorate, Syria');
  assert.equal(events.length, 0);
  const r = datedPlaceReport(doc)!;
  assert.equal(r.event_date, '2021-04-12', 'the day the record names, not its publication');
  assert.equal(r.country, 'Syria');
  assert.ok(r.admin1);
  assert.equal(r.event_type, undefined);
  // No day, or no place: nothing.
  assert.equal(datedPlaceReport(read('r2', 'Monthly assessment (X18)').doc), undefined);
  assert.equal(datedPlaceReport(read('r3', 'Homs city, Homs governorate, Syria').doc), undefined);
});

test('a record placed at its province names the place inside it; records of two villages of one day stay apart', () => {
  const report = (id: string, text: string) => datedPlaceReport(read(id, text, 'Syria').doc)!;
  // (An invented village: a spelling of a town the gazetteer knows is that town, "Kafr Zeita" Kafr Zayta.)
  assert.equal(report('v0', 'April 12th 2021: (X19) Kafr Zeita village, Hama governorate, Syria').location, 'Kafr Zayta');
  const a = report('v1', 'April 12th 2021: (X20) Kafr Zubayda village, Hama governorate, Syria');
  const b = report('v2', 'April 12th 2021: (X21) Kafr-Zubayda, Hama governorate, Syria');
  const c = report('v3', 'April 12th 2021: (X22) Tell Sukkar farms, Hama governorate, Syria');
  assert.equal(a.location, 'Kafr Zubayda');
  assert.equal(a.geo_precision, 2);
  assert.equal(b.location, 'Kafr Zubayda');
  assert.equal(c.location, 'Tell Sukkar');
  // Two outlets' records of the village (two spellings) are one; one monitor's two records of it are
  // two incidents it listed apart.
  const inputs = [a, { ...b, source: 'Another monitor' }, c];
  assert.deepEqual(clusterReports(inputs).map((g) => g.map((i) => inputs[i]!.event_id)), [['v1#place', 'v2#place'], ['v3#place']]);
  assert.deepEqual(clusterReports([a, b]).map((g) => g.length), [1, 1]);
  // Placed at a town, the town is the place: a street in it is not told apart.
  assert.equal(report('v4', 'April 12th 2021: (X23) Qitar street, Homs city, Homs governorate, Syria').geo_precision, 1);
});

test('a record dated in March is a dated place record, not a march', () => {
  // "March" before a day or a year is the month, though it opens the text.
  const { doc, events } = read('m1', 'March 3rd 2021: (X30) Tell Sukkar village, Hama governorate, Syria', 'Syria');
  assert.equal(events.length, 0);
  const r = datedPlaceReport(doc)!;
  assert.equal(r.event_date, '2021-03-03');
  assert.equal(r.event_type, undefined);
  assert.equal(read('m2', 'March 2021: (X31) Homs city, Homs governorate, Syria', 'Syria').events.length, 0);
  // A march is still a protest.
  assert.equal(read('m3', 'Hundreds march in Homs against the siege', 'Syria').events[0]?.event_type, 'Protests');
});

test('a record naming a village before a town is at the village, near the town: not merged with the town\'s records', () => {
  const report = (id: string, text: string) => datedPlaceReport(read(id, text, 'Syria').doc)!;
  const village = report('t1', 'April 12th 2021: (X40) Kafr Zubayda village, east of Homs city, Homs governorate, Syria');
  assert.equal(village.location, 'Kafr Zubayda');
  assert.equal(village.geo_precision, 2);
  const farm = report('t2', 'April 12th 2021: (X41) Al Nour farm, north of Homs city, Homs governorate, Syria');
  assert.equal(farm.location, 'Al Nour');
  // The province spelt with the article and one s or two (aliases.tsv).
  assert.equal(report('t5', 'April 12th 2021: (X44) Tell Zubayda village, Al Hasaka governorate, Syria').admin1, report('t6', 'April 12th 2021: (X45) Tell Zubayda village, Al Hasakah governorate, Syria').admin1);
  assert.ok(report('t7', 'April 12th 2021: (X46) Tell Zubayda village, Al Hassakah governorate, Syria').admin1);
  // A quarter of the town is the town.
  const quarter = report('t3', 'April 12th 2021: (X42) Qitar neighbourhood, Homs city, Homs governorate, Syria');
  const town = report('t4', 'April 12th 2021: (X43) Homs city, Homs governorate, Syria');
  assert.equal(quarter.location, town.location);
  assert.equal(quarter.geo_precision, 1);
  const inputs = [village, farm, quarter, town];
  assert.deepEqual(clusterReports(inputs).map((g) => g.map((i) => inputs[i]!.event_id)), [['t1#place'], ['t2#place'], ['t3#place', 't4#place']]);
});

test('records of one day and place merge; a typed event of that place needs more than the day to take them', () => {
  const place = { country: 'Syria', admin1: 'Homs', location: 'Homs', latitude: 34.73, longitude: 36.72, geo_precision: 1 as const, time_precision: 1 as const };
  const inputs: MergeInput[] = [
    { ...place, event_id: 'a', doc_id: 'd1', event_date: '2021-04-12' },
    { ...place, event_id: 'b', doc_id: 'd2', event_date: '2021-04-12' },
    { ...place, event_id: 'c', doc_id: 'd3', event_date: '2021-04-14' },
    { ...place, event_id: 'e', doc_id: 'd4', event_date: '2021-04-12', event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Islamic State' },
  ];
  const groups = clusterReports(inputs).map((g) => g.map((i) => inputs[i]!.event_id));
  assert.deepEqual(groups, [['a', 'b'], ['c'], ['e']]);
});

test('an outlet\'s country is the one most of its located documents are in, else the collection\'s', () => {
  const samples = [
    ...Array.from({ length: 6 }, () => ({ source: 'A', country: 'Syria' })),
    { source: 'A', country: 'United States' },
    ...Array.from({ length: 5 }, () => ({ source: 'B', country: 'Iraq' })),
    ...Array.from({ length: 4 }, () => ({ source: 'C', country: 'Turkey' })),
    { source: 'D', country: '' },
  ];
  const learnt = learnSourceCountries(samples);
  assert.equal(learnt.countryOf('A'), 'Syria');
  assert.equal(learnt.countryOf('B'), 'Iraq');
  assert.equal(learnt.countryOf('C'), undefined, 'too few of its own, and no country holds most of the collection');
  assert.equal(learnSourceCountries([...samples, ...samples.slice(0, 7)]).countryOf('C'), 'Syria');
  assert.equal(learnt.countryOf(undefined), undefined);
});

test('a country given with a document is the focus of its ambiguous place names', () => {
  const place = (text: string, country?: string) => read('p', text, country).events[0]?.country;
  assert.equal(place('Clashes in Tripoli'), 'Libya');
  assert.equal(place('Clashes in Tripoli', 'Lebanon'), 'Lebanon');
  assert.equal(place('Clashes in Tripoli', 'LB'), 'Lebanon', 'a code as well as a name');
  assert.equal(place('Bombing in Hyderabad', 'Pakistan'), 'Pakistan');
});
