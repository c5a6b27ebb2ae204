// Namesakes abroad and the cues that outrank them (issue 13): invented notes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcledEvent } from '../../src/common/event.js';
import { createExtractor } from '../../src/pipeline/index.js';
import { findCountryCues } from '../../src/geography/cues.js';

const extractor = createExtractor();

function first(text: string): AcledEvent | undefined {
  return extractor.extract({ id: 't', text, origin: { file: 'inline' } }).events[0];
}

test('a town "in" a region named with its unit word lies in that region', () => {
  const e = first('Soldiers opened fire on a minibus in the town of Moyale in Borena zone, killing two passengers.');
  assert.equal(e?.country, 'Ethiopia');
  assert.equal(e?.admin1, 'Oromia');
});

test('a nationality joined to "-led" or "-backed" names a sponsor, not the place', () => {
  const e = first('On 3 March, Saudi-led coalition aircraft struck Al Jawf governorate in northern Yemen, no casualties reported.');
  assert.equal(e?.country, 'Yemen');
});

test('a nationality before a business names its owner, not the place', () => {
  const e = first('On 2 June, workers of the Canadian mining company Goldrock blocked the road to the mine in Bagassi.');
  assert.equal(e?.country, 'Burkina Faso');
  assert.equal(first('Villagers burned two trucks of a Chinese construction firm in Tougan.')?.country, 'Burkina Faso');
});

test('a one-country force outranks a foreigner\'s nationality in a note that names no place', () => {
  assert.equal(first('A soldier of the Libyan contingent serving with FACA was shot and killed.')?.country, 'Central African Republic');
  // (Not a people's armed men raiding abroad: the victims' nationality says where.)
  assert.equal(first('Seven Kenyan fishermen were shot dead by Murle militiamen.')?.country, 'Kenya');
});

test('a village outside every country of a group active in several is no namesake abroad', () => {
  const e = first('On 4 May, suspected JNIM militants shot dead a herder in the village of Nama.');
  assert.notEqual(e?.country, 'Philippines');
});

test('ISWAP votes for the Lake Chad countries; Ansar Dine is a Mali group', () => {
  assert.deepEqual(findCountryCues('ISWAP fighters raided a market.')[0]?.countries, ['NG', 'NE', 'TD', 'CM']);
  assert.equal(findCountryCues('Ansar Dine claimed the attack.')[0]?.countryCode, 'ML');
});
