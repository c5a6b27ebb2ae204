// A year after a superlative ranks the event among that year's; it does not make the sentence
// background of that year. Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08' }).events[0];

test('a year after a superlative ranks the event, it does not date it', () => {
  const e = first('A car bomb killed 20 people in Mosul on Monday, the deadliest attack in the city in 2024.');
  assert.equal(e?.sub_event_type, 'Remote explosive/landmine/IED');
  assert.equal(e?.fatalities, 20);
  const f = first('Air strikes kill 12 in Kunduz, the heaviest raids on the province this year');
  assert.equal(f?.sub_event_type, 'Air/drone strike');
});

test('a year alone, or after a noun ending like a superlative, is still background', () => {
  assert.equal(first('A car bomb killed 20 people in Mosul in 2019.'), undefined);
  assert.equal(first('Police broke up the protest in 2019 and killed three people in Lagos.'), undefined);
  assert.equal(first('The militants seized the town of Kunduz in 2019, killing 40 soldiers.'), undefined);
});
