// Reported figures: a quantity tied to what it counts. "at least seven fighters ... were killed",
// "killing 28 militants", "the death toll rose to 12", "a policeman was shot dead".
import type { Doc, Figure, PipelineComponent, Quantity, Token } from '../../common/doc.js';
import { PhraseMatcher } from '../../common/phrase-matcher.js';
import lexicon from './data/casualties.json' with { type: 'json' };

const kinds = new PhraseMatcher<string>();
for (const [kind, words] of Object.entries(lexicon.kinds)) for (const w of words) kinds.add(w, kind);
const totals = new PhraseMatcher<true>();
for (const w of lexicon.totals) totals.add(w, true);
const partOf = new PhraseMatcher<true>();
for (const w of lexicon.partOf) partOf.add(w, true);
const singular = new Set(lexicon.singular);
const notPeople = new Set<string>(lexicon.notPeople);
const singularNouns = new Set<string>(lexicon.singularNouns);
const unconfirmed = new PhraseMatcher<true>();
for (const w of lexicon.unconfirmed) unconfirmed.add(w, true);
const SINGULAR_AUX = new Set(['was', 'is', 'been', 'got', 'gets']);

/** "two others feared dead", "possibly killed": a death nobody confirms is not counted. */
function isUnconfirmed(tokens: Token[], killToken: number): boolean {
  for (let k = Math.max(0, killToken - 3); k < killToken; k++) {
    const m = unconfirmed.matchAt(tokens, k);
    if (m && m.endToken <= killToken && tokens[k]!.sentence === tokens[killToken]!.sentence) return true;
  }
  return false;
}

function countsThings(tokens: Token[], k: number): boolean {
  return notPeople.has(tokens[k]?.lower ?? '') || (notPeople.has(tokens[k + 1]?.lower ?? '') && tokens[k]?.kind === 'word' && !tokens[k]!.upper);
}
const objectPronouns = new Set(lexicon.objectPronouns);

const FORWARD_WINDOW = 10;
const BACKWARD_WINDOW = 4;
const STOP = new Set([';', ':', '(', ')', 'while', 'whereas', 'but', 'after', 'before', 'when', 'since', 'because']);
const AUXILIARY = new Set(['was', 'were', 'been', 'have', 'has', 'had', 'are', 'is', 'reportedly', 'also', 'later', 'allegedly', 'all', 'being', 'got', 'left']);

/** Index of the token that starts at `offset` (binary search; -1 if none does). */
function tokenStartingAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tokens[mid]!.start;
    if (s === offset) return mid;
    if (s < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function recogniseFigures(doc: Doc): void {
  const tokens = doc.tokens;
  // token index → quantity starting there
  const quantityAt = new Map<number, Quantity>();
  for (const q of doc.quantities) {
    const i = tokenStartingAt(tokens, q.start);
    if (i >= 0) quantityAt.set(i, q);
  }
  const used = new Set<number>(); // casualty-word token indexes already tied to a figure
  for (const [qi, q] of quantityAt) {
    const qEnd = tokenStartingAt(tokens, lastTokenStart(doc, q)) + 1;
    if (qEnd <= 0) continue;
    const sentence = tokens[qi]!.sentence;
    // A count inside "including two children" is part of a larger figure.
    if (precededBy(partOf, tokens, qi)) continue;
    let found: { kind: string; first: number; end: number; forward: boolean } | null = null;
    // "killed at least 28 ISIS militants", "the death toll rose to 12": the word right before the
    // figure, or separated from it only by words like "rose to".
    for (let k = qi - 1; k >= 0 && k >= qi - BACKWARD_WINDOW && tokens[k]!.sentence === sentence; k--) {
      const m = kinds.matchAt(tokens, k);
      if (m && m.endToken <= qi) {
        if (m.endToken === qi || gapIsLinking(tokens, m.endToken, qi)) found = { kind: m.value, first: k, end: m.endToken, forward: false };
        break;
      }
    }
    // "at least seven fighters ... were killed", "5 dead", "four militants and one soldier were killed"
    if (!found) {
      for (let k = qEnd, steps = 0; k < tokens.length && steps < FORWARD_WINDOW && tokens[k]!.sentence === sentence; k++, steps++) {
        const low = tokens[k]!.lower;
        if (STOP.has(low)) break;
        if (partOf.matchAt(tokens, k)) {
          // Skip the parenthetical "including two children" (up to its comma or the verb).
          let skipped = 0;
          while (k + 1 < tokens.length && skipped < 5 && tokens[k + 1]!.text !== ',' && tokens[k + 1]!.sentence === sentence && !kinds.opens(tokens[k + 1]!.lower) && !AUXILIARY.has(tokens[k + 1]!.lower)) {
            k++;
            skipped++;
          }
          continue;
        }
        // Another count: a coordinated one ("and one soldier") shares the verb; any other ends the search.
        if (quantityAt.has(k) && !/^(and|,|or)$/.test(tokens[k - 1]!.lower)) break;
        const m = kinds.matchAt(tokens, k);
        if (m) {
          found = { kind: m.value, first: k, end: m.endToken, forward: true };
          break;
        }
      }
    }
    if (!found || isUnconfirmed(tokens, found.first)) continue;
    // "stole 100 cattle and killed 2 people": a count of animals or things is no casualty figure.
    if (found.forward ? countsThings(tokens, qEnd) : notPeople.has(tokens[qEnd]?.lower ?? '')) continue;
    used.add(found.first);
    const figureTokens = found.forward ? [qi, found.end] : [found.first, Math.max(qEnd, found.end)];
    let subject: [number, number] | undefined;
    if (found.forward) subject = trimSubject(tokens, qEnd, found.first);
    else subject = subjectAfter(tokens, qEnd);
    const end = subject && !found.forward ? Math.max(figureTokens[1]!, subject[1]) : figureTokens[1]!;
    const start = tokens[figureTokens[0]!]!.start;
    const endOff = tokens[end - 1]!.end;
    const figure: Figure = {
      start,
      end: endOff,
      text: doc.text.slice(start, endOff),
      kind: found.kind,
      value: q.value,
      quantity: { start: q.start, end: q.end },
    };
    if (subject && subject[1] > subject[0]) figure.subject = { start: tokens[subject[0]]!.start, end: tokens[subject[1] - 1]!.end };
    if (isTotal(tokens, qi, sentence)) figure.total = true;
    doc.figures.push(figure);
  }
  addCodingStatements(doc);
  addSingularDeaths(doc, used);
  doc.figures.sort((a, b) => a.start - b.start);
}

function lastTokenStart(doc: Doc, q: Quantity): number {
  // The token that ends the quantity span.
  const tokens = doc.tokens;
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tokens[mid]!.start < q.end) lo = mid;
    else hi = mid - 1;
  }
  return tokens[lo]!.start;
}

const LINKING = new Set(['coded', 'as', 'to', 'at', 'of', 'rose', 'risen', 'climbed', 'reached', 'stood', 'stands', 'is', 'was', 'now', 'has', 'had', 'jumped', 'increased', 'hit', 'toll']);

function gapIsLinking(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!LINKING.has(tokens[k]!.lower)) return false;
  return true;
}

function precededBy(m: PhraseMatcher<true>, tokens: Token[], i: number): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const r = m.matchAt(tokens, k);
    if (r && r.endToken === i) return true;
  }
  return false;
}

function isTotal(tokens: Token[], qi: number, sentence: number): boolean {
  for (let k = Math.max(0, qi - 5); k < qi + 3 && k < tokens.length; k++) {
    if (tokens[k]!.sentence === sentence && totals.matchAt(tokens, k)) return true;
  }
  return false;
}

/** Words between the figure and its verb, without auxiliaries: "fighters from US-allied SDF". */
function trimSubject(tokens: Token[], from: number, to: number): [number, number] | undefined {
  let end = to;
  while (end > from && (AUXILIARY.has(tokens[end - 1]!.lower) || tokens[end - 1]!.text === ',')) end--;
  return end > from ? [from, end] : undefined;
}

/** The noun phrase after "killed 28": "ISIS militants" (up to a preposition or punctuation). */
function subjectAfter(tokens: Token[], from: number): [number, number] | undefined {
  const sentence = tokens[from]?.sentence;
  let k = from;
  while (k < tokens.length && k - from < 6 && tokens[k]!.sentence === sentence && tokens[k]!.kind === 'word' && !/^(in|on|at|and|during|near|after|when|while|as|with|from|by|to|including|that|who|which)$/.test(tokens[k]!.lower)) k++;
  return k > from ? [from, k] : undefined;
}

const codedCues = new PhraseMatcher<'coded' | 'split'>();
for (const c of lexicon.codingStatements.coded) codedCues.add(c, 'coded');
for (const c of lexicon.codingStatements.split) codedCues.add(c, 'split');

/**
 * A coder's statement of the figure: "Fatalities coded as 0 (...)", "Fatalities are split across 3
 * events (4)". The stated figure is the event's count; the figure it follows may be marked already.
 */
function addCodingStatements(doc: Doc): void {
  const tokens = doc.tokens;
  for (const [from, to] of doc.scopedTokenRanges()) for (let i = from; i < to; i++) {
    if (!codedCues.opens(tokens[i]!.lower)) continue;
    const m = codedCues.matchAt(tokens, i);
    if (!m) continue;
    let k = m.endToken;
    if (m.value === 'split') {
      // "split across 3 events (4)": the number in brackets is this event's share.
      while (k < to && tokens[k]!.text !== '(' && k < m.endToken + 4) k++;
      if (tokens[k]?.text !== '(') continue;
      k++;
    }
    const q = tokens[k];
    if (!q || q.kind !== 'number' || !/^\d+$/.test(q.text)) continue;
    const value = Number(q.text);
    const existing = doc.figures.find((f) => f.quantity.start === q.start);
    if (existing) {
      existing.coded = true;
      existing.kind = 'killed';
      continue;
    }
    const start = tokens[i]!.start;
    doc.figures.push({ start, end: q.end, text: doc.text.slice(start, q.end), kind: 'killed', value, quantity: { start: q.start, end: q.end }, coded: true });
  }
}

const PLURAL_AUX = new Set(['were', 'are', 'been']);
/** Words that may stand between coordinated people: articles, possessives and joints. */
const COORDINATED_FILLERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'and', ',', '-', 'young', 'old', 'elderly']);
const MAX_COORDINATED_TOKENS = 14;

/**
 * "a man and his 12-year-old son were killed": people named one by one before a plural verb at
 * token `verb`, counted; undefined unless there are two or more and nothing else stands between.
 */
function coordinatedPeople(tokens: Doc['tokens'], verb: number, sentence: number): { count: number; first: number; last: number } | undefined {
  let k = PLURAL_AUX.has(tokens[verb]!.lower) ? verb : verb - 1;
  while (k >= 0 && PLURAL_AUX.has(tokens[k]!.lower)) k--;
  const last = k;
  let count = 0;
  let sawAnd = false;
  let first = -1;
  for (; k >= 0 && last - k < MAX_COORDINATED_TOKENS && tokens[k]!.sentence === sentence; k--) {
    const t = tokens[k]!;
    if (singularNouns.has(t.lower)) count++;
    else if (t.lower === 'and') sawAnd = true;
    else if (!COORDINATED_FILLERS.has(t.lower) && t.kind !== 'number' && !/^[a-z]+-[a-z-]+$/.test(t.lower) && !(t.lower === 'year' || t.lower === 'old')) break;
    first = k;
  }
  // The phrase must begin with a person's determiner or noun, not in the middle of another phrase.
  while (first >= 0 && first <= last && (tokens[first]!.lower === 'and' || tokens[first]!.text === ',')) first++;
  if (count < 2 || !sawAnd || first < 0 || !singularNouns.has(tokens[last]!.lower)) return undefined;
  return { count, first, last };
}

/** "a policeman was shot dead", "killing a civilian", "shot him dead": one death. */
function addSingularDeaths(doc: Doc, used: Set<number>): void {
  const tokens = doc.tokens;
  for (const [from, to] of doc.scopedTokenRanges()) for (let i = from; i < to; i++) {
    if (!kinds.opens(tokens[i]!.lower)) continue;
    const m = kinds.matchAt(tokens, i);
    if (!m) continue;
    const kindEnd = m.endToken;
    if (m.value !== 'killed' || used.has(i) || /^(deaths|death|toll|fatalities|fatality|lives|bodies|kill|die|dies|killing)$/.test(tokens[i]!.lower)) {
      i = kindEnd - 1;
      continue;
    }
    const sentence = tokens[i]!.sentence;
    if (isUnconfirmed(tokens, i)) {
      i = kindEnd - 1;
      continue;
    }
    // Passive with a singular subject: "a police officer was killed", "a suspect is lynched"
    let first = -1;
    if (SINGULAR_AUX.has(tokens[i - 1]?.lower ?? '') || SINGULAR_AUX.has(tokens[i - 2]?.lower ?? '')) {
      for (let k = i - 2; k >= 0 && k >= i - 7 && tokens[k]!.sentence === sentence; k--) {
        if ((singular.has(tokens[k]!.lower) || singularNouns.has(tokens[k]!.lower)) && (k === 0 || tokens[k - 1]!.sentence !== sentence || !/^(of|than)$/.test(tokens[k - 1]!.lower))) {
          first = k;
          break;
        }
        if (tokens[k]!.text === ',' || STOP.has(tokens[k]!.lower)) break;
      }
    }
    // Passive with coordinated singular subjects: "a man and his son were killed" (two deaths).
    if (first < 0 && (PLURAL_AUX.has(tokens[i]!.lower) || PLURAL_AUX.has(tokens[i - 1]?.lower ?? '') || PLURAL_AUX.has(tokens[i - 2]?.lower ?? ''))) {
      const people = coordinatedPeople(tokens, i, sentence);
      if (people) {
        const start = tokens[people.first]!.start;
        const end = tokens[kindEnd - 1]!.end;
        doc.figures.push({
          start,
          end,
          text: doc.text.slice(start, end),
          kind: 'killed',
          value: people.count,
          quantity: { start, end: tokens[people.last]!.end },
          subject: { start, end: tokens[people.last]!.end },
        });
        used.add(i);
        i = kindEnd - 1;
        continue;
      }
    }
    // Active with a singular object: "killed a civilian", "shot him dead"
    const next = tokens[kindEnd];
    let last = -1;
    if (first < 0 && next && next.sentence === sentence && (singular.has(next.lower) || objectPronouns.has(next.lower) || singularNouns.has(next.lower))) last = kindEnd + 1;
    if (first < 0 && last < 0) {
      i = kindEnd - 1;
      continue;
    }
    const startTok = first >= 0 ? first : i;
    const endTok = first >= 0 ? kindEnd : last;
    const start = tokens[startTok]!.start;
    const end = tokens[endTok - 1]!.end;
    const qTok = first >= 0 ? first : kindEnd;
    doc.figures.push({
      start,
      end,
      text: doc.text.slice(start, end),
      kind: 'killed',
      value: 1,
      quantity: { start: tokens[qTok]!.start, end: tokens[qTok]!.end },
      subject: first >= 0 ? { start: tokens[first]!.start, end: tokens[i - 1]!.end } : { start: next!.start, end: next!.end },
    });
    used.add(i);
    i = kindEnd - 1;
  }
}

export const figureRecogniser: PipelineComponent = { name: 'figures', apply: recogniseFigures };
