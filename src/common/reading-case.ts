// Text written in capitals (old wire copy, radio transcripts, telex) read as if in ordinary case.
//
// Every stage that tells a name from a word looks at letter case: the place recogniser takes a
// capitalised word for a name and a word in capitals for an acronym, sentence splitting wants a
// capital after a full stop, attribution and actor look-ups want names capitalised. In a document
// written wholly in capitals none of these cues holds, so such a document is read in the case an
// editor would have written it: a word the language's lexicon knows in lower case is lower-cased,
// a sentence's first word and a name are capitalised, a short word of no vowel ("FMLN", "U.S.")
// stays an acronym. The reading has exactly the text's length and offsets (a letter whose lower
// case is longer stays as it is), so every span found in it points into the original text.
//
// Language-independent: which words are common, which are calendar words and which word
// sequences are names come from the caller (locale data and the gazetteer).

import { charClasses, LETTER } from './char-classes.js';

/** What the reading needs to know about words, given lower-cased. */
export interface CaseLexicon {
  /** A word written in lower case in running text ("the", "bomb", "clashes"). */
  isLowerWord(lower: string): boolean;
  /**
   * A word written capitalised only beside a number ("3 JAN 90", "MAY 5"): month and weekday
   * abbreviations and names that are also common words.
   */
  isCalendarBesideNumber?(lower: string): boolean;
  /** A word always capitalised although common otherwise-looking (month and weekday names). */
  isAlwaysCapitalised?(lower: string): boolean;
  /**
   * Whether these words, lower-cased and joined by spaces, are a name (a place the gazetteer
   * knows): "la paz", "el salvador", "new york". Its first word is capitalised then.
   */
  isName?(lowerWords: string): boolean;
  /** A country's name of several words, each a common word ("united states"). */
  isCountry?(lowerWords: string): boolean;
  /** A particle written in lower case inside a name ("de", "la", "del" in "San Luis de la Reina"). */
  isNameParticle?(lower: string): boolean;
  /** A word read in lower case that may still open a name ("NORTH" of "NORTH KIVU", "WEST BANK"). */
  isNameOpener?(lower: string): boolean;
}

/** At least this share of the cased letters are capitals... */
const CAPITALS_SHARE = 0.8;
/** ... and at least this many. */
const MIN_LETTERS = 12;
/** The longest word sequence tried as a name. */
const MAX_NAME_WORDS = 4;

interface Word {
  start: number;
  end: number;
  lower: string;
  /** Every letter a capital (and some letter cased). */
  caps: boolean;
}

function isLetter(ch: string): boolean {
  return (charClasses(ch.charCodeAt(0)) & LETTER) !== 0;
}

/** Words: runs of letters, with an apostrophe between letters ("DON'T", "O'BRIEN"). */
function wordsOf(text: string, from: number): Word[] {
  const words: Word[] = [];
  let i = from;
  const n = text.length;
  while (i < n) {
    if (!isLetter(text[i]!)) { i++; continue; }
    const start = i;
    while (i < n && (isLetter(text[i]!) || ((text[i] === "'" || text[i] === '’') && i + 1 < n && isLetter(text[i + 1]!) && i > start))) i++;
    const w = text.slice(start, i);
    const upper = w.toUpperCase();
    const lower = w.toLowerCase();
    words.push({ start, end: i, lower, caps: w === upper && w !== lower });
  }
  return words;
}

/** Whether the text from `from` on is written in capitals: one pass over its letters, stopping early. */
export function writtenInCapitals(text: string, from = 0): boolean {
  let lower = 0;
  let upper = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) lower++;
    else if (c >= 65 && c <= 90) upper++;
    else if (c >= 128) {
      const ch = text[i]!;
      const l = ch.toLowerCase();
      const u = ch.toUpperCase();
      if (l === u) continue;
      if (ch === l) lower++;
      else upper++;
    } else continue;
    // Ordinary text: a lower-case letter in every few is enough to tell.
    if (lower > 50 && lower * CAPITALS_SHARE > (1 - CAPITALS_SHARE) * (upper + 1) * 4) return false;
  }
  return upper >= MIN_LETTERS && upper >= CAPITALS_SHARE * (upper + lower);
}

function hasVowel(lower: string): boolean {
  return /[aeiouyáéíóúàèìòùâêîôûäëïöüãõ]/.test(lower);
}

/** Lower-cases a span, letter by letter, where the lower case has the same length. */
function lowerSpan(chars: string[], text: string, start: number, end: number): void {
  for (let k = start; k < end; k++) {
    const l = text[k]!.toLowerCase();
    if (l.length === 1) chars[k] = l;
  }
}

/**
 * A sentence starts here: the text's start, a line start, after ". ", "? ", "! ", a dateline's "--",
 * or a bracketed tag that itself starts one ("[TEXT] THE ...", but not "... [FMLN] TROOPS").
 */
function startsSentence(text: string, from: number, at: number, depth = 0): boolean {
  let k = at - 1;
  while (k >= from && (text[k] === ' ' || text[k] === '\t' || text[k] === '"' || text[k] === '“' || text[k] === "'" || text[k] === '(' || text[k] === '[')) k--;
  if (k < from) return true;
  const c = text[k]!;
  if (c === '\n' || c === '\r' || c === '?' || c === '!' || c === ':') return true;
  if (c === ']') {
    let open = k - 1;
    while (open >= from && k - open <= 80 && text[open] !== '[') open--;
    return open >= from && text[open] === '[' && depth < 4 && startsSentence(text, from, open, depth + 1);
  }
  if (c === '-' && text[k - 1] === '-') return true;
  if (c === '—') return true;
  if (c === '.') {
    // "U.S. OFFICIALS": a full stop after a single letter is an abbreviation's.
    const before = text[k - 1];
    const before2 = text[k - 2];
    return !(before !== undefined && isLetter(before) && (before2 === undefined || !isLetter(before2)));
  }
  return false;
}

/**
 * The text as read: when the part from `from` on is written in capitals, the same text in ordinary
 * case (same length and offsets); otherwise the text itself.
 */
export function readingCase(text: string, lexicon: CaseLexicon, from = 0): string {
  if (!writtenInCapitals(text, from)) return text;
  const words = wordsOf(text, from);
  const chars = text.split('');
  const nearNumber = (i: number): boolean => {
    const w = words[i]!;
    return /^[ .,]*\d/.test(text.slice(w.end, w.end + 3)) || /\d[ .,]*$/.test(text.slice(Math.max(0, w.start - 3), w.start));
  };
  const capitalised = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.caps) continue; // already in ordinary case
    const core = w.lower.replace(/['’].*$/, '');
    const single = w.end - w.start === 1;
    // "U.S.", "A." (an initial), "FMLN", "ELN": acronyms stay; "A", "I" are words.
    if (single && text[w.end] === '.') continue;
    let cap: boolean;
    if (lexicon.isAlwaysCapitalised?.(core)) cap = true;
    else if (lexicon.isCalendarBesideNumber?.(core) && nearNumber(i)) cap = true;
    else if (lexicon.isLowerWord(core)) cap = false;
    else if (single || !hasVowel(w.lower) || w.end - w.start <= 2) continue; // an acronym, or "I"
    else cap = true;
    lowerSpan(chars, text, cap ? w.start + 1 : w.start, w.end);
    capitalised[i] = cap ? 1 : 0;
  }
  // Names of several words with a common word in them: "LA PAZ", "EL SALVADOR", "NEW YORK", "GUATEMALA CITY".
  if (lexicon.isName) {
    for (let i = 0; i < words.length; i++) {
      if (!words[i]!.caps) continue;
      let key = words[i]!.lower;
      for (let j = i + 1; j < words.length && j < i + MAX_NAME_WORDS; j++) {
        const gap = text.slice(words[j - 1]!.end, words[j]!.start);
        if (gap !== ' ' && gap !== '-') break;
        key += ` ${words[j]!.lower}`;
        // One of the words must be no common word ("THE CAPITAL" names no place).
        let named = lexicon.isNameOpener?.(words[i]!.lower) ?? false;
        for (let k = i; k <= j; k++) if (capitalised[k] === 1) named = true;
        if ((named && lexicon.isName(key)) || lexicon.isCountry?.(key)) {
          // Its words but particles: "La Paz", "Guatemala City", "Santa Fe", "San Luis de la Reina".
          for (let k = i; k <= j; k++) {
            if (k > i && lexicon.isNameParticle?.(words[k]!.lower)) continue;
            chars[words[k]!.start] = text[words[k]!.start]!;
            capitalised[k] = 1;
          }
          i = j;
          break;
        }
      }
    }
  }
  // A sentence's first word is capitalised.
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.caps && startsSentence(text, from, w.start)) chars[w.start] = text[w.start]!;
  }
  return chars.join('');
}
