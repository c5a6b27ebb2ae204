// Reported figures: a quantity tied to what it counts. "at least seven fighters ... were killed",
// "killing 28 militants", "the death toll rose to 12", "a policeman was shot dead".
import { CROWD_EVENT, lowerAt, type Doc, type Figure, type PipelineComponent, type Quantity, type Token } from '../../common/doc.js';
import { PhraseMatcher, type PhraseMatch } from '../../common/phrase-matcher.js';
import { WordSet } from '../../common/word-set.js';
import lexicon from './data/casualties.json' with { type: 'json' };
import { MONTHS, yearToken } from './dates/context.js';
import { PERSON_TITLES } from './person-titles.js';
import { cumulativeClause } from './time-reference.js';

/** Every figure gets every field, in one order (one object shape for V8's optimised code). */
function newFigure(f: Figure): Figure {
  return { start: f.start, end: f.end, text: f.text, kind: f.kind, value: f.value, quantity: f.quantity, subject: f.subject, total: f.total, coded: f.coded, feared: f.feared, described: f.described };
}

const kinds = new PhraseMatcher<string>();
for (const [kind, words] of Object.entries(lexicon.kinds)) for (const w of words) kinds.add(w, kind);
const totals = new PhraseMatcher<true>();
for (const w of lexicon.totals) totals.add(w, true);
const partOf = new PhraseMatcher<true>();
for (const w of lexicon.partOf) partOf.add(w, true);
const partOfAfter = new PhraseMatcher<true>();
for (const w of lexicon.partOfAfter) partOfAfter.add(w, true);
const singular = new Set(lexicon.singular);
const notPeople = new Set<string>(lexicon.notPeople);
const singularNouns = new Set<string>(lexicon.singularNouns);
const unconfirmed = new PhraseMatcher<true>();
for (const w of lexicon.unconfirmed) unconfirmed.add(w, true);
const SINGULAR_AUX = new Set(['was', 'is', 'been', 'got', 'gets']);
const cues = lexicon.singularDeaths;
/** Verbs and prepositions between a count and a casualty word that tie the word to something else. */
const FORWARD_STOP = new Set<string>(lexicon.forwardStop);
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'this', 'that']);
/** Words that make a clause's death no death: "no one was killed", "was not killed". */
const NEGATIONS = new Set<string>(cues.negations);
/** Present-tense killing verbs ("Mob kills thief"): counted only with a singular object after them. */
const PRESENT_KILL = new Set<string>(cues.presentKill);
/** Before a present-tense verb, these make it no report of a death: "threatened to kill a man". */
const IRREALIS_BEFORE = new Set<string>(cues.irrealisBefore);
/** Verbs whose object dies in "shot him dead", "hacked a trader to death". */
const VIOLENT_VERBS = new Set<string>(cues.violentVerbs);
/** Words before a killing verb that make it an earlier deed, told as a cause: "accused of killing". */
const PRIOR_DEED_CUES = new Set<string>(cues.priorDeedCues);
/** Kinds that take no object: in "the dead included a boy" nobody is "deaded". */
const NO_OBJECT = new Set<string>(cues.noObject);
/** Words that end an object phrase before its head: prepositions, conjunctions. */
const OBJECT_BOUNDARIES = new Set<string>(cues.objectBoundaries);
/** How many tokens back from "was" the singular subject is looked for: as a rule, and past an apposition between commas. */
const SUBJECT_REACH = 5;
const APPOSITION_REACH = 12;
/** "Enrique Lopez, who was murdered": a relative pronoun whose antecedent stands before its comma. */
const RELATIVE_PRONOUNS = new Set<string>(cues.relativePronouns);
/** Words before "was killed" that are no one who died ("it was", "the toll was") or are several ("family"). */
const SUBJECT_NOT_A_PERSON = new Set<string>(cues.subjectNotAPerson);

/** "two others feared dead", "possibly killed": a death nobody confirms is not counted. */
function isUnconfirmed(tokens: Token[], killToken: number): boolean {
  return unconfirmedCue(tokens, killToken) !== undefined;
}

/** The cue that leaves the death at killToken unconfirmed ("feared", "possibly"), if one. */
function unconfirmedCue(tokens: Token[], killToken: number): string | undefined {
  for (let k = Math.max(0, killToken - 3); k < killToken; k++) {
    const m = unconfirmed.matchAt(tokens, k);
    if (m && m.endToken <= killToken && tokens[k]!.sentence === tokens[killToken]!.sentence) return tokens.slice(k, m.endToken).map((t) => t.lower).join(' ');
  }
  return undefined;
}
/** Cues of deaths feared: a counted figure ("eight people are feared dead") the event's fallback. */
const FEARED = new Set<string>(lexicon.fearedDead);
/** Before "lives": the lives someone has ("whose lives are endangered"), no toll. */
const LIVES_OWNED = new Set<string>(lexicon.livesOwned);
const nonViolentCauses = new PhraseMatcher<true>();
for (const w of lexicon.nonViolentCauses) nonViolentCauses.add(w, true);

/** "have died in Syria because of a lack of medical care", "died of malnutrition": deaths of want or illness, told after the death word in its clause. */
function diedOfNoViolence(tokens: Token[], end: number, sentence: number): boolean {
  for (let k = end; k < tokens.length && k < end + lexicon.nonViolentWindow && tokens[k]!.sentence === sentence; k++) {
    if (tokens[k]!.text === ',' || tokens[k]!.text === ';') return false;
    if (nonViolentCauses.matchAt(tokens, k)) return true;
  }
  return false;
}

function countsThings(tokens: Token[], k: number): boolean {
  // ("cattle rustlers", "livestock thieves": people named after the animals they take.)
  if (notPeople.has(lowerAt(tokens, k)) && PEOPLE_AFTER_THING.test(lowerAt(tokens, k + 1))) return false;
  return notPeople.has(lowerAt(tokens, k)) || (notPeople.has(lowerAt(tokens, k + 1)) && tokens[k]?.kind === 'word' && !tokens[k]!.upper && !PEOPLE_AFTER_THING.test(lowerAt(tokens, k + 2)));
}
/** Agent nouns after a word for things: "cattle rustlers", "camel herders", "livestock thieves". */
const PEOPLE_AFTER_THING = new RegExp(`^(?:${lexicon.peopleAfterThings.join('|')})$`);
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
    // (Each count is read by a function of its own, which runs too seldom to need optimising.)
    figureAt(doc, qi, q, quantityAt, used);
  }
  addCodingStatements(doc);
  addSingularDeaths(doc, used, quantityAt);
  addCompanions(doc, quantityAt);
  addBodiesFound(doc);
  doc.figures.sort((a, b) => a.start - b.start);
}

const POSSESSIVES = new Set(['his', 'her', 'their', 'its']);
const companions = new PhraseMatcher<true>();
for (const p of lexicon.companions) companions.add(p, true);
/** How far back in its sentence a death is looked for before "along with" and a count. */
const COMPANION_WINDOW = 30;

/**
 * "Rodriguez, 65, was killed near his home, along with two of his bodyguards", "X was shot to death
 * along with two other militants": a count after "along with", in a sentence that told a death
 * before it, counts others who died with the one killed.
 */
function addCompanions(doc: Doc, quantityAt: ReadonlyMap<number, Quantity>): void {
  const tokens = doc.tokens;
  for (const [qi, q] of quantityAt) {
    if (q.vague || qi < 2 || !companions.opensAt(tokens[qi - 2]!) || companions.matchAt(tokens, qi - 2)?.endToken !== qi) continue;
    const sentence = tokens[qi]!.sentence;
    if (tokens[qi - 2]!.sentence !== sentence || doc.figures.some((f) => f.quantity.start === q.start)) continue;
    let j = qi + 1;
    while (j < tokens.length && tokens[j]!.start < q.end) j++;
    if (tokens[j]?.sentence !== sentence || tokens[j]!.kind !== 'word' || countsThings(tokens, j)) continue;
    const from = tokens[Math.max(0, qi - COMPANION_WINDOW)]!.start;
    const told = doc.figures.some((f) => f.kind === 'killed' && f.end <= tokens[qi - 2]!.start && f.start >= from && doc.sentenceAt(f.start) === sentence);
    if (!told) continue;
    const start = tokens[qi - 2]!.start;
    const end = tokens[j]!.end;
    doc.figures.push(newFigure({ start, end, text: doc.text.slice(start, end), kind: 'killed', value: q.value, quantity: { start: q.start, end: q.end }, subject: { start: q.start, end } }));
  }
}
const BODY = new WordSet(['body']);
/** Words that tell a body was found: "his body was found", "a body is discovered", "found the body of". */
const BODY_FOUND = new Set(['found', 'discovered', 'recovered', 'dumped', 'exhumed', 'retrieved', 'dumping', 'floating']);
/** After "body": what makes it no dead person's ("body guard"). */
const NOT_A_CORPSE = new Set(['guard', 'guards', 'count', 'armour', 'armor', 'parts', 'politic']);
const BODY_WINDOW = 8;

/**
 * "His body was found five days later", "a body has been found dumped in a pit latrine": one dead,
 * though no killing verb counts it. Marked as a fallback (like deaths only feared): counted only
 * when the text confirms no death otherwise ("was killed and her body was dumped" is one death).
 */
function addBodiesFound(doc: Doc): void {
  const tokens = doc.tokens;
  let protest: boolean | undefined;
  for (const [from, to] of doc.scopedTokenRanges()) for (let i = from; i < to; i++) {
    if (!BODY.hasToken(tokens[i]!)) continue;
    // (A body found beside a demonstration is what the crowd protests, not its dead.)
    protest ??= doc.triggers.some((t) => t.cls === 'protest' && !t.irrealis);
    if (!protest) bodyFoundAt(doc, i, to);
  }
}

function bodyFoundAt(doc: Doc, i: number, to: number): void {
  const tokens = doc.tokens;
  const sentence = tokens[i]!.sentence;
  const next = tokens[i + 1];
  if (next && NOT_A_CORPSE.has(next.lower)) return;
  // "after the body of a girl was found", "whose body was found": a death told as a cause.
  for (let k = i - 1; k >= 0 && k >= i - 4 && tokens[k]!.sentence === sentence; k--) {
    if (DEATH_CAUSE_CUES.has(tokens[k]!.lower) || DIED_CAUSE_CUES.has(tokens[k]!.lower)) return;
  }
  let found = false;
  for (let k = Math.max(0, i - 4); k < Math.min(to, i + BODY_WINDOW) && !found; k++) {
    if (tokens[k]!.sentence === sentence && BODY_FOUND.has(tokens[k]!.lower)) found = true;
  }
  if (!found) return;
  const start = tokens[i]!.start;
  const end = tokens[i]!.end;
  doc.figures.push(newFigure({ start, end, text: doc.text.slice(start, end), kind: 'killed', value: 1, quantity: { start, end }, subject: { start, end }, feared: true }));
}

/** Adds the casualty figure the count q (at token qi) reports, if one. */
function figureAt(doc: Doc, qi: number, q: Quantity, quantityAt: ReadonlyMap<number, Quantity>, used: Set<number>): void {
  const tokens = doc.tokens;
  const qEnd = tokenStartingAt(tokens, lastTokenStart(doc, q)) + 1;
  if (qEnd <= 0) return;
  const sentence = tokens[qi]!.sentence;
  // A count inside "including two children" is part of a larger figure; "no one" counts nobody.
  if ((precededBy(partOf, tokens, qi) && partOfCounted(doc, qi, quantityAt)) || NEGATIONS.has(lowerAt(tokens, qi - 1))) return;
  // "Seven soldiers, three of them officers, were killed", "Four employees (two of them Poles)",
  // "five guards -- two of them women --": a part of the count before the comma, bracket or dash.
  const before = tokens[qi - 1];
  if (before && (before.text === ',' || before.text === '(' || (DASH.test(before.text) && tokens[qi]!.spaceBefore)) && before.sentence === sentence && partOfAfter.matchAt(tokens, qEnd)) return;
  // "a 60 year-old woman was killed": an age, not a count.
  if (AGE_AFTER.test(doc.text.slice(q.end, q.end + 16))) return;
  let found: { kind: string; first: number; end: number; forward: boolean } | null = null;
  // "killed at least 28 ISIS militants", "the death toll rose to 12": the word right before the
  // figure, or separated from it only by words like "rose to".
  for (let k = qi - 1; k >= 0 && k >= qi - BACKWARD_WINDOW && tokens[k]!.sentence === sentence; k--) {
    const m = kinds.matchAt(tokens, k);
    if (m && m.endToken <= qi) {
      // "protest the killing of one of their colleagues": a death the event is about, not in it.
      const cause = DETERMINERS.has(lowerAt(tokens, k - 1)) && FORWARD_STOP.has(lowerAt(tokens, k - 2));
      if (!cause && (m.endToken === qi || gapIsLinking(tokens, m.endToken, qi))) found = { kind: m.value, first: k, end: m.endToken, forward: false };
      break;
    }
  }
  // "at least seven fighters ... were killed", "5 dead", "four militants and one soldier were killed"
  if (!found) {
    for (let k = qEnd, steps = 0; k < tokens.length && steps < FORWARD_WINDOW && tokens[k]!.sentence === sentence; k++, steps++) {
      const low = tokens[k]!.lower;
      // "Two Kenya Defence Forces (KDF) soldiers", "three herders (out of a group of seven) were
      // killed", "At least 20 (some reports 30) have been killed": an aside in brackets is skipped.
      if (low === '(') {
        const close = closingBracket(tokens, k, sentence);
        if (close > 0) {
          k = close;
          continue;
        }
      }
      // ("two missionaries -- aged 19 and 21 -- were shot to death": an aside between dashes.)
      if (isDash(tokens[k]!)) {
        const close = closingDash(tokens, k, sentence);
        if (close > 0) {
          k = close;
          continue;
        }
      }
      // ("protest in several cities following the death of ...": what follows the cue is a cause.)
      if (STOP.has(low) || FORWARD_STOP.has(low) || DEATH_CAUSE_CUES.has(low)) break;
      if (partOf.matchAt(tokens, k)) {
        // Skip the parenthetical "including two children" (up to its comma or the verb).
        let skipped = 0;
        while (k + 1 < tokens.length && skipped < 5 && tokens[k + 1]!.text !== ',' && tokens[k + 1]!.sentence === sentence && !kinds.opensAt(tokens[k + 1]!) && !AUXILIARY.has(tokens[k + 1]!.lower)) {
          k++;
          skipped++;
        }
        continue;
      }
      // Another count: a coordinated one ("and one soldier") shares the verb; any other ends the search.
      if (quantityAt.has(k) && !/^(and|,|or)$/.test(tokens[k - 1]!.lower)) break;
      const m = kinds.matchAt(tokens, k);
      // ("20 citizens whose lives are endangered": the lives they have, no toll.)
      if (m && low === 'lives' && LIVES_OWNED.has(lowerAt(tokens, k - 1))) break;
      if (m) {
        // "500 drivers protest a killing": a death named as a noun is not what the count did.
        if (!DETERMINERS.has(tokens[k - 1]!.lower)) found = { kind: m.value, first: k, end: m.endToken, forward: true };
        break;
      }
    }
  }
  if (!found) return;
  // "more than 100 dead or wounded", "90 wounded or killed": the dead and the hurt told together
  // are no count of deaths.
  // (Only "dead": "killed and injured" often tells the dead and, apart, the hurt, and is read so.)
  if (found.kind === 'killed' && found.end === found.first + 1 && tokens[found.first]!.lower === 'dead' && joinedToInjured(tokens, found.first, found.end, sentence)) return;
  // "five men suspected of killing the candidate", "two officers charged with murdering him": a
  // count before a killing that is a charge counts the accused.
  if (found.forward && CHARGE_BEFORE_KILLING.has(lowerAt(tokens, found.first - 1))) return;
  // "Three militants shot dead a driver", "an armed gang of four men shot dead a priest": a count
  // before an active killing verb with its object after it counts the killers, not the dead.
  if (found.forward && activeWithObject(tokens, qEnd, found.first, found.end, quantityAt)) return;
  // "protested after three people were killed", "lynched two robbers accused of killing three":
  // deaths told as the cause of the event, not among its dead.
  if (found.forward ? causeBefore(tokens, qi, sentence) : priorDeed(tokens, found.first, sentence) || nominalCause(tokens, found.first, sentence)) return;
  // "15 children have died because of a lack of medical care": no deaths of violence.
  if (found.kind === 'killed' && diedOfNoViolence(tokens, found.end, sentence)) return;
  // "eight people are feared dead": kept, marked feared (counted only if nothing is confirmed).
  const doubt = unconfirmedCue(tokens, found.first);
  if (doubt !== undefined && !(found.kind === 'killed' && FEARED.has(doubt))) return;
  // "stole 100 cattle and killed 2 people": a count of animals or things is no casualty figure.
  if (found.forward ? countsThings(tokens, qEnd) : notPeople.has(lowerAt(tokens, qEnd)) && !PEOPLE_AFTER_THING.test(lowerAt(tokens, qEnd + 1))) return;
  used.add(found.first);
  const figureTokens = found.forward ? [qi, found.end] : [found.first, Math.max(qEnd, found.end)];
  let subject: [number, number] | undefined;
  if (found.forward) subject = trimSubject(tokens, qEnd, found.first);
  else subject = subjectAfter(tokens, qEnd);
  const end = subject && !found.forward ? Math.max(figureTokens[1]!, subject[1]) : figureTokens[1]!;
  const start = tokens[figureTokens[0]!]!.start;
  const endOff = tokens[end - 1]!.end;
  doc.figures.push(newFigure({
    start,
    end: endOff,
    text: doc.text.slice(start, endOff),
    kind: found.kind,
    value: q.value + (found.forward ? joinedSingles(tokens, qi, qEnd, found.first, sentence, quantityAt) : 0),
    quantity: { start: q.start, end: q.end },
    subject: subject && subject[1] > subject[0] ? { start: tokens[subject[0]]!.start, end: tokens[subject[1] - 1]!.end } : undefined,
    total: isTotal(tokens, qi, sentence) ? true : undefined,
    feared: doubt !== undefined ? true : undefined,
  }));
}

/**
 * One person joined by "and" to a count before its killing verb: "five policemen and a civilian
 * were killed" (6), "his driver and one of his bodyguards were killed" (2). A person after the count
 * is "a"/"an" or a possessive and a singular noun phrase; one before it, a singular noun phrase
 * opening its clause with a possessive, "a" or "the" (not the object of a preposition: "the house
 * of a farmer and two children"). (A count joined, "and one soldier", is read
 * as a figure of its own.)
 */
function joinedSingles(tokens: Token[], qi: number, qEnd: number, kill: number, sentence: number, quantityAt: ReadonlyMap<number, Quantity>): number {
  let extra = 0;
  for (let k = qEnd; k < kill; k++) {
    // ("5 persons, including a student and a worker, were killed": the parts of the count.)
    if (partOf.opensAt(tokens[k]!) && partOf.matchAt(tokens, k)) break;
    if (tokens[k]!.lower !== 'and' || quantityAt.has(k + 1)) continue;
    const next = lowerAt(tokens, k + 1);
    if (!(JOINED_OPENERS.has(next) || POSSESSIVES.has(next))) continue;
    const end = singularObjectEnd(tokens, POSSESSIVES.has(next) ? k + 2 : k + 1, sentence, quantityAt);
    if (end > 0 && end <= kill) {
      extra++;
      break;
    }
  }
  // Before the count: "his driver and one of his bodyguards".
  if (lowerAt(tokens, qi - 1) === 'and' && tokens[qi - 1]!.sentence === sentence && singularNouns.has(lowerAt(tokens, qi - 2))) {
    const opener = tokens[qi - 3];
    if (opener && opener.sentence === sentence && (POSSESSIVES.has(opener.lower) || JOINED_OPENERS.has(opener.lower) || opener.lower === 'the') && !(OBJECT_BOUNDARIES.has(lowerAt(tokens, qi - 4)) && !RELATIVE_OPENERS.has(lowerAt(tokens, qi - 4)))) extra++;
  }
  return extra;
}
const JOINED_OPENERS = new Set(['a', 'an']);
/** Words of objectBoundaries that open a relative clause, which the joined people may open ("in which his driver and ..."). */
const RELATIVE_OPENERS = new Set(['who', 'which', 'that']);

/** Right before a killing verb after a count, words that make the killing a charge ("suspected of killing"). */
const CHARGE_BEFORE_KILLING = new Set<string>(lexicon.singularDeaths.killingNounChargeBefore);
const JOINERS = new Set(['or', 'and', '/']);

/** The death word at [first, end) is joined by "or"/"and" to an injury word: "dead or wounded", "wounded and dead". */
function joinedToInjured(tokens: Token[], first: number, end: number, sentence: number): boolean {
  const after = tokens[end];
  if (after && after.sentence === sentence && JOINERS.has(after.lower) && tokens[end + 1]?.sentence === sentence && kinds.matchAt(tokens, end + 1)?.value === 'injured') return true;
  const before = tokens[first - 1];
  if (!before || before.sentence !== sentence || !JOINERS.has(before.lower)) return false;
  for (let k = Math.max(0, first - 4); k < first - 1; k++) {
    const m = kinds.matchAt(tokens, k);
    if (m && m.value === 'injured' && m.endToken === first - 1) return true;
  }
  return false;
}

/** Before a killing verb, words that make it passive: what stands before it died. */
const PASSIVE_MARKERS = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'got', 'get', 'gets']);
const OBJECT_OPENERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'him', 'them', 'one']);

/**
 * The killing verb at [first, end), after a count ending at `from`, is active and has an object
 * after it ("shot dead a driver"); not a passive ("were on Monday lynched"), not "dead", "died", nor
 * a phrase that ends in its preposition ("killed in the attack").
 */
function activeWithObject(tokens: Token[], from: number, first: number, end: number, quantityAt: ReadonlyMap<number, Quantity>): boolean {
  for (let k = from; k < first; k++) if (PASSIVE_MARKERS.has(tokens[k]!.lower)) return false;
  if (NO_OBJECT.has(tokens[first]!.lower) || OBJECT_BOUNDARIES.has(tokens[end - 1]!.lower)) return false;
  const next = tokens[end];
  if (!next || next.sentence !== tokens[first]!.sentence) return false;
  // ("several gunmen killed Roberto Sarasty": a person named as the object.)
  return OBJECT_OPENERS.has(next.lower) || quantityAt.has(end) || personNameEnd(tokens, end, next.sentence) > 0;
}

const MAX_ASIDE_TOKENS = 10;
/** After a number, an age: "60 year-old", "13 year old", "25-years-old", "six-month-old". */
const AGE_AFTER = /^\s*-?\s*(?:years?|months?|weeks?|days?)\s*-?\s*old\b/i;

/** The ")" closing the "(" at token k within a few tokens of its sentence, with no casualty word inside; -1 if none. */
function closingBracket(tokens: Token[], k: number, sentence: number): number {
  for (let j = k + 1; j < tokens.length && j <= k + MAX_ASIDE_TOKENS && tokens[j]!.sentence === sentence; j++) {
    if (tokens[j]!.text === ')') return j;
    if (tokens[j]!.text === '(' || kinds.opensAt(tokens[j]!)) return -1;
  }
  return -1;
}

const DASH = /^[-\u2013\u2014]+$/;

/** A dash standing apart ("missionaries -- aged 19"), not a hyphen joining words. */
function isDash(t: Token): boolean {
  return DASH.test(t.text) && t.spaceBefore;
}

/**
 * The last token of the dash that closes the aside opened by the dash at token k ("-- aged 19 and
 * 21 --") within a few tokens of its sentence, with no casualty word inside; -1 if none.
 */
function closingDash(tokens: Token[], k: number, sentence: number): number {
  let j = k + 1;
  while (j < tokens.length && DASH.test(tokens[j]!.text) && !tokens[j]!.spaceBefore) j++;
  for (; j < tokens.length && j <= k + MAX_ASIDE_TOKENS && tokens[j]!.sentence === sentence; j++) {
    if (isDash(tokens[j]!)) {
      while (j + 1 < tokens.length && DASH.test(tokens[j + 1]!.text) && !tokens[j + 1]!.spaceBefore) j++;
      return j;
    }
    if (kinds.opensAt(tokens[j]!)) return -1;
  }
  return -1;
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

const LINKING = new Set(['coded', 'as', 'to', 'at', 'of', 'rose', 'risen', 'climbed', 'reached', 'stood', 'stands', 'is', 'was', 'now', 'has', 'had', 'jumped', 'increased', 'hit', 'toll', 'raised', 'revised', 'been', 'later', 'up']);

function gapIsLinking(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    // "lynched and burned three men": a second violent verb shares the count.
    if (tokens[k]!.lower === 'and' && k + 1 < to && VIOLENT_VERBS.has(tokens[k + 1]!.lower)) {
      k++;
      continue;
    }
    if (!LINKING.has(tokens[k]!.lower)) return false;
  }
  return true;
}

/**
 * Whether the larger figure a part ("including 12 who died in Konduga on Friday") belongs to is
 * counted: a count before it in its sentence, outside a cumulative toll. With none ("Gunmen attacked
 * Konduga, including 12 who died"), or only a cumulative toll ("More than 50 have been killed over
 * the past month, including 12 who died in Konduga on Friday"), the part is the event's own figure.
 */
function partOfCounted(doc: Doc, qi: number, quantityAt: ReadonlyMap<number, Quantity>): boolean {
  const tokens = doc.tokens;
  const sentence = tokens[qi]!.sentence;
  let whole = -1;
  for (let k = qi - 2; k >= 0 && tokens[k]!.sentence === sentence; k--) {
    if (quantityAt.has(k)) {
      whole = k;
      break;
    }
  }
  if (whole < 0) return false;
  const s = doc.sentences[sentence]!;
  const cumulative = cumulativeClause(doc.text.slice(s.start, s.end));
  const at = tokens[whole]!.start - s.start;
  return !(cumulative && cumulative[0] <= at && at < cumulative[1]);
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

/** The figure whose quantity starts at this offset. (Not a closure in addCodingStatements' token loop: see overlapsRiot in triggers.ts.) */
function figureOfQuantityAt(figures: Doc['figures'], start: number): Doc['figures'][number] | undefined {
  for (const f of figures) if (f.quantity.start === start) return f;
  return undefined;
}

/**
 * A coder's statement of the figure: "Fatalities coded as 0 (...)", "Fatalities are split across 3
 * events (4)". The stated figure is the event's count; the figure it follows may be marked already.
 */
function addCodingStatements(doc: Doc): void {
  const tokens = doc.tokens;
  for (const [from, to] of doc.scopedTokenRanges()) for (let i = from; i < to; i++) {
    if (!codedCues.opensAt(tokens[i]!)) continue;
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
    const existing = figureOfQuantityAt(doc.figures, q.start);
    if (existing) {
      existing.coded = true;
      existing.kind = 'killed';
      continue;
    }
    const start = tokens[i]!.start;
    doc.figures.push(newFigure({ start, end: q.end, text: doc.text.slice(start, q.end), kind: 'killed', value, quantity: { start: q.start, end: q.end }, coded: true }));
  }
}

const PLURAL_AUX = new Set(['were', 'are', 'been']);
/** Before "been": the plural forms of "have" ("have been killed" tells more than one). */
const PLURAL_HAVE = new Set(['have']);
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

/** Words that may stand between a verb and the head of its object: "killed suspected SLDF leader". */
const MAX_OBJECT_WORDS = 4;

/**
 * "a man who had killed his father", "accused of killing", "lynched after he killed his wife": the
 * killing at token i is an earlier deed that explains the event, not a death in it.
 */
function priorDeed(tokens: Doc['tokens'], i: number, sentence: number): boolean {
  const prev = lowerAt(tokens, i - 1);
  if (prev === 'of' || prev === 'for' || prev === 'with') return true;
  for (let k = i - 1; k >= 0 && k >= i - 4 && tokens[k]!.sentence === sentence; k--) {
    const w = tokens[k]!.lower;
    // ("since 2015", "after March": a point in time, not a deed: "the deadliest attack since 2015 killed 40".)
    if (PRIOR_DEED_CUES.has(w) && !namesTime(tokens[k + 1])) return true;
    if (w === ',' || w === ';') break;
  }
  return false;
}

/** A year or a month's name. */
function namesTime(t: Token | undefined): boolean {
  return t !== undefined && (yearToken(t) !== undefined || (t.upper && MONTHS[t.lower] !== undefined));
}

/** Words just before the dead that make their death the cause of the event told: "protested after a man was killed". */
const DEATH_CAUSE_CUES = new Set<string>(cues.deathCauseCues);
/**
 * Right before one who was killed, words that tell the death as the time of something else ("before
 * her husband was killed, the men shouted slogans"): a death told again, counted only when the text
 * confirms no other (as a death only feared).
 */
const DEATH_AS_TIME = new Set<string>(cues.deathAsTime);

/** The subject starting at token `first` follows a word of DEATH_AS_TIME (its article or possessive between). */
function toldAsTime(tokens: Doc['tokens'], first: number, sentence: number): boolean {
  let k = first - 1;
  if (DETERMINERS.has(lowerAt(tokens, k))) k--;
  return k >= 0 && tokens[k]!.sentence === sentence && DEATH_AS_TIME.has(tokens[k]!.lower);
}

/**
 * "following the killing of two traders", "over the killing of their relative", "protest the death
 * of four men": a death named as a noun after a cause cue or a protest word is what the event is about.
 */
function nominalCause(tokens: Doc['tokens'], i: number, sentence: number): boolean {
  if (!DETERMINERS.has(lowerAt(tokens, i - 1))) return false;
  const before = tokens[i - 2];
  return !!before && before.sentence === sentence && (DEATH_CAUSE_CUES.has(before.lower) || FORWARD_STOP.has(before.lower));
}

const CAUSE_WINDOW = 5;

/** Whether a cause cue stands within a few words before token i (in its clause). */
function causeBefore(tokens: Doc['tokens'], i: number, sentence: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - CAUSE_WINDOW && tokens[k]!.sentence === sentence; k--) {
    const w = tokens[k]!.lower;
    if (DEATH_CAUSE_CUES.has(w)) return true;
    if (w === ',' || w === ';') break;
  }
  return false;
}

const MAX_HEADLINE_SUBJECT_TOKENS = 5;
/** Words of a time told between "was" and its verb: "was on Sunday night lynched", "was Friday killed". */
const TIME_BETWEEN = new Set<string>(cues.timeBetweenAuxAndVerb);
const MAX_TIME_BETWEEN = 4;

/** The singular auxiliary before a time phrase that stands right before token i, or -1. */
function auxBeforeTime(tokens: Doc['tokens'], i: number, sentence: number): number {
  let k = i - 1;
  while (k >= 0 && i - k <= MAX_TIME_BETWEEN && tokens[k]!.sentence === sentence && TIME_BETWEEN.has(tokens[k]!.lower)) k--;
  return k < i - 1 && k >= 0 && tokens[k]!.sentence === sentence && SINGULAR_AUX.has(tokens[k]!.lower) ? k : -1;
}

/** A person's age between commas right before token i: "Jose Perez, 65, was killed" (not a count: see quantities). */
function ageBefore(tokens: Doc['tokens'], i: number): boolean {
  const n = tokens[i - 2];
  return tokens[i - 1]?.text === ',' && tokens[i - 3]?.text === ',' && !!n && n.kind === 'number' && /^\d{1,3}$/.test(n.text) && tokens[i - 4]?.kind === 'word';
}

/**
 * A singular person noun right before token i, ending a short phrase that opens the sentence (and
 * holds no verb of its own: "He is the third journalist killed in El Salvador" is no headline).
 */
function headlineSubject(tokens: Doc['tokens'], i: number, sentence: number): boolean {
  if (!singularNouns.has(lowerAt(tokens, i - 1)) || tokens[i - 1]!.sentence !== sentence) return false;
  for (let k = i - 1; k >= 0 && tokens[k]!.sentence === sentence; k--) {
    if (i - k > MAX_HEADLINE_SUBJECT_TOKENS || tokens[k]!.kind === 'punct' || OBJECT_BOUNDARIES.has(tokens[k]!.lower)) return false;
    if (SINGULAR_AUX.has(tokens[k]!.lower) || PLURAL_AUX.has(tokens[k]!.lower)) return false;
  }
  return true;
}

const DEATH_BEFORE_WINDOW = 12;

/** A death word (a casualty word of the dead) within a few words before token i, in its sentence: "the death of X, who ...". */
function deathToldBefore(tokens: Doc['tokens'], i: number, sentence: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - DEATH_BEFORE_WINDOW && tokens[k]!.sentence === sentence; k--) {
    if (KILLING_NOUNS.hasToken(tokens[k]!) || kinds.matchAt(tokens, k)?.value === 'killed') return true;
  }
  return false;
}

function negatedBefore(tokens: Doc['tokens'], i: number, sentence: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 6 && tokens[k]!.sentence === sentence; k--) {
    if (NEGATIONS.has(tokens[k]!.lower)) return true;
    if (tokens[k]!.text === ',' || STOP.has(tokens[k]!.lower)) break;
  }
  return false;
}

/**
 * The object of a killing verb at `at`, when it is one person: "a civilian", "him", "suspected
 * chicken thief", "suspected SLDF leader", "Zacchaeus Okoth, a 21-year-old man". Returns the index
 * one past the object's head, or -1.
 */
function singularObjectEnd(tokens: Doc['tokens'], at: number, sentence: number, quantities: ReadonlyMap<number, unknown>): number {
  const next = tokens[at];
  if (!next || next.sentence !== sentence) return -1;
  if (objectPronouns.has(next.lower) || singularNouns.has(next.lower)) return at + 1;
  // Modifiers, then a singular head noun: "suspected chicken thief", "a young boy".
  const determiner = singular.has(next.lower);
  for (let k = determiner ? at + 1 : at; k < at + MAX_OBJECT_WORDS && k < tokens.length && tokens[k]!.sentence === sentence; k++) {
    const t = tokens[k]!;
    // (A head followed by another person noun is a modifier: "a police officer", not "a police".)
    // ("a criminal suspect", "a woman police officer": the last person noun is the head.)
    if (singularNouns.has(t.lower)) {
      if (!singularNouns.has(lowerAt(tokens, k + 1)) || tokens[k + 1]!.sentence !== sentence) return k + 1;
      continue;
    }
    if (t.kind !== 'word' || quantities.has(k) || STOP.has(t.lower) || OBJECT_BOUNDARIES.has(t.lower) || notPeople.has(t.lower)) break;
  }
  // "a 25-year-old": one, whatever follows.
  if (determiner) return at + 1;
  // A person's name in apposition: "Zacchaeus Okoth, a 21-year-old man".
  let k = at;
  while (k < at + 3 && tokens[k]?.sentence === sentence && tokens[k]!.kind === 'word' && tokens[k]!.upper) k++;
  if (k > at && tokens[k]?.text === ',' && singular.has(lowerAt(tokens, k + 1))) return k;
  return -1;
}

const DIED = new Set<string>(cues.diedVerbs);
/** Words between a subject and "died": "later", "subsequently", "reportedly". */
const DIED_ADVERBS = new Set<string>(cues.diedAdverbs);
const SUBJECT_PRONOUNS = new Set<string>(cues.singularPronouns);
/** Before the one who died, words that make the death the event's cause ("claiming that a patient died"). */
const DIED_CAUSE_CUES = new Set<string>(cues.diedCauseCues);

/**
 * The one who "died" at token i: a pronoun ("he later died") or a noun phrase whose head is a
 * singular person noun ("the man", "another person", "a police officer"); [first, end) or undefined,
 * and the end of an apposition after a name ("X, candidate of the party, died": [first, end, appositionEnd)).
 */
function diedSubject(tokens: Doc['tokens'], i: number, sentence: number): [number, number] | [number, number, number] | undefined {
  let k = i - 1;
  while (k >= 0 && tokens[k]!.sentence === sentence && DIED_ADVERBS.has(tokens[k]!.lower)) k--;
  const head = tokens[k];
  if (!head || head.sentence !== sentence) return undefined;
  if (SUBJECT_PRONOUNS.has(head.lower)) return [k, k + 1];
  // "Carlos Lopez, a candidate of the party, died": a person named, then an apposition between commas.
  // (The one who died is the name: a group the apposition names describes him and is none of the dead.)
  if (head.text === ',' && k === i - 1) {
    for (let j = k - 1; j > 0 && j >= k - APPOSITION_REACH && tokens[j]!.sentence === sentence; j--) {
      if (tokens[j]!.text !== ',') {
        if (STOP.has(tokens[j]!.lower) && !DETERMINERS.has(tokens[j]!.lower) && !singular.has(tokens[j]!.lower)) return undefined;
        continue;
      }
      const name = personNameBefore(tokens, j, sentence);
      return name < 0 || !opensClause(tokens, name, sentence) || deathAsCause(tokens, name, sentence) ? undefined : [name, j, k];
    }
    return undefined;
  }
  if (!singularNouns.has(head.lower)) {
    // "Roberto Navas died", "journalist Navas died": a person named.
    let name = head.upper ? personNameBefore(tokens, k + 1, sentence) : -1;
    // "Navas died": one surname, of a person the text named in full before ("Roberto Navas").
    if (name < 0 && head.upper && opensClause(tokens, k, sentence) && namedInFullBefore(tokens, k)) name = k;
    return name < 0 || deathAsCause(tokens, name, sentence) ? undefined : [name, k + 1];
  }
  let first = k;
  for (let j = k - 1; j >= 0 && j >= k - 3 && tokens[j]!.sentence === sentence && tokens[j]!.kind === 'word' && !OBJECT_BOUNDARIES.has(tokens[j]!.lower); j--) {
    first = j;
    if (singular.has(tokens[j]!.lower) || DETERMINERS.has(tokens[j]!.lower) || tokens[j]!.lower === 'another') break;
  }
  // (A plural or counted subject is read by the figures with a number: "two men died".)
  if (quantityBefore(tokens, first)) return undefined;
  return deathAsCause(tokens, first, sentence) ? undefined : [first, k + 1];
}

/** "after a student died", "claiming that a patient died": a death told as the cause of the event. */
function deathAsCause(tokens: Doc['tokens'], first: number, sentence: number): boolean {
  for (let j = first - 1; j >= 0 && j >= first - 3 && tokens[j]!.sentence === sentence; j--) {
    if (DIED_CAUSE_CUES.has(tokens[j]!.lower) || PRIOR_DEED_CUES.has(tokens[j]!.lower)) return true;
  }
  return false;
}

/** Words after which a clause's subject starts: "..., Navas died", "and Navas died". */
const CLAUSE_OPENERS = new Set(['and', 'but', 'that', 'while', 'whereas', 'when', ',', ';', ':', '"', ']']);

function opensClause(tokens: Doc['tokens'], k: number, sentence: number): boolean {
  const before = tokens[k - 1];
  return !before || before.sentence !== sentence || CLAUSE_OPENERS.has(before.lower);
}

/** How far back a surname is looked for in a full name (tokens). */
const SURNAME_WINDOW = 400;

/** The capitalised word at k ended a name of two or more words earlier in the text ("Roberto Navas" before "Navas"). */
function namedInFullBefore(tokens: Doc['tokens'], k: number): boolean {
  const lower = tokens[k]!.lower;
  for (let j = k - 1; j > 0 && j >= k - SURNAME_WINDOW; j--) {
    const t = tokens[j]!;
    if (t.lower !== lower || !t.upper) continue;
    const prev = tokens[j - 1]!;
    if (prev.sentence === t.sentence && prev.kind === 'word' && prev.upper && !PERSON_TITLES.has(prev.lower) && !singularNouns.has(prev.lower)) return true;
  }
  return false;
}

/**
 * The figure counts one person by a surname alone, of a person the text named in full before ("Neghme
 * was killed" after "Jecar Neghme"): a death told again, of someone the text has already brought in.
 */
export function countsNamedAgain(doc: Doc, f: Figure): boolean {
  if (f.value !== 1 || !f.subject) return false;
  const tokens = doc.tokens;
  const from = tokenStartingAt(tokens, f.subject.start);
  if (from < 0) return false;
  let name = -1;
  for (let k = from; k < tokens.length && tokens[k]!.start < f.subject.end; k++) {
    if (AUXILIARY.has(tokens[k]!.lower)) continue;
    if (name >= 0) return false;
    name = k;
  }
  if (name < 0) return false;
  const t = tokens[name]!;
  if (t.kind !== 'word' || !t.upper || singularNouns.has(t.lower) || singular.has(t.lower) || PERSON_TITLES.has(t.lower) || SUBJECT_PRONOUNS.has(t.lower)) return false;
  return namedInFullBefore(tokens, name);
}

/**
 * A person named by capitalised words that end right before token k ("Roberto Navas died",
 * "journalist Navas was killed"): two or more name words, or one after a title or a person noun;
 * not a place after a preposition ("in San Salvador"). Returns the name's first token, or -1.
 */
function personNameBefore(tokens: Doc['tokens'], k: number, sentence: number): number {
  let j = k - 1;
  let names = 0;
  while (j >= 0 && names < MAX_NAME_WORDS && tokens[j]!.sentence === sentence && tokens[j]!.kind === 'word' && tokens[j]!.upper) {
    const lower = tokens[j]!.lower;
    if (PERSON_TITLES.has(lower) || singularNouns.has(lower) || OBJECT_BOUNDARIES.has(lower) || STOP.has(lower) || DETERMINERS.has(lower)) break;
    names++;
    j--;
  }
  if (names === 0) return -1;
  // ("Mr. Torres was killed": a title's full stop.)
  if (j > 0 && tokens[j]!.text === '.' && tokens[j - 1]!.sentence === sentence && PERSON_TITLES.has(tokens[j - 1]!.lower)) return j - 1;
  const before = j >= 0 && tokens[j]!.sentence === sentence ? tokens[j]! : undefined;
  const titled = !!before && (PERSON_TITLES.has(before.lower) || singularNouns.has(before.lower));
  if (titled) return j;
  if (names < 2 || (before && OBJECT_BOUNDARIES.has(before.lower))) return -1;
  return j + 1;
}

function quantityBefore(tokens: Doc['tokens'], first: number): boolean {
  const t = tokens[first - 1];
  return !!t && t.kind === 'number';
}

/** "a policeman was shot dead", "killing a civilian", "shot him dead", "Mob kills thief": one death. */
function addSingularDeaths(doc: Doc, used: Set<number>, quantities: ReadonlyMap<number, Quantity>): void {
  const tokens = doc.tokens;
  // (The scan is a small loop and each casualty word is read by a function of its own: V8 optimises
  // the loop early and cheaply; the long function runs too seldom to need optimising.)
  // (Whether the document tells a crowd's event: read once, at the first killing noun, see nominalDeathsAt.)
  let crowd: boolean | undefined;
  for (const [from, to] of doc.scopedTokenRanges()) for (let i = from; i < to; i++) {
    if (KILLING_NOUNS.hasToken(tokens[i]!) && tokens[i + 1]?.lower === 'of' && !used.has(i)) {
      crowd ??= doc.triggers.some((t) => CROWD_EVENT.has(t.cls) && !t.irrealis);
      nominalDeathsAt(doc, i, used, quantities, crowd);
    }
    if (!kinds.opensAt(tokens[i]!)) continue;
    const m = kinds.matchAt(tokens, i);
    if (m) i = singularDeathAt(doc, i, m, used, quantities);
  }
}

/** Killing named as a noun before "of" and its dead: "the murder of a judge", "the assassination of Luis Galan". */
const KILLING_NOUNS = new WordSet(cues.killingNouns);
/** Before a killing noun: a deed charged, planned or attempted, no death of the event told ("charged with the murder of"). */
const KILLING_NOUN_NOT_DONE = new Set<string>(cues.killingNounNotDone);
/** Of those, the words of a killing done and now investigated, charged or deplored ("investigating the murder of"). */
const KILLING_NOUN_INQUIRY = new Set<string>(lexicon.singularDeaths.killingNounInquiry);
/** Of those, the words that blame someone for the killing: the "for" after them is no charge ("blamed X for the murder of"). */
const KILLING_NOUN_BLAME = new Set<string>(lexicon.singularDeaths.killingNounBlame);
/** Right before a killing noun (or its article): "held for", "charged with", "accused of". */
const KILLING_NOUN_CHARGE_BEFORE = new Set<string>(lexicon.singularDeaths.killingNounChargeBefore);
/** "held for the murder of", "charged with murder of": the killing is what someone is held or tried for. */
function chargedFor(tokens: Doc['tokens'], i: number): boolean {
  const before = DETERMINERS.has(lowerAt(tokens, i - 1)) ? i - 2 : i - 1;
  return KILLING_NOUN_CHARGE_BEFORE.has(lowerAt(tokens, before));
}
/**
 * The kind of a figure of deaths told only as what is investigated or charged ("the prosecutor
 * investigating the murder of a judge"): no death of an arrest or a statement, but the dead of an
 * event that is the killing itself (see extraction/assemble).
 */
export const TOLD_KILLED = 'killed-told';
/**
 * The kind of a figure of deaths told as the cause of what its sentence tells ("evacuees asked to
 * leave after the 16 November assassination of six Jesuits"): no death of that event, but the dead
 * of an event that is the killing itself, dated by the killing's own day (see extraction/assemble).
 */
export const CAUSE_KILLED = 'killed-cause';
const KILLING_NOUN_WINDOW = 12;
/** Words of forwardStop that before a killing noun tell a statement on it, unless the document tells a demonstration. */
const STATEMENT_ON_KILLING = new Set<string>(cues.statementOnKilling);

/**
 * "the murder of former defense minister Enrique Lopez Albujar", "the assassination of a judge",
 * "the murder of the six priests": a killing told as a noun counts its dead, one person or the count
 * after "of" (when no figure reads that count already). Not after a cause cue or a protest word ("condemned the
 * killing of"), nor a deed charged, planned or attempted ("charged with the murder of").
 * The figure has no subject: the same murder told again in another sentence counts once.
 */
function nominalDeathsAt(doc: Doc, i: number, used: Set<number>, quantities: ReadonlyMap<number, Quantity>, crowd: boolean): void {
  const tokens = doc.tokens;
  const sentence = tokens[i]!.sentence;
  if (tokens[i + 2]?.sentence !== sentence || negatedBefore(tokens, i, sentence)) return;
  // ("after the assassination of X", "following the killing of two traders": a killing told as the
  // cause of what the sentence tells; its dead are marked, for an event that is the killing itself.)
  let cause = causeBefore(tokens, i, sentence);
  let told = false;
  // ("condemned the murder of", "alarmed over the assassination of": in a document that tells no
  // demonstration or riot, a statement on the killing, which is the event told; with one, what it is about.)
  const statement = !crowd;
  const stops = (w: string) => FORWARD_STOP.has(w) && !(statement && STATEMENT_ON_KILLING.has(w));
  if (DETERMINERS.has(lowerAt(tokens, i - 1)) && tokens[i - 2]?.sentence === sentence && stops(tokens[i - 2]!.lower)) return;
  // ("investigating the murder of", "arrested for the assassination of": a killing done, told as
  // what is investigated or charged; its dead are marked, for an event that is the killing itself.)
  for (let k = i - 1; k >= 0 && k >= i - KILLING_NOUN_WINDOW && tokens[k]!.sentence === sentence; k--) {
    const w = tokens[k]!.lower;
    if (KILLING_NOUN_INQUIRY.has(w)) {
      // ("held for the murder of", "under investigation for the murder of": a charge, not the killing told.)
      // (But "blamed X for the murder of", "held X responsible for the murder of": what is blamed.)
      if (chargedFor(tokens, i) && !KILLING_NOUN_BLAME.has(w)) return;
      told = true;
      continue;
    }
    if (DEATH_CAUSE_CUES.has(w)) {
      cause = true;
      break;
    }
    if (KILLING_NOUN_NOT_DONE.has(w) || stops(w)) return;
    if (w === ';') break;
  }
  let at = i + 2;
  if (DETERMINERS.has(lowerAt(tokens, at)) && quantities.has(at + 1)) at++;
  const q = quantities.get(at);
  let value = 0;
  let end = -1;
  if (q) {
    // "the murder of the six Jesuits": the count, when it counts people and no figure reads it yet.
    let k = at + 1;
    while (k < tokens.length && tokens[k]!.start < q.end) k++;
    if (q.vague || tokens[k]?.sentence !== sentence || tokens[k]!.kind !== 'word' || countsThings(tokens, k) || doc.figures.some((f) => f.quantity.start === q.start)) return;
    value = q.value;
    end = k + 1;
    // "the murder of six Jesuit priests and their two employees": a second count joined to the first.
    const second = joinedCount(doc, tokens, end, sentence, quantities);
    if (second) {
      value += second.value;
      end = second.end;
    }
  } else {
    end = singularObjectEnd(tokens, at, sentence, quantities);
    // (No plural head follows: "the killing of the Jesuit priests" is no one priest.)
    if (end > 0 && pluralHeadAt(tokens, end, sentence)) end = -1;
    if (end < 0) end = personNameEnd(tokens, at, sentence);
    if (end < 0) return;
    value = 1;
    // "the murder of a priest and his maid", "the murders of a judge, a mayor, and two other
    // people", "the assassination of X and of Y": the others listed with the first.
    const more = listedWith(doc, tokens, at, end, sentence, quantities);
    if (more) {
      value += more.value;
      end = more.end;
    }
  }
  const start = tokens[i]!.start;
  const stop = tokens[end - 1]!.end;
  doc.figures.push(newFigure({ start, end: stop, text: doc.text.slice(start, stop), kind: cause ? CAUSE_KILLED : told ? TOLD_KILLED : 'killed', value, quantity: { start: tokens[at]!.start, end: tokens[at]!.end } }));
  used.add(i);
}

const MAX_HEAD_WORDS = 3;
/** Most people listed after the first one killed. */
const MAX_LISTED = 8;
/** Most capitalised words of a place or body after "of" in a listed person ("the governor of Antioquia"). */
const MAX_OF_WORDS = 3;

/**
 * After the first person killed, [from, end) ("a university professor", "Dr Teofilo Forero"), the
 * others listed with it: "and his wife", ", a policeman, and a pedestrian", ", his wife, and two other
 * people", "and of Gilda Flores". Each is one person (a singular noun phrase or a person named) or a
 * count of people; people joined by commas count only when an "and" closes the list, and a phrase with
 * "a"/"an" right after a person named is an apposition ("X, a teacher, and his wife": two). Returns how
 * many more and one past the last, or undefined.
 */
function listedWith(doc: Doc, tokens: Doc['tokens'], from: number, end: number, sentence: number, quantities: ReadonlyMap<number, Quantity>): { value: number; end: number } | undefined {
  let k = end;
  let value = 0;
  let pending = 0;
  let last = -1;
  let named = personNameEnd(tokens, from, sentence) === end;
  for (let n = 0; n < MAX_LISTED; n++) {
    // ("the governor of Antioquia": a place or a body after "of" belongs to the person.)
    if (tokens[k]?.lower === 'of' && tokens[k]!.sentence === sentence && tokens[k + 1]?.upper && tokens[k + 1]!.sentence === sentence) {
      let j = k + 1;
      while (j < k + 1 + MAX_OF_WORDS && tokens[j]?.sentence === sentence && tokens[j]!.kind === 'word' && tokens[j]!.upper && !singularNouns.has(tokens[j]!.lower)) j++;
      k = j;
    }
    const t = tokens[k];
    if (!t || t.sentence !== sentence) break;
    let and = false;
    if (t.text === ',') {
      k++;
      if (lowerAt(tokens, k) === 'and') {
        and = true;
        k++;
      }
    } else if (t.lower === 'and') {
      and = true;
      k++;
    } else break;
    if (and && lowerAt(tokens, k) === 'of') k++;
    if (tokens[k]?.sentence !== sentence) break;
    // (A person opens with an article, a possessive, a count, a person noun or a name: "and injured
    // his brother" joins a verb.)
    const opener = tokens[k]!;
    if (!(DETERMINERS.has(opener.lower) || singular.has(opener.lower) || opener.lower === 'another' || quantities.has(k) || singularNouns.has(opener.lower) || (opener.kind === 'word' && opener.upper))) break;
    const at = POSSESSIVES.has(lowerAt(tokens, k)) ? k + 1 : k;
    let v = 1;
    let e = -1;
    const q = quantities.get(at);
    if (q) {
      let j = at + 1;
      while (j < tokens.length && tokens[j]!.start < q.end) j++;
      if (q.vague || tokens[j]?.sentence !== sentence || tokens[j]!.kind !== 'word' || countsThings(tokens, j) || doc.figures.some((f) => f.quantity.start === q.start)) break;
      // ("two other people", "two of his bodyguards": up to the head.)
      while (j < at + 1 + MAX_HEAD_WORDS && tokens[j + 1]?.sentence === sentence && tokens[j + 1]!.kind === 'word' && !OBJECT_BOUNDARIES.has(tokens[j + 1]!.lower) && !STOP.has(tokens[j + 1]!.lower) && !RELATIVE_OPENERS.has(tokens[j + 1]!.lower)) j++;
      v = q.value;
      e = j + 1;
    } else {
      e = singularObjectEnd(tokens, at, sentence, quantities);
      if (e > 0 && pluralHeadAt(tokens, e, sentence)) e = -1;
      const nameEnd = personNameEnd(tokens, at, sentence);
      if (nameEnd > e) e = nameEnd;
      // ("X, a teacher, and his wife": "a teacher" is X.)
      if (e > 0 && !and && named && singular.has(lowerAt(tokens, at))) {
        k = e;
        named = false;
        continue;
      }
      named = e > 0 && e === nameEnd;
    }
    if (e < 0) break;
    if (and) {
      value += pending + v;
      pending = 0;
      last = e;
    } else pending += v;
    k = e;
  }
  return last > 0 ? { value, end: last } : undefined;
}

/**
 * After a counted phrase ending before token `from` ("six Jesuit priests"), a second count of people
 * joined by "and" ("and their two employees", "and two women"): its value and one past its first
 * word, or undefined.
 */
function joinedCount(doc: Doc, tokens: Doc['tokens'], from: number, sentence: number, quantities: ReadonlyMap<number, Quantity>): { value: number; end: number } | undefined {
  let k = from;
  while (k < from + MAX_HEAD_WORDS && tokens[k]?.sentence === sentence && tokens[k]!.kind === 'word' && tokens[k]!.lower !== 'and' && !OBJECT_BOUNDARIES.has(tokens[k]!.lower) && !STOP.has(tokens[k]!.lower) && !quantities.has(k)) k++;
  if (tokens[k]?.lower !== 'and' || tokens[k]!.sentence !== sentence) return undefined;
  k++;
  if (POSSESSIVES.has(lowerAt(tokens, k)) || DETERMINERS.has(lowerAt(tokens, k))) k++;
  const q = quantities.get(k);
  if (!q || q.vague) return undefined;
  let j = k + 1;
  while (j < tokens.length && tokens[j]!.start < q.end) j++;
  if (tokens[j]?.sentence !== sentence || tokens[j]!.kind !== 'word' || countsThings(tokens, j) || doc.figures.some((f) => f.quantity.start === q.start)) return undefined;
  return { value: q.value, end: j + 1 };
}

/** Tokens [from, to) are a person's name, titles before it: two or more capitalised words ("Deputy Prefect Carlos Soto"). */
function namedBetween(tokens: Doc['tokens'], from: number, to: number): boolean {
  if (to - from < 2) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || !t.upper || OBJECT_BOUNDARIES.has(t.lower) || STOP.has(t.lower) || DETERMINERS.has(t.lower)) return false;
  }
  return true;
}

/** Most words of a person's name and titles: "Former Defense Minister Enrique Lopez Albujar". */
const MAX_NAME_WORDS = 7;

/**
 * A person named by capitalised words that end the phrase (a comma, a stop, a preposition or the
 * sentence's end follows): two or more words ("Carlos Pizarro"), or one after a title ("Dr
 * Guerrero", "former minister Galan"), lower-case modifiers of the title before ("former defense
 * minister"). Returns one past the name, or -1.
 */
function personNameEnd(tokens: Doc['tokens'], at: number, sentence: number): number {
  let k = at;
  while (k < at + 3 && tokens[k]?.sentence === sentence && tokens[k]!.kind === 'word' && !tokens[k]!.upper && !OBJECT_BOUNDARIES.has(tokens[k]!.lower) && !STOP.has(tokens[k]!.lower)) k++;
  const first = k;
  let titled = k > at && (singularNouns.has(tokens[k - 1]!.lower) || PERSON_TITLES.has(tokens[k - 1]!.lower));
  let names = 0;
  while (k < first + MAX_NAME_WORDS && tokens[k]?.sentence === sentence) {
    const t = tokens[k]!;
    // ("Dr. Guerrero": a title's full stop.)
    if (t.text === '.' && k > first && PERSON_TITLES.has(tokens[k - 1]!.lower)) {
      k++;
      continue;
    }
    if (t.kind !== 'word' || !(t.upper || singularNouns.has(t.lower))) break;
    if (PERSON_TITLES.has(t.lower) || singularNouns.has(t.lower)) titled = true;
    else names++;
    k++;
  }
  if (names === 0 || (names === 1 && !titled)) return -1;
  return endsPhrase(tokens, k, sentence) ? k : -1;
}

/** A plural noun at token k, heading the phrase before it ("Jesuit priests", "union workers"). */
function pluralHeadAt(tokens: Doc['tokens'], k: number, sentence: number): boolean {
  const t = tokens[k];
  return !!t && t.sentence === sentence && t.kind === 'word' && !t.upper && /[^s]s$/.test(t.lower) && !OBJECT_BOUNDARIES.has(t.lower) && !STOP.has(t.lower);
}

/** Whether a noun phrase ends before token k: punctuation, a preposition or conjunction, or the sentence's end follows. */
function endsPhrase(tokens: Doc['tokens'], k: number, sentence: number): boolean {
  const after = tokens[k];
  return !after || after.sentence !== sentence || after.kind !== 'word' || OBJECT_BOUNDARIES.has(after.lower) || STOP.has(after.lower);
}

/**
 * Where a killing verb's object starts: right after it, or after a second violent verb joined to
 * it ("lynched and burned a suspect", "kills and burns a thief"), which shares the object.
 */
function objectStart(tokens: Doc['tokens'], kindEnd: number, sentence: number): number {
  const and = tokens[kindEnd];
  const verb = tokens[kindEnd + 1];
  if (and && verb && and.lower === 'and' && verb.sentence === sentence && VIOLENT_VERBS.has(verb.lower) && tokens[kindEnd + 2]?.sentence === sentence) return kindEnd + 2;
  return kindEnd;
}

/** Adds the death that the casualty word at i reports, if one; returns the last token read. */
function singularDeathAt(doc: Doc, i: number, m: PhraseMatch<string>, used: Set<number>, quantities: ReadonlyMap<number, Quantity>): number {
  const tokens = doc.tokens;
  const kindEnd = m.endToken;
  // "shot him dead", "hacked a trader to death": the one killed stands between verb and result.
  if (m.value === 'killed' && !used.has(i) && kindEnd === i + 1 && (tokens[i]!.lower === 'dead' || (tokens[i]!.lower === 'death' && tokens[i - 1]?.lower === 'to'))) {
    const objectEnd = tokens[i]!.lower === 'dead' ? i : i - 1;
    const sentence = tokens[i]!.sentence;
    for (let v = objectEnd - 2; v >= 0 && v >= objectEnd - 1 - MAX_NAME_WORDS && tokens[v]!.sentence === sentence; v--) {
      if (!VIOLENT_VERBS.has(tokens[v]!.lower)) continue;
      // (Or a person named: "stabbed Deputy Prefect Carlos Soto to death".)
      const object = singularObjectEnd(tokens, v + 1, sentence, quantities) === objectEnd || namedBetween(tokens, v + 1, objectEnd);
      if (object && !negatedBefore(tokens, v, sentence) && !priorDeed(tokens, v, sentence)) {
        const start = tokens[v]!.start;
        const end = tokens[i]!.end;
        doc.figures.push(newFigure({
          start, end, text: doc.text.slice(start, end), kind: 'killed', value: 1,
          quantity: { start: tokens[v + 1]!.start, end: tokens[v + 1]!.end },
          subject: { start: tokens[v + 1]!.start, end: tokens[objectEnd - 1]!.end },
        }));
        used.add(i);
      }
      break;
    }
    if (used.has(i)) return i;
  }
  let overlapsUsed = false;
  for (let k = i; k < kindEnd; k++) if (used.has(k)) overlapsUsed = true;
  // "The man later died in hospital", "Another person dies in a clan war", "he died": one who died.
  if (!overlapsUsed && DIED.has(tokens[i]!.lower) && kindEnd === i + 1) {
    const subject = diedSubject(tokens, i, tokens[i]!.sentence);
    if (subject) {
      const start = tokens[subject[0]]!.start;
      const end = tokens[i]!.end;
      doc.figures.push(newFigure({
        start, end, text: doc.text.slice(start, end), kind: 'killed', value: 1,
        quantity: { start, end: tokens[subject[1] - 1]!.end },
        subject: { start, end: tokens[subject[1] - 1]!.end },
        ...(subject[2] !== undefined ? { described: { start: tokens[subject[1] + 1]!.start, end: tokens[subject[2] - 1]!.end } } : {}),
      }));
      used.add(i);
      return i;
    }
  }
  if (m.value !== 'killed' || overlapsUsed || /^(deaths|death|toll|fatalities|fatality|lives|bodies|die|dies)$/.test(tokens[i]!.lower)) {
    return kindEnd - 1;
  }
  const sentence = tokens[i]!.sentence;
  if (isUnconfirmed(tokens, i) || negatedBefore(tokens, i, sentence)) {
    return kindEnd - 1;
  }
  // "Mob kills suspected thief", "killing a young boy": present tense, only with one person as object.
  if (PRESENT_KILL.has(tokens[i]!.lower) && kindEnd === i + 1) {
    const at = objectStart(tokens, kindEnd, sentence);
    const object = IRREALIS_BEFORE.has(lowerAt(tokens, i - 1)) || tokens[i - 1]?.lower === 'the' || priorDeed(tokens, i, sentence) ? -1 : singularObjectEnd(tokens, at, sentence, quantities);
    if (object > 0) {
      const start = tokens[i]!.start;
      const end = tokens[object - 1]!.end;
      doc.figures.push(newFigure({
        start, end, text: doc.text.slice(start, end), kind: 'killed', value: 1,
        quantity: { start: tokens[at]!.start, end: tokens[at]!.end },
        subject: { start: tokens[at]!.start, end },
      }));
      used.add(i);
    }
    return kindEnd - 1;
  }
  // Passive with a singular subject: "a police officer was killed", "a suspect is lynched",
  // "the IEBC coordinator was killed", "he was shot dead" (the verb's number says it is one).
  let first = -1;
  // ("is attacked and killed": the auxiliary of the first verb serves both.)
  const aux = SINGULAR_AUX.has(lowerAt(tokens, i - 1)) ? i - 1
    : SINGULAR_AUX.has(lowerAt(tokens, i - 2)) ? i - 2
    : tokens[i - 1]?.lower === 'and' && SINGULAR_AUX.has(lowerAt(tokens, i - 3)) ? i - 3
    : auxBeforeTime(tokens, i, sentence);
  // ("X and Y, a teacher, have been killed": "have been" is plural, whatever singular word stands before it.)
  const pluralBeen = aux >= 0 && tokens[aux]!.lower === 'been' && PLURAL_HAVE.has(lowerAt(tokens, aux - 1));
  if (aux >= 0 && !pluralBeen) {
    // ("Jose Perez, 65, was killed": the person's age between commas is no part of the subject.)
    const head = ageBefore(tokens, aux) ? aux - 3 : aux;
    // A subject closed by a comma ends in an apposition ("An official, Jane Doe, was killed", "A
    // man in Kaptet, in Marakwet East, was shot dead", "William Bendeck, director of a radio newscast in
    // the city of Monteria, was killed"): read past up to two commas, further back.
    const apposition = tokens[head - 1]?.text === ',';
    let commas = apposition ? 2 : 0;
    const reach = apposition ? APPOSITION_REACH : SUBJECT_REACH;
    for (let k = Math.min(i - 2, head - 1); k >= 0 && k >= Math.min(i - 2, head - 1) - reach && tokens[k]!.sentence === sentence; k--) {
      if ((singular.has(tokens[k]!.lower) || singularNouns.has(tokens[k]!.lower)) && (k === 0 || tokens[k - 1]!.sentence !== sentence || !/^(of|than)$/.test(tokens[k - 1]!.lower))) {
        first = k;
        break;
      }
      if (tokens[k]!.text === ',' && commas > 0) {
        commas--;
        continue;
      }
      if (tokens[k]!.text === ',' || STOP.has(tokens[k]!.lower)) break;
    }
    // No singular word near: the subject is the word before "was" or "has been" (a noun or a
    // pronoun, not a plural or a number: "the toll was", "five were").
    // ("have been" is plural, "had been" either: only "has been" says one.)
    const hasBeen = tokens[aux]!.lower === 'been' && tokens[aux - 1]?.lower === 'has';
    const subjectAt = hasBeen ? aux - 2 : head - 1;
    const subject = tokens[subjectAt];
    if (first < 0 && (hasBeen || tokens[aux]!.lower !== 'been') && subject && subject.sentence === sentence && subject.kind === 'word' && (!/s$/.test(subject.lower) || personNameBefore(tokens, subjectAt + 1, sentence) >= 0) && !SUBJECT_NOT_A_PERSON.has(subject.lower) && !notPeople.has(subject.lower)) {
      first = subjectAt;
    }
    // "former minister Enrique Lopez, who was murdered yesterday", "the judge, who was killed": the
    // relative pronoun's antecedent before its comma, a person named or a singular person noun.
    if (first < 0 && (hasBeen || tokens[aux]!.lower !== 'been') && RELATIVE_PRONOUNS.has(lowerAt(tokens, subjectAt)) && tokens[subjectAt - 1]?.text === ',' && tokens[subjectAt - 1]!.sentence === sentence) {
      const comma = subjectAt - 1;
      const named = personNameBefore(tokens, comma, sentence);
      const antecedent = named >= 0 ? named : singularNouns.has(lowerAt(tokens, comma - 1)) && tokens[comma - 1]!.sentence === sentence ? comma - 1 : -1;
      // (Not a death its clause names before: "justice for the death of their colleague, X, who was found
      // dead"; nor in a document that tells a crowd's event, whose cause it tells: "riots broke out in
      // the hometown of journalist X, who was killed in 1998".)
      if (antecedent >= 0 && !deathToldBefore(tokens, antecedent, sentence) && !doc.triggers.some((t) => CROWD_EVENT.has(t.cls) && !t.irrealis)) first = antecedent;
    }
  }
  // Passive with coordinated singular subjects: "a man and his son were killed" (two deaths).
  if (first < 0 && (PLURAL_AUX.has(tokens[i]!.lower) || PLURAL_AUX.has(lowerAt(tokens, i - 1)) || PLURAL_AUX.has(lowerAt(tokens, i - 2)))) {
    const people = coordinatedPeople(tokens, i, sentence);
    if (people) {
      const start = tokens[people.first]!.start;
      const end = tokens[kindEnd - 1]!.end;
      doc.figures.push(newFigure({
        start,
        end,
        text: doc.text.slice(start, end),
        kind: 'killed',
        value: people.count,
        quantity: { start, end: tokens[people.last]!.end },
        subject: { start, end: tokens[people.last]!.end },
      }));
      used.add(i);
      return kindEnd - 1;
    }
  }
  // A headline's passive without its auxiliary: "Policeman killed after ambush", "Suspected
  // Mungiki member killed at slum" (but not "Man killed his wife": a preposition or the end
  // follows; nor "relatives of a man beaten to death": the subject opens the sentence).
  if (first < 0 && aux < 0 && headlineSubject(tokens, i, sentence) && !PRESENT_KILL.has(tokens[i]!.lower) && !SINGULAR_AUX.has(tokens[i]!.lower) && !PLURAL_AUX.has(tokens[i]!.lower)) {
    // (The kind phrase may end in its preposition itself: "Soldier killed in Afrin".)
    const after = tokens[kindEnd];
    if (!after || after.sentence !== sentence || after.kind === 'punct' || OBJECT_BOUNDARIES.has(after.lower) || after.lower === 'following' || (kindEnd > i + 1 && OBJECT_BOUNDARIES.has(tokens[kindEnd - 1]!.lower))) first = i - 1;
  }
  // "protested after a pedestrian was killed": the death is the cause, not the event's.
  if (first >= 0 && causeBefore(tokens, first, sentence)) return kindEnd - 1;
  // Active with a singular object: "killed a civilian", "shot him dead", "shot dead suspected SLDF leader"
  const at = first < 0 ? objectStart(tokens, kindEnd, sentence) : kindEnd;
  const next = tokens[at];
  const noObject = kindEnd === i + 1 && NO_OBJECT.has(tokens[i]!.lower);
  let last = first < 0 && !noObject && !priorDeed(tokens, i, sentence) ? singularObjectEnd(tokens, at, sentence, quantities) : -1;
  // "who murdered Dr Guerrero", "gunmen killed Carlos Pizarro": a person named as the object.
  // (Not after a passive, "was killed Tuesday", nor a phrase ending in a preposition, "killed in El Salvador".)
  const passive = [i - 1, i - 2].some((k) => PLURAL_AUX.has(lowerAt(tokens, k)) || SINGULAR_AUX.has(lowerAt(tokens, k)));
  if (last < 0 && first < 0 && !noObject && !passive && !OBJECT_BOUNDARIES.has(tokens[kindEnd - 1]!.lower) && !priorDeed(tokens, i, sentence)) last = personNameEnd(tokens, at, sentence);
  if (first < 0 && last < 0) {
    return kindEnd - 1;
  }
  // "hacked to death a chief and his assistant": a second person joined to the object dies too.
  // (Only a noun phrase: "killed a man and injured his wife" joins a verb.)
  // "killed a professor, a policeman, and a pedestrian": the others listed with it die too.
  const more = first < 0 ? listedWith(doc, tokens, at, last, sentence, quantities) : undefined;
  const second = more ? more.end : -1;
  const startTok = first >= 0 ? first : i;
  const endTok = first >= 0 ? kindEnd : second > 0 ? second : last;
  const start = tokens[startTok]!.start;
  const end = tokens[endTok - 1]!.end;
  const qTok = first >= 0 ? first : at;
  doc.figures.push(newFigure({
    start,
    end,
    text: doc.text.slice(start, end),
    kind: 'killed',
    value: 1 + (more ? more.value : 0),
    quantity: { start: tokens[qTok]!.start, end: tokens[qTok]!.end },
    subject: first >= 0 ? { start: tokens[first]!.start, end: tokens[i - 1]!.end } : { start: next!.start, end: tokens[endTok - 1]!.end },
    // ("the men shouted slogans before her husband was killed": the death as a time, told again.)
    feared: first >= 0 && toldAsTime(tokens, first, sentence) ? true : undefined,
  }));
  used.add(i);
  return kindEnd - 1;
}

export const figureRecogniser: PipelineComponent = { name: 'figures', apply: recogniseFigures };
