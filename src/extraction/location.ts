// Where the event happened: the most specific place its sentences name; otherwise the place the
// article is about. ACLED codes the named place (geo_precision 1 town, 2 near a town or a district,
// 3 a region, coded at its capital or centroid).
import { firstStartingAfter, spansStartingIn, type CueMention, type Doc, type PlaceMention } from '../common/doc.js';
import { abroadAfter, geoPrecision } from '../geography/index.js';
import { actorEndsSoFar, asEventPlace, describesActor, distantSite, farReference, forceOfCountry, namesBorder } from './frames.js';
import { specificity } from './grouping.js';
import placeModifiers from '../locales/en/data/place-modifiers.json' with { type: 'json' };
import { alternation } from '../common/word-pattern.js';

/** ACLED geo_precision, with the text around the mention deciding "near X" (2) from "in X" (1). */
export function geoPrecisionOf(doc: Doc, place: PlaceMention): 1 | 2 | 3 {
  return geoPrecision(place, { text: doc.text });
}

/** The place the article is about: the most often named town, else region, else country. */
export function documentFocus(doc: Doc, hintedCountry?: string): PlaceMention | undefined {
  const counts = new Map<string, { place: PlaceMention; n: number }>();
  for (const named of doc.places) {
    // (A road named after a town, no event's place, still says which region the story is in; a site
    // named after a town abroad, "an Akkar road at the el Aioun intersection", says nothing.)
    if (named.demonym || describesActor(doc, named) || namesBorder(doc, named) || distantSite(doc, named)) continue;
    const p = asEventPlace(doc, named);
    const key = `${p.entry.name}|${p.entry.countryCode}|${p.entry.feature}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { place: p, n: 1 });
  }
  let best: { place: PlaceMention; n: number } | undefined;
  for (const c of counts.values()) {
    // (A tie between countries goes to the one the document is known to be about: "Turkey says 104
    // militants killed in strikes in Syria".)
    const rank = (x: { place: PlaceMention; n: number }) => specificity(x.place.entry) * 10 + x.n + (x.place.entry.feature === 'country' && x.place.entry.countryCode === hintedCountry ? 0.5 : 0);
    if (!best || rank(c) > rank(best)) best = c;
  }
  return best?.place;
}

/**
 * A country named only by a demonym ("a Syrian prison"), as an actor's ("Kenya Police"), or by a
 * name that points to it (a country cue: "Oromo protesters", "the woreda", "FACA soldiers") when the
 * text names no place at all. A country that only says where an attacker or armed group came from
 * ("Russian airstrikes", "Turkish-backed factions", "jihadists from Mali") or which border the place is
 * near ("near the Algeria border") comes last. With `origins: false` (the document's country is
 * known otherwise) neither these nor any demonym count: "the Russian-Turkish truce", "the Russian
 * guarantor's warplanes" say whose, and the story is in the known country unless a name says otherwise.
 */
export function demonymCountry(doc: Doc, options: { origins?: boolean; inPassing?: boolean } = {}): PlaceMention | undefined {
  // "Ethiopian raiders attack Kenyan civilians", "OLF attacks Kenyan civilians": an armed group's
  // nationality or home says where it came from; the victims' says where it happened. Origins come last.
  // (A country cue says itself whether its group acts abroad: "Anti-Balaka ambushed Chadian MISCA
  // soldiers" is in the Central African Republic, the anti-Balaka's only country.)
  const origin = (p: PlaceMention) => {
    const group = (p as Partial<CueMention>).group;
    if (group !== undefined) return group;
    return describesActor(doc, p) || armedGroupAt(doc, p) || attackerOf(doc, p) || namesBorder(doc, p);
  };
  // (Not a nationality of people or a mission abroad, "Senegalese immigrants", "the French embassy":
  // where they come from says nothing of where the story is.)
  const places = doc.places.filter((p) => !p.demonym || !abroadAfter(doc.text, p.end));
  const named = doc.countryCues.length === 0 ? places : [...places, ...doc.countryCues].sort((a, b) => a.start - b.start);
  // A one-country force, people or unit word ("FACA", "FAMa", "woreda") says whose story it is
  // before a nationality does: "a soldier of the Libyan peacekeeping force allied with FACA", "a
  // Spanish priest", "Chinese workers" are foreigners in the force's country. (Not a people's armed
  // men, who raid abroad: "Kenyan fishermen killed by Murle militiamen".)
  const found =
    (options.origins === false ? undefined : doc.countryCues.find((q) => !q.group && q.entry.countryCode && !armedGroupAt(doc, q))) ??
    // (A country's name read as a nationality, "two U.S. soldiers", ranks with the country's names:
    // "killing two U.S. soldiers, an Afghan police officer and 10 children" is in Afghanistan.)
    (options.origins === false ? undefined : named.find((p) => p.demonym && !p.countryName && !origin(p))) ??
    named.find((p) => p.entry.feature === 'country' && (!p.demonym || p.countryName) && !origin(p)) ??
    // (A state's forces named by their country, "Police Forces of Kenya will recruit ...", are at home
    // more often than not: before an armed group's base, "the Somali-based group Al Shabaab".)
    (options.origins === false ? undefined : named.find((p) => forceOfCountry(doc, p))) ??
    (options.inPassing ? placeNamedInPassing(doc) : undefined) ??
    (options.origins === false ? undefined : named.find((p) => p.demonym && !p.countryName && !acrossBorder(doc, p)) ?? named.find((p) => p.entry.feature === 'country' && !acrossBorder(doc, p)));
  // (A region one of the country's cues names, whoever's: "fighting between the OLA and EPRDF forces" is in Oromia.)
  // (Else a town or district of that country named in passing, as a base or an authority's seat:
  // "the Narok county government closed camps ... Maasai protests" is in Narok, not the capital.)
  if (found?.entry.feature === 'country') {
    const passing = options.inPassing ? placeNamedInPassing(doc) : undefined;
    return named.find((p) => p.demonym && p.entry.feature !== 'country' && p.entry.countryCode === found.entry.countryCode) ?? (passing?.entry.countryCode === found.entry.countryCode ? passing : undefined) ?? found;
  }
  return found;
}

/** "along the Eritrea border": the event is on the line itself, on either side (alongBorderBefore). */
const ALONG_BORDER_BEFORE = new RegExp(`\\b(?:${alternation(placeModifiers.alongBorderBefore)})\\b`, 'i');
/** A border word and a word of the country's own force, post or place there: "a Saudi border guard", "the Nigerian border town". */
const BORDER_OWN = new RegExp(`^\\s+(?:${alternation(placeModifiers.borderAfter)})\\s+(?:${alternation(placeModifiers.borderOwnAfter)})\\b`, 'i');

/**
 * A country named only as the border across which the place lies ("near the Mauritanian border",
 * "at the border with Mali"): never the event's country, not even as a last resort. ("Along the Eritrea
 * border" is on the line, on either side: the country stands when nothing else does.) Not one of a
 * pair ("the Syria-Turkey border": the event is in one of them), nor a country's own force, post or
 * town at its border ("a Saudi border guard", borderOwnAfter).
 */
function acrossBorder(doc: Doc, p: PlaceMention): boolean {
  if (!namesBorder(doc, p) || ALONG_BORDER_BEFORE.test(doc.text.slice(Math.max(0, p.start - 40), p.start))) return false;
  const after = doc.text.slice(p.end, p.end + 40);
  if (/^\s*[-\u2013/]/.test(after) || /[-\u2013/]\s*$/.test(doc.text.slice(Math.max(0, p.start - 3), p.start))) return false;
  return !BORDER_OWN.test(after);
}

/** "Russian airstrikes", "Turkish shelling": a nationality right before a word of violence names who struck, not where. */
function attackerOf(doc: Doc, p: PlaceMention): boolean {
  if (p.entry.feature !== 'country') return false;
  return spansStartingIn(doc.triggers, p.end, p.end + 3).some((t) => VIOLENCE_TYPES.has(t.eventType || t.cls) && /^[\s-]*$/.test(doc.text.slice(p.end, t.start)));
}

// (Trigger classes and event types of violence: a protest after a nationality, "Lebanese protest", is theirs, at home.)
const VIOLENCE_TYPES = new Set(['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'violence', 'clash']);

/** Whether an armed group's mention overlaps the place or ends right before it ("Ethiopian raiders"). */
function armedGroupAt(doc: Doc, p: PlaceMention): boolean {
  const ends = actorEndsSoFar(doc);
  // Mentions are sorted by start: walk back from the last one starting by the place's end.
  for (let j = firstStartingAfter(doc.actors, p.end + 1) - 1; j >= 0 && ends[j]! > p.start; j--) {
    const a = doc.actors[j]!;
    if (a.inter >= 2 && a.inter <= 4 && a.end > p.start) return true;
  }
  return false;
}

/**
 * The first town or region the text names that no rule took as the event's place (a base, "police
 * from Koudougou"; a road, "the Obo-Mboki road"): a fallback for the country and region only.
 */
function placeNamedInPassing(doc: Doc): PlaceMention | undefined {
  // (Not a word of an actor's name: "Police forces" is no town of Poland.)
  const inActor = (p: PlaceMention) => spansStartingIn(doc.actors, p.start - 80, p.end).some((a) => a.end > p.start);
  return doc.places.find((p) => !p.demonym && p.entry.feature !== 'country' && p.entry.feature !== 'region' && !inActor(p) && !farReference(doc, p));
}
