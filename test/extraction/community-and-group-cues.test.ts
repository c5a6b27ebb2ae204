// Names that say which country a story is in, or that no place is named: a community's name that
// is also a town abroad, groups of one country, a country named as what a region borders.
// Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08' }).events[0];

test('the Ahmadi community is no place (not Kuwait\'s Al Ahmadi)', () => {
  assert.notEqual(first('Gunmen shot dead an Ahmadi teacher outside an Ahmadi mosque on Monday.')?.country, 'Kuwait');
});

test("Pakistan's sectarian groups say the story is Pakistan's", () => {
  assert.equal(first('Gunmen of Lashkar-e-Jhangvi shot dead a Shia shopkeeper on Monday.')?.country, 'Pakistan');
});

test("the Paraguayan People's Army is a rebel group, not Paraguay's army", () => {
  const e = first("Members of the Paraguayan People's Army attacked a ranch in Concepcion on Monday, killing a guard.");
  assert.equal(e?.actor1, "EPP: Paraguayan People's Army");
  assert.equal(e?.country, 'Paraguay');
});

test('a country a region borders is not where the event was', () => {
  assert.equal(first('A car bomb in a southern Afghan province bordering Pakistan killed nine people on Monday.')?.country, 'Afghanistan');
});

test("towns in the spelling English wire reports use: Kashmir's Sopore, Iraq's Talafar and Mahmoudiya", () => {
  assert.equal(first('Militants shot dead a shopkeeper in Sopore on Monday.')?.admin1, 'Jammu and Kashmir');
  assert.equal(first('A car bomb killed six people in Talafar on Monday.')?.admin1, 'Ninewa');
  assert.equal(first('Gunmen killed four people at a market in Mahmoudiya on Monday.')?.country, 'Iraq');
});

test('the Taliban vote for Afghanistan and Pakistan: a village of a district\'s name abroad yields', () => {
  assert.equal(first('Taliban fighters ambushed a police post in Chora district on Monday, killing three policemen.')?.country, 'Afghanistan');
});

test("Myanmar's states by their English names, and the Arakan Army as a rebel group, not the state's army", () => {
  assert.equal(first('Two soldiers were killed in fighting in Karen State on Monday.')?.admin1, 'Kayin');
  const e = first('The Arakan Army attacked a police post in Arakan State on Monday.');
  assert.equal(e?.actor1, 'AA: Arakan Army');
  assert.equal(e?.admin1, 'Rakhine');
});

test("places the packages lack or spell otherwise: the Philippines' Maguindanao, Somalia's Lower Shebelle", () => {
  assert.equal(first('A soldier was killed when rebels set off a roadside bomb in Maguindanao on Monday.')?.country, 'Philippines');
  assert.equal(first('Gunmen opened fire on a bus near a village in Lower Shebelle region on Monday, killing a passenger.')?.admin1, 'Lower Shabelle');
});

test("the Allied Democratic Forces say the story is Congo's North Kivu: Beni is not Bolivia's department", () => {
  const e = first('Suspected ADF rebels attacked a village in Beni with machetes on Monday, killing ten civilians.');
  assert.equal(e?.country, 'Democratic Republic of Congo');
  assert.equal(first('Fighters of the Allied Democratic Forces killed four people on Monday.')?.admin1, 'Nord-Kivu');
});

test("Baghdad's quarters are Baghdad's: al-Shaab is not Israel's Shaab, Dora not Alabama's", () => {
  assert.equal(first('A bomb exploded in al-Shaab district northeast of Baghdad on Monday, killing one person.')?.location, 'Shaab');
  assert.equal(first('A car bomb exploded in the Shiite district of Shaab on Monday, killing eleven people.')?.country, 'Iraq');
  assert.equal(first('A roadside bomb struck a police patrol in Dora, in southern Baghdad, on Monday, killing two policemen.')?.location, 'Dora');
});

test("Wilayat Sayna, another transliteration of the Sinai Province, places Rafah in Egypt", () => {
  const e = first("A bomb went off in Rafah on Monday, killing two soldiers. Wilayat Sayna claimed responsibility.");
  assert.equal(e?.country, 'Egypt');
  assert.equal(e?.actor1, 'Islamic State (Egypt)');
});
