// Capital metonymy: a capital's name standing for its government ("Washington said", "Moscow
// denied", "Ankara's demand", "ties between Washington and Ankara"). Such a mention is neither where
// an event happened nor a sign of the story's country, so it leaves the document's places. Which
// names are capitals comes from the gazetteer; the cues around the name are locale data.
import type { Doc, PlaceMention } from '../common/doc.js';
import { lookupCountry } from '../geography/index.js';
import { governmentCue, PAIR_BEFORE } from '../locales/en/metonymy.js';

/** Capitals are matched to their country's capital by distance (the gazetteer's names vary). */
const CAPITAL_WITHIN_KM = 10;

function isCapital(place: PlaceMention): boolean {
  if (place.demonym || place.entry.feature !== 'city') return false;
  const cap = lookupCountry(place.entry.countryCode)?.capital;
  if (!cap) return false;
  const dLat = (cap.latitude - place.entry.latitude) * 111;
  const dLon = (cap.longitude - place.entry.longitude) * 111 * Math.cos((cap.latitude * Math.PI) / 180);
  return dLat * dLat + dLon * dLon <= CAPITAL_WITHIN_KM * CAPITAL_WITHIN_KM;
}

/** Whether `place` is a capital named for its government. */
export function isGovernmentMetonym(doc: Doc, place: PlaceMention, previous?: PlaceMention): boolean {
  if (!isCapital(place)) return false;
  if (governmentCue(doc.text, place.start, place.end)) return true;
  // "between Washington and Ankara": the pair's first capital decides.
  if (previous && previous.end < place.start && place.start - previous.end <= 6 && PAIR_BEFORE.test(doc.text.slice(previous.start, place.start))) {
    return isCapital(previous) && governmentCue(doc.text, previous.start, previous.end);
  }
  return false;
}

/** Drops capitals named for their governments from the document's places. */
export function dropGovernmentMetonyms(doc: Doc): void {
  const keep: PlaceMention[] = [];
  let previous: PlaceMention | undefined;
  for (const p of doc.places) {
    if (!isGovernmentMetonym(doc, p, previous)) keep.push(p);
    previous = p;
  }
  if (keep.length !== doc.places.length) doc.places.splice(0, doc.places.length, ...keep);
}
