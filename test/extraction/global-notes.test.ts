// Notes from conflicts anywhere in the world (invented sentences in the style of ACLED's notes):
// places written in other spellings, regions with their unit words, forces named by role,
// and the words of ACLED's event types.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcledEvent } from '../../src/common/event.js';
import { loadGeoparser } from '../../src/geography/index.js';
import { createExtractor } from '../../src/pipeline/index.js';
import { haversineKm } from '../../src/common/distance.js';
import { codedPlace } from '../../src/locales/en/coded-place.js';

const extractor = createExtractor();
const geo = loadGeoparser();

/** The first event of a note read alone (no publication date, as `eval acled` reads notes). */
function first(text: string): AcledEvent | undefined {
  return extractor.extract({ text, origin: { file: 'inline' } }).events[0];
}

test('a region named with the other compass word ("West Darfur" for Western Darfur) and its unit word is the event place', () => {
  const e = first('On 3 March 2021, demonstrators marched in Geneina (El Geneina locality, West Darfur state) against the rising cost of bread.');
  assert.ok(e);
  assert.equal(e.country, 'Sudan');
  assert.equal(e.admin1, 'West Darfur', "ACLED's spelling of the region");
  const central = first('On 9 March 2021, demonstrators marched in Zalingei (Zalingi locality, Central Darfur state) against the coup.');
  assert.equal(central?.admin1, 'Central Darfur', '"Central Darfur state": the unit word does not make the region an actor\'s');
});

test('"Southern District" is not "Narok South District": a compass word before a unit word alone is no variant', () => {
  const places = geo.parse('Youths clashed at a village in Narok South District.');
  assert.ok(!places.some((p) => p.entry.countryCode === 'IL'), JSON.stringify(places.map((p) => [p.text, p.entry.countryCode])));
});

test('a county government names its county: "Kisii county government employees" protest in Kisii', () => {
  const e = first('More than 100 Kisii county government employees demonstrated outside the governor\'s office over unpaid salaries.');
  assert.equal(e?.country, 'Kenya');
});

test('"the US dollar" is a currency, not a place of the story', () => {
  const places = geo.parse('Protesters angry at the high US dollar exchange rate blocked the main road in Halba.');
  assert.ok(!places.some((p) => p.entry.countryCode === 'US'), JSON.stringify(places.map((p) => p.text)));
});

test('admin1 is written in plain Latin letters, as ACLED writes it', () => {
  const e = first('On 5 May 2021, gunmen shot dead a trader in the market of Taiz city.');
  assert.equal(e?.country, 'Yemen');
  assert.equal(e?.admin1, 'Taizz');
});

test('state forces named by nationality or "of" a country are that country\'s, not the event country\'s', () => {
  const e = first('On 2 June 2021, Turkish forces shelled the village of Tal Tamr in al-Hasakeh, killing two civilians.');
  assert.equal(e?.country, 'Syria');
  assert.match(e?.actor1 ?? '', /^Military Forces of Turkey/);
  const b = first('On 3 June 2021, military forces of Armenia shelled the positions of the military forces of Azerbaijan near Tartar.');
  assert.match(b?.actor1 ?? '', /^Military Forces of Armenia/);
  assert.match(b?.actor2 ?? '', /^Military Forces of Azerbaijan/);
});

test('"A and/or B militants": either of two named groups is one actor, as ACLED names it', () => {
  const e = first('On 4 June 2021, JNIM and/or ISGS militants attacked a bar in Gorom-Gorom and killed one civilian.');
  assert.equal(e?.actor1, 'JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)');
  assert.equal(e?.event_type, 'Violence against civilians');
});

test('"A or B militants" (either of two named groups) is one actor too: the villagers they kill are the victims', () => {
  const e = first('On 9 July 2021, suspected Ansaroul Islam or ISGS militants shot dead two herders near the village of Tin-Akoff.');
  assert.equal(e?.actor1, 'Ansaroul Islam and/or Islamic State (Greater Sahara)');
  assert.equal(e?.event_type, 'Violence against civilians');
});

test('two armed groups named together before the verb act on one side: the people they kill are the victims', () => {
  const e = first('On 12 August 2021, UPC rebels helped by Anti-Balaka militiamen attacked the village of Ndassima and killed four farmers.');
  assert.equal(e?.event_type, 'Violence against civilians');
  assert.equal(e?.actor1, 'UPC: Union for Peace in the Central African Republic');
  assert.match(e?.actor2 ?? '', /^Civilians/);
  // Sides that fight each other are still two sides of a battle.
  const b = first('On 13 August 2021, UPC rebels and Anti-Balaka militiamen clashed in Ndassima, killing four fighters.');
  assert.equal(b?.event_type, 'Battles');
});

test('the object of armed men\'s violent verb is actor2: a group named elsewhere in the note is not', () => {
  const e = first('On 14 August 2021, gunmen believed to be linked to the FPRC shot dead two traders near an MPC checkpoint in Ndele.');
  assert.equal(e?.event_type, 'Violence against civilians');
  assert.match(e?.actor2 ?? '', /^Civilians/);
  const b = first('On 15 August 2021, FPRC fighters ambushed an army patrol near Ndele, killing two soldiers.');
  assert.equal(b?.event_type, 'Battles');
  assert.match(b?.actor2 ?? '', /^Military Forces/);
  // A passive verb's next actor is no object: "were killed and 1 militia member wounded".
  const c = first('On 16 August 2021, 4 soldiers were killed and 1 militiaman was wounded in an attack by FPRC fighters on a checkpoint in Ndele.');
  assert.equal(c?.event_type, 'Battles');
});

test('fire on positions: shelling when the remote weapon is named, a battle when direct fire or fire both ways is told', () => {
  const e = first('On 3 May 2021, the Ukrainian Forces fired 82mm mortars and grenade launchers at the positions of the rebel forces near Pisky, Donetsk.');
  assert.equal(e?.sub_event_type, 'Shelling/artillery/missile attack');
  const b = first('On 4 May 2021, the rebel forces fired grenade launchers and small arms at the positions of the Ukrainian Forces near Pisky, Donetsk.');
  assert.equal(b?.sub_event_type, 'Armed clash');
  const c = first('On 5 May 2021, monitors observed 40 bursts of fire in both directions of the frontline near Pisky, Donetsk.');
  assert.equal(c?.sub_event_type, 'Armed clash');
  // A road blocked "in both directions" is no exchange of fire.
  const d = first('On 6 May 2021, protesters blocked the main road in Tripoli in both directions.');
  assert.notEqual(d?.event_type, 'Battles');
  // A weapon used on a civilian is no fight.
  const v = first('On 7 May 2021, gunmen shot and killed a civilian in Pisky using small arms fire.');
  assert.equal(v?.event_type, 'Violence against civilians');
});

test('forces of Libya, Yemen and Nagorno-Karabakh are named as ACLED names them; state forces abroad are external forces (inter 8)', () => {
  const l = first('On 8 May 2021, GNA and LNA forces clashed in the Salah al-Din area of Tripoli.');
  assert.equal(l?.event_type, 'Battles');
  assert.deepEqual([l?.actor1, l?.actor2].sort(), ['Military Forces of Libya (2014-) Haftar Faction', 'Military Forces of Libya (2016-) Government of National Accord']);
  const y = first('On 10 May 2021, pro-Houthi forces fired artillery shells at houses in Al Fajir village (Qaatabah, Ad Dali).');
  assert.equal(y?.actor1, 'Military Forces of Yemen (2016-) Supreme Political Council');
  const t = first('On 9 May 2021, Turkish forces shelled the village of Tal Tamr in al-Hasakeh, killing two civilians.');
  assert.match(t?.actor1 ?? '', /^Military Forces of Turkey/);
  assert.equal(t?.inter1, 8);
});

test('a national army named by its own acronym (FACA, SAF, FAMa) is the state forces of the event\'s country', () => {
  const e = first('On 11 May 2021, FACA soldiers clashed with UPC rebels near Bambari, killing three rebels.');
  assert.equal(e?.event_type, 'Battles');
  assert.match([e?.actor1, e?.actor2].join('|'), /Military Forces of the Central African Republic \(2016-\)/);
});

test('armed groups of the Sahel and Central Africa are named as ACLED names them', () => {
  assert.equal(first('On 5 June 2021, Anti-Balaka militiamen attacked Bambari, killing three civilians.')?.actor1, 'Anti-Balaka');
  assert.equal(first('On 6 June 2021, Ansaroul Islam militants killed two villagers near Djibo.')?.actor1, 'Ansaroul Islam');
});

test('firing on the positions of another force is a battle', () => {
  const e = first('On 7 June 2021, military forces of Armenia fired with unspecified weapons on the positions of the military forces of Azerbaijan located near Tartar.');
  assert.equal(e?.event_type, 'Battles');
  assert.equal(e?.sub_event_type, 'Armed clash');
  assert.equal(first('On 8 June 2021, soldiers engaged in a fire fight with separatists in Bafut town.')?.sub_event_type, 'Armed clash');
});

test('robbery and pillage by armed men, patrols and the arrival of forces are Strategic developments', () => {
  assert.equal(first('On 9 June 2021, suspected militants robbed aid workers in Saouga and took a pickup truck.')?.sub_event_type, 'Looting/property destruction');
  assert.equal(first('On 10 June 2021, Turkish and Russian forces conducted a joint patrol in the countryside of Kobani.')?.event_type, 'Strategic developments');
});

test('a pot-banging protest and demonstrators who gathered are protests', () => {
  assert.equal(first('On 11 June 2021, in Rosario, residents performed a pot-banging protest against the government.')?.sub_event_type, 'Peaceful protest');
  assert.equal(first('On 12 June 2021, demonstrators gathered in Kassala, denouncing the rise in fuel prices.')?.event_type, 'Protests');
});

test('"militiamen (coded as X communal militia)": the bracket names the same armed men, so civilians killed are an attack, not a battle', () => {
  const e = first('On 15 June 2021, militiamen (coded as Darfur communal militia) killed two farmers near Kutum (Kutum, North Darfur).');
  assert.equal(e?.event_type, 'Violence against civilians');
  assert.match(e?.actor1 ?? '', /Communal Militia/);
});

test('a crowd blocking a road or gathering, with a demand told after it, is a peaceful protest', () => {
  const block = first('On 4 May 2021, in Tlaxiaco, Oaxaca, a group of bus drivers blocked the highway complaining about the price of fuel.');
  assert.equal(block?.event_type, 'Protests');
  assert.equal(block?.sub_event_type, 'Peaceful protest');
  const gather = first('On 6 May 2021, in Rosario, Santa Fe, about 50 shop owners gathered in front of the town hall to demand lower taxes.');
  assert.equal(gather?.sub_event_type, 'Peaceful protest');
  const closed = first('On 8 May 2021, residents of Kassala closed the main bridge for the day, demanding clean water.');
  assert.equal(closed?.sub_event_type, 'Peaceful protest');
});

test('a road blocked or a gathering with no demand told reports no protest', () => {
  const police = first('On 4 May 2021, police blocked the road near the market in Tlaxiaco.');
  assert.notEqual(police?.event_type, 'Protests');
  const shut = first('On 4 May 2021, the authorities closed the border crossing near Kassala.');
  assert.notEqual(shut?.event_type, 'Protests');
  const mourners = first('On 7 May 2021, relatives gathered at the cemetery in Rosario for the funeral.');
  assert.equal(mourners, undefined);
});

test('a body found, with no other event told, is an attack; a body beside another event is its dead', () => {
  const found = first('On 3 May 2021, in Tepic, Nayarit, the body of a man was found by the river with his hands tied.');
  assert.equal(found?.event_type, 'Violence against civilians');
  assert.equal(found?.sub_event_type, 'Attack');
  const dismembered = first('On 4 May 2021, in Natal, the dismembered body of a woman was discovered in a field.');
  assert.equal(dismembered?.sub_event_type, 'Attack');
  const detail = first('On 4 May 2021, in Tepic, the body of a man was found by the road. The victim was burned and handcuffed.');
  assert.equal(detail?.sub_event_type, 'Attack', 'what was done to the victim, told after, does not make the body another event\'s dead');
  const guilty = first('On 5 May 2021, the governing body of the football club was found guilty of fraud in Natal.');
  assert.equal(guilty, undefined, '"was found guilty" finds nobody dead');
  const beside = extractor.extract({ text: 'On 6 May 2021, rioters set ablaze a market in Tepic. Two charred bodies were recovered the next day.', origin: { file: 'inline' } }).events;
  assert.equal(beside.length, 1, JSON.stringify(beside.map((e) => e.sub_event_type)));
});

test('a word of intent inside a name ("the Ministry of Urban Planning") does not make the event planned', () => {
  const e = first('On 23 May 2021, employees of the Ministry of Urban Planning demonstrated in Kassala over unpaid salaries.');
  assert.equal(e?.sub_event_type, 'Peaceful protest');
  const planned = first('On 23 May 2021, teachers in Kassala were planning to demonstrate over unpaid salaries.');
  assert.equal(planned, undefined, 'a demonstration planned is not reported as held');
});

test('"the capital" of a story whose country is known is that country\'s capital', () => {
  const named = first('On 3 May 2021, soldiers from two barracks took to the streets of the Burkina Faso capital overnight.');
  assert.equal(named?.location, 'Ouagadougou');
  const known = first('On 3 May 2021, teachers marched in the capital to demand higher pay, a week after a strike in Bobo-Dioulasso.');
  assert.equal(known?.location, 'Ouagadougou');
  assert.equal(known?.admin1, 'Centre');
});

test('"the capital" as a reference point, a region\'s seat or one of several areas is not the event place', () => {
  const reference = first('On 3 May 2021, gunmen killed three villagers in Tillaberi region of Niger, 200 km north of the capital.');
  assert.notEqual(reference?.location, 'Niamey');
  const seat = first('On 3 May 2021, residents marched in the state capital to demand water, a week after a protest in Kassala.');
  assert.notEqual(seat?.location, 'Khartoum');
  const several = first('On 3 May 2021, protesters took to the streets in the capital and the west of the country. A protester was shot dead in Migori.');
  assert.notEqual(several?.location, 'Nairobi');
});

test('a capital whose two GeoNames records lie a few kilometres apart keeps its population: "in Bamako" is the city', () => {
  const places = geo.parse('Hundreds of people marched in Bamako on Friday.');
  const bamako = places.find((p) => p.text === 'Bamako');
  assert.equal(bamako?.entry.feature, 'city');
  assert.ok((bamako?.entry.population ?? 0) > 500_000, String(bamako?.entry.population));
});

test('a country the note names in passing does not outweigh the town where it happened', () => {
  const e = first('On 30 January 2019, activists staged a protest in Bamako against foreign interference and in support of Venezuela.');
  assert.equal(e?.country, 'Mali');
  const f = first('On 5 December 2018, youth movements inspired by the yellow vests in France staged a protest in Dakar against the new tax.');
  assert.equal(f?.country, 'Senegal');
});

test("admin1 takes ACLED's spelling of the region, also where GeoNames writes it otherwise or with its unit word", () => {
  assert.equal(first('On 2 May 2021, gunmen shot dead a trader in a market in Mogadishu.')?.admin1, 'Banadir');
  assert.equal(first('On 2 May 2021, protesters gathered in Nabatieh against the rising prices.')?.admin1, 'Nabatiye');
  assert.equal(first('On 2 May 2021, police dispersed a protest in Mosul.')?.admin1, 'Ninewa');
});

test('a place fronted by "in" and a comma is where it happened, not the forces\' origin ("in Tadjourah, military forces ...")', () => {
  const e = first('On 10 June 2019, in Tadjourah, military forces shot at civilians, killing three.');
  assert.equal(e?.country, 'Djibouti');
  assert.equal(e?.admin1, 'Tadjourah');
});

test('a country named by its capital\'s name ("in Djibouti") is coded at the capital, with its region', () => {
  const e = first('On 3 March 2019, residents gathered in Djibouti to protest the killing of a taxi driver.');
  assert.equal(e?.country, 'Djibouti');
  assert.equal(e?.admin1, 'Djibouti');
  // Other countries named alone are coded at their capital (see below), at geo_precision 3.
  const chad = first('On 3 March 2019, soldiers shot dead a taxi driver in Chad.');
  assert.equal(chad?.location, "N'Djamena");
  assert.equal(chad?.geo_precision, 3);
});

test('an event placed only in a whole country, or in no place of a known one, is coded at its capital', () => {
  const chad = first('On 3 March 2019, residents gathered in Chad to protest the killing of a taxi driver.');
  assert.equal(chad?.country, 'Chad');
  assert.equal(chad?.admin1, "N'Djamena");
  assert.equal(chad?.location, "N'Djamena");
  assert.equal(chad?.geo_precision, 3);
  // A town the text names is kept.
  assert.equal(first('On 3 March 2019, traders marched in Koudougou, Burkina Faso, to demand a new market.')?.location, 'Koudougou');
  // A clash placed in the whole country too: its words tell the country only, so the capital's
  // region carries no evidence (the merge reads it as unknown).
  const clash = first('On 3 March 2019, soldiers clashed with rebels in Chad.');
  assert.equal(clash?.admin1, "N'Djamena");
  assert.equal(clash?.geo_precision, 3);
  assert.equal(clash?.evidence['admin1'], undefined);
  assert.ok(clash?.evidence['country']);
  // A note that names no place but a one-country force is coded at that country's capital.
  const unplaced = first('On 3 March 2019, anti-Balaka fighters attacked a group of Muslim traders, killing two.');
  assert.equal(unplaced?.country, 'Central African Republic');
  assert.equal(unplaced?.location, 'Bangui');
});

test('an event placed only in a first-level region is coded at the region\'s seat (geo-precision 3); a town named in it is kept', () => {
  const region = first('On 3 March 2019, rebels attacked an army convoy in Somali region of Ethiopia, killing four soldiers.');
  assert.equal(region?.country, 'Ethiopia');
  assert.equal(region?.admin1, 'Somali');
  assert.equal(region?.location, 'Jijiga', 'the regional capital, as ACLED codes a region named alone');
  assert.equal(region?.geo_precision, 3);
  const province = first('On 3 March 2019, gunmen shot dead two police officers in Logar province.');
  assert.equal(province?.admin1, 'Logar');
  assert.equal(province?.location, 'Pul-e Alam');
  // A region whose seat lies outside it (Oromia's government sits in Addis Ababa): the seat, the region kept.
  const oromia = first('On 3 March 2019, rebels attacked an army convoy in Oromia region, killing four soldiers.');
  assert.equal(oromia?.location, 'Addis Ababa');
  assert.equal(oromia?.admin1, 'Oromia');
  // A town the note names stays the place.
  assert.equal(first('On 3 March 2019, rebels attacked an army convoy near Gode in Somali region, killing four soldiers.')?.location, 'Gode');
});

test('"Negele" is Arsi Negele where the note names West Arsi, Negele Borana otherwise', () => {
  assert.equal(first('On 3 March 2019, residents protested in Negele, West Arsi, against the arrest of local leaders.')?.location, 'Arsi Negele');
  assert.equal(first('On 3 March 2019, residents protested in Negele, Guji zone, against the arrest of local leaders.')?.location, 'Negele');
});

test('a crowd named before a blocking or closing act is a demonstration though no demand follows; police blocking a road is not', () => {
  const road = first('On 4 June 2021, protesters blocked the main road in Halba.');
  assert.equal(road?.event_type, 'Protests');
  const residents = first('On 2 May 2020, residents of a farming community blocked the roads to keep trucks out of Tepic.');
  assert.equal(residents?.event_type, 'Protests');
  assert.equal(first('On 2 May 2020, police blocked the road near the market in Tepic.'), undefined);
  assert.equal(first('On 2 May 2020, residents gathered at the scene in Tepic.'), undefined);
});

test('shots fired at a person, rocket-propelled grenades in the plural, towns occupied, cattle stolen and forces that "fight against" a group are events', () => {
  assert.equal(first('On 3 May 2021, unidentified gunmen fired shots at a local councillor in his car in Dosso town.')?.event_type, 'Violence against civilians');
  assert.equal(first('On 7 June 2021, unknown militants fired three RPGs towards a police camp near Kadugli.')?.sub_event_type, 'Shelling/artillery/missile attack');
  assert.equal(first('On 9 June 2021, rebel forces occupied the towns of Bouca and Batangafo.')?.sub_event_type, 'Non-violent transfer of territory');
  assert.equal(first('On 12 July 2021, unknown individuals stole 40 heads of cattle in Kayes.')?.sub_event_type, 'Looting/property destruction');
  assert.equal(first('On 2 August 2021, the national army fights against rebels near Obock.')?.event_type, 'Battles');
});

test('armed groups of the Central African Republic named by acronym are their ACLED actors, with their inter codes', () => {
  const e = first('On 4 March 2010, CPJP rebels attacked FACA soldiers in Ndele.');
  assert.ok(e);
  assert.ok([e.actor1, e.actor2].includes('CPJP: Convention of Patriots for Justice and Peace'), `${e.actor1} / ${e.actor2}`);
  const f = first('On 9 May 2011, APRD fighters clashed with FDPC fighters near Kabo.');
  assert.deepEqual([f?.actor1, f?.actor2].sort(), ['APRD: Popular Army for the Restoration of the Republic and Democracy', 'FDPC: Democratic Front for the People of the Central African Republic']);
  assert.equal(f?.interaction, 23);
});

test('"security services" are state forces', () => {
  const e = first('On 5 May 2021, security services shot dead two traders in Bria.');
  assert.equal(e?.actor1, 'Military Forces of the Central African Republic (2016-)');
  assert.equal(e?.interaction, 17);
});

test('people an armed group is told acting on are its victims, not a crowd: burning beside a killing is no riot', () => {
  const e = first('On 5 March 2014, Seleka fighters killed four villagers in Kabo and burned the village.');
  assert.equal(e?.event_type, 'Violence against civilians');
  assert.equal(e?.actor1, 'Seleka Militia');
  const army = first('On 9 July 2019, the army tortured villagers and ransacked houses near Djibo.');
  assert.equal(army?.event_type, 'Violence against civilians');
  // Unnamed assailants who vandalise and assault are still a mob.
  assert.equal(first('On 10 July 2023, a group of assailants vandalized a temple and assaulted three women in Begumganj.')?.event_type, 'Riots');
});

test('country cues: a note that names no known place is put in the country its names point to', () => {
  // A people, a unit word, a mission: where it happened.
  assert.equal(first('People protested against the government agenda in Dodola as part of the third round of Oromo protests.')?.country, 'Ethiopia');
  assert.equal(first('On 3 May 2020, militiamen killed two farmers in a kebele of Gura woreda.')?.country, 'Ethiopia');
  assert.equal(first('On 28 April 2020, the OSCE SMM observed 12 explosions involving unknown weapons near Xyzivka.')?.country, 'Ukraine');
  // An armed group's home is where it comes from: the victims' nationality wins.
  assert.equal(first('OLF rebels attacked Kenyan herders at a watering point.')?.country, 'Kenya');
  // Alone, an armed group or force still names its country.
  assert.equal(first('Anti-Balaka militiamen attacked FACA soldiers at a checkpoint, killing two.')?.country, 'Central African Republic');
});

test('country cues of one region: a note that names no place is put in the region its movement or people belong to', () => {
  // A one-region movement, though an armed group (an origin), names its region when nothing else places the event.
  const rebels = first('Ogaden rebels attacked an army convoy, killing nine soldiers.');
  assert.equal(rebels?.country, 'Ethiopia');
  assert.equal(rebels?.admin1, 'Somali');
  const oromo = first('Oromo youths blocked roads in protest against the arrest of a singer.');
  assert.equal(oromo?.admin1, 'Oromia', "ACLED's name of the region");
  // A named place still decides: the cue's region does not override it.
  const named = first('OLA fighters attacked a police station in Bahir Dar, killing two policemen.');
  assert.equal(named?.admin1, 'Amhara');
  // A cue without a region (a force of the whole country) gives the country alone: the event is
  // coded at its capital, its region told by no words (no evidence).
  const endf = first('ENDF soldiers detained twelve young men at a market.');
  assert.equal(endf?.location, 'Addis Ababa');
  assert.equal(endf?.evidence['admin1'], undefined);
});

test('a place name inside a cue is no place, and cues prefer their country among namesakes', () => {
  const places = geo.parse('Anti-Balaka militiamen attacked a Muslim neighbourhood.');
  assert.ok(!places.some((p) => p.text === 'Balaka'), JSON.stringify(places.map((p) => p.text)));
  const wagner = geo.parse('Wagner Group mercenaries killed four traders near the mine.');
  assert.ok(!wagner.some((p) => p.text.includes('Wagner')));
  // A town named with a cue ("in Garissa") keeps its country although a cross-border group is named.
  const garissa = first('Suspected Liyu Police paramilitaries shot dead an ONLF sympathiser in Garissa town.');
  assert.equal(garissa?.country, 'Kenya');
});

test('forces told shelling a place with no target named have no actor2; a bomb that hit forces still has unidentified bombers', () => {
  const e = first('On 28 April 2021, regime forces shelled Kafrnabel in Idleb with rocket artillery. No casualties were reported.');
  assert.equal(e?.sub_event_type, 'Shelling/artillery/missile attack');
  assert.equal(e?.actor2, '');
  assert.equal(e?.inter2, 0);
  const passive = first('On 27 April 2021, shells fired by soldiers fell in a street of Sirte. No casualties reported.');
  assert.equal(passive?.actor2, '');
  const bomb = first('On 12 March 2021, a police vehicle was hit by a roadside bomb near Wajir.');
  assert.ok([bomb?.actor1, bomb?.actor2].some((a) => /^Unidentified Armed Group/.test(a ?? '')), `${bomb?.actor1} / ${bomb?.actor2}`);
  // The forces a device hit are its target (actor2); the unnamed bombers carried it out (actor1).
  const hit = first('On 3 May 2021, two soldiers were killed by a roadside bomb near Gao.');
  assert.match(hit?.actor1 ?? '', /^Unidentified Armed Group/);
  assert.match(hit?.actor2 ?? '', /^Military Forces of Mali/);
  const foreign = first('On 3 May 2021, a French soldier was killed when a landmine exploded under his vehicle near Menaka.');
  assert.match(foreign?.actor1 ?? '', /^Unidentified Armed Group/);
  assert.match(foreign?.actor2 ?? '', /^Military Forces of France/);
  // Forces that disrupted a device did the event.
  const defused = first('On 3 May 2021, police defused a bomb planted near a school in Gao.');
  assert.equal(defused?.sub_event_type, 'Disrupted weapons use');
  assert.match(defused?.actor1 ?? '', /^Police Forces of Mali/);
});

test('seizing goods is looting, seizing weapons a disrupted weapons use, seizing anything else nothing', () => {
  const goods = first('On 14 June 2021, suspected militants entered a gold mining site near Gorom and seized six motorbikes belonging to miners.');
  assert.equal(goods?.sub_event_type, 'Looting/property destruction');
  const drugs = first('On 2 May 2021, in Curitiba, federal police officers seized two tons of marijuana during a road inspection.');
  assert.equal(drugs?.sub_event_type, 'Looting/property destruction');
  const arms = first('On 20 October 2021, in Bahir Dar city, police confiscated 300 pistols smuggled in from Sudan.');
  assert.equal(arms?.sub_event_type, 'Disrupted weapons use');
  assert.equal(first('On 3 May 2021, the opposition seized the initiative in parliament in Bamako.'), undefined);
  assert.equal(first('On 7 January 2023, party members staged a rally in Dhaka against a court order to confiscate the property of their leader.')?.sub_event_type, 'Peaceful protest');
});

test('armed members of a community ("armed pastoralists", "armed Fulani herders") are its militia, not a crowd', () => {
  const e = first('On 10 November 2021, armed pastoralists shot and killed two farmers near Kutum.');
  assert.equal(e?.event_type, 'Violence against civilians');
  assert.equal(e?.inter1, 4);
  const f = first('On 3 April 2014, armed Fulani herders attacked Godawa and burned thirteen houses.');
  assert.match(f?.actor1 ?? '', /^Fulani Ethnic Militia/);
  // "armed men", "armed people" stay unidentified armed men.
  assert.equal(first('On 30 April 2020, a businessman was abducted in Matola by unknown armed people.')?.inter1, 3);
});

test('a region named with its unit word in another transliteration is read by its consonants, where the text agrees', () => {
  // "East Harerge Zone" for GeoNames' East Harerghe Zone; "Kamashi" written "Komashi".
  const zone = first('OLA fighters ambushed government soldiers in East Harerge Zone, killing three.');
  assert.equal(zone?.country, 'Ethiopia');
  assert.equal(zone?.admin1, 'Oromia');
  const west = geo.parse('Ethiopian troops clashed with rebels in West Hararge zone.');
  assert.ok(west.some((p) => p.entry.name === 'West Harerghe Zone'), JSON.stringify(west.map((p) => p.entry.name)));
  assert.ok(!west.some((p) => p.entry.name === 'East Harerghe Zone'), 'the compass word is kept whole');
  // A likeness alone, in a text that points nowhere near it, is no place.
  const school = geo.parse('The Santa Ana Unified School District board met on Monday.');
  assert.ok(!school.some((p) => p.entry.countryCode === 'AF'), JSON.stringify(school.map((p) => [p.text, p.entry.countryCode])));
  // Nor does an unsupported likeness hold the district named before it.
  const ituri = geo.parse('The disease has struck in Ituri district, Orientale province, in the north of Congo.');
  assert.ok(ituri.some((p) => p.text === 'Ituri' && p.entry.countryCode === 'CD'), JSON.stringify(ituri.map((p) => [p.text, p.entry.countryCode])));
});

test('a force\'s nationality does not make a place written in another spelling a namesake abroad', () => {
  const places = geo.parse('On 30 April 2020, two Turkish military convoys entered Idleb via a border crossing.');
  assert.ok(places.some((p) => p.text === 'Idleb' && p.entry.countryCode === 'SY'), JSON.stringify(places.map((p) => [p.text, p.entry.countryCode])));
});

test('property an armed group loots or destroys, with no other side named, is taken from civilians (actor2)', () => {
  const e = first('On 12 March 2021, suspected JNIM militants burned a primary school in the village of Kabala.');
  assert.equal(e?.sub_event_type, 'Looting/property destruction');
  assert.match(e?.actor2 ?? '', /^Civilians/);
  const seized = first('On 14 March 2021, unknown gunmen seized four motorbikes from traders near Dori.');
  assert.equal(seized?.sub_event_type, 'Looting/property destruction');
  assert.match(seized?.actor2 ?? '', /^Civilians/);
  assert.equal(seized?.interaction, 37);
});

test('a crowd damaging property over a shared grievance, or barricading roads, makes a violent demonstration, not mob violence', () => {
  const road = first('On 3 May 2021, residents of Kindia barricaded the main road in reaction to the poor state of the roads.');
  assert.equal(road?.sub_event_type, 'Violent demonstration');
  assert.equal(road?.actor2, '', 'no victims: the demonstration has no actor2');
  const students = first('On 6 May 2021, students in Kindia set fire to two motorbikes of teachers to express discontent with exam results.');
  assert.equal(students?.sub_event_type, 'Violent demonstration');
  // The crowd's violence on a person, with no cause told, stays mob violence.
  const mob = first('On 7 May 2021, residents of Kindia beat up a suspected thief and burned his motorbike.');
  assert.equal(mob?.sub_event_type, 'Mob violence');
});

test('forces told only as the target of violence fought a battle: their attacker is an unidentified armed group, not a civilian', () => {
  const e = first('On 4 May 2021, a man attacked a police officer with a knife in a market in Kisumu.');
  assert.equal(e?.sub_event_type, 'Armed clash');
  assert.match(e?.actor1 ?? '', /^Unidentified Armed Group/);
  assert.match(e?.actor2 ?? '', /^Police Forces of Kenya/);
  const passive = first('On 5 May 2021, two soldiers were shot dead by unidentified men near Garissa.');
  assert.equal(passive?.event_type, 'Battles');
  // Forces that do the shooting attack the one they shoot.
  const police = first('On 6 May 2021, police officers shot dead a suspected robber in Kisumu.');
  assert.equal(police?.sub_event_type, 'Attack');
  assert.match(police?.actor1 ?? '', /^Police Forces of Kenya/);
});

test('strategic developments told with operations, prisoner exchanges, framework agreements and disarming', () => {
  assert.equal(first('On 11 May 2021, security forces launched a joint operation in the Sahel region against the militant threat.')?.sub_event_type, 'Change to group/activity');
  assert.equal(first('On 12 May 2021, the two factions exchanged prisoners near Misrata.')?.sub_event_type, 'Agreement');
  assert.equal(first('On 13 May 2021, JNIM militants disarmed ISGS militants near Djibo.')?.sub_event_type, 'Disrupted weapons use');
});

test('fire on a known front line with no side named is fought between the sides of the line, only while it held', () => {
  const e = first('On 3 June 2019, the OSCE SMM observed a total of 40 bursts of fire involving small arms near Avdiivka.');
  assert.equal(e?.sub_event_type, 'Armed clash');
  assert.deepEqual([e?.actor1, e?.actor2].map((a) => (a ?? '').replace(/ \(.*$/, '')).sort(), ['Military Forces of Ukraine', 'NAF: United Armed Forces of Novorossiya']);
  assert.equal(e?.interaction, 12);
  const before = first('On 3 June 2012, the OSCE SMM observed a total of 40 bursts of fire involving small arms near Avdiivka.');
  assert.ok(!/Novorossiya/.test(`${before?.actor1} ${before?.actor2}`));
});

test('forces named by their positions ("the governmental positions") are the state forces fired on', () => {
  const e = first('On 3 May 2021, NAF forces fired grenade launchers at the governmental positions near Avdiivka, Donetsk.');
  assert.match(e?.actor2 ?? '', /^Military Forces of Ukraine/);
});

test('"the Military Police" is one state force, not the army and the police as two sides', () => {
  const e = first('On 4 May 2021, in Sao Goncalo, Rio de Janeiro, the Military Police shot dead a man during an operation in the Jardim Catarina neighbourhood.');
  assert.equal(e?.sub_event_type, 'Attack');
  assert.match(e?.actor1 ?? '', /^Military Forces of Brazil/);
  assert.match(e?.actor2 ?? '', /^Civilians/);
});

test('a bracket after a phrase describing armed men ("militiamen on two motorbikes (coded as ...)") names the same men; the militia is named by its words', () => {
  const e = first('On 2 May 2021, three militiamen on two motorbikes (coded as Kutum communal militia) stopped a lorry near Kutum (Kutum, North Darfur) and shot dead its driver.');
  assert.equal(e?.actor1, 'Kutum Communal Militia (Sudan)');
  assert.equal(e?.inter1, 4);
  assert.equal(e?.event_type, 'Violence against civilians');
  // Later "the militia" is that militia, not a second armed side.
  const later = first('On 4 May 2021, gunmen riding camels (assumed Kutum communal militia) stopped a bus near Kutum (Kutum, North Darfur). The militia robbed the passengers and shot dead one of them.');
  assert.equal(later?.actor1, 'Kutum Communal Militia (Sudan)');
  assert.equal(later?.event_type, 'Violence against civilians');
});

test('of two generic names of one type, the bracket\'s is the more specific: "security forces (presumed police)"', () => {
  const e = first('On 6 May 2021, security forces (presumed police) fired tear gas at demonstrators in Khartoum (Khartoum, Khartoum) who demanded civilian rule.');
  assert.match(e?.actor2 ?? '', /^Police Forces of Sudan/);
});

test('forces named only in what a demonstration is about are no side it faced; forces that disperse it are', () => {
  const topic = first('On 3 May 2021, in Recife, residents demonstrated over the death of a boy killed by the Military Police during an operation.');
  assert.equal(topic?.event_type, 'Protests');
  assert.equal(topic?.actor2 ?? '', '', 'the police killing is the topic');
  const asked = first('On 4 May 2021, farmers in Kassala (Kassala, Kassala) staged a sit-in demanding compensation from the government.');
  assert.equal(asked?.actor2 ?? '', '');
  const faced = first('On 5 May 2021, residents in Kassala (Kassala, Kassala) protested against the arrest of a trader by the police and were dispersed by police with tear gas.');
  assert.match(faced?.actor2 ?? '', /^Police Forces of Sudan/, 'police who dispersed them faced them');
  const measured = first('On 6 May 2021, residents in Kassala (Kassala, Kassala) blocked the main road for over four hours, demanding water, forcing police to fire tear gas to disperse them.');
  assert.match(measured?.actor2 ?? '', /^Police Forces of Sudan/, '"over four hours" measures, it tells no topic');
});

test('a riot\'s own violence before its topic leaves the topic a topic; violence against forces, or theirs against the crowd, faces them', () => {
  // ("killed by": a trigger phrase that holds its agent's preposition.)
  const rioted = first('On 9 May 2021, in Recife, residents rioted over the death of a boy killed by the Military Police.');
  assert.equal(rioted?.event_type, 'Riots');
  assert.equal(rioted?.actor2 ?? '', '', 'the police killing is what the riot is about');
  const burned = first('On 9 May 2021, in Recife, residents burned two buses over the death of a boy killed by the Military Police.');
  assert.equal(burned?.actor2 ?? '', '', 'the crowd burned buses: no force faced it');
  const stoned = first('On 9 May 2021, in Kassala (Kassala, Kassala), rioters threw stones against police.');
  assert.match(stoned?.actor2 ?? '', /^Police Forces of Sudan/, '"against" after violence names its target');
  const dispersed = first('On 9 May 2021, in Kassala (Kassala, Kassala), police fired tear gas and beat people protesting a police raid on a market.');
  assert.match(dispersed?.actor2 ?? '', /^Police Forces of Sudan/, 'forces that disperse the crowd face it');
});

test('civilians named only in what a crowd is about are victims of that deed, not of the crowd', () => {
  const rioted = first('On 9 May 2021, in Kassala (Kassala, Kassala), rioters burned tyres in protest against the killing of a shopkeeper by soldiers.');
  assert.equal(rioted?.event_type, 'Riots');
  assert.equal(rioted?.actor2 ?? '', '', 'the shopkeeper was killed by the soldiers, not by the rioters');
  const attacked = first('On 9 May 2021, in Kassala (Kassala, Kassala), rioters beat a shopkeeper over the price of bread.');
  assert.match(attacked?.actor2 ?? '', /^Civilians/, 'the shopkeeper the rioters beat is their victim');
});

test('armed men of an ethnic group the note names are its militia; the same name counted is people', () => {
  const e = first('On 7 May 2021, Fulanis attacked the village of Ndachima in Ouham (Central African Republic), killing four people.');
  assert.equal(e?.actor1, 'Fulani Ethnic Militia (Central African Republic)');
  assert.equal(e?.inter1, 4);
  const counted = first('On 8 May 2021, soldiers killed two Fulani near Sebba (Sebba, Yagha) in Burkina Faso.');
  assert.equal(counted?.event_type, 'Violence against civilians', 'two Fulani killed are civilians, not a militia in a battle');
});

test('a one-country cue names the country though foreign forces are its victims; a region one cue names is the story\'s region', () => {
  // (The anti-Balaka act only in the Central African Republic: the peacekeepers' nationality is theirs.)
  assert.equal(first('Anti-Balaka fighters ambushed Burundian peacekeepers, killing two of them.')?.country, 'Central African Republic');
  // (The EPRDF names Ethiopia, the OLA Oromia: a battle between them is in Oromia.)
  const e = first('Fighting between the OLA and EPRDF forces left 40 soldiers dead.');
  assert.equal(e?.country, 'Ethiopia');
  assert.equal(e?.admin1, 'Oromia');
});

test('an armed side counted among the dead of an attack makes a battle, not violence against civilians', () => {
  const e = first('On 2 May 2021, suspected militants attacked the village of Dabora, four Koglweogo members and a herder were killed.');
  assert.equal(e?.sub_event_type, 'Armed clash');
  const b = first('On 2 May 2021, rebels of the APRD killed one government soldier near Paoua.');
  assert.equal(b?.sub_event_type, 'Armed clash');
  assert.equal(b?.inter2, 1);
  // Civilians alone among the dead: an attack.
  const c = first('On 2 May 2021, suspected militants attacked the village of Dabora, four herders and a teacher were killed.');
  assert.equal(c?.sub_event_type, 'Attack');
  // An off-duty policeman told again ("the policeman") is the civilian victim, not the police.
  const o = first('On 3 August 2020, unknown gunmen attacked the house of an off-duty policeman in Kantchari (Kantchari, Tapoa), and shot dead the policeman and wounded two others including his wife and younger brother.');
  assert.equal(o?.sub_event_type, 'Attack');
  // (Whoever a crowd counts among its dead is no armed side: "8-10 members of the BCL assaulted and injured ...".)
  const d = first('On 2 May 2021, at least 8-10 members of the BCL assaulted and injured members of the JCD with sticks in Jessore.');
  assert.notEqual(d?.event_type, 'Battles');
});

test('peacekeepers the note does not name are the peace mission of the country on the date (external forces)', () => {
  const e = first('On 10 June 2018, a UN patrol was attacked by armed men in Bambari, killing a Burundian peacekeeper.');
  assert.match(e?.actor2 ?? '', /^MINUSCA/);
  assert.equal(e?.inter2, 8);
  assert.equal(e?.event_type, 'Battles');
  const m = first('On 3 May 2021, peacekeepers clashed with gunmen near Kidal.');
  assert.match(m?.actor1 ?? '', /^MINUSMA/);
  // A peacekeeper's nationality does not make him his country's forces.
  const n = first('On 3 May 2019, gunmen shot dead a Moroccan peacekeeper in Bangassou.');
  assert.equal(n?.inter2, 8);
});

test('named rebel groups, foreign operations and the presidential guard are their actors, with their inter codes', () => {
  assert.equal(first('On 5 May 2020, an Abu Sayyaf militant was killed in a firefight with the military in Patikul, Sulu.')?.inter1, 2);
  assert.equal(first('On 5 May 2015, Ginbot 7 fighters attacked a police station in Gondar.')?.inter1, 2);
  assert.equal(first('On 5 May 2015, members of the presidential guard beat a trader in Bangui.')?.inter1, 1);
});

test('homes burned or set on fire by a side are a property destruction; homes a wildfire burns are no event', () => {
  assert.equal(first('On 3 May 2021, soldiers burned homes belonging to herders in a village near Djibo.')?.sub_event_type, 'Looting/property destruction');
  assert.equal(first('On 3 May 2021, unidentified gunmen set fire to homes in Bambari.')?.sub_event_type, 'Looting/property destruction');
  assert.equal(first('On 3 August 2021, wildfires burned homes near Athens.'), undefined);
});

test('unnamed arsonists who burn property are an unidentified armed group destroying property, not a crowd', () => {
  const e = first('On 3 May 2021, unknown arsonists torched a radio mast on a hill outside Kisumu.');
  assert.equal(e?.sub_event_type, 'Looting/property destruction');
  assert.match(e?.actor1 ?? '', /^Unidentified Armed Group/);
  const b = first('On 4 May 2021, suspected arsonists set fire to a lorry parked near the market of Eldoret.');
  assert.equal(b?.sub_event_type, 'Looting/property destruction');
  // Other unnamed sides that vandalise may be a crowd: no property destruction is made of them.
  const c = first('On 5 May 2021, assailants vandalized the house of a rival villager in Santhia over a land dispute.');
  assert.notEqual(c?.sub_event_type, 'Looting/property destruction');
  // Gunmen are armed by their name: what they burn is a property destruction too.
  const g = first('On 6 May 2021, gunmen torched a school in Gwoza (Borno).');
  assert.equal(g?.sub_event_type, 'Looting/property destruction');
  assert.match(g?.actor1 ?? '', /^Unidentified Armed Group/);
});

test('forces that fire on demonstrators, or protesters met by police, are the protest\'s intervening side', () => {
  const e = first('On 6 May 2021, police fire on demonstrators in Kisumu.');
  assert.equal(e?.sub_event_type, 'Excessive force against protesters');
  const m = first('On 7 May 2021, students marched in Eldoret against the new fees plan and were met by police forces.');
  assert.equal(m?.sub_event_type, 'Protest with intervention', '"plan ... and were met": a noun "plan" in the topic does not make the new clause irrealis');
  assert.match(m?.actor2 ?? '', /^Police Forces of Kenya/);
  const v = first('On 8 May 2021, traders protested in Kakamega against the market levy and were met with a violent response from police.');
  assert.equal(v?.sub_event_type, 'Excessive force against protesters');
  // "planned attacks and were arrested": the arrest, in a new clause, is real.
  assert.equal(first('On 9 May 2021, in Mombasa, two men planned attacks and were arrested by police.')?.sub_event_type, 'Arrests');
});

test('shots exchanged are fire between two sides: an armed clash, though the sides are not named', () => {
  assert.equal(first('On 10 May 2021, shots were exchanged near a checkpoint outside Bria. Two deaths reported.')?.sub_event_type, 'Armed clash');
  assert.equal(first('On 11 May 2021, police and bandits exchanged shots near Marsabit.')?.sub_event_type, 'Armed clash');
});

test('the City of Belgrade is its own admin1 in ACLED (GeoNames counts it in Central Serbia); Lebanese towns are Lebanon\'s', () => {
  assert.equal(first('On 5 May 2021, students protested outside the rectorate in Belgrade, Serbia, over tuition fees.')?.admin1, 'Belgrade');
  assert.equal(first('On 5 May 2021, farmers protested in Novi Sad, Serbia, over fuel prices.')?.admin1, 'Vojvodina');
  const lb = first('On 5 May 2021, rioters burned tyres and blocked the main road in Chtaura.');
  assert.equal(lb?.country, 'Lebanon');
  assert.equal(lb?.admin1, 'Bekaa');
});

test('a note that names no place is in the country of its one-country parties and movements, and of its communes', () => {
  // A Djiboutian opposition coalition; a Malian militia; a landmark of Burkina Faso's politics.
  assert.equal(first('Police dispersed a rally of the Union for National Salvation, arresting ten activists.')?.country, 'Djibouti');
  assert.equal(first('Members of the Ganda Izo militia picketed the regional assembly.')?.country, 'Mali');
  assert.equal(first('Students marched to commemorate the killing of journalist Norbert Zongo.')?.country, 'Burkina Faso');
  assert.equal(first('Members of the Burkina Association of Artists marched against violence.')?.country, 'Burkina Faso');
  // A commune the GeoNames packages lack: its province's region.
  const e = first('On 3 May 2019, unknown gunmen shot dead a herder in Gorgadji.');
  assert.equal(e?.country, 'Burkina Faso');
  assert.equal(e?.admin1, 'Sahel');
});

test('a note that says where its event was coded places it there, over the places it names as references', () => {
  const e = first('On 4 May 2021, gunmen looted a truck on the road between Nyala and El Fasher [coded to Kutum admin 2 HQ].');
  assert.equal(e?.location, 'Kutum');
  assert.equal(e?.admin1, 'North Darfur');
  const bf = first('On 2 June 2020, militants ambushed a convoy between Kaya and Djibo (coded as Kongoussi at geoprecision 2).');
  assert.equal(bf?.location, 'Kongoussi');
  // "coded as" before an actor's name that opens with a region is no place: the note's own town places it.
  const actor = first('On 5 July 2022, gunmen (coded as Darfur communal militia) shot a farmer in Kutum.');
  assert.equal(actor?.location, 'Kutum');
  // The place coded may be one named before, the reader keeping that mention only: "axis Djibo-Kongoussi (coded as Djibo ...)".
  const axis = first('On 5 May 2020, militants ambushed a supply convoy on the axis Djibo-Kongoussi (coded as Djibo at geoprecision 2), killing three soldiers.');
  assert.equal(axis?.location, 'Djibo');
  assert.equal(axis?.admin1, 'Sahel');
});

test('the place a note names with its region, "X (District, Province)", is the event place, over a town named in passing', () => {
  const chain = first('On 4 June 2021, a trader travelling from Hajipur was shot in Bakhtiyarpur town (Patna, Bihar).');
  assert.equal(chain?.location, 'Bakhtiyarpur', 'the bracket\'s district and province hold the town; Hajipur is where he came from');
  const held = first('On 9 May 2021, a convoy travelling from Kutum was ambushed north of Tawila (Tawila, North Darfur), one driver was killed.');
  assert.equal(held?.location, 'Tawila');
  const places = geo.parse('Gunmen shot a trader in Bakhtiyarpur town (Patna, Bihar).');
  assert.deepEqual(places.map((p) => [p.text, !!p.heldIn, !!p.holds]), [['Bakhtiyarpur', true, false], ['Patna', false, true], ['Bihar', false, true]]);
});

test('a bracket\'s province may carry its unit word: "Nyala (Nyala Janoub locality, South Darfur state)" holds the town named before it', () => {
  const e = first('On 4 May 2021, gunmen ambushed a lorry travelling between Ed Daein and Nyala (Nyala Janoub locality, South Darfur state), wounding two.');
  assert.equal(e?.location, 'Nyala', 'the bracketed town, not Ed Daein named in passing');
  assert.equal(e?.admin1, 'South Darfur');
});

test('a town of the one country a note names only by its people\'s demonym needs no cue: "control of Ansongo ... Malian troops"', () => {
  const e = first('Rebels took control of Ansongo, forcing Malian troops to withdraw.');
  assert.equal(e?.location, 'Ansongo');
  assert.equal(e?.admin1, 'Gao');
  // (Demonyms of two countries name none: the town stays unread.)
  const two = geo.parse('Rebels took control of Ansongo, forcing Malian and Nigerien troops to withdraw.');
  assert.ok(!two.some((p) => p.text === 'Ansongo'), JSON.stringify(two.map((p) => p.text)));
});

test('admin1 as ACLED writes it: Uganda\'s districts are its first level; "Bogota, D.C."', () => {
  assert.equal(first('On 3 May 2020, traders protested in Gulu town over market fees.')?.admin1, 'Gulu');
  assert.equal(first('On 3 May 2020, traders protested in Usaquen, Bogota over market fees.')?.admin1, 'Bogota, D.C.');
});

test('a settlement of the Donbas line the gazetteer lacks is placed in its oblast (settlements.tsv)', () => {
  const d = first('On 3 May 2019, the SMM heard 14 undetermined explosions near Kruta Balka.');
  assert.equal(d?.country, 'Ukraine');
  assert.equal(d?.admin1, 'Donetsk');
  assert.equal(first('On 3 May 2019, the SMM heard bursts of small-arms fire near Holubivske.')?.admin1, 'Luhansk');
  // (One news names often is meant before a namesake village of a few thousand people elsewhere.)
  assert.equal(first('On 4 May 2019, shelling damaged two houses in Kashtanove, residents said.')?.admin1, 'Donetsk', 'not Crimea\'s Kashtanove');
});

test('a text of no given country whose places name one country of another script reads a name the gazetteer lacks by that country\'s spellings', () => {
  // "Dokuchaevsk" (GeoNames: Dokuchayevs'k); the oblast says the text is in Ukraine.
  const e = first('On 5 May 2019, a shell damaged a school in Dokuchaevsk, Donetsk, local officials said.');
  assert.equal(e?.location, 'Dokuchayevsk');
  assert.ok(e && haversineKm(e.latitude!, e.longitude!, 47.75, 37.68) < 10);
  // (A text that names no place of such a country reads no such spelling.)
  assert.ok(!first('On 5 May 2019, a shell damaged a school in Dokuchaevsk, local officials said.')?.location);
});

test('a people or force the text names (a country cue) says whose spellings read a name the gazetteer lacks', () => {
  // "Naqamte", the Oromo spelling of Nekemte; the text names no place of Ethiopia, only its Oromo people.
  const e = first('On 5 May 2019, Oromo students protested in Naqamte against the arrest of their teachers.');
  assert.equal(e?.location, 'Nekemte');
  assert.equal(e?.country, 'Ethiopia');
});

test('a settlement of the Donbas line with its own point is placed there, not at its oblast\'s point; a namesake town of its oblast far off does not hide it', () => {
  // Shyrokyne lies on the coast east of Mariupol; Donetsk oblast's point is some 100 km north.
  const s = first('On 5 May 2019, the SMM heard 9 explosions near Shyrokyne.');
  assert.equal(s?.admin1, 'Donetsk');
  assert.ok(s && haversineKm(s.latitude!, s.longitude!, 47.1, 37.55) < 40, `near Mariupol: ${s?.latitude}, ${s?.longitude}`);
  // Opytne by Donetsk airport, not the Opytne near Bakhmut that the gazetteer knows.
  const o = first('On 5 May 2019, the SMM heard small-arms fire near Opytne, Donetsk.');
  assert.ok(o && haversineKm(o.latitude!, o.longitude!, 48.0, 37.8) < 25, `by Donetsk: ${o?.latitude}, ${o?.longitude}`);
});

test('one name alone in brackets after a place, when a province bears it, is the province the place lies in: "Gopalpur (Dhaka)" is no Gopalpur of India', () => {
  const e = first('On 3 May 2023, students blocked a highway in Gopalpur (Dhaka), demanding road repairs.');
  assert.equal(e?.country, 'Bangladesh');
  assert.equal(e?.admin1, 'Dhaka');
  const m = first('On 3 May 2023, students blocked a highway in Madhupur (Dhaka), demanding road repairs.');
  assert.equal(m?.country, 'Bangladesh', 'no Madhupur of Jharkhand');
  // (A bracketed name no province bears is another name of the place, not its region.)
  const places = geo.parse('Militants attacked the village of Guibga (Dibga) at night.');
  assert.ok(!places.some((p) => p.holds), JSON.stringify(places.map((p) => [p.text, p.holds])));
});

test('a direction that ends a bracket of a place\'s units is a province\'s name: "(Merowe locality, Northern state)"', () => {
  assert.equal(first('On 3 May 2022, Sudanese police dispersed a sit-in in Nuri (Merowe locality, Northern state).')?.admin1, 'Northern');
  // (Elsewhere a direction alone names no place.)
  assert.deepEqual(geo.parse('Protesters from the Northern and Southern camps met in Khartoum.').map((p) => p.text), ['Khartoum']);
});

test('a town that a bracket puts in another province by two names that agree is coded there; a bracket its own district contradicts is not', () => {
  const e = first('On 3 May 2021, gunmen shot dead a trader in Zaria (Funtua LGA, Katsina).');
  assert.equal(e?.location, 'Zaria', 'the town and its point stay');
  assert.equal(e?.admin1, 'Katsina', 'Funtua lies in Katsina: the bracket states the province');
  assert.equal(first('On 3 May 2021, gunmen shot dead a trader in Zaria (Zaria LGA, Katsina).')?.admin1, 'Kaduna', "the town's own district says otherwise: a slip");
  // (A name read as a place of the province only for want of one there vouches for nothing.)
  assert.equal(first('On 5 May 2021, party activists clashed in Kaliganj upazila (Jhenaidah, Chittagong), injuring five.')?.admin1, 'Khulna');
});

test('a district of a province named after its seat is the event place, not the seat: "Andar district in Ghazni"', () => {
  assert.equal(first('On 5 May 2021, Taliban fighters attacked a checkpoint in Andar district in Ghazni, killing two policemen.')?.location, 'Andar');
  assert.equal(first('On 8 May 2021, Houthi forces shelled houses in Maqbanah district in western Yemen (Taizz), injuring a child.')?.location, 'Maqbanah');
});

test('a district named after a town of its own is put at that town, its seat ("Kosti locality")', () => {
  const e = first('On 4 April 2021, demonstrators blocked a road in Wad Tirab village (Kosti locality, White Nile state) against the cost of fuel.');
  assert.equal(e?.country, 'Sudan');
  const kosti = geo.parse('The market of Kosti was closed.').find((p) => p.text === 'Kosti');
  assert.ok(kosti && e && e.latitude !== null && e.longitude !== null);
  assert.ok(haversineKm(e.latitude, e.longitude, kosti.entry.latitude, kosti.entry.longitude) < 5, `${e.location} ${e.latitude},${e.longitude}`);
});

test('a place named as the one holding the event\'s place is not a second event place: "(coded to Narsingdi, Dhaka)"', () => {
  const events = extractor.extract({ text: 'On 20 July 2024, students clashed with police forces in Narsingdi district (coded to Narsingdi, Dhaka). 2 people were killed.', origin: { file: 'inline' } }).events;
  assert.equal(events.length, 1, JSON.stringify(events.map((e) => e.location)));
  assert.equal(events[0]?.location, 'Narsingdi');
});

test('a Sudanese locality named for a village the gazetteer lacks places it at the locality\'s seat', () => {
  const e = first('On 5 May 2022, demonstrators blocked the main road in Wad Hilaywa village (Medani Al Kubra locality, Al Jazirah state) over bread prices.');
  assert.equal(e?.country, 'Sudan');
  assert.equal(e?.location, 'Wad Medani');
  const k = first('On 6 May 2022, farmers protested in Um Tireiba (Al Kamlin locality, Al Jazirah state) over irrigation fees.');
  assert.equal(k?.location, 'Al Kamlin');
  assert.ok(k && k.latitude !== null && haversineKm(k.latitude, k.longitude!, 15.07, 33.18) < 25);
});

test('Lebanese villages of road-block reports and Syrian spellings are placed in their country', () => {
  const e = first('On 3 May 2021, protesters blocked the main road in Jdita with burning tyres over the fuel shortage.');
  assert.equal(e?.country, 'Lebanon');
  const s = first('On 4 May 2021, Turkish forces shelled the outskirts of Tal Refaat with artillery.');
  assert.equal(s?.country, 'Syria');
  assert.equal(s?.admin1, 'Aleppo');
});

test('a Syrian governorate spelt as ACLED spells it, after a town of it, is where the town lies, not a second event', () => {
  for (const [town, governorate] of [['Ariha', 'Idleb'], ['Nawa', "Dar'a"], ['Jableh', 'Lattakia'], ['Baniyas', 'Tartous'], ['Qamishli', 'Al-Hasakeh']]) {
    const events = extractor.extract({ text: `On 8 May 2021, regime forces clashed with opposition fighters near ${town}, ${governorate}.`, origin: { file: 'inline' } }).events;
    assert.equal(events.length, 1, `${town}, ${governorate}: ${events.map((e) => e.location).join('; ')}`);
  }
});

test('a route between a town and a sub-prefecture named after its seat names two places ("the Bangassou-Bakouma axis")', () => {
  const e = first('On 4 May 2017, clashes between peacekeepers and militiamen were reported on the Bangassou-Bakouma axis; 5 were killed.');
  assert.equal(e?.country, 'Central African Republic');
  assert.equal(e?.admin1, 'Mbomou');
});

test('a one-region movement places a note that names no place in its region (FRUD: the Afar north of Djibouti, Tadjourah)', () => {
  const e = first('Two soldiers were killed when FRUD rebels ambushed an army patrol.');
  assert.equal(e?.country, 'Djibouti');
  assert.equal(e?.admin1, 'Tadjourah');
  // A town the note names outranks the movement's region.
  assert.equal(first('FRUD rebels ambushed an army patrol near Ali Sabieh, killing two soldiers.')?.admin1, 'Ali Sabieh');
});

test('a locality GeoNames lists without a town is at its seat ("[coded to Abu Hamad admin 2 HQ]")', () => {
  const e = first('On 3 May 2022, demonstrators blocked the road in Al Karba [coded to Abu Hamad admin 2 HQ], Abu Hamad locality, River Nile state. [size=no report]');
  assert.equal(e?.admin1, 'River Nile');
  assert.ok(e && haversineKm(e.latitude!, e.longitude!, 19.53, 33.32) < 5, JSON.stringify(e && [e.latitude, e.longitude]));
});

test('the line of contact\'s Vesele is the village by Donetsk airport, not the namesake near Kramatorsk; Puebla by its official name', () => {
  const e = first('On 28 April 2020, the Ukrainian Forces fired grenade launchers at the positions of the Donbass People\'s Militia in the area of Vesele, Donetsk.');
  assert.ok(e && haversineKm(e.latitude!, e.longitude!, 48.10, 37.71) < 5, JSON.stringify(e && [e.location, e.latitude, e.longitude]));
  const p = first('On 27 April 2020, in Heroica Puebla de Zaragoza, Puebla, a group of vendors demonstrated in front of the Municipal Palace. [size=no report]');
  assert.equal(p?.location, 'Puebla');
});

test('a road named by two towns ("the Bria-Bambari road") places its event at the first town', () => {
  const events = createExtractor().extract({ text: 'Armed men attacked a truck on the Bria-Bambari road on Friday, killing two traders.', date: '2024-03-10', origin: { file: 'inline' } }).events;
  assert.deepEqual(events.map((e) => [e.location, e.fatalities]), [['Bria', 2]]);
});

test('a currency sign joined to a country code ("US$300") names no place: the group\'s country stands', () => {
  const places = geo.parse('The kidnappers demanded US$300 for the release of the two farmers.');
  assert.ok(!places.some((p) => p.entry.countryCode === 'US'), JSON.stringify(places.map((p) => p.text)));
  const e = first('Anti-Balaka elements abducted two herders and released them after their families paid US$300.');
  assert.equal(e?.country, 'Central African Republic');
});

test('a note that names no place takes the country of a one-country movement, people or figure it names', () => {
  assert.equal(first('Members of the MSA and the CJA clashed over the control of a water point, killing two.')?.country, 'Mali');
  assert.equal(first('Students protested at a university in Wollega against the arrest of their classmates.')?.country, 'Ethiopia');
  assert.equal(first('Mursi herders clashed with soldiers over the grazing land, leaving five dead.')?.country, 'Ethiopia');
  assert.equal(first('Nzakara youths attacked a group of traders, killing one.')?.country, 'Central African Republic');
  assert.equal(first('Gunmen of the Sharqiya Army shot dead a shepherd over a dispute.')?.country, 'Syria');
  assert.equal(first('Workers of Bissa Gold staged a sit-in over unpaid bonuses.')?.country, 'Burkina Faso');
  assert.equal(first('Supporters of Aden Robleh clashed with police outside the court.')?.country, 'Djibouti');
  assert.equal(first('Police dispersed a meeting of the USN and arrested three of its members.')?.country, 'Djibouti');
});

test('"the Central Africa Republic", a common misspelling, is the country: no world region "Central Africa" takes the event', () => {
  const e = first('Gunmen attacked traders coming from the border with the Central Africa Republic, killing one near Nyala (South Darfur).');
  assert.equal(e?.country, 'Sudan');
});

test('towns under their news spellings: Garabulli (Libya, Murqub) and Amadiya (Iraq, Duhok)', () => {
  const g = first('On 3 May 2021, GNA forces clashed with LNA forces near the farms of Garabulli (Almargeb). No casualties reported.');
  assert.equal(g?.country, 'Libya');
  assert.ok(g && haversineKm(g.latitude!, g.longitude!, 32.745, 13.715) < 10, `${g?.location} ${g?.latitude},${g?.longitude}`);
  assert.equal(g?.admin1, 'Almargeb', 'Garabulli is a town of the Murqub district, not of Tripoli');
  const a = first('On 4 May 2021, Turkish forces conducted airstrikes in mountain areas of Zap (Amadiya) region of Dahuk.');
  assert.equal(a?.country, 'Iraq');
  assert.ok(a && haversineKm(a.latitude!, a.longitude!, 37.09, 43.49) < 10, `${a?.location} ${a?.latitude},${a?.longitude}`);
});

test('a movement of one region fights at home or across its borders: a namesake town on another continent is no place of its story', () => {
  // (Laga: a district of East Timor; Dig: a town of India.)
  assert.equal(first('OLA fighters planted a mine at a crossroads in Laga Guda, killing four soldiers.')?.country, 'Ethiopia');
  assert.equal(first('ONLF fighters ambushed an army convoy near the town of Dig, killing six soldiers.')?.country, 'Ethiopia');
  // (A town across the border stands: Garissa, Kenya.)
  assert.equal(first('Gunmen shot dead an ONLF sympathiser in Garissa.')?.country, 'Kenya');
});

test('heavy machine guns named by calibre ("14.5mm", "12.7 mm") fired at villages are shelling, as ACLED codes them', () => {
  const e = first('On 2 May 2021, pro-Houthi forces reportedly fired 14.5mm and 12.7mm machine guns at farms and houses in a village of Bajil district (Bajil, Al Hudaydah). No injuries reported.');
  assert.equal(e?.event_type, 'Explosions/Remote violence');
  assert.equal(e?.sub_event_type, 'Shelling/artillery/missile attack');
  const b = first('On 3 May 2021, Houthi forces fired caliber 12.7 mm machine guns at residential areas of Hays city (Hays, Al Hudaydah).');
  assert.equal(b?.sub_event_type, 'Shelling/artillery/missile attack');
});

test('a site named after a town abroad ("at the Palma bridge") in a story of another country is a site of that country', () => {
  const e = first('On 2 May 2021, rioters blocked the Tripoli-Beirut highway at the Palma bridge with burning tyres. [size=no report]');
  assert.equal(e?.country, 'Lebanon', `${e?.location}, ${e?.country}`);
  const m = first('On 3 May 2021, clashes between herders of two communities in Mado Gashi market (Isiolo) injured one person.');
  assert.equal(m?.country, 'Kenya', 'a market of a town is in the town');
});

test('a district "west of" a city is the event place; the city is a reference point', () => {
  const e = first('On 2 May 2021, nine coalition air raids were reported on Majzar district west of Marib city (Marib) with no report of fatalities.');
  assert.equal(e?.location, 'Majzar', `${e?.location}`);
  const n = first('On 3 May 2021, gunmen attacked a checkpoint in Bajil district east of Al Hudaydah city, killing two soldiers.');
  assert.equal(n?.location, 'Bajil', `${n?.location}`);
});

test('an Indian state abbreviation closing brackets ("(Salem, TN)", "(UP)") names the state; after a comma elsewhere it does not', () => {
  const e = first('On 2 May 2021, weavers held a protest in Salem town (Salem, TN) demanding relief during the lockdown. [size=no report]');
  assert.equal(e?.country, 'India');
  assert.equal(e?.admin1, 'Tamil Nadu');
  const u = first('On 3 May 2021, traders staged a protest in Kanpur city (UP) against the closure of markets. [size=no report]');
  assert.equal(u?.admin1, 'Uttar Pradesh');
  const bd = geo.parse('A mob vandalized the house of a Union Parishad (UP) chairman in Narail, and the residence of the AL whip (MP).');
  assert.ok(!bd.some((p) => p.entry.countryCode === 'IN'), 'an acronym in brackets after no place is no state');
  const places = geo.parse('The rally in Memphis, TN drew thousands.');
  assert.ok(!places.some((p) => p.entry.countryCode === 'IN'), JSON.stringify(places.map((p) => [p.text, p.entry.countryCode])));
});

test('"J&K" closing brackets names Jammu and Kashmir, and a "sector area" before the bracket is the place\'s unit word: the bracket holds the place', () => {
  // (Nowshera is a town of Pakistan too, and Shahpur of several Indian states: the bracket says which.)
  const e = first('On 3 May 2021, Indian and Pakistani forces exchanged fire across the LoC in Nowshera sector area (Rajouri district, J&K) in which two Pakistan soldiers were killed.');
  assert.equal(e?.country, 'India', `${e?.location}, ${e?.country}`);
  assert.equal(e?.admin1, 'Jammu and Kashmir');
  const s = first('On 4 May 2021, military forces of India and Pakistan exchanged fire across the LoC at Shahpur sector area (Poonch district, J&K).');
  assert.equal(s?.admin1, 'Jammu and Kashmir', `${s?.location}, ${s?.admin1}`);
  const j = first('On 5 May 2021, militants attacked a police post in Sopore town (Baramulla district, J&K).');
  assert.equal(j?.admin1, 'Jammu and Kashmir', `${j?.location}, ${j?.admin1}`);
  // ("J&K" elsewhere, as a word of a name, is no place: "the J&K police".)
  assert.ok(!geo.parse('Officers of the J&K police said the curfew would stay.').some((p) => p.text === 'J&K'));
});

test('a capital in the middle of a list that a conjunction closes is the city, one town of the list, not the province of the name before it', () => {
  // (Harare is a province of Zimbabwe too: "Aisha, Harare" alone would be Aisha in Harare province.)
  const e = first('On 3 May 2021, residents protested in the towns of Aisha, Harare, Dembel, and Erer against the regional administration.');
  assert.equal(e?.country, 'Ethiopia', `${e?.location}, ${e?.country}`);
  assert.equal(e?.admin1, 'Somali');
  // (A chain of places and regions with no conjunction stays a chain: "Baragoi, Samburu, Kenya".)
  const k = first('On 4 May 2021, bandits killed two herders in Baragoi, Samburu, Kenya.');
  assert.equal(k?.admin1, 'Samburu', `${k?.location}, ${k?.admin1}`);
});

test('gunfire reported as heard or fired, with no side named, is fighting: "Heavy gunfire at the checkpoint"', () => {
  const e = first('On 4 May 2021, heavy gunfire at the checkpoint of the camp north of Gao. No casualties reported.');
  assert.equal(e?.sub_event_type, 'Armed clash');
  const h = first('On 5 May 2021, shots were heard from the barracks in Kaya, witnesses said.');
  assert.equal(h?.event_type, 'Battles');
});

test('a bomb named by its trigger ("a remote control explosive") is a remote explosive', () => {
  const e = first('On 6 May 2021, militants used a remote control explosive against a military convoy near Kismayo.');
  assert.equal(e?.sub_event_type, 'Remote explosive/landmine/IED');
});

test('a work stoppage and a crowd that went to the streets are demonstrations', () => {
  assert.equal(first('On 7 May 2021, members of the teachers union observed a work stoppage in Bamako to press their demands.')?.sub_event_type, 'Peaceful protest');
  assert.equal(first('On 8 May 2021, people went to the streets of Niamey to support the new constitution.')?.sub_event_type, 'Peaceful protest');
  assert.equal(first('On 9 May 2021, students went to the street in Ouagadougou to demand the reopening of the university.')?.sub_event_type, 'Peaceful protest');
});

test("a state's forces told destroying property, with no one attacked, make a property destruction, not nothing", () => {
  const e = first('On 3 May 2021, soldiers burned motorbikes of suspected militants near Mopti.');
  assert.equal(e?.sub_event_type, 'Looting/property destruction');
  assert.match(e?.actor1 ?? '', /^Military Forces of Mali/);
  const h = first('On 4 May 2021, in Puerto Lempira, Gracias a Dios, military forces found and destroyed a clandestine airstrip.');
  assert.equal(h?.sub_event_type, 'Looting/property destruction');
});

test('a site word in lower case after a site the gazetteer knows ("the Nour square") is that site', () => {
  const e = first('On 4 May 2021, dozens of protesters gathered at the Nour square in Tripoli against the collapse of the currency. [size=dozens]');
  assert.equal(e?.country, 'Lebanon', `${e?.location}, ${e?.country}`);
});

test('two towns of two countries joined by a hyphen before a road word name two places ("the Baalbek-Homs road")', () => {
  const places = geo.parse('Farmers blocked the Baalbek-Homs road with burning tyres.');
  assert.deepEqual(places.map((p) => p.entry.countryCode), ['LB', 'SY'], JSON.stringify(places.map((p) => p.text)));
});

test('a province before a road word ("an Akkar road") names the province; a site there named after a town abroad is no place abroad', () => {
  const e = first('On 5 May 2021, youths burned tyres on an Akkar road at the el Aioun intersection. [size=no report]');
  assert.equal(e?.country, 'Lebanon', `${e?.location}, ${e?.country}`);
  assert.equal(e?.admin1, 'Akkar');
});

test('a politician of one country (a Karami) chooses the namesake of his country', () => {
  const e = first('On 6 May 2021, rioters hurled stones at the house of MP Faisal Karami in Tripoli and clashed with soldiers.');
  assert.equal(e?.country, 'Lebanon', `${e?.location}, ${e?.country}`);
});

test('a town a nationality introduces ("the Ethiopian town of Zalambesa") lies in its country, not in the attacking country the note names', () => {
  const e = first('On 3 June 2021, Eritrea shelled the Ethiopian town of Zalambesa overnight.');
  assert.equal(e?.country, 'Ethiopia', `${e?.location}, ${e?.country}`);
});

test('a region closing a bracket list is the coded region though a force of another country did it ("an Amhara Ethiopian militia ... (Basunda, Gedaref)")', () => {
  const e = first('On 5 June 2022, an Amhara Ethiopian militia abducted a farmer in Kheir Allah (Basunda, Gedaref).');
  assert.equal(e?.country, 'Sudan', `${e?.location}, ${e?.country}`);
  const f = first('On 5 June 2022, Fano militiamen abducted a farmer in Kheir Allah (Basunda, Gedaref).');
  assert.equal(f?.country, 'Sudan', `${f?.location}, ${f?.country}`);
});

test('a word between the article and a name before a part-of word keeps the cue ("in the disputed Abyei area")', () => {
  const places = geo.parse('Herders clashed with farmers in the disputed Abyei area.');
  assert.ok(places.some((p) => p.text === 'Abyei' && p.entry.countryCode === 'SD'), JSON.stringify(places.map((p) => p.text)));
});

test('"coded as" before a force named after a region ("coded as Amhara Regional Special Forces") names no coded place', () => {
  const text = 'SAF clashed with Ethiopian forces (coded as Amhara Regional Special Forces and Amhara militias) in Barakat Norein (Al Fao, Gedaref).';
  assert.equal(codedPlace(text, geo.parse(text), () => false), undefined);
});

test('cities by the spellings English news uses (Rae Bareli, Zhukovskiy)', () => {
  assert.equal(first('On 8 June 2022, students protested in Rae Bareli against fees.')?.country, 'India');
  assert.equal(first('On 8 June 2022, residents protested in the town of Zhukovskiy against the hospital closure.')?.country, 'Russia');
});

test('armed men named right after other forces ("Wagner militants") are those forces, not a second armed group', () => {
  const e = first('On 3 May 2022, Wagner militants opened fire and killed at least six traders in Bakouma.');
  assert.equal(e?.sub_event_type, 'Attack');
  assert.equal(e?.actor1, 'Wagner Group');
  assert.match(e?.actor2 ?? '', /^Civilians/);
});

test('"rebel groups" not named are armed groups: their clash is a battle, not a riot', () => {
  const e = first('On 5 May 2022, clashes between rival rebel groups killed 12 people in Kabo.');
  assert.equal(e?.sub_event_type, 'Armed clash');
  assert.match(e?.actor1 ?? '', /^Unidentified Armed Group/);
  const c = first('On 5 May 2022, fighting broke out between armed rebel groups of the CPC and military forces near Bossembele.');
  assert.match(c?.actor1 ?? '', /^CPC/, 'rebel groups "of" a named coalition are its own');
});

test('a town in the possessive before a word for a part of it ("Afrin\'s entrances") is a place', () => {
  const places = geo.parse('Troops closed all of Afrin\'s entrances until further notice.');
  assert.ok(places.some((p) => p.text === 'Afrin' && p.entry.countryCode === 'SY'), JSON.stringify(places.map((p) => p.text)));
});

test('La Matanza, the partido of Greater Buenos Aires, and Concepcion de Oriente (La Union) are places of their countries', () => {
  assert.equal(first('On 3 May 2021, in the partido of La Matanza (Buenos Aires), residents held a pot-banging protest.')?.country, 'Argentina');
  assert.equal(first('On 3 May 2021, in Concepcion de Oriente (La Union), gang members killed a shopkeeper.')?.country, 'El Salvador');
});

test('residents in a street fight with the police riot; civil servants who storm a ministry are a crowd, not armed men', () => {
  const e = first('On 5 May 2021, residents engaged in a street fight with police officers in Kano over the sharing of relief food.');
  assert.equal(e?.event_type, 'Riots');
  const s = first('On 6 May 2021, civil servants stormed the Ministry of Finance in Bangui to ask for their unpaid salaries.');
  assert.equal(s?.event_type, 'Riots');
});

test('an armed side that occupied a locality or an area, with no fight told, made a non-violent transfer of territory', () => {
  const e = first('On 5 May 2022, armed men occupied the Sido locality in Ouham.');
  assert.equal(e?.sub_event_type, 'Non-violent transfer of territory');
  const a = first('Armed groups occupied the area north of Kabo, pushing civilians to leave their villages.');
  assert.equal(a?.sub_event_type, 'Non-violent transfer of territory');
});

test("a note that names no place takes the country of Kenya's peoples, parties, institutions and leaders it names", () => {
  assert.equal(first('Pokot herders raided a homestead and drove away forty goats, injuring a boy.')?.country, 'Kenya');
  assert.equal(first('Kalenjin and Kikuyu youths fought with clubs at a market, leaving three injured.')?.country, 'Kenya');
  assert.equal(first('Supporters of the PNU stoned a vehicle carrying an opposition candidate.')?.country, 'Kenya');
  assert.equal(first('GSU officers fired tear gas at traders protesting a new levy.')?.country, 'Kenya');
  assert.equal(first('Matatu drivers blocked the highway to protest new fines.')?.country, 'Kenya');
  assert.equal(first('Youths protested outside the IEBC offices over the delayed tallying of votes.')?.country, 'Kenya');
  assert.equal(first('Supporters of President Kibaki clashed with rival supporters after a rally.')?.country, 'Kenya');
});

test('a note that names no place takes the country of a force, council or people of one country it names (BSF, STC, the Suri, Assamese)', () => {
  assert.equal(first('BSF personnel allegedly beat a cattle trader at a checkpoint.')?.country, 'India');
  assert.equal(first('Assamese students marched against the new citizenship rules.')?.country, 'India');
  assert.equal(first('STC forces arrested two journalists at a checkpoint.')?.country, 'Yemen');
  assert.equal(first('Suri gunmen ambushed a group of traders, killing two.')?.country, 'Ethiopia');
});

test("a town named in passing in the country of a people's name places the event there, not at the capital", () => {
  const e = first('An order by the Nyeri County Government to evict Mungiki members sparked protests.');
  assert.equal(e?.country, 'Kenya');
  assert.equal(e?.admin1, 'Nyeri', 'the county government names its county');
  assert.equal(first('A decision by the Kajiado County Government to lease Maasai grazing land sparked protests.')?.admin1, 'Kajiado');
});

test('a force or a leader of one country keeps a namesake village on another continent out of its story', () => {
  // (Bula: a town of the Philippines; Salama: of Guatemala; Tanga: of Tanzania, inside the faction's name.)
  assert.equal(first('KDF soldiers killed two suspected militants near Bula Hawa junction.')?.country, 'Kenya');
  assert.equal(first('Kibaki supporters and rival youths fought with stones at Salama trading centre.')?.country, 'Kenya');
  assert.equal(first('Members of the Kieleweke faction clashed with Tanga Tanga supporters at a funeral.')?.country, 'Kenya');
});

test('remains found are an attack: "the remains of", a severed or human head, found or left somewhere', () => {
  const head = first('On 4 May 2021, in Culiacan, Sinaloa, a human head was found inside a cooler on a bridge.');
  assert.equal(head?.sub_event_type, 'Attack');
  assert.equal(head?.country, 'Mexico');
  const remains = first('On 9 June 2021, in Celaya, Guanajuato, the remains of three men were left in bags near a gas station.');
  assert.equal(remains?.sub_event_type, 'Attack');
  assert.equal(remains?.country, 'Mexico');
  // 'remains' as a verb, and a head of an office, are no remains.
  assert.equal(first('On 9 June 2021, in Celaya, Guanajuato, the situation remains tense and three schools were left closed.'), undefined);
});

test('an incursion made or led by an armed side is an attack; the noun alone ("a Turkish incursion") is none', () => {
  const e = first('On 2 March 2021, unidentified gunmen made an incursion into the village of Tin-Akoff (Oudalan), firing shots and stealing livestock.');
  assert.ok(e);
  assert.equal(e.country, 'Burkina Faso');
  assert.equal(first('On 2 March 2021, the president of Turkey warned of a possible incursion into northern Syria.'), undefined);
});

test('placed in detention or custody is an arrest; a cache of explosives or ammunition found is a disrupted weapons use', () => {
  const arrest = first('On 12 October 2021, in Niamey, a journalist was placed in pre-trial detention by the prosecutor for defamation.');
  assert.equal(arrest?.sub_event_type, 'Arrests');
  assert.equal(arrest?.country, 'Niger');
  const cache = first('On 3 May 2021, police forces in Patras discovered a cache of explosives and detonators in an abandoned warehouse.');
  assert.equal(cache?.sub_event_type, 'Disrupted weapons use');
  assert.equal(cache?.country, 'Greece');
});

test('a cessation of hostilities declared is an agreement; one named as in force tells none of its own', () => {
  const e = first('On 12 August 2021, a commander of the rebel group declared a unilateral cessation of hostilities in Kaga-Bandoro.');
  assert.equal(e?.event_type, 'Strategic developments');
  assert.equal(e?.sub_event_type, 'Agreement');
  const b = first('On 14 August 2021, rebels attacked an army post in Kaga-Bandoro in violation of the cessation of hostilities, killing two soldiers.');
  assert.equal(b?.event_type, 'Battles');
});

test('armed men camping in a place set up a base; displaced people or pilgrims camping tell no event', () => {
  const e = first('On 9 February 2022, about 80 rebel fighters entered and camped out in a village near Obo after withdrawing from Zemio.');
  assert.equal(e?.event_type, 'Strategic developments');
  assert.equal(e?.sub_event_type, 'Headquarters or base established');
  assert.equal(first('Hundreds of pilgrims camped in the fields outside the shrine before the feast.'), undefined);
});

test('militiamen encircling a village is a change to their activity; protesters encircling a building still protest', () => {
  const e = first('On 4 June 2021, Dozo militiamen encircled the village of Kassa in the Mopti region.');
  assert.equal(e?.event_type, 'Strategic developments');
  assert.equal(e?.sub_event_type, 'Change to group/activity');
  const p = first('On 5 June 2021, protesters encircled the parliament building in Kampala, chanting slogans against the tax.');
  assert.equal(p?.event_type, 'Protests');
});

test('infighting between factions of an armed side is a battle; a party torn by infighting is no event', () => {
  const e = first('On 3 May 2021, infighting between two factions of the militia left four fighters dead near Jowhar.');
  assert.equal(e?.event_type, 'Battles');
  assert.equal(e?.fatalities, 4);
  assert.equal(first('The ruling party was torn by infighting over the leadership last week.'), undefined);
});

test('a period counted in a relative clause after the event ("salaries that had not been paid since 2003") leaves the event of its day', () => {
  const e = first('On 14 March 2019, teachers stormed the education ministry in Bangui to demand salaries that had not been paid since 2015.');
  assert.ok(e, 'the storming is reported');
  const m = first('On 15 March 2019, nurses marched to the health ministry in Bangui over bonuses which have been withheld since January.');
  assert.equal(m?.event_type, 'Protests');
  // A clause telling a campaign's toll stays the campaign's.
  assert.equal(first('Fifty people were killed in clashes that have raged since January in Marib.'), undefined);
  assert.equal(first('Fighting that has killed 300 people since January continued in Marib.'), undefined);
});

test('forces using force on people who are no crowd attack civilians; on protesters they intervene', () => {
  const e = first('On 2 May 2020, gendarmes used violence to break up an opposition party meeting in Tadjourah.');
  assert.equal(e?.event_type, 'Violence against civilians');
  assert.equal(e?.sub_event_type, 'Attack');
  const f = first('On 3 May 2020, police used force against shopkeepers in Srinagar who had opened their shops during the lockdown.');
  assert.equal(f?.event_type, 'Violence against civilians');
  const p = first('On 4 May 2020, police baton charged protesters demanding the release of their leader in Srinagar.');
  assert.equal(p?.sub_event_type, 'Protest with intervention');
});

test('an armed group blocking a road or closing schools is its non-violent activity; police blocking a road, or talks behind closed doors, tell none', () => {
  const e = first('On 6 May 2020, members of HTS blocked the road near Atarib to stop a Turkish convoy from passing.');
  assert.equal(e?.event_type, 'Strategic developments');
  assert.equal(e?.sub_event_type, 'Other');
  const s = first('On 7 May 2020, JNIM militants closed down 12 schools in the communes around Djenne.');
  assert.equal(s?.sub_event_type, 'Other');
  assert.equal(first('On 8 May 2020, police blocked the road to the airport in Nairobi.'), undefined);
  assert.equal(first('On 9 May 2020, the residents decided to stop negotiating with the mining company behind closed doors in Cajamarca.'), undefined);
});

test('a hyphenated car bomber is a car bomber; slitting throats is killing, and counts the dead', () => {
  // (Invented.)
  assert.equal(first('On 2 May 2016, a suicide car-bomber rammed his explosive-laden vehicle into a police station in Bannu.')?.sub_event_type, 'Suicide bomb');
  assert.equal(first('On 2 May 2016, a car-bomber struck a checkpoint in Mosul.')?.event_type, 'Explosions/Remote violence');
  const e = first('On 2 May 2016, gunmen slit the throats of five villagers in Gwoza (Borno).');
  assert.equal(e?.sub_event_type, 'Attack');
  assert.equal(e?.fatalities, 5);
});
