// Word senses: an event word needs a violent (or protest, or conflict) sense in its context, not only
// a violent form. Drops the triggers whose context gives them another sense: a cause of death that
// is no attacker (disease, disaster, accident), animals as the ones killed, a name ("Britney
// Spears", "Dick Pound"), a phrase with an everyday sense ("demonstrated a new phone", "picked up an
// injury", "a court battle"), and, in a long article about sport, entertainment, business,
// technology or health, weak event words in sentences that name no armed force, crowd or war.
// The cue words are data: data/senses.json.
import { tokenIndexAt, type Doc, type PipelineComponent, type Token, type TriggerMention } from '../../common/doc.js';
import { WordSet } from '../../common/word-set.js';
import senses from './data/senses.json' with { type: 'json' };

const CAUSES = new WordSet(senses.causes.words);
const CAUSE_LINKS = new Set(senses.causes.links);
const FIRE_BEFORE = new Set(senses.causes.fireBefore);
const SUBJECT_GAP = new Set(senses.causes.subjectGap);
const CAUSE_MODIFIERS = new Set(senses.causes.modifiers);
const PASSIVE = new Set(senses.causes.passive);
const QUANTIFIERS = new Set(senses.animals.quantifiers);
const ANIMALS = new WordSet(senses.animals.words);
const NEXT = new Map<string, Set<string>>(Object.entries(senses.otherSenses.next).map(([k, v]) => [k, new Set(v)]));
const NEXT_COORDINATORS = new Set(senses.otherSenses.nextCoordinators);
const NEAR = new Map<string, Set<string>>(Object.entries(senses.otherSenses.near).map(([k, v]) => [k, new Set(v)]));
const BEFORE = new Set(senses.otherSenses.before.words);
/** Words right before one event word that give it another sense ("sales exploded"). */
const PREVIOUS = new Map<string, Set<string>>(Object.entries(senses.otherSenses.previous).map(([k, v]) => [k, new Set(v)]));
/** Words naming a force ("air force"): an event only as the agent of an event word right after. */
const ACTS = new Set(senses.otherSenses.acts.words);
/** Words that mean "shown" in the passive ("it has been demonstrated that"). */
const PASSIVE_SHOWN = new Set(senses.otherSenses.passive.words);
const PASSIVE_AUXILIARIES = new Set(senses.otherSenses.passive.auxiliaries);
const DOMAIN_WORDS = new WordSet(senses.domains.words);
const CONFLICT_WORDS = new WordSet(senses.domains.conflictWords);
const WEAK = new Set(senses.domains.weak);
const POLITICAL_ARRESTEES = new WordSet(senses.domains.politicalArrestees);
/** Classes of the words a cause of death or an animal victim changes: violence and its kinds, destruction. */
const CAUSE_SENSITIVE = new Set(['violence', 'mob', 'clash', 'Looting/property destruction', 'riot-conduct', 'Remote explosive/landmine/IED', 'Shelling/artillery/missile attack', 'Attack']);

/** Notes of up to three sentences have too few words to tell what the text is about: no domain there. */
const LONG_ARTICLE_SENTENCES = 3;
/** Longer than an ACLED note (rarely over four sentences): an article, even a short wire story. */
const ARTICLE_SENTENCES = 5;

export function markOtherSenses(doc: Doc): void {
  if (doc.triggers.length === 0) return;
  const tokens = doc.tokens;
  // (Arrests: only in a whole article; a long ACLED note tells a political arrest in few words.)
  const long = doc.sentences.length > ARTICLE_SENTENCES;
  const offDomain = doc.sentences.length > LONG_ARTICLE_SENTENCES && aboutSomethingElse(tokens);
  const keep: TriggerMention[] = [];
  // First tokens of the triggers, asked only when a word naming a force is a trigger.
  let starts: Set<number> | undefined;
  for (const t of doc.triggers) {
    const first = tokenIndexAt(tokens, t.start);
    const end = tokenIndexAt(tokens, t.end - 1) + 1;
    if (ACTS.has(t.text.toLowerCase())) {
      starts ??= new Set(doc.triggers.map((x) => tokenIndexAt(tokens, x.start)));
      if (!actsNext(tokens, end, starts)) continue;
    }
    if (!otherSense(doc, t, first, end, offDomain, long)) keep.push(t);
  }
  if (keep.length === doc.triggers.length) return;
  doc.triggers.length = 0;
  doc.triggers.push(...keep);
}

function otherSense(doc: Doc, t: TriggerMention, first: number, end: number, offDomain: boolean, long: boolean): boolean {
  const tokens = doc.tokens;
  const lower = t.text.toLowerCase();
  if (!t.tactic && isName(tokens, first, end)) return true;
  if (phraseSense(tokens, lower, first, end)) return true;
  if (CAUSE_SENSITIVE.has(t.cls) || t.eventType === 'Violence against civilians') {
    if (causedByNoAttacker(doc, tokens, first, end)) return true;
  }
  if (animalsKilled(tokens, first, end)) return true;
  if ((offDomain || long) && t.cls === 'Arrests') return !wordInSentence(tokens, first, end, POLITICAL_ARRESTEES);
  if (offDomain && WEAK.has(lower) && !wordInSentence(tokens, first, end, CONFLICT_WORDS)) return true;
  return false;
}

/**
 * A one-word trigger capitalised inside a sentence of mixed case, after a capitalised word or
 * before one, is part of a name: "Britney Spears", "Dick Pound", "Colin McRae Rally", "Joss Stone".
 */
function isName(tokens: Token[], first: number, end: number): boolean {
  if (end !== first + 1) return false;
  const tok = tokens[first]!;
  if (!tok.upper || !isTitleCase(tok.text)) return false;
  const prev = tokens[first - 1];
  if (!prev || prev.sentence !== tok.sentence || prev.kind !== 'word') return false;
  // A headline in title case ("Gunmen Attack Village") is not a name.
  if (!mostlyLowerCase(tokens, tok.sentence, first)) return false;
  const next = tokens[first + 1];
  return (prev.upper && isTitleCase(prev.text)) || (!!next && next.sentence === tok.sentence && next.upper && isTitleCase(next.text));
}

function isTitleCase(text: string): boolean {
  return text.length > 1 && text[1] !== text[1]!.toUpperCase();
}

/** Most words of the sentence around `at` begin in lower case. */
function mostlyLowerCase(tokens: Token[], sentence: number, at: number): boolean {
  let lower = 0;
  let upper = 0;
  for (let k = at - 1; k >= 0 && k >= at - 12 && tokens[k]!.sentence === sentence; k--) count(tokens[k]!);
  for (let k = at + 1; k < tokens.length && k <= at + 12 && tokens[k]!.sentence === sentence; k++) count(tokens[k]!);
  return lower > upper;
  function count(t: Token): void {
    if (t.kind !== 'word') return;
    if (t.upper) upper++;
    else lower++;
  }
}

/**
 * A word naming a force ("air force") tells a strike only as the agent of an event word within
 * `acts.window` tokens after it in the same sentence ("the air force bombed"); "the commander of the
 * air force" or "supported by the air force" tells none.
 */
function actsNext(tokens: Token[], end: number, starts: ReadonlySet<number>): boolean {
  const sentence = tokens[end - 1]!.sentence;
  for (let k = end; k < tokens.length && k < end + senses.otherSenses.acts.window && tokens[k]!.sentence === sentence; k++) {
    // (A comma closes the phrase the force is named in: "the son-in-law of the chief of the air
    // force, was wounded" tells no strike.)
    if (tokens[k]!.text === ',') return false;
    if (starts.has(k)) return true;
  }
  return false;
}

function phraseSense(tokens: Token[], lower: string, first: number, end: number): boolean {
  const sentence = tokens[first]!.sentence;
  // "It has been demonstrated that": shown, not a demonstration.
  if (PASSIVE_SHOWN.has(lower)) {
    const p = tokens[first - 1];
    if (p && p.sentence === sentence && PASSIVE_AUXILIARIES.has(p.lower)) return true;
  }
  const next = NEXT.get(lower);
  if (next) {
    const n = tokens[end];
    if (n && n.sentence === sentence && next.has(n.lower)) return true;
    // "a torture and murder cell": the sense word after an event word coordinated with this one, which takes it too.
    const other = tokens[end + 1];
    const after = tokens[end + 2];
    if (n && other && after && NEXT_COORDINATORS.has(n.lower) && after.sentence === sentence && next.has(after.lower) && NEXT.get(other.lower)?.has(after.lower) === true) return true;
  }
  const near = NEAR.get(lower);
  if (near) {
    for (let k = end; k < tokens.length && k < end + senses.otherSenses.window + 1 && tokens[k]!.sentence === sentence; k++) {
      if (near.has(tokens[k]!.lower)) return true;
    }
  }
  const p = tokens[first - 1];
  if (!p || p.sentence !== sentence) return false;
  // (A growing quantity is no name, even capitalised at the start of a sentence: "Sales exploded".)
  return (!p.upper && BEFORE.has(p.lower)) || PREVIOUS.get(lower)?.has(p.lower) === true;
}

/**
 * "The virus killed ...", "an outbreak of cholera has killed 61", "killed in a traffic accident",
 * "destroyed by floods": the cause is a disease, a disaster or an accident, not an attacker. Not when
 * an armed force, a crowd or another event word comes between ("gunmen attacked a cholera clinic, killing 3").
 */
function causedByNoAttacker(doc: Doc, tokens: Token[], first: number, end: number): boolean {
  const sentence = tokens[first]!.sentence;
  // After: "killed in|by|from|of|during" and, within three words, a cause, in the same clause
  // ("killed in the West Midlands from the disease").
  for (let j = end - 1; j < tokens.length && j < end + 8 && tokens[j]!.sentence === sentence; j++) {
    const link = tokens[j]!;
    if (link.kind === 'punct' || CONFLICT_WORDS.hasToken(link)) break;
    if (!CAUSE_LINKS.has(link.lower)) continue;
    for (let k = j + 1; k < tokens.length && k <= j + 4 && tokens[k]!.sentence === sentence; k++) {
      if (isCause(tokens, k)) return true;
      if (!CAUSE_MODIFIERS.has(tokens[k]!.lower)) break;
    }
  }
  // "A cholera epidemic sweeping across the country ..., killing 80": a participle after a comma.
  if (tokens[first - 1]?.text === ',' && tokens[first]!.lower.endsWith('ing') && clauseCause(doc, tokens, first - 1)) return true;
  // Before: a cause as the subject, with only auxiliaries and adverbs between ("the illness has killed"),
  // or opening the clause ("A fire at a garment factory killed 30").
  // (A skipped clause moves the window's far end back by its length.)
  let limit = first - senses.causes.window;
  for (let k = first - 1; k >= 0 && k >= limit && tokens[k]!.sentence === sentence; k--) {
    const tok = tokens[k]!;
    if (PASSIVE.has(tok.lower)) return false;
    if (SUBJECT_GAP.has(tok.lower)) continue;
    // A relative clause between subject and verb: "H5N1, which has spread to Europe, Africa and
    // Asia, has already killed".
    if (tok.text === ',') {
      const c = relativeClauseOpening(tokens, k);
      if (c >= 0) {
        limit -= k - c;
        k = c;
        continue;
      }
    }
    // An apposition between subject and verb: "Poisoned liquor, locally known as changaa, killed".
    if (tok.text === ',' && k === first - 1) {
      let c = k - 1;
      while (c > k - 8 && c >= 0 && tokens[c]!.sentence === sentence && tokens[c]!.text !== ',' && !CONFLICT_WORDS.hasToken(tokens[c]!)) c--;
      if (c >= 0 && tokens[c]!.text === ',') {
        k = c;
        continue;
      }
    }
    if (isCause(tokens, k)) return true;
    break;
  }
  return clauseOpensWithCause(doc, tokens, first);
}

const RELATIVE_PRONOUNS = new Set(senses.causes.relativePronouns);

/**
 * The comma that opens a relative clause (", which ...", ", who ...") ending at the comma `close`,
 * within `relativeWindow` tokens and naming no force or crowd; -1 if there is none.
 */
function relativeClauseOpening(tokens: Token[], close: number): number {
  const sentence = tokens[close]!.sentence;
  for (let c = close - 1; c >= 0 && c > close - senses.causes.relativeWindow && tokens[c]!.sentence === sentence; c--) {
    if (CONFLICT_WORDS.hasToken(tokens[c]!)) return -1;
    if (tokens[c]!.text === ',' && RELATIVE_PRONOUNS.has(tokens[c + 1]?.lower ?? '')) return c;
  }
  return -1;
}

function clauseOpensWithCause(doc: Doc, tokens: Token[], first: number): boolean {
  const sentence = tokens[first]!.sentence;
  let s = first;
  while (s > 0 && first - s < senses.causes.window && tokens[s - 1]!.sentence === sentence && tokens[s - 1]!.text !== ',') s--;
  if (s > 0 && tokens[s - 1]!.sentence === sentence && tokens[s - 1]!.text !== ',') return false;
  let k = s;
  while (k < first && CAUSE_MODIFIERS.has(tokens[k]!.lower)) k++;
  if (k >= first || !isCause(tokens, k)) return false;
  for (let j = k + 1; j < first; j++) if (PASSIVE.has(tokens[j]!.lower) || CONFLICT_WORDS.hasToken(tokens[j]!)) return false;
  const start = tokens[s]!.start;
  const at = tokens[first]!.start;
  return !doc.triggers.some((o) => o.start >= start && o.start < at);
}

/** The clause before `comma` names a cause and no force, crowd or other event. */
function clauseCause(doc: Doc, tokens: Token[], comma: number): boolean {
  const sentence = tokens[comma]!.sentence;
  let cause = false;
  let k = comma - 1;
  for (; k >= 0 && tokens[k]!.sentence === sentence; k--) {
    if (CONFLICT_WORDS.hasToken(tokens[k]!)) return false;
    if (isCause(tokens, k)) cause = true;
  }
  if (!cause) return false;
  const start = tokens[k + 1]!.start;
  const at = tokens[comma]!.start;
  // (An event word that is itself the cause, "a tanker overturned", tells no other event.)
  const causeWord = (o: TriggerMention) => {
    const tok = tokens[tokenIndexAt(tokens, o.start)]!;
    return tok.end === o.end && CAUSES.hasToken(tok);
  };
  return !doc.triggers.some((o) => o.start >= start && o.start < at && !causeWord(o));
}

function isCause(tokens: Token[], k: number): boolean {
  const tok = tokens[k]!;
  if (CAUSES.hasToken(tok)) return true;
  if (tok.lower !== 'fire' && tok.lower !== 'fires') return false;
  const prev = tokens[k - 1];
  return !!prev && FIRE_BEFORE.has(prev.lower);
}

/** "thousands of birds have been killed", "killed several hundred ducks", "culling 6,500 hogs". */
function animalsKilled(tokens: Token[], first: number, end: number): boolean {
  const sentence = tokens[first]!.sentence;
  const w = senses.animals.window;
  // (Coordinated verbs skipped do not count against the window.)
  let limit = end + w;
  for (let k = end; k < tokens.length && k < limit && tokens[k]!.sentence === sentence; k++) {
    const tok = tokens[k]!;
    if (ANIMALS.hasToken(tok)) return true;
    if (tok.kind === 'number' || QUANTIFIERS.has(tok.lower)) continue;
    if (!coordinatedWith(tokens[first]!.lower, tok.lower)) break;
    limit++;
  }
  for (let k = first - 1; k >= 0 && k >= first - w && tokens[k]!.sentence === sentence; k--) {
    const tok = tokens[k]!;
    if (ANIMALS.hasToken(tok)) return true;
    if (!SUBJECT_GAP.has(tok.lower)) break;
  }
  return false;
}

const COORDINATION = new Set(senses.animals.coordination);
const COORDINATED_ENDINGS = senses.animals.coordinatedEndings;

/** A joining word, or a verb of the event word's form: "burning and burying", "slaughtered, burned". */
function coordinatedWith(trigger: string, word: string): boolean {
  if (COORDINATION.has(word)) return true;
  return COORDINATED_ENDINGS.some((e) => trigger.endsWith(e) && word.endsWith(e) && word.length > e.length + 2);
}

/** The opening of the article (headline and first paragraphs) is about sport, entertainment, business, technology or health. */
function aboutSomethingElse(tokens: Token[]): boolean {
  let domain = 0;
  let conflict = 0;
  const n = Math.min(tokens.length, senses.domains.opening);
  for (let k = 0; k < n; k++) {
    const tok = tokens[k]!;
    if (tok.kind !== 'word') continue;
    if (DOMAIN_WORDS.hasToken(tok)) domain++;
    else if (CONFLICT_WORDS.hasToken(tok)) conflict++;
  }
  return domain >= senses.domains.minHits && domain > senses.domains.ratio * conflict;
}

function wordInSentence(tokens: Token[], first: number, end: number, words: WordSet): boolean {
  const sentence = tokens[first]!.sentence;
  for (let k = first - 1; k >= 0 && tokens[k]!.sentence === sentence; k--) if (words.hasToken(tokens[k]!)) return true;
  for (let k = end; k < tokens.length && tokens[k]!.sentence === sentence; k++) if (words.hasToken(tokens[k]!)) return true;
  return false;
}

// With no event word left, no event: every event's group has a frame with a trigger (see
// assembleEvents), and no later stage adds triggers.
export const senseFilter: PipelineComponent = { name: 'senses', apply: markOtherSenses, tellsNoEvent: (doc) => doc.triggers.length === 0 };
