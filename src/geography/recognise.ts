// Toponym recognition without a statistical tagger: one pass of a light word scanner over the text,
// longest gazetteer match over capitalised word n-grams (indexed by folded first word), then
// filters for people and organisations and for common words that only cues make places.
import { isWordCode, LOWERABLE, charClasses, hasAsciiDigit } from '../common/char-classes.js';
import { ARABIC_ARTICLES as ARABIC_ARTICLE_LIST, foldName, foldToken, skeletonKey } from './fold.js';
import { FEATURE_CODES } from './gazetteer-format.js';
import type { Gazetteer } from './gazetteer.js';
import { lookupTransliterated, type TransliterationIndex } from './transliteration.js';
// (Titles of a person: one list for every reader, locales/en/data/person-titles.json.)
import { PERSON_TITLES as TITLES, RANK_TITLES as PERSONAL_TITLES } from '../locales/en/person-titles.js';
import { NEAR_LAST_WORDS, nearBefore, nearLink } from '../locales/en/near-place.js';
import placeContext from '../locales/en/data/place-context.json' with { type: 'json' };
import letterCase from '../locales/en/data/letter-case.json' with { type: 'json' };
import functionWords from '../locales/en/data/function-words.json' with { type: 'json' };
import transliterationKeys from './data/transliteration-keys.json' with { type: 'json' };
import admin1UnitWords from '../locales/en/data/admin1-unit-words.json' with { type: 'json' };
import { alternation } from '../common/word-pattern.js';
import { asciiLowerBucket, WordFilter } from '../common/word-set.js';

// English words around place names: locales/en/data/place-context.json (its notes say what each list is for).
const WORDS = placeContext as Record<string, string[] | string>;
const set = (k: string) => new Set(WORDS[k] as string[]);
const CUES = set('cuesBefore');
const CUE_NOUNS = set('cueNounsBeforeOf');
const DIRECTIONS = set('directions');
const SUFFIX_ADMIN2 = set('placeSuffixAdmin2');
const SUFFIX_ADMIN1 = set('placeSuffixAdmin1');
const SUFFIX_CITY = set('placeSuffixCity');
/** Compass words English may write in lower case before a region's name ("west Hararge zone"). */
const COMPASS_WORDS = new Set<string>(letterCase.compassWords);
/** A region's unit word after its name ("zone", "province"). */
const isUnitWord = (w: string) => SUFFIX_ADMIN2.has(w) || SUFFIX_ADMIN1.has(w);
const SUFFIX_NEIGHBOURHOOD = set('placeSuffixNeighbourhood');
/** Lower-case words after a name that make it a site ("square", "bridge"): "the al Nour square" is the gazetteer's "Al Nour Square". */
const SITES_AFTER = set('sitesAfter');
const CONNECTORS = set('connectors');
const ORG_TAILS = set('orgTails');
const ORG_HEADS = set('orgHeads');
const SPEECH = set('speechVerbs');
const CALENDAR = set('calendarWords');
const NAME_PREFIXES = set('namePrefixes');
const QUARTER_PREFIXES = set('quarterPrefixes');
/** "the Albu Nimr tribe", "Albu Bali": words that open a tribe's name (place-context.json lineagePrefixes). */
const LINEAGE_PREFIXES = set('lineagePrefixes');
/** The lengths of the prefixes' last words ('albu', 'bu'), which a word must have to end one. */
const LINEAGE_LAST_LENGTHS = new Set([...LINEAGE_PREFIXES].map((w) => w.length - w.lastIndexOf(' ') - 1));
/** Words for a business before its name ("the restaurant Aziz Istanbul"): the name is no place. */
const BUSINESS_HEADS_BEFORE = set('businessHeadsBefore');
/** The lengths of those words: a word of another length is ruled out from the word arrays, with no word object made. */
const BUSINESS_HEAD_LENGTHS = new Set([...BUSINESS_HEADS_BEFORE].map((w) => w.length));
/** "FC Barcelona", "Real Madrid": words that open a club's name before its town's, in their exact case. */
const CLUB_PREFIXES = new Set(WORDS.clubPrefixes as string[]);
const NOT_PLACES = set('notPlaces');
const COMMON_NOUNS = set('commonNouns');
const RESIDENTS_AFTER = set('residentsAfter');
const ROUTES_AFTER = set('routesAfter');
const INSTITUTIONS_AFTER = set('institutionsAfter');
const SAINT_PREFIXES = set('saintPrefixes');
/** "'s church", "’s hospital": after a saint's name, a building, institution or feast named for the saint. */
const SAINT_BUILDING_AFTER = new RegExp(`^['’]s\\s+(?:${placeContext.saintBuildings.join('|')})\\b`, 'iu');
const INSTITUTION_MODIFIERS = set('institutionModifiers');
const AFTER_NAME = set('wordsAfterAName');
const CURRENCY_AFTER = set('currencyAfter');
const BOUNDARY_AFTER_PAIR = set('boundaryAfterPair');
const JOINED_ABBREVIATIONS = set('joinedAbbreviations');
const GENITIVE = set('genitiveLinks');
const ARTICLES = set('articles');
const PLACED_IN = set('placedInPrepositions');
/** Any article ("the", "an"): before a road named after a province ("an Akkar road"). */
const ANY_ARTICLE = new Set<string>(functionWords.articles);
const list = (k: string) => WORDS[k] as string[];

export interface Word {
  start: number;
  end: number;
  text: string;
  lower: string;
  /** First letter upper-case. */
  cap: boolean;
  /** Every letter upper-case (two letters or more). */
  allCaps: boolean;
  /** First word of a sentence (or of the text, a line, a quotation). */
  initial: boolean;
}

// Word characters: ASCII letters and digits from a table, other characters by Unicode class.
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;
function isWordChar(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : isWordCode(c);
}
function isUpperAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  // (c is NaN past the end of the text: not upper-case.)
  return c < 128 ? c >= 65 && c <= 90 : c === c && (charClasses(c) & LOWERABLE) !== 0;
}

/** Every letter upper-case and some letter cased, as `w === w.toUpperCase() && w !== w.toLowerCase()` says. */
function isAllCaps(text: string, start: number, end: number): boolean {
  let cased = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) {
      const w = text.slice(start, end);
      return w === w.toUpperCase() && w !== w.toLowerCase();
    }
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) cased = true;
  }
  return cased;
}

const CAP = 1;
const ALL_CAPS = 2;
const INITIAL = 4;

/** Words as offsets and flags; Word objects are made only for the words the recogniser looks at. */
export interface WordArrays {
  n: number;
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
}

/** WordArrays being filled: grows by doubling. */
class WordArraysBuilder implements WordArrays {
  n = 0;
  start: Int32Array;
  end: Int32Array;
  flags: Uint8Array;
  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.flags = new Uint8Array(capacity);
  }
  push(s0: number, s1: number, f: number): void {
    if (this.n === this.start.length) this.grow();
    this.start[this.n] = s0;
    this.end[this.n] = s1;
    this.flags[this.n] = f;
    this.n++;
  }
  private grow(): void {
    const capacity = this.start.length * 2;
    const s2 = new Int32Array(capacity);
    s2.set(this.start);
    this.start = s2;
    const e2 = new Int32Array(capacity);
    e2.set(this.end);
    this.end = e2;
    const f2 = new Uint8Array(capacity);
    f2.set(this.flags);
    this.flags = f2;
  }
}

/**
 * Words of the text from `from`: runs of letters and digits, with inner apostrophes ("Dar'a",
 * but not a possessive 's), initialisms ("U.S.", "D.C.") and "W.Va." kept whole.
 */
export function scanWordArrays(text: string, from = 0, ranges?: readonly TextRange[]): WordArrays {
  // (Sized for the characters read: a few short ranges of a long text need few words.)
  let length = text.length - from;
  if (ranges !== undefined) {
    length = 0;
    for (let r = 0; r < ranges.length; r++) length += Math.max(0, Math.min(ranges[r]![1], text.length) - Math.max(ranges[r]![0], from));
  }
  const out = new WordArraysBuilder(Math.max(16, (length >> 2) + 8));
  // (Small functions with plain loops: V8 optimises them early and cheaply.)
  if (ranges === undefined) scanRange(text, from, text.length, out);
  else {
    for (let r = 0; r < ranges.length; r++) {
      const range = ranges[r]!;
      // Each range reads as if the text began there: its first word starts a sentence.
      scanRange(text, Math.max(range[0], from), Math.min(range[1], text.length), out);
    }
  }
  return out;
}

function scanRange(text: string, first: number, len: number, out: WordArraysBuilder): void {
  let i = first;
  while (i < len) {
    // Skip to the next word character (ASCII by table; others by Unicode class, rarely).
    const c = text.charCodeAt(i);
    if (c < 128 ? ASCII_WORD[c] !== 1 : !isWordCode(c)) i++;
    else i = scanWord(text, i, first, len, out);
  }
}

/** Adds the word starting at s0 (a word character) and returns its end. */
function scanWord(text: string, s0: number, first: number, len: number, out: WordArraysBuilder): number {
  let j = wordEnd(text, s0 + 1, len);
  let f = 0;
  if (isUpperAt(text, s0)) {
    f = CAP;
    // "U.S.", "D.C.", "U.S.A." and "W.Va.": capital letters with dots.
    if (j + 1 < len && text.charCodeAt(j) === 46 && isUpperAt(text, j + 1)) j = initialismEnd(text, s0, j);
    if (j - s0 >= 2 && isAllCaps(text, s0, j)) f |= ALL_CAPS;
    const n = out.n;
    if (isSentenceStart(text, s0, first, n > 0 ? out.start[n - 1]! : -1, n > 0 ? out.end[n - 1]! : -1)) f |= INITIAL;
  }
  out.push(s0, j, f);
  return j;
}

/** End of a run of word characters from j, with inner apostrophes but not a possessive "'s". */
function wordEnd(text: string, j: number, len: number): number {
  for (;;) {
    while (j < len) {
      const d = text.charCodeAt(j);
      if (d < 128 ? ASCII_WORD[d] === 1 : isWordCode(d)) j++;
      else break;
    }
    // Inner apostrophe followed by letters ("Dar'a", "d'Ivoire"), except the possessive "'s".
    if (j + 1 >= len) return j;
    const a = text.charCodeAt(j);
    if ((a !== 39 && a !== 0x2019) || !isWordChar(text.charCodeAt(j + 1))) return j;
    const s1 = text.charCodeAt(j + 1);
    if ((s1 === 115 || s1 === 83) && (j + 2 >= len || !isWordChar(text.charCodeAt(j + 2)))) return j;
    j += 2;
  }
}

const INITIALISM = /^(?:(?:\p{Lu}\.){2,}|\p{Lu}\.\p{Lu}\p{Ll}+\.)/u;

function initialismEnd(text: string, s0: number, j: number): number {
  const m = INITIALISM.exec(text.slice(s0, s0 + 12));
  return m ? s0 + m[0].length : j;
}

/** Character offsets [start, end) of a stretch of the text to read. */
export type TextRange = readonly [number, number];

function makeWord(text: string, wa: WordArrays, i: number): Word {
  const w = text.slice(wa.start[i]!, wa.end[i]!);
  const f = wa.flags[i]!;
  return { start: wa.start[i]!, end: wa.end[i]!, text: w, lower: w.toLowerCase(), cap: (f & CAP) !== 0, allCaps: (f & ALL_CAPS) !== 0, initial: (f & INITIAL) !== 0 };
}

/** All words of the text as objects (for tests and tools; the recogniser makes them lazily). */
export function scanWords(text: string, from = 0): Word[] {
  const wa = scanWordArrays(text, from);
  const out: Word[] = [];
  for (let i = 0; i < wa.n; i++) out.push(makeWord(text, wa, i));
  return out;
}

/** Only spaces, quotes or brackets back to a sentence end, a line break or the start. */
function isSentenceStart(text: string, start: number, from: number, prevStart: number, prevEnd: number): boolean {
  let k = start - 1;
  while (k >= from) {
    const ch = text.charCodeAt(k);
    if (ch === 32 || ch === 9 || ch === 34 || ch === 39 || ch === 40 || ch === 91 || ch === 0x201c || ch === 0x2018 || ch === 0xa0) k--;
    else break;
  }
  if (k < from) return true;
  const ch = text[k]!;
  let initial = ch === '.' || ch === '!' || ch === '?' || ch === ':' || ch === '\n' || ch === '\r' || ch === ';' || ch === '—' || ch === '•';
  // "St. Louis", "U.S. forces": a dot after an abbreviation does not end a sentence.
  if (ch === '.' && prevStart >= 0 && prevEnd >= k) {
    const prevLen = prevEnd - prevStart;
    if (prevLen <= 2 || text.slice(prevStart, prevEnd).includes('.')) initial = false;
  }
  return initial;
}

// eslint-disable-next-line no-control-regex
const NEEDS_FOLDING = /[^\x00-\x7f]|['.]/;

/** A word's folded form: its lower case unless it has accents, apostrophes or dots. */
function foldWord(w: Word): string {
  return NEEDS_FOLDING.test(w.text) ? foldToken(w.text) : w.lower;
}

/** Lazy word objects over WordArrays: `get(i)` for 0 <= i < n, `at(i)` undefined out of range. */
class WordView {
  private readonly cache: (Word | undefined)[];
  constructor(private readonly text: string, readonly wa: WordArrays) {
    this.cache = new Array<Word | undefined>(wa.n);
  }
  get n(): number { return this.wa.n; }
  get(i: number): Word {
    return this.cache[i] ?? (this.cache[i] = makeWord(this.text, this.wa, i));
  }
  at(i: number): Word | undefined {
    return i >= 0 && i < this.wa.n ? this.get(i) : undefined;
  }
  isCap(i: number): boolean { return (this.wa.flags[i]! & CAP) !== 0; }
}

export interface Candidate {
  start: number;
  end: number;
  text: string;
  /** Folded name the gazetteer matched. */
  key: string;
  /** Gazetteer entries with this name. */
  entries: readonly number[];
  /** Entry (country or region) when the mention is a demonym ("Syrian", "Texan"). */
  demonym?: number;
  /** Index of the first and one past the last word. */
  w0: number;
  w1: number;
  /** "in X", "near X", "the city of X". */
  cue: boolean;
  /** Near-type cue ("near", "outside", "north of") for geo_precision. */
  near: boolean;
  /** The feature a suffix asks for ("X County" -> admin2, "X province" -> admin1, "X city" -> city). */
  want?: number;
  /** Index (in the candidate list) of the place named right after ", " ("Baragoi, Samburu"). */
  container?: number;
  /** Index of the place this one contains ("Samburu" in "Baragoi, Samburu"). */
  containerOf?: number;
  /** Index of the place named right after a near phrase ("Zemio" in "Selim near Zemio"): this one lies by it, in its country. */
  nearOf?: number;
  /** Single word that is also a common English word ("Reading", "Mobile"). */
  common: boolean;
  /** First name, not in a person context seen so far. */
  firstName: boolean;
  /** Abbreviation of a state after a comma ("La."). */
  abbreviation: boolean;
  /** In a list of places ("Harwinton, Bantam and Winsted"). */
  listed: boolean;
  /** Named as a part of its container: "the Kosovo area of Naivasha", "Kaldar district, Balkh" (only a reading inside it will do). */
  partOf: boolean;
  /** A capitalised word follows, joined: the name may be part of a longer one ("South West Shewa"). */
  nameGoesOn: boolean;
  /** Not a gazetteer name: read by its transliteration key as a place of the focus country ("Menbej"). */
  transliterated: boolean;
  /** A region found by its consonant skeleton ("East Hararge Zone" for East Harerghe Zone): kept only where the text's other places agree. */
  skeleton: boolean;
  /** Named as a quarter of a city ("the Escalon neighborhood"): no town abroad, and no vote for a country. */
  neighbourhood: boolean;
  /** Named before a road word after "the" ("the Zahle roundabout"): a place when a town of some size bears the name. */
  road: boolean;
  /** Named by compass words only ("North Central", "South West"): a region of that name is in many countries. */
  compass?: boolean;
}

type CandidateInit = Pick<Candidate, 'start' | 'end' | 'text' | 'key' | 'entries' | 'w0' | 'w1' | 'cue' | 'near' | 'common' | 'firstName'> & Partial<Candidate>;

/** Every candidate gets every field, in one order: one object shape, which V8's optimised code relies on. */
function newCandidate(c: CandidateInit): Candidate {
  return {
    start: c.start, end: c.end, text: c.text, key: c.key, entries: c.entries, demonym: c.demonym, w0: c.w0, w1: c.w1,
    cue: c.cue, near: c.near, want: c.want, container: c.container, containerOf: c.containerOf, nearOf: c.nearOf, common: c.common,
    firstName: c.firstName, abbreviation: c.abbreviation ?? false, listed: c.listed ?? false, partOf: c.partOf ?? false, nameGoesOn: c.nameGoesOn ?? false,
    transliterated: c.transliterated ?? false,
    skeleton: c.skeleton ?? false,
    neighbourhood: c.neighbourhood ?? false,
    road: c.road ?? false,
  };
}

const ELIDED = /^[dl]['’]\p{Lu}/u;

const UNIT_GAP = /^(?: \([^)]{1,40}\))? (\p{Ll}+), $/u;

/** Words for a part of a place ("area", "quarter", "village"): see partOfNouns. */
const PART_OF_NOUNS = new Set(list('partOfNouns'));
const NAME_LINKS = new Set(list('nameLinks'));
const NAME_GOES_ON_LINKS = new Set(list('nameGoesOnLinks'));
/** " area of ", " village of the ": a part of the place that follows (partOfNouns, partOfLinks). */
// (One lower-case word may stand before the second name: "Anet town in the disputed Abyei area".)
const PART_OF_GAP = new RegExp(`^ (?:${alternation(list('partOfNouns'))}) (?:${alternation(list('partOfLinks'))})(?: \\p{Ll}+)? $`, 'u');

/** "'s entrances": a possessive, then a lower-case word (read against cueNounsBeforeOf and partOfNouns). */
const POSSESSIVE_PART = /^['’]s\s+(\p{Ll}+)/u;
/** " town of ", " border village of ": after a nationality, words for a settlement of its country (demonymTownNouns). */
const DEMONYM_TOWN_GAP = new RegExp(`^ (?:${alternation(list('demonymTownNouns'))}) (?:${alternation(list('genitiveLinks'))}) $`);
/** " in ": a place in the region that follows, when that is named with its unit word (inRegionLinks). */
const IN_REGION_GAP = new RegExp(`^ (?:${alternation(list('inRegionLinks'))}) $`);

const LIST_GAP = new RegExp(`^(?:,\\s|,?\\s(?:${alternation(list('listConjunctions'))})\\s|\\s?\\/\\s?|-)$`);

/**
 * After a name, the rest of a comma list of capitalised names that a conjunction closes (", Biki,
 * and Girloom"): the name is one of the list, not the region of the name before it.
 */
const LIST_GOES_ON = new RegExp(`^(?:,\\s\\p{Lu}[\\p{L}'’-]*(?:\\s\\p{Lu}[\\p{L}'’-]*){0,2})+,?\\s(?:${alternation(list('listConjunctions'))})\\s\\p{Lu}`, 'u');
/** How far after a name LIST_GOES_ON is looked for. */
const LIST_GOES_ON_LENGTH = 120;

/** Whether a comma list of names that a conjunction closes goes on after `end` (", Biki, and Girloom"). */
export function listGoesOn(text: string, end: number): boolean {
  return LIST_GOES_ON.test(text.slice(end, end + LIST_GOES_ON_LENGTH));
}

function joinable(text: string, a: Word, b: Word): boolean {
  const gap = b.start - a.end;
  if (gap === 1) {
    const c = text.charCodeAt(a.end);
    return c === 32 || c === 45 || c === 0xa0 || c === 0x2010 || c === 0x2011;
  }
  // "St. Louis", "Ft. Worth", "Mt. Kenya"
  if (gap === 2 && text[a.end] === '.' && text[a.end + 1] === ' ') return JOINED_ABBREVIATIONS.has(a.lower);
  return false;
}

/** Transliterations of the Arabic article (fold.ts ARABIC_ARTICLES). */
const ARABIC_ARTICLES = new Set(ARABIC_ARTICLE_LIST);

/**
 * The folded article when word i is preceded by an Arabic article and a hyphen ("al-Bab", and in
 * headline case "Al-Raqqah"; an article in capitals, "AL-", is left alone).
 */
function articleBefore(text: string, words: WordView, i: number): string | undefined {
  // (The gap first, from the word arrays: most words follow no hyphen, and no word object is made.)
  if (i < 1 || i >= words.n || !hyphenBefore(text, words.wa, i)) return undefined;
  const prev = words.get(i - 1);
  return prev.allCaps || !ARABIC_ARTICLES.has(prev.lower) ? undefined : prev.text;
}

/** Whether word i (0 < i < n) follows word i - 1 after a hyphen alone ('-', U+2010 or U+2011). */
function hyphenBefore(text: string, wa: WordArrays, i: number): boolean {
  const gap = wa.end[i - 1]!;
  if (wa.start[i]! !== gap + 1) return false;
  const c = text.charCodeAt(gap);
  return c === 45 || c === 0x2010 || c === 0x2011;
}

/** Whether word i (0 < i < n) follows word i - 1 after one space alone. */
function spaceBefore(text: string, wa: WordArrays, i: number): boolean {
  const gap = wa.end[i - 1]!;
  return wa.start[i]! === gap + 1 && text.charCodeAt(gap) === 32;
}

/** Arabic articles written lower-case and apart from the name ("in el Hermel"): transliteration-keys.json, Arabic spacedArticles. */
const SPACED_ARABIC_ARTICLES = new Set(transliterationKeys.scripts.Arabic.spacedArticles);

/**
 * The folded article when word i, a name the gazetteer knows (folded f0), follows a lower-case
 * Arabic article and one space ("el Mina", "ech Choueifat"): read with the name, as a hyphened one is.
 */
function spacedArticleBefore(gaz: Gazetteer, text: string, words: WordView, i: number, f0: string): string | undefined {
  // (The flag and the gap first, from the word arrays: no word object is made for most words.)
  if (i < 1 || i >= words.n || (words.wa.flags[i - 1]! & CAP) !== 0 || !spaceBefore(text, words.wa, i)) return undefined;
  const prev = words.get(i - 1);
  if (!SPACED_ARABIC_ARTICLES.has(prev.lower)) return undefined;
  // Inside a longer name ("Sahlat al Banat", "Bab al Faraj") the article is that name's, as before.
  const before = words.at(i - 2);
  if (before && before.cap && joinable(text, before, prev)) return undefined;
  return gaz.has(prev.lower + ' ' + f0) || gaz.has(f0) ? prev.lower : undefined;
}

/**
 * Whether word i is a lower-case linking word of `links` joined to the word before it and followed,
 * joined, by a capitalised word: the name before it goes on ("Bab al Faraj", "Ras el-Ain" with the
 * Arabic articles; "Dara i Sufi Bala" with the Persian ezafe).
 */
function linkGoesOn(text: string, words: WordView, i: number, links: ReadonlySet<string>): boolean {
  const link = words.at(i);
  const next = words.at(i + 1);
  if (!link || !next || link.cap || !links.has(link.lower) || !next.cap || next.allCaps) return false;
  const prev = words.at(i - 1);
  return prev !== undefined && joinable(text, prev, link) && joinable(text, link, next);
}

const articleGoesOn = (text: string, words: WordView, i: number) => linkGoesOn(text, words, i, ARABIC_ARTICLES);

/** A day of the month written in figures ("8", "21st"). */
const DAY_NUMBER = new RegExp(`^(?:[1-9]|[12]\\d|3[01])(?:${alternation(list('ordinalSuffixes'))})?$`, 'i');

function followsComma(text: string, a: Word, b: Word): boolean {
  const gap = text.slice(a.end, b.start);
  return gap === ', ' || gap === ',' || gap === '., ';
}

// (Look-ups for recognise's word loop, as functions of their own: a closure there over the loop's
// candidate would make V8 allocate the loop body's scope at every word.)
/** Whether one of the entries has this feature code. */
function someOfFeature(gaz: Gazetteer, entries: readonly number[], feature: number): boolean {
  for (const e of entries) if (gaz.feature(e) === feature) return true;
  return false;
}

/** Each country's words for its first-level units (ISO2 -> words), locale data. */
const ADMIN1_UNIT_WORDS = new Map<string, ReadonlySet<string>>(Object.entries(admin1UnitWords.byCountry).map(([cc, ws]) => [cc, new Set(ws)]));

/**
 * The entries of a name written with a first-level unit word ("Bolivar state") that lie in countries
 * whose regions bear that word, when a namesake region lies in a country whose regions bear other
 * words (Colombia's departments); undefined when no such choice is made (countries not listed keep
 * every reading), or when `held`, the readings of a place named right before it, lie in a region
 * the word would drop.
 */
function entriesOfUnitWord(gaz: Gazetteer, entries: readonly number[], unit: string, held: readonly number[] | undefined): number[] | undefined {
  let fits = false;
  let excluded = false;
  const excludes = (e: number): boolean => {
    const words = ADMIN1_UNIT_WORDS.get(gaz.entry(e).countryCode);
    return words !== undefined && !words.has(unit);
  };
  for (const e of entries) {
    if (gaz.feature(e) !== FEATURE_CODES.admin1) continue;
    if (excludes(e)) excluded = true;
    else if (ADMIN1_UNIT_WORDS.get(gaz.entry(e).countryCode)?.has(unit)) fits = true;
  }
  if (!fits || !excluded) return undefined;
  if (held !== undefined) {
    for (const e of entries) {
      if (gaz.feature(e) !== FEATURE_CODES.admin1 || !excludes(e)) continue;
      if (held.some((h) => h !== e && gaz.countryIndex(h) === gaz.countryIndex(e) && gaz.admin1Index(h) === gaz.admin1Index(e))) return undefined;
    }
  }
  return entries.filter((e) => !excludes(e));
}

/** Whether one of the entries is a first-level region of a country whose first-level unit word is `unit` ("Kwale County", Kenya's). */
function firstLevelUnitOf(gaz: Gazetteer, entries: readonly number[], unit: string): boolean {
  for (const e of entries) if (gaz.feature(e) === FEATURE_CODES.admin1 && ADMIN1_UNIT_WORDS.get(gaz.entry(e).countryCode)?.has(unit)) return true;
  return false;
}

/** Whether the two lists of entries share one. */
function sharesAny(a: readonly number[], b: readonly number[]): boolean {
  for (const e of a) if (b.includes(e)) return true;
  return false;
}

/**
 * The names the gazetteer lacks that readings without a focus country met (see recognise), by their
 * keys. Read only when asked: most texts never ask, their story's country being written in Latin
 * letters, so a reading keeps only where each such name starts and reads the names on the first ask.
 */
export class UnknownNames {
  private readonly readings: (() => readonly string[])[] = [];
  /** Adds a reading's names: `read` gives their keys, in text order. */
  add(read: () => readonly string[]): void {
    this.readings.push(read);
  }
  /** Whether a name passes the test (names read reading by reading, in text order, until one does). */
  some(test: (key: string) => boolean): boolean {
    for (const read of this.readings) if (read().some(test)) return true;
    return false;
  }
}

/**
 * Candidate toponyms in `text` (from offset `from`), sorted by start, with the cues and
 * filters the resolver needs. People ("John Kirby", "Jordan Peterson") and organisations
 * ("Washington Post") are dropped here.
 * Without a focus country, `unknownNames` (when given) is told of every name the gazetteer lacks that
 * a focus country's spellings would be asked for: when a country's transliteration index holds none
 * of them, a reading with that country's spellings gives the same candidates.
 */
export function recognise(gaz: Gazetteer, text: string, from = 0, ranges?: readonly TextRange[], focus?: TransliterationIndex, unknownNames?: UnknownNames): Candidate[] {
  const words = new WordView(text, scanWordArrays(text, from, ranges));
  const n = words.n;
  const folds: (string | undefined)[] = new Array(n);
  const fold = (i: number) => folds[i] ?? (folds[i] = foldWord(words.get(i)));

  // People: words right after a first name or a title ("John Kirby", "Gov. Perdue"), so that a
  // later "Kirby said" is not a place either.
  const personWords = new Set<string>();
  // (The loops over every word test the flags in place: a method call per word costs more, since the
  // CLI runs V8 without inlining.)
  const flags = words.wa.flags;
  for (let i = 0; i + 1 < n; i++) {
    if ((flags[i + 1]! & CAP) === 0) continue;
    if ((flags[i]! & CAP) === 0) {
      // "col Ponce", "president Duarte" (text read from capitals writes titles in lower case): a
      // rank or calling, never a place's office, makes the next name a person's, even where a
      // province bears it; a country stays a place.
      // (Most words are told apart from the titles by the filter, without making the word.)
      if (!mayBeRankTitle(text, words.wa.start[i]!, words.wa.end[i]!)) continue;
      const a = words.get(i);
      const b = words.get(i + 1);
      if (PERSONAL_TITLES.has(a.lower) && !b.allCaps && (text.slice(a.end, b.start) === ' ' || text.slice(a.end, b.start) === '. ')) {
        const f = fold(i + 1);
        if (!gaz.demonyms.has(f) && !isCountry(gaz, f)) personWords.add(f);
      }
      continue;
    }
    const a = words.get(i);
    const b = words.get(i + 1);
    if (!a.cap || !b.cap || a.allCaps || b.allCaps) continue;
    const gap = text.slice(a.end, b.start);
    const isTitle = TITLES.has(a.lower) && (gap === ' ' || gap === '. ');
    // ("Al Gedaref", "El Fasher": an Arabic article before a place's name is no first name.)
    const article = ARABIC_ARTICLES.has(a.lower) && gaz.has(fold(i + 1));
    if ((gap === ' ' && gaz.firstNames.has(a.lower) && !article && !gaz.has(a.lower + ' ' + fold(i + 1))) || isTitle) {
      const f = fold(i + 1);
      if (!gaz.demonyms.has(f) && !(PERSONAL_TITLES.has(a.lower) ? isCountry(gaz, f) : isCountryish(gaz, f))) personWords.add(f);
      // "John Henry Smith": after a middle name (itself a first name) comes the surname.
      const j = i + 2;
      if (j < n && words.isCap(j) && gaz.firstNames.has(b.lower) && text.slice(b.end, words.get(j).start) === ' ') {
        const fj = fold(j);
        if (!isCountryish(gaz, fj)) personWords.add(fj);
      }
    }
  }

  const out: Candidate[] = [];
  // (Where the names the gazetteer lacks start, for unknownNames: read when it asks.)
  const unknownAt: number[] | undefined = focus === undefined && unknownNames !== undefined ? [] : undefined;
  // A name the gazetteer lacks, read by its transliteration key among the focus country's names:
  // the index of the last word it takes (i itself when none).
  const transliterated = (i: number): number => {
    if (focus === undefined) {
      unknownAt?.push(i);
      return i;
    }
    const c = transliteratedCandidate(gaz, text, words, i, personWords, fold, focus);
    if (c === undefined) return i;
    out.push(c);
    return c.w1 - 1;
  };
  // A capitalised word that starts no name the gazetteer knows: the index of the last word read.
  // "Ghadir al Bostan": a first word of place names (not a name itself), an Arabic article and a name
  // are one unknown place, not the name after the article (no Bostan of Iran); "Residencial Los
  // Lagos": the capitalised words after a word for a city quarter are the rest of the quarter's name
  // (no Los Lagos of Chile).
  const unknownNameRead = (i: number): number => {
    const read = transliterated(i);
    if (read !== i) return read;
    const lower = words.get(i).lower;
    if (NAME_PREFIXES.has(lower) && articleGoesOn(text, words, i + 1)) return i + 2;
    let j = i;
    if (QUARTER_PREFIXES.has(lower)) while (j + 1 < n && words.isCap(j + 1) && !words.get(j + 1).allCaps && joinable(text, words.get(j), words.get(j + 1))) j++;
    return j;
  };
  for (let i = 0; i < n; i++) {
    if ((flags[i]! & CAP) === 0) continue;
    const w = words.get(i);
    // "the restaurant Aziz Istanbul", "the Hotel Splendid": the capitalised words right after a word
    // for a business are its name, no place of their own.
    // (The length first, from the word arrays: the word before is not made for every capitalised word.)
    if (i > 0 && BUSINESS_HEAD_LENGTHS.has(words.wa.end[i - 1]! - words.wa.start[i - 1]!) && BUSINESS_HEADS_BEFORE.has(words.get(i - 1).lower) && !w.allCaps && joinable(text, words.get(i - 1), w)) {
      while (i + 1 < n && (flags[i + 1]! & CAP) !== 0 && !words.get(i + 1).allCaps && joinable(text, words.get(i), words.get(i + 1))) i++;
      continue;
    }
    const f0 = fold(i);
    // "(Rajouri district, J&K)": two initials joined by an ampersand, the next word the second, are
    // one abbreviation, read as a state's where it ends a bracket.
    if (text.charCodeAt(w.end) === 38 && words.at(i + 1)?.start === w.end + 1) {
      const joined = INITIALS_AND.exec(text.slice(w.start, w.start + 4));
      const bracketed = joined ? bracketAbbreviation(gaz, text, { start: w.start, end: w.start + 3, text: joined[0] }, out[out.length - 1]?.end) : undefined;
      if (joined && bracketed !== undefined) {
        out.push(newCandidate({ start: w.start, end: w.start + 3, text: joined[0], key: foldName(joined[0]), entries: [bracketed], w0: i, w1: i + 2, cue: true, near: false, common: false, firstName: false, abbreviation: true }));
        i++;
        continue;
      }
    }
    const maxWords = gaz.maxWords(f0);
    if (maxWords === undefined) {
      // "D.C.", "S.C.", "W.Va.": dotted state abbreviations name their state anywhere.
      if (w.text.length > 3 && w.text.indexOf('.') < w.text.length - 1 && w.text.includes('.')) {
        const e = gaz.abbreviations.get(f0);
        if (e !== undefined) {
          out.push(newCandidate({ start: w.start, end: w.end, text: w.text, key: f0, entries: [e], w0: i, w1: i + 1, cue: true, near: false, common: false, firstName: false, abbreviation: true }));
          continue;
        }
      }
      // "(Salem, TN)", "(UP)": a state's abbreviation as the last name inside brackets.
      const bracketed = bracketAbbreviation(gaz, text, w, out[out.length - 1]?.end);
      if (bracketed !== undefined) {
        out.push(newCandidate({ start: w.start, end: w.end, text: w.text, key: f0, entries: [bracketed], w0: i, w1: i + 1, cue: true, near: false, common: false, firstName: false, abbreviation: true }));
        continue;
      }
      i = unknownNameRead(i);
      continue;
    }
    let key = f0;
    let bestEnd = gaz.has(f0) || gaz.demonyms.has(f0) ? i : -1;
    let bestKey = f0;
    // "al-Bab", "ad-Dana", "ash-Shaddadi": a lower-case Arabic article hyphened to the name is part
    // of it; the name with its article is tried first ("al bab" is a town in Syria, "bab" one in Slovakia).
    const article = articleBefore(text, words, i) ?? spacedArticleBefore(gaz, text, words, i, f0);
    if (article && gaz.has(article + ' ' + f0)) bestKey = article + ' ' + f0;
    for (let j = i + 1; j < n && j - i < maxWords; j++) {
      const wj = words.get(j);
      if (!joinable(text, words.get(j - 1), wj)) break;
      // Lower-case words inside names: "Bosnia and Herzegovina", "Côte d'Ivoire", "Port-au-Prince".
      // (And a region's name written with its later words in lower case before its unit word:
      // "Kellem wellega zone", "Misraq shewa zone", as notes typed in haste write them.)
      const lowerInName = !wj.cap && j + 1 < n && isUnitWord(words.get(j + 1).lower) && joinable(text, wj, words.get(j + 1)) && gaz.has(key + ' ' + fold(j));
      // (And a site's head word typed in lower case after its name, where the gazetteer knows the
      // site under its whole name: "the al Nour square" is Al Nour Square.)
      const lowerSite = !wj.cap && SITES_AFTER.has(wj.lower) && (gaz.has(key + ' ' + fold(j)) || (article !== undefined && gaz.has(article + ' ' + key + ' ' + fold(j))));
      if (!wj.cap && !lowerInName && !lowerSite && !CONNECTORS.has(wj.lower) && !ELIDED.test(wj.text)) break;
      key += ' ' + fold(j);
      if ((wj.cap || lowerInName || lowerSite) && (gaz.has(key) || gaz.demonyms.has(key))) {
        bestEnd = j;
        bestKey = key;
      }
      if ((wj.cap || lowerSite) && article && gaz.has(article + ' ' + key)) {
        bestEnd = j;
        bestKey = article + ' ' + key;
      }
    }
    if (bestEnd < 0 && article && gaz.has(article + ' ' + f0)) bestEnd = i;
    if (bestEnd < 0) {
      i = unknownNameRead(i);
      continue;
    }
    // "Al-Raqqah", "Al-Quneitra": an article alone, hyphened to a name, is read with that name
    // (articleBefore), not as a place of its own nor as the start of an unknown one.
    if (bestEnd === i && !w.allCaps && ARABIC_ARTICLES.has(w.lower) && articleBefore(text, words, i + 1) !== undefined && words.isCap(i + 1)) continue;
    // "west Hararge zone", "east Wollega zone": a compass word typed in lower case before a district's
    // name and its unit word is the first word of the name when the gazetteer knows the two as one.
    // (Only before a district's unit word: "northern Sumatra province" is the north of Sumatra.)
    let first = i;
    if (i > 0 && !article && bestEnd + 1 < n && SUFFIX_ADMIN2.has(words.get(bestEnd + 1).lower)) {
      const before = words.get(i - 1);
      if (!before.cap && COMPASS_WORDS.has(before.lower) && joinable(text, before, w) && gaz.has(`${before.lower} ${bestKey}`)) {
        first = i - 1;
        bestKey = `${before.lower} ${bestKey}`;
      }
    }
    const c = makeCandidate(gaz, text, words, first, bestEnd, bestKey, personWords, fold, article ? 1 : 0);
    const c0 = i;
    i = bestEnd;
    if (c === NOT_A_PLACE) {
      // The rest of a person's or organisation's name is not a place either ("Washington Post"),
      // nor the rest of an unknown place's name after a prefix and an Arabic article ("Bab al Faraj").
      if (bestEnd === c0 && NAME_PREFIXES.has(w.lower) && articleGoesOn(text, words, i + 1)) i += 2;
      else if (linkGoesOn(text, words, i + 1, NAME_GOES_ON_LINKS)) i += 2;
      while (i + 1 < n && words.isCap(i + 1) && joinable(text, words.get(i), words.get(i + 1))) i++;
      continue;
    }
    if (!c) continue;
    // A number hyphened to the name is part of it: "Zolote-4", a numbered part of the place.
    const numbered = words.at(c.w1);
    if (numbered && numbered.start === c.end + 1 && text.charCodeAt(c.end) === 45 && numbered.text.length <= 2 && /^[0-9]+$/.test(numbered.text)) {
      c.end = numbered.end;
      c.text = text.slice(c.start, c.end);
    }
    // A place suffix after the name: "Nangarhar Province", "Rapides parish".
    const next = words.at(c.w1);
    if (next && joinable(text, words.get(c.w1 - 1), next)) {
      let want = SUFFIX_ADMIN2.has(next.lower) ? FEATURE_CODES.admin2 : SUFFIX_ADMIN1.has(next.lower) ? FEATURE_CODES.admin1 : SUFFIX_CITY.has(next.lower) ? FEATURE_CODES.city : undefined;
      // "Kwale county": a unit word that is the first-level unit of a country whose region bears the
      // name with it (Kenya's and Liberia's counties) asks for that region, not a district.
      if (want === FEATURE_CODES.admin2 && firstLevelUnitOf(gaz, c.entries, next.lower)) want = FEATURE_CODES.admin1;
      // "Somali Region", "the Somali state": a region named like a people is the region, not the
      // people's country, when the gazetteer knows a region of that name.
      if (want === FEATURE_CODES.admin1 && c.demonym !== undefined && someOfFeature(gaz, c.entries, FEATURE_CODES.admin1)) c.demonym = undefined;
      if (want !== undefined && c.demonym === undefined) {
        c.want = want;
        // "Bale zone": a district known only by its name with its unit word ("Bale" alone is another place).
        // (Not one the name alone reaches too: "Poonch district" may be India's Poonch as well as Pakistan's.)
        if (!next.cap) {
          const key = `${c.key} ${next.lower}`;
          const withUnit = gaz.lookup(key);
          // (The key goes with the entries: readings are cached by key.)
          if (withUnit !== undefined && !sharesAny(withUnit, c.entries)) {
            c.entries = [...withUnit];
            c.key = key;
          }
        }
        // "Bolivar state": a first-level region named in several countries is read in those whose
        // regions bear that unit word (Venezuela's states, not Colombia's departments).
        // (Not when the place named right before, "Cartagena, Bolivar state", lies in a region the word
        // would drop: the text's own chain of places outweighs a loosely used unit word.)
        if (want === FEATURE_CODES.admin1) {
          const prev = out.length > 0 ? out[out.length - 1]! : undefined;
          const held = prev !== undefined && text.slice(prev.end, c.start) === ', ' ? prev.entries : undefined;
          const kept = entriesOfUnitWord(gaz, c.entries, next.lower, held);
          if (kept !== undefined) {
            c.entries = kept;
            c.key = `${c.key} ${next.lower}`;
          }
        }
        if (next.cap) {
          c.end = next.end;
          c.text = text.slice(c.start, c.end);
          c.w1++;
          i = c.w1 - 1;
        }
      }
      if (c.demonym === undefined && SUFFIX_NEIGHBOURHOOD.has(next.lower)) c.neighbourhood = true;
    }
    // "Alexandria, La.": a state abbreviation after a comma.
    const after = words.at(c.w1);
    if (after && c.demonym === undefined && followsComma(text, words.get(c.w1 - 1), after)) {
      const ab = abbreviationAt(gaz, text, words, c.w1);
      if (ab) {
        out.push(c);
        c.container = out.length;
        out.push(newCandidate({ start: after.start, end: ab.end, text: text.slice(after.start, ab.end), key: ab.key, entries: [ab.entry], w0: c.w1, w1: ab.w1, cue: true, near: false, containerOf: out.length - 1, common: false, firstName: false, abbreviation: true }));
        i = ab.w1 - 1;
        continue;
      }
    }
    out.push(c);
  }

  if (unknownAt !== undefined && unknownAt.length > 0) {
    unknownNames!.add(() => {
      const keys: string[] = [];
      for (const i of unknownAt) {
        const name = unknownName(gaz, text, words, i, personWords, fold);
        if (name) keys.push(name.key);
      }
      return keys;
    });
  }
  addRegionsBySkeleton(gaz, text, words, out, fold);
  markPlacesOfResidentsAndInstitutions(text, words, out);
  dropAliasesOfUnknownUnits(text, words, out);
  markContainersOfUnknownPlaces(text, words, out);

  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1]!;
    // "the Ethiopian town of Zalambesa": a town a nationality introduces lies in its country, as in a
    // region named after it ("Zalambesa, Ethiopia").
    if (a.demonym !== undefined && b.demonym === undefined && b.container === undefined && DEMONYM_TOWN_GAP.test(text.slice(a.end, b.start))) {
      b.container = k;
      continue;
    }
    if (b.demonym !== undefined || a.demonym !== undefined) continue;
    // "Harwinton, Bantam, Litchfield and Winsted": names in a list of places support each other.
    const gap = text.slice(a.end, b.start);
    // ("and"/"or" may be a word of its own between them; a cue before the list covers all of it.)
    if ((b.w0 === a.w1 || b.w0 === a.w1 + 1) && LIST_GAP.test(gap)) {
      a.listed = b.listed = true;
      if (a.cue) b.cue = true;
    }
    // "the Kosovo area of Naivasha", "Charsi village of Khwaja Bahauddin": a part of the second.
    if (a.container === undefined && a.demonym === undefined && PART_OF_GAP.test(gap)) {
      a.container = k + 1;
      b.containerOf = k;
      a.partOf = true;
      continue;
    }
    // "Selim near Zemio", "Sabanga, a village a few kilometres from Bakala": the first lies by the second.
    if (b.near && a.container === undefined && nearLink(gap)) a.nearOf = k + 1;
    // "Baragoi, Samburu", "Kaldar district, Balkh": the second names the region the first lies in.
    if (a.container !== undefined) continue;
    // "Moyale in Borena zone": so does a region named with its unit word after "in".
    if ((b.want === FEATURE_CODES.admin1 || b.want === FEATURE_CODES.admin2) && IN_REGION_GAP.test(gap) && b.entries.some((e) => gaz.feature(e) === FEATURE_CODES.admin1 || gaz.feature(e) === FEATURE_CODES.admin2)) {
      // (The region's own reading is left to its unit word: "Kericho District" may be read as its seat.)
      a.container = k + 1;
      continue;
    }
    // (A unit word may come between, after an alias in brackets: "Khan Abad (Aqtash) district, Kunduz".)
    const unitGap = UNIT_GAP.exec(gap);
    const unit = unitGap ? unitGap[1]!.replace(/s$/, '') : undefined;
    const suffixed = unit !== undefined && isSuffix(unit);
    if (((b.w0 === a.w1 && followsComma(text, words.get(a.w1 - 1), words.get(b.w0))) || suffixed) && (b.abbreviation || b.entries.some((e) => gaz.feature(e) !== FEATURE_CODES.city))) {
      // (Whether the region's name may go on: "Waliso, South West Shewa" need name no "South West".)
      b.nameGoesOn = continuesName(text, words, b.w1 - 1);
      a.container = k + 1;
      b.containerOf = k;
      // "Kaldar district, Balkh": what holds a district is a province, and the district is part of it.
      if (suffixed && SUFFIX_ADMIN2.has(unit)) {
        if (b.want === undefined) b.want = FEATURE_CODES.admin1;
        a.partOf = true;
      }
    }
  }
  linkBracketedContainers(gaz, text, out);
  bracketsAfterUnknownNames(text, words, out);
  markNeighbourhoods(text, out);
  for (const c of out) if (c.demonym === undefined && c.w1 - c.w0 > 1 && compassOnly(c.text)) c.compass = true;
  for (const c of out) if (c.demonym === undefined && c.container === undefined && c.containerOf === undefined) nationalityOfCountryName(gaz, text, c);
  // "North-East Kidal", "in South-West Gao": a hyphenated pair of compass words right before another
  // name says which part of that place, and is no region of its own (Botswana's North-East district).
  return out.filter((c, k) => !(c.compass && /-/.test(c.text) && out[k + 1] !== undefined && out[k + 1]!.w0 === c.w1 && out[k + 1]!.start - c.end === 1 && text.charCodeAt(c.end) === 32));
}

/** Whether word k ends a word (or two, a space or hyphen between) that opens a tribe's name ("Albu", "Al-Bu"). */
function lineagePrefixEndsAt(text: string, words: WordView, k: number): boolean {
  // (By its length first, from the word arrays: most words are no prefix, and need no word object.)
  if (k < 0 || k >= words.n || !LINEAGE_LAST_LENGTHS.has(words.wa.end[k]! - words.wa.start[k]!)) return false;
  const w = words.at(k);
  if (w === undefined) return false;
  if (LINEAGE_PREFIXES.has(w.lower)) return true;
  const before = words.at(k - 1);
  return before !== undefined && w.start - before.end === 1 && /[ -]/.test(text[before.end]!) && LINEAGE_PREFIXES.has(`${before.lower} ${w.lower}`);
}

/** Whether word k is the second of a hyphenated pair of compass words ("North-East"). */
function compassPairEnd(text: string, words: WordView, k: number): boolean {
  const w = words.at(k);
  const before = words.at(k - 1);
  return w !== undefined && before !== undefined && DIRECTIONS.has(before.lower) && w.start - before.end === 1 && text[before.end] === '-';
}

/** A country's name before a noun of its people, forces or missions (nationalNounsAfter): "a US soldier". */
const NATIONAL_AFTER = new RegExp(`^ (?:${alternation(list('nationalNounsAfter'))})(?![\\p{L}\\p{N}])`, 'iu');

/**
 * "a US soldier was killed in southern Iraq", "the UK embassy", "US Air Force personnel": a country's
 * name right before a noun of its people, forces or missions says whose, as "an American soldier"
 * does, not where: the mention is read as that country's demonym.
 */
function nationalityOfCountryName(gaz: Gazetteer, text: string, c: Candidate): void {
  if (text.charCodeAt(c.end) !== 32) return;
  // (The country reading first: most names have none, and need no look at the words after them.)
  let country = -1;
  for (const e of c.entries) {
    if (gaz.feature(e) === FEATURE_CODES.country) {
      country = e;
      break;
    }
  }
  if (country < 0 || !NATIONAL_AFTER.test(text.slice(c.end, c.end + 24)) || !gaz.nameInfo(c.key).strong) return;
  c.demonym = country;
}

/**
 * "the Escalon and San Benito neighborhoods": a list before a neighbourhood word names quarters all;
 * and a name once called a quarter is that quarter wherever the text names it ("advanced toward Escalon").
 */
function markNeighbourhoods(text: string, cands: Candidate[]): void {
  const names = new Set<string>();
  for (let k = cands.length - 1; k >= 0; k--) {
    const b = cands[k]!;
    if (!b.neighbourhood) continue;
    names.add(b.key);
    for (let j = k - 1; j >= 0; j--) {
      const a = cands[j]!;
      if (!a.listed || a.demonym !== undefined || !LIST_GAP.test(text.slice(a.end, cands[j + 1]!.start))) break;
      a.neighbourhood = true;
      names.add(a.key);
    }
  }
  if (names.size === 0) return;
  for (const c of cands) if (c.demonym === undefined && names.has(c.key)) c.neighbourhood = true;
}

/**
 * The unit words of regions as written, singular or plural ("district", "districts"), each to
 * whether its unit is an admin2 one: one look-up, no string cut, per word after a capitalised one.
 */
const UNIT_WORDS = new Map<string, boolean>();
for (const unit of [...SUFFIX_ADMIN1, ...SUFFIX_ADMIN2]) {
  // (A word ending in "s" is read as a plural: "provinces" is "province", "zones" "zone".)
  if (!unit.endsWith('s')) UNIT_WORDS.set(unit, SUFFIX_ADMIN2.has(unit));
  UNIT_WORDS.set(`${unit}s`, SUFFIX_ADMIN2.has(unit));
}

/** Words of a region's name before its unit word, at most. */
const MAX_SKELETON_WORDS = 3;

/**
 * "East Hararge Zone", "Kemashi zone", "Nana Gribizi region": a region named with its unit word in a
 * spelling the gazetteer lacks is looked up by its consonant skeleton (skeletonKey) among region
 * names. The name is the capitalised words before the unit word, shortest first; a shorter name the
 * gazetteer knows as it is written ends the search (the main pass read it). Inserted in text order;
 * the resolver keeps such a region only where the text's other places or cues agree with it.
 */
function addRegionsBySkeleton(gaz: Gazetteer, text: string, words: WordView, cands: Candidate[], fold: (i: number) => string): void {
  let k = 0;
  const n = words.n;
  const flags = words.wa.flags;
  for (let u = 1; u < n; u++) {
    // (The flag first: a word object is made only for a word after a capitalised one.)
    if ((flags[u - 1]! & CAP) === 0) continue;
    const unitWord = words.get(u);
    const admin2 = UNIT_WORDS.get(unitWord.lower);
    if (admin2 === undefined) continue;
    if (!joinable(text, words.get(u - 1), unitWord)) continue;
    while (k < cands.length && cands[k]!.w1 <= u - 1) k++;
    // (A candidate over the word before the unit word: the name is known as written.)
    if (k < cands.length && cands[k]!.w0 <= u - 1) continue;
    const prev = k > 0 ? cands[k - 1]!.w1 : 0;
    let name = '';
    let hit: { w0: number; entries: number[]; key: string } | undefined;
    for (let w0 = u - 1; w0 >= prev && u - w0 <= MAX_SKELETON_WORDS; w0--) {
      if (!words.isCap(w0) || words.get(w0).allCaps || (w0 < u - 1 && !joinable(text, words.get(w0), words.get(w0 + 1)))) break;
      name = name === '' ? fold(w0) : fold(w0) + ' ' + name;
      if (gaz.has(name)) break;
      const key = skeletonKey(name);
      const entries = key ? (gaz.lookup(key) ?? []).filter((e) => gaz.feature(e) === FEATURE_CODES.admin1 || gaz.feature(e) === FEATURE_CODES.admin2) : [];
      if (entries.length > 0) hit = { w0, entries, key };
    }
    if (!hit) continue;
    const w1 = unitWord.cap ? u + 1 : u;
    const start = words.get(hit.w0).start;
    const end = words.get(w1 - 1).end;
    cands.splice(k, 0, newCandidate({
      start, end, text: text.slice(start, end), key: hit.key, entries: hit.entries, w0: hit.w0, w1, cue: true, near: false,
      want: admin2 ? FEATURE_CODES.admin2 : FEATURE_CODES.admin1, common: false, firstName: false, skeleton: true,
    }));
    k++;
  }
}

/** How far a closing bracket may be from the name before its opening one. */
const MAX_BRACKET = 80;

/**
 * "Bana (Mansila, Yagha)", "Kaita village (Mbili, Ngaoundaye)": the last name in a bracket right after
 * a place (or its unit word) is the region the place lies in, as ACLED's notes write it.
 */
function linkBracketedContainers(gaz: Gazetteer, text: string, cands: Candidate[]): void {
  for (let k = 0; k + 1 < cands.length; k++) {
    const a = cands[k]!;
    if (a.container !== undefined || a.demonym !== undefined || !bracketWithin(text, a.end, BRACKET_AFTER_LENGTH)) continue;
    const open = BRACKET_AFTER.exec(text.slice(a.end, a.end + BRACKET_AFTER_LENGTH));
    if (!open) continue;
    const from = a.end + open[0].length;
    const close = text.indexOf(')', from);
    if (close < 0 || close - from > MAX_BRACKET) continue;
    // (A list, "(Mansila, Yagha)": one name alone in brackets is another name of the place, "Dhaka - Mirpur (Mirpur)",
    // unless it is a province's, "Tigre (Buenos Aires)", "Rawson (Chubut)": the province the place lies in.)
    if (!text.slice(from, close).includes(', ')) {
      const b = cands[k + 1]!;
      // (A province of the place's own name, with its unit word, holds it too: "Khartoum (Khartoum state)".)
      if (b.start === from && b.end <= close && unitWordOnly(text.slice(b.end, close)) && (b.key !== a.key || text.slice(b.end, close).trim() !== '') && b.demonym === undefined && b.containerOf === undefined && b.entries.some((e) => gaz.feature(e) === FEATURE_CODES.admin1)) {
        a.container = k + 1;
        b.containerOf = k;
      }
      continue;
    }
    let j = k + 1;
    while (j + 1 < cands.length && cands[j + 1]!.end <= close) j++;
    // (A chain, "Maner town (Patna, Bihar)": the bracket's last name holds its first, which holds the place.)
    // (The district of the place's own name, "Tawila (Tawila, North Darfur)": the province holds the place.)
    let chained = cands[j]!.containerOf;
    let sameName = false;
    if (chained !== undefined && chained > k && cands[chained]!.start === from && cands[chained]!.containerOf === undefined) {
      if (cands[chained]!.key === a.key) sameName = true;
      else j = chained;
    } else chained = undefined;
    const b = cands[j]!;
    // (The region's unit word may follow its name: "(Nyala Janoub locality, South Darfur state)".)
    // (Nor is a province of the place's name after its district of that name an alias: "Khartoum (Khartoum, Khartoum)".)
    if (b.start < from || b.end > close || (j !== chained && !unitWordOnly(text.slice(b.end, close))) || (b.containerOf !== undefined && !sameName) || b.demonym !== undefined || (b.key === a.key && !sameName)) continue;
    if (j !== chained && !b.entries.some((e) => gaz.feature(e) !== FEATURE_CODES.city)) continue;
    a.container = j;
    if (!sameName) b.containerOf = k;
  }
}

/**
 * "Kitungati village (Kitui)", "Bana (Mansila, Yagha)": names in brackets right after a capitalised
 * name the gazetteer lacks (and its unit word) are the places that hold it, as ACLED's notes write
 * them: places, as a cue before them would make them, though the name before is unknown.
 */
function bracketsAfterUnknownNames(text: string, words: WordView, cands: Candidate[]): void {
  // (The bracket opens right before a name, or before the names listed before it with commas: the
  // list's first name, carried along the list so that a long list is walked once.)
  let first = 0;
  for (let k = 0; k < cands.length; k++) {
    const b = cands[k]!;
    if (k > 0 && !(cands[k - 1]!.end + 2 === b.start && text.slice(cands[k - 1]!.end, b.start) === ', ')) first = k;
    if (b.cue || b.demonym !== undefined || b.w0 < 1) continue;
    const a = cands[first]!;
    if (text.charCodeAt(a.start - 1) !== 40 || a.w0 < 1) continue;
    if (!/^[),]/.test(text.slice(b.end, b.end + 1))) continue;
    const open = BRACKET_AFTER_UNKNOWN.exec(text.slice(Math.max(0, a.start - BRACKET_AFTER_LENGTH - 1), a.start));
    if (!open) continue;
    // (The name before is capitalised, and no place found ends there: that one is linked already.)
    const before = words.get(a.w0 - 1 - (open[1] !== undefined ? 1 : 0));
    if (before === undefined || !before.cap || before.allCaps) continue;
    if (first > 0 && cands[first - 1]!.end >= before.end) continue;
    b.cue = true;
  }
}

/** The bracket after a name, with its unit word between ("Kitungati village (", "Bana ("), ending the text before a name. */
const BRACKET_AFTER_UNKNOWN = new RegExp(`\\p{L}(?: (${alternation(list('unitsBeforeBracket'))}))? \\($`, 'u');

/**
 * "Witu Lamu County": the name after a town, with a region's unit word after it, is the region that
 * holds the town, its comma left out, not more of the town's name.
 */
function regionWithoutComma(gaz: Gazetteer, text: string, words: WordView, entries: readonly number[], k: number, key: string): boolean {
  const unit = words.at(k + 1);
  if (unit === undefined || !isSuffix(unit.lower.replace(/s$/, '')) || !joinable(text, words.get(k), unit)) return false;
  const regions = gaz.lookup(key) ?? [];
  for (const r of regions) {
    const f = gaz.feature(r);
    if (f !== FEATURE_CODES.admin1 && f !== FEATURE_CODES.admin2) continue;
    for (const e of entries) if (e !== r && gaz.countryIndex(e) === gaz.countryIndex(r) && gaz.admin1Index(e) === gaz.admin1Index(r)) return true;
  }
  return false;
}

/** Whether a stretch of text is empty or one unit word of a region ("state", "province"). */
function unitWordOnly(rest: string): boolean {
  const word = rest.trim();
  return word === '' || UNIT_WORDS.has(word.toLowerCase());
}

/** Whether a name ends a bracketed list, "(Al Burgaig, Northern)", "(Halfa locality, Northern state)". */
function lastOfBracketList(text: string, start: number, end: number): boolean {
  if (text.slice(Math.max(0, start - 2), start) !== ', ') return false;
  const close = /^(?: (\p{Ll}+))? ?\)/u.exec(text.slice(end, end + 20));
  if (!close || (close[1] !== undefined && !UNIT_WORDS.has(close[1]))) return false;
  // (Looked for within MAX_BRACKET characters only: a long text without brackets is not read back.)
  const window = text.slice(Math.max(0, start - MAX_BRACKET), start);
  const open = window.lastIndexOf('(');
  return open >= 0 && !window.slice(open).includes(')');
}

/** How far after a place BRACKET_AFTER is looked for: a space, the longest unit word, a space and the bracket. */
const BRACKET_AFTER_LENGTH = Math.max(...list('unitsBeforeBracket').map((w) => w.length)) + 3;

/** Whether an opening bracket is among the `length` characters from `from` (most places have none after them). */
function bracketWithin(text: string, from: number, length: number): boolean {
  const to = Math.min(text.length, from + length);
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 40) return true;
  return false;
}

/** A bracket opening after a place, its unit word between ("Kaita village (", "Bana ("). */
const BRACKET_AFTER = new RegExp(`^(?: (?:${alternation(list('unitsBeforeBracket'))}))? ?\\(`, 'u');

const ALIAS_OF_UNIT = /^\) (\p{Ll}+)/u;

/**
 * "Chawkay (Suki) districts", "Andar (Shalgar) district": a name in brackets between a district we
 * do not know and its unit word is that district's other name, not a place of its own.
 */
function dropAliasesOfUnknownUnits(text: string, words: WordView, cands: Candidate[]): void {
  // How many candidates cover each word, and which candidates go: made at the first alias found
  // (most texts have none), so that each look-up and the removal are linear in the candidates.
  let covering: Int32Array | undefined;
  let dropped: Uint8Array | undefined;
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k]!;
    // (" (" before it, read by character codes: most candidates have none.)
    if (c.w0 === 0 || c.start < 2 || text.charCodeAt(c.start - 1) !== 40 || text.charCodeAt(c.start - 2) !== 32) continue;
    const unit = ALIAS_OF_UNIT.exec(text.slice(c.end, c.end + 20));
    if (!unit || !SUFFIX_ADMIN2.has(unit[1]!.replace(/s$/, ''))) continue;
    const before = c.w0 - 1;
    if (!words.isCap(before)) continue;
    if (covering === undefined || dropped === undefined) {
      covering = new Int32Array(words.n);
      for (const o of cands) for (let w = Math.max(0, o.w0); w < o.w1 && w < words.n; w++) covering[w]!++;
      dropped = new Uint8Array(cands.length);
    }
    // (Not when the word before is part of a place found: "Kabul (Paghman) district".)
    if (covering[before]! > 0) continue;
    dropped[k] = 1;
    for (let w = Math.max(0, c.w0); w < c.w1 && w < words.n; w++) covering[w]!--;
  }
  if (dropped === undefined) return;
  // Links between candidates are indexes ("Alexandria, La."): a link to one removed is dropped,
  // the others follow their candidate to its new index.
  const moved = new Int32Array(cands.length);
  let n = 0;
  for (let k = 0; k < cands.length; k++) moved[k] = dropped[k] === 1 ? -1 : n++;
  const relink = (i: number | undefined): number | undefined => (i === undefined ? undefined : moved[i]! < 0 ? undefined : moved[i]);
  n = 0;
  for (let k = 0; k < cands.length; k++) {
    if (dropped[k] === 1) continue;
    const o = cands[k]!;
    if (o.container !== undefined) o.container = relink(o.container);
    if (o.containerOf !== undefined) o.containerOf = relink(o.containerOf);
    cands[n++] = o;
  }
  cands.length = n;
}

const MAX_UNKNOWN_NAME_WORDS = 4;

/**
 * "in Lagh Kutulo, Wajir", "Kapkwen (Bomet)", "in Kintengela (Kaputiei North, Kajiado)": a name after
 * a place we do not know, behind a bracket or a comma, is the region that place lies in. Such a
 * name gets the support of a cue; without it, a minor region name alone would be dropped as weak.
 */
function markContainersOfUnknownPlaces(text: string, words: WordView, cands: Candidate[]): void {
  if (cands.length === 0) return;
  const known = new Uint8Array(words.n);
  for (const c of cands) for (let w = c.w0; w < c.w1; w++) known[w] = 1;
  const capitalisedName = (w: number) => words.isCap(w) && known[w] === 0 && !words.get(w).allCaps;
  for (const c of cands) {
    if (c.cue || c.demonym !== undefined || c.w0 === 0) continue;
    const last = c.w0 - 1;
    // "Sholgara district, Balkh": a district we do not know, in the province named after it.
    const suffix = words.get(last);
    // ("Chawkay and Narang Wa Badil districts, Kunar": the plural too; "Chawkay (Suki) districts".)
    const unit = suffix.lower.endsWith('s') ? suffix.lower.slice(0, -1) : suffix.lower;
    const between = c.w0 >= 2 ? text.slice(words.get(c.w0 - 2).end, c.start) : '';
    if (c.w0 >= 2 && !suffix.cap && SUFFIX_ADMIN2.has(unit) && capitalisedName(c.w0 - 2) && (between === ` ${suffix.text}, ` || between === `) ${suffix.text}, `)) {
      c.cue = true;
      if (c.want === undefined) c.want = FEATURE_CODES.admin1;
      continue;
    }
    // "Nyamokenye village, Nyamira": a village we do not know, in the place named after it.
    // (Its name ends there: not "Kaliganj upazila", not the "Cox" of "Cox's Bazar Sadar".)
    if (c.w0 >= 2 && !suffix.cap && SUFFIX_CITY.has(unit) && capitalisedName(c.w0 - 2) && between === ` ${suffix.text}, ` && endsName(text, c.end)) {
      c.cue = true;
      continue;
    }
    if (!capitalisedName(last)) continue;
    const gap = text.slice(words.get(last).end, c.start);
    if (gap === ' (' || gap === '(') {
      c.cue = true;
      continue;
    }
    if (gap !== ', ') continue;
    // The unknown name: up to four capitalised words joined by spaces or hyphens.
    let first = last;
    while (first > 0 && last - first + 1 < MAX_UNKNOWN_NAME_WORDS && capitalisedName(first - 1) && joinable(text, words.get(first - 1), words.get(first))) first--;
    let before = text.slice(Math.max(0, words.get(first).start - 2), words.get(first).start);
    // "(Nangha Boguila, Nangha Boguila, Ouham)": more unknown names of the bracket before it.
    for (let more = 0; more < 3 && before === ', ' && first >= 2 && capitalisedName(first - 1); more++) {
      first--;
      const end = first;
      while (first > 0 && end - first + 1 < MAX_UNKNOWN_NAME_WORDS && capitalisedName(first - 1) && joinable(text, words.get(first - 1), words.get(first))) first--;
      before = text.slice(Math.max(0, words.get(first).start - 2), words.get(first).start);
    }
    const cueWord = words.at(first - 1);
    const cued = before.endsWith('(') || (cueWord !== undefined && text.slice(cueWord.end, words.get(first).start) === ' ' && (CUES.has(cueWord.lower) || GENITIVE.has(cueWord.lower)));
    if (cued) c.cue = true;
  }
}

/**
 * "Voi residents", "a Dalton man": people named by where they live support the place reading; so
 * does an institution named for its town ("Bungoma High School", "Meru University"), which stands there.
 */
function markPlacesOfResidentsAndInstitutions(text: string, words: WordView, cands: Candidate[]): void {
  for (const c of cands) {
    if (c.cue || c.common || c.demonym !== undefined || c.w1 >= words.n) continue;
    const next = words.get(c.w1);
    if (next.start !== c.end + 1 || text.charCodeAt(c.end) !== 32) continue;
    // (Not a capitalised word opening a sentence: "One man", "Angered residents".)
    if (!next.cap && RESIDENTS_AFTER.has(next.lower) && !words.get(c.w0).initial) c.cue = true;
    else if (namesInstitution(text, words, c.w1)) c.cue = true;
  }
  // "the Sidon-Tyr highway", "Tangail-Mymensingh highway": a town of a hyphened pair that names a road
  // or a junction is a place; so, when a town of some size bears the name, is one named alone after
  // "the" ("the Zahle roundabout"; see keep in resolve.ts).
  for (const c of cands) {
    if (c.cue || c.common || c.demonym !== undefined || c.w1 - c.w0 !== 1) continue;
    const prev = words.at(c.w0 - 1);
    const afterThe = prev !== undefined && ARTICLES.has(prev.lower) && joinable(text, prev, words.get(c.w0));
    // (Any article before a province's road: "an Akkar road"; keep in resolve.ts takes only a province or a town of some size.)
    const afterArticle = afterThe || (prev !== undefined && ANY_ARTICLE.has(prev.lower) && joinable(text, prev, words.get(c.w0)));
    if (afterArticle && routeWordAt(text, words, c.w1)) c.road = true;
    else if (hyphenedTo(text, words, c.w0, c.w0 + 1) && routeWordAt(text, words, c.w0 + 2)) c.cue = true;
    else if (prev !== undefined && hyphenedTo(text, words, c.w0 - 1, c.w0) && routeWordAt(text, words, c.w1)) c.cue = true;
  }
}

/** Whether words a and b are one capitalised word each, joined by a hyphen alone ("Sidon-Tyr"). */
function hyphenedTo(text: string, words: WordView, a: number, b: number): boolean {
  const x = words.at(a);
  const y = words.at(b);
  return x !== undefined && y !== undefined && x.cap && y.cap && !x.allCaps && !y.allCaps && y.start === x.end + 1 && text.charCodeAt(x.end) === 45;
}

/** Whether word w is a lower-case road word (ROUTES_AFTER) one space after the word before it. */
function routeWordAt(text: string, words: WordView, w: number): boolean {
  const word = words.at(w);
  const prev = words.at(w - 1);
  return word !== undefined && prev !== undefined && !word.cap && ROUTES_AFTER.has(word.lower) && word.start === prev.end + 1 && text.charCodeAt(prev.end) === 32;
}

/** Whether words from w name an institution: up to two modifiers ("High", "Boys National"), then its noun, all capitalised. */
function namesInstitution(text: string, words: WordView, w: number): boolean {
  for (let k = w; k < words.n && k <= w + 2; k++) {
    const word = words.get(k);
    if (!word.cap || (k > w && !joinable(text, words.get(k - 1), word))) return false;
    // The noun ends the name ("Shiloh School District" is no school), and the institution is
    // not placed elsewhere ("Lipscomb University in Nashville").
    if (INSTITUTIONS_AFTER.has(word.lower)) return !continuesName(text, words, k) && !placedElsewhere(text, words, k);
    if (!INSTITUTION_MODIFIERS.has(word.lower)) return false;
  }
  return false;
}

/** Whether the name ending at `end` ends there: punctuation, a bracket, the end of the text or AFTER_NAME follows. */
function endsName(text: string, end: number): boolean {
  const i = text.charCodeAt(end) === 32 ? end + 1 : end;
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  if (c === 44 || c === 46 || c === 59 || c === 58 || c === 40 || c === 41) return true;
  if (i === end) return false; // "Cox's", "Kasai-Oriental"
  let j = i;
  while (j < text.length && text.charCodeAt(j) >= 97 && text.charCodeAt(j) <= 122) j++;
  return AFTER_NAME.has(text.slice(i, j));
}

/** Whether a name is made of compass words only ("North Central", "South-West"). */
function compassOnly(name: string): boolean {
  return name.split(/[\s-]+/).every((w) => DIRECTIONS.has(w.toLowerCase()));
}

function continuesName(text: string, words: WordView, w: number): boolean {
  const next = words.at(w + 1);
  return next !== undefined && next.cap && joinable(text, words.get(w), next);
}

function placedElsewhere(text: string, words: WordView, w: number): boolean {
  const prep = words.at(w + 1);
  const name = words.at(w + 2);
  return prep !== undefined && name !== undefined && PLACED_IN.has(prep.lower) && name.cap && text.slice(words.get(w).end, name.start) === ` ${prep.text} `;
}

/**
 * Whether a name and the next hyphenated one both name towns of one country (a route between them).
 * A district named after its seat stands for the seat ("the Bangassou-Bakouma axis": Bakouma's
 * sub-prefecture, whose town the gazetteer lacks).
 */
function routeBetween(gaz: Gazetteer, entries: readonly number[], next: string, beforeRoadWord = false): boolean {
  const others = gaz.lookup(next);
  if (!others) return false;
  const town = (e: number) => gaz.feature(e) === FEATURE_CODES.city || gaz.feature(e) === FEATURE_CODES.admin2;
  for (const a of entries) {
    if (!town(a)) continue;
    for (const b of others) if (town(b) && (beforeRoadWord || gaz.countryIndex(a) === gaz.countryIndex(b))) return true;
  }
  return false;
}

function isSuffix(lower: string): boolean {
  return SUFFIX_ADMIN1.has(lower) || SUFFIX_ADMIN2.has(lower) || SUFFIX_CITY.has(lower);
}

const DATELINE_AFTER = new RegExp(`^(,|\\s+(--|—|–|-)\\s|\\s*\\((${alternation(list('wireAgencies'))})\\))`);

/** After a dateline's place: ", ST." or " --", " —", " -", " (AP)". */
function isDateline(text: string, end: number): boolean {
  const after = text.slice(end, end + 6);
  return DATELINE_AFTER.test(after);
}

function isCountry(gaz: Gazetteer, key: string): boolean {
  return gaz.has(key) && gaz.nameInfo(key).strong && (gaz.lookup(key) ?? []).some((e) => gaz.feature(e) === FEATURE_CODES.country || gaz.feature(e) === FEATURE_CODES.region);
}

function isCountryish(gaz: Gazetteer, key: string): boolean {
  return gaz.has(key) && gaz.nameInfo(key).regionOrCountry;
}

const WIRE_AGENCIES = new Set(list('wireAgencies'));
const PLACE_BEFORE_BRACKET = new RegExp(`^(?:\\s+(?:${alternation(list('unitsBeforeBracket'))}))?\\s*(?:\\(|,\\s)$`, 'iu');

/** Two initials joined by an ampersand, "J&K", at the start of a text and ending a word. */
const INITIALS_AND = /^[A-Z]&[A-Z](?![\p{L}\p{N}])/u;

/**
 * A state abbreviation kept for brackets ("TN"), in capitals, closing them after "(" or ", ".
 * (Only after a place name, its unit word between: "Union Parishad (UP)" and "the AL whip (MP)" are no
 * states; nor a news agency after a dateline: "LIMA (AP) --".)
 */
function bracketAbbreviation(gaz: Gazetteer, text: string, w: { start: number; end: number; text: string }, placeEnd: number | undefined): number | undefined {
  if (!/^(?:[A-Z]{2,3}|[A-Z]&[A-Z])$/.test(w.text) || text[w.end] !== ')' || placeEnd === undefined || WIRE_AGENCIES.has(w.text)) return undefined;
  if (text[w.start - 1] !== '(' && text.slice(w.start - 2, w.start) !== ', ') return undefined;
  if (!PLACE_BEFORE_BRACKET.test(text.slice(placeEnd, w.start))) return undefined;
  return gaz.abbreviations.get(`(${w.text.toLowerCase()}`);
}

function abbreviationAt(gaz: Gazetteer, text: string, words: WordView, j: number): { key: string; entry: number; end: number; w1: number } | undefined {
  const w = words.get(j);
  if (!w.cap) return undefined;
  // "La.", "Calif.", "W.Va.", "W. Va.", "N.Y.", "NSW"
  const tries: [string, number, number][] = [];
  const dotAfter = text[w.end] === '.';
  tries.push([foldToken(w.text), dotAfter ? w.end + 1 : w.end, j + 1]);
  const w2 = words.at(j + 1);
  if (w2 && dotAfter && text[w.end + 1] === ' ' && w2.start === w.end + 2) tries.push([foldToken(w.text) + foldToken(w2.text), text[w2.end] === '.' ? w2.end + 1 : w2.end, j + 2]);
  for (const [key, end, w1] of tries.reverse()) {
    const e = gaz.abbreviations.get(key);
    // Postal codes without a dot ("GA") would catch acronyms; AP abbreviations carry the dot.
    if (e !== undefined && (text[end - 1] === '.' || key.length > 2)) return { key, entry: e, end, w1 };
  }
  return undefined;
}

/** A word in capitals next to another: the text around is written in capitals. */
function inCapitals(words: WordView, i: number, j: number): boolean {
  const prev = words.at(i - 1);
  const next = words.at(j + 1);
  return (!!prev && prev.allCaps && prev.text.length > 1) || (!!next && next.allCaps && next.text.length > 1);
}

function allCommon(gaz: Gazetteer, words: WordView, i: number, j: number): boolean {
  for (let k = i; k <= j; k++) if (!gaz.commonWords.has(words.get(k).lower)) return false;
  return true;
}

/** Most words an unknown name read by its transliteration key may have ("Ma'arrat al-Nu'man"). */
const MAX_TRANSLITERATED_WORDS = 4;

/**
 * The fixed lists notANameWord reads, as one set: one look-up instead of ten for a name's word, which
 * is in none of them (the recogniser asks for every capitalised word the gazetteer lacks).
 */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set([...NOT_PLACES, ...CALENDAR, ...DIRECTIONS, ...TITLES, ...ORG_HEADS, ...ORG_TAILS, ...NAME_PREFIXES, ...SUFFIX_ADMIN1, ...SUFFIX_ADMIN2, ...SUFFIX_CITY]);

/** The rank titles' filter (see mayBeRankTitle). */
const RANK_FILTER = new WordFilter();
for (const t of PERSONAL_TITLES) RANK_FILTER.add(t);

/** Whether text[start, end), in lower case, may be a rank title (PERSONAL_TITLES): false only when it is none. */
function mayBeRankTitle(text: string, start: number, end: number): boolean {
  const b = asciiLowerBucket(text, start, end);
  return b < 0 || RANK_FILTER.mayHaveBucket(b);
}

/** A word that cannot be (the whole of) an unknown place's name. */
function notANameWord(gaz: Gazetteer, lower: string): boolean {
  return gaz.commonWords.has(lower) || gaz.firstNames.has(lower) || NOT_NAME_WORDS.has(lower) || gaz.demonyms.has(lower);
}

/**
 * A capitalised name the gazetteer does not know, read by its transliteration key as a place of
 * the focus country ("Menbej" for Manbij, "al-Tabaqa" for Al-Tabqa; see transliteration.ts): the
 * whole run of capitalised words from word i (hyphened articles inside: "Ma'arrat al-Nu'man"),
 * when no word before it is part of the same name. A single word must be no common word, first
 * name, person's surname, demonym or cue word; acronyms ("SDF") are left alone.
 */
function transliteratedCandidate(
  gaz: Gazetteer, text: string, words: WordView, i: number, personWords: Set<string>, fold: (i: number) => string, focus: TransliterationIndex,
): Candidate | undefined {
  const name = unknownName(gaz, text, words, i, personWords, fold);
  if (name === undefined) return undefined;
  const { j, key, lead } = name;
  const entries = lookupTransliterated(focus, key);
  if (entries === undefined) return undefined;
  const c = makeCandidate(gaz, text, words, i, j, key, personWords, fold, lead, entries);
  if (c === undefined || c === NOT_A_PLACE) return undefined;
  // (Keyed apart from the gazetteer's names: its readings are those of the focus country only.)
  c.key = `${key}~${focus.country}`;
  c.transliterated = true;
  return c;
}

/**
 * The unknown name that starts at word i, as transliteratedCandidate reads it (its last word, its
 * folded key, 1 if an article leads it), whatever the focus country: undefined when the words there
 * cannot be one.
 */
function unknownName(gaz: Gazetteer, text: string, words: WordView, i: number, personWords: Set<string>, fold: (i: number) => string): { j: number; key: string; lead: number } | undefined {
  const first = words.get(i);
  if (first.allCaps || !first.cap) return undefined;
  const lead = articleBefore(text, words, i) !== undefined ? 1 : 0;
  let j = i;
  let key = fold(i);
  while (j - i + 1 < MAX_TRANSLITERATED_WORDS) {
    const next = words.at(j + 1);
    if (!next || !joinable(text, words.get(j), next)) break;
    if (next.cap && !next.allCaps) {
      j++;
      key += ' ' + fold(j);
    } else if (articleBefore(text, words, j + 2) !== undefined && words.isCap(j + 2) && !words.get(j + 2).allCaps) {
      j += 2;
      key += ' ' + next.lower + ' ' + fold(j);
    } else break;
  }
  // (The tests below only rule names out, so the cheapest come first: a single word that is a
  // common word, a first name or a cue word, the commonest case, is ruled out by set look-ups.)
  if (i === j && (notANameWord(gaz, first.lower) || personWords.has(key))) return undefined;
  // Part of a longer name that began before it ("Jaysh al-Islam", "Hayat Tahrir"): not a name of its own.
  const prev = words.at(i - 1 - lead);
  if (prev && prev.cap && !prev.initial && !prev.allCaps && joinable(text, prev, words.get(i - lead)) && !DIRECTIONS.has(prev.lower) && !gaz.commonWords.has(prev.lower)) return undefined;
  // A word that goes on hyphened ("Menbej-based") or a name cut short: not read.
  const after = words.at(j + 1);
  if (after && after.start === words.get(j).end + 1 && text[words.get(j).end] === '-') return undefined;
  for (let k = i; k <= j; k++) {
    // ("N Syria": an initial, or a country's name, is no part of an unknown place's name.)
    const wk = words.get(k);
    if (wk.end - wk.start < 2 || (wk.cap && gaz.has(fold(k)) && gaz.nameInfo(fold(k)).strong)) return undefined;
  }
  if (i !== j) {
    let names = 0;
    for (let k = i; k <= j; k++) if (words.isCap(k) && !notANameWord(gaz, words.get(k).lower)) names++;
    if (names === 0) return undefined;
  }
  return { j, key, lead };
}

/**
 * Countries' acronyms ("CAR", "DRC", "UAE": a country's name written in capitals in its data) as folded
 * keys: an acronym names its country only written in capitals ("Car bomb kills five" is a car).
 */
const acronymKeys = new WeakMap<Gazetteer, Set<string>>();
function countryAcronyms(gaz: Gazetteer): Set<string> {
  let set = acronymKeys.get(gaz);
  if (set) return set;
  set = new Set();
  const spelled = new Set<string>();
  for (const c of gaz.countries) {
    for (const n of c.names) {
      if (/^[A-Z]{2,}$/.test(n)) set.add(foldName(n));
      else spelled.add(foldName(n));
    }
  }
  for (const k of spelled) set.delete(k);
  acronymKeys.set(gaz, set);
  return set;
}

/** A name that is part of a person's or an organisation's name. */
const NOT_A_PLACE = 'not-a-place' as const;

function makeCandidate(
  gaz: Gazetteer,
  text: string,
  words: WordView,
  i: number,
  j: number,
  key: string,
  personWords: Set<string>,
  fold: (i: number) => string,
  lead = 0,
  knownEntries?: readonly number[],
): Candidate | typeof NOT_A_PLACE | undefined {
  const first = words.get(i);
  // With a lower-case article before the name ("in al-Bab"), the word before the article is what
  // precedes the name, and the span starts at the article.
  const spanStart = words.get(i - lead).start;
  const last = words.get(j);
  const single = i === j;
  const entries = knownEntries ?? gaz.lookup(key) ?? [];
  const demonym = gaz.demonyms.get(key);
  const firstName = single && gaz.firstNames.has(first.lower);
  if (single && !first.allCaps && countryAcronyms(gaz).has(key)) return undefined;
  const info = gaz.nameInfo(key);
  // A country, populous region or continent: no person's name here.
  const strong = demonym !== undefined || (firstName ? info.strongAsFirstName : info.strong);
  if (NOT_PLACES.has(key)) return NOT_A_PLACE;
  // ("the Capital Damascus": the word, then a name read on its own.)
  if (single && COMMON_NOUNS.has(key)) return undefined;
  // "the US dollar": a currency.
  const following = words.at(j + 1);
  if (following && CURRENCY_AFTER.has(following.lower) && /^ $/.test(text.slice(last.end, following.start))) return NOT_A_PLACE;
  // "US$250", "NZ$40": a currency sign joined to a country's code.
  if (text.charCodeAt(last.end) === 0x24) return NOT_A_PLACE;

  // A dateline: "CHARLESTON, W.Va. --", "COLUMBUS --", "NEWARK — The council".
  const dateline = first.allCaps && first.initial && isDateline(text, last.end);
  // Acronyms ("ISIS", "CNN", "AP") are places only when they name a country or region ("UK", "DRC", "NSW").
  // (A capital and a number in one word is a quarter or a base named by its kilometre post or code,
  // "PK5", "KM5", "PK12", "T4", not an organisation's acronym.)
  if (!dateline && !(single && hasAsciiDigit(first.text))) {
    if (single && first.allCaps && !strong) return undefined;
    if (first.allCaps && first.text.length <= 3 && !strong) return undefined;
    // Text in capitals (wire copy, radio transcripts): a common word is a word there, as it would be
    // in mixed case ("THE CAPITAL", "A CAR BOMB", "EASTERN REGION").
    if (first.allCaps && inCapitals(words, i, j) && allCommon(gaz, words, i, j)) return undefined;
  }
  // "South", "Central": a direction alone names no place here, but at the end of a bracket that
  // lists a place's units, where it is a province's name: "Kerma (Al Burgaig, Northern)".
  if (single && DIRECTIONS.has(first.lower) && !lastOfBracketList(text, first.start, last.end)) return undefined;
  const nextWord = words.at(j + 1);
  // "Abu Shok", "Al-Fashir", "San Something": the start of a longer name we do not know.
  if (single && NAME_PREFIXES.has(first.lower) && nextWord && nextWord.cap && joinable(text, last, nextWord)) return NOT_A_PLACE;
  // "Bab al Faraj", "Ras al Nabea", "Ain er Roummaneh": so is a prefix before a lower-case Arabic
  // article and a capitalised word (the name the gazetteer lacks goes on through the article).
  if (single && NAME_PREFIXES.has(first.lower) && nextWord && articleGoesOn(text, words, j + 1)) return NOT_A_PLACE;
  // "Pul-e Khumri", "Puli Alam": a minor name followed by more of a name we do not know.
  if (single && !strong && nextWord && joinable(text, last, nextWord)) {
    // (A number hyphened to it is a numbered part of the place: "Zolote-4", the mine settlement of Zolote.)
    if (!nextWord.cap && nextWord.text.length <= 2 && text[last.end] === '-' && !hasAsciiDigit(nextWord.text)) return NOT_A_PLACE;
    if (nextWord.cap && !nextWord.allCaps && !gaz.commonWords.has(nextWord.lower) && !ORG_HEADS.has(nextWord.lower) && !ORG_TAILS.has(nextWord.lower) && !isSuffix(nextWord.lower) && gaz.has(fold(j + 1)) && !gaz.nameInfo(fold(j + 1)).strong && !gaz.firstNames.has(first.lower) && !(text[last.end] === '-' && routeBetween(gaz, entries, fold(j + 1), routeWordAt(text, words, j + 2)) && !BOUNDARY_AFTER_PAIR.has(words.at(j + 2)?.lower ?? '')) && !regionWithoutComma(gaz, text, words, entries, j + 1, fold(j + 1))) return NOT_A_PLACE;
  }
  // "Oda Bultum district", "Boke Tiko town", "the Sara Kaba quarter": a minor name, then a capitalised
  // word the gazetteer lacks, then a unit, town or part-of word ("area", "quarter"), is the first
  // word of a longer name we do not know (a woreda, a village, a quarter).
  if (single && !strong && !first.allCaps && nextWord && nextWord.cap && !nextWord.allCaps && joinable(text, last, nextWord) && !gaz.commonWords.has(nextWord.lower) &&
    !ORG_HEADS.has(nextWord.lower) && !ORG_TAILS.has(nextWord.lower) && !isSuffix(nextWord.lower) && !DIRECTIONS.has(nextWord.lower) && !gaz.has(fold(j + 1))) {
    const unit = words.at(j + 2);
    if (unit !== undefined && !unit.cap && joinable(text, nextWord, unit) && (isSuffix(unit.lower) || PART_OF_NOUNS.has(unit.lower))) return NOT_A_PLACE;
  }
  // "Bilad al Yubi": a name of no capital nor city of 300,000, then a lower-case linking word
  // (nameGoesOnLinks: an Arabic article) and a capitalised word (together no name the gazetteer knows,
  // or the longer name would have been read), is the first part of a longer name we do not know.
  if (!strong && !first.allCaps && linkGoesOn(text, words, j + 1, NAME_GOES_ON_LINKS) && entries.every((e) => gaz.population(e) < 300_000 && gaz.rank(e) < 4)) return NOT_A_PLACE;
  // "Dara i Sufi Bala district", "Pul-i-Khumri": a minor name, then a lower-case linking word of a
  // Persian name (the ezafe) and a capitalised word, is the first word of a longer name (no Dara of Syria).
  if (single && !strong && !first.allCaps && linkGoesOn(text, words, j + 1, NAME_LINKS)) return NOT_A_PLACE;
  // "Kasai-Oriental"-like compounds: a name hyphenated to another capitalised word is part of it.
  // (Not a route between two towns of one country: "the axis Djibo-Bourzanga", "Dori-Djibo road".)
  // (Nor a minor town's pair before a road word whose other name the gazetteer lacks: "the Halba-Qoubaiyat
  // road" names two towns; "Goma-Coura axis" is no Goma, Congo.)
  // (Nor two towns of two countries before a road word: "the Baalbek-Homs road" runs across a border.)
  if (!strong && nextWord && nextWord.cap && nextWord.start === last.end + 1 && text[last.end] === '-' && !(routeBetween(gaz, entries, fold(j + 1), routeWordAt(text, words, j + 2)) && !BOUNDARY_AFTER_PAIR.has(words.at(j + 2)?.lower ?? '')) && !(routeWordAt(text, words, j + 2) && !gaz.has(fold(j + 1)) && entries.every((e) => gaz.population(e) < 100_000))) return NOT_A_PLACE;

  const prev = words.at(i - 1 - lead);
  // (One space between: read by character code, not sliced.)
  const prevJoined = prev !== undefined && spanStart - prev.end === 1 && text.charCodeAt(prev.end) === 32;
  const next = words.at(j + 1);
  const nextJoined = next !== undefined && next.start - last.end === 1 && text.charCodeAt(last.end) === 32;

  // Part of a longer capitalised name: "John Kirby", "Farhad Shami", "Head of Media Center X".
  // "the Albu Bali village", "the Albu Nimr": a name after a word that opens a tribe's name is part of
  // the tribe's (or its village's) name.
  if (prev && prevJoined && lineagePrefixEndsAt(text, words, i - 1 - lead)) return undefined;
  if (nextWord && nextWord.cap && joinable(text, last, nextWord) && lineagePrefixEndsAt(text, words, j)) return NOT_A_PLACE;
  // "Eastern Creek": a direction word before a minor name makes a longer name.
  // (Not after a hyphenated pair of compass words, which says which part of the place: "North-East
  // Kidal", "South-West Gao".)
  if (prev && prevJoined && prev.cap && !prev.initial && DIRECTIONS.has(prev.lower) && !strong && info.allSmall && !compassPairEnd(text, words, i - 1 - lead)) return undefined;
  if (prev && prevJoined && prev.cap && !prev.initial && !DIRECTIONS.has(prev.lower) && !prev.allCaps) {
    const pf = fold(i - 1);
    // "Puli Alam": after another capitalised word that is no strong place, a minor name is part of a longer one.
    if (!gaz.demonyms.has(pf) && !strong && !(gaz.has(pf) && gaz.nameInfo(pf).strong)) return undefined;
    if (gaz.firstNames.has(prev.lower) || TITLES.has(prev.lower)) return undefined;
    // "Bahema Nord", "Jogma El Gharbia": after a capitalised word that names nothing (no place, no
    // common or cue word), a region's name ends a longer name the gazetteer lacks.
    if (strong && demonym === undefined && !gaz.has(pf) && !gaz.commonWords.has(prev.lower) && !CUES.has(prev.lower) && entries.every((e) => gaz.feature(e) === FEATURE_CODES.admin1 || gaz.feature(e) === FEATURE_CODES.admin2)) return undefined;
  }
  // Text in capitals: "CARLOS ERNESTO VALENCIA GARCIA", "JUDGE VALENCIA", "GONZALO PINZON LAGOS": after a first
  // name or a title, or a first name and an unknown word, a name that is no country is a surname.
  if (prev && prevJoined && prev.allCaps && first.allCaps && demonym === undefined && !dateline && !CUES.has(prev.lower) && !gaz.has(fold(i - 1))) {
    const prev2 = words.at(i - 2);
    const afterFirstName = gaz.firstNames.has(prev.lower) || TITLES.has(prev.lower) ||
      (prev2 !== undefined && prev2.allCaps && text.slice(prev2.end, prev.start) === ' ' && gaz.firstNames.has(prev2.lower) && !gaz.commonWords.has(prev.lower));
    if (afterFirstName) return undefined;
  }
  // "Dr. Paris", "Mr. Jordan"
  if (prev && prev.cap && TITLES.has(prev.lower) && text.slice(prev.end, first.start).startsWith('.')) return undefined;
  // Initials: "J. Smith"
  if (prev && prev.text.length === 1 && prev.cap && text[prev.end] === '.' && !strong) return undefined;

  // "March", "May", "Sunday": a place only as "X, Country".
  // (Nor after a day's number, where it is a date: "On 8 August, Evans Kidero was arrested" names no
  // August, California, held by an Evans.)
  if (single && CALENDAR.has(first.lower) && (!followsComma(text, last, next ?? last) || (prev !== undefined && DAY_NUMBER.test(prev.text) && /^\s+$/.test(text.slice(prev.end, first.start))))) return undefined;
  if (single && personWords.has(key)) return undefined;

  // "FC Barcelona", "Real Madrid": a club, no place.
  if (prev && prevJoined && CLUB_PREFIXES.has(prev.text)) return NOT_A_PLACE;
  // "St George's church", "St Mary's hospital": a building named for the saint, not the saint's town.
  if (SAINT_PREFIXES.has(first.lower) && SAINT_BUILDING_AFTER.test(text.slice(last.end, last.end + 24))) return NOT_A_PLACE;
  if (next && nextJoined && next.cap && !next.allCaps) {
    // Newspapers, teams, streets, buildings: "Washington Post", "Texas Rangers", "Jordan Street".
    if (ORG_TAILS.has(next.lower) && !ORG_HEADS.has(next.lower)) return NOT_A_PLACE;
    // "Jordan Peterson", "Paris Hilton": a first name followed by a surname.
    // A country or state that is also a first name ("Georgia", "Jordan") needs a surname-like word:
    // neither a common word ("Georgia Arrests") nor a place.
    if (firstName && (!strong || (!gaz.commonWords.has(next.lower) && !gaz.has(fold(j + 1)))) && !ORG_HEADS.has(next.lower) && !SUFFIX_ADMIN1.has(next.lower) && !SUFFIX_ADMIN2.has(next.lower) && !SUFFIX_CITY.has(next.lower)) return NOT_A_PLACE;
  } else if (next && nextJoined && single && SPEECH.has(next.lower) && !strong && !(prev && CUES.has(prev.lower)) && !(prev && GENITIVE.has(prev.lower))) {
    return undefined; // "Kirby said", "Nelson told" (but "of Tyler said")
  }
  // "at the University", "in the Gulf": a common word after "the" is a common noun.
  // (Not before a region's unit word, when a region bears the name: "the Afar region" is Ethiopia's.)
  const unitAfter = next !== undefined && nextJoined && (SUFFIX_ADMIN1.has(next.lower) || SUFFIX_ADMIN2.has(next.lower)) &&
    entries.some((e) => gaz.feature(e) === FEATURE_CODES.admin1 || gaz.feature(e) === FEATURE_CODES.admin2);
  if (single && prev !== undefined && ARTICLES.has(prev.lower) && !strong && !first.allCaps && gaz.commonWords.has(key) && !unitAfter) return undefined;

  let cue = false;
  if (prev && prevJoined) {
    if (CUES.has(prev.lower) || DIRECTIONS.has(prev.lower)) cue = true;
    else if (GENITIVE.has(prev.lower) && i - lead >= 2 && CUE_NOUNS.has(words.get(i - lead - 2).lower)) cue = true;
    else if (ARTICLES.has(prev.lower) && i - lead >= 2 && CUES.has(words.get(i - lead - 2).lower)) cue = true;
    // "in the disputed Abyei area", "in the restive Idlib province": a word between the article and a
    // name followed by a word for a part of a place or a unit keeps the cue.
    else if (!prev.cap && i - lead >= 3 && ARTICLES.has(words.get(i - lead - 2).lower) && CUES.has(words.get(i - lead - 3).lower) &&
      next !== undefined && nextJoined && !next.cap && (PART_OF_NOUNS.has(next.lower) || isSuffix(next.lower))) cue = true;
  }
  // "Afrin's entrances", "Kabul's outskirts": a name in the possessive before a word for a part of a place.
  if (!cue) {
    const part = POSSESSIVE_PART.exec(text.slice(last.end, last.end + 24));
    if (part && (CUE_NOUNS.has(part[1]!) || PART_OF_NOUNS.has(part[1]!))) cue = true;
  }
  // (The phrases are looked for only after their last words.)
  const near = prev !== undefined && NEAR_LAST_WORDS.has(prev.lower) && nearBefore(text, spanStart);
  // "the city of X", "X province" (the suffix is handled by the caller).
  let want: number | undefined;
  if (prev !== undefined && GENITIVE.has(prev.lower) && i - lead >= 2) {
    const noun = words.get(i - lead - 2).lower;
    want = SUFFIX_CITY.has(noun) ? FEATURE_CODES.city : SUFFIX_ADMIN1.has(noun) ? FEATURE_CODES.admin1 : SUFFIX_ADMIN2.has(noun) ? FEATURE_CODES.admin2 : undefined;
  } else if (prev && prevJoined && SUFFIX_CITY.has(prev.lower) && !prev.cap) want = FEATURE_CODES.city;
  // "Reading", "Mobile", "Hope" (but not "US" or "U.S.", which are no pronoun).
  // (A country, a continent or a city of half a million is meant even when its name is a word: "Turkey", "Berlin".)
  const common = single && !first.allCaps && !first.text.includes('.') && gaz.commonWords.has(key) && !info.famous;

  // (Written out in newCandidate's order, with its defaults: the one shape, and no object made to make it.)
  return {
    start: spanStart, end: last.end, text: text.slice(spanStart, last.end), key, entries, demonym, w0: i, w1: j + 1,
    cue: cue || near || dateline, near, want, container: undefined, containerOf: undefined, common,
    firstName, abbreviation: false, listed: false, partOf: false, nameGoesOn: false,
    transliterated: false,
    skeleton: false,
    neighbourhood: false,
    road: false,
  };
}
