// Frames become event groups by ACLED's unit of record: one day × one place × one actor pair.
// A frame without its own date or place refers to an event already told (news tells the main
// event first, then adds detail), so it joins the group it shares most with, the main one by default.
import type { CueMention, GazetteerEntry } from '../common/doc.js';
import type { Frame } from './frames.js';
import { provinceNamesake } from '../geography/index.js';
import triggerData from '../locales/en/data/triggers.json' with { type: 'json' };
import eventCues from '../locales/en/data/event-cues.json' with { type: 'json' };
import { alternation } from '../common/word-pattern.js';

const STANDING_AGREEMENT = new Set(triggerData.agreementStanding);

export interface Group {
  frames: Frame[];
  /** "agreement" when the group tells only a strategic agreement (a surrender, a deal), else "other". */
  kind?: FrameKind;
  date?: Frame['date'];
  /** Most specific place stated so far. */
  place?: Frame['places'][number];
}

const SPECIFICITY: Record<GazetteerEntry['feature'], number> = { city: 4, admin2: 3, admin1: 2, region: 1, country: 0 };

/** A province's specificity: a place at least this specific is below the country (a province, district or town). */
export const ADMIN1_SPECIFICITY = SPECIFICITY.admin1;

export function specificity(entry: GazetteerEntry): number {
  // (A place the gazetteer lacks, known only by its country, is as specific as a province: it
  // places an event no better than a province its sentence names.)
  if (entry.unlocated) return SPECIFICITY.admin1;
  return SPECIFICITY[entry.feature] ?? 0;
}

/**
 * The most specific place of the frame: a town or province in the document's main country when it
 * names one, else a town or province elsewhere (a story's country may be miscounted from its actors'
 * nationality, "US forces ... in Deir Ezzor"), else the most specific of the main country's places.
 */
function bestPlace(frame: Frame, mainCountry: string | undefined, storyCountries?: ReadonlySet<string>): Frame['places'][number] | undefined {
  const local = (p: Frame['places'][number]) => specificity(p.entry) >= SPECIFICITY.admin1;
  const inMain = mainCountry ? frame.places.filter((p) => p.entry.countryCode === mainCountry) : [];
  // (Only in a country the text names more than once: one name may be a namesake abroad.)
  // (A city of a million that the sentence names first has no namesake to fear, and sets the scene:
  // "residents in Bamako protested against the French presence and accused France" is in Bamako;
  // one named after the main country's name, "kidnapped in Colombia ... will fly to Rio", is not.)
  const first = frame.places.find((p) => !p.demonym);
  const sceneCity = first !== undefined && local(first) && first.entry.feature === 'city' && (first.entry.population ?? 0) >= 1_000_000 ? first : undefined;
  const elsewhere = frame.places.filter((p) => local(p) && (!storyCountries || storyCountries.has(p.entry.countryCode) || p === sceneCity));
  const tiers = [inMain.filter(local), elsewhere, inMain, frame.places];
  const from = tiers.find((t) => t.length > 0) ?? [];
  let best: Frame['places'][number] | undefined;
  // (Of equals, a place the gazetteer knows: "El Paraiso ... towns in Chalatenango Department".)
  // (A place named with its region, as ACLED's notes name the place they code, "north of Tabit
  // (Tawila locality, North Darfur)", outranks a town named in passing; the region named for it,
  // "Jaghuri district in Ghazni", is where, not the place, whatever the gazetteer calls it.)
  const held = from.filter((p) => p.heldIn);
  // (A place the gazetteer lacks is placed at the province that holds it; where the province is a
  // city's, written by the city's name, the city places it as well: "Pangani (Starehe, Nairobi)".)
  const cityOfHeld = (p: Frame['places'][number]) => provinceNamesake(p) && held.every((q) => q.entry.feature === 'admin1' && q.entry.countryCode === p.entry.countryCode && q.entry.admin1 === p.entry.admin1);
  // (A region of several countries, "West Africa", "the Middle East", says less than any one of
  // them: "soldiers of France's force in West Africa ... struck a landmine in northeast Mali" is in Mali.)
  const rank = (p: Frame['places'][number]) => (p.entry.feature === 'region' && !p.entry.countryCode ? -1 : specificity(p.entry) * 2 - (p.entry.unlocated ? 1 : 0) + (p.heldIn ? 1 : 0));
  // (A town that bears its province's name, "Ghazni", "Marib", "Taizz", stands for the province
  // where the sentence names a district of that province: "Hayfan district in southern Yemen (Taizz)".)
  const district = from.some((p) => p.entry.feature === 'admin2' && !p.holds);
  for (const p of from) {
    if (held.length > 0 && p.holds && !cityOfHeld(p)) continue;
    if (district && provinceNamesake(p) && from.some((q) => q.entry.feature === 'admin2' && !q.holds && q.entry.admin1 === p.entry.admin1 && q.entry.countryCode === p.entry.countryCode)) continue;
    if (!best || rank(p) > rank(best)) best = p;
  }
  return best;
}

/** A country cue's vote in mainCountry: a demonym's. */
const CUE_WEIGHT = 0.5;

/** How much surer (mean confidence of its town and region readings) a country must be to win a tie. */
const SURER = 0.25;

/**
 * The country most of the document's places (and demonyms, at half weight) are in. A tie goes to
 * a country whose readings the resolver is much surer of: "Pangani (Starehe, Nairobi)" is Kenya's,
 * not Tanzania's, though the gazetteer knows only Tanzania's Pangani.
 */
export function mainCountry(places: readonly Frame['places'][number][], cues: readonly CueMention[] = []): string | undefined {
  const votes = new Map<string, number>();
  const confidence = new Map<string, number>();
  // Names of whole regions are rarely ambiguous across countries, town names often are. A country's
  // name counts as much as a town's: a story names other countries as much as its own ("a protest in
  // Bamako in support of Venezuela", "inspired by the yellow vests in France").
  const weight = (p: Frame['places'][number]) => (p.demonym ? 0.5 : p.entry.feature === 'admin1' ? 1.5 : 1);
  for (const p of places) {
    const code = p.entry.countryCode;
    votes.set(code, (votes.get(code) ?? 0) + weight(p));
    // (Only towns and regions: a country's name is always sure, and often only a neighbour's.)
    if (!p.demonym && p.entry.feature !== 'country') confidence.set(code, (confidence.get(code) ?? 0) + weight(p) * p.score);
  }
  // A country cue (a party, a people, a force: "Awami League", "Misseriya", "CODECO") says whose story
  // it is as a demonym does, where the text leaves the country unnamed: it outvotes a namesake
  // abroad its places tie with ("Durgapur upazila (Rajshahi)" with an Awami League; "Jogma El
  // Gharbia area ... Central Darfur state" with Misseriya militias). An armed group may act abroad:
  // its cue counts half. (Not where the text names the country or its people, "the Oromo community of
  // Ethiopia living in Nairobi": the name has voted, and the cue would only repeat it.)
  const named = new Set<string>();
  for (const p of places) if (p.entry.feature === 'country') named.add(p.entry.countryCode);
  for (const q of cues) {
    const code = q.entry.countryCode;
    if (!code || named.has(code)) continue;
    votes.set(code, (votes.get(code) ?? 0) + (q.group ? CUE_WEIGHT / 2 : CUE_WEIGHT));
  }
  // Otherwise a tie goes to the country named first, as news names the story's place first.
  const surer = (a: string, b: string) => (confidence.get(a) ?? 0) - (confidence.get(b) ?? 0) > SURER * votes.get(a)!;
  let best: string | undefined;
  let n = 0;
  for (const [code, v] of votes) {
    if (code && (v > n || (v === n && surer(code, best!)))) {
      best = code;
      n = v;
    }
  }
  return best;
}

/**
 * Two places are the same event location, or one contains the other (Syria ⊃ Hasakah). A town
 * near another (a suburb, a quarter the gazetteer lists as a town) is the same location unless
 * `apart`: the sentence naming it tells its own day, so it tells an event of its own.
 */
function placesAgree(a: GazetteerEntry, b: GazetteerEntry, apart = false): boolean {
  if (a.countryCode !== b.countryCode) return false;
  const sa = specificity(a);
  const sb = specificity(b);
  if (sa <= 0 || sb <= 0) return true;
  if (a.feature === 'admin1' || b.feature === 'admin1') return (a.admin1 ?? a.name) === (b.admin1 ?? b.name);
  // (`apart`: two towns of other names are two places however near, "San Salvador" and "Soyapango".)
  const near = apart && a.feature === 'city' && b.feature === 'city' && a.name !== b.name ? 0.01 : 0.05;
  return Math.abs(a.latitude - b.latitude) < near && Math.abs(a.longitude - b.longitude) < near;
}

function actorIds(frame: Frame): Set<string> {
  return new Set(frame.participants.filter((p) => !p.reporter).map((p) => p.mention.actorId));
}

/** Actors of a frame found among all the participants of the group's frames (kept per group: linear). */
function sharedActors(groupActors: Set<string>, frameActors: Set<string>): number {
  let n = 0;
  for (const id of frameActors) if (groupActors.has(id)) n++;
  return n;
}

/**
 * Countries that more than one of the places (and demonyms) names, where a town may stand for the
 * event's place though the main country is another: none when the main country has a town or
 * province of its own named (then its bare name was not counted from actors' nationality alone).
 */
export function storyCountries(places: readonly Frame['places'][number][], main?: string): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  if (places.some((p) => p.entry.countryCode === main && specificity(p.entry) >= SPECIFICITY.admin1)) return twice;
  for (const p of places) {
    const code = p.entry.countryCode;
    if (!code) continue;
    if (seen.has(code)) twice.add(code);
    seen.add(code);
  }
  return twice;
}

type FrameKind = 'agreement' | 'other';

/**
 * A frame that tells only an agreement between the sides ("IS fighters surrendered to the SDF on
 * Wednesday", "a deal had been reached") reports an ACLED event of its own (Strategic developments),
 * not a detail of the day's fighting at the same place: ACLED codes the surrender beside the battle.
 */
function kindOf(frame: Frame): FrameKind {
  // (A ceasefire or talks named as in force, "in defiance of a ceasefire", is no agreement made.)
  const agreement = frame.triggers.length > 0 && frame.triggers.every((t) => t.subEventType === 'Agreement');
  return agreement && frame.triggers.some((t) => !STANDING_AGREEMENT.has(t.text.toLowerCase())) ? 'agreement' : 'other';
}

const REMOTE_DEVICES = new Set(['Remote explosive/landmine/IED', 'Grenade']);

/** A sentence that tells ground fighting (a clash), not as background. */
function tellsFighting(frame: Frame): boolean {
  return frame.triggers.some((t) => !t.background && t.cls === 'clash');
}

/**
 * A sentence that tells a device going off (a bomb, a grenade) and no fighting, with no state force
 * in it: in an article, a bombing of its own ("guerrillas hurled bombs at the headquarters"). Fighting
 * told after it ("meanwhile, the army and the rebels clashed in the capital") is another event, not
 * the bombing's: ACLED folds a bomb into a battle only when it is the battle's own weapon (codebook
 * 2.3, the same engagement), and a report that opens with a bombing tells no battle of it. (A bomb
 * told after fighting may be the fight's own: "IEDs slowed the advance" stays with the battle.)
 */
function tellsBombingAlone(frame: Frame): boolean {
  return frame.triggers.some((t) => !t.background && REMOTE_DEVICES.has(t.subEventType)) && !tellsFighting(frame) && !frame.participants.some((p) => !p.reporter && p.mention.inter === 1);
}

/** A word of killing or hurting (lexicon killWords, harmWords): what violence did, not an assault. */
const KILL_OR_HARM = new RegExp(`^(?:${alternation([...eventCues.killWords, ...eventCues.harmWords])})$`, 'i');

/** A sentence that tells an assault ("the assault on the prison", "struck the guards"): a bomb in it may open a ground attack. */
function tellsAssault(frame: Frame): boolean {
  return frame.triggers.some((t) => !t.background && t.cls === 'violence' && !KILL_OR_HARM.test(t.text));
}

/**
 * `separateAgreements`: agreements and violence make separate groups (in whole articles, which
 * tell both of one day; a short note is one event); so do a bombing told alone and fighting told
 * after it (tellsBombingAlone).
 */
export function groupFrames(frames: Frame[], country?: string, countries?: ReadonlySet<string>, separateAgreements = false): Group[] {
  const groups: Group[] = [];
  // Every participant's actor id of each group's frames, reporters included.
  const actorsOf = new Map<Group, Set<string>>();
  // Groups that tell ground fighting (article mode only).
  const fighting = new Set<Group>();
  // Groups that tell a bombing alone and no fighting (article mode only), and those of them that tell an assault too.
  const bombings = new Set<Group>();
  const assaults = new Set<Group>();
  for (const frame of frames) {
    const place = bestPlace(frame, country, countries);
    // Country-level places are weak: "the coalition in Iraq and Syria" describes an actor.
    const strongPlace = place && specificity(place.entry) > 0 ? place : undefined;
    const bombing = separateAgreements && tellsBombingAlone(frame);
    const fight = separateAgreements && tellsFighting(frame);
    let target: Group | undefined;
    let bestScore = -1;
    let frameActors: Set<string> | undefined;
    const kind: FrameKind = separateAgreements ? kindOf(frame) : 'other';
    for (const g of groups) {
      if ((g.kind ?? 'other') !== kind) continue;
      if (fight && bombings.has(g) && !fighting.has(g) && (!assaults.has(g) || strongPlace || fighting.size > 0)) continue;
      if (frame.date && g.date && frame.date.date !== g.date.date) continue;
      if (strongPlace && g.place && specificity(g.place.entry) > 0 && !placesAgree(strongPlace.entry, g.place.entry, frame.date !== undefined)) continue;
      const shared = sharedActors(actorsOf.get(g)!, (frameActors ??= actorIds(frame)));
      if (place && !strongPlace && g.place && place.entry.countryCode !== g.place.entry.countryCode && shared === 0) continue;
      const score = shared * 2 + (frame.date && g.date ? 3 : 0) + (strongPlace && g.place ? 2 : 0) + (g === groups[0] ? 1 : 0);
      if (score > bestScore) {
        bestScore = score;
        target = g;
      }
    }
    if (frame.triggers.length === 0 && !target && groups.length > 0) target = groups.find((g) => (g.kind ?? 'other') === kind);
    if (!target) {
      if (frame.triggers.length === 0 && frame.figures.every((f) => f.kind !== 'killed')) continue;
      target = { frames: [], kind, date: undefined, place: undefined };
      groups.push(target);
      actorsOf.set(target, new Set());
    }
    target.frames.push(frame);
    if (fight) fighting.add(target);
    if (bombing) bombings.add(target);
    if (separateAgreements && tellsAssault(frame)) assaults.add(target);
    const actors = actorsOf.get(target)!;
    for (const p of frame.participants) actors.add(p.mention.actorId);
    if (frame.date && !target.date) target.date = frame.date;
    if (place && (!target.place || specificity(place.entry) > specificity(target.place.entry))) target.place = place;
  }
  return groups;
}

/** Words that tell a device went off (lexicon deviceWentOff). */
const DEVICE_WENT_OFF = new RegExp(`\\b(?:${alternation(triggerData.deviceWentOff.phrases)})\\b`, 'i');
/** Words that tell a device was found before it went off, or failed to (lexicon deviceDisrupted). */
const DEVICE_FAILED = new RegExp(`\\b(?:${alternation(triggerData.deviceDisrupted.phrases)})\\b`, 'i');

function told(t: Frame['triggers'][number]): boolean {
  return !t.irrealis && !t.background;
}

/** A sentence that tells an explosive device defused or intercepted ("police defused a bomb"). */
function tellsDeviceDisrupted(frame: Frame): boolean {
  return frame.triggers.some((t) => told(t) && t.subEventType === 'Disrupted weapons use') && frame.triggers.some((t) => told(t) && t.eventType === 'Explosions/Remote violence');
}

/**
 * A sentence that tells a device going off ("two bombs exploded") and no device disrupted, or an
 * attack that killed or hurt someone.
 */
function tellsDeviceOffOrHarm(text: string, frame: Frame): boolean {
  if (frame.triggers.some((t) => told(t) && t.subEventType === 'Disrupted weapons use')) return false;
  const sentence = text.slice(frame.span.start, frame.span.end);
  if (frame.triggers.some((t) => told(t) && t.eventType === 'Explosions/Remote violence') && DEVICE_WENT_OFF.test(sentence) && !DEVICE_FAILED.test(sentence)) return true;
  return frame.triggers.some((t) => told(t) && t.cls === 'violence') && frame.figures.some((f) => f.kind === 'killed' || f.kind === 'injured');
}

/**
 * In an article, a device defused in one sentence and a device that went off (or an attack that
 * killed or hurt) in another, of one day and place, are two events (codebook 2.3: the Disrupted
 * weapons use and the explosion): "two bombs exploded ... a squad defused a bomb planted in front of
 * the embassy". The sentences of the defused device become a group of their own, told after the
 * others (a detail of the story, not its main event).
 */
export function separateDisruptedDevices(groups: Group[], text: string): Group[] {
  const out: Group[] = [];
  const later: Group[] = [];
  for (const g of groups) {
    const disrupted = g.frames.filter(tellsDeviceDisrupted);
    const rest = disrupted.length > 0 ? g.frames.filter((f) => !disrupted.includes(f)) : [];
    if (disrupted.length === 0 || !rest.some((f) => tellsDeviceOffOrHarm(text, f))) {
      out.push(g);
      continue;
    }
    out.push({ ...g, frames: rest });
    later.push({ ...g, frames: disrupted });
  }
  return later.length > 0 ? [...out, ...later] : out;
}
