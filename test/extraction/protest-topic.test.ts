// A demonstration's topic is not its event: the dead of an attack it is about are not its dead.
// Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();

test("the dead of an attack a protest is about are not the protest's", () => {
  const e = extractor.extract({ text: 'Workers marched in San Salvador on Monday to protest against a dynamite attack on a union office that left 10 dead.', date: '2024-03-08' }).events[0];
  assert.equal(e?.sub_event_type, 'Peaceful protest');
  assert.equal(e?.fatalities, 0);
  const f = extractor.extract({ text: 'Police fired on workers who protested against the price rise in San Salvador on Monday, killing 3.', date: '2024-03-08' }).events[0];
  assert.equal(f?.sub_event_type, 'Excessive force against protesters');
});
