// A capital standing for its government ("Damascus claimed ...") is no place of the event; a capital
// after a preposition of place, or with "claimed ... lives" (took, not said), is. Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const place = (text: string) => {
  const e = extractor.extract({ text, date: '2024-03-08' }).events[0];
  return e === undefined ? undefined : `${e.country}/${e.location}`;
};

test('a capital the shells fell on is where they fell, though "claimed" follows it', () => {
  assert.equal(place('The shells that fell on Damascus claimed 3 lives on Monday.'), 'Syria/Damascus');
  assert.equal(place('Rockets fired on Kabul claimed the lives of 12 people on Monday.'), 'Afghanistan/Kabul');
});

test('a capital that claims something is its government, not the place', () => {
  assert.equal(place('Damascus claimed the rebels had used chemical weapons in Douma on Monday, killing 3.'), 'Syria/Duma');
});

test('"claimed the life of" a person counts one death', () => {
  const e = extractor.extract({ text: 'A shell claimed the life of a civilian in Damascus on Monday.', date: '2024-03-08' }).events[0];
  assert.equal(e?.fatalities, 1);
});
