// A sentence opening with a unit of time and "after" ("Hours after the massacre in X, ...", "Two hours
// after ..."), with or without a count, opens with a phrase of an earlier event: the event told is the
// rest of the sentence's. Inside a sentence the words leave the clause its own. Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08', country: 'Syria' }).events[0];

test('"Hours after" an event opening a headline tells an earlier one', () => {
  const e = first('Hours after the massacre in Saraqib, a new massacre in Kafranbel claims the lives of 7 citizens');
  assert.equal(e?.location, 'Kafranbel');
  assert.equal(e?.fatalities, 7);
  assert.equal(first('About two hours after the massacre in Saraqib, a new massacre in Kafranbel claims the lives of 7 citizens')?.location, 'Kafranbel');
  assert.equal(first('Days after the shelling of Saraqib, regime forces shell Kafranbel and kill 3 civilians')?.location, 'Kafranbel');
});

test('inside a sentence, "hours after" leaves the clause its own', () => {
  const e = first('Clashes in Kafranbel kill 7 fighters hours after a truce in Saraqib');
  assert.equal(e?.sub_event_type, 'Armed clash');
  assert.equal(e?.location, 'Kafranbel');
  assert.equal(e?.fatalities, 7);
});
