// English verb inflection for lexicon entries: "attack" → attacks, attacked, attacking;
// "open fire" → opens fire, opened fire, opening fire. Regular morphology only; irregular
// forms ("shot", "fought") are listed in the lexicons themselves.

const VOWELS = 'aeiou';

function thirdPerson(verb: string): string {
  if (/(s|sh|ch|x|z)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/** Doubling of a final consonant after one stressed short vowel: "stab" → "stabbed", "ambush" stays. */
function doubles(verb: string): boolean {
  if (verb.length < 3 || verb.length > 4) return false;
  // Four letters double only after a consonant cluster ("stab", "drop"), not "open".
  if (verb.length === 4 && (VOWELS.includes(verb[0]!) || VOWELS.includes(verb[1]!))) return false;
  const [a, b, c] = verb.slice(-3);
  return !VOWELS.includes(a!) && VOWELS.includes(b!) && !VOWELS.includes(c!) && !'wxy'.includes(c!);
}

function past(verb: string): string {
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  if (doubles(verb)) return `${verb}${verb.at(-1)}ed`;
  return `${verb}ed`;
}

function progressive(verb: string): string {
  if (verb.endsWith('ie')) return `${verb.slice(0, -2)}ying`;
  if (verb.endsWith('e') && !verb.endsWith('ee')) return `${verb.slice(0, -1)}ing`;
  if (doubles(verb)) return `${verb}${verb.at(-1)}ing`;
  return `${verb}ing`;
}

/** The phrase with its first word (the verb) in base, -s, -ed and -ing forms. */
export function inflections(phrase: string): string[] {
  const [verb, ...rest] = phrase.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const forms = new Set([verb!, thirdPerson(verb!), past(verb!), progressive(verb!)]);
  return [...forms].map((f) => f + tail);
}

/** A noun as written and, when it may be a plural ("Somalis"), its singular: the forms to look up. */
export function singularCandidates(noun: string): string[] {
  return noun.endsWith('s') ? [noun, noun.slice(0, -1)] : [noun];
}
