// A coder's note that says where its event was located: "[coded to Wadi Halfa admin 2 HQ]",
// "coded as Oursi at geoprecision 2", "Location coded to Bangui". The place named right after such
// words is the event's place, over the places the note names only as references ("20 km from X",
// "on the road between X and Y"). Words: data/coded-place.json.
import type { PlaceMention } from '../../common/doc.js';
import words from './data/coded-place.json' with { type: 'json' };
import placeModifiers from './data/place-modifiers.json' with { type: 'json' };
import { alternation } from '../../common/word-pattern.js';

/** The verb, then any fillers ("the state capital"), ending right before the place. */
const CODED_BEFORE = new RegExp(`\\b(?:${alternation(words.verbs, 'any')})\\s+(?:(?:${alternation(words.fillers, 'any')})\\s+){0,2}$`, 'i');

/**
 * "coded as Amhara Regional Special Forces": a place that opens a longer capitalised name ending in
 * a word for a force (place-modifiers.json's following words) names the coded actor, not the place.
 */
const OPENS_FORCE_NAME = new RegExp(`^(?:\\s+\\p{Lu}[\\p{L}'’-]*)+\\s+(?:${placeModifiers.following.map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join('|')})\\b`, 'u');

/**
 * A verb of CODED_BEFORE and CODED_AT and the space after it, anywhere (no word boundary asked, so a
 * window that starts inside a word is covered too): a text without one has no coded place.
 */
const ANY_VERB = new RegExp(`(?:${alternation(words.verbs, 'any')})\\s`, 'i');

/** How far before a place the words are looked for (the longest verb with two fillers fits). */
const WINDOW = 60;

/**
 * The first place the text names right after words that say where its event was coded, else
 * undefined. `isActor` rules out a place that opens an actor's name ("coded as Darfur communal
 * militia"). Each place's 60 characters before it are read once: linear in the places.
 */
export function codedPlace(text: string, places: readonly PlaceMention[], isActor: (p: PlaceMention) => boolean): PlaceMention | undefined {
  // (One scan of the text first: most texts hold none of the words.)
  if (!ANY_VERB.test(text)) return undefined;
  for (const p of places) {
    if (p.demonym || p.entry.feature === 'country') continue;
    if (!CODED_BEFORE.test(text.slice(Math.max(0, p.start - WINDOW), p.start))) continue;
    if (isActor(p) || OPENS_FORCE_NAME.test(text.slice(p.end, p.end + 80))) continue;
    return p;
  }
  // (The name after the words may be one the text named before and the reader kept only there:
  // "on the axis Djibo-Bourzanga (coded as Djibo at geoprecision 2)": that earlier mention.)
  // (Not where the name after them is a mention of its own, read above: "coded as Darfur communal militia".)
  const byName = new Map<string, PlaceMention>();
  const starts = new Set<number>();
  for (const p of places) {
    starts.add(p.start);
    if (!p.demonym && p.entry.feature !== 'country' && !byName.has(p.text)) byName.set(p.text, p);
  }
  if (byName.size === 0) return undefined;
  CODED_AT.lastIndex = 0;
  for (let m = CODED_AT.exec(text); m; m = CODED_AT.exec(text)) {
    const at = m.index + m[0].length;
    if (starts.has(at)) continue;
    const name = NAME_AFTER.exec(text.slice(at, at + MAX_NAME));
    for (let words = name?.[0]; words; words = words.replace(/\s*\S+$/, '')) {
      const p = byName.get(words);
      if (!p) continue;
      if (!OPENS_FORCE_NAME.test(text.slice(at + words.length, at + words.length + 80))) return p;
      break;
    }
  }
  return undefined;
}

/** The verb and its fillers, anywhere in the text. */
const CODED_AT = new RegExp(`\\b(?:${alternation(words.verbs, 'any')})\\s+(?:(?:${alternation(words.fillers, 'any')})\\s+){0,2}`, 'gi');
/** Capitalised words right after them, the longest name looked up first. */
const NAME_AFTER = /^\p{Lu}[\p{L}'-]*(?: \p{Lu}[\p{L}'-]*){0,3}/u;
const MAX_NAME = 60;
