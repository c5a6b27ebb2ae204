// Syrian towns the npm gazetteers lack (places.tsv) and the Syrian monitors' spellings of towns they
// name otherwise (aliases.tsv: Tal Abiad). Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08', country: 'Syria' }).events[0];

test('towns GeoNames lacks are placed in their province', () => {
  assert.equal(first('Clashes in Sarmada kill 12 fighters')?.admin1, 'Idleb');
  assert.equal(first('Warplanes kill 5 civilians in Anadan')?.admin1, 'Aleppo');
  assert.equal(first('Shelling on al-Lataminah kills 3 civilians')?.admin1, 'Hama');
  assert.equal(first('A car bomb kills 8 people in Sayeda Zeinab')?.admin1, 'Rural Damascus');
});

test('the monitors\' spelling of Tall Abyad', () => {
  assert.equal(first('Clashes in Tal Abiad kill 12 fighters')?.location, 'Tall Abyad');
  assert.equal(first('Clashes in Tal Abiad kill 12 fighters')?.admin1, 'Ar-Raqqa');
});
