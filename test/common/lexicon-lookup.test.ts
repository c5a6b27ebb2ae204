// Lexicon look-ups behind the per-token bucket filter: what a lexicon holds is always found.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../src/common/doc.js';
import { PhraseMatcher } from '../../src/common/phrase-matcher.js';
import { WordSet } from '../../src/common/word-set.js';
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
