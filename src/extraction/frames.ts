// One frame per sentence that reports something: its realis triggers, the event date it states,
// its places, participants and figures. Frames are what events are assembled from.
import { spansStartingIn, type ActorMention, type Attribution, type DateMention, type Doc, type Figure, type PlaceMention, type Span, type TriggerMention } from '../common/doc.js';
import placeModifiers from '../locales/en/data/place-modifiers.json' with { type: 'json' };
import eventCues from '../locales/en/data/event-cues.json' with { type: 'json' };
import functionWords from '../locales/en/data/function-words.json' with { type: 'json' };
import placeContext from '../locales/en/data/place-context.json' with { type: 'json' };
import { alternation } from '../common/word-pattern.js';
import { isDatelinePlace } from '../locales/en/dateline.js';
import { quotationAt } from '../locales/en/quotations.js';
import { farBefore, nearLink } from '../locales/en/near-place.js';
import { tellsDepiction } from '../locales/en/depiction.js';
import { editorNote, mayHoldEditorPhrase } from '../locales/en/editor-note.js';
import { loadGazetteer } from '../geography/gazetteer.js';
import { cueEntry } from '../geography/cues.js';
import { backgroundClause, namedEvents, citations, linksToEarlier, mayCommemorate, mayHoldTimeCue, warTollClause } from '../locales/en/time-reference.js';
import { isArmed } from './actor-roles.js';
import { ADMIN1_SPECIFICITY, specificity } from './grouping.js';
import { haversineKm } from '../common/distance.js';

const MODIFIER_AFTER = new RegExp(`^(-|[\\s,]+(${placeModifiers.following.join('|')})\\b)`, 'i');
/** After a country's name, a word of its forces' strikes: "two US drone strikes in northwest Pakistan". */
const COUNTRY_MODIFIER_AFTER = new RegExp(`^\\s+(?:${placeModifiers.followingCountry.join('|')})\\b`, 'i');
/** "Military Forces of Ethiopia", "the Embassy of France": a state's forces or envoys, named as a proper name, before "of" and a country's name. */
// (Capitalised, as in a name: "the army of Venezuela" in a clash across the Colombian border stays a place.)
const FORCE_OF_BEFORE = new RegExp(`\\b(?:${placeModifiers.forceOfCountry.map((w) => w.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase())).join('|')})\\s+of\\s+(?:the\\s+)?$`, 'u');
/** "the Damascus police station": a site word after the modifier makes the town the site's place. */
const SITE_AFTER_MODIFIER = new RegExp(`^\\s+(?:${placeModifiers.sitesAfterModifier.join('|')})\\b`, 'i');
/** After a region's name and a nationality, a word of an actor: "an Amhara Ethiopian militia". */
const NATIONALITY_MODIFIER_AFTER = new RegExp(`^\\s+(?:${[...placeModifiers.following, ...placeModifiers.followingNationality].join('|')})\\b`, 'i');

/** "in Tadjourah, military forces ...": a place set off by a comma after a locative preposition opens the clause. */
const LOCATIVE_BEFORE = new RegExp(`\\b(?:${placeModifiers.locativeBefore.join('|')})\\s+(?:the\\s+)?$`, 'i');

/** "attacked a base in southern Somalia": a place right after a locative preposition (a direction word may come between) sets the clause's scene. */
const SETTING_BEFORE = new RegExp(`\\b(?:${placeModifiers.locativeBefore.join('|')})\\s+(?:the\\s+)?(?:(?:${placeContext.directions.join('|')})\\s+)?$`, 'i');

/** "Anna Campbell, 26, from Lewes, ...": an appositive of origin (after a comma, an age may come between) names a hometown. */
// (The region after the town, "from Lewes, East Sussex", is the hometown's too.)
/** "Maria Perez, a 29-year-old woman from Cali, ...": an apposition after a name, a person from a place, her hometown. */
const ORIGIN_APPOSITION = new RegExp(`\\p{Lu}[\\p{L}'’-]*,\\s*an?\\s+(?:[\\p{L}\\d'’-]+\\s+){0,3}(?:${placeModifiers.originAppositionHeads.join('|')})\\s+(?:${alternation(eventCues.originPreposition)})\\s+$`, 'iu');
// (Its preposition checked first: tried at every letter of the context, the whole pattern costs tens of
// thousands of instructions a place, and few contexts end with "from".)
const ENDS_WITH_ORIGIN_PREPOSITION = new RegExp(`(?:${alternation(eventCues.originPreposition)})\\s+$`, 'iu');
const ORIGIN_BEFORE = new RegExp(`,\\s*(?:\\d{1,3}\\s*,\\s*)?(?:${placeModifiers.originBefore.join('|')})\\s+(?:the\\s+)?(?:\\p{Lu}[\\p{L}'’-]*(?:\\s\\p{Lu}[\\p{L}'’-]*){0,2},\\s*)?$`, 'iu');

/** "at a tempo not seen even in the battles for Mosul": a place a comparison names (cue, then up to 60 characters of its clause). */
const COMPARED_BEFORE = new RegExp(`\\b(?:${placeModifiers.comparedBefore.join('|')})\\b[^.;:!?]{0,60}$`, 'i');

/** "200 km north of the capital, Bamako": a place named as a far reference point is not where the event was. */
export function farReference(doc: Doc, place: PlaceMention): boolean {
  return farBefore(doc.text, place.start);
}

/**
 * The place as the event's place: a far reference point ("200 km north of the capital, Bamako") says
 * only the country (its mention, read as the country's); any other place, itself.
 */
export function asEventPlace(doc: Doc, place: PlaceMention): PlaceMention {
  if (place.entry.feature === 'country' || !farReference(doc, place)) return place;
  const gaz = loadGazetteer();
  const i = cueEntry(gaz, { start: place.start, end: place.end, countryCode: place.entry.countryCode, group: false, person: false });
  if (i === undefined) return place;
  // (Its text is the country's name: "Bamako" read as Mali is no capital named for its country.)
  const entry = gaz.entry(i);
  return { ...place, text: entry.name, entry, alternatives: undefined, heldIn: undefined, holds: undefined };
}

const SITE_HEADS = new Set<string>(placeContext.siteHeads);
/** How far (km) from a town the text names a place named as a site must lie to be a site of that town. */
const SITE_APART_KM = 100;
const isSiteName = (p: PlaceMention) => SITE_HEADS.has(p.text.slice(p.text.lastIndexOf(' ') + 1).toLowerCase());
const isTown = (p: PlaceMention) => !p.demonym && specificity(p.entry) > ADMIN1_SPECIFICITY;

/**
 * "a rally in Hyde Park" in a story from Sydney: a place named as a site ("Park", "Square") that the
 * gazetteer puts far from a town of the same country the text names (Hyde Park, Queensland) is a site
 * of the story's town, not where the event was.
 */
export function distantSite(doc: Doc, place: PlaceMention): boolean {
  if (!isTown(place)) return false;
  if (namedSite(doc, place)) return foreignSite(doc, place);
  if (!isSiteName(place)) return false;
  const { latitude, longitude, countryCode } = place.entry;
  return doc.places.some((q) => q !== place && isTown(q) && q.entry.countryCode === countryCode && !isSiteName(q) && haversineKm(latitude, longitude, q.entry.latitude, q.entry.longitude) > SITE_APART_KM);
}

/**
 * "air raids on Sirwah district west of Marib city", "Selim near Zemio": a place the place named right
 * before it lies by (a direction or "near" between them) is a reference point, not the event's place.
 */
function nearReference(doc: Doc, before: PlaceMention | undefined, place: PlaceMention): boolean {
  return before !== undefined && !before.demonym && before.entry.feature !== 'country' && nearLink(doc.text.slice(before.end, place.start).replace(UNIT_WORD_OPENING, ''));
}
// (The first name's unit word may come between: "Sirwah district west of".)
const UNIT_WORD_OPENING = new RegExp(`^\\s+(?:${alternation([...placeContext.placeSuffixAdmin2, ...placeContext.placeSuffixAdmin1, ...placeContext.placeSuffixCity])})\\b`, 'i');

const SITE_AFTER = new RegExp(`^\\s+(?:${alternation(placeContext.sitesAfter)})\\b`, 'u');
/** "at the Palma bridge", "the el Aioun intersection": a town's name before a lower-case site word. */
const namedSite = (doc: Doc, place: PlaceMention) => SITE_AFTER.test(doc.text.slice(place.end, place.end + 20));

/**
 * "blocked the Tripoli-Beirut highway at the Palma bridge": a site named after a town that lies in
 * another country than every other place the text names (no country named alone counts) is a site of
 * the story's country, not a town abroad.
 */
function foreignSite(doc: Doc, place: PlaceMention): boolean {
  const others = doc.places.filter((q) => q !== place && !q.demonym && q.entry.feature !== 'country' && !namedSite(doc, q));
  return others.length > 0 && others.every((q) => q.entry.countryCode !== place.entry.countryCode);
}

/** Whether the place is named in a comparison ("not seen even in the battles for Raqqa"): not where the event happened. */
export function comparedPlace(doc: Doc, place: PlaceMention): boolean {
  return COMPARED_BEFORE.test(doc.text.slice(Math.max(0, place.start - 90), place.start));
}

const UNIT_WORD_AFTER = new RegExp(`^\\s+(${placeModifiers.unitWords.join('|')})\\b`, 'i');

const ROAD_AFTER = new RegExp(`^(?:-\\p{Lu}[\\p{L}'’]*(?:\\s\\p{Lu}[\\p{L}'’]*)?)?\\s+(?:\\p{Ll}+\\s+)?(?:${alternation(eventCues.roadWords)})\\b`, 'iu');

// ("the axis Banh-Ouahigouya": a route word before two towns joined by a hyphen.)
const ROUTE_BEFORE = new RegExp(`\\b(?:${alternation(eventCues.routeBefore)})\\s+$`, 'i');

// ("travelling from Paoua to Bangui": either end, the second after the first's name; "on its way to Gao".)
const JOURNEY_BEFORE = new RegExp(`\\b(?:${alternation(eventCues.journeyVerbs)})\\s+(?:back\\s+)?(?:from\\s+(?:the\\s+)?\\p{Lu}[\\p{L}'\u2019-]*(?:\\s+\\p{Lu}[\\p{L}'\u2019-]*){0,2}\\s+)?(?:from|to|towards?)\\s+(?:the\\s+)?$`, 'u');

/** "FACA troops travelling from Paoua to Bangui": a place named as an end of the actors' journey (journeyVerbs). */
function journeyEnd(doc: Doc, place: PlaceMention): boolean {
  return JOURNEY_BEFORE.test(doc.text.slice(Math.max(0, place.start - 80), place.start));
}

// ("took off from a base in Diyarbakir", "fired from the Gaza Strip": a site word, a name before it, and
// "in", "at" or "near" may come between; "launched from a base in Niger": a site word must.)
const SITE_BEFORE_PLACE = `(?:(?:${alternation(eventCues.launchSites)})\\s+(?:in|at|near|of)\\s+(?:the\\s+)?)`;
const FROM_DETERMINED = `from\\s+(?:(?:an?|the|its|their)\\s+)?(?:(?:\\p{Lu}[\\p{L}'\u2019-]*|\\p{Ll}+)\\s+){0,2}?`;
const LAUNCH_BEFORE = new RegExp(`\\b(?:(?:${alternation(eventCues.launchVerbs)})\\s+${FROM_DETERMINED}${SITE_BEFORE_PLACE}?|(?:${alternation(eventCues.launchVerbsWithSite)})\\s+${FROM_DETERMINED}${SITE_BEFORE_PLACE})$`, 'u');

/** Whether the place is where aircraft, drones or missiles set out ("took off from a base in Diyarbakir"). */
function launchSite(doc: Doc, place: PlaceMention): boolean {
  return LAUNCH_BEFORE.test(doc.text.slice(Math.max(0, place.start - 80), place.start));
}

/** "the Nakuru-Nairobi highway", "Mombasa Road": a road named after a town is not the town. */
export function namesRoad(doc: Doc, place: PlaceMention): boolean {
  return ROAD_AFTER.test(doc.text.slice(place.end, place.end + 40));
}

// (Any case of the word's first letter: "the Turkish Border"; the other name of a pair first: "Syria-Turkey crossing".)
const anyCaseFirst = (w: string) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`;
const BORDER_AFTER = new RegExp(`^(?:\\s*[-–/]\\s*\\p{Lu}[\\p{L}'’]*|\\s+\\p{Lu}[\\p{L}'’]*)?\\s+(?:${placeModifiers.borderAfter.map(anyCaseFirst).join('|')})\\b`, 'u');
const BORDER_BEFORE = new RegExp(`\\b(?:${placeModifiers.borderBefore.join('|')})\\s+(?:the\\s+)?$`, 'i');

/**
 * "near the Algeria border", "at the border with Jordan", "the Syrian-Jordanian border", "fled into
 * Cameroon": a country named as a border or a refuge is next to the event, not its place.
 */
export function namesBorder(doc: Doc, place: PlaceMention): boolean {
  if (place.entry.feature !== 'country') return false;
  return BORDER_AFTER.test(doc.text.slice(place.end, place.end + 40)) || BORDER_BEFORE.test(doc.text.slice(Math.max(0, place.start - 40), place.start));
}

// (One word may stand between: "Toposa militia from Sudan", where the mention is the group's name.)
// (Not a verb of leaving: "ISIS withdraws from al-Bokamal" was there.)
const FROM_BETWEEN = new RegExp(`^(?:\\s+(?!(?:${alternation(eventCues.leavingVerbs)})\\b)\\p{L}+)?\\s+(?:${alternation(eventCues.originPreposition)})\\s+(?:(?:${alternation(eventCues.originModifiers)})\\s+)?$`, 'iu');

/**
 * "US-led coalition", "US Department of Defence", "raiders from Ethiopia": the place describes an
 * actor (an armed group's origin), not where the event happened.
 */
export function describesActor(doc: Doc, place: PlaceMention): boolean {
  const after = doc.text.slice(place.end, place.end + 16);
  // "two US drone strikes in northwest Pakistan": a country's name before its forces' strike or its
  // service members is their nationality (not a town's: "the Kabul strike" was in Kabul).
  if (place.entry.feature === 'country' && !place.demonym && COUNTRY_MODIFIER_AFTER.test(after)) return true;
  // "Military Forces of Ethiopia", "the ambassador of France": so is a country's name after its forces' or envoys' word and "of".
  if (forceOfCountry(doc, place)) return true;
  // "Eritrea makes incursion onto Ethiopian soil": a country opening its sentence as the subject of a
  // light verb of an armed act is the side that acts, not the place.
  if (place.entry.feature === 'country' && !place.demonym && countryActs(doc, place)) return true;
  const modifier = MODIFIER_AFTER.exec(after);
  // "Central Darfur state", "Kisii county government": a region's name with its unit word names
  // the place (a unit's government sits in it).
  // "in Maiduguri, police said": after a comma, the word opens the source of the report, not the place's actor.
  if (
    modifier &&
    !(place.entry.feature !== 'country' && UNIT_WORD_AFTER.test(after)) &&
    // "Deadly bombing hits Damascus police station": a town's police station, post or academy stands in the town.
    !(place.entry.feature !== 'country' && !place.demonym && /^\s+\w/.test(modifier[0]) && SITE_AFTER_MODIFIER.test(doc.text.slice(place.end + modifier[0].length, place.end + modifier[0].length + 24))) &&
    !(modifier[0].includes(',') && opensReporter(doc, place.end + modifier[0].length - modifier[2]!.length)) &&
    !(modifier[0].includes(',') && LOCATIVE_BEFORE.test(doc.text.slice(Math.max(0, place.start - 16), place.start))) &&
    // ("the Bria-Bambari road": a town joined by a hyphen to another before a road word is the road's first town, no actor's.)
    !(modifier[0] === '-' && (namesRoad(doc, place) || ROUTE_BEFORE.test(doc.text.slice(Math.max(0, place.start - 16), place.start))))
  ) return true;
  // "an Amhara Ethiopian militia": so does a region's name before a nationality that describes an actor.
  if (place.entry.feature !== 'country' && !place.demonym) {
    const nationality = spansStartingIn(doc.places, place.end + 1, place.end + 2).find((q) => q.demonym && /^ $/.test(doc.text.slice(place.end, q.start)));
    const then = nationality ? NATIONALITY_MODIFIER_AFTER.exec(doc.text.slice(nationality.end, nationality.end + 16)) : null;
    if (then) return true;
  }
  // A person's hometown ("the soldier, from Leeds, ...") says who, not where.
  if (ORIGIN_BEFORE.test(doc.text.slice(Math.max(0, place.start - 40), place.start))) return true;
  const before = doc.text.slice(Math.max(0, place.start - 48), place.start);
  if (ENDS_WITH_ORIGIN_PREPOSITION.test(before) && ORIGIN_APPOSITION.test(before)) return true;
  // Only the actors just before the place can be "raiders from" it: found by binary search, so
  // that a long article's places do not each walk all its actors.
  const ends = actorEndsSoFar(doc);
  const nearest = firstIndexAbove(ends, place.start);
  for (let j = nearest - 1; j >= 0 && ends[j]! >= place.start - 20; j--) {
    const a = doc.actors[j]!;
    // (Only armed men's origin: "youths from Othaya" protest where they live.)
    if (isArmed(a.inter) && place.start - a.end <= 20 && FROM_BETWEEN.test(doc.text.slice(a.end, place.start))) return true;
  }
  return false;
}

/** "Military Forces of Ethiopia", "the ambassador of France": a country's name after its forces' or envoys' word and "of". */
export function forceOfCountry(doc: Doc, place: PlaceMention): boolean {
  return place.entry.feature === 'country' && !place.demonym && FORCE_OF_BEFORE.test(doc.text.slice(Math.max(0, place.start - 40), place.start));
}

/** After a country's name, a light verb of an armed act ("makes", "launched", "carried out"). */
const LIGHT_VERB_AFTER = new RegExp(`^\\s+(?:${placeModifiers.countryLightVerbs.join('|')})\\s+\\p{L}`, 'iu');

/** Whether a country's name opens its sentence as the subject of a light verb ("Eritrea makes incursion", "Ethiopia launched an offensive"). */
function countryActs(doc: Doc, place: PlaceMention): boolean {
  if (!LIGHT_VERB_AFTER.test(doc.text.slice(place.end, place.end + 24))) return false;
  const s = doc.sentences[doc.sentenceAt(place.start)];
  return s !== undefined && /^[\s"'“‘]*$/.test(doc.text.slice(s.start, place.start));
}

/** "onto Ethiopian soil", "crossed into Kenyan territory": a nationality before a word of a country's ground. */
const TERRITORY_AFTER = new RegExp(`^\\s+(?:${placeModifiers.territoryAfter.join('|')})\\b`, 'i');

/**
 * Whether a country's demonym names its ground ("an incursion onto Ethiopian soil", "the Kenyan side
 * of the border"): the country is then where the event happened, as its name would be.
 */
export function namesTerritory(doc: Doc, place: PlaceMention): boolean {
  return place.demonym === true && place.entry.feature === 'country' && TERRITORY_AFTER.test(doc.text.slice(place.end, place.end + 32));
}

/** Whether an attribution's reporter starts at `offset` ("police" of "police said"). */
function opensReporter(doc: Doc, offset: number): boolean {
  return spansStartingIn(doc.attributions, offset - 4, offset + 1).some((a) => a.reporterSpan.start === offset);
}

const actorEnds = new WeakMap<Doc, Int32Array>();

/** For each actor mention (sorted by start), the furthest end of it and those before it: a sorted array. */
export function actorEndsSoFar(doc: Doc): Int32Array {
  let ends = actorEnds.get(doc);
  if (ends === undefined || ends.length !== doc.actors.length) {
    ends = new Int32Array(doc.actors.length);
    let max = -1;
    for (let i = 0; i < ends.length; i++) ends[i] = max = Math.max(max, doc.actors[i]!.end);
    actorEnds.set(doc, ends);
  }
  return ends;
}

/** The first index whose value exceeds x in a sorted array (its length if none does). */
export function firstIndexAbove(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export interface Participant {
  mention: ActorMention;
  /** The mention names who reports, not who acts ("the SDF said"). */
  reporter: boolean;
  /** Stands before the sentence's first trigger: likely the agent. */
  agent: boolean;
  /** Preceded by a cue that makes it the target ("against ISIS", "fend off ISIS attack"). */
  opposed: boolean;
  /** The sentence says this actor supports or backs someone ("backed by", "support"). */
  supporting: boolean;
}

export interface Frame {
  sentence: number;
  span: Span;
  triggers: TriggerMention[];
  /** Triggers of class "note": reported, coded in notes only. */
  notes: TriggerMention[];
  date?: DateMention;
  places: PlaceMention[];
  participants: Participant[];
  figures: Figure[];
}

const OPPOSITION_CUES = new Set(eventCues.oppositionCues);
/** An actor's clause that tells it pursues or investigates the deed (see pursuitCues in event-cues.json). */
const PURSUIT_AFTER = new RegExp(`^\\s+(?:[^\\s.;:,()]+\\s+){0,${eventCues.pursuitWindow}}?(?:${alternation(eventCues.pursuitCues, 'any')})\\b`, 'i');

/**
 * Whether the mention only pursues or investigates the deed: a pursuit cue follows it in its
 * clause, and no event word in that clause ("the police are conducting investigations to capture the
 * assailants"; not "police searching for the gunmen shot two suspects").
 */
function pursuesOnly(doc: Doc, mention: Span, sentence: Span, triggers: readonly TriggerMention[]): boolean {
  const after = doc.text.slice(mention.end, Math.min(sentence.end, mention.end + CLAUSE_CHARS));
  if (!PURSUIT_AFTER.test(after)) return false;
  const brk = CLAUSE_BREAK.exec(after);
  const clauseEnd = mention.end + (brk ? brk.index : after.length);
  const before = doc.text.slice(Math.max(sentence.start, mention.start - CLAUSE_CHARS), mention.start);
  let clauseStart = mention.start - before.length;
  for (let k = before.length - 1; k >= 0; k--) {
    if (CLAUSE_BREAK.test(before[k]!)) {
      clauseStart = mention.start - before.length + k + 1;
      break;
    }
  }
  // (Nor one the clause tells acting or suffering, "armed gang kills police investigating gun
  // runners". An event word of the pursuit's purpose, "to arrest the attackers", is not done.)
  return !triggers.some((t) => t.start >= clauseStart && t.start < clauseEnd && !PURPOSE_BEFORE.test(doc.text.slice(Math.max(0, t.start - 4), t.start)));
}
const PURPOSE_BEFORE = new RegExp(`\\b(?:${alternation(functionWords.infinitiveMarker)})\\s+$`, 'i');
const CLAUSE_CHARS = 200;
const CLAUSE_BREAK = /[.;:,()]/;
const SUPPORT_CUES = new RegExp(`\\b(?:${alternation(eventCues.supportCues)})\\b`, 'i');

const PASSIVE_BEFORE = new RegExp(
  `\\b(?:${alternation([...functionWords.finitePassiveAuxiliaries, ...functionWords.beParticiple, ...functionWords.beProgressive, ...functionWords.getPresent])})\\s+(?:\\w+\\s+)?$`,
  'i',
);

/** "is fighting", "are now battling", "have been shelling": before a verb, its present progressive auxiliary (and one adverb). */
const PRESENT_PROGRESSIVE_BEFORE = new RegExp(`\\b(?:${alternation(functionWords.presentProgressiveAuxiliaries, 'any')})\\s+(?:\\w+\\s+)?$`, 'i');
const PROGRESSIVE_ENDING = functionWords.progressiveEnding;
/** An article's opening (headline and lede) reports the day's news, in whatever tense. */
export const OPENING_SENTENCES = 3;

/** "shot dead by the police", "killed by suspected Al Shabaab": the agent of a passive verb. */
const BY_AGENT = new RegExp(`^[^.;:!?,]{0,40}?\\b(?:${alternation(functionWords.agentPreposition)})\\s+(?:(?:${alternation(eventCues.byAgentModifiers)})\\s+)*$`, 'i');
/** "areas held by IS", "forces backed by the US": a by-phrase of another participle. */
const OTHER_PARTICIPLE_BY = new RegExp(`\\b(?:${alternation(eventCues.otherParticiplesBy)})\\s+(?:${alternation(functionWords.agentPreposition)})\\s`, 'i');

/** A trigger phrase that ends with its agent's preposition: "killed by". */
export const AGENT_PREPOSITION_END = new RegExp(`\\s(?:${alternation(functionWords.agentPreposition)})$`, 'i');
/** A participle of finding, ending a trigger or before the by-phrase with at most two words between: its agent found, did not kill. */
const FINDING_END = new RegExp(`\\b(?:${alternation(eventCues.findingParticiples)})$`, 'i');
const FINDING_BY = new RegExp(`\\b(?:${alternation(eventCues.findingParticiples)})(?:\\s+\\w+){0,2}\\s+(?:${alternation(functionWords.agentPreposition)})\\s`, 'i');

/** Whether `mention` is the by-agent of one of the triggers before it. */
function isByAgent(doc: Doc, mention: Span, triggers: readonly TriggerMention[]): boolean {
  for (const t of triggers) {
    if (t.end > mention.start) break;
    if (FINDING_END.test(t.text)) continue;
    // (A trigger that ends in the preposition, "killed by", leaves it out of the words between.)
    const by = AGENT_PREPOSITION_END.exec(t.text);
    const from = by ? t.end - by[0].length + 1 : t.end;
    const between = doc.text.slice(from, mention.start);
    if (mention.start - from <= 60 && BY_AGENT.test(between) && !OTHER_PARTICIPLE_BY.test(between) && !FINDING_BY.test(between)) return true;
  }
  return false;
}

/**
 * A headline's passive without its auxiliary: "police reservist shot dead while patrolling",
 * "two officers killed in ambush". A participle of harm with no object after it (a preposition, a
 * conjunction or the clause's end follows): what stands before it suffered it.
 */
const HEADLINE_PARTICIPLE = new RegExp(`^(?:${alternation(eventCues.headlineParticiples)})$`, 'i');
const NO_OBJECT_AFTER = new RegExp(`^\\s*(?:[.;:,]|$|(?:${alternation(eventCues.noObjectWords)})\\b)`, 'i');
/** Words right before such a participle that make it the verb of an active clause ("who killed", "and killed"). */
const ACTIVE_BEFORE = new RegExp(`\\b(?:${alternation(eventCues.activeClauseWords)})\\s+$`, 'i');

function isHeadlinePassive(doc: Doc, trigger: TriggerMention): boolean {
  if (!HEADLINE_PARTICIPLE.test(trigger.text)) return false;
  const before = doc.text.slice(Math.max(0, trigger.start - 20), trigger.start);
  return /\p{L}\s+$/u.test(before) && !ACTIVE_BEFORE.test(before) && NO_OBJECT_AFTER.test(doc.text.slice(trigger.end, trigger.end + 12));
}

export function isPassive(doc: Doc, trigger: TriggerMention): boolean {
  return trigger.suffered === true || PASSIVE_BEFORE.test(doc.text.slice(Math.max(0, trigger.start - 30), trigger.start)) || isHeadlinePassive(doc, trigger);
}

/** The last `count` words (runs of ASCII letters, lower-cased) of text[from, to), in order. */
function lastWords(text: string, from: number, to: number, count: number): string[] {
  const words: string[] = [];
  let end = -1;
  for (let i = to - 1; i >= from - 1 && words.length < count; i--) {
    const c = i >= from ? text.charCodeAt(i) | 32 : 0;
    const letter = c >= 97 && c <= 122;
    if (letter && end < 0) end = i + 1;
    else if (!letter && end >= 0) {
      words.unshift(text.slice(i + 1, end).toLowerCase());
      end = -1;
    }
  }
  return words;
}

function distance(s: Span, at: number): number {
  return s.end <= at ? at - s.end : s.start - at;
}

/**
 * A place name that takes in an actor's word and runs on past it is the town, not the actor: "El Fula"
 * (a town of West Kordofan) holds "Fula", a people's name. (Only a town of a country another name of
 * the text places it in: "Dhaka - New Market" is no New Market of Virginia.)
 */
function widerName(place: PlaceMention, actor: Span, places: readonly PlaceMention[]): boolean {
  if (!(place.start <= actor.start && place.end >= actor.end && place.end - place.start > actor.end - actor.start)) return false;
  return places.some((q) => !q.demonym && q.text !== place.text && q.entry.feature !== 'country' && q.entry.countryCode === place.entry.countryCode);
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The annotations of one sentence (or of a clause of it). */
interface Layers {
  triggers: TriggerMention[];
  figures: Figure[];
  dates: DateMention[];
  places: PlaceMention[];
  actors: ActorMention[];
  attributions: Attribution[];
}

/** The layers' spans starting inside [from, to), and the others. */
function partition(l: Layers, from: number, to: number): [Layers, Layers] {
  const inside = <T extends Span>(x: T) => x.start >= from && x.start < to;
  const split = <T extends Span>(list: T[]): [T[], T[]] => [list.filter(inside), list.filter((x) => !inside(x))];
  const [t1, t2] = split(l.triggers);
  const [f1, f2] = split(l.figures);
  const [d1, d2] = split(l.dates);
  const [p1, p2] = split(l.places);
  const [a1, a2] = split(l.actors);
  return [
    { triggers: t1, figures: f1, dates: d1, places: p1, actors: a1, attributions: l.attributions },
    { triggers: t2, figures: f2, dates: d2, places: p2, actors: a2, attributions: l.attributions },
  ];
}

function frameOf(doc: Doc, si: number, s: Span, layers: Layers): Frame | null {
  const { triggers: triggersAll, figures, dates, places: placesAll, actors, attributions } = layers;
  if (triggersAll.length === 0 && !figures.some((f) => f.kind === 'killed')) return null;
  const reporterSpans = attributions.map((a) => a.reporterSpan);
  // In an article, an event word whose nearest date is vaguer than a month ("reports last year
  // that she had been killed", "in 2014 the group seized the town") tells background, whatever
  // other day its sentence names.
  const stated = dates.filter((d) => !d.reporting);
  const background = (t: TriggerMention) => {
    if (doc.scope === null || !stated.some((d) => d.vague)) return false;
    return stated.reduce((a, b) => (distance(b, t.start) < distance(a, t.start) ? b : a)).vague === true;
  };
  // Past an article's opening, in a sentence with no date, a verb in the present progressive ("a
  // Saudi-led coalition is fighting the Houthis", "the Kurdish militia Ankara is now battling") tells
  // an ongoing state, not an event of a day.
  const ongoing = (t: TriggerMention) =>
    doc.scope !== null && si >= OPENING_SENTENCES && stated.length === 0 && t.text.toLowerCase().endsWith(PROGRESSIVE_ENDING) && PRESENT_PROGRESSIVE_BEFORE.test(doc.text.slice(Math.max(0, t.start - 40), t.start));
  const triggers = triggersAll.filter((t) => !t.irrealis && t.cls !== 'note' && !actors.some((a) => overlaps(a, t) && a.generic !== true) && !background(t) && !ongoing(t));
  const notes = triggersAll.filter((t) => !t.irrealis && t.cls === 'note');
  // A demand alone ("calling for", "demanding") reports nothing; beside a crowd's action it says why.
  // (Told of protesters, "protesters gathered outside the court, demanding ...", it is their protest.)
  const reportsSomething = triggers.some((t) => t.cls !== 'protest-cause') || (triggers.length > 0 && actors.some((a) => a.actorId === 'protesters'));
  if (!reportsSomething && notes.length === 0 && !figures.some((f) => f.kind === 'killed')) return null;
  const text = doc.slice(s);
  // In a passive clause ("six people were killed") what stands before the verb suffered it.
  const firstTrigger = triggers[0] && !isPassive(doc, triggers[0]) ? triggers[0].start : s.start;
  const supporting = actors.length > 0 && SUPPORT_CUES.test(text);
  const participants: Participant[] = actors.map((mention) => {
    // (Within the clause: "On 12 August, UPC rebels ..." is no attack "on" the rebels.)
    let from = Math.max(s.start, mention.start - 24);
    const comma = doc.text.lastIndexOf(',', mention.start - 1);
    if (comma >= from) from = comma + 1;
    const before = lastWords(doc.text, from, mention.start, 3);
    return {
      mention,
      // (Or who only pursues the deed: "the police are investigating to capture the assailants".)
      reporter: reporterSpans.some((r) => overlaps(r, mention)) || pursuesOnly(doc, mention, s, triggers),
      agent: mention.start < firstTrigger || isByAgent(doc, mention, triggers),
      opposed: before.some((w) => OPPOSITION_CUES.has(w)),
      supporting,
    };
  });
  let places = placesAll.map((p) => (p.demonym && namesTerritory(doc, p) ? { ...p, demonym: false } : p)).filter(
    (p, k) => !p.demonym && !actors.some((a) => overlaps(a, p) && !widerName(p, a, placesAll)) && !reporterSpans.some((r) => overlaps(r, p)) && !describesActor(doc, p) && !namesRoad(doc, p) && !comparedPlace(doc, p) && !namesBorder(doc, p) && !distantSite(doc, p) && !nearReference(doc, placesAll[k - 1], p),
  ).map((p) => asEventPlace(doc, p));
  // The ends of a journey the actors were on are not where the event happened when the sentence
  // names another place ("FACA troops travelling from Paoua to Bangui clashed with rebels in Lia,
  // south of Paoua"); only for a place in a country of the journey's ("a plane en route from Bogota
  // to Barranquilla, on the Caribbean coast" is not on the Caribbean).
  // Nor is where aircraft, drones or missiles set out, when the sentence names another place ("drones
  // launched from a base in Niger struck militants in Libya").
  const launched = places.filter((p) => launchSite(doc, p));
  if (launched.length > 0 && launched.length < places.length) places = places.filter((p) => !launched.includes(p));
  const onJourney = places.filter((p) => journeyEnd(doc, p));
  if (onJourney.length > 0) {
    const offJourney = places.filter((p) => !onJourney.includes(p));
    if (offJourney.some((p) => p.entry.countryCode !== '' && onJourney.some((q) => q.entry.countryCode === p.entry.countryCode))) places = offJourney;
  }
  // A dateline says where the report was filed: the event's place only when no other town places it.
  // (Nor when the sentence names a province: "SAN SALVADOR, 29 JUL 89 -- A bomb exploded in
  // Morazan Department" is in Morazan.)
  // Nor when it sets the scene in another country ("NAIROBI, Kenya - ... attacked a base in southern
  // Somalia"; not "the ambassador to Spain").
  const told = places.filter((p) => !isDatelinePlace(doc.text, p.start, p.end));
  if (told.length < places.length) {
    const filed = new Set(places.filter((p) => !told.includes(p)).map((p) => p.entry.countryCode));
    const setting = (p: PlaceMention) => SETTING_BEFORE.test(doc.text.slice(Math.max(0, p.start - 30), p.start));
    if (told.some((p) => specificity(p.entry) >= ADMIN1_SPECIFICITY || (!filed.has(p.entry.countryCode) && setting(p)))) places = told;
  }
  // The event date: a stated date that is not the date of a statement, nor one still to come
  // ("a ceasefire would begin on Tuesday": the text tells no event of that day).
  const published = doc.meta.date;
  // Nor a day said inside a quotation that tells none of the sentence's events: it is the
  // speaker's ("... while he proclaims victory this morning," said X, who pointed out that IS had
  // claimed an attack).
  // Of two such days, a day opening the sentence sets the scene of all of it ("On 16 July, students
  // clashed ... over an assault the previous day"); otherwise the one nearest an event word ("the
  // government today offered a reward for the killers of six priests shot dead on 16 November": the
  // killing's day).
  // Nor, in a text with a publication date, a month that starts a period counted to now ("a bombing
  // raises to 296 the number assassinated since late April"): the event told is of the publication's
  // days. (Without one, as in a coder's note, "Since December 2017, 8 people have been killed in
  // clashes" is coded at the period's start.)
  const candidates = dates.filter((d) => !d.reporting && !d.vague && !(d.periodStart && published) && !(published && d.date > published) && !quotedApart(doc, d, triggers));
  const nearest = (d: DateMention) => triggers.reduce((m, t) => Math.min(m, distance(d, t.start), distance(d, t.end)), Infinity);
  const date = candidates.length < 2 || triggers.length === 0 || opensSentence(doc, s, candidates[0]!) ? candidates[0] : candidates.reduce((a, b) => (nearest(b) < nearest(a) ? b : a));
  // A sentence dated only by a year ("in 2014") tells background, which ACLED does not record.
  // (Not a year that starts a period, "the deadliest attack since 2015", nor one that ranks the
  // event, "the largest massacre in Idlib in 2018".)
  if (!date && dates.some((d) => d.vague && !d.reporting && !d.periodStart && !d.comparison)) return null;
  return { sentence: si, span: { start: s.start, end: s.end }, triggers, notes, date, places, participants, figures };
}

/**
 * A day opening its sentence, at most two words before it and a comma or colon after, a bracketed aside
 * between ("On 16 July 2024, ...", "Early on Monday, ...", "Around 24 May 2020 (between 24 - 25 May), ...").
 */
function opensSentence(doc: Doc, s: Span, d: DateMention): boolean {
  return d.start - s.start <= 40 && OPENING_WORDS.test(doc.text.slice(s.start, d.start)) && OPENING_ENDS.test(doc.text.slice(d.end, d.end + 50));
}
// (After a label: "Displacement: Around 18 January 2021 (from 16 - 21 January), ...".)
const OPENING_WORDS = /^[\s"'“]*(?:\p{L}+:\s+)?(?:\p{L}+\s+){0,2}$/u;
const OPENING_ENDS = /^\s*(?:\([^()]{0,40}\)\s*)?[,:]/;

/** Whether the date is said inside a quotation that none of the triggers is in (see locales/en/quotations). */
function quotedApart(doc: Doc, date: DateMention, triggers: readonly TriggerMention[]): boolean {
  if (triggers.length === 0) return false;
  const q = quotationAt(doc, date.start);
  return q >= 0 && !triggers.some((t) => quotationAt(doc, t.start) === q);
}

/** Walks the annotation layers once, sentence by sentence (all layers are sorted by start). */
export function buildFrames(doc: Doc): Frame[] {
  const frames: Frame[] = [];
  const cursor = { t: 0, d: 0, p: 0, a: 0, f: 0, r: 0 };
  let s = doc.sentences[0]!;
  const take = <T extends Span>(list: readonly T[], key: keyof typeof cursor): T[] => {
    const out: T[] = [];
    while (cursor[key] < list.length && list[cursor[key]]!.start < s.start) cursor[key]++;
    let k = cursor[key];
    while (k < list.length && list[k]!.start < s.end) out.push(list[k++]!);
    cursor[key] = k;
    return out;
  };
  for (let si = 0; si < doc.sentences.length; si++) {
    s = doc.sentences[si]!;
    const triggersAll = take(doc.triggers, 't');
    const figuresAll = take(doc.figures, 'f');
    // Most sentences report nothing: skip them before reading the other layers (the cursors of
    // those layers catch up at the next sentence read).
    if (triggersAll.length === 0 && !figuresAll.some((f) => f.kind === 'killed')) continue;
    const layers: Layers = {
      triggers: triggersAll,
      figures: figuresAll,
      dates: take(doc.dates, 'd'),
      places: take(doc.places, 'p'),
      actors: take(doc.actors, 'a'),
      attributions: take(doc.attributions, 'r'),
    };
    const text = doc.slice(s);
    // A work's story ("In the film, rebels storm the capital") is depicted, not reported.
    if (tellsDepiction(text)) continue;
    // An editor's note or a correction tells of the article ("An earlier version of this article said ...").
    if (editorNote(text, mayHoldEditorPhrase(doc.tokens, s.firstToken, s.endToken))) continue;
    // A clause about an earlier event ("comes a week after 12 people died in Tikrit", "the previous
    // attack") is not this sentence's event: it becomes a frame of its own only with a date of its own.
    // (One scan tells whether the sentence holds any cue of either: most hold none.)
    const cued = mayHoldTimeCue(text);
    const bg = backgroundClause(text, mayCommemorate(doc.tokens, s.firstToken, s.endToken), cued);
    // A cumulative toll ("more than 50 killed over the past month") is no event's figure; without a
    // day of its own the clause reports no event either. (One incident's toll so far, "43 fighters
    // so far were killed in the ambush", is its event's figure.)
    const cumulative = warTollClause(text, cued);
    let current = layers;
    // A bracketed citation of a published piece ("(Isis hostage is alive, 6 February)") tells that
    // piece's news: nothing in it is this text's event, date or place.
    for (const [from, to] of citations(text)) current = partition(current, s.start + from, s.start + to)[1];
    let earlier: Layers | undefined;
    if (bg) [earlier, current] = partition(current, s.start + bg[0], s.start + bg[1]);
    // Past an article's opening, an event named by its place ("regrets about the Manchester attack")
    // is a known, earlier one: a frame of its own only with a date of its own, like a background clause.
    // (The sentence's first such phrase: a second one stays in the sentence's own frame.)
    if (!bg && doc.scope !== null && si >= OPENING_SENTENCES) {
      const named = namedEvents(text, current.places.filter((p) => !p.demonym).map((p): [number, number] => [p.start - s.start, p.end - s.start]));
      if (named.length > 0) [earlier, current] = partition(current, s.start + named[0]![0], s.start + named[0]![1]);
    }
    if (cumulative) {
      const [inside, outside] = partition(current, s.start + cumulative[0], s.start + cumulative[1]);
      const dated = inside.dates.some((d) => !d.reporting && !d.vague && d.precision === 1);
      current = { ...outside, triggers: dated ? current.triggers : outside.triggers, dates: current.dates };
    }
    // ("The attack comes a week after ...": the event it names is told elsewhere; the sentence adds nothing to it.)
    const frame = bg && linksToEarlier(text) ? null : frameOf(doc, si, s, current);
    if (frame) frames.push(frame);
    if (earlier && earlier.dates.some((d) => !d.reporting && !d.vague)) {
      const own = frameOf(doc, si, s, earlier);
      if (own) frames.push(own);
    }
  }
  return frames;
}
