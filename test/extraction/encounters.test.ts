// "An encounter between" forces and militants is South Asian English for a gunfight; a chance
// encounter with a friend names no side. Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08' }).events[0];

test('an encounter between forces and militants is an armed clash', () => {
  const e = first('An encounter between security forces and militants broke out near Shopian on Monday.');
  assert.equal(e?.sub_event_type, 'Armed clash');
  assert.equal(e?.country, 'India');
});

test('a chance encounter with a friend is no event', () => {
  assert.equal(first('It was a chance encounter with an old friend in Delhi on Monday.'), undefined);
});
