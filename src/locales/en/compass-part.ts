// "in north-eastern Syria", "northern Nigeria": a lower-case compass word before a country's name
// puts the place in one part of it (data/compass-part.json).
import compassPart from './data/compass-part.json' with { type: 'json' };

const WORDS = new Map<string, readonly [number, number]>(Object.entries(compassPart.words).map(([w, d]) => [w, [d[0]!, d[1]!] as const]));
/** Characters before a name that "north-western " takes. */
const REACH = 16;

/**
 * The part of a country the words right before `at` (the start of its name) put a place in, as the
 * signs of its offset from the country's centre ([1, 0] north, [-1, 1] south-east); undefined when no
 * compass word in lower case stands right before it.
 */
export function compassPartBefore(text: string, at: number): readonly [number, number] | undefined {
  const words = text.slice(Math.max(0, at - REACH), at).split(/\s+/).filter(Boolean);
  const word = words[words.length - 1];
  if (word === undefined || word !== word.toLowerCase()) return undefined;
  return WORDS.get(word);
}
