// Event triggers: lexicon phrases for ACLED's sub-event types, flagged irrealis when negated,
// threatened, planned or announced rather than reported as having happened.
import { eventTypeOf, rankOf } from '../../common/acled-types.js';
import { CROWD_OUTCOME, lowerAt, tokenIndexAt, type Doc, type PipelineComponent, type Token } from '../../common/doc.js';
import { PhraseMatcher } from '../../common/phrase-matcher.js';
import { WordSet } from '../../common/word-set.js';
import lexicon from './data/triggers.json' with { type: 'json' };
import { inflections } from './inflection.js';
import irrealisLexicon from './data/irrealis.json' with { type: 'json' };
import functionWords from './data/function-words.json' with { type: 'json' };
import calendarWords from './data/calendar-words.json' with { type: 'json' };
import { NUMBER_WORDS, VAGUE_NUMBER_WORDS } from './quantities.js';

interface TriggerEntry {
  cls: string;
  tactic?: string;
  armedSide?: boolean;
  suffered?: boolean;
}

/** Ranks for the classes whose sub-event type is decided at assembly, to order triggers in a sentence. */
const CLASS_RANK: Record<string, number> = {
  clash: 98,
  violence: 79,
  mob: 69,
  'riot-conduct': 70,
  'protest-excessive': 62,
  'protest-intervention': 61,
  protest: 60,
  note: 1,
  'protest-cause': 1,
  'crowd-act': 1,
  remains: 1,
  seizure: 1,
  'group-aid': 1,
  occupation: 1,
  blockade: 1,
};

const matcher = new PhraseMatcher<TriggerEntry>();
// Verbs first, in all their regular forms; the phrase lists then override (irregular forms,
// nouns, and a more specific class for the same words).
for (const [cls, verbs] of Object.entries(lexicon.verbs)) {
  if (!Array.isArray(verbs)) continue;
  for (const verb of verbs) for (const form of inflections(verb)) matcher.add(form, { cls });
}
for (const group of lexicon.triggers as { class: string; tactic?: string; armedSide?: boolean; suffered?: boolean; phrases: string[] }[]) {
  for (const phrase of group.phrases) matcher.add(phrase, { cls: group.class, tactic: group.tactic, armedSide: group.armedSide, suffered: group.suffered });
}
// Seizing verbs: an event only by what they take (see resolveSeizures).
for (const verb of lexicon.seizure.verbs) matcher.add(verb, { cls: 'seizure' });
const irrealisCues = new PhraseMatcher<true>();
for (const cue of irrealisLexicon.before) irrealisCues.add(cue, true);
const farIrrealisCues = new PhraseMatcher<true>();
for (const cue of irrealisLexicon.farBefore) farIrrealisCues.add(cue, true);

const CLAUSE_BREAK = new Set([',', ';', ':', '(', ')', '—', '–', 'but', 'while', 'whereas', 'after', 'before', 'when', 'as']);
const IRREALIS_WINDOW = 5;
/** After "and", words that open a new clause of the same subject ("... and were met by police"). */
const CLAUSE_AFTER_AND = new Set<string>(irrealisLexicon.clauseAfterAnd);
/** "and" opening a new clause of the same subject ("and were met by police"). */
function andNewClause(tokens: Token[], k: number): boolean {
  return tokens[k]!.lower === 'and' && CLAUSE_AFTER_AND.has(lowerAt(tokens, k + 1));
}

/**
 * A capitalised word after another word of its sentence: part of a name, not a verb or modal
 * ("the Ministry of Urban Planning"). (Not in text written in capitals, where every word is.)
 */
function insideName(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  const prev = tokens[k - 1];
  if (!prev || prev.sentence !== t.sentence || prev.kind !== 'word') return false;
  return t.text !== t.text.toUpperCase() && prev.text !== prev.text.toUpperCase();
}

const IDEAS_SUCH_AS = new Set<string>(irrealisLexicon.ideasSuchAs);

const COORDINATED_VERB = irrealisLexicon.coordinatedVerb;
const COORDINATED_MODALS = new Set<string>(COORDINATED_VERB.modals);

/** The most words of an irrealis cue: a cue is in reach when its last word is, however long it is ("in the event of a US-led strike"). */
const LONGEST_IRREALIS_CUE = Math.max(...irrealisLexicon.before.map((cue) => cue.split(' ').length));

function isIrrealis(tokens: Token[], first: number): boolean {
  const sentence = tokens[first]!.sentence;
  for (let k = first - 1; k >= 0 && k >= first - IRREALIS_WINDOW - (LONGEST_IRREALIS_CUE - 1); k--) {
    const t = tokens[k]!;
    // "such suggestions as assassinating him", "options such as bombing": examples of what was proposed.
    if (t.lower === 'as' && k >= first - IRREALIS_WINDOW && k > 0 && tokens[k - 1]!.sentence === sentence && (IDEAS_SUCH_AS.has(tokens[k - 1]!.lower) || (tokens[k - 1]!.lower === 'such' && k > 1 && IDEAS_SUCH_AS.has(tokens[k - 2]!.lower)))) return true;
    if (t.sentence !== sentence || CLAUSE_BREAK.has(t.lower) || andNewClause(tokens, k)) break;
    // "May" the month is no modal verb, nor is a cue word inside a name ("the Ministry of Urban Planning").
    if (t.upper && (t.lower === 'may' || insideName(tokens, k))) continue;
    const m = irrealisCues.matchAt(tokens, k);
    if (m && m.endToken <= first && m.endToken > first - IRREALIS_WINDOW) return true;
  }
  // Intent and deliberation reach the whole clause ("planning to merge ... and take control"); so does
  // a modal, to a verb coordinated with its own ("would shoot down missiles and attack the platforms").
  const coordinated = COORDINATED_VERB.coordinators.includes(lowerAt(tokens, first - 1));
  for (let k = first - 1; k >= 0 && k >= first - irrealisLexicon.farWindow; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || CLAUSE_BREAK.has(t.lower) || andNewClause(tokens, k)) break;
    if (t.upper && (t.lower === 'may' || insideName(tokens, k))) continue;
    if (coordinated && COORDINATED_MODALS.has(t.lower)) return true;
    const m = farIrrealisCues.matchAt(tokens, k);
    if (m && m.endToken <= first) return true;
  }
  return false;
}

const GERUND_IDEA = irrealisLexicon.gerundIdea;
const gerundIdeaCues = new PhraseMatcher<boolean>();
const BEFORE_EVENT_NOUN_ONLY = new Set<string>(GERUND_IDEA.onlyBeforeEventNoun);
for (const cue of GERUND_IDEA.prepositions) gerundIdeaCues.add(cue, !BEFORE_EVENT_NOUN_ONLY.has(cue));
const GERUND_COORDINATORS = new Set<string>(GERUND_IDEA.coordinators);
const GERUND_NOMINAL_AFTER = new Set<string>(GERUND_IDEA.nominalAfter);
const PROGRESSIVE_ENDING = functionWords.progressiveEnding;

function isGerund(tokens: Token[], k: number, sentence: number): boolean {
  const t = tokens[k];
  return t !== undefined && t.sentence === sentence && t.kind === 'word' && t.lower.length > PROGRESSIVE_ENDING.length + 2 && t.lower.endsWith(PROGRESSIVE_ENDING) && !GERUND_NOMINAL_AFTER.has(lowerAt(tokens, k + 1));
}

/**
 * A preposition of topic, advice or comparison ending right before token `g`; `eventWord` when the
 * gerund is the event word itself, which some prepositions do not take ("against protesting students").
 */
function ideaPrepositionBefore(tokens: Token[], g: number, eventWord: boolean): boolean {
  for (let k = g - 1; k >= 0 && k >= g - 2; k--) {
    const m = gerundIdeaCues.matchAt(tokens, k);
    if (m && m.endToken === g) return m.value || !eventWord;
  }
  return false;
}

/**
 * An event word in a gerund's phrase after a preposition of topic, advice or comparison ("tweeted
 * about firing missiles", "warned them against staging protests", "than getting bombed"), or an
 * event word in -ing joined to such a gerund by "and" ("about firing missiles and clashing with
 * Russia"): an idea, not an event.
 */
function gerundIdea(tokens: Token[], first: number): boolean {
  const sentence = tokens[first]!.sentence;
  for (let g = first; g >= 0 && g >= first - 2; g--) {
    if (g < first && (tokens[g]!.sentence !== sentence || tokens[g]!.kind !== 'word')) break;
    if (isGerund(tokens, g, sentence) && ideaPrepositionBefore(tokens, g, g === first)) return true;
  }
  if (!isGerund(tokens, first, sentence) || !GERUND_COORDINATORS.has(lowerAt(tokens, first - 1))) return false;
  for (let k = first - 2; k >= 1 && k >= first - GERUND_IDEA.window; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || CLAUSE_BREAK.has(t.lower)) break;
    if (isGerund(tokens, k, sentence) && ideaPrepositionBefore(tokens, k, false)) return true;
  }
  return false;
}

const MODAL_PASSIVE = irrealisLexicon.modalPassiveAfter;
const modalCues = new PhraseMatcher<true>();
for (const cue of MODAL_PASSIVE.modals) modalCues.add(cue, true);
const BRINGING_ABOUT = new Set<string>(MODAL_PASSIVE.participles);

/**
 * "new checkpoints would be set up", "a curfew will be imposed": a noun event word followed (one word
 * may come between) by a modal, "be" and a participle of bringing about tells what is to be done, not what was.
 */
function modalPassiveAfter(tokens: Token[], first: number, end: number): boolean {
  const word = tokens[end - 1]!.lower;
  if (/(?:ed|en|ing)$/.test(word)) return false;
  const sentence = tokens[first]!.sentence;
  for (let k = end; k <= end + 1 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || t.kind !== 'word') return false;
    const m = modalCues.matchAt(tokens, k);
    if (!m) continue;
    const be = tokens[m.endToken];
    const participle = tokens[m.endToken + 1];
    if (!be || !participle || be.lower !== 'be' || participle.sentence !== sentence) return false;
    return BRINGING_ABOUT.has(participle.lower);
  }
  return false;
}

const INDEFINITE_MODAL = irrealisLexicon.indefiniteModalSubject;
const INDEFINITE_DETERMINERS = new Set<string>(INDEFINITE_MODAL.determiners);
const SUBJECT_MODALS = new Set<string>(INDEFINITE_MODAL.modals);
const SUBJECT_STOPS = new Set<string>(INDEFINITE_MODAL.stops);

/**
 * "a major military assault on the enclave would lead to a catastrophe", "any attack on Iran could
 * trigger a war": an event noun after an indefinite determiner whose phrase is the subject of a modal
 * is a hypothetical event. The modal must come before any clause break, relative word or finite verb.
 */
function indefiniteModalSubject(tokens: Token[], first: number, end: number): boolean {
  const sentence = tokens[first]!.sentence;
  let determiner = false;
  for (let k = first - 1; k >= 0 && k >= first - 1 - INDEFINITE_MODAL.adjectiveWindow; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || t.kind !== 'word') return false;
    if (INDEFINITE_DETERMINERS.has(t.lower)) { determiner = true; break; }
    if (SUBJECT_MODALS.has(t.lower) || SUBJECT_STOPS.has(t.lower) || CLAUSE_BREAK.has(t.lower)) return false;
  }
  if (!determiner) return false;
  for (let k = end; k < tokens.length && k < end + INDEFINITE_MODAL.window; k++) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || CLAUSE_BREAK.has(t.lower) || SUBJECT_STOPS.has(t.lower)) return false;
    if (SUBJECT_MODALS.has(t.lower)) {
      if (t.upper && t.lower === 'may') return false;
      // A passive after the modal is modalPassiveAfter's to judge: "an attack will be investigated" may be one that happened.
      return !(lowerAt(tokens, k + 1) === INDEFINITE_MODAL.passiveAuxiliary && INDEFINITE_MODAL.participleEndings.some((e) => lowerAt(tokens, k + 2).endsWith(e)));
    }
    if (t.kind === 'word' && t.lower.endsWith(INDEFINITE_MODAL.finiteEnding)) return false;
  }
  return false;
}

const LONG_CAMPAIGN = irrealisLexicon.longCampaign;
const LONG_CAMPAIGN_WORDS = new Set<string>(LONG_CAMPAIGN.words);
const LONG_CAMPAIGN_NOUNS = new Set<string>(LONG_CAMPAIGN.nouns);
const LONG_CAMPAIGN_DETERMINERS = new Set<string>(LONG_CAMPAIGN.determiners);
const LONG_CAMPAIGN_AUXILIARIES = new Set<string>(LONG_CAMPAIGN.auxiliaries);
const LONG_UNITS = new Set<string>(LONG_CAMPAIGN.units.flatMap((u) => [u, `${u}s`]));

/** "four-year", "18-month", "decades-long", "long-running": a duration of months or more. */
function isLongDuration(t: Token | undefined): boolean {
  if (!t || t.kind !== 'word') return false;
  if (LONG_CAMPAIGN_WORDS.has(t.lower)) return true;
  // (A word without a hyphen is no duration: most are looked at, and none is split.)
  if (!t.lower.includes('-')) return false;
  const parts = t.lower.split('-');
  if (parts.length < 2 || parts.length > 3) return false;
  if (parts.length === 3 && !LONG_CAMPAIGN.suffixes.includes(parts[2]!)) return false;
  return (/^\d+$/.test(parts[0]!) || NUMBER_WORDS.has(parts[0]!)) && LONG_UNITS.has(parts[1]!);
}

/**
 * "the four-year battle", "after a two-month battle", "has fought a four-decade civil war": an event
 * word named with a duration of months or more is a long campaign or a war, not an event of a day.
 */
function longCampaign(tokens: Token[], first: number, end: number): boolean {
  const sentence = tokens[first]!.sentence;
  for (let k = first - 1; k >= 0 && k >= first - LONG_CAMPAIGN.window; k--) {
    const t = tokens[k]!;
    // Across a perfect auxiliary ("the four-year battle has destroyed"), not another verb ("a two-year was shot" lost the "-old" of an age).
    if (t.sentence !== sentence || t.kind !== 'word' || (SUBJECT_STOPS.has(t.lower) && !LONG_CAMPAIGN_AUXILIARIES.has(t.lower))) break;
    if (isLongDuration(t)) return true;
  }
  const determiner = tokens[end];
  if (!determiner || determiner.sentence !== sentence || !LONG_CAMPAIGN_DETERMINERS.has(determiner.lower) || !isLongDuration(tokens[end + 1])) return false;
  for (let k = end + 2; k < tokens.length && k <= end + 1 + LONG_CAMPAIGN.window; k++) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || t.kind !== 'word') return false;
    if (LONG_CAMPAIGN_NOUNS.has(t.lower)) return true;
  }
  return false;
}

const SPEAKER_ONGOING = irrealisLexicon.speakerOngoing;
const SPEAKER_PRONOUNS = new Set<string>(SPEAKER_ONGOING.pronouns);
const SPEAKER_BE = new Set<string>(SPEAKER_ONGOING.be);
const SPEAKER_CONTRACTIONS = new Set<string>(SPEAKER_ONGOING.contractions);
const straightApostrophe = (word: string) => word.replace(/\u2019/g, "'");

/** "the enemy we're fighting", "we are fighting for our land": a speaker's ongoing struggle, not an event of a day. */
function speakerOngoing(tokens: Token[], first: number): boolean {
  const t = tokens[first]!;
  if (!t.lower.endsWith(SPEAKER_ONGOING.ending)) return false;
  const prev = tokens[first - 1];
  if (!prev || prev.sentence !== t.sentence) return false;
  const p = straightApostrophe(prev.lower);
  if (SPEAKER_CONTRACTIONS.has(p)) return true;
  const subject = tokens[first - 2];
  return SPEAKER_BE.has(p) && subject !== undefined && subject.sentence === t.sentence && SPEAKER_PRONOUNS.has(straightApostrophe(subject.lower));
}

const PROVEN_IN_BATTLE = irrealisLexicon.provenInBattle;
const PROVEN_PARTICIPLES = new Set<string>(PROVEN_IN_BATTLE.participles);

/** "all tested in battle", "areas won in battle": a fight with no determiner after a participle of gaining or proving describes. */
function provenInBattle(tokens: Token[], first: number): boolean {
  const sentence = tokens[first]!.sentence;
  const preposition = tokens[first - 1];
  const participle = tokens[first - 2];
  return preposition !== undefined && participle !== undefined && preposition.sentence === sentence && participle.sentence === sentence
    && preposition.lower === PROVEN_IN_BATTLE.preposition && PROVEN_PARTICIPLES.has(participle.lower);
}

const CAMPAIGN_AGAINST = irrealisLexicon.campaignAgainst;
const CAMPAIGN_NOUNS = new Set<string>(CAMPAIGN_AGAINST.nouns);
const CAMPAIGN_TARGETS = new Set<string>(CAMPAIGN_AGAINST.targets);
const DAY_WORDS = new Set<string>([...Object.keys(calendarWords.months), ...Object.keys(calendarWords.weekdays), ...CAMPAIGN_AGAINST.dayWords]);

/** Per document, the sentences already asked whether they name a day (each is read once). */
const daySentences = new WeakMap<Token[], Map<number, boolean>>();

/** Whether the sentence of token `i` names a day (a month, a weekday, "yesterday"). */
function sentenceNamesDay(tokens: Token[], i: number): boolean {
  const sentence = tokens[i]!.sentence;
  let known = daySentences.get(tokens);
  if (!known) daySentences.set(tokens, (known = new Map()));
  const cached = known.get(sentence);
  if (cached !== undefined) return cached;
  let names = false;
  for (let k = i; !names && k >= 0 && tokens[k]!.sentence === sentence; k--) names = DAY_WORDS.has(tokens[k]!.lower);
  for (let k = i + 1; !names && k < tokens.length && tokens[k]!.sentence === sentence; k++) names = DAY_WORDS.has(tokens[k]!.lower);
  known.set(sentence, names);
  return names;
}

/** "the SDF, which led the battle against Isis": a campaign against a group or an evil, in a sentence naming no day. */
function campaignAgainst(tokens: Token[], first: number, end: number): boolean {
  if (end !== first + 1 || !CAMPAIGN_NOUNS.has(tokens[first]!.lower) || lowerAt(tokens, first - 1) !== CAMPAIGN_AGAINST.determiner || lowerAt(tokens, end) !== CAMPAIGN_AGAINST.preposition) return false;
  const target = tokens[end + 1];
  if (!target || target.sentence !== tokens[first]!.sentence || !(target.upper || CAMPAIGN_TARGETS.has(target.lower))) return false;
  return !sentenceNamesDay(tokens, first);
}

const DESCRIPTIVE = irrealisLexicon.descriptiveParticiple;
const DESCRIPTIVE_WORDS = new Set<string>(DESCRIPTIVE.words);
const DESCRIPTIVE_AFTER = new Set<string>(DESCRIPTIVE.after);
const DESCRIPTIVE_NOT_BEFORE = new Set<string>(DESCRIPTIVE.notBefore);
const DESCRIPTIVE_CIRCUMSTANCE = new Set<string>(DESCRIPTIVE.circumstance);
const DESCRIPTIVE_PEOPLE = new Set<string>(DESCRIPTIVE.people);

/**
 * "Kurdish militias fighting against Turkey", "recruits fighting for Isis", "killed fighting Islamic
 * State", "a British soldier fighting against Isis": a participle right after the people it describes (a
 * plural noun, a name or a noun for a person), its object or
 * side after it, says who they are (a reduced relative clause), not what happened.
 */
function describesWho(tokens: Token[], first: number, end: number): boolean {
  if (end !== first + 1 || !DESCRIPTIVE_WORDS.has(tokens[first]!.lower)) return false;
  const sentence = tokens[first]!.sentence;
  const prev = tokens[first - 1];
  const next = tokens[end];
  if (!prev || !next || prev.sentence !== sentence || next.sentence !== sentence || prev.kind !== 'word' || next.kind !== 'word') return false;
  if (!(DESCRIPTIVE_AFTER.has(next.lower) || (next.upper && !tokens[first]!.upper))) return false;
  if (DESCRIPTIVE_CIRCUMSTANCE.has(prev.lower)) return true;
  if (DESCRIPTIVE_NOT_BEFORE.has(prev.lower)) return false;
  if (DESCRIPTIVE_PEOPLE.has(prev.lower)) return true;
  // A plural noun, or a name (in mixed-case text): "militias", "YPG".
  const plural = prev.lower.length > 3 && prev.lower.endsWith('s') && !prev.lower.endsWith('ss');
  const name = prev.upper && prev.text !== prev.text.toUpperCase() ? false : prev.upper && prev.text.length > 1 && tokens[first]!.text !== tokens[first]!.text.toUpperCase();
  return plural || name;
}

const DESCRIBED_PLACES = new Set<string>(irrealisLexicon.describedPlaces.nouns);

/**
 * "the areas they have liberated from Isis", "Raqqa and other towns recaptured from Isis": a
 * territory word after a plural word for places, in its clause, says which places are meant, not
 * that they changed hands in the news told. ("three villages recaptured": counted places are told.)
 */
function describesPlaces(tokens: Token[], first: number): boolean {
  const sentence = tokens[first]!.sentence;
  for (let k = first - 1; k >= 0 && k >= first - irrealisLexicon.describedPlaces.window; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || t.kind === 'punct' || CLAUSE_BREAK.has(t.lower)) return false;
    if (!DESCRIBED_PLACES.has(t.lower)) continue;
    const before = tokens[k - 1];
    return !(before && before.sentence === sentence && (before.kind === 'number' || NUMBER_WORDS.has(before.lower) || VAGUE_NUMBER_WORDS.has(before.lower)));
  }
  return false;
}

const ATTRIBUTIVE = irrealisLexicon.attributiveTerritory;
const ATTRIBUTIVE_DETERMINERS = new Set<string>(ATTRIBUTIVE.determiners);
const ATTRIBUTIVE_ADVERBS = new Set<string>(ATTRIBUTIVE.adverbs);

/**
 * "the now liberated eastern city", "the recently recaptured town": a one-word territory trigger in
 * the past participle right after a determiner (adverbs of time between) is an adjective describing a place.
 */
function attributiveTerritory(tokens: Token[], first: number, end: number): boolean {
  if (end - first !== 1 || !ATTRIBUTIVE.participleEndings.some((ending) => tokens[first]!.lower.endsWith(ending))) return false;
  const sentence = tokens[first]!.sentence;
  for (let k = first - 1; k >= 0 && k >= first - 3; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || t.kind !== 'word') return false;
    if (ATTRIBUTIVE_DETERMINERS.has(t.lower)) return k < first - 1 || (tokens[end]?.sentence === sentence && tokens[end]!.kind === 'word');
    if (!ATTRIBUTIVE_ADVERBS.has(t.lower)) return false;
  }
  return false;
}

/**
 * "March" capitalised inside a sentence, or before a day or a year ("March 1st 2017: ...", "March 2017"),
 * is the month (the date stage runs later, on fewer sentences).
 */
function looksLikeMonth(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (!t.upper || t.lower !== 'march') return false;
  const prev = tokens[i - 1];
  if (prev && prev.sentence === t.sentence) return true;
  const next = tokens[i + 1];
  return !!next && next.sentence === t.sentence && /^\d{1,4}(?:st|nd|rd|th)?$/i.test(next.text);
}

const TERRITORY = new Set(['Government regains territory', 'Non-state actor overtakes territory']);
const STRIKE_VERBS = new Set<string>(lexicon.strikeTarget.verbs);
const STRIKE_TARGETS = new Set<string>(lexicon.strikeTarget.targets);
const STRIKE_NOT_A_TARGET = new Set<string>(lexicon.strikeTarget.notTargets);
const STRIKE_HARM = new Set<string>(lexicon.strikeTarget.harm);
const STRIKE_MILITARY_BEFORE = new Set<string>(lexicon.strikeTarget.militaryBefore);

/** "a military strike", "a retaliatory strike": a word of armed force right before "strike". */
function militaryStrike(tokens: Token[], first: number): boolean {
  const prev = tokens[first - 1];
  return !!prev && prev.sentence === tokens[first]!.sentence && STRIKE_MILITARY_BEFORE.has(prev.lower);
}

/**
 * "Raiders strike a village", "bandits strike Sololo area": "strike" with a target after it is an
 * attack, not a labour strike ("teachers strike over pay", "doctors strike in Nairobi"); so is a
 * strike that kills or wounds ("US-led strike kills 21 civilians": a labour strike harms no one), and
 * one named for armed force ("a military strike", "a retaliatory strike"). (Not "a US-led strike":
 * "a union-led strike", "an RMT-led strike" are labour strikes.)
 */
function strikesATarget(tokens: Token[], first: number, end: number): boolean {
  if (end !== first + 1 || !STRIKE_VERBS.has(tokens[first]!.lower)) return false;
  if (militaryStrike(tokens, first)) return true;
  const next = tokens[end];
  if (!next || next.sentence !== tokens[first]!.sentence) return false;
  if (STRIKE_TARGETS.has(next.lower) || STRIKE_HARM.has(next.lower)) return true;
  // A capitalised name and a word for a place: "strike Sololo area", "strike Kapedo village".
  return next.upper && !STRIKE_NOT_A_TARGET.has(next.lower) && STRIKE_TARGETS.has(lowerAt(tokens, end + 1));
}
const TERRITORY_NOUNS = new Set(lexicon.territoryNouns);

function takesTerritory(tokens: Token[], first: number, from: number): boolean {
  const sentence = tokens[from - 1]!.sentence;
  // "was captured by the SDF": in the passive, people are taken, not a place.
  if (/^(was|were|been|being|is|are)$/.test(lowerAt(tokens, first - 1)) || tokens[from]?.lower === 'by') return false;
  for (let k = from; k < tokens.length && k < from + 5 && tokens[k]!.sentence === sentence; k++) {
    const t = tokens[k]!;
    if (TERRITORY_NOUNS.has(t.lower) || (t.upper && t.kind === 'word')) return true;
    if (t.kind === 'punct') break;
  }
  return false;
}

export function recogniseTriggers(doc: Doc): void {
  const tokens = doc.tokens;
  const matches = matcher.findAll(tokens, 0, tokens.length, (m) => !looksLikeMonth(tokens, m.firstToken));
  for (const m of matches) {
    const first = tokens[m.firstToken]!;
    const last = tokens[m.endToken - 1]!;
    const { tactic } = m.value;
    // Territory changes hands only where a place is taken: "recaptured the town", not "recaptured prisoners".
    const cls = TERRITORY.has(m.value.cls) && !takesTerritory(tokens, m.firstToken, m.endToken) ? 'note'
      : m.value.cls === 'protest' && strikesATarget(tokens, m.firstToken, m.endToken) ? 'violence'
      : m.value.cls;
    const fixed = eventTypeOf(cls);
    const text = doc.text.slice(first.start, last.end);
    doc.triggers.push({
      start: first.start,
      end: last.end,
      text,
      cls,
      eventType: fixed,
      subEventType: fixed ? cls : '',
      tactic: tactic || undefined,
      irrealis: isIrrealis(tokens, m.firstToken) || gerundIdea(tokens, m.firstToken) || modalPassiveAfter(tokens, m.firstToken, m.endToken) || indefiniteModalSubject(tokens, m.firstToken, m.endToken) || longCampaign(tokens, m.firstToken, m.endToken) || speakerOngoing(tokens, m.firstToken) || provenInBattle(tokens, m.firstToken) || campaignAgainst(tokens, m.firstToken, m.endToken) || describesWho(tokens, m.firstToken, m.endToken) || (TERRITORY.has(cls) && (describesPlaces(tokens, m.firstToken) || attributiveTerritory(tokens, m.firstToken, m.endToken))),
      background: cls === 'protest' && protestIsBackground(tokens, m.firstToken) ? true : undefined,
      rank: fixed ? rankOf(cls) : CLASS_RANK[cls] ?? 0,
      armedSide: m.value.armedSide && cls === m.value.cls ? true : undefined,
      suffered: m.value.suffered || undefined,
    });
  }
  resolveCrowdActs(doc);
  resolveRemains(doc);
  resolveSeizures(doc);
  addViolentCrowds(doc);
  markProtestTopics(doc);
}

const remainsFound = new PhraseMatcher<true>();
for (const c of lexicon.remainsFound.phrases) remainsFound.add(c, true);
const NOT_AN_EVENT = new Set(['remains', 'crowd-act', 'protest-cause', 'note', 'seizure']);
const NOT_FOUND_DEAD = new Set<string>(lexicon.remainsFound.notAfter);

/**
 * "the body of a man was found", "the dismembered body of a woman was discovered": a body found,
 * with no other event told before it, is an attack (class violence); a body word with no finding after it
 * ("a governing body") is dropped.
 */
function resolveRemains(doc: Doc): void {
  if (!doc.triggers.some((t) => t.cls === 'remains')) return;
  // After another event told ("set ablaze the museum ... 4 charred bodies were recovered") the
  // bodies are that event's dead, not an attack of their own.
  const firstEvent = doc.triggers.find((t) => !t.irrealis && !NOT_AN_EVENT.has(t.cls));
  const tokens = doc.tokens;
  const window = lexicon.remainsFound.window;
  const kept = doc.triggers.filter((t) => {
    if (t.cls !== 'remains') return true;
    if (firstEvent && firstEvent.start < t.start) return false;
    const last = tokenIndexAt(tokens, t.end - 1);
    const sentence = tokens[last]!.sentence;
    for (let k = last + 1; k < tokens.length && k <= last + window && tokens[k]!.sentence === sentence; k++) {
      const m = remainsFound.matchAt(tokens, k);
      if (!m || NOT_FOUND_DEAD.has(lowerAt(tokens, m.endToken))) continue;
      // (Already a violence trigger: "the body was found".)
      if (doc.triggers.some((x) => x.cls === 'violence' && x.end > t.start && x.start < tokens[m.endToken - 1]!.end)) return false;
      t.cls = 'violence';
      t.rank = CLASS_RANK.violence ?? 0;
      return true;
    }
    return false;
  });
  doc.triggers.splice(0, doc.triggers.length, ...kept);
}

const SEIZED_GOODS = new Set(lexicon.seizure.goods.map((w) => w.toLowerCase()));
const SEIZED_WEAPONS = new Set(lexicon.seizure.weapons.map((w) => w.toLowerCase()));
const SEIZURE_BREAKS = new Set([';', ':', '(', '.']);

/**
 * "militants seized five motorbikes", "police seized 999 handguns": a seizing verb is looting when
 * what it takes (within the window of its clause) is goods, a disrupted weapons use when it is
 * weapons, and nothing otherwise ("seized the initiative").
 */
function resolveSeizures(doc: Doc): void {
  if (!doc.triggers.some((t) => t.cls === 'seizure')) return;
  const tokens = doc.tokens;
  const window = lexicon.seizure.window;
  const kept = doc.triggers.filter((t) => {
    if (t.cls !== 'seizure') return true;
    const last = tokenIndexAt(tokens, t.end - 1);
    const sentence = tokens[last]!.sentence;
    // ("were seized by the assailants": in the passive what was taken stands before; left alone.)
    if (tokens[last + 1]?.lower === 'by') return false;
    let cls: string | undefined;
    for (let k = last + 1; !cls && k < tokens.length && k <= last + window && tokens[k]!.sentence === sentence && !SEIZURE_BREAKS.has(tokens[k]!.text); k++) {
      const w = tokens[k]!.lower;
      if (SEIZED_WEAPONS.has(w)) cls = 'Disrupted weapons use';
      else if (SEIZED_GOODS.has(w)) cls = 'Looting/property destruction';
    }
    if (!cls) return false;
    t.cls = cls;
    t.eventType = eventTypeOf(cls);
    t.subEventType = cls;
    t.rank = rankOf(cls);
    return true;
  });
  doc.triggers.splice(0, doc.triggers.length, ...kept);
}

const crowdActCauses = new PhraseMatcher<true>();
for (const c of lexicon.crowdActCauses.phrases) crowdActCauses.add(c, true);
const CROWD_SUBJECTS = new Set(lexicon.crowdActSubjects.subjects);
const CROWD_SUBJECT_ACTS = new Set(lexicon.crowdActSubjects.acts);
const CROWD_SUBJECT_BREAKS = new Set([',', ';', ':', '(', ')', '.']);

/**
 * "protesters blocked the main road", "residents of the community blocked the roads": a crowd
 * named just before a blocking, closing or occupying act, in its clause (lexicon crowdActSubjects).
 */
function crowdBefore(tokens: Token[], first: number): boolean {
  const head = tokens[first];
  if (!head || !CROWD_SUBJECT_ACTS.has(head.lower)) return false;
  for (let k = first - 1; k >= 0 && k >= first - lexicon.crowdActSubjects.window; k--) {
    const tok = tokens[k]!;
    if (tok.sentence !== head.sentence || CROWD_SUBJECT_BREAKS.has(tok.text)) return false;
    if (CROWD_SUBJECTS.has(tok.lower)) return true;
  }
  return false;
}

const OCCUPYING = new Set<string>(lexicon.occupiedTerritory.acts);
const ARMED_BLOCKADE = new Set<string>(lexicon.armedBlockade.acts);

/** A word for territory (territoryNouns) within the window after token k, before any punctuation. */
function territoryAfter(tokens: Token[], k: number, sentence: number): boolean {
  for (let j = k; j < tokens.length && j < k + lexicon.occupiedTerritory.window && tokens[j]!.sentence === sentence; j++) {
    if (tokens[j]!.kind === 'punct') return false;
    if (TERRITORY_NOUNS.has(tokens[j]!.lower)) return true;
  }
  return false;
}

/**
 * "taxi drivers blocked the roads complaining about fares", "workers gathered in front of the
 * ministry to demand back pay": a crowd's act followed in its sentence by a demand is a
 * demonstration; without one ("police blocked the road") it reports nothing and is dropped, unless
 * it occupies territory ("armed men occupied the Kouki locality": an occupation).
 */
function resolveCrowdActs(doc: Doc): void {
  if (!doc.triggers.some((t) => t.cls === 'crowd-act')) return;
  const tokens = doc.tokens;
  const window = lexicon.crowdActCauses.window;
  const kept = doc.triggers.filter((t) => {
    if (t.cls !== 'crowd-act') return true;
    const last = tokenIndexAt(tokens, t.end - 1);
    const sentence = tokens[last]!.sentence;
    let protest = crowdBefore(tokens, tokenIndexAt(tokens, t.start));
    for (let k = last + 1; !protest && k < tokens.length && k <= last + window && tokens[k]!.sentence === sentence; k++) {
      if (crowdActCauses.matchAt(tokens, k)) protest = true;
    }
    if (!protest) {
      // "armed men occupied the Kouki locality": no crowd's act but territory taken without a fight
      // (class occupation).
      if (!OCCUPYING.has(t.text.toLowerCase()) || !territoryAfter(tokens, last + 1, sentence)) {
        // "militants closed down the schools": an armed group's blockade, if an armed group does it
        // (class blockade, decided at assembly: see extraction/classify).
        const act = t.text.toLowerCase();
        if (!ARMED_BLOCKADE.has(act) && !(tokens[last + 1]?.sentence === sentence && ARMED_BLOCKADE.has(`${act} ${tokens[last + 1]!.lower}`))) return false;
        t.cls = 'blockade';
        t.rank = CLASS_RANK.blockade ?? 0;
        return true;
      }
      // (Whose act it is decides at assembly: an armed side's, see extraction/classify.)
      t.cls = 'occupation';
      t.rank = CLASS_RANK.occupation ?? 0;
      return true;
    }
    t.cls = 'protest';
    t.rank = CLASS_RANK.protest ?? 0;
    return true;
  });
  doc.triggers.splice(0, doc.triggers.length, ...kept);
}

const violentCrowd = lexicon.violentCrowd;
const VIOLENT_WORDS = new WordSet(violentCrowd.words);
const CROWD_HEADS = new Set(violentCrowd.heads);

/**
 * Whether a riot trigger overlaps [start, end). (A function of its own, not a closure in
 * addViolentCrowds' loop: a closure over the loop's variables makes V8 allocate their scope at every
 * token, about 48 bytes each.)
 */
function overlapsRiot(triggers: Doc['triggers'], start: number, end: number): boolean {
  for (const x of triggers) if (x.start < end && start < x.end && x.cls === 'riot') return true;
  return false;
}

/**
 * "violent electoral protests", "violent residents ... protesting": a demonstration or crowd called
 * violent, with a few words between (the phrases without any are in the riot class), is a riot.
 */
function addViolentCrowds(doc: Doc): void {
  const tokens = doc.tokens;
  let added = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || !VIOLENT_WORDS.hasToken(t)) continue;
    // ("non-violent" is no violence.)
    if (i > 0 && (tokens[i - 1]!.text === '-' || tokens[i - 1]!.lower === 'non')) continue;
    let head = -1;
    for (let k = i + 1; k < tokens.length && k <= i + violentCrowd.window && tokens[k]!.sentence === t.sentence && tokens[k]!.kind === 'word'; k++) {
      if (CROWD_HEADS.has(tokens[k]!.lower)) {
        head = k;
        break;
      }
    }
    if (head < 0) continue;
    const start = t.start;
    const end = tokens[head]!.end;
    if (overlapsRiot(doc.triggers, start, end)) continue;
    doc.triggers.push({
      start,
      end,
      text: doc.text.slice(start, end),
      cls: 'riot',
      eventType: eventTypeOf('riot'),
      subEventType: '',
      tactic: undefined,
      irrealis: isIrrealis(tokens, i),
      background: undefined,
      rank: CLASS_RANK.riot ?? 0,
    });
    added = true;
  }
  if (added) doc.triggers.sort((a, b) => a.start - b.start);
}

/** How a demonstration went (forces intervened, it became a riot): never its topic. */
const CROWD_ACTIONS: ReadonlySet<string> = new Set(CROWD_OUTCOME);
const TOPIC_WINDOW = 10;
const TOPIC_BREAKS = new Set([';', ':', '—', '–']);
/** The protest itself turning violent: never its topic. */
const NEVER_TOPIC = new Set<string>(irrealisLexicon.neverProtestTopic);
const topicCues = new Set<string>(irrealisLexicon.protestTopicCues.filter((c) => !c.includes(' ')));
/** "protest against police violence by setting fire to stalls": what follows "by" is how they protested. */
const MEANS_CUES = new Set<string>(irrealisLexicon.protestMeansCues);

/**
 * "staged a protest against the mass arrest and killing of students": after a protest word and a
 * topic cue, event words in the same sentence say what the protest is about; they are not events.
 */
const protestBackground = new PhraseMatcher<true>();
for (const c of irrealisLexicon.protestBackgroundCues) protestBackground.add(c, true);
const BACKGROUND_WINDOW = 8;

/**
 * "amid the outbreak of violence following anti-government demonstrations": a protest word after
 * such a cue is the setting of the sentence's event, not a protest reported there.
 */
function protestIsBackground(tokens: Token[], first: number): boolean {
  const sentence = tokens[first]!.sentence;
  for (let k = first - 1; k >= 0 && k >= first - BACKGROUND_WINDOW && tokens[k]!.sentence === sentence && tokens[k]!.text !== ','; k--) {
    const m = protestBackground.matchAt(tokens, k);
    if (m && m.endToken <= first) return true;
  }
  return false;
}

function markProtestTopics(doc: Doc): void {
  const tokens = doc.tokens;
  let protestAt = -1;
  let protestSentence = -1;
  for (const t of doc.triggers) {
    const ti = tokenIndexAt(tokens, t.start);
    const sentence = tokens[ti]!.sentence;
    if (t.cls === 'protest' && !t.irrealis) {
      protestAt = ti;
      protestSentence = sentence;
      continue;
    }
    // What demonstrators do (clash, riot, burn, block) is their action, never the topic; nor is
    // the protest itself turning violent ("a protest against the firm turned violent").
    if (sentence !== protestSentence || CROWD_ACTIONS.has(t.cls) || NEVER_TOPIC.has(t.text.toLowerCase())) continue;
    // (Back from the word to the cue, not across a new clause: "protest over X; police arrest ...".)
    for (let k = ti - 1; k >= Math.max(protestAt + 1, ti - TOPIC_WINDOW); k--) {
      if (TOPIC_BREAKS.has(tokens[k]!.text) || MEANS_CUES.has(tokens[k]!.lower) || clauseBreak(tokens, k)) break;
      if (topicCues.has(tokens[k]!.lower)) {
        t.irrealis = true;
        break;
      }
    }
  }
}

/**
 * Between a protest's topic and a later event word, a new clause of the crowd's own: a comma
 * ("protested against the results, burning tyres") or "and" before a past-tense verb ("protested
 * over fees and stoned a building"; not "the arrest and killing of students").
 */
function clauseBreak(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (t.text === ',') return true;
  return (t.lower === 'and' && /^[a-z]+ed$/.test(lowerAt(tokens, k + 1))) || andNewClause(tokens, k);
}

export const triggerRecogniser: PipelineComponent = { name: 'triggers', apply: recogniseTriggers };
