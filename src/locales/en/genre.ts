// Genre: a long article that attributes almost nothing it tells is comment (an opinion column, an
// editorial, a letter, an analysis), not a news report. ACLED codes events from reports; comment
// mentions events the news has already told, as background to its argument. A news report says
// where its facts come from ("X said", "according to Y") in a good share of its sentences outside
// quotations; comment states its own view. Only the share of such sentences is measured: one pass
// over the tokens. A text a wire dateline opens is a report (a transcript, a communique, a speech).
import type { Doc, PipelineComponent, Token } from '../../common/doc.js';
import { PhraseMatcher } from '../../common/phrase-matcher.js';
import { WordSet } from '../../common/word-set.js';
import { opensWithDateline } from './dateline.js';
import attribution from './data/attribution.json' with { type: 'json' };
import genre from './data/genre.json' with { type: 'json' };

const reportingVerbs = new WordSet(attribution.verbs.filter((v) => !v.includes(' ')));
const reportingPhrases = new PhraseMatcher<true>();
for (const p of [...genre.reportingPhrases, ...attribution.prepositional.filter((p) => p.includes(' '))]) reportingPhrases.add(p, true);

/** Texts shorter than this are read as reports whatever they attribute (wire briefs, notes). */
export const COMMENT_MIN_SENTENCES = 12;
/** A report attributes in at least one sentence in this many. */
export const REPORT_SENTENCE_SHARE = 1 / 8;
/** An opening quotation mark left open for longer than this many tokens was not one. */
const MAX_QUOTE_TOKENS = 200;

const OPEN = '“';
const CLOSE = '”';
const STRAIGHT = '"';

/** Sentences with a reporting word outside quotations (counted up to `enough`, when given). */
export function attributingSentences(doc: Doc, enough = Infinity): number {
  const tokens = doc.tokens;
  let inQuote = false;
  let quoteStart = 0;
  let lastCounted = -1;
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t: Token = tokens[i]!;
    if (t.text.length === 1) {
      const c = t.text;
      if (c === OPEN || (c === STRAIGHT && !inQuote)) {
        inQuote = true;
        quoteStart = i;
        continue;
      }
      if (c === CLOSE || c === STRAIGHT) {
        inQuote = false;
        continue;
      }
    }
    if (inQuote && i - quoteStart > MAX_QUOTE_TOKENS) inQuote = false;
    if (inQuote || t.kind !== 'word' || t.sentence === lastCounted) continue;
    if (reportingVerbs.hasToken(t) || reportingPhrases.matchAt(tokens, i) !== null) {
      if (++count >= enough) return count;
      lastCounted = t.sentence;
    }
  }
  return count;
}

/** Whether the document reads as comment rather than a news report (see the file's note). */
export function isCommentary(doc: Doc): boolean {
  const n = doc.sentences.length;
  // A wire report (a dateline opens it) is news whatever it attributes: a transcript, a communique.
  if (n < COMMENT_MIN_SENTENCES || opensWithDateline(doc.text)) return false;
  // (Counting stops at the share a report reaches: the rest of a report is not read.)
  const share = n * REPORT_SENTENCE_SHARE;
  return attributingSentences(doc, share) < share;
}

export const genreMarker: PipelineComponent = {
  name: 'genre',
  apply: (doc) => {
    doc.commentary = isCommentary(doc);
  },
};
