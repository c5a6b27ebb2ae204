// The country of an event's place against the countries its actors are named by: a state's forces
// named as a proper name with their country ("Military Forces of Ethiopia"). Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08' }).events[0];

test("a country in a force's proper name is the force's, not the place's", () => {
  assert.equal(first('On 4 May 2024, Sudanese soldiers fought Ethiopian militiamen (coded as Amhara Special Forces, Military Forces of Ethiopia and Amhara militias) in Umm Rakuba Gedid (Basunda, Gedaref) as Ethiopian farmers tried to plant crops.')?.country, 'Sudan');
  assert.equal(first('Gunmen fired on a car of the Embassy of France in Kidal on Monday, wounding a driver.')?.country, 'Mali');
});

test('a state force named with its country, in a text naming no place, is at home', () => {
  assert.equal(first('Police Forces of Kenya arrested four men on Monday, accusing them of links to the Somali-based group Al Shabaab.')?.country, 'Kenya');
});

test('in lower case the country after a force may be the place', () => {
  assert.equal(first('Three guerrillas were killed on Monday in a clash with the army of Venezuela.')?.country, 'Venezuela');
});

test("a nationality before a word of a country's ground names the place: 'onto Ethiopian soil'", () => {
  assert.equal(first('Somalia made an incursion onto Kenyan soil on Monday, and a skirmish followed.')?.country, 'Kenya');
  assert.equal(first('A rocket fired by the militants landed in Egyptian territory on Monday, wounding two.')?.country, 'Egypt');
});

test('a country opening its sentence as the subject of a light verb acts; it is not the place', () => {
  assert.equal(first('Eritrea launched an attack on a border village on Ethiopian soil on Monday, killing four.')?.country, 'Ethiopia');
  // (No verb after the country: the country is where it happened.)
  assert.equal(first('Pakistan blast kills 12 people at a market on Monday.')?.country, 'Pakistan');
});

test("a hyphenated pair of compass words before a town says which part of it ('North-East Kidal'), not Botswana's North-East", () => {
  assert.equal(first("Two loud explosions were heard in North-East Gao's outskirts on Monday.")?.country, 'Mali');
  assert.equal(first('Gunmen attacked a checkpoint in South-West Kidal on Monday, killing two soldiers.')?.location, 'Kidal');
  // (The region named alone is still read.)
  assert.equal(first('Gunmen attacked a checkpoint in the North-West region of Cameroon on Monday.')?.country, 'Cameroon');
});

test("a payam is southern Sudan's unit, in South Sudan and in the Abyei Area alike: it does not move Abyei abroad", () => {
  assert.equal(first('Cattle raiders stole forty cows from herders in Rumamer payam in the disputed Abyei area on Monday.')?.country, 'Sudan');
  assert.equal(first('Cattle raiders stole forty cows from herders in Cueibet payam, Rumbek, on Monday.')?.country, 'South Sudan');
});

test('where aircraft, drones or missiles set out is not the place they strike', () => {
  assert.equal(first('Drones launched from a base in Niger struck a militant camp in Libya on Monday, killing six.')?.country, 'Libya');
  assert.equal(first('Jets that took off from an air base in Diyarbakir bombed positions near Zakho on Monday.')?.country, 'Iraq');
  // (Named alone, the launch site is all the text says.)
  assert.equal(first('Gunmen fired from a rooftop in Gao on Monday, killing two.')?.country, 'Mali');
  // ('launched' from a town, with no base or airfield, tells a journey's start.)
  assert.equal(first('Warplanes bombed a convoy launched from Tal Tamr towards Ras al-Ayn on Monday, killing nine.')?.location, 'Tall Tamr');
});

test("a name after 'Albu' (an Arab tribe's 'descendants of') is part of the tribe's or its village's name", () => {
  assert.equal(first('A roadside bomb killed two farmers in the village of Albu Java, north of Tikrit, on Monday.')?.country, 'Iraq');
  assert.equal(first('Militants shot dead four men of the Al-Bu Java tribe near Samarra on Monday.')?.country, 'Iraq');
});

test("a town's name before its club's fans names the club, not the place of a clash elsewhere", () => {
  assert.equal(first('Hundreds of Marseille fans clashed with police in Lisbon before the match on Monday, injuring ten.')?.country, 'Portugal');
  // (Named alone, the town still says where.)
  assert.equal(first('Mombasa supporters of the opposition protested on Monday.')?.country, 'Kenya');
});

test("a region named as an official's charge does not outvote the event's place ('according to the governor of Warrap state')", () => {
  assert.equal(first('Militiamen clashed with herders in Agok on Monday. Eight people were killed, according to the governor of the Warrap state.')?.country, 'Sudan');
  // (Named alone, the official's region is all the text says.)
  assert.equal(first('Eight people were killed on Monday, according to the governor of Warrap state.')?.country, 'South Sudan');
});

test("a month's name after a day's number is a date, not a town held by the name after the comma ('On 8 August, Evans ...')", () => {
  assert.equal(first('On 8 August, Evans Mutua, a former Nairobi governor, was arrested by police.')?.country, 'Kenya');
});

test("a lower-case unit word that is a country's first-level unit asks for that region ('Kwale county' is Kenya's, not Nigeria's Kwale)", () => {
  assert.equal(first('Traders protested against the demolition of their stalls in Kwale county on Monday.')?.country, 'Kenya');
  // (A county that is a district elsewhere stays one: Orange County, California.)
  assert.equal(first('Gunmen shot two deputies in Orange county, California, on Monday.')?.country, 'United States');
});
