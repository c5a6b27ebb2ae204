// English words for reading text written in capitals (common/reading-case): which words are
// written in lower case, and which calendar words are capitalised.
import type { CaseLexicon } from '../../common/reading-case.js';
import calendarWords from './data/calendar-words.json' with { type: 'json' };
import letterCase from './data/letter-case.json' with { type: 'json' };

const PARTICLES = new Set(letterCase.nameParticles);
/** "NORTHERN MORAZAN": read "northern Morazan" unless the two are one name ("NORTH KIVU"). */
const COMPASS = new Set(letterCase.compassWords);

const MONTHS = Object.keys(calendarWords.months);
const WEEKDAYS = Object.keys(calendarWords.weekdays);
/** Full month and weekday names ("DECEMBER", "MONDAY"); "may" and "march" are words too. */
const ALWAYS = new Set([...MONTHS, ...WEEKDAYS].filter((w) => w.length > 4 || w === 'june' || w === 'july'));
const BESIDE_NUMBER = new Set([...MONTHS, ...WEEKDAYS]);

/**
 * The stems a regular English ending leaves: "clashes" → clash, "residences" → residence,
 * "amnesties" → amnesty, "contemplated" → contemplate, "wounding" → wound, "shelled" → shell.
 */
function stems(w: string): string[] {
  const out: string[] = [];
  const doubled = (s: string) => (s.length > 2 && s.at(-1) === s.at(-2) ? [s.slice(0, -1)] : []);
  if (w.endsWith('ies') && w.length > 4) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es') && w.length > 3) out.push(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) out.push(w.slice(0, -1));
  if (w.endsWith('ied') && w.length > 4) out.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('ed') && w.length > 4) { const s = w.slice(0, -2); out.push(s, `${s}e`, ...doubled(s)); }
  if (w.endsWith('ing') && w.length > 5) { const s = w.slice(0, -3); out.push(s, `${s}e`, ...doubled(s)); }
  if (w.endsWith('ly') && w.length > 4) out.push(w.slice(0, -2));
  return out;
}

/**
 * The English case lexicon: `common` are words written in lower case (the gazetteer's common
 * words, from SUBTLEX-US), and regular inflections of them unless the inflected form is a name
 * (`isName`: "MORALES" is a town and a surname, not "morale" + s).
 */
export function englishCaseLexicon(
  common: ReadonlySet<string>,
  isName: (lowerWords: string) => boolean,
  firstNames?: ReadonlySet<string>,
  isCountry?: (lowerWords: string) => boolean,
): CaseLexicon {
  const cache = new Map<string, boolean>();
  return {
    isLowerWord(lower) {
      if (common.has(lower) || COMPASS.has(lower)) return true;
      let v = cache.get(lower);
      if (v === undefined) {
        v = stems(lower).some((s) => common.has(s)) && !isName(lower) && !(firstNames?.has(lower) ?? false);
        if (cache.size > 50_000) cache.clear();
        cache.set(lower, v);
      }
      return v;
    },
    isAlwaysCapitalised: (lower) => ALWAYS.has(lower),
    isCalendarBesideNumber: (lower) => BESIDE_NUMBER.has(lower),
    isName,
    isCountry,
    isNameParticle: (lower) => PARTICLES.has(lower),
    isNameOpener: (lower) => COMPASS.has(lower),
  };
}
