// The event's type and sub-type under ACLED's hierarchy (codebook 2.1, 2.3): ground fighting
// between armed sides makes Battles and absorbs air strikes and bombs of the same engagement;
// otherwise remote weapons make Explosions/Remote violence; harm to the defenceless is Violence
// against civilians; crowds make Protests or Riots by their own conduct.
import { eventTypeOf } from '../common/acled-types.js';
import type { TriggerMention } from '../common/doc.js';
import { isArmed, isCommunalPeople, sameStateForces, type EventActors } from './actor-roles.js';
import type { Frame } from './frames.js';
import { inflections } from '../locales/en/inflection.js';
import triggerLexicon from '../locales/en/data/triggers.json' with { type: 'json' };
import actorDictionary from '../locales/en/data/actors.json' with { type: 'json' };
import communalWords from '../locales/en/data/communal.json' with { type: 'json' };
import eventCues from '../locales/en/data/event-cues.json' with { type: 'json' };
import functionWords from '../locales/en/data/function-words.json' with { type: 'json' };
import { alternation, wordsAndStems } from '../common/word-pattern.js';

export interface Classification {
  eventType: string;
  subEventType: string;
  /** Triggers that decided the type (evidence). */
  decisive: TriggerMention[];
  /** Weapons and methods folded into the event ("car bomb", "air strikes"). */
  tactics: { tactic: string; trigger: TriggerMention }[];
}

/** A trigger that names its sides as communities ("ethnic clashes", "clan fighting"). */
export const COMMUNAL_CLASH = new RegExp(alternation(communalWords.clashStems), 'i');
/**
 * A clash told between communities ("two rival pastoralist communities clashed", "fighting between
 * the Kipsigis and Maasai communities", "ethnic clashes"): the sides are communal militias (codebook 3),
 * though the only people the sentence names are the dead ("five people were killed").
 */
export const COMMUNAL_FIGHT = new RegExp(`\\b(?:${alternation(communalWords.fightBetweenCommunities)})\\b`, 'i');

export function communalFightTold(text: string, frames: Frame[]): boolean {
  return frames.some((f) => f.triggers.some((t) => t.cls === 'clash') && COMMUNAL_FIGHT.test(text.slice(f.span.start, f.span.end)));
}
/** Words that make a clash between unnamed sides a fight of armed men or communities. */
const ARMED_FIGHT = new RegExp(`\\b(?:${wordsAndStems(communalWords.armedFight)})\\b`, 'i');
/** Right before a noun: it names something already told ("the attack", "this attack"). */
const ANAPHORIC_BEFORE = new RegExp(`\\b(?:${alternation(functionWords.demonstratives)})\\s+$`, 'i');
/** Traffic, business or classes disrupted (passive): what a demonstration inconvenienced. */
const DISRUPT = new RegExp(`^(?:${alternation(eventCues.disruptionStems)})`, 'i');
const ROUTINE_DISRUPTED = new RegExp(
  `\\b(?:${alternation(eventCues.routineActivities)})\\b[^.;]{0,40}\\b(?:${alternation([...functionWords.finitePassiveAuxiliaries, ...functionWords.beParticiple].filter((w) => w !== 'got'))})\\s+$`,
  'i',
);
/** A demonstration's topic that is a death: "protesting the killing of", "over the death of". */
const PROTEST_ABOUT_DEATH = new RegExp(
  `\\b(?:${alternation(eventCues.protestTopicOpeners)})\\s+(?:(?:${alternation(functionWords.definiteArticle)})\\s+)?(?:\\w+\\s+)?(?:${alternation(eventCues.deathNouns)})\\s+(?:${alternation(functionWords.genitiveLink)})\\b`,
  'i',
);
/** A demonstration's topic that is an attack with its toll: "to protest a dynamite attack ... that left 10 dead". */
const PROTEST_ABOUT_ATTACK_TOLL = new RegExp(
  `\\b(?:${alternation(eventCues.protestTopicOpeners)})\\s+(?:[\\w-]+\\s+){0,3}(?:${alternation(eventCues.topicAttackNouns)})\\b[^,;.:]{0,100}?\\b(?:${alternation(eventCues.topicRelativePronouns)})\\s+(?:[\\w-]+\\s+){0,2}(?:${alternation(eventCues.topicTollVerbs)})\\b`,
  'i',
);
/** Words for a community's fighters, not its people. */
const COMBATANT_WORDS = new RegExp(`\\b(?:${alternation(communalWords.combatantWords)})\\b`, 'i');
const KILL_WORDS = new RegExp(`^(?:${alternation(eventCues.killWords)})$`, 'i');
const HARM_WORDS = new RegExp(`^(?:${alternation(eventCues.harmWords)})$`, 'i');
const CASUALTY_OUTCOME = new RegExp(`^(?:${alternation(eventCues.casualtyOutcome)})$`, 'i');

/**
 * The frames tell only that someone was hurt or killed ("a 12-year-old girl was injured in
 * Soyapango"): every event word a casualty's outcome, no one told acting, and no armed side named.
 */
export function casualtyOnly(frames: readonly Frame[]): boolean {
  // (Only civilians' hurt: "four Kurdish fighters killed on the battlefront" were killed fighting.)
  return frames.some((f) => f.triggers.length > 0) && frames.every((f) => f.triggers.every((t) => t.cls === 'violence' && CASUALTY_OUTCOME.test(t.text)) && !f.participants.some((p) => (p.agent && !p.reporter) || isArmed(p.mention.inter)));
}

/** Physical force by forces intervening, which on people who are no crowd is an attack on them (triggers.json forceOnPeople). */
const FORCE_ON_PEOPLE = new RegExp(`^(?:${alternation(triggerLexicon.forceOnPeople.phrases)})$`, 'i');
/** "held a peaceful demonstration", "no reported violence": the demonstrators' conduct was peaceful. */
const PEACEFUL_CONDUCT = new RegExp(`\\b(?:${alternation(triggerLexicon.peacefulConduct.phrases)})\\b`, 'i');
/** "the peaceful protest turned violent": the words for a protest turning violent end the peace. */
const TURNED_VIOLENT = new RegExp(`\\b(?:${alternation(eventCues.turnedViolent)})\\b`, 'i');

/**
 * A crowd's damage with a shared cause (a grievance or demand told with it, lexicon riotCauses) or
 * done as a blockade (barricades, burning tyres): a violent demonstration, not mob violence
 * (codebook 2.3). Only where no one is killed or hurt and no mob or lynching is told: violence on
 * people by a crowd stays the mob's.
 */
const RIOT_CAUSE = new RegExp(`\\b(?:${alternation(triggerLexicon.riotCauses.phrases)})\\b`, 'i');
const BLOCKADE = new RegExp(`\\b(?:${alternation(triggerLexicon.riotCauses.blockades)})\\b`, 'i');

function demonstrativeDamage(text: string, frames: Frame[], index: TriggerIndex, killed: number): boolean {
  if (killed > 0 || index.has('mob') || index.of('violence').some((t) => KILL_WORDS.test(t.text) || HARM_WORDS.test(t.text))) return false;
  return frames.some((f) => {
    const sentence = text.slice(f.span.start, f.span.end);
    if (RIOT_CAUSE.test(sentence)) return true;
    const blockade = BLOCKADE.exec(sentence);
    if (!blockade) return false;
    // (Forces that barricade, "police barricaded the area", make no demonstration of it.)
    const at = f.span.start + blockade.index;
    let before: Frame['participants'][number] | undefined;
    for (const p of f.participants) if (p.mention.end <= at && (!before || p.mention.end > before.mention.end)) before = p;
    return before?.mention.inter !== 1;
  });
}

/** Told of an explosive device: found before it went off, or it failed to ("unexploded", "controlled explosion"). */
const DEVICE_DISRUPTED = new RegExp(`\\b(?:${alternation(triggerLexicon.deviceDisrupted.phrases)})\\b`, 'i');
/** Told of an explosive device: it went off (lexicon deviceWentOffVerbs). */
const DEVICE_WENT_OFF = new RegExp(`\\b(?:${alternation(triggerLexicon.deviceWentOffVerbs.phrases)})\\b`, 'i');

/**
 * A general word for an attack ("attacked", "the attack"), lexicon restatedAttack: in a report of an
 * explosion, with no fighting and no state force in its sentence, it names the bombing again.
 */
const RESTATED_ATTACK = new RegExp(`^(?:${alternation(triggerLexicon.restatedAttack.verbs.flatMap(inflections))})$`, 'i');

/** A murder or an assassination (lexicon oneSidedKilling): a killing of someone who could not fight back. */
const ONE_SIDED_KILLING = new RegExp(`^(?:${alternation([...triggerLexicon.oneSidedKilling.verbs.flatMap(inflections), ...triggerLexicon.oneSidedKilling.nouns])})$`, 'i');
/** A killing by gun, blade or hand (lexicon killingWithoutDevice): no explosive in it. */
const KILLING_WITHOUT_DEVICE = new RegExp(`^(?:${alternation(triggerLexicon.killingWithoutDevice.phrases)})$`, 'i');

/** Tactics of clash phrases (data/triggers.json): fire on positions, direct fire, fire both ways. */
const FIRE_ON_POSITIONS = 'fire on positions';
const SMALL_ARMS = 'small arms fire';
const EXCHANGE_OF_FIRE = 'exchange of fire';

/** At most this many characters between a violent verb and the crowd it falls on ("shot at", "attacking protesting"). */
const CROWD_AFTER_VIOLENCE_CHARS = 40;

/** Before a participle of damage in the passive: "was partially destroyed", "were seriously damaged". */
const DAMAGE_SUFFERED = new RegExp(`\\b(?:${alternation([...functionWords.finitePassiveAuxiliaries, ...functionWords.beParticiple, ...functionWords.beProgressive])})\\s+(?:\\w+\\s+)?$`, 'i');
/**
 * The same passive with its auxiliary left out after 'and', in one clause: "glass was broken and
 * office furniture and equipment destroyed" (the second participle is passive too).
 */
const DAMAGE_SUFFERED_TOO = new RegExp(`\\b(?:${alternation([...functionWords.finitePassiveAuxiliaries, ...functionWords.beParticiple])})\\s+\\w+\\s+(?:${alternation(functionWords.pairConjunctions)})\\s+(?:\\w+\\s+){1,5}$`, 'i');
/** "was badly damaged in the attack": passive damage put in an event already told (see eventCues.toldEventDamage). */
const IN_TOLD_EVENT = new RegExp(`^\\s+(?:${alternation(eventCues.toldEventDamage)})\\s+(?:${alternation(functionWords.anaphoraDeterminers)})\\s+(?:${alternation(eventCues.anaphoraNouns)})\\b`, 'i');
/** Damage suffered in an event the text has told: that event's, not a crowd's conduct. */
function damageOfToldEvent(text: string, t: TriggerMention): boolean {
  return IN_TOLD_EVENT.test(text.slice(t.end, t.end + 40)) && damageSuffered(text, t);
}
function damageSuffered(text: string, t: TriggerMention): boolean {
  if (DAMAGE_SUFFERED.test(text.slice(Math.max(0, t.start - 30), t.start))) return true;
  const clause = text.slice(Math.max(0, t.start - 80), t.start);
  const lastBreak = Math.max(...[...'.;:,()'].map((c) => clause.lastIndexOf(c)));
  return DAMAGE_SUFFERED_TOO.test(clause.slice(lastBreak + 1));
}

/** Between a passive verb's subject and the verb: "demonstrators were shot". */
const PASSIVE_AUXILIARY = new RegExp(
  `^\\s+(?:${alternation(functionWords.finitePassiveAuxiliaries)}|(?:${alternation(functionWords.perfectAuxiliaries)}) (?:${alternation(functionWords.beParticiple)}))\\s+$`,
  'i',
);

/**
 * "police attacking protesting teachers", "police shot at protesters": violence whose agent is a
 * state force (named before the verb) and whose target, right after it, is a crowd or a protest;
 * or the same in the passive ("demonstrators were shot by police").
 * (Police violence that a protest is about, "a protest against the man beaten by police", is not.)
 */
function forcesActingOnCrowd(frames: Frame[], text: string): TriggerMention[] {
  const out: TriggerMention[] = [];
  for (const f of frames) {
    for (const t of f.triggers) {
      if (t.cls !== 'violence') continue;
      const near = (start: number) => start >= t.end && start - t.end <= CROWD_AFTER_VIOLENCE_CHARS;
      const crowd = (p: Frame['participants'][number]) => p.mention.inter >= 5 && p.mention.inter <= 7;
      const forceBefore = f.participants.some((p) => p.mention.inter === 1 && p.mention.end <= t.start && !p.reporter);
      const crowdAfter = f.participants.some((p) => crowd(p) && near(p.mention.start)) || f.triggers.some((x) => x.cls === 'protest' && near(x.start));
      // The passive: "two demonstrators were shot and injured by police" (the crowd is the verb's subject).
      const forceAfter = f.participants.some((p) => p.mention.inter === 1 && p.agent && near(p.mention.start) && !p.reporter);
      const crowdBefore = forceAfter && f.participants.some((p) => crowd(p) && p.mention.end <= t.start && PASSIVE_AUXILIARY.test(text.slice(p.mention.end, t.start)));
      if ((forceBefore && crowdAfter) || (forceAfter && crowdBefore)) out.push(t);
    }
  }
  return out;
}

const FIGHT_CLASSES = new Set(['violence', 'clash', 'riot-conduct', 'Looting/property destruction']);

/** Whether the actor is named in a sentence that tells violence (or explosives): a side of it. */
export function inFight(frames: Frame[], actor: { mentions: { start: number; end: number }[] }): boolean {
  for (const f of frames) {
    if (!f.triggers.some((t) => FIGHT_CLASSES.has(t.cls) || t.eventType === 'Explosions/Remote violence')) continue;
    for (const m of actor.mentions) if (m.start >= f.span.start && m.end <= f.span.end) return true;
  }
  return false;
}

/** At most this many characters between a violent verb and the forces it fell on. */
const TARGET_AFTER_CHARS = 30;
/** Between a violent verb and its object: no clause break, no word that opens a place, time or means. */
const OBJECT_BLOCKERS = new Set<string>(actorDictionary.directObject.blockers);
/** Words naming unnamed people by the property they destroy ("arsonists"): no crowd (actor data). */
const DESTROYER_NAME = new RegExp(`\\b(?:${alternation(actorDictionary.destroyerNames.words)})\\b`, 'i');
/** Words naming unnamed people as insurgents ("the guerrillas"): an armed side, no crowd (actor data). */
const INSURGENT_NAME = new RegExp(`\\b(?:${alternation(actorDictionary.insurgentNames.words)})\\b`, 'i');
function objectGap(between: string): boolean {
  if (/[.;:,()]/.test(between)) return false;
  for (const w of between.toLowerCase().split(/[^a-z]+/)) if (OBJECT_BLOCKERS.has(w)) return false;
  return true;
}

/**
 * State forces told only as the side violence fell on: the object of a violent verb ("a man
 * attacked a police officer") or the subject of a passive one ("officers were shot by a man", "a
 * member of the federal police was shot dead"), and never the agent of one. An attack on an armed
 * side is a battle (codebook 2.3), whoever made it.
 */
export function forcesTargeted(text: string, frames: Frame[], actor: { inter: number; kind?: string; mentions: { start: number; end: number }[] } | undefined): boolean {
  if (!actor || (actor.inter !== 1 && actor.inter !== 8) || actor.kind === 'government') return false;
  let targeted = false;
  for (const f of frames) {
    for (const t of f.triggers) {
      if (t.cls !== 'violence' || t.background) continue;
      for (const m of actor.mentions) {
        if (m.start < f.span.start || m.end > f.span.end) continue;
        const passive = m.end <= t.start && PASSIVE_AUXILIARY.test(text.slice(m.end, t.start).replace(/^\s*\([^)]*\)/, ''));
        const object = m.start >= t.end && m.start - t.end <= TARGET_AFTER_CHARS && objectGap(text.slice(t.end, m.start));
        if (passive || object) targeted = true;
        // Named before an active violent verb: they acted.
        else if (m.end <= t.start && t.start - m.end <= TARGET_AFTER_CHARS && objectGap(text.slice(m.end, t.start))) return false;
      }
    }
  }
  return targeted;
}

/**
 * State forces named as the ones murdered: the object of a murder word ("the murder of two
 * patrolmen", "murdered a policeman") or the subject of its passive ("two policemen were murdered").
 */
function forcesMurdered(text: string, frames: Frame[], murders: readonly TriggerMention[], actors: EventActors): boolean {
  const forces = [actors.actor1, actors.actor2].filter((a) => a && (a.inter === 1 || a.inter === 8) && a.kind !== 'government');
  if (forces.length === 0) return false;
  for (const f of frames) {
    for (const t of f.triggers) {
      if (!murders.includes(t)) continue;
      for (const a of forces) {
        for (const m of a!.mentions) {
          if (m.start < f.span.start || m.end > f.span.end) continue;
          if (m.end <= t.start && PASSIVE_AUXILIARY.test(text.slice(m.end, t.start))) return true;
          if (m.start >= t.end && m.start - t.end <= TARGET_AFTER_CHARS && objectGap(text.slice(t.end, m.start))) return true;
        }
      }
    }
  }
  return false;
}

function byRank(a: TriggerMention, b: TriggerMention): number {
  return b.rank - a.rank;
}

const NONE: readonly TriggerMention[] = [];

/** An actor that is a crowd: protesters, rioters, or people. */
function isCrowd(x: { inter: number; kind?: string } | undefined): boolean {
  return !!x && (x.inter === 5 || x.inter === 6 || x.kind === 'population');
}

function isVictims(x: { inter: number; kind?: string } | undefined): boolean {
  return !!x && x.inter === 7;
}

function isProtesters(x: { inter: number; kind?: string } | undefined): boolean {
  return !!x && x.kind === 'protesters';
}

/** The triggers of one event, by class and by fixed event type (in text order). */
class TriggerIndex {
  private readonly byClass = new Map<string, TriggerMention[]>();
  constructor(readonly all: TriggerMention[]) {
    for (const t of all) {
      const list = this.byClass.get(t.cls);
      if (list) list.push(t);
      else this.byClass.set(t.cls, [t]);
    }
  }
  /** Triggers of a class (not to be modified). */
  of(cls: string): readonly TriggerMention[] {
    return this.byClass.get(cls) ?? NONE;
  }
  has(cls: string): boolean {
    return this.byClass.has(cls);
  }
  /** Triggers of a fixed event type, highest rank first. */
  fixed(eventType: string): TriggerMention[] {
    return this.all.filter((t) => t.eventType === eventType).sort(byRank);
  }
}

/**
 * The event's triggers tell a device that went off, and no demonstration, riot, mob or fight, and
 * no party's supporters or rioters act (they riot with the crude bombs they throw).
 */
function explosionAlone(text: string, index: TriggerIndex, protests: readonly TriggerMention[], actors: EventActors): boolean {
  // (Damage told in the passive, "the building was destroyed", is the device's; told in the active,
  // "supporters vandalised shops and exploded crude bombs", a crowd's.)
  const damageDone = [...index.of('riot-conduct'), ...index.of('Looting/property destruction')].some((t) => !damageSuffered(text, t));
  return protests.length === 0 && !actors.partyAgent && !damageDone && !index.has('riot') && !index.has('mob') && !index.has('clash') && index.all.some((t) => t.eventType === 'Explosions/Remote violence' && !t.irrealis);
}

function result(subEventType: string, decisive: readonly TriggerMention[], tactics: Classification['tactics']): Classification {
  return { eventType: eventTypeOf(subEventType), subEventType, decisive: decisive.slice(0, 3), tactics };
}

/** The type of the event the frames tell (`text` is the document's). */
export function classify(text: string, frames: Frame[], actors: EventActors, killed: number): Classification | null {
  // Words told only of armed sides ("camped in", "infighting") tell nothing of anyone else.
  const armedSide = [actors.actor1, actors.actor2].some((x) => x && isArmed(x.inter) && x.kind !== 'government' && x.kind !== 'population');
  const triggers = frames.flatMap((f) => f.triggers).filter((t) => !t.armedSide || armedSide);
  const tactics: Classification['tactics'] = [];
  const seenTactic = new Set<string>();
  for (const t of triggers) if (t.tactic && !seenTactic.has(t.tactic)) {
    seenTactic.add(t.tactic);
    tactics.push({ tactic: t.tactic, trigger: t });
  }
  const index = new TriggerIndex(triggers);
  // (Split in parts: V8 compiles small functions sooner and cheaper.)
  return classifyCrowd(text, index, frames, actors, killed, tactics) ?? classifyViolence(text, index, frames, actors, killed, tactics);
}

/**
 * The event's first sentence tells violence on people (a shooting, a killing, an abduction) with no
 * crowd, demonstration or riot in it, and a demonstration comes only in later sentences ("two
 * reporters were shot in Soyapango ... supporting the journalists' protest"): the report's event is
 * the violence; the protest is a reaction to it, another event.
 */
function violenceLedBeforeCrowd(frames: Frame[], protestWords: readonly TriggerMention[]): boolean {
  const lead = frames[0]!;
  if (protestWords.length === 0 || protestWords.some((t) => lead.triggers.includes(t))) return false;
  if (lead.participants.some((p) => isCrowd(p.mention) || p.mention.actorId === 'protesters')) return false;
  if (lead.triggers.some((t) => t.cls === 'riot' || t.cls === 'riot-conduct' || t.cls === 'mob' || t.cls.startsWith('protest'))) return false;
  return lead.triggers.some((t) => !t.background && ((t.cls === 'violence' && (KILL_WORDS.test(t.text) || HARM_WORDS.test(t.text))) || t.eventType === 'Violence against civilians'));
}

/** Crowds: demonstrations and riots (null when the event is no crowd's). */
function classifyCrowd(text: string, index: TriggerIndex, frames: Frame[], actors: EventActors, killed: number, tactics: Classification['tactics']): Classification | null {
  const of = (cls: string) => index.of(cls);
  const a1 = actors.actor1;
  const a2 = actors.actor2;
  const protestWords = [...of('protest'), ...of('protest-cause')];
  const protests = protestWords.filter((t) => !t.background);
  // Violence amid demonstrations told as the setting ("amid the violence following protests") is a
  // crowd's, though no demonstration is reported: mob violence.
  const protestSetting = protestWords.length > protests.length;
  const riots = of('riot');
  const destruction = index.has('Looting/property destruction');
  // A crowd's damage needs the crowd to act: people an armed side is told acting on ("gunmen killed
  // seven people and burned the village") are its victims, not a crowd.
  // (Armed organisations: a named group or the army. Unnamed "assailants" who vandalise may be a mob.)
  const armedAgent = [a1, a2].some((x) => x && ((x.kind === undefined && x.inter >= 2 && x.inter <= 4) || x.kind === 'military') && (x.agentMentions ?? 0) > 0);
  const crowdActs = !armedAgent || [a1, a2].some((x) => isCrowd(x) && (x!.agentMentions ?? 0) > 0);
  const crowdEvent =
    protests.length > 0 ||
    riots.length > 0 ||
    (of('riot-conduct').some((t) => !damageOfToldEvent(text, t)) && (isCrowd(a1) || isCrowd(a2)) && crowdActs) ||
    // Police dispersing a crowd ("tear gas to disperse protesters") reports the demonstration too.
    ((index.has('protest-intervention') || index.has('protest-excessive')) && (isProtesters(a1) || isProtesters(a2))) ||
    // Forces dispersing a gathering ("police fired tear gas to disperse supporters") report it too,
    // when nothing else is told of it (a clash or an attack they broke up is that event).
    (index.has('protest-intervention') && (isCrowd(a1) || isCrowd(a2)) && (a1?.inter === 1 || a2?.inter === 1) && !index.has('clash') && !index.has('violence') && !index.has('riot-conduct') && !index.has('mob')) ||
    // "protesters ... property was vandalised": damage beside a crowd is the crowd's.
    (destruction && (isProtesters(a1) || isProtesters(a2) || a1?.inter === 5)) ||
    index.has('mob') ||
    (protestSetting && (index.has('riot-conduct') || destruction));
  if (!crowdEvent) return null;
  // An armed organisation that alone acts ("FARC members blew up a pylon and burned three vehicles
  // to protest the murder of a candidate"): a protest or a demand is the aim of its attack, and no
  // crowd is told: no demonstration, no riot (codebook 2.3: a riot needs a crowd acting).
  // (Where its attack is told as one: damage alone stays as it was.)
  const armedGroupActs = [a1, a2].some((x) => x && x.kind === undefined && x.inter >= 2 && x.inter <= 4 && (x.agentMentions ?? 0) > 0);
  const forcesAct = [a1, a2].some((x) => x && (x.inter === 1 || x.inter === 8) && (x.agentMentions ?? 0) > 0);
  if (armedGroupActs && !forcesAct && !crowdActs && riots.length === 0 && !index.has('mob') && ![a1, a2].some((x) => isCrowd(x) || isProtesters(x))) {
    const attack = classifyViolence(text, index, frames, actors, killed, tactics);
    if (attack) return attack;
  }
  if (violenceLedBeforeCrowd(frames, protestWords)) return null;
  // Damage and hurt beside a device that went off, with no demonstration, riot or fight told ("a bomb
  // exploded ..., four people were injured, the building was destroyed"), are the explosion's, not a crowd's.
  if (explosionAlone(text, index, protestWords, actors)) return null;
  const armedNonState = [a1, a2].some((x) => x && x.inter >= 2 && x.inter <= 4);
  if (armedNonState && (index.has('clash') || index.fixed('Explosions/Remote violence').length > 0) && protests.length === 0) return null;
  // Destroying property during a demonstration is the demonstrators' violence.
  // ("Transport was disrupted by the demonstration": an inconvenience it caused, not violence.)
  const riot = [...of('riot-conduct'), ...of('Looting/property destruction')].filter((t) => !(DISRUPT.test(t.text) && ROUTINE_DISRUPTED.test(text.slice(Math.max(0, t.start - 60), t.start))));
  const mob = of('mob');
  if (protests.length === 0 && mob.length > 0) return result('Mob violence', mob, tactics);
  // Crowd violence with a shared cause (a demonstration, a riot) is a violent demonstration;
  // without one it is mob violence (codebook 2.3).
  const clashes = of('clash');
  const demonstrating = protests.length > 0 || isProtesters(a1) || isProtesters(a2);
  // A demonstration told to have stayed peaceful is judged by that (codebook: the demonstrators'
  // own conduct), not by a clash or a disruption also mentioned, unless it turned violent.
  const peaceful = protests.length > 0 && riots.length === 0 && frames.some((f) => PEACEFUL_CONDUCT.test(text.slice(f.span.start, f.span.end))) && ![...riot, ...clashes].some((t) => TURNED_VIOLENT.test(t.text));
  if (!peaceful && (riots.length > 0 || (demonstrating && (riot.length > 0 || clashes.length > 0)))) return result('Violent demonstration', [...riots, ...riot, ...clashes], tactics);
  if (!peaceful && riot.length > 0) return result(demonstrativeDamage(text, frames, index, killed) ? 'Violent demonstration' : 'Mob violence', riot, tactics);
  const excessive = of('protest-excessive');
  // (Deaths a protest is about, "protested over the killing of a trader", are not its dead.)
  // (Nor those of an attack it is about, told with its toll: "to protest a dynamite attack ... that left 10 dead".)
  const aboutDeaths = killed > 0 && frames.some((f) => {
    if (!f.triggers.some((t) => t.cls === 'protest')) return false;
    const sentence = text.slice(f.span.start, f.span.end);
    return PROTEST_ABOUT_DEATH.test(sentence) || PROTEST_ABOUT_ATTACK_TOLL.test(sentence);
  });
  if (excessive.length > 0 || (killed > 0 && protests.length > 0 && !aboutDeaths)) return result('Excessive force against protesters', [...excessive, ...protests], tactics);
  // Forces using violence on a demonstration ("police shot at protesters") intervene in it.
  const stateForce = protests.length > 0 ? forcesActingOnCrowd(frames, text) : [];
  const intervention = [...of('protest-intervention'), ...index.fixed('Strategic developments').filter((t) => t.cls === 'Arrests'), ...stateForce];
  if (intervention.length > 0) return result('Protest with intervention', [...intervention, ...protests], tactics);
  if (protests.length > 0) return result('Peaceful protest', protests, tactics);
  return null;
}

/** Fighting, attacks, explosions and the strategic developments. */
function classifyViolence(text: string, index: TriggerIndex, frames: Frame[], actors: EventActors, killed: number, tactics: Classification['tactics']): Classification | null {
  const of = (cls: string) => index.of(cls);
  const triggers = index.all;
  const a1 = actors.actor1;
  const a2 = actors.actor2;
  const explosive = index.fixed('Explosions/Remote violence');
  const explosiveSentences = new Set(frames.filter((f) => f.triggers.some((t) => t.eventType === 'Explosions/Remote violence')).map((f) => f.sentence));
  // Fire on an enemy's positions is a battle's unless the sentence names the remote weapon fired
  // ("fired 82mm mortars at the positions of"): then it is shelling (ACLED's coding of front lines).
  // (Direct fire that falls on victims, "killed a civilian using small arms fire", is the attack's weapon.)
  const clashes = of('clash').filter((t) => !(t.tactic === SMALL_ARMS && isVictims(a2))).filter((t) => t.tactic !== FIRE_ON_POSITIONS || !frames.some((f) => f.triggers.includes(t) && f.triggers.some((x) => x.eventType === 'Explosions/Remote violence' && x.cls !== 'Remote explosive/landmine/IED')));
  // Direct fire or fire both ways ("small arms", "in both directions of the frontline") is fighting
  // between armed sides, though the note names neither.
  const gunfight = clashes.some((t) => t.tactic === SMALL_ARMS || t.tactic === EXCHANGE_OF_FIRE);
  const violence = of('violence');
  const assaults = violence.filter((t) => !KILL_WORDS.test(t.text) && !HARM_WORDS.test(t.text));
  // (An attack named again with a determiner, "claimed responsibility for the attack", is the
  // bombing already told, not a ground assault of its own; so is a general word for an attack in a
  // sentence that names no state force, where the event tells no fighting: "the buildings that were
  // attacked" after "six bombings", "a terrorist attack against the newspaper" before "a truck bomb
  // exploded". A battle needs two armed sides: codebook 2.3.)
  const fighting = of('clash').length > 0;
  const restated = (f: Frame, t: TriggerMention) => explosive.length > 0 && !fighting && RESTATED_ATTACK.test(t.text) && !f.participants.some((p) => p.mention.inter === 1 && !p.reporter);
  const groundAssaults = frames.filter((f) => !explosiveSentences.has(f.sentence)).flatMap((f) => f.triggers.filter((t) => t.cls === 'violence' && !KILL_WORDS.test(t.text) && !HARM_WORDS.test(t.text) && !(explosive.length > 0 && ANAPHORIC_BEFORE.test(text.slice(Math.max(0, t.start - 8), t.start))) && !restated(f, t)));
  const protests = [...of('protest'), ...of('protest-cause')].filter((t) => !t.background);

  // Violence by a party's supporters, villagers or workers outside a demonstration is mob violence.
  // (Herders, pastoralists and clans that clash fight as communities: see the clash rules below.)
  const communalFight = clashes.length > 0 && (isCommunalPeople(a1) || isCommunalPeople(a2));
  if (actors.crowdAgent && !communalFight && !explosionAlone(text, index, protests, actors) && (violence.length > 0 || clashes.length > 0 || of('riot-conduct').length > 0)) {
    return result(protests.length > 0 || demonstrativeDamage(text, frames, index, killed) ? 'Violent demonstration' : 'Mob violence', [...clashes, ...violence, ...of('riot-conduct')], tactics);
  }

  // Armed men raiding or killing members of an ethnic group: the group's people are victims, not a
  // militia in a battle (ACLED codes them as civilians with their identity as associated actor).
  // (Forces of the state attacking a militia, or anyone attacking "raiders", fight a battle.)
  if (clashes.length === 0 && violence.length > 0 && isArmed(a1?.inter) && a1?.inter !== 1 && a2?.inter === 4 && a2.kind === 'communal' && !a2.mentions.some((m) => COMBATANT_WORDS.test(m.text))) {
    return result('Attack', violence, tactics);
  }

  const territory = triggers.filter((t) => t.cls === 'Government regains territory' || t.cls === 'Non-state actor overtakes territory');
  // (The government as an authority, "authorities believe ...", is no side that fights.)
  const armedSide = (x: EventActors['actor1']) => isArmed(x?.inter) && x?.kind !== 'government';
  // (Forces told only in sentences of no violence, "police later launched an operation", did not fight.)
  const twoArmedSides = armedSide(a1) && armedSide(a2) && (a2!.inter !== 1 || a1!.inter === 1 || inFight(frames, a2!));
  const ground = clashes.length > 0 || groundAssaults.length > 0;
  if (territory.length > 0 && (ground || twoArmedSides)) {
    const actorIsState = a1?.inter === 1;
    return result(actorIsState ? 'Government regains territory' : 'Non-state actor overtakes territory', territory, tactics);
  }
  // Forces that only broke up a fight ("two factions clashed ... Police broke up the groups") are no
  // side of it: sides told neither armed nor communities, with nobody killed, riot (see below).
  if (clashes.length > 0 && a1?.inter === 1 && !a2 && killed === 0 && index.has('protest-intervention')) {
    const clashFrames = frames.filter((f) => f.triggers.some((t) => t.cls === 'clash'));
    const inClash = a1.mentions.some((m) => clashFrames.some((f) => m.start >= f.span.start && m.end <= f.span.end));
    if (!inClash && !clashFrames.some((f) => ARMED_FIGHT.test(text.slice(f.span.start, f.span.end)))) return result('Mob violence', clashes, tactics);
  }
  // A murder or an assassination told with no fighting and no explosive, of someone other than the
  // state's forces, is one-sided (codebook 2.3), though an armed group and the army are both named
  // ("the army condemned the murder of the rector by guerrillas", "halt all offensive operations").
  const murders = violence.filter((t) => !t.background && ONE_SIDED_KILLING.test(t.text));
  // So is a murder its event's first sentence tells alone, when fighting or a device comes only in
  // later sentences ("the armed forces condemn the murder of the rector ... The armed forces have
  // repelled the invaders"): the report's event is the murder, the rest another incident or background.
  // (A killing by gun or blade told there, "two missionaries were shot to death", is as one-sided,
  // unless state forces did it: "police shot dead a wanted militant ... he engaged them in a shootout"
  // is the fight's end.)
  const lead = frames[0]!;
  const forcesKill = lead.participants.some((p) => p.agent && !p.reporter && p.mention.inter === 1);
  const leadKillings = lead.triggers.some((t) => t.cls === 'clash' || t.eventType === 'Explosions/Remote violence')
    ? []
    : lead.triggers.filter((t) => t.cls === 'violence' && !t.background && (murders.includes(t) || (!forcesKill && KILLING_WITHOUT_DEVICE.test(t.text))));
  const oneSided = clashes.length === 0 && explosive.length === 0 ? murders : leadKillings;
  if (oneSided.length > 0 && !forcesMurdered(text, frames, oneSided, actors)) {
    return result('Attack', oneSided, tactics);
  }
  // (An armed side clashing with a crowd, "police clash with demonstrators", is a riot: below.)
  // (A bombing told with the army and the police of one state as its only sides, "police raided the
  // area to arrest those responsible for the attack", is no battle between them: the state's forces
  // are one side, and the other is not told fighting.)
  const oneStateOnly = explosive.length > 0 && clashes.length === 0 && sameStateForces(a1, a2);
  if (ground && !oneStateOnly && (twoArmedSides || (isArmed(a1?.inter) && !isVictims(a2) && !isCrowd(a2) && clashes.length > 0))) return result('Armed clash', [...clashes, ...groundAssaults], tactics);
  if (gunfight && !isCrowd(a1) && !isCrowd(a2) && !isVictims(a2) && !actors.crowdAgent) return result('Armed clash', clashes, tactics);
  // An explosive defused, found before it went off, or that failed to explode, with nobody hurt,
  // is a Disrupted weapons use (codebook 2.3), not an explosion.
  if (explosive.length > 0 && killed === 0) {
    const disrupted = index.fixed('Strategic developments').filter((t) => t.subEventType === 'Disrupted weapons use');
    const hurt = frames.some((f) => f.figures.some((x) => x.kind === 'injured' || x.kind === 'killed')) || violence.some((t) => KILL_WORDS.test(t.text) || HARM_WORDS.test(t.text));
    // (A sentence that tells the device went off, and nothing of its being found or failing, outweighs
    // such words told of it elsewhere: "The bomb, which exploded and caused property damage, ... The
    // bomb squad discovered that the bomb was made of 50 grams of an-fo".)
    const wentOff = frames.some((f) => explosiveSentences.has(f.sentence) && DEVICE_WENT_OFF.test(text.slice(f.span.start, f.span.end)) && !DEVICE_DISRUPTED.test(text.slice(f.span.start, f.span.end)));
    const device = !wentOff && frames.some((f) => explosiveSentences.has(f.sentence) && DEVICE_DISRUPTED.test(text.slice(f.span.start, f.span.end)));
    if (!hurt && (disrupted.length > 0 || device)) return result('Disrupted weapons use', disrupted.length > 0 ? disrupted : explosive, tactics);
  }
  if (explosive.length > 0) return result(explosive[0]!.subEventType, explosive, tactics);
  // Forces told only as the target of violence, by someone the text names as no armed side ("a man
  // attacked a police officer", "officers were shot by a man"), fought a battle (codebook 2.3).
  if (violence.length > 0 && clashes.length === 0 && explosive.length === 0 && !actors.crowdAgent && forcesTargeted(text, frames, a1) && (!a2 || (a2.inter === 7 && (a2.agentMentions ?? 0) > 0)) && index.fixed('Violence against civilians').length === 0) {
    return result('Armed clash', violence, tactics);
  }
  // Forces on duty attacked by someone the text does not name ("a police officer was shot dead"):
  // an attack on an armed side is a battle (codebook 2.3); the attackers are coded unidentified.
  if (violence.length > 0 && a1 && (a1.inter === 1 || a1.inter === 8) && !a2 && (a1.agentMentions ?? 0) === 0 && explosive.length === 0) {
    return result('Armed clash', violence, tactics);
  }
  const vac = index.fixed('Violence against civilians');
  if (vac.length > 0 && (!twoArmedSides || isVictims(a2))) {
    // An abduction in which the victim is killed or hurt is an Attack (codebook 2.3).
    if (vac[0]!.subEventType === 'Abduction/forced disappearance' && (killed > 0 || violence.some((t) => KILL_WORDS.test(t.text) || HARM_WORDS.test(t.text)))) {
      return result('Attack', [...violence, ...vac], tactics);
    }
    return result(vac[0]!.subEventType, vac, tactics);
  }
  // Clashes need two sides: fighting between unnamed sides is still an armed clash, unless crowds fight.
  if (clashes.length > 0 && (!isVictims(a2) || isArmed(a1?.inter))) {
    // Crowds fighting police or each other riot; with an armed group, or as communities, they battle.
    const armedGroup = [a1, a2].some((x) => x && x.inter >= 2 && x.inter <= 4 && x.kind !== 'population');
    const communal = isCommunalPeople(a1) || isCommunalPeople(a2) || clashes.some((t) => COMMUNAL_CLASH.test(t.text)) || communalFightTold(text, frames);
    // (Demonstrators who clash make a violent demonstration though no protest word is told.)
    const demonstrating = protests.length > 0 || isProtesters(a1) || isProtesters(a2);
    // (Sides the text does not name that fight with nobody killed, "two groups clashed over a
    // plot", "clashes broke out at the market", are crowds too, unless told armed or raiding.)
    const unarmedBrawl = killed === 0 && !gunfight && !frames.some((f) => ARMED_FIGHT.test(text.slice(f.span.start, f.span.end)));
    if (!armedGroup && !communal && (isCrowd(a1) || isCrowd(a2) || unarmedBrawl)) return result(demonstrating ? 'Violent demonstration' : 'Mob violence', clashes, tactics);
    return result('Armed clash', clashes, tactics);
  }
  if (violence.length > 0 || clashes.length > 0) {
    if (a1 && (a1.inter === 5 || a1.inter === 6)) return result('Mob violence', violence, tactics);
    if (twoArmedSides && !isVictims(a2)) return result('Armed clash', [...clashes, ...violence], tactics);
    if (isVictims(a2) || !a2 || killed > 0 || assaults.length > 0) return result(isVictims(a2) || !twoArmedSides ? 'Attack' : 'Armed clash', [...violence, ...clashes], tactics);
  }
  // Forces told using force on people who are no crowd ("the troopers baton charged traders for not
  // wearing masks", "gendarmes used violence to break up a party meeting"): violence against civilians
  // (codebook 2.3); on a crowd it is an intervention, decided above.
  const force = of('protest-intervention').filter((t) => FORCE_ON_PEOPLE.test(t.text));
  if (force.length > 0 && a1?.inter === 1 && (a1.agentMentions ?? 0) > 0 && (!a2 || a2.inter === 7)) return result('Attack', force, tactics);
  // An armed group told handing out food or aid ("cartel members delivered food packages"): a change
  // to its activity (codebook 2.2); anyone else's aid is no event.
  if (of('group-aid').length > 0 && a1 && a1.inter >= 2 && a1.inter <= 4 && a1.kind !== 'population' && (a1.agentMentions ?? 0) > 0) return result('Change to group/activity', of('group-aid'), tactics);
  // An armed side occupying territory with no fight told ("armed men occupied the Kouki locality"):
  // a non-violent transfer of territory (codebook 2.3); anyone else's occupying is no event.
  if (of('occupation').length > 0 && isArmed(a1?.inter) && a1!.kind !== 'government' && (a1!.agentMentions ?? 0) > 0) return result('Non-violent transfer of territory', of('occupation'), tactics);
  const strategic = index.fixed('Strategic developments');
  if (strategic.length > 0) return result(strategic[0]!.subEventType, strategic, tactics);
  // An armed group blocking a road or closing schools with no crowd told ("members of HTS blocked the
  // road in front of a Turkish column"): its non-violent activity (codebook 2.3, Other); anyone else's
  // blocking is no event.
  if (of('blockade').length > 0 && a1 && a1.inter >= 2 && a1.inter <= 4 && a1.kind !== 'population' && (a1.agentMentions ?? 0) > 0) return result('Other', of('blockade'), tactics);
  // A named armed group destroying property with no one attacked ("Al Shabaab militants destroyed
  // a mast"): no crowd's riot but a property destruction (codebook 2.3, Strategic developments).
  // (Unnamed "assailants" who vandalise may be a crowd: left alone; unnamed "arsonists" are named by
  // the destruction itself, and unnamed "guerrillas" or "rebels" as insurgents: no crowd's.)
  const unnamedCrowdLike = a1?.key === 'unidentified-armed-group' && !a1.mentions.some((m) => DESTROYER_NAME.test(m.text) || INSURGENT_NAME.test(m.text));
  // (So are a state's forces told destroying it themselves, "the army burned motorbikes", "soldiers
  // destroyed an airstrip": no crowd's riot either.)
  const forcesDestroy = a1?.inter === 1 && (a1.agentMentions ?? 0) > 0;
  if (isArmed(a1?.inter) && (a1!.inter !== 1 || forcesDestroy) && a1!.kind !== 'government' && !unnamedCrowdLike && index.has('riot-conduct')) return result('Looting/property destruction', of('riot-conduct'), tactics);
  const best = [...triggers].sort(byRank)[0];
  if (best && best.eventType) return result(best.subEventType, [best], tactics);
  // Only words that need a crowd or a victim to mean anything ("burned", "calling for"): no event.
  return null;
}

