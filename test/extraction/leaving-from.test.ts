// Armed men who withdraw or retreat "from" a place were there: it is the event's place, not their
// origin. Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08', country: 'SY' }).events[0];

test('the place armed men withdraw from is the place of the fighting', () => {
  const e = first('Rebels withdraw from Azaz after clashes with the army kill 12');
  assert.equal(e?.sub_event_type, 'Armed clash');
  assert.equal(e?.admin1, 'Aleppo');
});
