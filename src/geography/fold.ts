// Name folding shared by the gazetteer builder and the recogniser, so that "Al Ḩasakah",
// "Al-Hasakah" and "al hasakah" meet at one key: lower case, no diacritics, no apostrophes or
// transliteration marks (‘ ’ ʼ ʻ), hyphens and dots as spaces (dots after letters dropped: "U.S." -> "us").
import { consonantSkeleton } from '../common/skeleton.js';
import transliterationKeys from './data/transliteration-keys.json' with { type: 'json' };

const SPECIAL: Record<string, string> = {
  ł: 'l', đ: 'd', ð: 'd', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i', þ: 'th', ħ: 'h',
};

/** Fold one name to its index key. */
export function foldName(name: string): string {
  let s = name.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(s)) {
    s = s.normalize('NFD').replace(/\p{M}/gu, '');
    s = s.replace(/[łđðøßæœıþħ]/g, (c) => SPECIAL[c] ?? c);
    s = s.replace(/[‘’ʼʻ`´ʿʾ′]/g, '');
  }
  s = s.replace(/'/g, '');
  // "U.S." -> "us", "St. Louis" -> "st louis", "Winston-Salem" -> "winston salem"
  s = s.replace(/([a-z0-9])\.(?=[a-z0-9]\.|[a-z0-9]$)/g, '$1').replace(/[-–.,/()]+/g, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** Fold a single word token (no spaces inside) quickly: the common ASCII case avoids normalisation. */
export function foldToken(word: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]|['.]/.test(word)) return word.toLowerCase();
  return foldName(word).replace(/ /g, '');
}

/**
 * Transliterations of the Arabic article, assimilated or not ("al", "el", "ad-Dana", "ash-Shaddadi"):
 * the one list (transliteration-keys.json, Arabic articles) that the gazetteer's name variants, its
 * builder, place recognition and merge's name skeletons drop.
 */
export const ARABIC_ARTICLES: readonly string[] = transliterationKeys.scripts.Arabic.articles;
/** An Arabic article before a space or a hyphen, at the start of a folded name. */
const ARTICLE = new RegExp(`^(?:${ARABIC_ARTICLES.join('|')})[ -]`);

const ARABIC_WORD_VARIANTS: [string, string[]][] = [
  ['tall ', ['tal ', 'tell ', 'tel ']],
  ['dayr ', ['deir ', 'deir el ', 'deir al ']],
  ['ayn ', ['ain ', 'ein ']],
  ['jisr ', ['jisr al ']],
  ['kafr ', ['kfar ', 'kafar ']],
];

const COMPASS_OTHER: Record<string, string> = {
  north: 'northern', south: 'southern', east: 'eastern', west: 'western',
  northern: 'north', southern: 'south', eastern: 'east', western: 'west',
};
/** ("Southern District" is no "South District": the rest must be a name, not a unit word.) */
const UNIT_WORDS = new Set(['district', 'region', 'province', 'state', 'governorate', 'county', 'department', 'division', 'prefecture', 'municipality', 'zone', 'area', 'territory', 'sector']);
const COMPASS = /^(northern|southern|eastern|western|north|south|east|west)(?= [a-z]{3})/;

/** Countries whose place names join words by the Persian izafe ("Nahr-e Saraj"). */
const IZAFE_NAMES = new Set(['AF', 'IR', 'TJ', 'PK']);

/** Countries whose place names carry the Arabic article ("Al Hasakah", "Ar Raqqah"). */
const ARABIC_NAMES = new Set('SY IQ YE SA JO LB PS EG LY TN DZ MA SD MR OM AE QA BH KW SO DJ TD EH'.split(' '));

/**
 * Romanisations of Persian and Pashto names that news and GeoNames write differently: the izafe
 * ("Nahr-e Saraj", "Nahri Saraj", "Nahr Saraj"), "-abad" apart ("Dawlat Abad"), "ow" as "aw"
 * ("Dowlatabad", "Dawlatabad"). Each combination once, the name itself excluded.
 */
function persianVariants(folded: string): string[] {
  let forms = [folded];
  const apply = (f: (s: string) => string[]) => {
    forms = [...new Set([...forms, ...forms.flatMap(f)])];
  };
  apply((s) => (/ [ei] /.test(s) ? ['i ', ' ', 'e '].map((joint) => s.replace(/ [ei] /g, joint)) : []));
  apply((s) => (/[a-z]{3}abad$/.test(s) ? [`${s.slice(0, -4)} abad`] : []));
  apply((s) => (s.includes('ow') ? [s.replace(/ow/g, 'aw')] : []));
  return forms.slice(1);
}

/**
 * Spelling variants of a (folded) place name that news text commonly uses: Arabic article dropped
 * ("al hasakah" -> "hasakah", only for places in Arabic-speaking countries), Persian
 * romanisations (see persianVariants), "saint"/"st",
 * "mount"/"mt", "fort"/"ft".
 */
export function nameVariants(folded: string, countryCode?: string): string[] {
  const out: string[] = [];
  const arabic = countryCode === undefined || ARABIC_NAMES.has(countryCode);
  const m = arabic ? ARTICLE.exec(folded) : null;
  if (m && folded.length > m[0].length + 3) out.push(folded.slice(m[0].length));
  // GeoNames' "Tall Abyad", "Dayr Hafir", "Ayn Issa" are written "Tal/Tell Abyad", "Deir Hafer", "Ain Issa".
  if (arabic) {
    for (const [from, tos] of ARABIC_WORD_VARIANTS) {
      if (!folded.startsWith(from)) continue;
      for (const to of tos) out.push(to + folded.slice(from.length));
    }
  }
  if (countryCode === undefined || IZAFE_NAMES.has(countryCode)) out.push(...persianVariants(folded));
  if (/^st /.test(folded)) out.push('saint ' + folded.slice(3));
  else if (/^saint /.test(folded)) out.push('st ' + folded.slice(6));
  // "Western Darfur" / "West Darfur", "North Kivu" / "Northern Kivu": news and GeoNames write a
  // region's compass word either way.
  const compass = COMPASS.exec(folded);
  if (compass && !UNIT_WORDS.has(folded.slice(compass[1]!.length + 1))) out.push(COMPASS_OTHER[compass[1]!]! + folded.slice(compass[1]!.length));
  if (/^mount /.test(folded)) out.push('mt ' + folded.slice(6));
  if (/^fort /.test(folded)) out.push('ft ' + folded.slice(5));
  return out;
}

/** Words a skeleton keeps whole, in one form: "East Hararge" and "West Hararge" are two zones. */
const SKELETON_KEPT: Record<string, string> = {
  north: 'north', northern: 'north', south: 'south', southern: 'south', east: 'east', eastern: 'east',
  west: 'west', western: 'west', central: 'central', upper: 'upper', lower: 'lower',
};

/**
 * The consonant skeleton of a (folded) region name, a look-up key for a region written in another
 * transliteration ("East Hararge", "East Harerghe"; "Kemashi", "Kamashi"): compass words kept whole,
 * the Arabic article dropped, the rest joined and reduced to its consonants (vowels and y dropped, an h
 * after a consonant too: "gh", "sh"; q/k/g/c as one letter, doubled letters once). '' when fewer than three consonants are
 * left: too few to tell names apart. Keys start with "~", apart from every name. (It folds more than
 * transliteration.ts keys, which come from per-script data and apply only in the focus country's
 * index, and than merge's nameSkeleton, which compares two names in full: a region's key must meet
 * a spelling the gazetteer lacks.)
 */
export function skeletonKey(folded: string): string {
  const words = folded.split(' ');
  const kept: string[] = [];
  let i = 0;
  while (i < words.length - 1 && SKELETON_KEPT[words[i]!] !== undefined) kept.push(SKELETON_KEPT[words[i++]!]!);
  if (i < words.length - 1 && ARTICLE.test(words[i]! + ' ')) i++;
  const rest = words.slice(i).join('');
  if (rest.length < 5) return '';
  const skeleton = consonantSkeleton(rest.replace(/[^a-z]/g, '').replace(/([^aeiouy])h/g, '$1').replace(/[qgc]/g, 'k'));
  if (skeleton.length < 3) return '';
  return '~' + [...kept, skeleton].join(' ');
}
