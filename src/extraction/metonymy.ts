// Capital metonymy: a capital's name standing for its government ("Washington said", "Moscow
// denied", "Ankara's demand", "ties between Washington and Ankara"). Such a mention is neither where
// an event happened nor a sign of the story's country, so it leaves the document's places. Which
// names are capitals comes from the gazetteer; the cues around the name are locale data.
import type { Doc, PlaceMention } from '../common/doc.js';
import { lookupCountry } from '../geography/index.js';
import cues from '../locales/en/data/metonymy.json' with { type: 'json' };
import functionWords from '../locales/en/data/function-words.json' with { type: 'json' };
import { alternation } from '../common/word-pattern.js';

const alt = (words: readonly string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');

const VERB_AFTER = new RegExp(`^\\s+(?:(?:${alt(cues.between)})\\s+){0,3}(?:${alt(cues.verbsAfter)})\\b`, 'i');
const POSSESSIVE_AFTER = new RegExp(`^(?:['’]s|['’])\\s+(?:[\\p{L}-]+\\s+)?(?:${alt(cues.nounsAfterPossessive)})\\b`, 'iu');
const PLACE_PREPOSITION_BEFORE = new RegExp(`\\b(?:${alt(cues.placePrepositions)})\\s+(?:the\\s+)?$`, 'i');
const BEFORE = new RegExp(`\\b(?:${alt(cues.before)})\\s+(?:the\\s+)?$`, 'i');
/** "...: Ankara" closing its line: the source a headline cites ("17 killed in car bomb: Ankara"). */
const ATTRIBUTION_BEFORE = new RegExp(`(?:${alt(cues.attributionSeparators)})[ \\t]*$`);
const LINE_END_AFTER = /^[ \t]*(?:\n|$)/;
/** "between Washington and ": the second capital of a pair takes the first's reading. */
const PAIR_BEFORE = new RegExp(`\\b(\\p{Lu}[\\p{L}-]*(?:\\s\\p{Lu}[\\p{L}-]*)?)\\s+(?:${alternation(functionWords.pairConjunctions)})\\s+$`, 'u');

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

/** Whether the capital mention [start, end) of `text` stands for a government by its own context. */
function governmentCue(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  if (BEFORE.test(before)) return true;
  if (ATTRIBUTION_BEFORE.test(before) && LINE_END_AFTER.test(text.slice(end, end + 60))) return true;
  if (PLACE_PREPOSITION_BEFORE.test(before)) return false;
  const after = text.slice(end, end + 60);
  return VERB_AFTER.test(after) || POSSESSIVE_AFTER.test(after);
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
