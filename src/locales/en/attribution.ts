// Attribution: who reports what. "the SDF said", "according to CNN", "Kirby said, ...",
// "X told CNN on Friday that ...". Dates right after a reporting verb are report dates.
import { firstStartingAfter, spansStartingIn, type Attribution, type Doc, type PipelineComponent, type Token } from '../../common/doc.js';
import { PhraseMatcher } from '../../common/phrase-matcher.js';
import { WordSet } from '../../common/word-set.js';
import lexicon from './data/attribution.json' with { type: 'json' };

const verbs = new WordSet([...lexicon.verbs, ...lexicon.blameVerbs.words]);
const blameVerbs = new Set<string>(lexicon.blameVerbs.words);
const prepositional = new PhraseMatcher<true>();
for (const p of lexicon.prepositional) prepositional.add(p, true);
const statementNouns = new PhraseMatcher<true>();
for (const p of lexicon.statementNouns) statementNouns.add(p, true);
const nameWords = new Set(lexicon.nameWords);
const FUNCTION_WORDS = new Set(['the', 'of', 'for', 'and', '&', "'s", '’s', 'a', 'an', 'de', 'al', 'al-', 'el', 'local', 'us', 'un']);
const partisanOutlets = new RegExp(`\\b(${lexicon.partisanOutlets.map((o) => o.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'i');
const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i']);
const MAX_NAME = 9;
const objectPrepositions = new Set<string>(lexicon.objectPrepositions.words);
const relativePronouns = new Set<string>(lexicon.relativePronouns.words);
const nounDeterminers = new Set<string>(lexicon.nounDeterminers.words);
const auxiliaries = new Set<string>(lexicon.auxiliaries.words);
const nounVerbForms = new Set<string>(lexicon.nounVerbForms.words);
const POSSESSIVE = /['’]s$/i;
// Words that make no name alone, even capitalised at a sentence's start ("The reports, which ...").
const EMPTY_WORDS = new Set(['the', 'of', 'for', 'and', '&', "'s", '’s', 'a', 'an', 'de', 'al', 'al-', 'el']);

function isNameToken(t: Token, capitals = false): boolean {
  // In text written in capitals a capital says nothing: only the title words and function words.
  if (capitals) return (t.kind === 'word' && (nameWords.has(t.lower) || FUNCTION_WORDS.has(t.lower))) || t.text === "'s" || t.text === '’s';
  return (t.kind === 'word' && (t.upper || nameWords.has(t.lower))) || t.text === "'s" || t.text === '’s';
}

/** A word of two letters or more written in capitals. */
function capsWord(t: Token | undefined): boolean {
  return t !== undefined && t.kind === 'word' && t.text.length > 1 && t.text !== t.lower && t.text === t.text.toUpperCase();
}

/** The token and a neighbour are written in capitals: the text around is in capitals (wire copy). */
function inCapitals(tokens: Token[], i: number): boolean {
  return capsWord(tokens[i]) && (capsWord(tokens[i - 1]) || capsWord(tokens[i + 1]));
}

// Perfect auxiliaries between a source and its verb ("the police have reported that"); in ordinary
// case only before "that" ("al-Shabaab has claimed responsibility" is a party's claim, not a report).
const PERFECT = new Set(['have', 'has', 'had']);

/** Whether token `k` lies in a date mention ("February", "on Monday"): a date is never a source. */
type IsDate = (k: number) => boolean;

/**
 * The source's name ending just before the reporting verb: "Head of SDF Media Center Farhad Shami".
 * A date between them is an adjunct ("Police on Monday said"); a name that is the object of a
 * preposition is not the speaker ("Officials in Kabul said" → Officials; "Locals who fled the town
 * in February said" → Locals; "many of those besieged in Idlib say" → none).
 */
function nameBefore(tokens: Token[], verb: number, capitals = false, isDate: IsDate = () => false): [number, number] | null {
  let end = verb;
  if (PERFECT.has(tokens[end - 1]?.lower ?? '') && (capitals || tokens[verb + 1]?.lower === 'that' || blameVerbs.has(tokens[verb]!.lower))) end--;
  // "the Syrian Democratic Forces (SDF) said": the acronym in brackets belongs to the name.
  if (tokens[end - 1]?.text === ')' && tokens[end - 3]?.text === '(') end -= 3;
  const sentence = tokens[end - 1]?.sentence;
  // A date adjunct right before the verb ("the police on Monday said", "police Monday said").
  if (end > 0 && isDate(end - 1)) {
    let k = end - 1;
    while (k > 0 && isDate(k - 1) && tokens[k - 1]!.sentence === sentence) k--;
    if (k > 0 && objectPrepositions.has(tokens[k - 1]!.lower)) k--;
    if (k === 0 || tokens[k - 1]!.sentence !== sentence || isDate(k - 1)) return null;
    return nameEndingAt(tokens, k, capitals, isDate) ?? (objectPrepositions.has(tokens[k]!.lower) ? relativeHead(tokens, k, capitals, isDate, 1) : null);
  }
  return nameEndingAt(tokens, end, capitals, isDate);
}

function nameEndingAt(tokens: Token[], end: number, capitals: boolean, isDate: IsDate, depth = 0): [number, number] | null {
  const sentence = tokens[end - 1]?.sentence;
  let k = end - 1;
  while (k >= 0 && end - k <= MAX_NAME && tokens[k]!.sentence === sentence && isNameToken(tokens[k]!, capitals) && !isDate(k)) k--;
  let first = k + 1;
  // Drop leading function words ("the", "of").
  while (first < end && (tokens[first]!.lower === 'of' || tokens[first]!.lower === 'and')) first++;
  if (first >= end) {
    const p = tokens[end - 1];
    return p && PRONOUNS.has(p.lower) ? [end - 1, end] : null;
  }
  // A name needs a capitalised word or a title ("a military spokesperson", "the report").
  let named = false;
  for (let i = first; i < end && !named; i++) named = !FUNCTION_WORDS.has(tokens[i]!.lower) || (tokens[i]!.upper && !EMPTY_WORDS.has(tokens[i]!.lower));
  if (!named) return null;
  // The object of a preposition is not the speaker: the name before the preposition is, or the
  // name a relative clause describes; else there is none.
  const before = tokens[first - 1];
  if (before && before.sentence === sentence && objectPrepositions.has(before.lower)) {
    if (depth > 2) return null;
    if (first >= 2 && tokens[first - 2]!.sentence === sentence && isNameToken(tokens[first - 2]!, capitals) && !isDate(first - 2)) {
      return nameEndingAt(tokens, first - 1, capitals, isDate, depth + 1);
    }
    return relativeHead(tokens, first - 1, capitals, isDate, depth + 1);
  }
  return [first, end];
}

/** Whether token `k` ends a name's clause: punctuation, the sentence's end, a date or a relative pronoun. */
function endsClause(tokens: Token[], k: number, isDate: IsDate): boolean {
  const t = tokens[k];
  return t === undefined || t.sentence !== tokens[k - 1]?.sentence || (t.kind !== 'word' && t.kind !== 'number') || isDate(k) || relativePronouns.has(t.lower) || t.lower === 'in';
}

/** The name a relative clause describes, the clause ending at token `end` ("[Locals] who fled the town in"). */
function relativeHead(tokens: Token[], end: number, capitals: boolean, isDate: IsDate, depth: number): [number, number] | null {
  const sentence = tokens[end]?.sentence;
  for (let r = end - 1; r > 0 && end - r <= 12 && tokens[r]!.sentence === sentence; r--) {
    const t = tokens[r]!;
    if (t.kind !== 'word' && !POSSESSIVE.test(t.text)) return null;
    if (relativePronouns.has(t.lower)) return tokens[r - 1]!.sentence === sentence ? nameEndingAt(tokens, r, capitals, isDate, depth) : null;
  }
  return null;
}

/** The source's name starting at token `start`: "according to [the Syrian Observatory for Human Rights]". */
function nameAfter(tokens: Token[], start: number, isDate: IsDate = () => false): [number, number] | null {
  const sentence = tokens[start]?.sentence;
  let k = start;
  while (k < tokens.length && k - start < MAX_NAME && tokens[k]!.sentence === sentence && isNameToken(tokens[k]!) && !isDate(k)) k++;
  // Trailing function words belong to what follows ("according to the police, the ...").
  while (k > start && /^(the|of|and|a|an|for|&)$/.test(tokens[k - 1]!.lower)) k--;
  return k > start ? [start, k] : null;
}

export function recogniseAttributions(doc: Doc): void {
  const tokens = doc.tokens;
  // Token k lies in a date mention: the last one starting at or before it (dates are sorted by start).
  const isDate: IsDate = (k) => {
    const t = tokens[k];
    const d = t && doc.dates[firstStartingAfter(doc.dates, t.start) - 1];
    return d !== undefined && d.end > t!.start;
  };
  const add = (name: [number, number], cue: [number, number], scopeSentence: number) => {
    const s = doc.sentences[scopeSentence]!;
    const nameStart = tokens[name[0]]!.start;
    const nameEnd = tokens[name[1] - 1]!.end;
    const reporter = doc.text.slice(nameStart, nameEnd).replace(/^the\s+/i, '');
    const cueStart = Math.min(nameStart, tokens[cue[0]]!.start);
    const cueEnd = Math.max(nameEnd, tokens[cue[1] - 1]!.end);
    doc.attributions.push({
      start: cueStart,
      end: cueEnd,
      text: doc.text.slice(cueStart, cueEnd),
      reporter,
      reporterSpan: { start: nameStart, end: nameEnd },
      scope: { start: s.start, end: s.end },
      partisan: partisanOutlets.test(reporter) ? true : undefined,
    });
  };
  for (const [from, to] of doc.scopedTokenRanges()) for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const prep = prepositional.matchAt(tokens, i);
    if (prep && (prep.endToken - prep.firstToken > 1 || t.lower === 'citing' || t.lower === 'quoting')) {
      const name = nameAfter(tokens, prep.endToken, isDate);
      if (name) add(name, [i, prep.endToken], t.sentence);
      i = prep.endToken - 1;
      continue;
    }
    const capitals = inCapitals(tokens, i);
    if (!verbs.hasToken(t) || (t.upper && !capitals)) continue;
    // Passive "were reported" is not attribution ("clashes were reported").
    const prev = tokens[i - 1]?.lower;
    if (prev === 'was' || prev === 'were' || prev === 'been' || prev === 'be' || prev === 'is' || prev === 'are') continue;
    // A noun or an adjective: "the reports", "Saturday's alleged attack", "early reports said".
    const before = tokens[i - 1];
    if (before && before.sentence === t.sentence && (nounDeterminers.has(before.lower) || POSSESSIVE.test(before.text))) continue;
    const next = tokens[i + 1]?.sentence === t.sentence ? tokens[i + 1] : undefined;
    // (After a pronoun it is a verb: "which it claims is aimed at".)
    const afterPronoun = before !== undefined && before.sentence === t.sentence && PRONOUNS.has(before.lower);
    if (!afterPronoun && t.lower.endsWith('s') && next && (auxiliaries.has(next.lower) || verbs.hasToken(next))) continue;
    if (!afterPronoun && nounVerbForms.has(t.lower) && next && next.lower !== 'that' && next.kind === 'word' && !isDate(i + 1)) continue;
    let name = nameBefore(tokens, i, capitals, isDate);
    if (!name) {
      // Inverted: "..., said police spokesman Charles Owino."
      const after = nameAfter(tokens, i + 1, isDate);
      // The name ends the clause ("..., said police spokesman Charles Owino, who ..."); a name that
      // goes on with a verb is the subject of what is said ("Lavrov, claimed Moscow had evidence").
      if (after && (tokens[i - 1]?.text === ',' || tokens[i - 1]?.text === '”' || tokens[i - 1]?.text === '"') && endsClause(tokens, after[1], isDate)) name = after;
    }
    if (!name) continue;
    add(name, [i, i + 1], t.sentence);
    markReportDate(doc, i);
  }
}

/** "said on Friday", "told CNN on Friday", "said in a statement on Friday": the date of the saying. */
function markReportDate(doc: Doc, verbToken: number): void {
  const tokens = doc.tokens;
  const verbEnd = tokens[verbToken]!.end;
  let limitToken = verbToken + 1;
  // Skip an addressee ("told CNN") and a statement noun ("in a statement").
  while (limitToken < tokens.length && limitToken - verbToken <= 6 && tokens[limitToken]!.sentence === tokens[verbToken]!.sentence) {
    const lower = tokens[limitToken]!.lower;
    if (lower === 'that' || lower === ',' || lower === '.') break;
    limitToken++;
  }
  const limit = tokens[limitToken - 1]?.end ?? verbEnd;
  for (const d of spansStartingIn(doc.dates, verbEnd, limit + 1)) {
    if (d.rule.startsWith('weekday') || d.rule === 'yesterday' || d.rule === 'today') d.reporting = true;
  }
  // "during a press conference on Friday, ... confirmed": the date before the verb, after a statement noun.
  const sentence = doc.sentences[tokens[verbToken]!.sentence]!;
  for (let k = sentence.firstToken; k < verbToken; k++) {
    const noun = statementNouns.matchAt(tokens, k);
    if (!noun) continue;
    const nounEnd = tokens[noun.endToken - 1]!.end;
    for (const d of spansStartingIn(doc.dates, nounEnd, Math.min(nounEnd + 12, tokens[verbToken]!.start))) d.reporting = true;
  }
}

export const attributionRecogniser: PipelineComponent = { name: 'attribution', apply: recogniseAttributions };

export type { Attribution };
