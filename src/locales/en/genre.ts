// Genre: a long article that attributes almost nothing it tells is comment (an opinion column, an
// editorial, a letter, an analysis), not a news report. ACLED codes events from reports; comment
// mentions events the news has already told, as background to its argument. A news report says
// where its facts come from ("X said", "according to Y") in a good share of its sentences outside
// quotations; comment states its own view. Only the share of such sentences is measured: one pass
// over the tokens. A text a wire dateline opens is a report (a transcript, a communique, a speech).
// A signed piece that ends with a note on its author ("• Simon Tisdall is a foreign affairs
// commentator") is comment or analysis whatever it attributes: news carries a byline, not a note.
import type { Doc, PipelineComponent, Token } from '../../common/doc.js';
import { PhraseMatcher } from '../../common/phrase-matcher.js';
import { WordSet } from '../../common/word-set.js';
import { opensWithDateline } from './dateline.js';
import { quotationsOf } from './quotations.js';
import attribution from './data/attribution.json' with { type: 'json' };
import genre from './data/genre.json' with { type: 'json' };

const reportingVerbs = new WordSet(attribution.verbs.filter((v) => !v.includes(' ')));
const reportingPhrases = new PhraseMatcher<true>();
for (const p of [...genre.reportingPhrases, ...attribution.prepositional.filter((p) => p.includes(' '))]) reportingPhrases.add(p, true);

/** Texts shorter than this are read as reports whatever they attribute (wire briefs, notes). */
export const COMMENT_MIN_SENTENCES = 12;
/** A report attributes in at least one sentence in this many. */
export const REPORT_SENTENCE_SHARE = 1 / 8;
/** Sentences with a reporting word outside quotations (counted up to `enough`, when given). */
export function attributingSentences(doc: Doc, enough = Infinity): number {
  const tokens = doc.tokens;
  // (Tokens and quotations are both in text order: one cursor walks the quotations.)
  const quotes = quotationsOf(doc);
  let q = 0;
  let lastCounted = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t: Token = tokens[i]!;
    if (t.kind !== 'word' || t.sentence === lastCounted) continue;
    while (q < quotes.length && quotes[q + 1]! <= t.start) q += 2;
    if (q < quotes.length && quotes[q]! <= t.start) continue;
    if (reportingVerbs.hasToken(t) || reportingPhrases.matchAt(tokens, i) !== null) {
      if (++count >= enough) return count;
      lastCounted = t.sentence;
      // (The rest of the sentence counts no more: on to its last token.)
      i = doc.sentences[lastCounted]!.endToken - 1;
    }
  }
  return count;
}

const NOTE_BULLETS = new Set(genre.contributorNote.bullets);
const NOTE_COPULAS = new WordSet(genre.contributorNote.copulas);
const NOTE_ROLES = new WordSet(genre.contributorNote.roles);
/** The note on a piece's author opens one of its last this many sentences. */
const NOTE_LAST_SENTENCES = 3;
/** A name is two to this many capitalised words. */
const NOTE_NAME_WORDS = 4;
/** The role follows the copula within this many tokens ("is a senior foreign affairs commentator"). */
const NOTE_ROLE_WITHIN = 8;

/**
 * Whether the text ends with a note on its author ("• Simon Tisdall is a foreign affairs
 * commentator"): a signed comment or analysis piece (see data/genre.json, contributorNote).
 */
export function endsWithContributorNote(doc: Doc): boolean {
  const tokens = doc.tokens;
  const sentences = doc.sentences;
  if (sentences.length === 0) return false;
  // The note opens a sentence (perhaps after a closing quotation mark of the one before) or follows
  // a bullet mark, which the sentence before may have absorbed.
  let sentenceWithWord = -1;
  for (let i = sentences[Math.max(0, sentences.length - NOTE_LAST_SENTENCES)]!.firstToken; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (NOTE_BULLETS.has(t.text)) {
      if (notedAt(tokens, i + 1, true)) return true;
    } else if (t.kind === 'word' && t.sentence !== sentenceWithWord) {
      sentenceWithWord = t.sentence;
      if (notedAt(tokens, i, false)) return true;
    }
  }
  return false;
}

/** Whether a name, then (after a bullet) any lower-case word or a copula and a role, starts at token i. */
function notedAt(tokens: readonly Token[], i: number, bullet: boolean): boolean {
  const nameStart = i;
  while (i < tokens.length && i - nameStart < NOTE_NAME_WORDS && tokens[i]!.kind === 'word' && tokens[i]!.upper) i++;
  if (i - nameStart < 2 || i >= tokens.length) return false;
  const next = tokens[i]!;
  if (next.kind !== 'word' || next.upper) return false;
  if (bullet) return true;
  if (!NOTE_COPULAS.hasToken(next)) return false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 1 + NOTE_ROLE_WITHIN); k++) if (NOTE_ROLES.hasToken(tokens[k]!)) return true;
  return false;
}

/** Whether the document reads as comment rather than a news report (see the file's note). */
export function isCommentary(doc: Doc): boolean {
  const n = doc.sentences.length;
  // A wire report (a dateline opens it) is news whatever it attributes: a transcript, a communique.
  if (n < COMMENT_MIN_SENTENCES || opensWithDateline(doc.text)) return false;
  // A signed piece with a note on its author is comment or analysis, whatever it attributes.
  if (endsWithContributorNote(doc)) return true;
  // (Counting stops at the share a report reaches: the rest of a report is not read.)
  const share = n * REPORT_SENTENCE_SHARE;
  return attributingSentences(doc, share) < share;
}

export const genreMarker: PipelineComponent = {
  name: 'genre',
  apply: (doc) => {
    doc.commentary = isCommentary(doc);
  },
  // Comment tells no events of its own (see assembleEvents).
  tellsNoEvent: (doc) => doc.commentary,
};
