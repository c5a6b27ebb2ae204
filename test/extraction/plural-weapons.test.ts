// A weapon or method named in the plural is the same sub-event type as in the singular ("2 suicide
// attacks", "aerial bombardments", "bombardments", "detonations" were read as generic attacks).
// Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08', country: 'SY' }).events[0];

test('suicide attacks in the plural are suicide bombings', () => {
  const e = first('Two suicide attacks kill 14 people in Azaz');
  assert.equal(e?.sub_event_type, 'Suicide bomb');
  assert.equal(e?.fatalities, 14);
});

test('aerial bombardments are air strikes, bombardments shelling', () => {
  assert.equal(first('Aerial bombardments kill 6 civilians in Saraqib')?.sub_event_type, 'Air/drone strike');
  assert.equal(first('Bombardments kill 6 civilians in Saraqib')?.sub_event_type, 'Shelling/artillery/missile attack');
});

test('detonations are explosions', () => {
  assert.equal(first('Detonations in Azaz kill 3 people')?.sub_event_type, 'Remote explosive/landmine/IED');
});
