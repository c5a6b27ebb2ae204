// Who used a weapon the text does not say (codebook 3: unnamed perpetrators are an Unidentified Armed
// Group); the victims are never the ones acting. Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08' }).events[0];

test('a chemical attack that hurt only civilians: they are actor2, the attackers unidentified', () => {
  const e = first('At least 18 civilians were injured in a chemical attack in Douma on Sunday.');
  assert.equal(e?.sub_event_type, 'Chemical weapon');
  assert.match(e?.actor1 ?? '', /^Unidentified Armed Group/);
  assert.match(e?.actor2 ?? '', /^Civilians/);
});

test('a bomber is guessed as the rebel group a text names only when it names one', () => {
  const one = first('A roadside bomb killed four civilians in Kismayo on Monday. Al Shabaab has carried out many such attacks.');
  assert.match(one?.actor1 ?? '', /Al Shabaab/);
  const two = first('A roadside bomb killed four civilians in Mogadishu on Monday. Al Shabaab and the Islamic State both operate in the region.');
  assert.match(two?.actor1 ?? '', /^Unidentified Armed Group/);
});

test('an air strike that hurt only civilians: they are actor2, the unnamed state forces actor1', () => {
  const e = first('Airstrikes killed 20 civilians in Idlib on Monday.');
  assert.equal(e?.sub_event_type, 'Air/drone strike');
  assert.equal(e?.actor1, 'Unidentified Military Forces');
  assert.match(e?.actor2 ?? '', /^Civilians/);
  assert.equal(e?.interaction, 78);
});
