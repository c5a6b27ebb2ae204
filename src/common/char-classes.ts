// Unicode classes of UTF-16 code units, each computed once by regular expression and then read from
// a table: testing a regular expression per character (on a one-character string) costs far more
// than the scan around it, and news text is full of curly quotes, dashes and accented letters.
// A lone surrogate is in no class, as the expressions say of it (astral characters are never letters).

export const LETTER = 1;
export const MARK = 2;
export const NUMBER = 4;
export const PUNCTUATION = 8;
/** Upper-case: lower-casing changes it and upper-casing does not. */
export const UPPER = 16;
/** Lower-casing changes it (capitals, and title-case letters such as "ǅ"). */
export const LOWERABLE = 32;
const KNOWN = 128;

const table = new Uint8Array(0x10000);

function classesOf(ch: string): number {
  let v = KNOWN;
  if (/\p{L}/u.test(ch)) v |= LETTER;
  if (/\p{M}/u.test(ch)) v |= MARK;
  if (/\p{N}/u.test(ch)) v |= NUMBER;
  if (/\p{P}/u.test(ch)) v |= PUNCTUATION;
  if (ch !== ch.toLowerCase()) v |= LOWERABLE;
  if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) v |= UPPER;
  return v;
}

/** The classes (bit set) of the code unit c (0 <= c < 0x10000). */
export function charClasses(c: number): number {
  const v = table[c]!;
  if (v !== 0) return v;
  return (table[c] = classesOf(String.fromCharCode(c)));
}

/** A letter, mark or digit: a character words are made of. */
export function isWordCode(c: number): boolean {
  return (charClasses(c) & (LETTER | MARK | NUMBER)) !== 0;
}

/** Whether a string has an ASCII digit (0-9). */
export function hasAsciiDigit(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}
