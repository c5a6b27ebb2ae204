// Who the event's actors are: actor1 (the side that acts), actor2 (the other side, or the victims),
// and associated actors (allies, supporters, parties). Generic references ("the militants") resolve
// to the named group the document is about; generic state actors are named for the event's country.
import { firstStartingAfter, type Doc } from '../common/doc.js';
import { lookupCountry } from '../geography/index.js';
import { actorEntry, namedMilitiaLabel, type ActorEntry } from '../locales/en/actors.js';
import { AGENT_PREPOSITION_END, isPassive, type Frame, type Participant } from './frames.js';
import stateForces from './data/state-forces.json' with { type: 'json' };
import peaceMissions from './data/peace-missions.json' with { type: 'json' };
import actorDictionary from '../locales/en/data/actors.json' with { type: 'json' };
import functionWords from '../locales/en/data/function-words.json' with { type: 'json' };
import { alternation } from '../common/word-pattern.js';

export interface ResolvedActor {
  key: string;
  name: string;
  inter: number;
  kind?: string;
  mentions: Participant['mention'][];
  /** Mentions in the agent's position (before the verb of an active clause). */
  agentMentions?: number;
}

export interface EventActors {
  actor1?: ResolvedActor;
  actor2?: ResolvedActor;
  assoc1: ResolvedActor[];
  assoc2: ResolvedActor[];
  /** Those who act are an unorganised group or a party's members and supporters, not an armed organisation. */
  crowdAgent?: boolean;
  /** Those who act include a party's members or supporters, or rioters (a crowd whatever weapon it uses). */
  partyAgent?: boolean;
  /** State actors were named, but only as what a crowd is about or asks (no side of it). */
  topicNamed?: boolean;
}

/** Generic words that in a story about a named group mean that group. */
const COREFERENT = new Set<string>(actorDictionary.coreferentOfNamedGroup.words);
const ARMED = new Set([1, 2, 3, 4, 8]);
/** Generic words that in a story about a militia named by its words ("Darfur communal militia") mean that militia. */
const MILITIA_WORDS = new Set<string>(actorDictionary.militiaOfNamedGroup);

/** The dictionary entry of a tally key (a named militia's key is the generic communal militia's), as coded at the date. */
function entryOfKey(key: string, date: string | undefined): ActorEntry | undefined {
  const entry = actorEntry(key.startsWith('militia:') ? 'communal-militia' : key);
  return entry && datedEntry(entry, date);
}

/**
 * The entry as ACLED coded the group on the date (its `periods` in the actor data): a unit of its
 * home country's state forces is named after them, "Military Forces of Sudan (2019-) Rapid Support
 * Forces", with their inter code. Undated, or outside every period: the entry itself.
 */
export function datedEntry(entry: ActorEntry, date: string | undefined): ActorEntry {
  if (!entry.periods || !date) return entry;
  const period = entry.periods.find((p) => (!p.from || date >= p.from) && (!p.to || date.slice(0, p.to.length) <= p.to));
  if (!period) return entry;
  const home = entry.home ? lookupCountry(entry.home) : undefined;
  const name = period.unitOf && home ? `${stateActorName(period.unitOf, entry.home, home.name, date)} ${entry.name ?? entry.id}` : entry.name;
  return { ...entry, name, inter: period.inter, periods: undefined };
}

interface CountryForces {
  name?: string;
  periods: string[][];
}

export function stateActorName(kind: string, countryCode: string | undefined, country: string | undefined, date: string | undefined): string {
  const info = countryCode ? (stateForces.countries as Record<string, CountryForces>)[countryCode] : undefined;
  const countryName = info?.name ?? country;
  if (!countryName) return (stateForces.kindsWithoutCountry as Record<string, string>)[kind] ?? 'Military Forces';
  let period: string | undefined;
  if (info && date) for (const [from, label] of info.periods) if (date >= from!) period = label;
  const kinds = period ? (stateForces.kinds as Record<string, string>) : (stateForces.kindsWithoutPeriod as Record<string, string>);
  const template = kinds[kind] ?? (stateForces.kindsWithoutPeriod as Record<string, string>).military!;
  return template.replace('{country}', countryName).replace('{period}', period ?? '');
}

/** What follows the kind's words in a state actor's name: the state and its period ("Chile", "Kenya (2013-2022) ..."). */
function stateOfForces(actor: ResolvedActor): string | undefined {
  if (actor.kind !== 'military' && actor.kind !== 'police') return undefined;
  for (const kinds of [stateForces.kinds, stateForces.kindsWithoutPeriod] as Record<string, string>[]) {
    const template = kinds[actor.kind]!;
    const prefix = template.slice(0, template.indexOf('{country}'));
    if (actor.name.startsWith(prefix)) return actor.name.slice(prefix.length);
  }
  return undefined;
}

/**
 * Both actors are the forces of one state (its army and its police, or a unit of either): one
 * side, not two that fight each other.
 */
export function sameStateForces(a: ResolvedActor | undefined, b: ResolvedActor | undefined): boolean {
  const sa = a && stateOfForces(a);
  const sb = b && stateOfForces(b);
  if (!sa || !sb) return false;
  return sa === sb || sa.startsWith(`${sb} `) || sb.startsWith(`${sa} `);
}

/** State forces of a country other than the event's ("Turkish forces" in Syria). */
function foreignForcesName(entry: ActorEntry, countryCode: string, date: string | undefined): string {
  return stateActorName(entry.kind ?? 'military', countryCode, lookupCountry(countryCode)?.name, date);
}

interface PeaceMission {
  country: string;
  from: string;
  to?: string;
  actor: string;
}

/** The peace missions of each country, in the data's order. */
const MISSIONS_BY_COUNTRY = new Map<string, PeaceMission[]>();
for (const m of peaceMissions.missions as PeaceMission[]) {
  const list = MISSIONS_BY_COUNTRY.get(m.country);
  if (list) list.push(m);
  else MISSIONS_BY_COUNTRY.set(m.country, [m]);
}

/** The peace mission deployed in the country on the date (data/peace-missions.json), if any. */
function peaceMissionIn(countryCode: string | undefined, date: string | undefined): ActorEntry | undefined {
  const missions = countryCode ? MISSIONS_BY_COUNTRY.get(countryCode) : undefined;
  if (!missions) return undefined;
  // (Undated: the latest mission.)
  const m = date ? missions.find((x) => date >= x.from && (!x.to || date <= x.to)) : missions[missions.length - 1];
  return m ? actorEntry(m.actor) : undefined;
}

/** Peacekeepers the text does not name ("UN peacekeepers", "a Moroccan peacekeeper") are the mission in the country. */
const PEACEKEEPERS = 'peacekeepers';

export function actorName(entry: ActorEntry, countryCode: string | undefined, country: string | undefined, date: string | undefined): string {
  if (entry.kind === 'military' || entry.kind === 'police' || entry.kind === 'government') return stateActorName(entry.kind, countryCode, country, date);
  if (entry.kind === PEACEKEEPERS) return peaceMissionIn(countryCode, date)?.name ?? (stateForces.peopleActors as Record<string, string>)[PEACEKEEPERS]!;
  if (entry.kind) {
    const template = (stateForces.peopleActors as Record<string, string>)[entry.kind] ?? 'Unidentified Armed Group ({country})';
    return country ? template.replace('{country}', country) : template.replace(' ({country})', '');
  }
  const name = entry.name ?? entry.id;
  return country ? name.replace('{country}', country) : name.replace(' ({country})', '');
}

/**
 * "the militants", "its fighters": generic words for armed men refer to the named non-state group
 * mentioned last before them (not counting sources: "the SDF said"). Returns mention start → actor id.
 */
export function resolveCoreference(doc: Doc): Map<number, string> {
  const reporters = doc.attributions.map((a) => a.reporterSpan).sort((a, b) => a.start - b.start);
  const map = new Map<number, string>();
  let last: string | undefined;
  let lastEnd = -1;
  let r = 0;
  let otherForces: { id: string; end: number } | undefined;
  // Named non-state groups of the story, and generic mentions told before the first of them.
  const named = new Set<string>();
  const before: number[] = [];
  let firstNamedStart = 0;
  for (const a of doc.actors) {
    while (r < reporters.length && reporters[r]!.end <= a.start) r++;
    const inReporter = r < reporters.length && reporters[r]!.start <= a.start && a.end <= reporters[r]!.end;
    // (A militia named by its words, "Darfur communal militia", is named though its entry is generic.)
    const militia = a.actorId === 'communal-militia' ? namedMilitiaLabel(a.text) : undefined;
    if (!a.generic || militia) {
      if (a.inter >= 2 && a.inter <= 4 && !inReporter) {
        last = militia ? `militia:${militia}` : a.actorId;
        lastEnd = a.end;
        if (named.size === 0) firstNamedStart = a.start;
        named.add(last);
      } else if (a.inter === 8 && !inReporter) {
        // (Other forces, "Wagner militants": named just before armed men, they are its members;
        // no generic word further on refers back to them.)
        otherForces = { id: a.actorId, end: a.end };
      }
      continue;
    }
    // "eight Al Shabaab gunmen": armed men named right after their group are its members.
    const adjacent = (end: number) => a.start === end + 1 && doc.text.charCodeAt(end) === 32;
    if (otherForces && a.inter >= 2 && a.inter <= 4 && adjacent(otherForces.end)) {
      map.set(a.start, otherForces.id);
      continue;
    }
    const membersOfLast = last !== undefined && a.inter >= 2 && a.inter <= 4 && adjacent(lastEnd);
    const word = a.text.toLowerCase();
    if (last && (membersOfLast || COREFERENT.has(word) || (last.startsWith('militia:') && MILITIA_WORDS.has(word)))) map.set(a.start, last);
    else if (!last && COREFERENT.has(word)) before.push(a.start);
  }
  // In an article, "Rebels attacked the garrison. ... the FMLN claimed the attack": generic words
  // told in sentences before the story names any group mean the group it names later, when it names
  // only one. (In the sentence that names it, the group may be the victims: "militants attacked the
  // village, four Koglweogo members were killed". A short note names a group after the event only
  // to say whom the source suspects: "the source references al Shabaab attacks in the area".)
  if (doc.scope !== null && before.length > 0 && named.size === 1) {
    const [only] = named;
    const namedSentence = doc.sentenceAt(firstNamedStart);
    for (const start of before) if (doc.sentenceAt(start) < namedSentence) map.set(start, only!);
  }
  return map;
}

export interface RoleOptions {
  /** The event is a demonstration or riot: the crowd acts first. */
  crowd?: boolean;
  /** The event is a battle: civilians caught in it are never actors (codebook 2.3). */
  armedOnly?: boolean;
}

export interface RoleContext {
  doc: Doc;
  countryCode?: string;
  country?: string;
  date?: string;
  /** Generic mentions that refer to a named group (see resolveCoreference). */
  coref: Map<number, string>;
  /** The event's place is a place inside the country, not the country named alone. */
  placedWithinCountry?: boolean;
}

/**
 * The communal militia's generic words ("raiders", "armed raiders"): written in lower case in the
 * dictionary, unlike the groups' names ("Pokot"). Capitalised at a sentence start they name no group.
 */
const GENERIC_COMMUNAL = new Set(
  (actorDictionary.generic.find((a) => a.id === 'communal-militia')?.aliases ?? []).filter((a) => !/^\p{Lu}/u.test(a)).map((a) => a.toLowerCase()),
);

/** Tally key: the actor id, or for a named ethnic group ("the Pokot") the group itself. */
function actorKey(mention: Participant['mention'], ctx: RoleContext): string {
  const coref = ctx.coref.get(mention.start);
  if (coref) return coref;
  // (Peacekeepers and the mission named by its acronym are one actor.)
  if (mention.actorId === PEACEKEEPERS) return peaceMissionIn(ctx.countryCode, ctx.date)?.id ?? PEACEKEEPERS;
  if (STATE_KINDS.has(mention.actorId)) {
    const cc = forcesCountry(ctx.doc, mention);
    if (cc && cc !== ctx.countryCode) return `${mention.actorId}@${cc}`;
  }
  if (mention.actorId === 'communal-militia' && /^\p{Lu}/u.test(mention.text) && !GENERIC_COMMUNAL.has(mention.text.toLowerCase())) {
    const named = namedMilitiaLabel(mention.text);
    return named ? `militia:${named}` : `ethnic:${mention.text.replace(/s$/, '')}`;
  }
  return mention.actorId;
}

const STATE_KINDS = new Set(['military', 'police', 'government']);

/** " of ", " of the " between forces and their country. */
const OF_THE = new RegExp(`^\\s+(?:${alternation(functionWords.genitiveLink)})\\s+(?:(?:${alternation(functionWords.definiteArticle)})\\s+)?$`, 'i');

/**
 * The country whose state forces a generic mention names: "Ethiopian troops", "Turkish forces",
 * "military forces of Armenia" (a demonym or country right before it, or "of" a country after it).
 */
function forcesCountry(doc: Doc, mention: Participant['mention']): string | undefined {
  const k = firstStartingAfter(doc.places, mention.end - 1) - 1;
  for (let j = k; j >= 0 && j >= k - 1; j--) {
    const p = doc.places[j]!;
    if (!p.demonym && p.entry.feature !== 'country') continue;
    // Inside the mention ("Kenyan troops" is one alias) or right before it.
    if ((p.start >= mention.start && p.end <= mention.end) || (p.end <= mention.start && mention.start - p.end <= 1)) return p.entry.countryCode;
  }
  const next = doc.places[k + 1];
  if (next && !next.demonym && next.entry.feature === 'country' && OF_THE.test(doc.text.slice(mention.end, next.start))) return next.entry.countryCode;
  return undefined;
}

function ethnicMilitiaName(group: string, country: string | undefined): string {
  return `${group} Ethnic Militia${country ? ` (${country})` : ''}`;
}

/** Groups of people who act as a crowd when they turn violent ("supporters", "villagers"), unlike "people". */
const CROWD_WORDS = new Set<string>(actorDictionary.crowdWords);

/** At most this many characters between people and the crowd word that says who they are. */
const DESCRIBED_AS_CHARS = 30;

/** Between people and a crowd word that describes them, in one clause ("people said to be his rival's supporters"); no event word between (the caller checks). */
function describedAs(between: string): boolean {
  return between.length <= DESCRIBED_AS_CHARS && !/[.;:,()]/.test(between);
}

function lastWord(text: string): string {
  const words = text.toLowerCase().split(/\s+/);
  return words[words.length - 1] ?? '';
}

/** People who, fighting, are communities' militias rather than a crowd ("herders", "villagers"). */
const COMMUNAL_WORDS = new Set<string>(actorDictionary.communalWords);

export function isCommunalPeople(actor: ResolvedActor | undefined): boolean {
  return !!actor && (actor.kind === 'population' || actor.kind === 'civilians') && actor.mentions.some((m) => COMMUNAL_WORDS.has(lastWord(m.text)));
}

const CROWD_KINDS = new Set(['population', 'protesters', 'rioters']);

/** At most this many characters between a violent verb and its object. */
const DIRECT_OBJECT_CHARS = 30;
const OBJECT_BLOCKERS = new Set<string>(actorDictionary.directObject.blockers);
const COORDINATOR = new RegExp(`^[\\s,]*(?:${actorDictionary.directObject.coordinators.map((w) => w.replace(/ /g, '\\s+')).join('|')})\\s+`, 'i');
/** The words between a verb and its object: no clause break and no word that opens a place, time or means. */
function directObjectGap(between: string): boolean {
  if (/[.;:,()]/.test(between)) return false;
  for (const w of between.toLowerCase().split(/[^a-z]+/)) if (OBJECT_BLOCKERS.has(w)) return false;
  return true;
}

/** The words between two actors that put them on one side (see sameSideLinks in the actor data). */
const SAME_SIDE_LINK = new RegExp(
  `^[\\s,]*(?:\\(\\s*)?(?:${alternation(actorDictionary.sameSideLinks.links, 'any')})\\s+(?:(?:${alternation(actorDictionary.sameSideLinks.fillers, 'any')})\\s+)*$`,
  'i',
);

const CROWD_CAUSE = new RegExp(`\\b(?:${alternation(actorDictionary.crowdCause.openers, 'any')})\\b(?!\\s+(?:\\d|(?:${alternation(actorDictionary.crowdCause.notBefore, 'any')})\\b))`, 'gi');
const CAUSE_CLAUSE_BREAK = new RegExp(`[.!?,;:()\\[\\]]|\\s[-–—]\\s|\\b(?:${alternation(actorDictionary.crowdCause.clauseBreaks, 'any')})\\b`, 'i');
/**
 * Triggers that tell forces acting on a crowd, a fight or the crowd's violence: they end a
 * demonstration's topic, unless told in the passive with its agent after ("a boy killed by police").
 */
const FACING_CLASSES = new Set(['protest-intervention', 'protest-excessive', 'clash', 'Arrests', 'riot', 'riot-conduct', 'violence', 'mob']);
const INTERVENING_CLASSES = new Set(['protest-intervention', 'protest-excessive', 'clash', 'Arrests']);
const BY_AFTER = new RegExp(`^\\s+(?:${alternation(functionWords.agentPreposition)})\\b`, 'i');
const NOUN_BEFORE = new RegExp(`\\b(?:${alternation(functionWords.articles)})\\s+$`, 'i');
/**
 * Triggers of violence right before a topic word make it the violence's target ("threw stones against
 * police"): the facing triggers but a riot and an arrest, after which the word still opens what they
 * are about ("rioted over the death of", "arrested over the attack").
 */
const VIOLENT_CLASSES = new Set([...FACING_CLASSES].filter((c) => c !== 'riot' && c !== 'Arrests'));
const VIOLENCE_BEFORE_CAUSE_CHARS = 25;
/** Openers that, after a violent word, name its target ("threw stones against police"). */
const TARGET_OPENERS = new Set(actorDictionary.crowdCause.targetOpeners.map((w) => w.toLowerCase()));

/**
 * The spans of a frame's sentence that tell what a crowd is about or whom it addresses ("over the
 * death of a teenager killed by the Military Police", "demanding aid from the government"): from a
 * topic word (crowdCause in the actor data) to the end of its clause.
 */
function crowdCauseSpans(text: string, frame: Frame): [number, number][] {
  const out: [number, number][] = [];
  const sentence = text.slice(frame.span.start, frame.span.end);
  CROWD_CAUSE.lastIndex = 0;
  for (let m = CROWD_CAUSE.exec(sentence); m; m = CROWD_CAUSE.exec(sentence)) {
    const from = frame.span.start + m.index + m[0].length;
    const opener = frame.span.start + m.index;
    // (Violence right before an opener that names a target, "threw stones against police", or
    // before any opener once forces acted on the crowd, "tear gas and whips against people
    // protesting a police raid"; not a crowd's own violence before its topic, "burned two buses over
    // the death of a boy killed by the police".)
    const facing = TARGET_OPENERS.has(m[0].toLowerCase()) || frame.triggers.some((t) => INTERVENING_CLASSES.has(t.cls) && t.end <= opener);
    if (facing && frame.triggers.some((t) => VIOLENT_CLASSES.has(t.cls) && t.end <= opener && opener - t.end <= VIOLENCE_BEFORE_CAUSE_CHARS)) continue;
    const brk = CAUSE_CLAUSE_BREAK.exec(text.slice(from, frame.span.end));
    let to = brk ? from + brk.index : frame.span.end;
    for (const t of frame.triggers) {
      if (!FACING_CLASSES.has(t.cls) || t.start < from || t.start >= to) continue;
      // ("the burning of three men by soldiers": a deed named as a noun is the topic too.)
      // (Forces dispersing, arresting or fighting the crowd face it however told: "tear-gassed by police".)
      if (!INTERVENING_CLASSES.has(t.cls) && (BY_AFTER.test(text.slice(t.end, t.end + 4)) || AGENT_PREPOSITION_END.test(text.slice(t.start, t.end)) || NOUN_BEFORE.test(text.slice(Math.max(from, t.start - 5), t.start)))) continue;
      to = t.start;
    }
    out.push([from, to]);
  }
  return out;
}

export function resolveActors(frames: Frame[], ctx: RoleContext, options: RoleOptions = {}): EventActors {
  interface Tally {
    entry: ActorEntry;
    weight: number;
    agent: number;
    support: number;
    opposed: number;
    mentions: Participant['mention'][];
    /** actor keys it appears with in sentences where it supports */
    allies: Map<string, number>;
    /** The keys of the agents of the violent verbs it is the object of ("X killed [it]"). */
    targetOf: Set<string>;
    /** Mentions inside what a crowd is about ("protested over the killing of a man by police"). */
    topic: number;
    /** Mentions counted among the dead or wounded ("three Koglweogo and a villager were killed"). */
    casualty: number;
    /** An agent mention is a word for a crowd ("villagers attacked"), not only other people. */
    crowdActs: boolean;
  }
  const tallies = new Map<string, Tally>();
  // Actors named together before the verb of a sentence that tells no fight between sides
  // ("Wagner militants helped by the army attacked the village", "UPC rebels from the CPC shot a
  // civilian"): one side of the event, each key with the keys it acted with.
  const coAgents = new Map<string, Set<string>>();
  for (const frame of frames) {
    // Each participant's tally key, once (the allies below compare every pair).
    const keys: string[] = [];
    for (const p of frame.participants) keys.push(actorKey(p.mention, ctx));
    if (!frame.triggers.some((t) => t.cls === 'clash')) {
      let prev = -1;
      frame.participants.forEach((p, i) => {
        if (!p.agent || p.reporter || p.opposed) return;
        const j = prev;
        prev = i;
        const q = j >= 0 ? frame.participants[j]! : undefined;
        if (!q || keys[i] === keys[j] || q.mention.end > p.mention.start || !SAME_SIDE_LINK.test(ctx.doc.text.slice(q.mention.end, p.mention.start))) return;
        const a = keys[j]!;
        const b = keys[i]!;
        for (const [x, y] of [[a, b], [b, a]] as const) {
          let set = coAgents.get(x);
          if (!set) coAgents.set(x, (set = new Set()));
          set.add(y);
        }
      });
    }
    // (Only a demonstration's state actors are read for its topic: see crowdTopic below.)
    const causes = options.crowd && frame.participants.some((p) => p.mention.inter === 1) ? crowdCauseSpans(ctx.doc.text, frame) : [];
    for (let i = 0; i < frame.participants.length; i++) {
      const p = frame.participants[i]!;
      const id = keys[i]!;
      const entry = entryOfKey(ctx.coref.get(p.mention.start) ?? p.mention.actorId, ctx.date);
      if (!entry) continue;
      // (A group named only in the description of one killed, "X, candidate of the M-19, died", is no side.)
      if (describesCasualty(frame, p.mention)) continue;
      let t = tallies.get(id);
      if (!t) {
        t = { entry, weight: 0, agent: 0, support: 0, opposed: 0, mentions: [], allies: new Map(), targetOf: new Set(), topic: 0, casualty: 0, crowdActs: false };
        tallies.set(id, t);
      }
      t.weight += p.reporter ? 0.5 : 1;
      // Those a figure counts among the dead or wounded ("three Koglweogo were killed").
      if (countedAmongCasualties(frame, p.mention)) t.casualty++;
      if (!p.reporter && p.agent) {
        t.agent++;
        if (CROWD_WORDS.has(lastWord(p.mention.text))) t.crowdActs = true;
      }
      // (Or a crowd word that says who the ones acting are: "attacked by people said to be his rival's supporters".)
      const before = frame.participants[i - 1];
      if (!p.reporter && CROWD_WORDS.has(lastWord(p.mention.text)) && before && before.agent && !before.reporter && keys[i - 1] === id && describedAs(ctx.doc.text.slice(before.mention.end, p.mention.start)) && !frame.triggers.some((x) => x.start >= before.mention.end && x.start < p.mention.start)) t.crowdActs = true;
      if (!p.reporter && p.opposed) t.opposed++;
      if (!p.reporter && p.supporting) t.support++;
      t.mentions.push(p.mention);
      if (causes.length > 0 && causes.some(([a, b]) => p.mention.start >= a && p.mention.end <= b)) t.topic++;
    }
    // The object of each violent verb: the first participant after it, nothing but a number or
    // a determiner between ("killed at least 17 traders", "shot dead a civilian").
    // (In a sentence that tells a clash both sides fight: no verb's object is the only target.)
    const agents = keys.filter((_, i) => frame.participants[i]!.agent && !frame.participants[i]!.reporter);
    // (Direct fire named as the weapon, "using small arms fire", tells no second side.)
    for (const t of frame.triggers.some((x) => x.cls === 'clash' && !x.tactic) || agents.length === 0 ? [] : frame.triggers) {
      // (A passive verb's object is no object: "were killed and 1 militia member wounded".)
      if ((t.cls !== 'violence' && t.eventType !== 'Violence against civilians') || isPassive(ctx.doc, t)) continue;
      const i = frame.participants.findIndex((p) => p.mention.start >= t.end);
      const p = frame.participants[i];
      if (!p || p.reporter || p.mention.start - t.end > DIRECT_OBJECT_CHARS || !directObjectGap(ctx.doc.text.slice(t.end, p.mention.start))) continue;
      const tally = tallies.get(keys[i]!);
      if (tally) for (const a of agents) tally.targetOf.add(a);
      // Further objects joined to it ("civilians as well as fighters").
      for (let j = i + 1; j < frame.participants.length; j++) {
        const gap = ctx.doc.text.slice(frame.participants[j - 1]!.mention.end, frame.participants[j]!.mention.start);
        const joined = COORDINATOR.exec(gap);
        if (!joined || gap.length > DIRECT_OBJECT_CHARS || !directObjectGap(gap.slice(joined[0].length))) break;
        const more = tallies.get(keys[j]!);
        if (more) for (const a of agents) more.targetOf.add(a);
      }
    }
    for (let i = 0; i < frame.participants.length; i++) {
      const p = frame.participants[i]!;
      if (!p.supporting) continue;
      const me = tallies.get(keys[i]!);
      if (!me) continue;
      for (let j = 0; j < frame.participants.length; j++) {
        const other = frame.participants[j]!;
        if (other === p || other.opposed) continue;
        if (keys[j] !== keys[i]) me.allies.set(keys[j]!, (me.allies.get(keys[j]!) ?? 0) + 1);
      }
    }
  }
  const resolve = (key: string, t: Tally): ResolvedActor => ({
    key,
    name: key.startsWith('ethnic:') ? ethnicMilitiaName(key.slice(7), ctx.country) : key.startsWith('militia:') ? `${key.slice(8)}${ctx.country ? ` (${ctx.country})` : ''}` : key.includes('@') ? foreignForcesName(t.entry, key.slice(key.indexOf('@') + 1), ctx.date) : actorName(t.entry, ctx.countryCode, ctx.country, ctx.date),
    // State forces abroad are external forces (codebook 3.1: inter 8).
    // (Only where the text places the event in its country below the country itself: a country
    // named alone, "Ethiopian raiders kill Kenyan police", may be the raiders' origin.)
    inter: key.includes('@') && t.entry.inter === 1 && ctx.placedWithinCountry ? 8 : t.entry.inter,
    kind: t.entry.kind,
    mentions: t.mentions,
    agentMentions: t.agent,
  });
  const all = [...tallies.entries()];
  const parties = all.filter(([, t]) => t.entry.role === 'party');
  const main = all.filter(([, t]) => t.entry.role !== 'party');
  // Supporters: external or allied forces whose mentions mostly say they support someone.
  const isSupporter = ([, t]: [string, Tally]) => t.support > 0 && t.support * 2 >= t.weight && t.entry.inter === 8;
  const score = ([, t]: [string, Tally]) => t.weight + t.agent * 1.5 + (ARMED.has(t.entry.inter) ? 0.5 : 0) - (t.entry.kind === 'population' || t.entry.kind === 'civilians' ? 1 : 0);
  // Only a source ("officials said") is no party to the event, unless it is a named group.
  // State forces or a government named only in what a crowd is about or asks ("protested the
  // killing of a boy by police", "demanding aid from the government") are no side it faced.
  const crowdTopic = ([, t]: [string, Tally]) => !!options.crowd && t.entry.inter === 1 && t.topic === t.mentions.length;
  // Nor are civilians named only there: they are the victims of the deed the crowd is about
  // ("rioted over the killing of a trader"), not of the crowd.
  const topicVictim = ([, t]: [string, Tally]) => !!options.crowd && (t.entry.kind === 'population' || t.entry.kind === 'civilians') && t.topic === t.mentions.length;
  const eligible = main.filter(
    (x) => !isSupporter(x) && (x[1].weight > x[1].mentions.length * 0.5 || !x[1].entry.kind) && !(options.armedOnly && !ARMED.has(x[1].entry.inter)) && !crowdTopic(x) && !topicVictim(x),
  );
  const candidates = eligible.sort((a, b) => score(b) - score(a));
  const result: EventActors = { assoc1: [], assoc2: [], topicNamed: main.some(crowdTopic) || undefined };
  // Agents: parties' members and supporters, villagers, workers — and no armed organisation acting.
  const agents = all.filter(([, t]) => t.agent > 0);
  result.partyAgent = agents.some(([, t]) => t.entry.role === 'party' || t.entry.kind === 'rioters');
  result.crowdAgent =
    agents.some(([, t]) => t.entry.role === 'party' || t.entry.kind === 'rioters' || (t.entry.kind === 'population' && t.crowdActs)) &&
    !agents.some(([, t]) => (t.entry.inter >= 1 && t.entry.inter <= 4) || t.entry.inter === 8);
  if (candidates.length === 0) return result;
  const victim = ([, t]: [string, Tally]) => t.entry.kind === 'population' || t.entry.kind === 'civilians';
  // Victims never act first; in a demonstration the crowd does.
  const actor1Pick =
    (options.crowd ? candidates.find(([, t]) => CROWD_KINDS.has(t.entry.kind ?? '')) : undefined) ??
    candidates.find((x) => !victim(x)) ??
    candidates[0]!;
  result.actor1 = resolve(actor1Pick[0], actor1Pick[1]);
  // An actor only ever told acting beside actor1 is on its side: no actor2, but an associated actor.
  const nonReporting = (t: Tally) => t.mentions.length - Math.round((t.mentions.length - t.weight) * 2);
  const onActor1Side = ([k, t]: [string, Tally]) => !victim([k, t]) && (coAgents.get(actor1Pick[0])?.has(k) ?? false) && t.agent >= nonReporting(t);
  const otherSide = (x: [string, Tally]) =>
    x[0] !== actor1Pick[0] && resolve(x[0], x[1]).name !== result.actor1!.name && !(options.crowd && CROWD_KINDS.has(x[1].entry.kind ?? '')) && !onActor1Side(x);
  // Armed men's violence falls on its object: the side their verb names, before any other.
  const armedActs = !options.crowd && isArmed(result.actor1.inter) && result.actor1.kind !== 'government';
  // (Unless the side otherwise chosen is itself told as a target: "an assault ... against the YPG".)
  const fallback = candidates.find(otherSide);
  // An armed side counted among the dead or wounded ("attacked the village, three Koglweogo and a
  // villager were killed") was fought, whatever else the attack hit: it is the other side (codebook
  // 2.3: an attack on an armed side is a battle).
  // (Only in place of victims: a side otherwise chosen that can fight stays. Nor an armed group
  // the text does not name, "five militants were killed": often the attackers' own dead. Nor the
  // dead of a bomb, which hits whoever is there.)
  const object = armedActs && !(fallback && fallback[1].opposed > 0) ? candidates.find((x) => x[1].targetOf.has(actor1Pick[0]) && x[1].agent === 0 && otherSide(x)) : undefined;
  const chosen = object ?? fallback;
  const armedCasualty =
    armedActs && (!chosen || victim(chosen)) && !frames.some((f) => f.triggers.some((t) => t.eventType === 'Explosions/Remote violence'))
      ? candidates.find((x) => x[1].casualty > 0 && x[1].agent === 0 && ARMED.has(x[1].entry.inter) && x[1].entry.kind !== 'government' && x[0] !== 'unidentified-armed-group' && otherSide(x) && !namedAsVictim(x[1].mentions, candidates.filter(victim)))
      : undefined;
  const second = armedCasualty ?? chosen;
  if (second) result.actor2 = resolve(second[0], second[1]);
  for (const x of main) {
    if (x[0] === result.actor1.key || x[0] === result.actor2?.key) continue;
    if (onActor1Side(x) && candidates.includes(x)) {
      result.assoc1.push(resolve(x[0], x[1]));
      continue;
    }
    // A source only ("..., police said") is no associated actor either.
    if (!isSupporter(x) && !eligible.includes(x)) continue;
    if (!isSupporter(x) && candidates.indexOf(x) > 1 && !ARMED.has(x[1].entry.inter)) continue;
    const allies = x[1].allies;
    const with1 = allies.get(result.actor1.key) ?? 0;
    const with2 = result.actor2 ? allies.get(result.actor2.key) ?? 0 : 0;
    if (isSupporter(x) || ARMED.has(x[1].entry.inter)) (with1 > with2 ? result.assoc1 : result.assoc2).push(resolve(x[0], x[1]));
  }
  // Parties and movements accompany the crowd or group that acted.
  for (const p of parties) result.assoc1.push(resolve(p[0], p[1]));
  return result;
}

/**
 * Whether the mentions repeat the head of a victim's mention ("the policeman" after "an off-duty
 * policeman"): the same person, told again.
 */
function namedAsVictim(mentions: readonly { text: string }[], victims: readonly [string, { mentions: readonly { text: string }[] }][]): boolean {
  const heads = new Set(mentions.map((m) => lastWord(m.text)));
  return victims.some(([, t]) => t.mentions.some((m) => heads.has(lastWord(m.text))));
}

/** Whether the mention stands in the description of one a figure of the frame counts dead ("X, candidate of the M-19, died"). */
function describesCasualty(frame: Frame, mention: { start: number; end: number }): boolean {
  return frame.figures.some((f) => f.described !== undefined && mention.start >= f.described.start && mention.end <= f.described.end);
}

/** Whether a casualty figure of the frame counts the mention ("three Koglweogo and a villager were killed"). */
function countedAmongCasualties(frame: Frame, mention: { start: number; end: number }): boolean {
  return frame.figures.some((f) => (f.kind === 'killed' || f.kind === 'injured') && f.subject !== undefined && mention.start >= f.subject.start && mention.end <= f.subject.end);
}

export function isArmed(inter: number | undefined): boolean {
  return inter !== undefined && ARMED.has(inter);
}
