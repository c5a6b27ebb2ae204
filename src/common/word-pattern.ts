// Regular expressions made from word lists of a locale's data: the words escaped, joined as alternatives.

/** The word with every character special in a regular expression escaped. */
export function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The words as alternatives of a regular expression ("a|b|c"), each escaped; with `spaces`, a space in a phrase matches any run of white space. */
export function alternation(words: readonly string[], spaces: 'exact' | 'any' = 'exact'): string {
  return words.map((w) => (spaces === 'any' ? escapeRegExp(w).replace(/ /g, '\\s+') : escapeRegExp(w))).join('|');
}

/** Whole words and stems as alternatives ("a|b|(?:st)\w*"): a stem matches any word it begins ("rustl": rustlers, rustling). */
export function wordsAndStems(list: { readonly words: readonly string[]; readonly stems?: readonly string[] }): string {
  const stems = list.stems ?? [];
  return stems.length === 0 ? alternation(list.words) : `${alternation(list.words)}|(?:${alternation(stems)})\\w*`;
}
