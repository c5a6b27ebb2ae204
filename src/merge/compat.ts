// When two reports can be the same event: date, place, type (ACLED's hierarchy), actors (aliases;
// an unnamed side is compatible with a named one) and figures. Pure functions over prepared
// reports; the merge engine (engine.ts) calls them only for candidates its index found.
import { SUB_EVENT_TYPES } from '../common/acled-types.js';
import aliasData from './data/actor-aliases.json' with { type: 'json' };
import unnamedSides from '../locales/en/data/unnamed-sides.json' with { type: 'json' };
import type { MergeInput } from './types.js';
import { haversineKm } from '../common/distance.js';
import { consonantSkeleton } from '../common/skeleton.js';
import { ARABIC_ARTICLES } from '../geography/fold.js';

/** A report reduced to what the comparisons need, computed once. */
export interface Prepared {
  /** Position in the canonical order (sorted by id). */
  index: number;
  input: MergeInput;
  id: string;
  doc: string;
  /** Days since 1970-01-01, or NaN when the date is unknown. */
  day: number;
  /** Days either side the date may be off: 0 for a day, more for a week (2) or a month (3). */
  slack: number;
  /** Days either side of its date within which its merge candidates are sought (reachOf). */
  reach: number;
  country: string;
  admin1: string;
  /** Normalised location name; '' when the report is placed no finer than its province. */
  place: string;
  coarse: boolean;
  /** Coded at the coordinates of a place it is near or inside (geo_precision 2). */
  approximate: boolean;
  lat: number;
  lon: number;
  eventType: string;
  subType: string;
  /** Canonical names of the named actors (unnamed and generic sides left out). */
  actors: Set<string>;
  sides: number;
  fatalities: number;
  /** Normalised outlet (`source`), '' when unknown. */
  source: string;
}

const DAY_MS = 86_400_000;

export function dayNumber(date: string | undefined): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date ?? '');
  if (!m) return NaN;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS);
}

/**
 * Days a report's date may be off by its precision: 2 (a date taken from the publication, or a
 * week) a day more, 3 (a month) half a month. Measured on eval dedup: wider windows for 2 merge
 * the daily reports of continuing fighting.
 */
export function slackOf(timePrecision: number | undefined): number {
  return timePrecision === 3 ? 15 : timePrecision === 2 ? 1 : 0;
}

export function normName(s: string | undefined): string {
  return (s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s*\([^)]*\)\s*$/, '')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9\u0600-\u06ff]+/g, ' ')
    .trim();
}

/** An Arabic article anywhere in a name, with the space after it. */
const ARTICLE_WORD = new RegExp(`\\b(?:${ARABIC_ARTICLES.join('|')})\\s+`, 'g');

/**
 * A name's consonant skeleton, for telling two transliterations of one name apart from two names
 * ("Dar'a" and "Daraa", "Idleb" and "Idlib", "Al-Hasakeh" and "Al Hasakah"): articles, vowels, a
 * final h and doubled letters left out. It compares the two names of a pair of reports (normName's
 * form, Arabic letters kept), not a name with a whole country's regions as geography's skeletonKey
 * does, so it folds less than that key: q, g and c stay apart, an h inside a word stays, and compass
 * words are letters like any; an article goes anywhere in the name, not only first.
 */
export function nameSkeleton(normalised: string): string {
  return consonantSkeleton(normalised.replace(ARTICLE_WORD, '').replace(/h\b/g, ''));
}

/** Two normalised names that are one name spelt two ways (a city and the province named after it). */
export function sameName(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const x = nameSkeleton(a);
  return x.length >= 2 && x === nameSkeleton(b);
}

const ALIAS = new Map<string, string>();
for (const group of aliasData.groups) {
  const canonical = normName(group[0]);
  for (const name of group) ALIAS.set(normName(name), canonical);
}

/** Sides that name no one (data/unnamed-sides.json): an unnamed side is compatible with any named one. */
const GENERIC = new RegExp(`^(?:(?:${unnamedSides.firstWords.join('|')})\\b.*|${unnamedSides.names.join('|')})$`);

export function canonicalActor(name: string | undefined): string {
  const n = normName(name);
  if (!n || GENERIC.test(n)) return '';
  return ALIAS.get(n) ?? n;
}

function splitActors(s: string | undefined): string[] {
  return (s ?? '').split(/;\s*/).filter(Boolean);
}

export function eventTypeOf(input: MergeInput): string {
  if (input.event_type) return input.event_type;
  return SUB_EVENT_TYPES[input.sub_event_type ?? '']?.eventType ?? '';
}

/** iso3 -> country name, learnt from records that give both (datasets give one or the other). */
export type CountryNames = Map<string, string>;

export function learnCountries(inputs: readonly MergeInput[], names: CountryNames = new Map()): CountryNames {
  for (const r of inputs) if (r.iso3 && r.country) names.set(r.iso3.toUpperCase(), normName(r.country));
  return names;
}

/**
 * Whether a record is coded at its country's capital for want of a place (a sitrep record whose
 * evidence, the words it was read from, has none for its region): it tells its country only. A
 * demonstration so coded is read as there, where a country's protests mostly gather.
 */
export function placeStandsIn(input: MergeInput): boolean {
  const type = eventTypeOf(input);
  return input.geo_precision === 3 && !!input.admin1 && input.evidence !== undefined && !input.evidence['admin1'] && type !== 'Protests' && type !== 'Riots';
}

export function prepare(input: MergeInput, index: number, countries: CountryNames = new Map()): Prepared {
  const actors = new Set<string>();
  let sides = 0;
  for (const group of [[input.actor1, ...splitActors(input.assoc_actor_1)], [input.actor2, ...splitActors(input.assoc_actor_2)]]) {
    let named = false;
    for (const a of group) {
      const c = canonicalActor(a);
      if (c) {
        actors.add(c);
        named = true;
      }
    }
    if (named) sides++;
  }
  const admin1 = placeStandsIn(input) ? '' : normName(input.admin1);
  const location = normName(input.location);
  const coarse = !location || sameName(location, admin1) || location === normName(input.country) || input.geo_precision === 3;
  const lat = typeof input.latitude === 'number' ? input.latitude : NaN;
  const lon = typeof input.longitude === 'number' ? input.longitude : NaN;
  return {
    index,
    input,
    id: input.event_id,
    doc: input.doc_id ?? '',
    day: dayNumber(input.event_date),
    slack: slackOf(input.time_precision),
    reach: reachOf(input),
    country: input.country ? normName(input.country) : input.iso3 ? (countries.get(input.iso3.toUpperCase()) ?? input.iso3.toUpperCase()) : '',
    admin1,
    place: coarse ? '' : location,
    coarse,
    approximate: input.geo_precision === 2,
    lat,
    lon,
    eventType: eventTypeOf(input),
    subType: input.sub_event_type ?? '',
    actors,
    sides,
    fatalities: typeof input.fatalities === 'number' && input.fatalities > 0 ? input.fatalities : 0,
    source: normName(input.source),
  };
}

export { haversineKm };

/**
 * Two differently named places within this distance are one area (two towns of one district, a town
 * and its quarters), not one place.
 */
export const SAME_PLACE_KM = 15;

/** ACLED's hierarchy: which event types can be reports of one event, and how strongly. */
export function typeScore(a: Prepared, b: Prepared): number {
  // A report of unknown type (a dated place record: src/extraction/dated-place.ts) fits any type,
  // weakly: it says only the day and the place. Two such records of one day and the same place, or
  // the city named like their province, are one event (eval dedup: a casualty monitor's entries of
  // one day in one city are mostly one incident; at 1.7 they merge, pairwise precision 0.51); placed
  // only at the province, not (see pairScore's place).
  if (!a.eventType || !b.eventType) return a.eventType === b.eventType ? 1.7 : 0.4;
  if (a.subType && a.subType === b.subType) return 1;
  if (a.eventType === b.eventType) return 0.7;
  const pair = [a.eventType, b.eventType].sort().join('|');
  switch (pair) {
    case 'Battles|Explosions/Remote violence': // a battle absorbs the shelling of the same engagement
      return 0.4;
    case 'Explosions/Remote violence|Violence against civilians': // a strike on civilians told as an attack
      return 0.4;
    case 'Protests|Riots':
      return 0.4;
    default:
      return -1;
  }
}

/** Sub-event types of a single blast, rarely more than one of a kind a day in one province. */
const INCIDENT = new Set(['Remote explosive/landmine/IED', 'Suicide bomb', 'Chemical weapon', 'Grenade']);
/** Event types a monitor reports many times a day in one place (raids, shelling, attacks). */
const REPEATED = new Set(['Explosions/Remote violence', 'Violence against civilians']);
/** A bombing's toll from which two reports of it are told apart from the day's small blasts. */
const DEADLY_BLAST = 5;

/**
 * 'same': one named place, or one province where neither names a place; 'near': two named places
 * within SAME_PLACE_KM; 'contains': a province and a place in it; 'country': only the country known.
 */
export type PlaceRelation = 'same' | 'near' | 'contains' | 'country' | 'apart';

export function placeRelation(a: Prepared, b: Prepared): PlaceRelation {
  if (a.country && b.country && a.country !== b.country) return 'apart';
  if (a.admin1 && b.admin1 && a.admin1 !== b.admin1) return 'apart';
  if (!a.coarse && !b.coarse) {
    if (a.place === b.place) return 'same';
    // Coordinates of a place near or inside the one named (geo_precision 2) do not make two names one place.
    if (a.approximate || b.approximate) return 'apart';
    // Two names within a few kilometres are two towns of one area (Douma and Harasta, al-Bab and
    // Tadif), not one place: eval dedup, 0 of 24 such pairs of compatible reports were one event
    // (7 merged when they counted as one place).
    if (Number.isFinite(a.lat) && Number.isFinite(b.lat) && haversineKm(a.lat, a.lon, b.lat, b.lon) <= SAME_PLACE_KM) return 'near';
    return 'apart';
  }
  if (a.admin1 && b.admin1) return a.coarse && b.coarse ? 'same' : 'contains';
  if (!a.country || !b.country) return 'apart';
  return 'country';
}

export function datesCompatible(a: Prepared, b: Prepared): boolean {
  if (!Number.isFinite(a.day) || !Number.isFinite(b.day)) return false;
  return Math.abs(a.day - b.day) <= Math.max(a.slack, b.slack, 1);
}

/**
 * Days after a deadly incident within which a report of its updated toll is still told of it: a
 * monitor raises a bombing's or a massacre's toll two or three days on, as the wounded die and bodies
 * are found ("the death toll of the market massacre rises to 69"). eval dedup: pairs of deadly
 * bombings two or three days apart with a rising toll, 4 of 5 coreferent.
 */
export const TOLL_UPDATE_DAYS = 3;

/**
 * Days either side of a report's date within which its merge candidates are sought: its date's slack,
 * at least a day, and TOLL_UPDATE_DAYS for a deadly report (one whose updated toll tollUpdate may
 * join). The merge engine's index and the store's candidate windows and locks all read this one
 * function, so the store's incremental merge finds the pairs the batch engine does.
 */
export function reachOf(input: Pick<MergeInput, 'time_precision' | 'fatalities'>): number {
  const deadly = typeof input.fatalities === 'number' && input.fatalities >= DEADLY_BLAST;
  return Math.max(slackOf(input.time_precision), deadly ? TOLL_UPDATE_DAYS : 1);
}

/**
 * A deadly incident and a report of its updated toll two or three days later (days the dates
 * themselves do not reach): two bombings in one province, or two reports of one sub-event type at one
 * named place, the earlier toll DEADLY_BLAST or more and the later one at least that and at most
 * twice it. Such a pair is then scored like any other (the date counts as another day's).
 */
export function tollUpdate(a: Prepared, b: Prepared): boolean {
  if (!Number.isFinite(a.day) || !Number.isFinite(b.day)) return false;
  const [early, late] = a.day <= b.day ? [a, b] : [b, a];
  const gap = late.day - early.day;
  if (gap < 2 || gap > TOLL_UPDATE_DAYS) return false;
  if (early.fatalities < DEADLY_BLAST || late.fatalities < early.fatalities || late.fatalities > 2 * early.fatalities) return false;
  const rel = placeRelation(a, b);
  if (INCIDENT.has(a.subType) && INCIDENT.has(b.subType)) return rel === 'same' || rel === 'near' || rel === 'contains';
  return a.subType !== '' && a.subType === b.subType && rel === 'same' && !a.coarse && !b.coarse;
}

/** Coded at its province only (geo_precision 3) or near the place named (2), not at a place itself. */
function provinceOnly(r: Prepared): boolean {
  return r.input.geo_precision === 2 || r.input.geo_precision === 3;
}

/**
 * How strongly two reports look like one event, or -1 when they cannot be (different documents'
 * reports only: one document's distinct events never merge).
 */
export function pairScore(a: Prepared, b: Prepared): number {
  if (a.doc && a.doc === b.doc) return -1;
  if (!datesCompatible(a, b) && !tollUpdate(a, b)) return -1;
  const rel = placeRelation(a, b);
  if (rel === 'apart') return -1;
  const type = typeScore(a, b);
  if (type < 0) return -1;
  // Actors: named sides must share an actor when both reports name both sides.
  let actor = 0;
  if (a.actors.size > 0 && b.actors.size > 0) {
    let shared = 0;
    for (const x of a.actors) if (b.actors.has(x)) shared++;
    if (shared === 0 && a.sides === 2 && b.sides === 2) return -1;
    actor = shared > 0 ? Math.min(1, 0.6 * shared) : -0.3;
  }
  // Outlets: one outlet's two reports of one day are more often two events (it tells each once, then
  // updates it) than two outlets' reports are; unknown when either report names none.
  const outlets = a.source && b.source ? (a.source === b.source ? 'same' : 'different') : 'unknown';
  let toll = 0;
  // Figures: a toll that rises is one event; two tolls an order of magnitude apart are not.
  if (a.fatalities > 0 && b.fatalities > 0) {
    const hi = Math.max(a.fatalities, b.fatalities);
    const lo = Math.min(a.fatalities, b.fatalities);
    if (hi > 10 * lo && hi - lo > 20) return -1;
    // The same toll told by two reports of the same days is evidence of one event (eval dedup:
    // most pairs with equal tolls are coreferent, few other pairs of one day and province are),
    // unless their actors disagree. One outlet's two reports of a single death each tell nothing by
    // their tolls: a monitor tells each killing apart (an assassination, a mine), and one death a day
    // in a province is common (eval dedup: 7 such pairs merged, none coreferent; B-cubed F1 0.91487 ->
    // 0.91513, from 2018 0.89301 -> 0.89363, to 2017 unchanged).
    if (hi === 1 && outlets === 'same') toll = 0;
    else if (hi === lo && actor >= 0) toll = 1;
    // Two tolls of one day and one province within a factor of two are, more often than not, a
    // count and its update (eval dedup: 12 of 18 such pairs; with only the country known, 10 of 26).
    else if (a.day === b.day && hi <= 2 * lo && actor >= 0 && rel !== 'country') toll = 0.7;
    // At one named place and of one sub-event type, two tolls of one day or the next within a
    // factor of four are a count and its update too (eval dedup: 22 of 40 such pairs of one place
    // or one province were coreferent; of named places only, pairwise F1 0.330 -> 0.334).
    else if (hi <= 4 * lo && actor >= 0 && rel === 'same' && !a.coarse && a.subType !== '' && a.subType === b.subType) toll = 0.7;
    // Two reports of which one or both place nothing finer than the country tell little but the
    // toll: the same toll of more than one is told of the same event, of one day or the next, and it
    // outweighs related types (eval dedup: 25 of 30 such pairs of one day with no province; with one
    // province, or a day apart, 16 of 21 more, pairwise F1 0.319 -> 0.329).
    if (hi === lo && hi > 1 && rel === 'country' && actor >= 0) toll = 2;
  }
  // Two bombings of the same day: a bombing is one incident, where air strikes, shelling and clashes
  // go on all day in many places (eval dedup, pairs of one day below the threshold: bombings 0.5
  // coreferent, air strikes, shelling and clashes 0.03-0.13).
  // Two bombings told by two outlets are one incident more surely still (eval dedup, bombings of one
  // day where one report places nothing finer than the country: 22 of 28 pairs of two outlets were
  // coreferent, 15 of 43 of one outlet).
  const incident = a.day === b.day && INCIDENT.has(a.subType) && INCIDENT.has(b.subType) ? (outlets === 'different' && actor >= 0 ? 1.5 : 1) : 0;
  // Two deadly bombings in one province, of one day or the next, with tolls within a factor of two,
  // are one blast and its updated toll: a bombing that kills five or more is rare, where single
  // deaths from mines and small blasts are told every day (eval dedup: 1.5 merges 10 more pairs, all
  // coreferent; B-cubed F1 0.91397 -> 0.91418, to 2017 higher, from 2018 unchanged); unless their
  // actors disagree, as with the toll's bonuses (eval dedup: no such pair; an invented one in the tests).
  const blast =
    INCIDENT.has(a.subType) && INCIDENT.has(b.subType) && rel !== 'country' && actor >= 0 && Math.min(a.fatalities, b.fatalities) >= DEADLY_BLAST &&
    Math.max(a.fatalities, b.fatalities) <= 2 * Math.min(a.fatalities, b.fatalities) ? 1.5 : 0;
  // Two reports of unknown type say only the day and the place: another day is another event.
  if (!a.eventType && !b.eventType && a.day !== b.day) return -1;
  // A monitor lists each incident once: two of its records of one day at one named place (finer than
  // the province) are two incidents there (eval dedup: 1 of 13 such pairs merged was coreferent;
  // records placed only at a city named like its province still merge, see typeScore).
  if (!a.eventType && !b.eventType && outlets === 'same' && rel === 'same' && !a.coarse && !b.coarse) return -1;
  // Another day counts a little (0.3) for reports of one sub-event type; of two kinds it counts
  // nothing: a report of the next day of another kind tells of the next day's fighting (eval dedup:
  // 1 of 8 such pairs merged was one event).
  const date = a.day === b.day ? 1 : a.subType === b.subType ? 0.3 : 0;
  // One named place: 1.2; but a report near or around it (geo_precision 2: "near X", "the
  // countryside of X") and one at it tell of the same area only, like two of one province (eval
  // dedup: 3 of 16 such pairs merged at 1.2 were coreferent).
  // A report placed at its province only and one at a town of it, or two named places a few
  // kilometres apart, are compatible but tell nothing of one place: 0 (eval dedup: at 0.4 the merges
  // of such pairs took away more B-cubed than they added; 0.2 or 0, B-cubed F1 0.91654 -> 0.91671).
  // Two records of unknown type (a day and a place only) of one province that name no place finer:
  // both coded at the city named like it (geo_precision 1, "Raqqa city") share that city, 0.5; one
  // coded only at the province (3, "Raqqa governorate") or near the city (2) shares the province
  // alone, 0.4, and with the day tells too little to merge them (eval dedup, records of one day:
  // 13 such pairs merged, 3 coreferent; B-cubed F1 0.91705 -> 0.91718, to 2017 0.93113 ->
  // 0.93136, from 2018 unchanged).
  const place = rel === 'same' ? (a.coarse ? (!a.eventType && !b.eventType && (provinceOnly(a) || provinceOnly(b)) ? 0.4 : 0.5) : a.approximate !== b.approximate ? 0.5 : 1.2) : 0;
  // Two outlets: a little evidence of one event by itself; at one named place, reports of related
  // types (a battle and the shelling of it, a strike told as an attack, a record of unknown type)
  // from two outlets are told of one engagement, as of one sub-event type (eval dedup: 0.4 -> 1.4).
  // A report near or around the place and one at it are of one area only, as for the place's own
  // weight (eval dedup: 0 of 10 such pairs of related types from two outlets were one event).
  const onePlace = rel === 'same' && !a.coarse && !b.coarse && a.approximate === b.approximate;
  const outlet = outlets !== 'different' ? 0 : type === 0.4 && onePlace ? 1.2 : 0.2;
  // One outlet's two reports of battles are more often two engagements (other sides, another front
  // of the same place, the next day's fighting) than one told twice: a monitor reports each apart
  // and updates the toll of one in the same item (eval dedup: 5 of 23 such pairs merged were
  // coreferent; B-cubed F1 0.91343 -> 0.91397, both halves higher).
  const sameOutletBattles = outlets === 'same' && a.eventType === 'Battles' && b.eventType === 'Battles' ? 1 : 0;
  // Likewise one outlet's two reports of strikes, shelling or attacks (not bombings: see INCIDENT)
  // that give no toll and name no side ("Airstrikes target X", "Shells hit X and casualties"): a
  // monitor tells each raid of the day on a town apart (eval dedup: 5 such pairs merged, none
  // coreferent; B-cubed F1 0.91441 -> 0.91462, pairwise 0.3648 -> 0.3653, to 2017 0.92862 -> 0.92899,
  // from 2018 unchanged; with a named side too, from 2018 fell).
  const sameOutletStrikes =
    outlets === 'same' && a.fatalities === 0 && b.fatalities === 0 && a.actors.size === 0 && b.actors.size === 0 &&
    REPEATED.has(a.eventType) && REPEATED.has(b.eventType) && !INCIDENT.has(a.subType) && !INCIDENT.has(b.subType) ? 1 : 0;
  return date + place + type + actor + toll + incident + outlet + blast - sameOutletBattles - sameOutletStrikes;
}
