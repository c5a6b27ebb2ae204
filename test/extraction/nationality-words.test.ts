// A country's name or a nationality that says whose, not where: "a US soldier", "the UK embassy",
// "Senegalese immigrants". Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08' }).events[0];

test("a country's name before its soldiers is their nationality: the place named is the event's", () => {
  assert.equal(first('A US soldier was killed in southern Iraq on Monday.')?.country, 'Iraq');
  assert.equal(first('Two UK engineers of a US company were shot dead in a road attack in Basra on Monday.')?.country, 'Iraq');
});

test('with no other place, a country named as a nationality is still the fallback country', () => {
  assert.equal(first('Two US soldiers were killed in an ambush on Monday.')?.country, 'United States');
});

test("a victim's nationality written as a demonym outranks a foreign force's country's name", () => {
  const e = first('A suicide bomber blew himself up near a convoy on Monday, killing two US soldiers, an Afghan police officer and ten children.');
  assert.equal(e?.country, 'Afghanistan');
});

test("a nationality's embassy is abroad: the town it stands in is not the nationality's namesake", () => {
  assert.equal(first('A car bomb went off near the US embassy in Lima on Monday, killing nine people.')?.country, 'Peru');
  assert.equal(first('A car bomb went off near the American embassy in Lima on Monday, killing nine people.')?.country, 'Peru');
});

test("people abroad (immigrants, pilgrims) say where they come from, never where the story is", () => {
  assert.notEqual(first('A gunman opened fire at a market where Senegalese immigrants sold goods on Monday, killing two of them.')?.country, 'Senegal');
  const e = first('A car bomb struck a bus of Iranian pilgrims in the Iraqi capital on Monday, killing 20 people.');
  assert.equal(e?.country, 'Iraq');
});

test("a town's name before 'man' or 'woman' still names where one lives (no nationality)", () => {
  assert.equal(first('A Palestine man was shot dead by police in Anderson County, Texas, on Monday.')?.country, 'United States');
});

test("a nationality before 'border' names the country across it: it casts no vote for the town's namesakes", () => {
  const e = first('Gunmen attacked a Malian army checkpoint in the town of Lere, near the Mauritanian border, on Monday, killing three soldiers.');
  assert.equal(e?.country, 'Mali');
});

test("peacekeepers' nationality is the contributing country's, never where they serve", () => {
  assert.notEqual(first('Moroccan UN peacekeepers escorting fuel trucks were ambushed on Monday; two peacekeepers were killed.')?.country, 'Morocco');
});

test("Anbar's Rutba as news often spells it ('al-Ratba'), not Morocco's Ratba", () => {
  assert.equal(first('An attack on a police headquarters in al-Ratba, Al Anbar Governorate, left five soldiers dead on Monday.')?.country, 'Iraq');
});

test("a country named only as the border across which the place lies is never the event's country", () => {
  assert.notEqual(first('A car bomb exploded outside a police station near the Iranian border on Monday, killing three people.')?.country, 'Iran');
  assert.notEqual(first('Gunmen shot dead three policemen in a market near the border with Burkina Faso on Monday.')?.country, 'Burkina Faso');
});

test("a country's own border guard or a pair's border still says the country", () => {
  assert.equal(first('A Saudi border guard was killed by a land mine on Monday.')?.country, 'Saudi Arabia');
});

test("along the border the event is on the line: the country named as the border still stands when nothing else does", () => {
  assert.equal(first('Clashes erupted along the Eritrea border on Monday, killing three soldiers.')?.country, 'Eritrea');
});
