// Editor's notes: the cheap scan for a phrase word before the phrases' own scan changes no answer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editorNote } from '../../src/locales/en/editor-note.js';
import words from '../../src/locales/en/data/editor-note.json' with { type: 'json' };

/** The definition without the scan for a phrase word first. */
const OPENING = new RegExp(`^[\\s"'“‘(\\[*]*(?:${words.openers.join('|')})\\b\\s*[:.,\\-–—]`, 'iu');
const PHRASE = new RegExp(`\\b(?:${words.phrases.join('|')})\\b`, 'iu');
const reference = (s: string) => OPENING.test(s) || PHRASE.test(s);

test('every phrase names one of the phrase words outside any optional or alternative part', () => {
  for (const phrase of words.phrases) {
    // (The phrase word stands in a group of alternatives each of which is a phrase word, or on its own.)
    const groups = [...phrase.matchAll(/\(\?:([^()]*)\)(?![?*])/g)].map((m) => m[1]!.split('|'));
    const bare = phrase.replace(/\(\?:[^()]*\)[?*]?/g, ' ').split(/[^a-z]+/);
    const ok = bare.some((w) => words.phraseWords.includes(w)) || groups.some((alts) => alts.every((a) => words.phraseWords.some((w) => a.includes(w))));
    assert.ok(ok, phrase);
  }
});

test('every phrase holds one of the phrase tokens between spaces, outside any optional part', () => {
  for (const phrase of words.phrases) {
    // (On its own between spaces, or a group of alternatives between spaces each of which is a phrase token.)
    const bare = phrase.replace(/\(\?:[^()]*\)[?*]/g, ' ~ ');
    const single = words.phraseTokens.some((w) => bare.includes(` ${w} `));
    const groups = [...bare.matchAll(/ \(\?:([^()]*)\) /g)].map((m) => m[1]!.split('|'));
    assert.ok(single || groups.some((alts) => alts.every((a) => words.phraseTokens.includes(a))), phrase);
  }
});

test('editor notes read as before the phrase-word scan', () => {
  const sentences = [
    'An earlier version of this article said that 30 people were killed.',
    'A previous version of this story misstated the toll.',
    'This article has been amended to correct the name of the town.',
    'This report was updated on 4 May.',
    'Editor’s note: the figures come from the ministry.',
    'Correction: the attack took place on Sunday.',
    'The version of events given by the army was disputed.',
    'Police updated the toll to 12 on Sunday.',
    'The law was amended last year after protests.',
    'Militants attacked a checkpoint near the town, killing three soldiers.',
    'AN EARLIER VERSION OF THIS ARTICLE GAVE THE WRONG DATE.',
    'an older version of this piece said otherwise',
    'A version of this article appeared in print.',
    '',
  ];
  for (const s of sentences) assert.equal(editorNote(s), reference(s), s);
  assert.equal(editorNote(sentences[0]!), true);
  assert.equal(editorNote(sentences[9]!), false);
});
