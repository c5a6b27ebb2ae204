// A record that names a day and a place but no event: "June 8th 2017: (S819) Al Qouriya, Deir Ezzor
// governorate, Syria" (a casualty monitor's entry). It says that something happened there that day,
// not what: a report of unknown type that the merge engine may join to an event of that day and
// place (src/merge/compat.ts), never an event of its own.
import type { Doc } from '../common/doc.js';
import placeKindWords from '../locales/en/data/place-kind-words.json' with { type: 'json' };
import placeModifiers from '../locales/en/data/place-modifiers.json' with { type: 'json' };
import type { MergeInput } from '../merge/types.js';
import { acledAdmin1 } from './assemble.js';
import { documentFocus } from './location.js';

const KIND_WORDS = new Set(placeKindWords.words);
const SETTLEMENT_WORDS = new Set(placeKindWords.settlements);
const UNIT_AFTER = new RegExp(`^\\s+(?:${placeModifiers.unitWords.join('|')})\\b`, 'i');

/**
 * A record lists its places most specific first ("Al Qouriya, Deir Ezzor governorate"): the
 * segment before the first place the gazetteer knows, when it has words of its own (in Latin
 * letters: a record may give a name in two scripts), names a place inside that one; its name
 * without the words of kind ("village", "farm").
 */
function innerPlace(text: string, settlementOnly = false): string {
  for (const part of text.replace(/\([^)]*\)/g, ' ').split(/[,;:/]/)) {
    const all = part.replace(/[^A-Za-z\s'’-]+/g, ' ').split(/[\s-]+/);
    const words = all.filter((w) => w.length > 1 && !KIND_WORDS.has(w.toLowerCase()));
    if (words.length === 0) continue;
    if (settlementOnly && !all.some((w) => SETTLEMENT_WORDS.has(w.toLowerCase()))) return '';
    return words.length <= 5 ? words.join(' ') : '';
  }
  return '';
}

/** The day (time_precision 1) and the most specific place the document names, or undefined. */
export function datedPlaceReport(doc: Doc): MergeInput | undefined {
  const date = doc.dates.find((d) => d.precision === 1 && !d.reporting && !d.vague);
  const place = documentFocus(doc);
  if (!date || !place) return undefined;
  const e = place.entry;
  // Placed at its province ("Deir Ezzor governorate"): a named place before it is where it was.
  // Placed at a town, a settlement named before it ("Hamra Blassem village, east of Raqqa city") is
  // where it was, near the town: another incident than the town's own.
  let inner = '';
  const atProvince = e.feature === 'admin1' || UNIT_AFTER.test(doc.text.slice(place.end));
  if (atProvince || e.feature === 'city') {
    let first = place.start;
    for (const p of doc.places) if (!p.demonym && p.start >= date.end && p.start < first) first = p.start;
    if (first > date.end) inner = innerPlace(doc.text.slice(date.end, first), !atProvince);
  }
  return {
    event_id: `${doc.id}#place`,
    doc_id: doc.id,
    event_date: date.date,
    time_precision: 1,
    country: e.country,
    admin1: acledAdmin1(place),
    // A place inside the province or near the town, coded at the coordinates of the one named (geo_precision 2).
    location: inner || e.name,
    latitude: e.latitude,
    longitude: e.longitude,
    geo_precision: inner ? 2 : e.feature === 'city' ? 1 : e.feature === 'admin2' ? 2 : 3,
    source: doc.meta.source ?? '',
  };
}
