// `sitrep eval muc`: recall of MUC-4 incidents (country, place on the location path, date window),
// and the fields scored on found incidents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AcledEvent } from '../../src/common/event.js';
import {
  locationAlternatives,
  MucScorer,
  mucDateFits,
  mucPlaceFits,
  perpetratorMatches,
  readMucGold,
  type MucIncident,
} from '../../src/eval/muc.js';
import { defaultDataDir } from '../../src/eval/all.js';

function event(fields: Partial<AcledEvent>): AcledEvent {
  return {
    event_id: 'e', doc_id: 'd', event_date: '1990-01-03', time_precision: 1, event_type: 'Violence against civilians',
    sub_event_type: 'Attack', actor1: 'FMLN: Farabundo Marti National Liberation Front', assoc_actor_1: '', inter1: 2,
    actor2: 'Civilians (El Salvador)', assoc_actor_2: '', inter2: 7, interaction: 27, country: 'El Salvador', iso3: 'SLV',
    admin1: 'San Salvador', admin2: '', location: 'Apopa', latitude: 13.8, longitude: -89.18, geo_precision: 1,
    fatalities: 2, notes: '', source: '', confidence: 0.5, claims: [], tactics: [], evidence: {},
    ...fields,
  };
}

function incident(fields: Partial<MucIncident>): MucIncident {
  return {
    template: '1', eventType: 'Violence against civilians', subEventType: 'Attack', lowConfidence: false,
    paths: locationAlternatives('EL SALVADOR: SAN SALVADOR (DEPARTMENT): APOPA (CITY)', null, null),
    dateKind: 'exact', dateStart: '1990-01-03', dateEnd: '1990-01-03',
    perpetrators: ['FARABUNDO MARTI NATIONAL LIBERATION FRONT', 'FMLN'], fatalities: 2,
    ...fields,
  };
}

test('location slots become alternative paths of alternative names', () => {
  assert.deepEqual(
    locationAlternatives('(PERU: CUSCO (DEPARTMENT): MACHU PICHU (TOWN)) / (PERU: CUSCO (CITY))', null, null),
    [[['peru'], ['cusco'], ['machu pichu']], [['peru'], ['cusco']]],
  );
  assert.deepEqual(locationAlternatives('COLOMBIA: CANO LIMON (CITY) - COVENAS (CITY)', null, null), [[['colombia'], ['cano limon', 'covenas']]]);
  assert.deepEqual(locationAlternatives('-', ['PERU'], 'PERU'), [[['peru']]]);
});

test('found: same country and a place on the path below it, or a country-only path', () => {
  assert.ok(mucPlaceFits(event({}), incident({})));
  assert.ok(mucPlaceFits(event({ location: 'Somewhere', admin1: 'San Salvador' }), incident({})), 'the department');
  assert.ok(!mucPlaceFits(event({ location: 'Somewhere', admin1: 'Morazan' }), incident({})));
  assert.ok(!mucPlaceFits(event({ country: 'Honduras' }), incident({})));
  assert.ok(mucPlaceFits(event({ location: 'Anywhere', admin1: '' }), incident({ paths: [[['el salvador']]] })));
});

test('dates: within 3 days; on or before within 45 days; a range with 3 days either side', () => {
  assert.ok(mucDateFits('1990-01-06', incident({})));
  assert.ok(!mucDateFits('1990-01-07', incident({})));
  const before = incident({ dateKind: 'on_or_before', dateStart: '1990-01-03', dateEnd: '1990-01-03' });
  assert.ok(mucDateFits('1989-12-01', before));
  assert.ok(!mucDateFits('1989-11-17', before));
  assert.ok(!mucDateFits('1990-01-04', before));
  const range = incident({ dateKind: 'range', dateStart: '1990-01-03', dateEnd: '1990-01-10' });
  assert.ok(mucDateFits('1990-01-12', range));
  assert.ok(!mucDateFits('1990-01-14', range));
});

test('perpetrators: names, acronyms, state forces by role', () => {
  assert.ok(perpetratorMatches('FMLN', 'FMLN: Farabundo Marti National Liberation Front'));
  assert.ok(perpetratorMatches('FARABUNDO MARTI NATIONAL LIBERATION FRONT', 'Farabundo Marti National Liberation Front'));
  assert.ok(perpetratorMatches('ANC', 'African National Congress'));
  assert.ok(perpetratorMatches('THE SALVADORAN ARMY', 'Military Forces of El Salvador (1979-2009)'));
  assert.ok(perpetratorMatches('NATIONAL POLICE', 'Police Forces of Colombia'));
  assert.ok(!perpetratorMatches('SHINING PATH', 'Islamic State (Peru)'));
  assert.ok(!perpetratorMatches('GUERRILLAS', 'Military Forces of El Salvador'));
});

test('scores: recall over incidents; fields on found ones (type unless low confidence, fatalities with a number, exact date)', () => {
  const scorer = new MucScorer();
  const doc = {
    line: 1, id: 'D1', text: 'x',
    incidents: [
      incident({}),
      incident({ template: '2', lowConfidence: true, fatalities: null, dateKind: 'on_or_before', paths: [[['el salvador'], ['zaragoza']]] }),
      incident({ template: '3', paths: [[['peru'], ['lima']]] }),
    ],
  };
  const s = scorer.add(doc, [
    event({ event_date: '1990-01-04', fatalities: 1, event_type: 'Battles' }),
    event({ location: 'Zaragoza', admin1: '' }),
    event({ event_date: '1990-01-04' }),
  ]);
  assert.deepEqual(s.map((x) => x.found), [true, true, false]);
  assert.equal(s[0]!.predicted, 2, 'the best-agreeing of the fitting predictions');
  assert.deepEqual(s[0]!.fields, { event_type: true, perpetrator: true, fatalities: true, date: false });
  assert.deepEqual(s[1]!.fields, { perpetrator: true });
  const m = scorer.metrics();
  assert.deepEqual(m.scores.incident_recall, { hits: 2, total: 3 });
  assert.deepEqual(m.scores.event_type, { hits: 1, total: 1 });
});

test('a MUC gold file: optional templates are not incidents; a broken line names file and line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-eval-muc-'));
  const file = join(dir, 'dev.jsonl');
  const template = (n: string, optional: boolean) => ({
    template: n, optional, location: { raw: 'PERU: LIMA (CITY)' }, date: { start: '1990-01-03', end: '1990-01-03', kind: 'exact' },
    perp_organization: [['SHINING PATH']], perp_individual: [],
  });
  const ev = (optional: boolean) => ({ event_type: 'Violence against civilians', optional, fatalities: 1, mapping_confidence: 'medium' });
  writeFileSync(file, JSON.stringify({
    id: 'D1', date: '1990-01-04', text: 'LIMA, 4 JAN 90 -- ...',
    gold: { muc_templates: [template('1', false), template('2', true), { template: '3', unmapped_reason: 'threat' }], events: [ev(false), ev(true)] },
  }) + '\n{broken\n');
  assert.throws(() => readMucGold(file), /dev\.jsonl:2: not valid JSON/);
  const docs = readMucGold(file, 1);
  assert.equal(docs[0]!.incidents.length, 1);
  assert.deepEqual(docs[0]!.incidents[0]!.perpetrators, ['SHINING PATH']);
});

const MUC = join(defaultDataDir(), 'muc4', 'dev.jsonl');

test('the MUC dev file reads: 850 documents, 598 incidents', { skip: existsSync(MUC) ? false : `no ${MUC}` }, () => {
  const docs = readMucGold(MUC);
  assert.equal(docs.length, 850);
  assert.equal(docs.reduce((n, d) => n + d.incidents.length, 0), 598);
});
