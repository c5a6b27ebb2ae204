// Headlines of a war monitor: an armed side's advance told as fighting (triggers.json, the 'advance in'
// group, armedSide), a bare 'After ...' lead-in closed by an ellipsis or a dash that tells an earlier
// event (time-reference.json openingAfter), and Jisr al-Shughur named as the town, not its district
// (aliases.tsv). Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const events = (text: string, country = 'Syria') => extractor.extract({ text, date: '2024-03-08', country }).events;
const first = (text: string, country?: string) => events(text, country)[0];

test('an armed side advancing into ground is fighting', () => {
  assert.equal(first('Government forces advance in the countryside of Kafr Sajna')?.event_type, 'Battles');
  assert.equal(first('The SDF achieve new advancement in the old city of Hajin')?.event_type, 'Battles');
  assert.equal(first('Islamic State fighters advance at the expense of the army near Zardana')?.event_type, 'Battles');
});

test('an advance told of no armed side is no event', () => {
  assert.equal(first('The reform bill advances towards a final vote in parliament', 'Kenya'), undefined);
  assert.equal(first('Prices advance on the markets of Nairobi', 'Kenya'), undefined);
});

test('a lead-in closed by an ellipsis tells an earlier event: the headline\'s place is the main clause\'s', () => {
  const e = first('After the massacre of Zardana… warplanes kill 9 civilians in Sarmada');
  assert.equal(e?.location, 'Sarmada');
  assert.equal(e?.fatalities, 9);
  assert.equal(first('After three days of shelling on Kafr Sajna – a car bomb kills 6 people in Sarmada')?.location, 'Sarmada');
});

test('a lead-in closed by a comma, or by nothing, stays the sentence\'s own', () => {
  // (In prose the opening often tells the news itself.)
  assert.equal(first('After gunmen stormed a village near Zardana, the army sent reinforcements')?.location, 'Zardana');
  assert.equal(first('After clashes in Sarmada kill 12 fighters')?.location, 'Sarmada');
});

test('Jisr al-Shughur is the town', () => {
  assert.equal(first('Warplanes kill 5 civilians in Jisr al-Shughur')?.location, 'Jisr ash Shughur');
  assert.equal(first('Warplanes kill 5 civilians in Jisr al-Shughur')?.admin1, 'Idleb');
});
