// "near X", "outside the town of X", "10 km from X": words that put what happened near a place, not
// in it (data/near-place.json). One definition for the place recogniser (a cue, and a preference for
// a town) and for geo_precision (2, near a town).
import nearPlace from './data/near-place.json' with { type: 'json' };

const words = (phrase: string) => phrase.split(' ').join('\\s+');
const NEAR_BEFORE = new RegExp(`\\b(?:${nearPlace.phrases.map(words).join('|')})\\s+(?:the\\s+)?(?:(?:${nearPlace.kindOf.map(words).join('|')})\\s+)?$`, 'i');

/** The last words of those phrases (and "the"): the word right before a place they may end in. */
export const NEAR_LAST_WORDS: ReadonlySet<string> = new Set(['the', ...[...nearPlace.phrases, ...nearPlace.kindOf].map((p) => p.slice(p.lastIndexOf(' ') + 1))]);

/** Characters before a place that the longest phrase takes ("south-west of the village of "). */
const REACH = 40;

/** Whether the text right before `at` (a place name's start) puts it near the place: "near the town of ". */
export function nearBefore(text: string, at: number): boolean {
  return NEAR_BEFORE.test(text.slice(Math.max(0, at - REACH), at));
}

const NEAR_AFTER = new RegExp(`^(?:['’]s)?\\s+(?:${nearPlace.after.map(words).join('|')})\\b`, 'i');

/** Whether the words right after `at` (a place name's end) put what happened around the place: "Idlib countryside". */
export function nearAfter(text: string, at: number): boolean {
  return NEAR_AFTER.test(text.slice(at, at + REACH));
}

const FILLER = new RegExp(`^\\s*[,(]?\\s*(?:(?:${nearPlace.linkFiller.join('|')}|\\d+(?:[.,]\\d+)?)\\s+)*$`, 'i');

/**
 * Whether the text between two place names puts the first near the second: a phrase of
 * near-place.json, after nothing but a comma and filler words ("Selim near Zemio", "Sabanga, a
 * village a few kilometres from Bakala", "Kalaga, located 45 km from Bria", or in brackets: "Gbadolo (30 km
 * north-west of Bria)"); not "Bouca and near Bossangoa".
 */
export function nearLink(gap: string): boolean {
  if (gap.length > REACH + 30) return false;
  const m = NEAR_BEFORE.exec(gap);
  return m !== null && FILLER.test(gap.slice(0, m.index));
}

const far = nearPlace.farReference;
const FAR_BEFORE = new RegExp(
  `(\\d+(?:[.,]\\d+)?)\\s*(${Object.keys(far.units).join('|')})\\s+(?:${far.phrases.map(words).join('|')})\\s+(?:the\\s+)?(?:(?:${[...far.heads].sort((a, b) => b.length - a.length).map(words).join('|')})\\s*,?\\s+)?$`,
  'i',
);

/**
 * Whether the text right before `at` (a place name's start) puts the event far from the place: a
 * distance beyond farKm before a direction or "from" ("200 km north of the capital, Bamako"). The
 * place is a reference point, not the event's.
 */
export function farBefore(text: string, at: number): boolean {
  const m = FAR_BEFORE.exec(text.slice(Math.max(0, at - 70), at));
  if (!m) return false;
  // ("1,500 km": a comma before three digits groups thousands; "2,5 km" is a decimal comma.)
  const n = /^\d{1,3}(?:,\d{3})+$/.test(m[1]!) ? m[1]!.replace(/,/g, '') : m[1]!.replace(',', '.');
  const km = Number(n) * (far.units as Record<string, number>)[m[2]!.toLowerCase()]!;
  return km > far.farKm;
}
