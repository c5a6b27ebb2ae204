// Consonant skeletons: the letters that the Latin spellings of one name from another script share
// ("Daraa" / "Dar'a", "Idlib" / "Idleb"). Short vowels are unwritten in Arabic or Persian script and
// spelt freely, and a doubled letter is written once or twice, so both go. Each caller first folds
// what its own comparison needs (articles, q/g/c, h): see geography/fold.ts skeletonKey,
// geography/build-gazetteer.ts, merge/compat.ts nameSkeleton and the per-script rules of
// geography/data/transliteration-keys.json.

/** A (folded, lower-case) name without vowels (y with them) and white space, doubled letters once. */
export function consonantSkeleton(s: string): string {
  return s.replace(/[aeiouy\s]+/g, '').replace(/(.)\1+/g, '$1');
}
