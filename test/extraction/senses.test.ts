// Violent words in other senses (sport, business, technology, entertainment, everyday phrases),
// accidents, disasters and disease make no event; plainly worded events are found; text in
// capitals reads like mixed case. Invented sentences, one phenomenon per test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcledEvent } from '../../src/common/event.js';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();

function eventsOf(text: string, date = '2024-01-10'): AcledEvent[] {
  return extractor.extract({ text, date, origin: { file: 'inline' } }).events;
}

/** Neutral sentences that make a text a long article (read by scope, not whole). */
const FILLER = [
  'The weather was mild for the time of year.',
  'Many people watched the news on television that evening.',
  'The report was published on the website on Wednesday.',
  'Further details were expected later in the week.',
  'Readers sent many letters to the editor about it.',
  'The story was shared widely on social media.',
  'More information will follow in the coming days.',
];
const article = (...sentences: string[]) => [...sentences, ...FILLER].join(' ');

test('in a long article, an event word naming no one and killing no one is no event', () => {
  assert.deepEqual(eventsOf(article('Henry produced a fine strike from 20 yards to put the side ahead.')), []);
  assert.deepEqual(eventsOf(article('Sales of the new console exploded over the holiday season.')), []);
  // ... while one that names its actors stays.
  const [e] = eventsOf(article('Gunmen attacked a police station in Garissa on Tuesday.'));
  assert.ok(e, 'the attack on the police station is an event');
  assert.ok(['Battles', 'Violence against civilians'].includes(e.event_type), e.event_type);
});
