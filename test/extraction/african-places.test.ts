// Places of African conflict notes (invented sentences in the style of ACLED's notes): a town whose
// name holds a people's name, a province of the town's own name in brackets, a district GeoNames
// files under a former province, a district GeoNames lists twice.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcledEvent } from '../../src/common/event.js';
import { loadGeoparser } from '../../src/geography/index.js';
import { createExtractor } from '../../src/pipeline/index.js';
import { haversineKm } from '../../src/common/distance.js';

const extractor = createExtractor();
const geo = loadGeoparser();

function first(text: string): AcledEvent | undefined {
  return extractor.extract({ text, origin: { file: 'inline' } }).events[0];
}

test('a town whose name holds a people\'s name is the town: "El Fula" is no Fula militia', () => {
  const e = first('On 2 May 2022, teachers staged a sit-in in El Fula (El Salam, West Kordofan) demanding unpaid salaries.');
  assert.equal(e?.country, 'Sudan');
  assert.equal(e?.location?.replace(/^Al[- ]/, ''), 'Fulah', JSON.stringify(e?.location));
  // (Not a town abroad that only its name places: "Dhaka - New Market" is no New Market of Virginia.)
  const d = first('On 4 June 2023, traders staged a human chain in Dhaka - New Market (New Market), demanding lower rents.');
  assert.equal(d?.country, 'Bangladesh');
});

test('a province of the town\'s own name in brackets holds the town: the town outranks one named in passing', () => {
  const e = first('On 3 April 2022, students rallied in solidarity with pupils beaten in a Nyala school, in front of the parliament in Khartoum (Khartoum state).');
  assert.equal(e?.location, 'Khartoum');
  const f = first('On 9 May 2022, residents of Zamzam camp protested outside the Ministry of Interior in Khartoum (Khartoum, Khartoum) over insecurity in North Darfur.');
  assert.equal(f?.location, 'Khartoum');
});

test('a locality GeoNames files under a former state is at its seat: Ghebeish at Ghubaysh, West Kordofan', () => {
  const e = first('On 7 June 2022, unknown gunmen killed a herder on a farm in Ghubaysh (Ghubaish, West Kordofan).');
  assert.ok(e && e.latitude !== undefined && e.longitude !== undefined);
  assert.ok(haversineKm(e.latitude!, e.longitude!, 12.15, 27.35) < 25, `${e.location} ${e.latitude},${e.longitude}`);
});

test('a woreda of a zone GeoNames lists twice is at its zone, not at its region\'s point', () => {
  const p = geo.parse('Soldiers arrested students in Inango on Tuesday.').find((x) => x.text === 'Inango');
  assert.equal(p?.entry.countryCode, 'ET');
  // West Wellega's seat, Gimbi, not Oromia's point near Addis Ababa.
  assert.ok(p && p.entry.longitude < 37, JSON.stringify(p?.entry));
});

test('a route word before or after two towns joined by a hyphen: the first town is the place, not an actor\'s', () => {
  assert.equal(first('On 3 May, presumed militants ambushed a gendarmerie patrol on the axis Kaya-Dori, killing two gendarmes.')?.location, 'Kaya');
  assert.equal(first('Fighting between two armed groups was reported on the Bambari-Ippy axis; four fighters were killed.')?.location, 'Bambari');
});

test('territory taken and a town under a group\'s control are events', () => {
  const e = first('In the absence of the army, rebels gained control of Kaga-Bandoro after threatening the residents.');
  assert.equal(e?.location, 'Kaga-Bandoro', 'gained control of');
  const c = first('Major development: Kidal is now under the control of the CMA, without any fighting.');
  assert.equal(c?.sub_event_type, 'Non-violent transfer of territory');
});
