// A nationality or a country named as whose (an attacker's, a truce's parties', a border's other side)
// is not where the event happened: invented headlines and notes (issue 13).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcledEvent } from '../../src/common/event.js';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();

function first(text: string, country?: string): AcledEvent | undefined {
  return extractor.extract({ id: 't', text, country, origin: { file: 'inline' } }).events[0];
}

test('with the collection\'s country known, an attacker\'s nationality does not place the event', () => {
  assert.equal(first('Belgian airstrikes kill 12 people in a village near the river', 'Kenya')?.country, 'Kenya');
  assert.equal(first('Violations continue on the 5th day of the Belgian-Dutch truce, 3 killed in shelling', 'Kenya')?.country, 'Kenya');
  assert.equal(first('Gunmen attack a market and kill a trader as the Norwegian guarantor watches', 'Kenya')?.country, 'Kenya');
});

test('with the collection\'s country known, a country named as a border is next to the event, not its place', () => {
  assert.equal(first('Two explosions hit a camp near the border with Uganda and kill 10 persons', 'Kenya')?.country, 'Kenya');
  assert.equal(first('Gunmen killed 3 herders near the Tanzania border', 'Kenya')?.country, 'Kenya');
});

test('a country named in the sentence wins a tie with a speaker\'s country when the collection\'s country is known', () => {
  assert.equal(first('Belgium says 40 militants killed in strikes in Kenya', 'Kenya')?.country, 'Kenya');
});

test('with no country known, a victim\'s nationality still places the event; an attacker\'s comes last', () => {
  assert.equal(first('Belgian airstrikes kill 12 Kenyan civilians near the river')?.country, 'Kenya');
  assert.equal(first('Unidentified gunmen shot dead two Ghanaian traders.')?.country, 'Ghana');
});

test('a town named with the border is still the event place', () => {
  const e = first('On 3 May 2021, gunmen killed two herders in Moyale near the border with Ethiopia.');
  assert.equal(e?.country, 'Kenya');
});

test('with nothing else placing it, a town named only as an actor\'s base still gives the country', () => {
  const e = first('Gendarmes from Nakuru shot dead a man who refused to stop at their post.');
  assert.equal(e?.country, 'Kenya');
});

test('a country cue breaks a tie between the text\'s places for its country, when the text does not name it', () => {
  // "Durgapur": towns of India and Bangladesh; the parties are Bangladesh's.
  assert.equal(first('On 4 June 2022, Jubo League activists attacked a BNP office in Durgapur (Rajshahi).')?.country, 'Bangladesh');
  // A people's militia of Sudan: "El Gharbia" ends a village's name, it is no Gharbia of Egypt.
  assert.equal(first('On 3 May 2021, Rizeigat militiamen clashed with herders in Hilla El Gharbia area, East Darfur state.')?.country, 'Sudan');
  // A people named with its country adds nothing to the country's own name: the town where it happened places it.
  assert.equal(first('Refugees from the Oromo community of Ethiopia living in Nairobi staged a peaceful march.')?.country, 'Kenya');
});

test('a great city the sentence names first sets the scene, though another country is named twice after it', () => {
  // Two names of Belgium (a nationality and the country as whom the protesters accused) do not take a
  // protest in Nairobi abroad.
  const e = first('On 4 March, traders in Nairobi marched against the Belgian presence and accused Belgium of backing the rebels.');
  assert.equal(e?.country, 'Kenya');
  assert.equal(e?.location, 'Nairobi');
});

test('a country named as the border\'s other side, whose name holds a word of that country ("Faso"), is not the event\'s place', () => {
  // (Invented.) "Faso" alone names Burkina Faso; inside the country's full name it is no second mention.
  assert.equal(first('Two Malian soldiers were killed in an attack near the border with Burkina Faso.')?.country, 'Mali');
  assert.equal(first('Gunmen attacked a village in Burkina Faso, killing 12.')?.country, 'Burkina Faso');
});
