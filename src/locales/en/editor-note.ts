// An editor's note or a correction appended to an article ("Editor's note: An earlier version of this
// article said that 30 people were killed"): it tells of the article, not of events. Words:
// data/editor-note.json.
import words from './data/editor-note.json' with { type: 'json' };

const OPENING = new RegExp(`^[\\s"'“‘(\\[*]*(?:${words.openers.join('|')})\\b\\s*[:.,\\-–—]`, 'iu');
const PHRASE = new RegExp(`\\b(?:${words.phrases.join('|')})\\b`, 'iu');
/** A word every phrase contains: scanned for first, as most sentences have none (the phrases' scan costs about three times as much). */
const PHRASE_WORD = new RegExp(words.phraseWords.join('|'), 'iu');

/** Whether a sentence is (part of) an editor's note or a correction: no event, figure or place of it is news. */
export function editorNote(sentence: string): boolean {
  return OPENING.test(sentence) || (PHRASE_WORD.test(sentence) && PHRASE.test(sentence));
}
