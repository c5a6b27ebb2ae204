// First-level regions named with their unit word ("Bolivar state", "Punjab province"), the places
// in brackets after a name the gazetteer lacks ("Kitungati village (Kitui)"), and countries named as
// where fighters come from ("crossing from Ethiopia"). Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const x = createExtractor();
const at = (text: string) => {
  const e = x.extract({ text, date: '2020-04-30', origin: { file: 'inline' } }).events[0];
  return e === undefined ? undefined : `${e.country}/${e.admin1}`;
};

test("a region written with its unit word is read in a country whose regions bear that word", () => {
  assert.equal(at('On 30 April 2020, in Los Pijiguaos, Bolivar state, residents protested to demand food.'), 'Venezuela/Bolivar', "Venezuela's states, not Colombia's Bolivar department");
  assert.equal(at('On 3 May 2020, police fired on protesters in Punjab state.'), 'India/Punjab', "India's states, not Pakistan's Punjab province");
  assert.equal(at('On 3 May 2020, police fired on protesters in Punjab province.'), 'Pakistan/Punjab');
  // (A place named right before it in a region of the other country keeps its reading.)
  assert.equal(at('On 28 April 2020, in Bocachica, Cartagena, Bolivar state, residents protested.'), 'Colombia/Bolivar');
});

test('a name in brackets after a village the gazetteer lacks is a place, the one holding the village', () => {
  assert.equal(at('On 22 January, residents in Kitungati village (Kitui) blocked police from removing the body of a man killed by Somali militants.'), 'Kenya/Kitui', 'not Somalia, by the nationality of the militants');
});

test('a town, then its region with the unit word and no comma between, is the town in that region', () => {
  assert.equal(at('On Friday, three people were killed by Al Shabaab militants in Witu Lamu County.'), 'Kenya/Lamu', '"Witu Lamu" is no longer a name the gazetteer lacks, and the militants\' home is not the place');
});

test('a country that fighters are crossing from is not where they were fought', () => {
  assert.equal(at('On 15 August, soldiers pushed away FRUD forces crossing from Ethiopia in an attack, leading to some injuries among soldiers.')?.split('/')[0], 'Djibouti', "the FRUD's country, not Ethiopia");
});

test('a region named by a status word and its unit word ("Federal District") is not named by the status word alone', () => {
  assert.equal(at('On 30 April 2020, police arrested 20 people who were later charged in the Federal High Court.'), '/', 'no place: not Brazil\'s Federal District');
  assert.equal(at('On 30 April 2020, protesters marched in Brasilia, Federal District.'), 'Brazil/Distrito Federal');
});
