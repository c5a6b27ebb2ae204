// One scan for any cue of a background clause, a cumulative toll or a campaign before the scans
// that read them: where it finds none, none of them finds one either; where it finds one, the
// answers are the scans' own. Invented sentences, in ordinary case and in capitals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backgroundClause, cumulativeClause, mayHoldTimeCue, warTollClause } from '../../src/locales/en/time-reference.js';

const withCapitals = (texts: string[]) => [...texts, ...texts.map((t) => t.toUpperCase())];

const CUED = [
  'The attack comes a week after 12 people died in a bombing in the town.',
  'Two days after the killings, protesters marched through the market.',
  'Victims of the previous attack staged a protest on Friday.',
  'More than 50 people have been killed over the past month in the province.',
  'Since 2015, 300 people have died in the fighting.',
  'The clashes erupted after more than seven weeks of fighting, which is thought to have claimed up to 250 lives.',
  'Some 43 fighters so far were killed in the ambush.',
];
const PLAIN = [
  'Militants attacked a checkpoint near the town on Sunday, killing three soldiers.',
  'Police said the protesters gathered outside the court and demanded the release of the men.',
  'Months of talks ended with an agreement, officials said.',
  'The week began quietly in the capital.',
];

test('mayHoldTimeCue: a sentence with a background, cumulative or campaign cue is cued, and read as before', () => {
  for (const text of withCapitals(CUED)) {
    assert.equal(mayHoldTimeCue(text), true, text);
    assert.ok(backgroundClause(text, false) !== null || warTollClause(text) !== null || cumulativeClause(text) !== null, text);
    assert.deepEqual(backgroundClause(text, false, true), backgroundClause(text, false), text);
  }
});

test('mayHoldTimeCue: where it finds no cue, no clause is read, cued or not', () => {
  for (const text of withCapitals(PLAIN)) {
    assert.equal(mayHoldTimeCue(text), false, text);
    assert.equal(backgroundClause(text, false, true), null, text);
    assert.equal(warTollClause(text, true), null, text);
    assert.equal(cumulativeClause(text), null, text);
    assert.equal(backgroundClause(text, false, false), null, text);
    assert.equal(warTollClause(text, false), null, text);
  }
});
