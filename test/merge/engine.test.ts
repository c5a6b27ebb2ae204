import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterReports, mergeRecords } from '../../src/merge/engine.js';
import { nameSkeleton } from '../../src/merge/compat.js';
import type { MergeInput } from '../../src/merge/types.js';

const base = {
  time_precision: 1 as const,
  country: 'Syria',
  iso3: 'SYR',
  geo_precision: 1 as const,
};

function rec(id: string, doc: string, fields: Partial<MergeInput>): MergeInput {
  return { ...base, event_id: id, doc_id: doc, ...fields } as MergeInput;
}

const strikeIdlib = (id: string, doc: string, extra: Partial<MergeInput> = {}) =>
  rec(id, doc, {
    event_date: '2024-03-01', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike',
    actor1: 'Military Forces of Russia', admin1: 'Idlib', location: 'Maarrat al-Numan', latitude: 35.64, longitude: 36.67, ...extra,
  });

function groupsOf(inputs: MergeInput[]): string[][] {
  return clusterReports(inputs).map((g) => g.map((i) => inputs[i]!.event_id));
}

test('reports of one strike from three outlets merge; the other town and the battle stay apart', () => {
  const inputs = [
    strikeIdlib('a', 'd1', { source: 'Reuters', publication_date: '2024-03-01', fatalities: 9 }),
    strikeIdlib('b', 'd2', { source: 'AFP', publication_date: '2024-03-02', fatalities: 21, actor1: 'Russian forces', actor2: 'Civilians (Syria)' }),
    // placed at the province only: contained in the town's province
    strikeIdlib('c', 'd3', { source: 'SOHR', location: 'Idlib', latitude: 35.93, longitude: 36.63, geo_precision: 3, publication_date: '2024-03-02', fatalities: 12 }),
    // a different town of the same province on the same day: a different event
    strikeIdlib('d', 'd4', { location: 'Saraqib', latitude: 35.86, longitude: 36.8 }),
    // a battle elsewhere on the same day
    rec('e', 'd2', { event_date: '2024-03-01', event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Islamic State', actor2: 'QSD: Syrian Democratic Forces', admin1: 'Deir ez-Zor', location: 'Hajin', latitude: 34.69, longitude: 40.83 }),
  ];
  const groups = groupsOf(inputs);
  // c fits both towns (Maarrat al-Numan and Saraqib): ambiguous, it joins neither.
  assert.deepEqual(groups, [['a', 'b'], ['c'], ['d'], ['e']]);
  const merged = mergeRecords(inputs)[0]!;
  assert.deepEqual(merged.members, ['a', 'b']);
  assert.equal(merged.fields.source, 'AFP; Reuters');
  assert.equal(merged.fatalities_best, 21, 'the latest total');
  assert.equal(merged.fatalities_low, 9);
  assert.equal(merged.fatalities_high, 21);
  assert.equal(merged.provenance.fatalities, 'b');
  assert.ok(merged.disagreements.fatalities);
});

test('a province-level report joins the one event of its province', () => {
  const inputs = [
    strikeIdlib('a', 'd1', { fatalities: 9 }),
    strikeIdlib('c', 'd3', { location: 'Idlib', geo_precision: 3, latitude: 35.93, longitude: 36.63, fatalities: 9 }),
  ];
  assert.deepEqual(groupsOf(inputs), [['a', 'c']]);
  const m = mergeRecords(inputs)[0]!;
  assert.equal(m.fields.location, 'Maarrat al-Numan', 'the most precise place');
  assert.equal(m.provenance.location, 'a');
});

test('one document\'s distinct events never merge, nor two bombings of one city told apart by their actors', () => {
  const sameDoc = [strikeIdlib('a', 'd1'), strikeIdlib('b', 'd1')];
  assert.deepEqual(groupsOf(sameDoc), [['a'], ['b']]);
  const bomb = (id: string, doc: string, a1: string, a2: string) =>
    rec(id, doc, { event_date: '2024-03-01', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', actor1: a1, actor2: a2, admin1: 'Aleppo', location: 'Al Bab', latitude: 36.37, longitude: 37.51 });
  const two = [bomb('x', 'd1', 'Islamic State', 'SNA: Syrian National Army'), bomb('y', 'd2', 'QSD: Syrian Democratic Forces', 'Military Forces of Turkey')];
  assert.deepEqual(groupsOf(two), [['x'], ['y']]);
  const protestAndBattle = [
    rec('p', 'd1', { event_date: '2024-03-01', event_type: 'Protests', sub_event_type: 'Peaceful protest', actor1: 'Protesters (Syria)', admin1: 'Idlib', location: 'Idlib', geo_precision: 1 }),
    rec('q', 'd2', { event_date: '2024-03-01', event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'HTS: Hayat Tahrir al Sham', admin1: 'Idlib', location: 'Idlib', geo_precision: 1 }),
  ];
  assert.deepEqual(groupsOf(protestAndBattle), [['p'], ['q']]);
});

test('a battle absorbs a report of shelling in the same engagement; aliases match', () => {
  const inputs = [
    rec('s', 'd1', { event_date: '2024-03-02', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', actor1: 'Government of Syria', admin1: 'Hama', location: 'Kafr Nabudah', latitude: 35.43, longitude: 36.5, fatalities: 4 }),
    rec('t', 'd2', { event_date: '2024-03-02', event_type: 'Battles', sub_event_type: 'Armed clash', actor1: 'Military Forces of Syria (2000-2024)', actor2: 'HTS: Hayat Tahrir al Sham', admin1: 'Hama', location: 'Kafr Nabudah', latitude: 35.43, longitude: 36.5, fatalities: 12 }),
  ];
  const [m] = mergeRecords(inputs);
  assert.deepEqual(m!.members, ['s', 't']);
  assert.equal(m!.fields.event_type, 'Battles');
  assert.equal(m!.fields.actor2, 'HTS: Hayat Tahrir al Sham');
});

test('the same reports in five shuffled orders give identical events', () => {
  const inputs: MergeInput[] = [];
  const towns = [['Maarrat al-Numan', 35.64, 36.67], ['Saraqib', 35.86, 36.8], ['Ariha', 35.81, 36.6]] as const;
  for (let day = 1; day <= 6; day++) {
    for (const [t, lat, lon] of towns) {
      for (let k = 0; k < 3; k++) {
        inputs.push(strikeIdlib(`${t}-${day}-${k}`, `doc-${(day * 7 + k * 3) % 11}`, {
          event_date: `2024-03-0${day}`, location: t, latitude: lat, longitude: lon, fatalities: day + k,
          time_precision: (k === 2 ? 2 : 1) as 1 | 2, publication_date: `2024-03-0${day + (k > 0 ? 1 : 0)}`,
        }));
      }
    }
  }
  const expected = JSON.stringify(mergeRecords(inputs));
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let n = 0; n < 5; n++) {
    const shuffled = [...inputs];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    assert.equal(JSON.stringify(mergeRecords(shuffled)), expected, `order ${n}`);
  }
  assert.ok(mergeRecords(inputs).length < inputs.length, 'something merged');
});

test('a city named like its province is placed at the province; transliterations are one name', async () => {
  const { sameName, prepare } = await import('../../src/merge/compat.js');
  assert.ok(sameName('dar a', 'daraa'));
  assert.ok(sameName('idleb', 'idlib'));
  assert.ok(sameName('al hasakeh', 'al hasakah'));
  assert.ok(!sameName('hama', 'homs'));
  assert.ok(!sameName('idlib', 'saraqib'));
  // "the countryside of Daraa" resolved to the city of Dar'a: a province-level place for merging
  assert.equal(prepare(rec('x', 'd', { admin1: "Dar'a", location: 'Daraa' }), 0).coarse, true);
  assert.equal(prepare(rec('y', 'd', { admin1: "Dar'a", location: 'Busra al-Harir' }), 0).coarse, false);
});

test('the same toll from two outlets of one day and place is evidence of one event', () => {
  const shelling = (id: string, doc: string, fatalities: number, day = '02') =>
    rec(id, doc, { event_date: `2024-05-${day}`, event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', admin1: 'Hama', location: 'Kafr Zita', latitude: 35.37, longitude: 36.6, fatalities });
  // a day apart, one town and one type are not enough by themselves (tolls five times apart)
  assert.deepEqual(groupsOf([shelling('a', 'd1', 4), shelling('b', 'd2', 20, '03')]), [['a'], ['b']]);
  // a toll and its update the next day, within a factor of four, at one town: one event
  assert.deepEqual(groupsOf([shelling('a', 'd1', 4), shelling('b', 'd2', 7, '03')]), [['a', 'b']]);
  // but not of two sub-event types, nor of two towns
  const strike = (id: string, doc: string, fatalities: number, day = '02') => ({ ...shelling(id, doc, fatalities, day), sub_event_type: 'Air/drone strike' });
  assert.deepEqual(groupsOf([shelling('a', 'd1', 4), strike('b', 'd2', 7, '03')]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([shelling('a', 'd1', 4), { ...shelling('b', 'd2', 7, '03'), location: 'Kafr Nabudah', latitude: 35.62, longitude: 36.25 }]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([shelling('a', 'd1', 7), shelling('b', 'd2', 7, '03')]), [['a', 'b']]);
});

test("one outlet's two reports of a single death each in one province are two killings", () => {
  const killing = (id: string, doc: string, source: string, fatalities = 1) =>
    rec(id, doc, { event_date: '2024-06-12', event_type: 'Violence against civilians', sub_event_type: 'Attack', admin1: 'Daraa', location: 'Daraa', geo_precision: 3, fatalities, source });
  // "gunmen kill a man in the Daraa countryside", "a body found in eastern Daraa": a monitor's two killings
  assert.deepEqual(groupsOf([killing('a', 'd1', 'Monitor'), killing('b', 'd2', 'Monitor')]), [['a'], ['b']]);
  // the same single death from two outlets, or one outlet's same toll of three: one event
  assert.deepEqual(groupsOf([killing('a', 'd1', 'Monitor'), killing('b', 'd2', 'Wire')]), [['a', 'b']]);
  assert.deepEqual(groupsOf([killing('a', 'd1', 'Monitor', 3), killing('b', 'd2', 'Monitor', 3)]), [['a', 'b']]);
});

test('reports that place nothing finer than the country merge only on the same toll', () => {
  // (shelling: two bombings of one day are evidence by themselves, see below)
  const shelling = (id: string, doc: string, fatalities: number, day = '02', sub = 'Shelling/artillery/missile attack') =>
    rec(id, doc, { event_date: `2024-05-${day}`, event_type: 'Explosions/Remote violence', sub_event_type: sub, fatalities });
  assert.deepEqual(groupsOf([shelling('a', 'd1', 17), shelling('b', 'd2', 17)]), [['a', 'b']]);
  // told the next day, or of an air strike and of shelling, or by a report placed in its province
  assert.deepEqual(groupsOf([shelling('a', 'd1', 17), shelling('b', 'd2', 17, '03')]), [['a', 'b']]);
  assert.deepEqual(groupsOf([shelling('a', 'd1', 17), shelling('b', 'd2', 17, '02', 'Air/drone strike')]), [['a', 'b']]);
  assert.deepEqual(groupsOf([shelling('a', 'd1', 17), { ...shelling('b', 'd2', 17), admin1: 'Hama', location: 'Hama', geo_precision: 3 }]), [['a', 'b']]);
  // another toll, two days apart, or a single death: too little to go on
  assert.deepEqual(groupsOf([shelling('a', 'd1', 17), shelling('b', 'd2', 16)]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([shelling('a', 'd1', 17), shelling('b', 'd2', 17, '04')]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([shelling('a', 'd1', 1), shelling('b', 'd2', 1)]), [['a'], ['b']]);
  // a battle and a protest are never one event
  assert.deepEqual(groupsOf([shelling('a', 'd1', 17), { ...shelling('b', 'd2', 17), event_type: 'Protests', sub_event_type: 'Peaceful protest' }]), [['a'], ['b']]);
});

test('two tolls of one day and one province within a factor of two are a count and its update', () => {
  const shelling = (id: string, doc: string, fatalities: number, extra: Partial<MergeInput> = {}) =>
    rec(id, doc, { event_date: '2024-05-02', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', admin1: 'Idlib', location: 'Idlib', geo_precision: 3, fatalities, ...extra });
  assert.deepEqual(groupsOf([shelling('a', 'd1', 12), shelling('b', 'd2', 20)]), [['a', 'b']]);
  // more than doubled, another day, or no province: apart
  assert.deepEqual(groupsOf([shelling('a', 'd1', 12), shelling('b', 'd2', 30)]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([shelling('a', 'd1', 12), shelling('b', 'd2', 20, { event_date: '2024-05-03' })]), [['a'], ['b']]);
  const unplaced = { admin1: '', location: '', geo_precision: 3 as const };
  assert.deepEqual(groupsOf([shelling('a', 'd1', 12, unplaced), shelling('b', 'd2', 20, unplaced)]), [['a'], ['b']]);
});

test('two bombings of one day in one province are one incident; air strikes or another day are not', () => {
  const report = (id: string, doc: string, sub: string, extra: Partial<MergeInput> = {}) =>
    rec(id, doc, { event_date: '2024-06-11', event_type: 'Explosions/Remote violence', sub_event_type: sub, admin1: 'Aleppo', location: 'Aleppo', geo_precision: 3, ...extra });
  const ied = 'Remote explosive/landmine/IED';
  assert.deepEqual(groupsOf([report('a', 'd1', ied), report('b', 'd2', ied, { fatalities: 6 })]), [['a', 'b']]);
  assert.deepEqual(groupsOf([report('a', 'd1', ied), report('b', 'd2', 'Suicide bomb')]), [['a', 'b']]);
  assert.deepEqual(groupsOf([report('a', 'd1', 'Air/drone strike'), report('b', 'd2', 'Air/drone strike')]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([report('a', 'd1', ied), report('b', 'd2', ied, { event_date: '2024-06-12' })]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([report('a', 'd1', ied), report('b', 'd2', ied, { admin1: 'Idlib', location: 'Idlib' })]), [['a'], ['b']]);
  // with no province, the same toll of one bombing's day
  const unplaced = { admin1: '', location: '', geo_precision: 3 as const };
  assert.deepEqual(groupsOf([report('a', 'd1', ied, { ...unplaced, fatalities: 1 }), report('b', 'd2', ied, { ...unplaced, fatalities: 1 })]), [['a', 'b']]);
  assert.deepEqual(groupsOf([report('a', 'd1', ied, { ...unplaced, fatalities: 1 }), report('b', 'd2', ied, { ...unplaced, fatalities: 3 })]), [['a'], ['b']]);
  // one document's two bombings stay two
  assert.deepEqual(groupsOf([report('a', 'd1', ied), report('b', 'd1', ied)]), [['a'], ['b']]);
});

test('a report near a town and one at the town are of one area only: they merge on more evidence', () => {
  const at = strikeIdlib('a', 'd1', { location: 'Saraqib', latitude: 35.86, longitude: 36.8 });
  const near = strikeIdlib('b', 'd2', { location: 'Saraqib', latitude: 35.86, longitude: 36.8, geo_precision: 2 });
  assert.deepEqual(groupsOf([at, near]), [['a'], ['b']]);
  // both at the town, or both near it: one place
  assert.deepEqual(groupsOf([at, { ...near, geo_precision: 1 }]), [['a', 'b']]);
  assert.deepEqual(groupsOf([{ ...at, geo_precision: 2 }, near]), [['a', 'b']]);
  // the same toll is the evidence more
  assert.deepEqual(groupsOf([{ ...at, fatalities: 5 }, { ...near, fatalities: 5 }]), [['a', 'b']]);
});

test('two outlets: related types at one town are one engagement, two bombings of one day one incident', () => {
  const at = { event_date: '2024-07-09', admin1: 'Hama', location: 'Kafr Nabudah', latitude: 35.43, longitude: 36.5 };
  const shelling = (id: string, doc: string, source: string) =>
    rec(id, doc, { ...at, source, event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack' });
  const clash = (id: string, doc: string, source: string) => rec(id, doc, { ...at, source, event_type: 'Battles', sub_event_type: 'Armed clash' });
  // "Shelling hits Kafr Nabudah" (one outlet) and "Clashes in Kafr Nabudah" (another): one engagement
  assert.deepEqual(groupsOf([shelling('a', 'd1', 'Outlet A'), clash('b', 'd2', 'Outlet B')]), [['a', 'b']]);
  // one outlet's two headlines of that day, or an outlet unknown: not enough by itself
  assert.deepEqual(groupsOf([shelling('a', 'd1', 'Outlet A'), clash('b', 'd2', 'Outlet A')]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([shelling('a', 'd1', 'Outlet A'), clash('b', 'd2', '')]), [['a'], ['b']]);
  // nor in another town of the province
  assert.deepEqual(groupsOf([shelling('a', 'd1', 'Outlet A'), { ...clash('b', 'd2', 'Outlet B'), location: 'Suran', latitude: 35.29, longitude: 36.74 }]), [['a'], ['b']]);
  // nor when one is near the town ("the army shells a village west of Kafr Nabudah"), even with a
  // side named by both: one area only; both near it, one engagement
  const army = { actor1: 'Military Forces of Syria' };
  assert.deepEqual(groupsOf([{ ...shelling('a', 'd1', 'Outlet A'), ...army, geo_precision: 2 }, { ...clash('b', 'd2', 'Outlet B'), ...army }]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([{ ...shelling('a', 'd1', 'Outlet A'), ...army, geo_precision: 2 }, { ...clash('b', 'd2', 'Outlet B'), ...army, geo_precision: 2 }]), [['a', 'b']]);
  // A typed report and a dated record of unknown type at the town from two outlets: one event; from
  // one outlet, not by itself
  const entry = (id: string, doc: string, source: string) => rec(id, doc, { ...at, source });
  assert.deepEqual(groupsOf([shelling('a', 'd1', 'Outlet A'), entry('b', 'd2', 'Monitor')]), [['a', 'b']]);
  assert.deepEqual(groupsOf([shelling('a', 'd1', 'Monitor'), entry('b', 'd2', 'Monitor')]), [['a'], ['b']]);
  // "Car bomb kills 5 in north Syria" and "Blast hits market": placed no finer than the country
  const bomb = (id: string, doc: string, source: string) =>
    rec(id, doc, { event_date: '2024-07-09', source, event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED' });
  assert.deepEqual(groupsOf([bomb('a', 'd1', 'Outlet A'), bomb('b', 'd2', 'Outlet B')]), [['a', 'b']]);
  assert.deepEqual(groupsOf([bomb('a', 'd1', 'Outlet A'), bomb('b', 'd2', 'Outlet A')]), [['a'], ['b']]);
});

test("one outlet's two reports of battles at one town are two engagements unless more ties them", () => {
  const at = { event_date: '2024-08-14', admin1: 'Hama', location: 'Kafr Nabudah', latitude: 35.43, longitude: 36.5 };
  const clash = (id: string, doc: string, source: string, extra: Partial<MergeInput> = {}) =>
    rec(id, doc, { ...at, source, event_type: 'Battles', sub_event_type: 'Armed clash', ...extra });
  // two outlets: one battle told twice
  assert.deepEqual(groupsOf([clash('a', 'd1', 'Monitor'), clash('b', 'd2', 'Wire')]), [['a', 'b']]);
  // one outlet: two items of the day's fighting there
  assert.deepEqual(groupsOf([clash('a', 'd1', 'Monitor'), clash('b', 'd2', 'Monitor')]), [['a'], ['b']]);
  // the same toll of the same sides still ties them
  const sides = { actor1: 'Military Forces of Syria', actor2: 'Hayat Tahrir al-Sham', fatalities: 12 };
  assert.deepEqual(groupsOf([clash('a', 'd1', 'Monitor', sides), clash('b', 'd2', 'Monitor', sides)]), [['a', 'b']]);
  // one outlet's two reports of shelling that name a side are as before
  const shelling = (id: string, doc: string, extra: Partial<MergeInput> = {}) =>
    clash(id, doc, 'Monitor', { event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', actor1: 'Military Forces of Syria', ...extra });
  assert.deepEqual(groupsOf([shelling('a', 'd1'), shelling('b', 'd2')]), [['a', 'b']]);
});

test("one outlet's two reports of raids on one town that give no toll and name no side are two raids", () => {
  const at = { event_date: '2024-08-15', admin1: 'Idlib', location: 'Ariha', latitude: 35.81, longitude: 36.61 };
  const raid = (id: string, doc: string, source: string, extra: Partial<MergeInput> = {}) =>
    rec(id, doc, { ...at, source, event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', ...extra });
  // "Airstrikes target Ariha" and "Casualties in raids on Ariha", both from one monitor: two raids
  assert.deepEqual(groupsOf([raid('a', 'd1', 'Monitor'), raid('b', 'd2', 'Monitor')]), [['a'], ['b']]);
  // from two outlets, one raid told twice
  assert.deepEqual(groupsOf([raid('a', 'd1', 'Monitor'), raid('b', 'd2', 'Wire')]), [['a', 'b']]);
  // a named side (one report's is enough with the other's unnamed) or a toll still ties them
  assert.deepEqual(groupsOf([raid('a', 'd1', 'Monitor', { actor1: 'Military Forces of Russia' }), raid('b', 'd2', 'Monitor')]), [['a', 'b']]);
  assert.deepEqual(groupsOf([raid('a', 'd1', 'Monitor', { fatalities: 4 }), raid('b', 'd2', 'Monitor', { fatalities: 4 })]), [['a', 'b']]);
  // bombings are told once each, and are left to their own rules
  const bomb = { sub_event_type: 'Remote explosive/landmine/IED' };
  assert.deepEqual(groupsOf([raid('a', 'd1', 'Monitor', bomb), raid('b', 'd2', 'Monitor', bomb)]).length, 1);
});

test('two deadly bombings in one province a day apart with close tolls are one blast and its update', () => {
  const blast = (id: string, doc: string, day: string, fatalities: number, extra: Partial<MergeInput> = {}) =>
    rec(id, doc, { event_date: `2024-09-${day}`, event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', admin1: 'Aleppo', location: 'Aleppo', geo_precision: 3, fatalities, ...extra });
  assert.deepEqual(groupsOf([blast('a', 'd1', '11', 12), blast('b', 'd2', '12', 20)]), [['a', 'b']]);
  // small tolls (a mine that kills two, another that kills three), tolls far apart, or no province: apart
  assert.deepEqual(groupsOf([blast('a', 'd1', '11', 2), blast('b', 'd2', '12', 3)]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([blast('a', 'd1', '11', 12), blast('b', 'd2', '12', 30)]), [['a'], ['b']]);
  const unplaced = { admin1: '', location: '' };
  assert.deepEqual(groupsOf([blast('a', 'd1', '11', 12, unplaced), blast('b', 'd2', '12', 20, unplaced)]), [['a'], ['b']]);
  // at one town, two perpetrators named, one a report ("an Islamic State car bomb", "a Tahrir al-Sham
  // bomb"): two blasts, as the toll bonuses hold only where the actors do not disagree
  const by = (actor1: string) => ({ actor1, location: 'Al Bab', geo_precision: 1 as const, latitude: 36.37, longitude: 37.51 });
  assert.deepEqual(groupsOf([blast('a', 'd1', '11', 12, by('Islamic State')), blast('b', 'd2', '12', 20, by('Hayat Tahrir al-Sham'))]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([blast('a', 'd1', '11', 12, by('Islamic State')), blast('b', 'd2', '12', 20, by('Islamic State'))]), [['a', 'b']]);
});

test('a deadly bombing or massacre and its toll updated two or three days later are one incident', () => {
  const bombing = (id: string, doc: string, day: string, fatalities: number, extra: Partial<MergeInput> = {}) =>
    rec(id, doc, {
      event_date: `2024-10-${day}`, event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED',
      admin1: 'Aleppo', location: 'Al Bab', latitude: 36.37, longitude: 37.51, fatalities, source: 'Monitor', ...extra,
    });
  // a car bomb kills 14 on the 3rd; on the 5th and the 6th the monitor raises the toll to 19, then 23
  assert.deepEqual(groupsOf([bombing('a', 'd1', '03', 14), bombing('b', 'd2', '05', 19)]), [['a', 'b']]);
  assert.deepEqual(groupsOf([bombing('a', 'd1', '03', 14), bombing('c', 'd3', '06', 23)]), [['a', 'c']]);
  // found whichever report comes first, and in any order
  assert.deepEqual(groupsOf([bombing('c', 'd3', '06', 23), bombing('a', 'd1', '03', 14)]), [['a', 'c']]);
  // four days on, a toll that falls, one more than doubled, or small tolls: other blasts
  assert.deepEqual(groupsOf([bombing('a', 'd1', '03', 14), bombing('b', 'd2', '07', 19)]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([bombing('a', 'd1', '03', 14), bombing('b', 'd2', '05', 9)]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([bombing('a', 'd1', '03', 14), bombing('b', 'd2', '05', 40)]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([bombing('a', 'd1', '03', 3), bombing('b', 'd2', '05', 4)]), [['a'], ['b']]);
  // two days apart, a massacre at one town is updated too; air strikes on a province are not
  const attack = { event_type: 'Violence against civilians', sub_event_type: 'Attack' };
  assert.deepEqual(groupsOf([bombing('a', 'd1', '03', 30, attack), bombing('b', 'd2', '05', 41, attack)]), [['a', 'b']]);
  const strike = { sub_event_type: 'Air/drone strike', location: 'Aleppo', geo_precision: 3 as const, latitude: 36.2, longitude: 37.16 };
  assert.deepEqual(groupsOf([bombing('a', 'd1', '03', 30, strike), bombing('b', 'd2', '05', 41, strike)]), [['a'], ['b']]);
});

test('a name\'s skeleton drops each transliteration of the Arabic article, anywhere in the name', () => {
  assert.equal(nameSkeleton('ed damazin'), nameSkeleton('damazin'));
  assert.equal(nameSkeleton('ras el ain'), nameSkeleton('ras ain'));
  assert.equal(nameSkeleton('tell esh shehab'), nameSkeleton('tell shehab'));
});

test('a report coded at its capital for want of a place (no evidence for its region) is of its country only', () => {
  // An invented bombing told twice: at Idlib's town, and by an outlet whose words name only Syria
  // (sitrep codes it at Damascus, geo_precision 3, its region told by no words).
  const bombing = { event_date: '2024-03-05', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', fatalities: 11 };
  const town = rec('t', 'd1', { ...bombing, source: 'SOHR', admin1: 'Idlib', location: 'Saraqib', latitude: 35.86, longitude: 36.8 });
  const evidence = { country: [{ start: 0, end: 5, text: 'Syria' }] };
  const standIn = rec('s', 'd2', { ...bombing, source: 'AFP', admin1: 'Damascus', location: 'Damascus', latitude: 33.51, longitude: 36.29, geo_precision: 3, evidence } as Partial<MergeInput>);
  assert.deepEqual(groupsOf([town, standIn]), [['s', 't']]);
  // Without evidence (another dataset's record) its region is taken as given: another province.
  const given = rec('g', 'd2', { ...bombing, source: 'AFP', admin1: 'Damascus', location: 'Damascus', latitude: 33.51, longitude: 36.29, geo_precision: 3 });
  assert.deepEqual(groupsOf([town, given]), [['g'], ['t']]);
  // The merged event takes the town's place.
  const merged = mergeRecords([town, standIn]);
  assert.equal(merged[0]?.fields.location, 'Saraqib');
});

test('two towns a few kilometres apart are one area, not one place: their reports merge on more evidence only', () => {
  // Invented: air strikes of one day on two neighbouring towns (about 4 km apart), from two outlets.
  const strike = { event_date: '2024-02-10', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', admin1: 'Rural Damascus' };
  const east = rec('a', 'd1', { ...strike, source: 'SOHR', actor1: 'Military Forces of Russia', location: 'Douma', latitude: 33.57, longitude: 36.4 });
  const west = rec('b', 'd2', { ...strike, source: 'AFP', location: 'Harasta', latitude: 33.56, longitude: 36.36 });
  assert.deepEqual(groupsOf([east, west]), [['a'], ['b']]);
  // the same town told twice is one place
  assert.deepEqual(groupsOf([east, { ...west, location: 'Douma', latitude: 33.57, longitude: 36.4 }]), [['a', 'b']]);
  // the same toll of both is the evidence more
  assert.deepEqual(groupsOf([{ ...east, fatalities: 6 }, { ...west, fatalities: 6 }]), [['a', 'b']]);
});

test('a report of the next day of another kind is the next day\'s fighting; of the same kind, the same event told late', () => {
  // Invented: "An air strike on Saraqib kills 4" (one outlet) and "Shelling kills 4 in Saraqib" the next day (another).
  const at = { admin1: 'Idlib', location: 'Saraqib', latitude: 35.86, longitude: 36.8, event_type: 'Explosions/Remote violence', fatalities: 4 };
  const strike = rec('a', 'd1', { ...at, event_date: '2024-05-02', source: 'Outlet A', sub_event_type: 'Air/drone strike' });
  const shelling = rec('b', 'd2', { ...at, event_date: '2024-05-03', source: 'Outlet B', sub_event_type: 'Shelling/artillery/missile attack' });
  assert.deepEqual(groupsOf([strike, shelling]), [['a'], ['b']]);
  // told the same day, or both as air strikes, one event
  assert.deepEqual(groupsOf([strike, { ...shelling, event_date: '2024-05-02' }]), [['a', 'b']]);
  assert.deepEqual(groupsOf([strike, { ...shelling, sub_event_type: 'Air/drone strike' }]), [['a', 'b']]);
});

test('a report placed at its province only and one at a town of it are compatible, no evidence of one place by itself', () => {
  // Invented: "Russian air strikes hit Idlib countryside" (province only) and "Russian air strike on
  // Saraqib" the same day, from two outlets: one of many strikes in the province that day.
  const strike = { event_date: '2024-06-11', event_type: 'Explosions/Remote violence', sub_event_type: 'Air/drone strike', actor1: 'Military Forces of Russia', admin1: 'Idlib' };
  const province = rec('a', 'd1', { ...strike, source: 'Outlet A', location: 'Idlib', latitude: 35.93, longitude: 36.63, geo_precision: 3 });
  const town = rec('b', 'd2', { ...strike, source: 'Outlet B', location: 'Saraqib', latitude: 35.86, longitude: 36.8 });
  assert.deepEqual(groupsOf([province, town]), [['a'], ['b']]);
  // the same toll told by both ties them
  assert.deepEqual(groupsOf([{ ...province, fatalities: 7 }, { ...town, fatalities: 7 }]), [['a', 'b']]);
});

test('a report placed only in its country joins the one place it fits clearly best; two places that fit alike keep it apart', () => {
  const blast = (id: string, doc: string, extra: Partial<MergeInput>) =>
    rec(id, doc, { event_date: '2024-06-10', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED', ...extra });
  // "Car bomb kills 10 near the border" (country only) and the same toll at a named border town
  const country = blast('a', 'd1', { source: 'Wire', fatalities: 10 });
  const town = blast('b', 'd2', { source: 'Monitor', fatalities: 10, admin1: 'Raqqa', location: 'Tell Abyad', latitude: 36.7, longitude: 38.95 });
  // the same day's shelling of another province, no toll: compatible, but a far weaker fit
  const shelling = rec('c', 'd3', {
    source: 'Monitor', event_date: '2024-06-10', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack',
    admin1: 'Daraa', location: 'Nawa', latitude: 32.89, longitude: 36.04,
  });
  assert.deepEqual(groupsOf([country, town, shelling]), [['a', 'b'], ['c']]);
  // another bombing with the same toll in another town fits as well: ambiguous, it joins neither
  const other = blast('d', 'd4', { source: 'Monitor', fatalities: 10, admin1: 'Aleppo', location: 'Azaz', latitude: 36.59, longitude: 37.05 });
  assert.deepEqual(groupsOf([country, town, other]), [['a'], ['b'], ['d']]);
});

test("two records of unknown type of one day merge at the city named like their province, not when one is placed at the province only", () => {
  // A monitor's entries: "(X101) Hama city, Hama governorate" and "(X102) Hama, Hama governorate".
  const entry = (id: string, doc: string, extra: Partial<MergeInput> = {}) =>
    rec(id, doc, { event_date: '2024-10-03', source: 'Monitor', admin1: 'Hama', location: 'Hamah', latitude: 35.13, longitude: 36.76, geo_precision: 1, ...extra });
  assert.deepEqual(groupsOf([entry('a', 'd1'), entry('b', 'd2')]), [['a', 'b']]);
  // "(X103) Abu Dali village, Hama governorate" read at the province only, or "(X104) near Hama":
  // the province alone is shared, too little to tie two entries of the day
  assert.deepEqual(groupsOf([entry('a', 'd1'), entry('b', 'd2', { location: 'Hama', geo_precision: 3 })]), [['a'], ['b']]);
  assert.deepEqual(groupsOf([entry('a', 'd1'), entry('b', 'd2', { geo_precision: 2 })]), [['a'], ['b']]);
});
