// Actor mentions: named groups and generic actors from the actor dictionary (data/actors.json).
import { firstStartingAfter, lowerAt, type Doc, type PipelineComponent, type Token } from '../../common/doc.js';
import { PhraseMatcher } from '../../common/phrase-matcher.js';
import { WordFilter } from '../../common/word-set.js';
import dictionary from './data/actors.json' with { type: 'json' };
import calendarWords from './data/calendar-words.json' with { type: 'json' };
import { NUMBER_WORDS } from './quantities.js';

export interface ActorEntry {
  id: string;
  /** ACLED-style name; {country} is filled at assembly. Generic actors have a kind instead. */
  name?: string;
  kind?: string;
  inter: number;
  role?: string;
  /** ISO country where a group is based. */
  home?: string;
  /**
   * How ACLED coded the group in a span of dates, where that differs from its name and inter code
   * (the RSF, a unit of Sudan's military forces until the war of April 2023): `unitOf` a kind of
   * the home country's state forces whose unit it was (named "<their name> <the group's name>").
   */
  periods?: ActorPeriod[];
}

export interface ActorPeriod {
  /** First and last day (YYYY-MM-DD, inclusive); either may be open. */
  from?: string;
  to?: string;
  unitOf?: string;
  inter: number;
}

const entries = new Map<string, ActorEntry>();
const matcher = new PhraseMatcher<ActorEntry>();
/** Aliases that match only in their exact capitalisation ("IS" but not "is"). */
const exactAliases = new Map<string, ActorEntry>();

/** Generic aliases written as acronyms ("ANA", "KDF"), lower-cased: they name forces only in capitals. */
const genericAcronyms = new Set<string>();
for (const a of dictionary.generic as { id: string; kind: string; inter: number; aliases: string[] }[]) {
  const entry: ActorEntry = { id: a.id, kind: a.kind, inter: a.inter };
  entries.set(a.id, entry);
  for (const alias of a.aliases) {
    matcher.add(alias, entry);
    if (alias.length > 1 && !alias.includes(' ') && alias === alias.toUpperCase() && alias !== alias.toLowerCase()) genericAcronyms.add(alias.toLowerCase());
  }
}
for (const a of dictionary.actors as { id: string; name: string; inter: number; role?: string; home?: string; aliases: string[]; exact?: string[]; periods?: ActorPeriod[] }[]) {
  const entry: ActorEntry = { id: a.id, name: a.name, inter: a.inter, role: a.role, home: a.home, periods: a.periods };
  entries.set(a.id, entry);
  for (const alias of a.aliases) matcher.add(alias, entry);
  for (const alias of a.exact ?? []) exactAliases.set(alias, entry);
}

/** First characters of the exact aliases (UTF-16 code units): most tokens cannot be one, and skip the look-up. */
const exactFirstChars = new Uint8Array(0x10000);
for (const alias of exactAliases.keys()) if (alias.length > 0) exactFirstChars[alias.charCodeAt(0)] = 1;

/** "military force", "police station": the generic word modifies a noun and names no actor. */
const adjectivalBefore = new Set<string>(dictionary.adjectivalBefore);
/** A post that is the forces' only when no one else holds it (see installations in the actor data). */
const INSTALLATIONS = new Set<string>(dictionary.installations.words);
const HELD_BEFORE = new Set<string>(dictionary.installations.heldBefore);
const PLACE_BEFORE = new Set<string>(dictionary.installations.placeBefore);
const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'two', 'three', 'several', 'some', 'many']);

/**
 * The post at tokens [i, end) is someone else's ("held a checkpoint", "a fake checkpoint", "a
 * checkpoint erected by", "a QSD checkpoint") or only the scene ("killed a man at a checkpoint").
 */
function postOfOthersOrScene(doc: Doc, i: number, end: number): boolean {
  const tokens = doc.tokens;
  const sentence = tokens[i]!.sentence;
  const after = lowerAt(tokens, end);
  // ("a checkpoint erected by the Anti-Balaka", "checkpoints set up by militants")
  if (HELD_BEFORE.has(after) && (lowerAt(tokens, end + 1) === 'by' || (lowerAt(tokens, end + 1) === 'up' && lowerAt(tokens, end + 2) === 'by'))) return true;
  // ("a QSD checkpoint": an actor named right before it holds it.)
  const prior = doc.actors[doc.actors.length - 1];
  if (prior && prior.end <= tokens[i]!.start && tokens[i]!.start - prior.end <= 1) return true;
  for (let k = i - 1; k >= 0 && k >= i - dictionary.installations.window && tokens[k]!.sentence === sentence; k--) {
    if (HELD_BEFORE.has(tokens[k]!.lower)) return true;
    if (tokens[k]!.kind !== 'word' && tokens[k]!.kind !== 'number') break;
  }
  // The scene: a place word, then at most a determiner or number and one capitalised name.
  let k = i - 1;
  if (k >= 0 && tokens[k]!.sentence === sentence && tokens[k]!.upper && tokens[k]!.kind === 'word') k--;
  if (k >= 0 && tokens[k]!.sentence === sentence && (DETERMINERS.has(tokens[k]!.lower) || tokens[k]!.kind === 'number')) k--;
  return k >= 0 && tokens[k]!.sentence === sentence && PLACE_BEFORE.has(tokens[k]!.lower);
}

/** "fighters from the SDF": the generic word names members of the named actor that follows. */
const memberOf = new Set<string>(dictionary.memberOf);
const placeWordsAfter = new Set<string>(dictionary.placeWordsAfterEthnicName);
const CALENDAR_WORDS = new Set<string>([...Object.keys(calendarWords.months), ...Object.keys(calendarWords.weekdays)]);
/** "Toposa militia", "Kipsigi militiamen": a group's own name before these words makes them its militia. */
const militiaWords = new Set<string>(dictionary.militiaOfNamedGroup);

/** "Turkish forces", "Ukrainian Forces": after a nationality or a country, these words are its state forces. */
const nationalForcesWords = new Set<string>(dictionary.stateForcesAfterNationality);
/** Their filter's bits, tested inline before the Set (see WordFilter.bits): most tokens are rejected there. */
const nationalForcesBits = (() => {
  const f = new WordFilter();
  for (const w of nationalForcesWords) f.add(w);
  return f.bits;
})();

function nationalForcesAt(doc: Doc, i: number): void {
  const t = doc.tokens[i]!;
  const p = doc.places[firstStartingAfter(doc.places, t.start) - 1];
  if (!p || (!p.demonym && p.entry.feature !== 'country') || p.end > t.start || t.start - p.end > 1) return;
  const last = doc.actors[doc.actors.length - 1];
  if (last && last.end > p.start) return;
  doc.actors.push({ start: p.start, end: t.end, text: doc.text.slice(p.start, t.end), actorId: 'military', inter: 1, generic: true });
}

export function actorEntry(id: string): ActorEntry | undefined {
  return entries.get(id);
}

export function recogniseActors(doc: Doc): void {
  const tokens = doc.tokens;
  for (const [from, to] of doc.scopedTokenRanges()) for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    const exact = exactFirstChars[t.text.charCodeAt(0)] === 1 && !inCapitals(tokens, i) ? exactAliases.get(t.text) : undefined;
    const m = matcher.matchAt(tokens, i);
    if (!m && !exact) {
      const b = t.bucket;
      if ((nationalForcesBits[b >> 3]! & (1 << (b & 7))) !== 0 && nationalForcesWords.has(t.lower)) nationalForcesAt(doc, i);
      continue;
    }
    // (The match is read by a function of its own: the scan stays a small loop V8 optimises cheaply.)
    i = actorAt(doc, i, m ? m.value : exact!, m ? m.endToken : i + 1);
  }
}

/** A token written in capitals beside another in capitals: in such text "IS" is the verb, not the Islamic State. */
function inCapitals(tokens: Token[], i: number): boolean {
  return allCapsWord(tokens[i - 1]) || allCapsWord(tokens[i + 1]);
}

function allCapsWord(t: Token | undefined): boolean {
  return !!t && t.kind === 'word' && t.text.length > 1 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
}

/** Adds the actor mention the entry matched at tokens [i, endToken), unless context rules it out; returns the last token read. */
function actorAt(doc: Doc, i: number, entry: ActorEntry, endToken: number): number {
  const tokens = doc.tokens;
  const t = tokens[i]!;
  // A lower-case generic word inside a capitalised name belongs to the name ("Paris Police
  // Department" is an organisation, but still the police); named actors are case-insensitive.
  const last = tokens[endToken - 1]!;
  if (entry.kind && endToken - i === 1 && adjectivalBefore.has(lowerAt(tokens, endToken))) return i;
  // A generic acronym matches only in capitals: "Ana" of "Santa Ana" is no "ANA", the Afghan army.
  if (entry.kind && endToken - i === 1 && genericAcronyms.has(t.lower) && t.text !== t.text.toUpperCase()) return i;
  // "the son-in-law of General X, chief of the air force": forces in a relative's description are no side.
  if ((entry.kind === 'military' || entry.kind === 'police' || entry.kind === 'government') && inRelativesDescription(tokens, i)) return endToken - 1;
  if (entry.kind === 'military' && INSTALLATIONS.has(doc.text.slice(t.start, last.end).toLowerCase()) && postOfOthersOrScene(doc, i, endToken)) return endToken - 1;
  // "Samburu area", "Lake Turkana", "Marakwet East": an ethnic name that is also a place, used as one.
  if (entry.kind === 'communal' && t.upper && (placeWordsAfter.has(lowerAt(tokens, endToken)) || tokens[i - 1]?.lower === 'lake' || tokens[i - 1]?.lower === 'in' || namesRegionOfPlaceBefore(doc, i))) return i;
  // "Garre civilians", "Borana herders": an ethnic name before a word for people is who they are.
  if (entry.kind === 'communal' && t.upper && namesPeopleAt(tokens, endToken)) return i;
  // "killed 12 Sudanese Misseriya", "two Fulani": an ethnic name counted is people, not a militia.
  if (entry.kind === 'communal' && t.upper && countedAt(tokens, i)) return i;
  // "Pokot raiders", "Maasai warriors": the armed men are the ethnic group's militia; skip the generic word.
  if (entry.kind === 'communal' && t.upper) {
    const next = tokens[endToken] ? matcher.matchAt(tokens, endToken) : null;
    if (next && (next.value.kind === 'unidentified' || next.value.kind === 'communal')) {
      const lastTok = tokens[endToken - 1]!;
      doc.actors.push({ start: t.start, end: lastTok.end, text: doc.text.slice(t.start, lastTok.end), actorId: entry.id, inter: entry.inter, generic: true });
      return next.endToken - 1;
    }
  }
  if (entry.kind && memberOf.has(doc.text.slice(t.start, last.end).toLowerCase()) && namedActorFollows(tokens, endToken)) return i;
  // "Shining Path members", "10th army brigade members": the organisation named right before them,
  // one mention (not a crowd of people of its own). (Not a community's: "clan members" who burn
  // houses may be a crowd.)
  if (entry.kind === 'population' && endToken === i + 1 && membersPeople.has(t.lower)) {
    const prior = doc.actors[doc.actors.length - 1];
    if (prior && ((prior.inter >= 1 && prior.inter <= 3) || prior.inter === 8) && membersOfPrior(doc, prior, i)) {
      doc.actors[doc.actors.length - 1] = { ...prior, end: t.end, text: doc.text.slice(prior.start, t.end) };
      return i;
    }
  }
  // "armed pastoralists", "armed Fulani herders": a community's armed men are its militia.
  if (entry.kind === 'population' && armedPeopleAt(doc, i)) {
    // (The mention is the community's name where one stands between, "Fulani": its militia is named
    // after it; else the word for people.)
    const between = ARMED_PEOPLE_BEFORE.has(lowerAt(tokens, i - 1)) ? undefined : tokens[i - 1]!;
    const named = between && between.upper ? between : undefined;
    const start = named ? named.start : t.start;
    const end = named ? named.end : last.end;
    doc.actors.push({ start, end, text: doc.text.slice(start, end), actorId: 'communal-militia', inter: 4, generic: true });
    return endToken - 1;
  }
  // "Sudanese Toposa militia": a name we do not know, right before "militia", is an identity group's.
  if (entry.kind === 'unidentified' && endToken === i + 1 && militiaWords.has(t.lower) && namesUnknownGroup(doc, i - 1)) {
    const name = tokens[i - 1]!;
    doc.actors.push({ start: name.start, end: name.end, text: name.text, actorId: 'communal-militia', inter: 4, generic: true });
    return i;
  }
  // "militiamen (coded as Darfur communal militia)", "gunmen (presumed JNIM)", "two militiamen on a
  // motorbike (coded as ...)": a bracket right after an actor, or after a phrase describing it, that
  // names another says who they are; one actor, the more specific name (of two generic names of one
  // type, "security forces (presumed police)", the bracket's).
  const prior = doc.actors[doc.actors.length - 1];
  if (prior && prior.inter >= 1 && prior.inter <= 4 && SAME_IN_BRACKETS.test(doc.text.slice(prior.end, t.start))) {
    if (prior.generic && (!entry.kind || prior.actorId === 'unidentified-armed-group' || (entry.inter === prior.inter && entry.id !== prior.actorId))) doc.actors.pop();
    else return endToken - 1;
  }
  // "Darfur communal militia", "Bul clan militia": the capitalised words before a generic militia
  // word name the militia (see namedMilitia in the actor data).
  // (So does a place's or community's name before a bare "militia": "Darfur militia", "Bangui militia members".)
  const bareMilitia = entry.kind === 'unidentified' && endToken === i + 1 && militiaWords.has(t.lower);
  const named = entry.id === 'communal-militia' || bareMilitia ? militiaNameStart(doc, i, endToken) : undefined;
  if (named !== undefined) {
    doc.actors.push({ start: named, end: last.end, text: doc.text.slice(named, last.end), actorId: 'communal-militia', inter: 4, generic: true });
    return endToken - 1;
  }
  // "JNIM and/or ISGS militants": either of two named groups, one actor as ACLED names it ("A and/or B").
  const before = doc.actors[doc.actors.length - 1];
  if (!entry.kind && before && !before.generic && before.actorId !== entry.id && EITHER_OF.test(doc.text.slice(before.end, t.start))) {
    const either = eitherEntry(entries.get(before.actorId)!, entry);
    doc.actors[doc.actors.length - 1] = { start: before.start, end: last.end, text: doc.text.slice(before.start, last.end), actorId: either.id, inter: either.inter };
    return endToken - 1;
  }
  doc.actors.push({
    start: t.start,
    end: last.end,
    text: doc.text.slice(t.start, last.end),
    actorId: entry.id,
    inter: entry.inter,
    generic: entry.kind ? true : undefined,
  });
  return endToken - 1;
}

const KIN = new Set<string>(dictionary.relativeOf.kin);
const RELATIVE_CLAUSE_WORDS = new Set<string>(dictionary.relativeOf.clauseWords);

/**
 * Token i stands in the description of someone told as a relative: "<kin> of" before it in its
 * sentence, within the window, with only words (no clause word) and at most one comma between
 * ("the son-in-law of General X, chief of the air force", "the wife of an army major").
 */
function inRelativesDescription(tokens: Doc['tokens'], i: number): boolean {
  const sentence = tokens[i]!.sentence;
  let commas = 0;
  for (let k = i - 1; k >= 1 && k >= i - dictionary.relativeOf.window; k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence) return false;
    if (t.text === ',') {
      if (++commas > 1) return false;
      continue;
    }
    if (t.kind !== 'word') return false;
    if (t.lower === 'of' && KIN.has(tokens[k - 1]!.lower) && tokens[k - 1]!.sentence === sentence) return true;
    if (RELATIVE_CLAUSE_WORDS.has(t.lower)) return false;
  }
  return false;
}

const ARMED_PEOPLE_BEFORE = new Set<string>(dictionary.armedPeople.before);
const NOT_ARMED_PEOPLE = new Set<string>(dictionary.armedPeople.notPeople);

/** The word for people at token i follows "armed", right before it or with a capitalised name between that is no actor. */
function armedPeopleAt(doc: Doc, i: number): boolean {
  const tokens = doc.tokens;
  const sentence = tokens[i]!.sentence;
  if (NOT_ARMED_PEOPLE.has(tokens[i]!.lower)) return false;
  if (tokens[i - 1]?.sentence === sentence && ARMED_PEOPLE_BEFORE.has(lowerAt(tokens, i - 1))) return true;
  const between = tokens[i - 1];
  if (!between || between.kind !== 'word' || !between.upper || tokens[i - 2]?.sentence !== sentence || !ARMED_PEOPLE_BEFORE.has(lowerAt(tokens, i - 2))) return false;
  const prior = doc.actors[doc.actors.length - 1];
  return !(prior && prior.end > between.start);
}

const SAME_IN_BRACKETS = new RegExp(
  `^(?:\\s+(?:${dictionary.describedBeforeBracket.words.join('|')})\\s[^.;:,()\\[\\]]{0,50}?)?\\s*\\(\\s*(?:(?:${dictionary.sameActorInBrackets.join('|')})\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,2})?$`,
  'u',
);

const MILITIA_KINDS = dictionary.namedMilitia.kinds as Record<string, string>;

/**
 * Where a generic militia word at tokens [i, endToken) ("communal militia") named by the one or two
 * capitalised words right before it starts ("Darfur", "South Kordofan"): undefined when none does
 * (a sentence's first word, a month or weekday, or words already read as an actor or a place's bracket).
 */
function militiaNameStart(doc: Doc, i: number, endToken: number): number | undefined {
  const tokens = doc.tokens;
  if (MILITIA_KINDS[doc.text.slice(tokens[i]!.start, tokens[endToken - 1]!.end).toLowerCase()] === undefined) return undefined;
  const sentence = doc.sentences[tokens[i]!.sentence]!;
  const lastActor = doc.actors[doc.actors.length - 1];
  let start: number | undefined;
  for (let k = i - 1; k >= i - 2 && k > sentence.firstToken; k--) {
    const w = tokens[k]!;
    if (w.kind !== 'word' || !w.upper || w.text.length < 2 || CALENDAR_WORDS.has(w.lower) || (lastActor && lastActor.end > w.start)) break;
    // (A nationality, "Ethiopian militia", says where the men come from, not the militia's name.)
    const place = doc.places[firstStartingAfter(doc.places, w.start) - 1];
    if (place && place.demonym && place.start <= w.start && w.start < place.end) break;
    start = w.start;
  }
  return start;
}

/** "Darfur communal militia" -> "Darfur Communal Militia": the ACLED name of a militia named by its words (see militiaNameStart). */
export function namedMilitiaLabel(text: string): string | undefined {
  // (The kind is the last two words, "communal militia", or the bare last one, "militia".)
  for (const m of [/^(.*?)\s+(\S+\s+militias?)$/i.exec(text), /^(.*?)\s+(militias?)$/i.exec(text)]) {
    const kind = m ? MILITIA_KINDS[m[2]!.toLowerCase().replace(/\s+/g, ' ')] : undefined;
    if (m && kind) return `${m[1]} ${kind}`;
  }
  return undefined;
}

/** "Pokot Ethnic Militia (Kenya)" -> "Pokot Ethnic Group (Kenya)": ACLED's name of the community whose militia it is. */
export function communityOfMilitia(name: string): string {
  return name.replace(/ (Ethnic|Communal) Militia\b/, ' $1 Group');
}

// ("JNIM or ISGS militants": ACLED names the pair as it names "JNIM and/or ISGS".)
const EITHER_OF = /^\s*(?:and\s*\/\s*or|\/|or)\s*$/i;

/** The actor "A and/or B" (made once per pair). */
function eitherEntry(a: ActorEntry, b: ActorEntry): ActorEntry {
  const id = `${a.id}|${b.id}`;
  let e = entries.get(id);
  if (!e) {
    e = { id, name: `${a.name ?? a.id} and/or ${b.name ?? b.id}`, inter: Math.min(a.inter, b.inter), home: a.home === b.home ? a.home : undefined };
    entries.set(id, e);
  }
  return e;
}

/**
 * "in Baragoi, Samburu", "Kapkwen (Pokot)": after a capitalised name and a comma or an opening
 * bracket, an ethnic name that is also a region says where the place lies. (In a list of ethnic
 * names, "Pokot, Turkana and Samburu herders", the name before the comma is itself an actor.)
 */
function namesRegionOfPlaceBefore(doc: Doc, i: number): boolean {
  const tokens = doc.tokens;
  const sep = tokens[i - 1]?.text;
  const name = tokens[i - 2];
  if ((sep !== ',' && sep !== '(') || !name?.upper) return false;
  // ("On Monday, Turkana raiders": a day or a month before the comma is no place.)
  if (CALENDAR_WORDS.has(name.lower)) return false;
  const before = matcher.matchAt(tokens, i - 2);
  return !before || before.value.kind !== 'communal';
}

/** A capitalised word inside its sentence, right before token k + 1, that is no actor, place or people we know. */
function namesUnknownGroup(doc: Doc, k: number): boolean {
  const w = doc.tokens[k];
  const next = doc.tokens[k + 1]!;
  if (!w || !w.upper || w.kind !== 'word' || w.text.length < 3 || w.sentence !== next.sentence || !next.spaceBefore) return false;
  // (Sentence-initial words are capitalised anyway: "Armed militia attacked".)
  if (doc.sentences[w.sentence]!.firstToken === k) return false;
  const lastActor = doc.actors[doc.actors.length - 1];
  if (lastActor && lastActor.end > w.start) return false;
  // "Ethiopian militia", "Nairobi militia": a place or a nationality says where they are from, not who.
  // (Places are sorted by start: the one that could hold the word is the last starting by it.)
  const place = doc.places[firstStartingAfter(doc.places, w.start) - 1];
  return !(place && w.end <= place.end);
}

/** A number right before token i, or before one capitalised word before it ("12 Sudanese Misseriya"). */
function countedAt(tokens: Doc['tokens'], i: number): boolean {
  const sentence = tokens[i]!.sentence;
  const number = (t: Token | undefined) => !!t && t.sentence === sentence && (t.kind === 'number' || NUMBER_WORDS.has(t.lower));
  return number(tokens[i - 1]) || (!!tokens[i - 1]?.upper && number(tokens[i - 2]));
}

function namesPeopleAt(tokens: Doc['tokens'], k: number): boolean {
  const m = tokens[k] ? matcher.matchAt(tokens, k) : null;
  return !!m && (m.value.kind === 'population' || m.value.kind === 'civilians');
}

/** "fighters from (US-allied) Syrian Democratic Forces", "members of Al Shabaab" */
const membersPeople = new Set<string>(dictionary.membersOfNamedBefore.people);
const membersUnits = new Set<string>(dictionary.membersOfNamedBefore.unitsBetween);

/** The actor mention ends right before token i, or with one unit word between ("army brigade members"). */
function membersOfPrior(doc: Doc, prior: { end: number }, i: number): boolean {
  const tokens = doc.tokens;
  const t = tokens[i]!;
  if (prior.end <= t.start && t.start - prior.end <= 1) return true;
  const between = tokens[i - 1];
  return !!between && between.sentence === t.sentence && membersUnits.has(between.lower) && prior.end <= between.start && between.start - prior.end <= 1;
}

function namedActorFollows(tokens: Doc['tokens'], k: number): boolean {
  const prep = tokens[k]?.lower;
  // "gunmen linked to Al Shabaab", "militants affiliated with the Taliban", "fighters loyal to"
  const linked = (prep === 'linked' || prep === 'affiliated' || prep === 'loyal' || prep === 'belonging' || prep === 'allied') && /^(to|with)$/.test(lowerAt(tokens, k + 1));
  if (prep !== 'from' && prep !== 'of' && prep !== 'with' && !linked) return false;
  for (let j = k + 1; j < tokens.length && j <= k + 4; j++) {
    const m = matcher.matchAt(tokens, j) ?? (exactAliases.has(tokens[j]!.text) ? { value: exactAliases.get(tokens[j]!.text)! } : null);
    if (m && !m.value.kind) return true;
  }
  return false;
}

export const actorRecogniser: PipelineComponent = { name: 'actors', apply: recogniseActors };
