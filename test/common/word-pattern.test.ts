import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alternation, wordsAndStems } from '../../src/common/word-pattern.js';

test('alternation escapes the words and, asked, lets a space match any run of white space', () => {
  assert.equal(alternation(['a.b', 'c d']), 'a\\.b|c d');
  assert.ok(new RegExp(`^(?:${alternation(['coded separately'], 'any')})$`).test('coded \n separately'));
});

test('wordsAndStems: whole words, and stems that match any word they begin', () => {
  const re = new RegExp(`\\b(?:${wordsAndStems({ words: ['clan', 'land dispute'], stems: ['rustl'] })})\\b`, 'i');
  assert.ok(re.test('cattle rustlers struck'));
  assert.ok(re.test('a Clan feud'));
  assert.ok(!re.test('clannish'));
  assert.equal(wordsAndStems({ words: ['a', 'b'] }), 'a|b');
});
