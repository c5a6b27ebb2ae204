// A cheap look at a sentence's tokens before the scan for an editor's note phrase: where the look
// says no phrase can be there, the scan finds none either; where it says one may be, the answer is
// the scan's. Invented sentences, in ordinary case and in capitals.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';
import { editorNote, mayHoldEditorPhrase } from '../../src/locales/en/editor-note.js';
import editorWords from '../../src/locales/en/data/editor-note.json' with { type: 'json' };

const extractor = createExtractor();
const docOf = (text: string) => extractor.extract({ text, date: '2024-03-08', origin: { file: 'inline' } }).doc;
const withCapitals = (texts: string[]) => [...texts, ...texts.map((t) => t.toUpperCase())];

test('mayHoldEditorPhrase: a sentence with an editor\'s note phrase holds one of its tokens; one without is read as before', () => {
  const PHRASE = new RegExp(`\\b(?:${editorWords.phrases.join('|')})\\b`, 'iu');
  for (const text of withCapitals(['An earlier version of this story misstated the toll.', 'Reporters said this report was updated on Monday.', 'Officials said this article has been amended.'])) {
    const doc = docOf(text);
    const s = doc.sentences[0]!;
    assert.ok(PHRASE.test(doc.slice(s)), text);
    assert.ok(mayHoldEditorPhrase(doc.tokens, s.firstToken, s.endToken), text);
    assert.equal(editorNote(doc.slice(s), true), true, text);
  }
  // Words of the phrases' wider scan, but none of their tokens: the phrases are not read for.
  for (const text of withCapitals(['Police updated the toll to 12 after the conversion of the hall was amended.', 'Militants attacked a checkpoint near the town, killing three soldiers.'])) {
    const doc = docOf(text);
    const s = doc.sentences[0]!;
    assert.equal(mayHoldEditorPhrase(doc.tokens, s.firstToken, s.endToken), false, text);
    assert.equal(editorNote(doc.slice(s), false), editorNote(doc.slice(s)), text);
  }
});
