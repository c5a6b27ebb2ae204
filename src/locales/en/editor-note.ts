// An editor's note or a correction appended to an article ("Editor's note: An earlier version of this
// article said that 30 people were killed"): it tells of the article, not of events. Words:
// data/editor-note.json.
import type { Token } from '../../common/doc.js';
import { WordSet } from '../../common/word-set.js';
import words from './data/editor-note.json' with { type: 'json' };

const OPENING = new RegExp(`^[\\s"'“‘(\\[*]*(?:${words.openers.join('|')})\\b\\s*[:.,\\-–—]`, 'iu');
const PHRASE = new RegExp(`\\b(?:${words.phrases.join('|')})\\b`, 'iu');
/** A word every phrase contains: scanned for first, as most sentences have none (the phrases' scan costs about three times as much). */
const PHRASE_WORD = new RegExp(words.phraseWords.join('|'), 'iu');

/** A word every phrase holds as a token of its own (see phraseTokens in the data). */
const PHRASE_TOKENS = new WordSet(words.phraseTokens);

/**
 * Whether the tokens [from, to) (a sentence's) may hold an editor's note phrase (see editorNote):
 * most sentences hold none of its words, and a look-up per token is cheaper than a scan of the text.
 */
export function mayHoldEditorPhrase(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (PHRASE_TOKENS.hasToken(tokens[i]!)) return true;
  return false;
}

/**
 * Whether a sentence is (part of) an editor's note or a correction: no event, figure or place of it
 * is news. (`phrase` false: the sentence holds none of the phrases, see mayHoldEditorPhrase.)
 */
export function editorNote(sentence: string, phrase = true): boolean {
  return OPENING.test(sentence) || (phrase && PHRASE_WORD.test(sentence) && PHRASE.test(sentence));
}
