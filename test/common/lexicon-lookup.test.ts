// Lexicon look-ups behind the per-token bucket filter: what a lexicon holds is always found.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../src/common/doc.js';
import { PhraseMatcher } from '../../src/common/phrase-matcher.js';
import { WordSet, asciiLowerBucket, wordBucket } from '../../src/common/word-set.js';
import { tokenize } from '../../src/locales/en/tokenizer.js';

function tokensOf(text: string) {
  const doc = new Doc('t', text, {});
  tokenize(doc);
  return doc.tokens;
}

test('a WordSet finds every word it holds, by token, and nothing else', () => {
  const words = ['said', 'told', 'é', 'déclaré', 'a', 'U.S.', "al-shabaab", '42'];
  const set = new WordSet(words.map((w) => w.toLowerCase()));
  const tokens = tokensOf('He SAID and Told: é Déclaré a U.S. Al-Shabaab 42 but not sai, told2 or b.');
  const found = tokens.filter((t) => set.hasToken(t)).map((t) => t.text);
  assert.deepEqual(found, ['SAID', 'Told', 'é', 'Déclaré', 'a', 'U.S.', 'Al-Shabaab', '42']);
});

test('phrases are matched whatever the filter rejects around them', () => {
  const m = new PhraseMatcher<string>();
  m.add('car bomb', 'bomb');
  m.add('air strikes', 'air');
  const tokens = tokensOf('A car bomb, then Air strikes and a car.');
  assert.deepEqual(m.findAll(tokens).map((x) => x.value), ['bomb', 'air']);
  assert.equal(m.opensAt(tokens[1]!), true);
  assert.equal(m.opensAt(tokens[0]!), false);
});

test('a phrase opening with a common word is found after the second-word filter, and a one-word phrase beside it', () => {
  const m = new PhraseMatcher<string>();
  m.add('in the wake of', 'wake');
  m.add('to death', 'death');
  m.add('the', 'the');
  m.add('the old town', 'town');
  const tokens = tokensOf('Went in to see. In the wake of it, beaten to death in the old town and the river.');
  assert.deepEqual(m.findAll(tokens).map((x) => x.value), ['wake', 'death', 'town', 'the']);
  // matchAt agrees: "in" before "to" opens nothing, "to" before "see" nothing, "the" alone is a phrase.
  assert.equal(m.matchAt(tokens, 1), null);
  assert.equal(m.matchAt(tokens, 2), null);
  const river = tokens.findIndex((t) => t.text === 'river');
  assert.equal(m.matchAt(tokens, river - 1)?.value, 'the');
  // The last token of the text opens nothing that needs a second word.
  const last = new PhraseMatcher<string>();
  last.add('end of', 'x');
  assert.equal(last.matchAt(tokensOf('the end'), 1), null);
});

test('a token is filed in the bucket its lower case falls in (capitals, accents, curly apostrophes)', () => {
  for (const t of tokensOf('KABUL Kabul kabul Déclaré ÉTAT People’s AL-SHABAAB U.S. İstanbul 1990s 3.5 — “x”')) assert.equal(t.bucket, wordBucket(t.lower), t.text);
});

test('asciiLowerBucket: the bucket of a word in lower case, read in place; -1 with a character outside ASCII', () => {
  const text = 'Col. PRESIDENT general Sgt x 1990s Déclaré İstanbul al-Bab said';
  for (const m of text.matchAll(/\S+/g)) {
    const [s, e] = [m.index!, m.index! + m[0].length];
    const b = asciiLowerBucket(text, s, e);
    if (/^[\x00-\x7f]*$/.test(m[0])) assert.equal(b, wordBucket(m[0].toLowerCase()), m[0]);
    else assert.equal(b, -1, m[0]);
  }
});
