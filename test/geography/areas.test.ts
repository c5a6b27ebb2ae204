// Syrian towns and city quarters that GeoNames' towns of 1,000+ people lack (places.tsv) and news
// spellings of towns it has (aliases.tsv). Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGeoparser } from '../../src/geography/index.js';
import { createExtractor } from '../../src/pipeline/index.js';

const names = (text: string) => loadGeoparser().parse(text, { focusCountry: 'SY' }).map((p) => `${p.text}=${p.entry.admin1}`);

test('towns and city quarters the GeoNames towns lack are places of their governorate', () => {
  assert.deepEqual(names('Warplanes struck Zamalka and Ein Tarma at dawn.'), ['Zamalka=Rif-dimashq', 'Ein Tarma=Rif-dimashq']);
  assert.deepEqual(names('Shells fell on the al-Waer neighbourhood.'), ['al-Waer=Homs']);
  assert.deepEqual(names('Artillery shelled Marea overnight.'), ['Marea=Aleppo']);
});

test('an event at such a place is placed in its governorate', () => {
  const e = createExtractor().extract({ text: 'Two civilians were killed in shelling on Kafr Batikh on Sunday.', date: '2018-03-05', country: 'Syria', origin: { file: 'inline' } }).events[0];
  assert.equal(e?.admin1, 'Idleb', 'ACLED spells the governorate Idleb');
  assert.equal(e?.location, 'Kafr Batikh');
});

test('a minor town abroad that nothing else in a text of a known country supports is a place of that country', () => {
  const x = createExtractor();
  const at = (text: string) => x.extract({ text, date: '2017-04-01', country: 'Syria', origin: { file: 'inline' } }).events[0]?.country;
  assert.equal(at('The Islamic State executes five media activists at al-Khair'), 'Syria', 'not Khair, India');
  // Its country named, or a great city, it stays abroad.
  assert.equal(at('Rockets fired from Syria hit Akcakale in Turkey, killing two'), 'Turkey');
  assert.equal(at('A blast in Istanbul kills five'), 'Turkey');
});
