// "demonstrators marched in the capital", "the Burkina Faso capital": a country's capital named by
// the word alone. When the story's country is known (a country named right before the word, or the
// one country of the document's places), the mention is a place: that country's capital, as the
// gazetteer's country record gives it. The words are locale data.
import type { Doc, GazetteerEntry, PlaceMention } from '../common/doc.js';
import type { Gazetteer } from '../geography/gazetteer.js';
import { foldName } from '../geography/fold.js';
import { lookupCountry } from '../geography/index.js';
import words from '../locales/en/data/capital-reference.json' with { type: 'json' };
import functionWords from '../locales/en/data/function-words.json' with { type: 'json' };
import { alternation } from '../common/word-pattern.js';

const alt = (list: readonly string[]) => list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
const heads = [...words.heads].sort((a, b) => b.length - a.length);
/** "the capital", "the country's capital", "the capital city"; group 1 is the head. */
const REFERENCE = new RegExp(`\\bthe\\s+(?:(?:${alt(words.possessors)})\\s+)?(${alt(heads)})\\b`, 'giu');
/** "the Burkina Faso capital": a country's name right before the head. */
const AFTER_NAME = new RegExp(`^\\s+(${alt(heads)})\\b`, 'iu');
/** What follows when the capital is named anyway: ", Bangui", " of Mali", " Bamako", " (". */
const NAMED_AFTER = new RegExp(`^(?:\\s*,?\\s*\\p{Lu}|\\s+(?:${alternation(functionWords.genitiveLink)})\\b|\\s*\\()`, 'u');
/** "in the capital and the west of the country": one of several areas, not where the event was. */
const LISTED_AFTER = new RegExp(`^\\s+(?:${alternation(functionWords.listConjunctions)})\\b`);
const REFERENCE_BEFORE = new RegExp(`\\b(?:${alt(words.referenceBefore)})\\s*$`, 'iu');
const NOT_BEFORE = new RegExp(`\\b(?:${alt(words.notBefore)})\\s*$`, 'iu');

/** The gazetteer entry of a country's capital (a city of that country near the record's point). */
export function capitalEntry(gaz: Gazetteer, countryCode: string): GazetteerEntry | undefined {
  const cap = lookupCountry(countryCode)?.capital;
  if (!cap) return undefined;
  let best: GazetteerEntry | undefined;
  let bestD = Infinity;
  for (const i of gaz.lookup(foldName(cap.name)) ?? []) {
    const e = gaz.entry(i);
    if (e.countryCode !== countryCode || e.feature !== 'city') continue;
    const d = Math.abs(e.latitude - cap.latitude) + Math.abs(e.longitude - cap.longitude);
    if (d < bestD) {
      bestD = d;
      best = e;
    }
  }
  return best && bestD < 0.2 ? best : undefined;
}

/** The one country of the document's places (demonyms included), if there is one. */
function storyCountry(doc: Doc): string | undefined {
  let code: string | undefined;
  for (const p of doc.places) {
    if (code && p.entry.countryCode !== code) return undefined;
    code = p.entry.countryCode;
  }
  return code;
}

export function addCapitalReferences(doc: Doc, gaz: Gazetteer): void {
  const text = doc.text;
  const added: PlaceMention[] = [];
  // (Places are sorted by start and the matches come in text order: one pass over both.)
  let next = 0;
  const overlapsPlace = (s: number, e: number) => {
    while (next < doc.places.length && doc.places[next]!.end <= s) next++;
    return next < doc.places.length && doc.places[next]!.start < e;
  };
  // "the Burkina Faso capital"
  for (let i = 0; i < doc.places.length; i++) {
    const p = doc.places[i]!;
    if (p.demonym || p.entry.feature !== 'country') continue;
    const m = AFTER_NAME.exec(text.slice(p.end, p.end + 20));
    if (!m) continue;
    const start = p.end + m.index + m[0].length - m[1]!.length;
    const end = p.end + m.index + m[0].length;
    if (NAMED_AFTER.test(text.slice(end, end + 3)) || (doc.places[i + 1]?.start ?? Infinity) < end) continue;
    const entry = capitalEntry(gaz, p.entry.countryCode);
    if (entry) added.push({ start, end, text: text.slice(start, end), entry, score: p.score });
  }
  const taken = new Set(added.map((a) => a.start));
  const country = storyCountry(doc);
  const capital = country ? capitalEntry(gaz, country) : undefined;
  if (capital) {
    REFERENCE.lastIndex = doc.bodyStart;
    for (let m = REFERENCE.exec(text); m; m = REFERENCE.exec(text)) {
      const end = m.index + m[0].length;
      const start = end - m[1]!.length;
      const after = text.slice(end, end + 5);
      if (NAMED_AFTER.test(after) || LISTED_AFTER.test(after) || NOT_BEFORE.test(text.slice(Math.max(0, start - 16), start))) continue;
      if (REFERENCE_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
      if (taken.has(start) || overlapsPlace(start, end)) continue;
      added.push({ start, end, text: text.slice(start, end), entry: capital, score: 1 });
    }
  }
  if (added.length === 0) return;
  doc.places.push(...added);
  doc.places.sort((a, b) => a.start - b.start);
}
