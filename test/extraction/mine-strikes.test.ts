// A vehicle or a person that hits, strikes, steps on or runs over a mine sets off a landmine, and
// what stands before the verb suffered it. Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08' }).events[0];

test('a patrol that struck a mine is the target of a landmine', () => {
  const e = first('An army patrol struck a mine near Kidal on Monday, killing two soldiers.');
  assert.equal(e?.sub_event_type, 'Remote explosive/landmine/IED');
  assert.equal(e?.inter2, 1);
  assert.equal(e?.fatalities, 2);
});

test('a shepherd who stepped on a mine is a civilian target', () => {
  const e = first('A shepherd stepped on a mine near Kandahar on Tuesday and lost a leg.');
  assert.equal(e?.sub_event_type, 'Remote explosive/landmine/IED');
  assert.equal(e?.inter2, 7);
});
