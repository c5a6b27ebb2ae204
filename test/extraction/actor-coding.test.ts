// How actors and their categories are coded (invented sentences in the style of ACLED's notes):
// groups coded differently in different periods, fire on a known front line, installations that
// name no side, and the people a report tells as no armed side.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcledEvent } from '../../src/common/event.js';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();

/** The first event of a note read alone (no publication date, as `eval acled` reads notes). */
function first(text: string): AcledEvent | undefined {
  return extractor.extract({ text, origin: { file: 'inline' } }).events[0];
}

test('the RSF before the war of April 2023 are a unit of Sudan\'s military forces (inter 1), after it a side of their own', () => {
  const before = first('On 12 March 2022, RSF soldiers shot and killed a farmer near Kutum (Kutum locality, North Darfur state).');
  assert.equal(before?.actor1, 'Military Forces of Sudan (2019-) Rapid Support Forces');
  assert.equal(before?.inter1, 1);
  const after = first('On 20 June 2023, the RSF shot and killed a farmer near Kutum (Kutum locality, North Darfur state).');
  assert.equal(after?.actor1, 'Rapid Support Forces');
  assert.equal(after?.inter1, 2);
});

test('on a known front line an explosion with no device named is shelling; a named device stays what it is', () => {
  const e = first('On 14 May 2019, the OSCE SMM observed a total of 7 explosions involving unknown weapons near Zaitseve.');
  assert.equal(e?.sub_event_type, 'Shelling/artillery/missile attack');
  // (The report does not say which side fired: it came from the side that does not hold the
  // place, Zaitseve being held by the government, and hit no one the report names.)
  assert.match(e?.actor1 ?? '', /^NAF/);
  assert.equal(e?.actor2, '');
  const held = first('On 2 June 2018, the OSCE SMM observed a total of 12 explosions involving unknown weapons near Horlivka.');
  assert.match(held?.actor1 ?? '', /^Military Forces of Ukraine/);
  assert.equal(held?.actor2, '');
  // (A place the data does not know the holder of names no side.)
  // (The place is the event's own: a settlement another sentence names, held by the other side, does not decide.)
  const earlier = first('The OSCE SMM patrol set out from Horlivka. On 14 May 2019, the OSCE SMM observed a total of 7 explosions involving unknown weapons near Zaitseve.');
  assert.match(earlier?.actor1 ?? '', /^NAF/);
  const unknown = first('On 2 June 2018, the OSCE SMM observed a total of 4 explosions involving unknown weapons near Bilohorivka.');
  assert.equal(unknown?.sub_event_type, 'Shelling/artillery/missile attack');
  assert.equal(unknown?.actor1, '');
  const mine = first('On 14 May 2019, a landmine exploded near Zaitseve, Donetsk, injuring a farmer.');
  assert.equal(mine?.sub_event_type, 'Remote explosive/landmine/IED');
  // (Away from any front line the data knows, an explosion is still a bomb's.)
  const elsewhere = first('On 14 May 2019, an explosion hit a market in Kismayo, Somalia, killing two traders.');
  assert.equal(elsewhere?.sub_event_type, 'Remote explosive/landmine/IED');
});

test('on a front line, heavy machine-gun fire counted by a monitor or fired beside a remote weapon is shelling; small arms fire is a battle', () => {
  const heavy = first('On 14 May 2019, the OSCE SMM observed a total of 6 explosions/bursts of fire involving heavy machineguns/unknown weapons near Horlivka.');
  assert.equal(heavy?.sub_event_type, 'Shelling/artillery/missile attack');
  assert.match(heavy?.actor1 ?? '', /^Military Forces of Ukraine/);
  const small = first('On 14 May 2019, the OSCE SMM observed a total of 9 bursts of fire involving small arms near Zaitseve.');
  assert.equal(small?.sub_event_type, 'Armed clash');
  const beside = first('On 14 May 2019, the NAF rebel forces fired grenade launchers and heavy machine guns at the governmental positions near Avdiivka, Donetsk.');
  assert.equal(beside?.sub_event_type, 'Shelling/artillery/missile attack');
  const alone = first('On 14 May 2019, the NAF rebel forces fired heavy machine guns at the governmental positions near Avdiivka, Donetsk.');
  assert.equal(alone?.sub_event_type, 'Armed clash');
});

test('a bare militia named after a place is a local (communal) militia, as ACLED names it', () => {
  const coded = first('On 3 March 2021, armed men (coded as Darfur militia) shot and killed a farmer near Kutum (Kutum locality, North Darfur state).');
  assert.equal(coded?.actor1, 'Darfur Communal Militia (Sudan)');
  assert.equal(coded?.inter1, 4);
  const two = first('On 3 March 2021, gunmen (assumed South Kordofan militia) ambushed a bus near Kadugli (Kadugli locality, South Kordofan state), killing two passengers.');
  assert.equal(two?.actor1, 'South Kordofan Communal Militia (Sudan)');
  // (The kinds already named keep their names.)
  const clan = first('On 3 March 2021, Bul clan militia raided cattle near Mayom (Unity state), killing two herders.');
  assert.match(clan?.actor1 ?? '', /^Bul Clan Militia/);
});

test('a checkpoint is the forces\' only when no one else holds it: held by militants, or the scene, it names no army', () => {
  const held = first('On 3 August 2019, suspected militants held a checkpoint near Dori and shot dead a trader.');
  assert.ok(held);
  assert.ok(!/Military Forces/.test(`${held.actor1}|${held.actor2}`), `${held.actor1} | ${held.actor2}`);
  assert.equal(held.event_type, 'Violence against civilians');
  const fake = first('On 5 August 2019, gunmen set up a fake checkpoint near Dori and killed two drivers.');
  assert.ok(fake && !/Military Forces/.test(`${fake.actor1}|${fake.actor2}`), `${fake?.actor1} | ${fake?.actor2}`);
  const scene = first('On 6 August 2019, a militia member shot and killed a bus driver at a checkpoint in Dori.');
  assert.ok(scene && !/Military Forces/.test(`${scene.actor1}|${scene.actor2}`), `${scene?.actor1} | ${scene?.actor2}`);
  // An attack on a checkpoint is an attack on the forces that man it.
  const attacked = first('On 7 August 2019, Taliban militants attacked a checkpoint in Imam Sahib district, Kunduz, killing two soldiers.');
  assert.equal(attacked?.event_type, 'Battles');
});

test('gendarmes, forest guards and pro-government militias are armed sides: an ambush on them is a battle', () => {
  const unit = first('On 2 June 2020, presumed JNIM militants ambushed a gendarmerie unit near Mangodara, Comoe. One gendarme was wounded.');
  assert.equal(unit?.event_type, 'Battles');
  assert.match(unit?.actor2 ?? '', /Police Forces/);
  const militia = first('On 2 June 2020, Taliban militants attacked pro government militia forces in Pul-e Alam district, Logar, killing two.');
  assert.equal(militia?.event_type, 'Battles');
});

test('an armed group handing out food is a change to its activity; a charity doing it is no event', () => {
  const cartel = first('As reported on 2 May 2020, in Culiacan, Sinaloa, members of the Sinaloa Cartel delivered food packages to families during the pandemic.');
  assert.equal(cartel?.sub_event_type, 'Change to group/activity');
  assert.equal(cartel?.actor1, 'Sinaloa Cartel');
  assert.equal(first('On 2 May 2020, a local charity delivered food packages to families in Culiacan, Sinaloa.'), undefined);
});

test('a shoot-out is fighting between armed sides, not a brawl, though no one is killed', () => {
  const e = first('On 4 May 2020, in Rio de Janeiro, a shoot-out broke out in the Mare complex. No injuries were reported.');
  assert.equal(e?.sub_event_type, 'Armed clash');
});

test('state forces of the countries ACLED writes with "the" are named so, with the period in power', () => {
  assert.equal(first('On 3 May 2018, British troops clashed with Taliban fighters in Nad Ali (Helmand).')?.actor1, 'Military Forces of the United Kingdom');
  assert.equal(first('On 3 May 2018, FACA soldiers clashed with anti-Balaka militiamen in Bambari (Ouaka).')?.actor1, 'Military Forces of the Central African Republic (2016-)');
  assert.equal(first('On 3 May 2018, FARDC soldiers clashed with ADF rebels near Beni (Nord-Kivu).')?.actor1, 'Military Forces of the Democratic Republic of Congo (2001-2019)');
  assert.equal(first('On 3 May 2018, Philippine troops clashed with Abu Sayyaf fighters in Patikul (Sulu).')?.actor1, 'Military Forces of the Philippines (2016-2022)');
});
