// Toponym resolution: each candidate gets the gazetteer entry that best fits its name's priors
// (feature class, population, capital status) and the document's other places (country and admin1
// agreement, "X, Y" containers), then weak candidates without support are dropped.
import type { GazetteerEntry, PlaceMention } from '../common/doc.js';
import { CAPITAL_RANK, FEATURE_CODES, LOCAL_UNIT_RANK, SETTLEMENT_RANK } from './gazetteer-format.js';
import type { Gazetteer } from './gazetteer.js';
import { listGoesOn, type Candidate } from './recognise.js';
import { foldName, nameVariants } from './fold.js';
import placeContext from '../locales/en/data/place-context.json' with { type: 'json' };
import placeModifiers from '../locales/en/data/place-modifiers.json' with { type: 'json' };
import { alternation } from '../common/word-pattern.js';
import { haversineKm } from '../common/distance.js';
import { governmentCue } from '../locales/en/metonymy.js';

/** Settlement nouns after "border" that make the border place one of the country named before it ("the Niger border town of Ayorou"). */
const BORDER_SETTLEMENTS = [...new Set(placeContext.demonymTownNouns.filter((w) => w.startsWith('border ')).flatMap((w) => { const x = w.slice(7); return [x, `${x}s`]; }))];

/** "-led", "-backed" right after a people's name: "Saudi-led air raids" (sponsorCompounds). */
const SPONSOR_AFTER = new RegExp(`^[-\u2010\u2011](?:${alternation(placeContext.sponsorCompounds)})\\b`, 'i');
/** A business a people's name owns: "the Canadian mining company", "a Chinese firm" (companyNouns). */
const COMPANY_AFTER = new RegExp(`^(?:[ -][a-z]+){0,2}[ -](?:${alternation(placeContext.companyNouns)})\\b`);
/** People or a mission abroad a nationality names, one word between at most: "Senegalese immigrants", "Moroccan UN peacekeepers" (abroadNounsAfter). */
const ABROAD_AFTER = new RegExp(`^ (?:[\\p{L}-]+ )?(?:${alternation(placeContext.abroadNounsAfter)})\\b`, 'iu');

/** Whether the words after a nationality ending at `end` name people or a mission abroad: where they come from, never where the story is. */
export function abroadAfter(text: string, end: number): boolean {
  return text.charCodeAt(end) === 32 && ABROAD_AFTER.test(text.slice(end, end + 40));
}

function namesAbroad(text: string | undefined, c: Candidate): boolean {
  return c.demonym !== undefined && text !== undefined && abroadAfter(text, c.end);
}

/** "the governor of the Warrap state": an official's title and "of" before a region's name (place-modifiers.json officialOfBefore). */
const OFFICIAL_OF_BEFORE = new RegExp(`\\b(?:${alternation(placeModifiers.officialOfBefore)})\\s+of\\s+(?:the\\s+)?$`, 'i');
/** "near the border with Ethiopia": the country across a border (borderBefore), where the event is not. */
const BORDER_BEFORE = new RegExp(`\\b(?:${alternation(placeModifiers.borderBefore)})\\s+(?:the\\s+)?$`, 'i');
/**
 * "near the Algeria border", "the Mali-Niger frontier": a country's name before a border word
 * (borderAfter; a hyphenated pair first) is the country across it, where the event is not. Not before
 * a settlement noun: "the Niger border town of Ayorou" lies in Niger (demonymTownNouns' last words).
 */
const BORDER_AFTER = new RegExp(`^(?:\\s*[-\u2013/]\\s*\\p{Lu}[\\p{L}'\u2019]*)?\\s+(?:${alternation(placeModifiers.borderAfter)})\\b(?!\\s+(?:${alternation(BORDER_SETTLEMENTS)})\\b)`, 'iu');

/**
 * A country a cue of the text votes for (its index in the gazetteer's countries). `group`: an armed
 * group's, which may act abroad. A group active in several countries ("JNIM") votes for each alike
 * (`shared`), as one name: `more` marks its second and later countries.
 */
export interface CueVote {
  country: number;
  group: boolean;
  more?: boolean;
  shared?: boolean;
  /** The admin1 regions (gazetteer admin1 indexes) of a cue that points to one or a few regions of its country. */
  admin1?: readonly number[];
}

export interface ResolveOptions {
  demonyms: boolean;
  /** The text the candidates were found in (to read what lies between two names). */
  text?: string;
  /** ISO2 code of the country the publication or document is about, when known. */
  focusCountry?: string;
  /** Where the publication's earlier articles were (see PublicationProfile). */
  profile?: PublicationProfile;
  /**
   * The countries the text's country cues point to, one per distinct cue (see cues.ts): each votes
   * like a name. An armed group's (group) may act abroad: it does not outvote a town named elsewhere.
   */
  cueCountries?: readonly CueVote[];
  /** See ParseOptions.standIns (index.ts). */
  standIns?: boolean;
}

/**
 * The home ground of a publication, learnt from the places of its earlier articles: a local paper
 * in Ohio names Dublin, Ohio without saying "Ohio". Shares are per article (0..1).
 */
export class PublicationProfile {
  articles = 0;
  readonly countries = new Map<number, number>();
  readonly admin1 = new Map<number, number>();

  /** Learn from one article's resolved places (confident ones only). */
  add(gaz: Gazetteer, entries: { entry: number; score: number }[]): void {
    const cs = new Set<number>();
    const as = new Set<number>();
    for (const { entry, score } of entries) {
      if (score < 0.7) continue;
      const cc = gaz.countryIndex(entry);
      if (cc >= 0) cs.add(cc);
      const a1 = gaz.admin1Index(entry);
      if (a1 >= 0) as.add(a1);
    }
    if (cs.size === 0) return;
    this.articles++;
    for (const c of cs) this.countries.set(c, (this.countries.get(c) ?? 0) + 1);
    for (const a of as) this.admin1.set(a, (this.admin1.get(a) ?? 0) + 1);
  }

  countryShare(cc: number): number {
    return this.articles < 3 ? 0 : (this.countries.get(cc) ?? 0) / this.articles;
  }

  admin1Share(a1: number): number {
    return this.articles < 3 ? 0 : (this.admin1.get(a1) ?? 0) / this.articles;
  }
}

const MAX_READINGS = 40;

interface Readings {
  entries: number[];
  /** A typed array: scores of every name share one representation, so optimised code stays valid. */
  priors: Float64Array;
  /** Some reading is a country, continent or populous region: the name is never dropped as weak. */
  strong: boolean;
}

const readingCache = new WeakMap<Gazetteer, Map<string, Readings>>();

/** The prior of an entry on its own: what a reader assumes with no context. */
export function prior(gaz: Gazetteer, e: number): number {
  switch (gaz.feature(e)) {
    case FEATURE_CODES.country:
      return 10.5;
    case FEATURE_CODES.region:
      return 9;
    case FEATURE_CODES.admin1:
      // As salient as a large city when populous ("Kentucky"), less for small regions ("Flores").
      return Math.min(7.5, Math.log10(Math.max(gaz.population(e), 1000)) + 0.5);
    case FEATURE_CODES.admin2:
      return 4;
    default: {
      const p = gaz.population(e);
      const r = gaz.rank(e);
      // A user's own place (rank 6) outranks the towns that share its name: the user means it.
      // (A settlement news names often, data/settlements.tsv, is meant before a namesake village.)
      const rankBonus = r >= 6 ? 5 : r >= 4 ? 2 : r === 3 ? 1 : r === 2 ? 0.5 : r === SETTLEMENT_RANK ? 1.2 : r < 0 ? -0.7 : 0;
      return Math.log10(Math.max(p, 300)) + rankBonus;
    }
  }
}

/** A candidate whose entries were taken away (a name inside a country cue) has no reading. */
const NO_READINGS: Readings = { entries: [], priors: new Float64Array(0), strong: false };

function readingsFor(gaz: Gazetteer, c: Candidate): Readings {
  if (c.demonym === undefined && c.entries.length === 0) return NO_READINGS;
  let cache = readingCache.get(gaz);
  if (!cache) readingCache.set(gaz, (cache = new Map()));
  const cacheKey = c.demonym !== undefined ? `#d:${c.demonym}` : c.abbreviation ? `#a:${c.entries[0]}` : c.firstName ? `#f:${c.key}` : c.key;
  let r = cache.get(cacheKey);
  if (r) return r;
  let entries: number[];
  if (c.demonym !== undefined) entries = [c.demonym];
  else entries = [...c.entries];
  let priors = new Float64Array(entries.length);
  for (let i = 0; i < entries.length; i++) priors[i] = prior(gaz, entries[i]!);
  if (entries.length > MAX_READINGS) {
    const all = priors;
    const order = entries.map((_, i) => i).sort((a, b) => all[b]! - all[a]!).slice(0, MAX_READINGS);
    entries = order.map((i) => entries[i]!);
    priors = Float64Array.from(order, (i) => all[i]!);
  }
  let strong = c.demonym !== undefined || c.abbreviation === true;
  for (const e of entries) if (gaz.isStrong(e, c.firstName)) strong = true;
  // "Barisal" for Barisal Division, "Hasakah" for Al-Hasakah governorate: a region's name without its
  // generic word, when a town bears the name, usually means the town.
  entries.forEach((e, i) => {
    if (gaz.feature(e) !== FEATURE_CODES.admin1) return;
    if (foldName(gaz.name(e)) === c.key) return;
    const cc = gaz.countryIndex(e);
    if (entries.some((t) => gaz.feature(t) === FEATURE_CODES.city && gaz.countryIndex(t) === cc)) priors[i]! -= 1.5;
  });
  // "Oregon", "England", "Wales": where a populous region is the best-known bearer of the name, a
  // small town of that name is seldom meant.
  let top = 0;
  for (let i = 1; i < entries.length; i++) if (priors[i]! > priors[top]!) top = i;
  if (entries.length > 0 && gaz.feature(entries[top]!) === FEATURE_CODES.admin1 && gaz.isStrong(entries[top]!)) {
    entries.forEach((e, i) => {
      if (gaz.feature(e) === FEATURE_CODES.city && gaz.population(e) < 100_000) priors[i]! -= 3;
    });
  }
  r = { entries, priors, strong };
  cache.set(cacheKey, r);
  return r;
}

/** Region key of an entry for agreement: its admin1 (an admin1 entry is its own). */
function admin1Of(gaz: Gazetteer, e: number): number {
  return gaz.admin1Index(e);
}

/**
 * Votes keyed by a small integer (a country or admin1 index), in insertion order. A name has one
 * to a few readings: a short list scanned linearly is cheaper than a Map made for each name.
 */
class SmallVotes {
  readonly keys: number[] = [];
  readonly values: number[] = [];
  add(key: number, p: number): void {
    const i = this.keys.indexOf(key);
    if (i >= 0) this.values[i]! += p;
    else {
      this.keys.push(key);
      this.values.push(p);
    }
  }
  get(key: number): number {
    const i = this.keys.indexOf(key);
    return i >= 0 ? this.values[i]! : 0;
  }
}

/** Votes of one name, spread over the countries and admin1 regions of its readings. */
interface NameVotes {
  country: SmallVotes;
  admin1: SmallVotes;
}

/** The document's votes in one round: by country and admin1, and each name's own share. */
interface Votes {
  country: Map<number, number>;
  /** The same without demonyms (place names and cues): where the text's places lie, not where its forces come from. */
  placeCountry: Map<number, number>;
  /** The votes of names of provinces (admin1, or a town of a province of its name; no demonyms or cues). */
  regionCountry: Map<number, number>;
  admin1: Map<number, number>;
  /** Each name's own votes, by name id (see NameIds); undefined for names that did not vote. */
  byName: (NameVotes | undefined)[];
  /** Distinct names that voted. */
  names: number;
  /** The country with most votes, and its votes. */
  top: number;
  topCountry: number;
  /** A people, a unit word or a one-country force (a country cue, no armed group's) names the top country. */
  topCued: boolean;
}

interface Anchor {
  key: string;
  lat: number;
  lon: number;
}

/** What a round of rescoring reads, beside the candidate itself. */
interface Setting {
  gaz: Gazetteer;
  cands: Candidate[];
  readings: Readings[];
  best: Int32Array;
  votes: Votes;
  anchors: Anchor[];
  focusIndex: number;
  profile: PublicationProfile | undefined;
}

// The resolver is split into small functions on purpose: V8 re-optimises a function whenever it
// meets an unexpected object shape, and one large function made every such event costly.
export function resolveCandidates(gaz: Gazetteer, cands: Candidate[], options: ResolveOptions): PlaceMention[] {
  const n = cands.length;
  if (n === 0) return [];
  // (Per-candidate arrays are built by push: Array.prototype.map gives arrays of another shape
  // above some length, and optimised code made for one shape is thrown away on meeting the other.)
  const readings: Readings[] = [];
  const scores: Float64Array[] = [];
  // Each distinct name (demonyms by the entry they name) gets a small id, and each mention a
  // setting: mentions of one name in the same setting (suffix, cue, no container) score alike.
  const ids = new Map<string, number>();
  const nameIds = new Int32Array(n);
  const settings = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const c = cands[k]!;
    const r = readingsFor(gaz, c);
    readings.push(r);
    // Start from the priors.
    scores.push(r.priors.slice());
    const key = nameKey(c);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    nameIds[k] = id;
    settings[k] = c.container === undefined && c.containerOf === undefined ? id * 16 + ((c.want ?? -1) + 1) * 2 + (c.near ? 1 : 0) : -1;
  }
  const focus = options.focusCountry ? gaz.findCountry(options.focusCountry) : undefined;
  const focusIndex = focus ? gaz.countries.indexOf(focus) : -1;
  // Twice: vote for countries and admin1 regions by distinct name, and rescore each reading by
  // how well it agrees with the votes of the other names.
  const best = new Int32Array(n);
  pickBest(scores, best);
  // Names that say whose backing ("Saudi-led") or where the event is not ("the border with Ethiopia") cast no vote.
  const muted = mutedNames(gaz, cands, readings, options.text);
  let votes = castVotes(gaz, cands, readings, nameIds, ids.size, scores, best, options.cueCountries, muted);
  for (let round = 0; round < 2; round++) {
    if (round > 0) votes = castVotes(gaz, cands, readings, nameIds, ids.size, scores, best, options.cueCountries, muted);
    // Anchors: where the other names' best readings are (towns and districts), for distance.
    const anchors = round > 0 ? anchorsOf(gaz, cands, readings, best) : [];
    const setting: Setting = { gaz, cands, readings, best, votes, anchors, focusIndex, profile: options.profile };
    // Mentions of one name in the same setting score alike: compute each setting once.
    const done = new Map<number, number>();
    for (let k = 0; k < n; k++) {
      if (readings[k]!.entries.length === 0) continue;
      const key = settings[k]!;
      if (key >= 0) {
        const same = done.get(key);
        if (same !== undefined) {
          const s = scores[k]!;
          const t = scores[same]!;
          for (let i = 0; i < s.length; i++) s[i] = t[i]!;
          continue;
        }
        done.set(key, k);
      }
      rescore(setting, k, votes.byName[nameIds[k]!], scores[k]!);
    }
    pickBest(scores, best);
  }
  return placesOf(gaz, cands, readings, nameIds, scores, best, votes, options);
}

/**
 * Per candidate, 1 where its name casts no vote, or undefined when none is muted: a people's name
 * joined to a word of backing or make ("Saudi-led air raids": whose backing, not where) or before
 * a business it owns ("the Canadian mining company Roxgold in Bagassi": whose, not where), people
 * or a mission abroad ("Senegalese immigrants", "the US embassy"), a country across a border
 * ("Moyale near the border with Ethiopia", "Lere, near the Mauritanian border": the event is on the
 * near side; not "the Nigerian border town of", which is Nigeria's),
 * a capital standing for its government ("called on Ankara to halt", "a Riyadh-led coalition":
 * whose policy, not where; extraction/metonymy.ts then drops it from the places), and a region named
 * as an official's charge ("according to the governor of the Warrap state": whose official, not where).
 */
function mutedNames(gaz: Gazetteer, cands: Candidate[], readings: Readings[], text: string | undefined): Uint8Array | undefined {
  if (text === undefined) return undefined;
  let out: Uint8Array | undefined;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    const ch = text.charCodeAt(c.end);
    const muted = c.demonym !== undefined
      ? ((ch === 45 || ch === 0x2010 || ch === 0x2011) && SPONSOR_AFTER.test(text.slice(c.end, c.end + 16))) || COMPANY_AFTER.test(text.slice(c.end, c.end + 48)) || namesAbroad(text, c) || BORDER_AFTER.test(text.slice(c.end, c.end + 48))
      : BORDER_BEFORE.test(text.slice(Math.max(0, c.start - 24), c.start)) || (readingsAllOf(gaz, readings[k]!, FEATURE_CODES.admin1, FEATURE_CODES.admin2) && OFFICIAL_OF_BEFORE.test(text.slice(Math.max(0, c.start - 32), c.start))) || (readingsAllOf(gaz, readings[k]!, FEATURE_CODES.country) && BORDER_AFTER.test(text.slice(c.end, c.end + 48))) || (namesCapital(gaz, readings[k]!) && governmentCue(text, c.start, c.end));
    if (muted) (out ??= new Uint8Array(cands.length))[k] = 1;
  }
  return out;
}

/** Whether a name has readings and all are of feature a or b: countries only ("Algeria", not a town of that name), regions only ("Warrap"). */
function readingsAllOf(gaz: Gazetteer, r: Readings, a: number, b = a): boolean {
  if (r.entries.length === 0) return false;
  for (const e of r.entries) if (gaz.feature(e) !== a && gaz.feature(e) !== b) return false;
  return true;
}

/** Whether one of a name's readings is a country's capital. */
function namesCapital(gaz: Gazetteer, r: Readings): boolean {
  for (const e of r.entries) if (gaz.rank(e) === CAPITAL_RANK) return true;
  return false;
}

/** The votes for country cc of the text's other names than name `id` (what puts a reading there besides itself). */
function otherNamesVotes(votes: Votes, id: number, cc: number): number {
  return (votes.country.get(cc) ?? 0) - (votes.byName[id]?.country.get(cc) ?? 0);
}

/** Population under which a town abroad yields to one region of another country the text names. */
const SMALL_TOWN_POPULATION = 30_000;

/** Whether the text's names of regions (not name `id`) give one country other than cc a whole vote. */
function placedElsewhere(votes: Votes, id: number, cc: number): boolean {
  const own = votes.byName[id]?.country;
  for (const [x, v] of votes.regionCountry) if (x !== cc && x >= 0 && v - (own?.get(x) ?? 0) >= 1) return true;
  return false;
}

/** Whether a name's best reading is a province (admin1), or a town of a province of its name ("Deir ez-Zor", "Quneitra"). */
function namesProvince(gaz: Gazetteer, r: Readings, b: number): boolean {
  const e = r.entries[b]!;
  const cc = gaz.countryIndex(e);
  for (const x of r.entries) if (gaz.feature(x) === FEATURE_CODES.admin1 && gaz.countryIndex(x) === cc && gaz.admin1Index(x) === gaz.admin1Index(e)) return true;
  return false;
}

/** A name's key for votes: demonyms by the entry they name. */
function nameKey(c: Candidate): string {
  return c.demonym !== undefined ? `#d:${c.demonym}` : c.key;
}

function pickBest(scores: Float64Array[], best: Int32Array): void {
  for (let k = 0; k < scores.length; k++) {
    const s = scores[k]!;
    let b = 0;
    for (let i = 1; i < s.length; i++) if (s[i]! > s[b]!) b = i;
    best[k] = b;
  }
}

/** Votes: one per distinct name, spread over its readings by a softmax of their scores. */
function castVotes(gaz: Gazetteer, cands: Candidate[], readings: Readings[], nameIds: Int32Array, nameCount: number, scores: Float64Array[], best: Int32Array, cueCountries: readonly CueVote[] = [], muted?: Uint8Array): Votes {
  const votes: Votes = { country: new Map(), placeCountry: new Map(), regionCountry: new Map(), admin1: new Map(), byName: new Array<NameVotes | undefined>(nameCount).fill(undefined), names: 0, top: 0, topCountry: -1, topCued: false };
  const seen = new Uint8Array(nameCount);
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    const id = nameIds[k]!;
    if (seen[id] === 1) continue;
    // (A muted mention, "Saudi-led", "the border with Ethiopia", casts no vote: its other mentions may.)
    if (muted !== undefined && muted[k] === 1) continue;
    // A common word without a cue ("Reading") is probably no place: it gets no vote.
    if (c.common && !c.cue && c.container === undefined && c.containerOf === undefined) continue;
    // A quarter of a city ("the Escalon neighborhood") says where in a city, not which country: its
    // namesake towns abroad do not vote (two such quarters would vote each other abroad). ("a Nairobi
    // suburb" names the city: a capital or a great city votes.)
    if (c.neighbourhood && readings[k]!.entries.length > 0 && !greatCity(gaz, readings[k]!.entries[best[k]!]!)) continue;
    seen[id] = 1;
    votes.names++;
    const r = readings[k]!;
    if (r.entries.length === 0) continue;
    const own = nameVotes(gaz, r.entries, scores[k]!, best[k]!);
    // (Not a region read by its skeleton: "Chalbi District" is no sure province.)
    const region = c.demonym === undefined && !c.skeleton && namesProvince(gaz, r, best[k]!);
    for (let i = 0; i < own.country.keys.length; i++) {
      const cc = own.country.keys[i]!;
      votes.country.set(cc, (votes.country.get(cc) ?? 0) + own.country.values[i]!);
      if (c.demonym === undefined) votes.placeCountry.set(cc, (votes.placeCountry.get(cc) ?? 0) + own.country.values[i]!);
      if (region) votes.regionCountry.set(cc, (votes.regionCountry.get(cc) ?? 0) + own.country.values[i]!);
    }
    for (let i = 0; i < own.admin1.keys.length; i++) {
      const a1 = own.admin1.keys[i]!;
      votes.admin1.set(a1, (votes.admin1.get(a1) ?? 0) + own.admin1.values[i]!);
    }
    votes.byName[id] = own;
  }
  // A country cue ("FACA", "woreda") votes like a name; top and topCountry, which drop a minor town abroad, leave armed
  // groups' cues out.
  // (Without cues the names' votes are counted as they stand: no copy.)
  const forTop = cueCountries.length > 0 ? new Map(votes.country) : votes.country;
  for (const q of cueCountries) {
    if (q.country < 0) continue;
    // (A group of several countries is one name: "more" marks its second and later countries.)
    if (!q.more) votes.names++;
    votes.country.set(q.country, (votes.country.get(q.country) ?? 0) + 1);
    votes.placeCountry.set(q.country, (votes.placeCountry.get(q.country) ?? 0) + 1);
    // (A people, a unit word or a one-country force says more than a second town name: "Oromo
    // protests in Robe" is no Robe in Australia.)
    if (!q.group) forTop.set(q.country, (forTop.get(q.country) ?? 0) + 2);
    // (A cue of one or a few regions, "the DPR", "the OSCE monitors" of the Donbas line, votes for
    // them as a named region does: "near Mykhailivka" is the Donetsk village, not Zaporizhzhia's.)
    for (const a1 of q.admin1 ?? []) votes.admin1.set(a1, (votes.admin1.get(a1) ?? 0) + 1);
  }
  for (const [cc, v] of forTop) {
    if (v > votes.top) {
      votes.top = v;
      votes.topCountry = cc;
    }
  }
  votes.topCued = cueCountries.some((q) => !q.group && q.country === votes.topCountry);
  return votes;
}

function nameVotes(gaz: Gazetteer, entries: readonly number[], s: Float64Array, b: number): NameVotes {
  const max = s[b]!;
  let z = 0;
  for (let i = 0; i < s.length; i++) z += Math.exp(s[i]! - max);
  const own: NameVotes = { country: new SmallVotes(), admin1: new SmallVotes() };
  for (let i = 0; i < entries.length; i++) {
    const p = Math.exp(s[i]! - max) / z;
    if (p < 0.05) continue;
    const e = entries[i]!;
    const cc = gaz.countryIndex(e);
    if (cc >= 0) own.country.add(cc, p);
    const a1 = admin1Of(gaz, e);
    if (a1 >= 0) own.admin1.add(a1, p);
  }
  return own;
}

function anchorsOf(gaz: Gazetteer, cands: Candidate[], readings: Readings[], best: Int32Array): Anchor[] {
  const anchors: Anchor[] = [];
  const anchored = new Set<string>();
  for (let k = 0; k < cands.length && anchors.length < 20; k++) {
    const c = cands[k]!;
    const r = readings[k]!;
    if (c.demonym !== undefined || r.entries.length === 0 || anchored.has(c.key)) continue;
    const e = r.entries[best[k]!]!;
    const f = gaz.feature(e);
    if (f !== FEATURE_CODES.city && f !== FEATURE_CODES.admin2) continue;
    anchored.add(c.key);
    anchors.push({ key: c.key, lat: gaz.lat(e), lon: gaz.lon(e) });
  }
  return anchors;
}

/** Scores each reading of candidate k by its prior and its agreement with the other names. */
function rescore(at: Setting, k: number, own: NameVotes | undefined, s: Float64Array): void {
  const { gaz, votes } = at;
  const c = at.cands[k]!;
  const r = at.readings[k]!;
  const others = Math.max(1, votes.names - 1);
  for (let i = 0; i < r.entries.length; i++) {
    const e = r.entries[i]!;
    let v = r.priors[i]!;
    const cc = gaz.countryIndex(e);
    const f = gaz.feature(e);
    if (cc >= 0) {
      const countryVotes = (votes.country.get(cc) ?? 0) - (own?.country.get(cc) ?? 0);
      v += 4 * Math.min(1, countryVotes / Math.min(others, 3));
      if (cc === at.focusIndex) v += 2;
      if (at.profile) v += 2 * at.profile.countryShare(cc);
    }
    const a1 = admin1Of(gaz, e);
    if (a1 >= 0) {
      const admin1Votes = (votes.admin1.get(a1) ?? 0) - (own?.admin1.get(a1) ?? 0);
      v += (f === FEATURE_CODES.admin1 ? 2 : 3) * Math.min(1, admin1Votes);
      if (at.profile && f !== FEATURE_CODES.admin1) v += 3 * at.profile.admin1Share(a1);
    }
    // Near the document's other towns.
    if (at.anchors.length > 0 && r.entries.length > 1 && (f === FEATURE_CODES.city || f === FEATURE_CODES.admin2)) v += nearness(gaz, e, c.key, at.anchors);
    if (c.want !== undefined) v += c.want === f ? 4 : f === FEATURE_CODES.country ? -1 : -2;
    // "near Idlib", "outside Aleppo": one is near a town, seldom near a province.
    else if (c.near && f === FEATURE_CODES.city) v += 1.5;
    if (c.container !== undefined || c.nearOf !== undefined || c.containerOf !== undefined) v = withRelatedPlaces(at, c, e, cc, v);
    s[i] = v;
  }
}

/**
 * rescore's score of reading e (of country cc) given the places its candidate is written with.
 * (Apart from rescore: these cases are rare, and when V8 first meets one in optimised code it
 * throws that code away and compiles rescore again; here they have their own function.)
 */
function withRelatedPlaces(at: Setting, c: Candidate, e: number, cc: number, v: number): number {
  const { gaz } = at;
  // "Baragoi, Samburu": the reading inside the region named after the comma.
  if (c.container !== undefined) {
    const ce = at.readings[c.container]!.entries[at.best[c.container]!];
    if (ce !== undefined) v += contains(gaz, ce, e) ? 6 : -1;
  }
  // "Selim near Zemio": the reading in the country of the place it lies by.
  // (Not a whole country: "Kidal near the Algeria border" lies by the border, on the near side.)
  if (c.nearOf !== undefined) {
    const ne = at.readings[c.nearOf]!.entries[at.best[c.nearOf]!];
    if (ne !== undefined && gaz.countryIndex(ne) === cc && gaz.feature(ne) !== FEATURE_CODES.country) v += 3;
  }
  if (c.containerOf !== undefined) {
    const inner = at.readings[c.containerOf]!;
    // (Enough to outweigh a capital's prior: "Nihm (Nihm, Sanaa)" is Sanaa governorate, not the city.)
    if (inner.entries.some((ie) => contains(gaz, e, ie))) v += 5;
  }
  return v;
}

/** Bonus of a reading near the document's other towns (not counting other mentions of its own name). */
function nearness(gaz: Gazetteer, e: number, key: string, anchors: Anchor[]): number {
  const la = gaz.lat(e);
  const lo = gaz.lon(e);
  let near = Infinity;
  for (const a of anchors) {
    // (A latitude gap alone already puts an anchor beyond the 200 km that count.)
    if (a.key === key || Math.abs(la - a.lat) * KM_PER_DEGREE >= 200) continue;
    const d = approxKm(la, lo, a.lat, a.lon);
    if (d < near) near = d;
  }
  return near < 50 ? 1.5 : near < 200 ? 0.75 : 0;
}

/** The kept candidates as place mentions, with their best reading and alternatives. */
function placesOf(gaz: Gazetteer, cands: Candidate[], readings: Readings[], nameIds: Int32Array, scores: Float64Array[], best: Int32Array, votes: Votes, options: ResolveOptions): PlaceMention[] {
  const profile = options.profile;
  const places: PlaceMention[] = [];
  const learnt: { entry: number; score: number }[] = [];
  // A region read by its skeleton ("East Hararge Zone") stands only where the text's other names
  // (places, demonyms, cues) point to its country: alone, a likeness of spelling is too weak, and
  // it contains nothing ("Ituri district, Orientale province" is no district of Morocco's Oriental).
  const unsupported = new Uint8Array(cands.length);
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    const r = readings[k]!;
    if (!c.skeleton || r.entries.length === 0) continue;
    const cc = gaz.countryIndex(r.entries[best[k]!]!);
    if (otherNamesVotes(votes, nameIds[k]!, cc) < 0.5) unsupported[k] = 1;
  }
  const unknownInCountry = new Map<string, number>();
  const unknown = unknownPlaces(gaz, cands, readings, best, unsupported, options.text, unknownInCountry);
  // Names kept back for want of support (keep), for lonePlaces.
  let lone: number[] | undefined;
  const focus = options.focusCountry ? gaz.findCountry(options.focusCountry) : undefined;
  const focusIndex = focus ? gaz.countries.indexOf(focus) : -1;
  // (Only in a text that names no country, region or people: the cue stands in for the country the
  // text leaves unsaid, as a short note's does; an article that names its countries is read by them.)
  // (So in a text whose only sure names are demonyms of one country: "Malian soldiers protested in
  // Sevare": its people's name stands in for the country as a cue does.)
  const cued = readings.some((r) => r.strong) ? demonymOnlyCountry(gaz, cands, readings) : cuedCountry(options.cueCountries);
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    const r = readings[k]!;
    if (r.entries.length === 0) continue;
    if (c.demonym !== undefined && !options.demonyms) continue;
    const s = scores[k]!;
    const b = best[k]!;
    const e = r.entries[b]!;
    if (!keep(gaz, c, r, e, s[b]! - r.priors[b]!, focusIndex, cued)) {
      if (options.standIns && c.demonym === undefined && !c.common && !c.firstName && unsupported[k] !== 1) (lone ??= []).push(k);
      continue;
    }
    if (unsupported[k] === 1) continue;
    // A minor town abroad in a text whose other places agree on one country is more likely an
    // unknown local place of that country ("Santhia" in Bangladesh is not Santhià, Italy).
    // (A container that holds the reading vouches for it: "Baragoi, Samburu".)
    const containerEntry = c.container === undefined || unsupported[c.container] === 1 ? undefined : readings[c.container]!.entries[best[c.container]!];
    const vouched = containerEntry !== undefined && contains(gaz, containerEntry, e);
    // "the Kosovo area of Naivasha", "Fayzabad district, Jowzjan": a part of a place is nothing
    // outside it (every bearer of the name lying elsewhere, it is a place we do not know there).
    if (c.partOf && containerEntry !== undefined && !vouched) continue;
    // "Selim near Zemio": a minor town named as lying by a place of another country is a place we do
    // not know by that place (Selim of Turkey is not by Zemio of the Central African Republic): the
    // place it lies by stands for it.
    if (c.nearOf !== undefined && !r.strong && c.demonym === undefined && !vouched && unsupported[c.nearOf] !== 1 && gaz.population(e) < 100_000) {
      const ne = readings[c.nearOf]!.entries[best[c.nearOf]!];
      // (A town named near a whole country, "Kidal near the Algeria border", lies by its border, outside it.)
      if (ne !== undefined && gaz.countryIndex(ne) >= 0 && gaz.countryIndex(ne) !== gaz.countryIndex(e) && gaz.feature(ne) !== FEATURE_CODES.country) continue;
    }
    // A name read by its transliteration key (recognise.ts) is a place of the focus country only
    // where the text's other places allow it: not outside the region named after it ("al Bareed,
    // Raqqa city"), not in a province none of the text's other places is in.
    if (c.transliterated && ((containerEntry !== undefined && !vouched) || elsewhereThanOthers(gaz, e, votes.admin1, votes.byName[nameIds[k]!]?.admin1))) continue;
    // "Kain, Yatenga", "Stroud, Ontario": a minor town named with a region of a country where no town
    // of that name is known is an unknown place of that region, not a namesake abroad: it stands for
    // its region, and so do the name's other mentions ("the village of Kain (Kain, Yatenga)").
    // (So is one its country holds where no town of its name is known: "the Cameroonian town of
    // Bodo", "Bodo, Cameroon" are no Bodø of Norway.)
    const countryIn = unknownInCountry.get(c.key);
    if (countryIn !== undefined) {
      if (options.standIns && !c.common && !c.firstName) places.push(standIn(gaz, c, countryIn));
      continue;
    }
    const unknownIn = unknown.get(c.key);
    if (unknownIn !== undefined) {
      const mention: PlaceMention = { start: c.start, end: c.end, text: c.text, entry: gaz.entry(unknownIn), score: 0.5, demonym: undefined, countryName: undefined, alternatives: undefined, heldIn: undefined, holds: undefined };
      places.push(mention);
      continue;
    }
    // (So is a district abroad in a text whose names of a people, a unit word or a one-country force
    // put it in one country: "Robe" in an Oromo story is no Robe in South Australia.)
    const f = gaz.feature(e);
    if (!r.strong && c.demonym === undefined && (f === FEATURE_CODES.city || (f === FEATURE_CODES.admin2 && votes.topCued)) && gaz.population(e) < 100_000 && !vouched) {
      const cc = gaz.countryIndex(e);
      const mine = otherNamesVotes(votes, nameIds[k]!, cc);
      // (A local unit the packages lack (communes.tsv), known only by its district, yields to one
      // other name: "Kenyan troops raided Boni Forest" is no commune Boni of Burkina Faso.)
      if (mine < 0.5 && votes.top >= (gaz.rank(e) <= LOCAL_UNIT_RANK ? 1 : 2) && votes.topCountry !== cc) continue;
      if (mine < 0.5 && gaz.population(e) < SMALL_TOWN_POPULATION && placedElsewhere(votes, nameIds[k]!, cc)) continue;
      // (Nor does a village outside every country of a group the text names that acts in several,
      // when no other name puts it there: "JNIM militants killed a man in Nama" is no Nama of the Philippines.)
      if (mine < 0.5 && outsideSharedGroups(options.cueCountries, cc)) continue;
    }
    // Nor a minor town or district far abroad that no other name puts there, in a text whose armed
    // group or leader belongs to another country ("OLA soldiers planted a mine in Laga Dharo" is no
    // Laga of East Timor; "the ONLF reported abuses in Dig" no Dig of India; "Odinga's supporters
    // gathered outside the Olympic grounds" no Olympic of Hong Kong): such a movement fights at home
    // or across its borders ("an ONLF sympathiser shot in Garissa", Kenya, stands), not on another
    // continent. (A name of the town's own country keeps it too.)
    if (!r.strong && c.demonym === undefined && (f === FEATURE_CODES.city || f === FEATURE_CODES.admin2) && gaz.population(e) < 100_000 && !vouched) {
      const cc = gaz.countryIndex(e);
      const mine = otherNamesVotes(votes, nameIds[k]!, cc);
      if (mine < 0.5 && farFromOneCountryGroups(gaz, options.cueCountries, e)) continue;
    }
    // "North Central", "South West": a region named by compass words only is in many countries; one
    // abroad that no other name of the text supports, in a text whose other names agree on a country,
    // is a region of that country the gazetteer knows by another name ("the East and North Central
    // regions" of Burkina Faso are its Est and Centre-Nord, not Sri Lanka's North Central Province).
    if (c.compass && !vouched && (f === FEATURE_CODES.admin1 || f === FEATURE_CODES.admin2)) {
      if (supportedElsewhere(votes.country, votes.byName[nameIds[k]!]?.country, gaz.countryIndex(e), 0.5)) continue;
    }
    // So is a quarter of a city ("the Escalon neighborhood", "Chula Vista neighborhood") whose
    // namesake towns lie outside the country the text's other names agree on.
    if (c.neighbourhood && !vouched && f === FEATURE_CODES.city && !greatCity(gaz, e) && votes.top >= 1 && gaz.countryIndex(e) !== votes.topCountry) {
      if (options.standIns && !c.common && !c.firstName) places.push(standIn(gaz, c, votes.topCountry));
      continue;
    }
    // So is a name of many bearers that the text leaves undecided ("San Luis", "San Rafael", "San
    // Ramon": towns of that name in every Spanish-speaking country), read abroad where none of the
    // text's other names lies, while they agree on one country: a place of that country the
    // gazetteer lacks ("San Luis de la Reina" in a story of El Salvador), unless a capital or a city of 300,000 (greatCity).
    // (Only where such a place stands in for the name (event extraction): a geoparser's reader wants the namesake.)
    if (options.standIns && !vouched && c.demonym === undefined && (f === FEATURE_CODES.city || f === FEATURE_CODES.admin2) && !greatCity(gaz, e) && votes.top >= 1.5) {
      const cc = gaz.countryIndex(e);
      if (votes.topCountry !== cc) {
        let z0 = 0;
        for (let i = 0; i < s.length; i++) z0 += Math.exp(s[i]! - s[b]!);
        // (A name of the story's own region: borne in many countries, or near the story's country.
        // "Geneva", a Swiss city and a few American towns, in a story of Syria, is Geneva.)
        if (1 / z0 < 0.5 && otherNamesVotes(votes, nameIds[k]!, cc) < Math.max(0.5, votes.top / 4) && (bearerCountries(gaz, r.entries) >= MANY_COUNTRIES || bearerNear(gaz, r.entries, votes.topCountry))) {
          if (!c.common && !c.firstName) places.push(standIn(gaz, c, votes.topCountry));
          continue;
        }
      }
    }
    // A town abroad named by one of its other spellings ("Jima" for Jimma, Ethiopia; "Qara" for
    // Qarah, Syria) in a text whose other places lie in one other country is an unknown place there.
    // (Places, not demonyms: "Turkish convoys entered Idleb" names a force's country, not the place's.)
    // (Not a name closing a bracket, the region a note codes its place in: "Taya (Basundah, Gedaref)"
    // is in Sudan's Gedaref though an Amhara militia did it.)
    if (!r.strong && c.demonym === undefined && !vouched && gaz.feature(e) === FEATURE_CODES.city && otherSpelling(gaz, e, c.key) && !closesBracket(options.text, c)) {
      if (supportedElsewhere(votes.placeCountry, votes.byName[nameIds[k]!]?.country, gaz.countryIndex(e), 1)) continue;
    }
    // A minor town abroad (under 100,000 people) in a text of a known country (a feed's or a
    // collection's, `focusCountry`) that no other name of the text puts in that other country is a
    // place of the known country the gazetteer lacks: a Syrian monitor's "al-Khair" or "al Dar'iya
    // neighbourhood, Raqqa" is no town of India or Saudi Arabia (eval dedup: B-cubed F1 0.91418 ->
    // 0.91449 with the AFP spelling Raqa; `npm run eval` unchanged, its texts have no known country).
    if (focusIndex >= 0 && !r.strong && c.demonym === undefined && !vouched && (f === FEATURE_CODES.city || f === FEATURE_CODES.admin2) && gaz.countryIndex(e) !== focusIndex && gaz.population(e) < 100_000) {
      const cc = gaz.countryIndex(e);
      if (otherNamesVotes(votes, nameIds[k]!, cc) < 0.5) {
        if (options.standIns && !c.common && !c.firstName) places.push(standIn(gaz, c, focusIndex));
        continue;
      }
    }
    let z = 0;
    for (let i = 0; i < s.length; i++) z += Math.exp(s[i]! - s[b]!);
    // (All fields set, absent ones to undefined: one object shape for the code that reads mentions.)
    const mention: PlaceMention = {
      start: c.start,
      end: c.end,
      text: c.text,
      entry: gaz.entry(e),
      score: round3(1 / z),
      demonym: c.demonym !== undefined ? true : undefined,
      countryName: c.demonym !== undefined && !gaz.demonyms.has(c.key) ? true : undefined,
      alternatives: s.length > 1 ? topOthers(s, b, 3).map((i) => ({ entry: gaz.entry(r.entries[i]!), score: round3(Math.exp(s[i]! - s[b]!) / z) })) : undefined,
      heldIn: undefined,
      holds: undefined,
    };
    if (profile && c.demonym === undefined) learnt.push({ entry: e, score: mention.score });
    places.push(mention);
  }
  profile?.add(gaz, learnt);
  // (A group of several countries, "JNIM", says no one country: the lone names still stand.)
  // (Their towns must lie in one of its countries: "JNIM killed four people in Nama" is no Nama abroad.)
  if (lone && places.length === 0 && (options.cueCountries ?? []).every((q) => q.shared)) lonePlaces(gaz, cands, readings, lone, places, options.cueCountries ?? []);
  markContainers(cands, places, options.text);
  return places;
}

/**
 * "Baragoi, Samburu", "Tabit (Tawila locality, North Darfur)": where both a place and the region named
 * with it are kept, the place is flagged heldIn and the region holds. Mentions are in text order, as
 * candidates are: one sweep of both.
 */
function markContainers(cands: Candidate[], places: PlaceMention[], text: string | undefined): void {
  if (places.length < 2) return;
  const byStart = new Map<number, PlaceMention>();
  for (const p of places) if (!p.demonym) byStart.set(p.start, p);
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    if (c.container === undefined || c.demonym !== undefined) continue;
    const inner = byStart.get(c.start);
    const outer = byStart.get(cands[c.container]!.start);
    // (A namesake abroad, or in another province, is no place of the region: "Durgapur upazila
    // (Netrakona, Mymensingh)" read as India's Durgapur.)
    if (!inner || !outer || inner === outer || inner.entry.countryCode !== outer.entry.countryCode) continue;
    if (outer.entry.feature !== 'country' && inner.entry.admin1 !== undefined && outer.entry.admin1 !== undefined && inner.entry.admin1 !== outer.entry.admin1) {
      // (A town a bracket after it puts in another province by two names that agree, its district
      // or town and the province, "Umm Dukhun (Kereneik, West Darfur)", "Ilorin (Borgu LGA, Niger)",
      // is in that province as the note's writer draws the lines. Its point stays. One name that
      // the place's own district contradicts, "Atbara (Atbara locality, White Nile state)", is a slip.)
      if (!agreeingBracket(cands, k, byStart, text)) continue;
      inner.entry = { ...inner.entry, admin1: outer.entry.admin1, admin2: outer.entry.feature === 'admin2' ? outer.entry.name : undefined };
    }
    outer.holds = true;
    // (A region inside a bracket holds the place before the bracket, named or not: "Hathobhanga town
    // (Mirzapur upazila, Tangail, Dhaka)": Tangail is no place the note codes.)
    if (text === undefined || !insideBracket(text, c.start)) inner.heldIn = true;
  }
}

/**
 * Whether candidate k is followed by a bracket of two names or more, "(Kereneik, West Darfur)",
 * "(Borgu LGA, Niger)", whose names before the last all lie in the province the last names, and
 * none is the place's own name.
 */
function agreeingBracket(cands: Candidate[], k: number, byStart: Map<number, PlaceMention>, text: string | undefined): boolean {
  const c = cands[k]!;
  if (text === undefined || c.container === undefined || insideBracket(text, c.start)) return false;
  const last = cands[c.container]!.container ?? c.container;
  const province = byStart.get(cands[last]!.start);
  // (The province may be read as its seat, "Katsina": the name is the province's too.)
  if (last <= k + 1 || !province || !(province.entry.feature === 'admin1' || provinceNamesake(province)) || !insideBracket(text, cands[last]!.start)) return false;
  for (let i = k + 1; i < last; i++) {
    const p = byStart.get(cands[i]!.start);
    // (A name read as a place of the province only for want of one there, "Jhenaidah, Chittagong", says nothing.)
    if (cands[i]!.key === c.key || !p || p.entry.feature === 'admin1' || p.entry.countryCode !== province.entry.countryCode || p.entry.admin1 !== province.entry.admin1) return false;
  }
  return true;
}

/** How far back an opening bracket is looked for. */
const BRACKET_BACK = 80;

/** Whether an opening bracket, not closed since, stands within BRACKET_BACK characters before `at`. */
function insideBracket(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - BRACKET_BACK; i--) {
    const ch = text.charCodeAt(i);
    if (ch === 41 /* ) */) return false;
    if (ch === 40 /* ( */) return true;
  }
  return false;
}

/**
 * A short text (an event note) that names no place it supports nor any country, people or force:
 * its names kept back for want of support ("gunmen attacked Gamboula") are its places when each
 * names towns of one country only and all agree on it. (Event extraction only, see standIns: a
 * geoparser's reader is better served without them.)
 */
function lonePlaces(gaz: Gazetteer, cands: Candidate[], readings: Readings[], lone: number[], places: PlaceMention[], shared: readonly CueVote[]): void {
  let country = -1;
  for (const k of lone) {
    for (const e of readings[k]!.entries) {
      const cc = gaz.countryIndex(e);
      if (country >= 0 && cc !== country) return;
      country = cc;
    }
  }
  if (outsideSharedGroups(shared, country)) return;
  for (const k of lone) {
    const c = cands[k]!;
    const r = readings[k]!;
    // (The most populous reading: the name alone says no more.)
    let e = r.entries[0]!;
    for (const x of r.entries) if (gaz.population(x) > gaz.population(e)) e = x;
    places.push({ start: c.start, end: c.end, text: c.text, entry: gaz.entry(e), score: 0.5, demonym: undefined, countryName: undefined, alternatives: undefined, heldIn: undefined, holds: undefined });
  }
}

/** Whether the text names groups active in several countries ("JNIM") and country cc is none of theirs. */
function outsideSharedGroups(cues: readonly CueVote[] | undefined, cc: number): boolean {
  let shared = false;
  for (const q of cues ?? []) {
    if (!q.shared) continue;
    if (q.country === cc) return false;
    shared = true;
  }
  return shared;
}

/** Beyond this distance from the country of a group or person of one country, a namesake town is no place of its story (km). */
const ONE_COUNTRY_GROUP_REACH_KM = 2500;

/**
 * Whether the text names an armed group or force of one country (a group cue: "ONLF", "OLA", "KDF")
 * or a person of one country ("Kibaki", "Odinga"), no cue of entry e's country, and e lies beyond
 * their reach from their country: such a group fights at home or across its borders, and such a
 * person is told of at home or visiting a capital or a city, not a village on another continent.
 */
function farFromOneCountryGroups(gaz: Gazetteer, cues: readonly CueVote[] | undefined, e: number): boolean {
  const cc = gaz.countryIndex(e);
  let far = false;
  for (const q of cues ?? []) {
    if (q.country === cc) return false;
    if (!q.group || q.shared || q.country < 0) continue;
    const home = gaz.countries[q.country]!;
    if (haversineKm(home.lat, home.lon, gaz.lat(e), gaz.lon(e)) <= ONE_COUNTRY_GROUP_REACH_KM) return false;
    far = true;
  }
  return far;
}

/** How many countries a name of many bearers has towns in, at least ("San Luis": in every Spanish-speaking country). */
const MANY_COUNTRIES = 3;

/** How near a country's point one of a name's bearers must lie for the name to be of that country's region. */
const REGION_KM = 1500;

/** Whether one of a name's readings lies within REGION_KM of country cc's point. */
function bearerNear(gaz: Gazetteer, entries: readonly number[], cc: number): boolean {
  const country = gaz.countries[cc]!;
  for (const e of entries) if (haversineKm(country.lat, country.lon, gaz.lat(e), gaz.lon(e)) <= REGION_KM) return true;
  return false;
}

/** The number of countries a name's readings lie in, counted up to MANY_COUNTRIES. */
function bearerCountries(gaz: Gazetteer, entries: readonly number[]): number {
  const seen: number[] = [];
  for (const e of entries) {
    const cc = gaz.countryIndex(e);
    if (!seen.includes(cc)) {
      seen.push(cc);
      if (seen.length >= MANY_COUNTRIES) break;
    }
  }
  return seen.length;
}

/**
 * A capital or a city of 300,000 people: known by its name alone, wherever the text is (Manchester,
 * England, in a story of Syria, is no unknown Syrian place; at half a million it was).
 */
function greatCity(gaz: Gazetteer, e: number): boolean {
  return gaz.population(e) >= 300_000 || gaz.rank(e) >= 4;
}

/** A place of country cc the gazetteer lacks, named as the text names it, at the country's point. */
function standIn(gaz: Gazetteer, c: Candidate, cc: number): PlaceMention {
  const country = gaz.countries[cc]!;
  const entry: GazetteerEntry = {
    name: c.text, countryCode: country.code, country: country.name, latitude: country.lat, longitude: country.lon, feature: 'city',
    admin1: undefined, admin2: undefined, population: undefined, geonameid: undefined, unlocated: true,
  };
  return { start: c.start, end: c.end, text: c.text, entry, score: 0.5, demonym: undefined, countryName: undefined, alternatives: undefined, heldIn: undefined, holds: undefined };
}

/** The one country a text's demonyms name when they are its only sure names (no country, no strong place), or -1. */
function demonymOnlyCountry(gaz: Gazetteer, cands: Candidate[], readings: Readings[]): number {
  let cc = -1;
  for (let k = 0; k < cands.length; k++) {
    const r = readings[k]!;
    if (!r.strong || r.entries.length === 0) continue;
    // (A country's name read as a nationality, "CAR forces", is still a name of the country, no demonym.)
    if (cands[k]!.demonym === undefined || !gaz.demonyms.has(cands[k]!.key) || gaz.feature(r.entries[0]!) !== FEATURE_CODES.country) return -1;
    const own = gaz.countryIndex(r.entries[0]!);
    if (cc >= 0 && own !== cc) return -1;
    cc = own;
  }
  return cc;
}

/**
 * The one country the text's cues of a people, a unit word or a one-country force name ("Seleka",
 * "woreda", "Oromo"), or -1 (none, or cues of two countries). Armed groups' cues do not count: they act abroad.
 */
function cuedCountry(cues: readonly CueVote[] | undefined): number {
  let cc = -1;
  for (const q of cues ?? []) {
    if (q.group || q.country < 0) continue;
    if (cc >= 0 && cc !== q.country) return -1;
    cc = q.country;
  }
  return cc;
}

/** Whether the text's other places lie in provinces (admin1) and none of them holds entry e. */
function elsewhereThanOthers(gaz: Gazetteer, e: number, admin1: Map<number, number>, own: SmallVotes | undefined): boolean {
  const mine = gaz.admin1Index(e);
  let others = false;
  for (const [a1, v] of admin1) {
    if (v - (own?.get(a1) ?? 0) < 0.5) continue;
    if (a1 === mine) return false;
    others = true;
  }
  return others;
}

/**
 * Names of minor towns named with a region ("Kain, Yatenga") that holds no town of that name: the
 * region. Names of towns named with a country that holds no town of that name ("the Cameroonian
 * town of Bodo", "Bodo, Cameroon"): the country's index, in inCountry.
 */
function unknownPlaces(gaz: Gazetteer, cands: Candidate[], readings: Readings[], best: Int32Array, unsupported: Uint8Array, text: string | undefined, inCountry: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k]!;
    const r = readings[k]!;
    if (c.container === undefined || c.demonym !== undefined || r.entries.length === 0 || cands[c.container]!.nameGoesOn || unsupported[c.container] === 1) continue;
    // (A name a country or world region bears is that; one a province bears may be a town's: "Valencia, Sangre Grande".)
    if (r.strong && (c.abbreviation === true || r.entries.some((x) => gaz.feature(x) === FEATURE_CODES.country || gaz.feature(x) === FEATURE_CODES.region))) continue;
    // (Not where the second name reads as a capital or a great city in a list that goes on, "the
    // cities of Aisha, Harare, Biki and Girloom": towns, whichever of them the gazetteer lacks, not
    // Aisha in Harare province. A list of districts, "Suba, Migori, Homa Bay ... and Bunyala", still
    // puts a name the gazetteer lacks in the district after it, in the story's country.)
    const outer = readings[c.container]!.entries[best[c.container]!];
    if (outer !== undefined && text !== undefined && gaz.feature(outer) === FEATURE_CODES.city && greatCity(gaz, outer) && listGoesOn(text, cands[c.container]!.end)) continue;
    // "the Cameroonian town of Bodo", "Bodo, Cameroon": a town its country holds, where the gazetteer
    // knows no bearer of its name in that country (nor a great city of it anywhere), is an unknown
    // place of that country (see inCountry).
    if (outer !== undefined && gaz.feature(outer) === FEATURE_CODES.country) {
      const cc = gaz.countryIndex(outer);
      if (cc >= 0 && !r.entries.some((x) => gaz.countryIndex(x) === cc || greatCity(gaz, x))) inCountry.set(c.key, cc);
      continue;
    }
    const region = regionReading(gaz, readings[c.container]!, best[c.container]!);
    if (region === undefined) {
      const town = communeInBracket(gaz, cands, readings, best, unsupported, text, k);
      if (town !== undefined) out.set(c.key, town);
      continue;
    }
    // (No bearer of the name inside the region or near it: "Kamyanka, Donetsk" is no Kam'yanka of
    // Odesa oblast. A town just outside is kept: regions are redrawn, and "Batangafo (Batangafo,
    // Ouham)" is the town GeoNames puts in Ouham-Fafa.)
    // (Nor the seat of a province, which is known: "Harar city, East Hararghe Zone" is Harar.)
    // (The region named right after the place, "Bohdanivka, Donetsk", is its own: not so a town nearer
    // the point of its own province. A bracket that names the district too, "Nazikada (Batangafo,
    // Ouham)" after the place, may name a region as it was before it was split: a town just outside is its own.)
    const direct = cands[c.container]!.start - c.end <= 2 && (text === undefined || !/\(\s*$/.test(text.slice(Math.max(0, c.start - 3), c.start)));
    if (!namesakeOfRegion(gaz, r, r.entries[best[k]!]!, outer, direct, text, cands[c.container]!.end) || r.entries.some((x) => contains(gaz, region, x) || nearRegion(gaz, region, x, direct) || (gaz.countryIndex(x) === gaz.countryIndex(region) && gaz.rank(x) >= 3))) continue;
    out.set(c.key, region);
  }
  return out;
}

/**
 * Whether a town's name may be an unknown place of the region named right after it: a minor town
 * (under 100,000 people), or a larger one that is no capital and has no bearer in the region's
 * country ("Valencia, Sangre Grande" is a Valencia of Trinidad's Sangre Grande, not Spain's city),
 * named right before a region that is no great city itself and closes no list that goes on ("in
 * Lagos, Accra and Nairobi" names three cities).
 */
function namesakeOfRegion(gaz: Gazetteer, r: Readings, e: number, outer: number | undefined, direct: boolean, text: string | undefined, outerEnd: number): boolean {
  if (gaz.population(e) < 100_000) return true;
  if (!direct || outer === undefined || text === undefined || gaz.rank(e) >= 4 || greatCity(gaz, outer) || listGoesOn(text, outerEnd)) return false;
  // (Only a namesake abroad: a town of the region's own country is that town, wherever the text puts
  // it ("Agua Caliente, Soyapango, San Miguel department" names Soyapango of San Salvador).)
  const cc = gaz.countryIndex(outer);
  return r.entries.every((x) => gaz.countryIndex(x) !== cc);
}

/**
 * "Bana (Mansila, Yagha)", "Boungou (Fada Ngourma, Gourma)": a bracket after a minor town that names
 * a town (its commune) and then the district or region holding that town, where no bearer of the
 * place's name lies in that district: the place is one of the commune we do not know (not Bana of
 * the Balé, nor the Boungou of the Gobnangou), and the commune's town stands for it.
 */
function communeInBracket(gaz: Gazetteer, cands: Candidate[], readings: Readings[], best: Int32Array, unsupported: Uint8Array, text: string | undefined, k: number): number | undefined {
  const c = cands[k]!;
  const j = c.container!;
  const up = cands[j]!.container;
  const town = readings[j]!.entries[best[j]!];
  if (up === undefined || town === undefined || unsupported[up] === 1 || text === undefined || !insideBracket(text, cands[j]!.start) || gaz.feature(town) !== FEATURE_CODES.city) return undefined;
  const region = regionReading(gaz, readings[up]!, best[up]!);
  if (region === undefined || !holds(gaz, region, town)) return undefined;
  const r = readings[k]!;
  if (gaz.population(r.entries[best[k]!]!) >= 100_000 || r.entries.some((x) => x === town || holds(gaz, region, x) || (gaz.countryIndex(x) === gaz.countryIndex(region) && gaz.rank(x) >= 3))) return undefined;
  return town;
}

/** Whether a region holds a place by its own units: its admin1, and its district where both know theirs. */
function holds(gaz: Gazetteer, region: number, e: number): boolean {
  if (gaz.countryIndex(region) !== gaz.countryIndex(e) || gaz.admin1Index(region) !== gaz.admin1Index(e)) return false;
  if (gaz.feature(region) !== FEATURE_CODES.admin2) return true;
  const a2 = gaz.admin2Index(e);
  return a2 < 0 || a2 === gaz.admin2Index(region);
}

/**
 * The region a container names: its best reading when that is a region; else, when the best is a
 * town ("Kola, Mopti": Mopti the town), the one region of the town's country that bears the name
 * (Mopti region), which is what a "Place, Region" pair names. Regions of that name in two provinces: left alone.
 */
function regionReading(gaz: Gazetteer, r: Readings, b: number): number | undefined {
  const e = r.entries[b];
  if (e === undefined || isRegion(gaz, e)) return e;
  if (gaz.feature(e) !== FEATURE_CODES.city) return undefined;
  // (A province and its district of one name, "Segou", are one region: the province.)
  let region: number | undefined;
  for (const x of r.entries) {
    if (!isRegion(gaz, x) || gaz.countryIndex(x) !== gaz.countryIndex(e)) continue;
    if (region !== undefined && gaz.admin1Index(x) !== gaz.admin1Index(region)) return undefined;
    if (region === undefined || gaz.feature(x) === FEATURE_CODES.admin1) region = x;
  }
  return region;
}

/** How far from a region's point a town of its country may lie and still be taken as the region's own. */
const NEAR_REGION_KM = 200;
/** How near a region's point a town of another province is the region's own whatever its own province's point. */
const NEAR_REGION_OWN_KM = 50;

/** Whether a place of the region's country lies within NEAR_REGION_KM of the region's point. */
function nearRegion(gaz: Gazetteer, region: number, e: number, direct: boolean): boolean {
  if (gaz.countryIndex(region) !== gaz.countryIndex(e)) return false;
  const d = approxKm(gaz.lat(region), gaz.lon(region), gaz.lat(e), gaz.lon(e));
  if (d >= NEAR_REGION_KM) return false;
  // (Named right after the region, not a town nearer the point of its own province than the named
  // one: "Bohdanivka, Donetsk" is no Bohdanivka of Dnipropetrovsk oblast but one of Donetsk we do not know.)
  // (A town within NEAR_REGION_OWN_KM is the region's still: "Ruiru, Nairobi", a suburb over the county line.)
  if (!direct || d < NEAR_REGION_OWN_KM || gaz.feature(region) !== FEATURE_CODES.admin1 || gaz.admin1Index(e) === gaz.admin1Index(region)) return true;
  const own = gaz.admin1Entry(gaz.admin1Index(e));
  return own === undefined || approxKm(gaz.lat(own), gaz.lon(own), gaz.lat(e), gaz.lon(e)) >= d;
}

function isRegion(gaz: Gazetteer, e: number): boolean {
  const f = gaz.feature(e);
  return f === FEATURE_CODES.admin1 || f === FEATURE_CODES.admin2;
}

/**
 * Whether the mention is the last of a list of names inside brackets ("Gedaref" in "Taya (Basundah,
 * Gedaref)"): the region a note codes its place in. (Not a name alone in brackets, an alias: "Merile
 * (Dassanach) bandits".)
 */
function closesBracket(text: string | undefined, c: Candidate): boolean {
  return text !== undefined && text.charCodeAt(c.end) === 41 /* ) */ && /,\s*$/.test(text.slice(Math.max(0, c.start - 3), c.start)) && insideBracket(text, c.start);
}

/** Whether a name reaches the entry by another spelling than its own (an alias or alternate name). */
function otherSpelling(gaz: Gazetteer, e: number, key: string): boolean {
  const own = foldName(gaz.name(e));
  return key !== own && !nameVariants(own, gaz.entry(e).countryCode).includes(key);
}

/** Whether entry `outer` (a country, admin1 or admin2) contains entry `inner`. */
function contains(gaz: Gazetteer, outer: number, inner: number): boolean {
  const f = gaz.feature(outer);
  if (gaz.countryIndex(outer) !== gaz.countryIndex(inner)) return false;
  if (f === FEATURE_CODES.country) return true;
  if (f === FEATURE_CODES.admin1) return gaz.admin1Index(outer) === gaz.admin1Index(inner) && outer !== inner;
  if (f === FEATURE_CODES.admin2) return gaz.admin1Index(outer) === gaz.admin1Index(inner) && outer !== inner;
  return false;
}

/**
 * Whether a candidate is a place at all. Names of countries, regions, demonyms and multi-word names
 * stand on their own; a one-word town needs support: a cue ("in X"), a container ("X, Y"), agreement
 * with the document's other places, or being a large city that is not also a common word.
 */
function keep(gaz: Gazetteer, c: Candidate, r: Readings, e: number, context: number, focusIndex: number, cued: number): boolean {
  if (c.demonym !== undefined || c.abbreviation) return true;
  const multiWord = c.w1 - c.w0 > 1;
  const supported = c.cue || c.listed === true || c.container !== undefined || c.containerOf !== undefined || c.want !== undefined;
  if (c.common) return supported;
  if (r.strong || multiWord) return true;
  if (supported) return true;
  // A town of the country the document is about (given with it) needs no more support: short items
  // and headlines name the town alone ("Armanaz massacre"). So does a name read as one of its
  // towns by its transliteration (recognise.ts), which is read only there.
  if (c.transliterated || (focusIndex >= 0 && gaz.countryIndex(e) === focusIndex && !c.firstName)) return true;
  // So does a town of the one country the text's cues name ("Ex-Seleka attacked Damara").
  if (cued >= 0 && gaz.countryIndex(e) === cued && !c.firstName) return true;
  const f = gaz.feature(e);
  // A name only a province bears ("an Akkar road"), not a person's, is that province when another
  // name of the text agrees with it.
  // (Or, with no other name, when it is named before a road word: "protesters blocked an Akkar road at
  // the el Aioun intersection" names the province, whatever town the site is named after.)
  if (f === FEATURE_CODES.admin1 && (context > 0 || c.road) && !c.firstName && r.entries.every((x) => gaz.feature(x) === FEATURE_CODES.admin1)) return true;
  const pop = f === FEATURE_CODES.city || f === FEATURE_CODES.admin1 ? gaz.population(e) : 0;
  if (pop >= 100_000) return true;
  // "the Zahle roundabout": a town of some size named for a road (a village's name is too often another word's).
  if (c.road && f === FEATURE_CODES.city && pop >= ROAD_TOWN_POPULATION && !c.firstName) return true;
  if (context >= 4.5 && pop >= 5000) return true;
  if (context >= 6) return true;
  return false;
}

/** The population from which a town named alone before a road word ("the Zahle road") is taken as that town. */
const ROAD_TOWN_POPULATION = 10_000;

/** Indexes of the `count` highest scores other than `skip`, highest first (ties: lower index first). */
function topOthers(scores: Float64Array, skip: number, count: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    if (i === skip) continue;
    let at = top.length;
    while (at > 0 && scores[top[at - 1]!]! < scores[i]!) at--;
    if (at < count) {
      top.splice(at, 0, i);
      if (top.length > count) top.pop();
    }
  }
  return top;
}

const KM_PER_DEGREE = 111.2;

/** Equirectangular distance in km: enough to tell 50 km from 200 km. */
function approxKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * Math.cos(((lat1 + lat2) * Math.PI) / 360);
  const y = lat2 - lat1;
  return KM_PER_DEGREE * Math.sqrt(x * x + y * y);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Whether the text's other names (the votes less the name's own) put it in another country, by at
 * least `elsewhereMin`, and not in its own reading's country `cc` (under half a vote).
 */
function supportedElsewhere(votes: ReadonlyMap<number, number>, own: SmallVotes | undefined, cc: number, elsewhereMin: number): boolean {
  const others = (country: number) => (votes.get(country) ?? 0) - (own?.get(country) ?? 0);
  if (others(cc) >= 0.5) return false;
  for (const other of votes.keys()) if (other !== cc && others(other) >= elsewhereMin) return true;
  return false;
}

/** A town whose name its province bears too (a reading the resolver weighed): "Ghazni", "Marib", "Katsina". */
export function provinceNamesake(p: PlaceMention): boolean {
  if (p.entry.feature !== 'city' || p.entry.admin1 === undefined) return false;
  return p.alternatives?.some((a) => a.entry.feature === 'admin1' && a.entry.countryCode === p.entry.countryCode && a.entry.admin1 === p.entry.admin1) ?? false;
}
