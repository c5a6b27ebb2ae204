// Where a sentence leaves the reported event: a clause about an earlier event ("The attack comes a
// week after 12 people died in ...", "the previous attack, in which ...") or a cumulative toll
// ("more than 50 killed over the past month"). Phrases: data/time-reference.json.
import type { Token } from '../../common/doc.js';
import { WordSet } from '../../common/word-set.js';
import words from './data/time-reference.json' with { type: 'json' };
import calendarWords from './data/calendar-words.json' with { type: 'json' };

const alt = (list: readonly string[]) => `(?:${list.join('|')})`;
const INTERVAL = alt(words.intervals);
const UNIT = alt(words.units);

// "comes (a week) after", "came days after", "follows".
const FOLLOWS = `${alt(words.follows)}\\s+(?:just\\s+|only\\s+|barely\\s+)?(?:(?:${INTERVAL}\\s+)?${UNIT}\\s+)?${alt(words.followsAfter)}`;
// "a week after 12 people died", "two days before"; opening a sentence, "Hours after the massacre",
// "Two hours after" (openingUnits, no count needed).
const INTERVAL_AFTER = `(?:${INTERVAL}\\s+${UNIT}|(?<=^[\\s"'“‘(]*(?:${alt(words.approximators)}\\s+)?)(?:${INTERVAL}\\s+)?${alt(words.openingUnits)})\\s+${alt(words.relative)}`;
// "the previous attack", "an earlier bombing".
const PREVIOUS = `(?:the|a|an|its|their)\\s+(?:${alt(words.previous)})\\s+${alt(words.eventNouns)}`;

// "After the massacre of X, warplanes ...": a bare 'after' opening a sentence, its phrase ended by a
// comma or an ellipsis before the main clause (openingAfter).
const OPENING_AFTER = `(?<=^[\\s"'“‘(]*)${alt(words.openingAfter)}`;
const BACKGROUND = new RegExp(`\\b(?:${FOLLOWS}|(${INTERVAL_AFTER})|(${PREVIOUS})|(${OPENING_AFTER}))\\b`, 'i');
/** What may stand before a cue and still leave it opening the sentence: quotes, and before an interval an approximator ("About two weeks after ..."). */
const OPENING = /^[\s"'“‘(]*$/;
const APPROXIMATED_OPENING = new RegExp(`^[\\s"'“‘(]*(?:${alt(words.approximators)}\\s+)?$`, 'i');
/** The end of an opening phrase: a comma, an ellipsis or a dash between spaces. */
const PHRASE_END = new RegExp(alt(words.phraseEnds), 'g');

function phraseEnd(sentence: string, from: number): number {
  PHRASE_END.lastIndex = from;
  const m = PHRASE_END.exec(sentence);
  return m ? m.index : -1;
}
/** The end of a lead-in phrase: an ellipsis or a dash between spaces (openingAfterEnds). */
const LEAD_IN_END = new RegExp(`${alt(words.openingAfterEnds)}|,`, 'g');

function leadInEnd(sentence: string, from: number): number {
  LEAD_IN_END.lastIndex = from;
  const m = LEAD_IN_END.exec(sentence);
  return m && m[0] !== ',' ? m.index : -1;
}
/** What may follow "the previous attack" and still tell of it: ", in which eight soldiers died,". */
const RELATIVE_AFTER = /^\s*,?\s*(?:in which|during which|which|that|when|where)\b/i;
/** The cumulative-toll phrases as one alternation (INTERVAL and CUMULATIVE_UNIT filled in). */
const CUMULATIVE_PHRASES = words.cumulative.map((p) => p.replace('INTERVAL', words.intervals.join('|')).replace('CUMULATIVE_UNIT', words.cumulativeUnits.join('|'))).join('|');
const CUMULATIVE_ANY = new RegExp(`\\b(?:${CUMULATIVE_PHRASES})\\b`, 'gi');

const COMPARISON = words.comparison;
const SUPERLATIVES = new Set<string>(COMPARISON.superlatives);
const COMPARISON_DETERMINERS = new Set<string>(COMPARISON.determiners);
/** Characters before a cue that "the deadliest suicide attack " takes. */
const COMPARISON_REACH = 40;

/**
 * Whether a "since" cue completes a superlative before it ("the deadliest attack since 2015", "Idlib's
 * heaviest strikes since 2015 kill 11"): a comparison with earlier events, not a period counted.
 */
function comparisonBefore(sentence: string, at: number): boolean {
  const before = sentence.slice(Math.max(0, at - COMPARISON_REACH), at).split(/\s+/).filter(Boolean).slice(-(COMPARISON.window + 1));
  for (let k = before.length - 1; k >= 0; k--) {
    const w = before[k]!.toLowerCase();
    if (SUPERLATIVES.has(w)) return true;
    const prev = before[k - 1]?.toLowerCase() ?? '';
    const determined = COMPARISON_DETERMINERS.has(prev) || COMPARISON.possessives.some((p) => prev.endsWith(p));
    if (w.length > COMPARISON.ending.length + 2 && w.endsWith(COMPARISON.ending) && determined) return true;
  }
  return false;
}

/** The sentence's first cumulative cue that is no superlative's comparison, or null. */
const CUMULATIVE = {
  exec(sentence: string): RegExpExecArray | null {
    CUMULATIVE_ANY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CUMULATIVE_ANY.exec(sentence)) !== null) {
      if (!(COMPARISON.cues.some((c) => m![0].toLowerCase().startsWith(c)) && comparisonBefore(sentence, m.index))) return m;
    }
    return null;
  },
  test(sentence: string): boolean {
    return this.exec(sentence) !== null;
  },
};

// "to celebrate the life of", "the funeral of", "on the anniversary of": what is remembered.
const COMMEMORATES = new RegExp(`\\b${alt(words.commemorates)}\\b`, 'i');
const SUBJECT_VERB = new RegExp(`\\b${alt(words.subjectVerbs)}\\b`, 'gi');
/** A word every COMMEMORATES phrase holds (see commemoratesWords in the data). */
const COMMEMORATES_WORDS = new WordSet(words.commemoratesWords);

/**
 * Whether the tokens [from, to) (a sentence's) may hold a commemoration phrase (see
 * backgroundClause): most sentences hold none of its words, and a look-up per token is cheaper than
 * a scan of the phrases over the sentence's text.
 */
export function mayCommemorate(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (COMMEMORATES_WORDS.hasToken(tokens[i]!)) return true;
  return false;
}

const FOLLOWS_ONLY = new RegExp(`\\b${FOLLOWS}\\b`, 'i');
/** "The attack", "Sunday's bombing", "this latest outrage": a determiner and at most three words, opening the sentence. */
const FOLLOWS_SUBJECT = new RegExp(`^[\\s"'“‘(]*(?:${alt(words.followsSubject)})(?:\\s+[\\p{L}-]+){1,3}\\s*$`, 'iu');

/**
 * Whether the sentence only links an event told elsewhere to an earlier one: its subject is a short
 * noun phrase ("The attack", "Sunday's bombing") and its verb "comes/follows ... after" ("The attack
 * comes a week after 12 people died in Kirkuk"). It tells nothing new of the event it names.
 */
export function linksToEarlier(sentence: string): boolean {
  const m = FOLLOWS_ONLY.exec(sentence);
  return m !== null && FOLLOWS_SUBJECT.test(sentence.slice(0, m.index));
}

/** [start, end) offsets within the sentence text. */
export type Range = [number, number];

/**
 * The part of a sentence that tells an earlier event, or null. A cue opening the sentence ("Two
 * days after the killings, protesters marched") covers only its own phrase, up to the first comma;
 * elsewhere it runs to the end of the sentence ("..., a week after 12 people died in Tikrit").
 */
export function backgroundClause(sentence: string, commemorates = true, cued = true): Range | null {
  // (`cued` false: the sentence holds no cue, see mayHoldTimeCue.)
  const m = cued ? BACKGROUND.exec(sentence) : null;
  // (`commemorates` false: the sentence holds no commemoration phrase, see mayCommemorate.)
  if (!m) return commemorates ? commemoratedClause(sentence) : null;
  const atStart = (m[1] !== undefined ? APPROXIMATED_OPENING : OPENING).test(sentence.slice(0, m.index));
  const end = m.index + m[0].length;
  if (m[2] !== undefined && !atStart) {
    // "victims of a prior assault staged a protest": the noun phrase (and a relative clause that
    // tells of it) is the earlier event, the rest of the sentence is not.
    if (!RELATIVE_AFTER.test(sentence.slice(end))) return [m.index, end];
    const comma = sentence.indexOf(',', end + 2);
    return [m.index, comma < 0 ? sentence.length : comma];
  }
  // (A bare "After ..." opening a sentence is a lead-in only when an ellipsis or a dash ends it before
  // the main clause, as headlines set one apart: "After the massacre of Hass camp… 13 casualties in a new
  // massacre in Kafr Battikh". Closed by a comma, as in an article's prose, it often tells the news
  // itself: "After IS fighters stormed the prison, the SDF ..."; with nothing closing it, "After
  // clashes in the city" is the sentence's own news.)
  if (m[3] !== undefined) {
    const end2 = leadInEnd(sentence, end);
    return end2 < 0 ? null : [m.index, end2];
  }
  // ("N days after ..." opening a sentence is a phrase; "The previous attack, in which ..." its subject.)
  if (m[1] !== undefined && atStart) {
    const comma = phraseEnd(sentence, end);
    return [m.index, comma < 0 ? sentence.length : comma];
  }
  return [m.index, sentence.length];
}

const NAMED_EVENT_BEFORE = new RegExp(`\\b${alt(words.namedEvent.determiners)}\\s+$`, 'i');
const NAMED_EVENT_AFTER = new RegExp(`^(?:\\s+[\\p{L}-]+){0,${words.namedEvent.maxModifiers}}?\\s+${alt(words.eventNouns)}\\b`, 'iu');

/**
 * The phrases of a sentence that name an event by its place as a known one ("regrets about the
 * Manchester attack", "over the Salisbury nerve agent attack"), given the places' [start, end)
 * offsets within the sentence: news names an event so once it was told, so each phrase tells an
 * earlier event.
 */
export function namedEvents(sentence: string, places: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const [from, to] of places) {
    const before = NAMED_EVENT_BEFORE.exec(sentence.slice(Math.max(0, from - 8), from));
    if (!before) continue;
    const after = NAMED_EVENT_AFTER.exec(sentence.slice(to));
    if (after) out.push([from - before[0].length, to + after[0].length]);
  }
  return out;
}

/**
 * The phrase naming what a gathering commemorates ("mourners gathered on Friday to celebrate the
 * life of a volunteer killed fighting Isis", "the funeral of a protester shot on Sunday"): the
 * remembered event came before the day the sentence gives. The phrase runs to the next comma.
 */
function commemoratedClause(sentence: string): Range | null {
  const m = COMMEMORATES.exec(sentence);
  if (!m) return null;
  const from = m.index + m[0].length;
  let end = sentence.indexOf(',', from);
  if (end < 0) end = sentence.length;
  // Opening the sentence, the phrase is its subject, up to its verb ("The funeral of X was disrupted by clashes").
  if (/^[\s"'“‘(]*$/.test(sentence.slice(0, m.index))) {
    SUBJECT_VERB.lastIndex = from;
    const verb = SUBJECT_VERB.exec(sentence);
    if (verb && verb.index < end) end = verb.index;
  }
  return [m.index, end];
}

/** The clause of a sentence that tells a cumulative toll ("over the past month"), or null. */
export function cumulativeClause(sentence: string): Range | null {
  const m = CUMULATIVE.exec(sentence);
  return m ? clauseAround(sentence, m) : campaignAdjunct(sentence);
}

/** The campaign phrases as one alternation (INTERVAL and CUMULATIVE_UNIT filled in). */
const CAMPAIGN_PHRASES = words.campaignAdjunct.map((p) => p.replace('INTERVAL', words.intervals.join('|')).replace('CUMULATIVE_UNIT', words.cumulativeUnits.join('|'))).join('|');
const CAMPAIGN_ADJUNCT = new RegExp(`\\b(?:${CAMPAIGN_PHRASES})\\b`, 'i');

/**
 * Any cue of a background clause, a cumulative toll or a campaign, as one pattern: most sentences hold
 * none, and one scan for all tells so (a sentence it finds nothing in is matched by none of BACKGROUND,
 * CUMULATIVE_ANY and CAMPAIGN_ADJUNCT, which are its alternatives between the same word boundaries).
 */
const ANY_CUE = new RegExp(`\\b(?:${FOLLOWS}|${INTERVAL_AFTER}|${PREVIOUS}|${OPENING_AFTER}|${CUMULATIVE_PHRASES}|${CAMPAIGN_PHRASES})\\b`, 'i');

/**
 * Whether a sentence may hold a background clause's cue, a cumulative toll's or a campaign's: when
 * not, backgroundClause and warTollClause, told so (`cued` false), skip their scans.
 */
export function mayHoldTimeCue(sentence: string): boolean {
  return ANY_CUE.test(sentence);
}
const CLAUSE_BREAK = /[;:]|,\s/;

/**
 * "after more than seven weeks of clashes, which are thought to have claimed up to 250 lives": the
 * phrase of a campaign and the relative clause right after it (not the clause it stands beside).
 */
function campaignAdjunct(sentence: string): Range | null {
  const m = CAMPAIGN_ADJUNCT.exec(sentence);
  if (!m) return null;
  const from = m.index + m[0].length;
  const after = sentence.slice(from).search(CLAUSE_BREAK);
  if (after < 0) return [m.index, sentence.length];
  const end = from + after;
  if (!RELATIVE_AFTER.test(sentence.slice(end))) return [m.index, end];
  const next = sentence.slice(end + 1).search(CLAUSE_BREAK);
  return [m.index, next < 0 ? sentence.length : end + 1 + next];
}

/**
 * The clause of a sentence that tells a cumulative toll no incident's (see cumulativeClause and
 * incidentRunningToll), or null: the cue is looked for once.
 */
export function warTollClause(sentence: string, cued = true): Range | null {
  // (`cued` false: the sentence holds no cue, see mayHoldTimeCue.)
  if (!cued) return null;
  const m = CUMULATIVE.exec(sentence);
  if (!m) return campaignAdjunct(sentence);
  return !runningTollOfIncident(sentence, m) ? clauseAround(sentence, m) : null;
}

const RELATIVE_OPENER = new RegExp(`\\b(?:${words.cumulativeRelative.join('|')})\\b`, 'gi');
const RELATIVE_TOLL = new RegExp(`\\b(?:${words.cumulativeRelativeToll.join('|')})\\b`, 'i');

function clauseAround(sentence: string, m: RegExpExecArray): Range {
  // The clause around the cue: from the last clause break before it to the next one after it.
  let start = 0;
  for (const re of [/[;:]/g, /,\s/g]) {
    let b: RegExpExecArray | null;
    while ((b = re.exec(sentence)) !== null && b.index < m.index) start = Math.max(start, b.index + 1);
  }
  const from = m.index + m[0].length;
  // Opening the sentence, the cue's phrase frames all of it up to the next break ("Over the past month,
  // 50 people were killed", "Since 2015, 300 have died").
  // (Not when a day is named after it: "Over the past week, gunmen killed four people on Sunday".)
  const opening = OPENING.test(sentence.slice(0, m.index)) && /^\s*,\s/.test(sentence.slice(from)) && !DAY_NAMED.test(sentence.slice(from));
  const rest = opening ? from + sentence.slice(from).indexOf(',') + 1 : from;
  const after = sentence.slice(rest).search(CLAUSE_BREAK);
  const end = after < 0 ? sentence.length : rest + after;
  // (A relative clause holding the cue starts it: "stormed the ministry over salaries that had not
  // been paid since 2003" tells the storming of its day.)
  // (Not in a clause telling a toll, "fighting that has killed 300 since January", "50 were killed in
  // clashes that have raged since January": the campaign's.)
  RELATIVE_OPENER.lastIndex = start;
  let relative = -1;
  let r: RegExpExecArray | null;
  while ((r = RELATIVE_OPENER.exec(sentence)) !== null && r.index < m.index) relative = r.index;
  if (relative >= 0 && !RELATIVE_TOLL.test(sentence.slice(start, end))) start = relative;
  return [start, end];
}
const DAY_NAMED = new RegExp(`\\b(?:${[...Object.keys(calendarWords.weekdays), ...Object.keys(calendarWords.months)].filter((w) => w.length > 3).join('|')})\\b`, 'i');

const RUNNING_TOLL = new RegExp(`^${alt(words.runningToll)}$`, 'i');
const INCIDENT = new RegExp(`\\b${alt(words.incidentNouns)}\\b`, 'i');

/**
 * Whether a sentence's cumulative cue counts one incident's dead so far, not a war's: a bare
 * running-toll cue ("so far") as the sentence's only cue, in a sentence naming a single incident
 * ("43 fighters so far were killed in the ambush"; "so far, 300 have been killed in the fighting" is not).
 */
export function incidentRunningToll(sentence: string): boolean {
  const m = CUMULATIVE.exec(sentence);
  return m !== null && runningTollOfIncident(sentence, m);
}

/** incidentRunningToll, given the sentence's first cumulative cue. */
function runningTollOfIncident(sentence: string, m: RegExpExecArray): boolean {
  if (!RUNNING_TOLL.test(m[0])) return false;
  if (CUMULATIVE.test(sentence.slice(m.index + m[0].length))) return false;
  return INCIDENT.test(sentence);
}

import conflict from './data/report-conflict.json' with { type: 'json' };

const CONTRAST = new RegExp(`\\b(?:${conflict.contrast.join('|')})\\b`, 'i');

/** Whether the words between two tolls make them conflicting reports of one toll ("..., while residents put it at 25"). */
export function contrastsReports(between: string): boolean {
  return CONTRAST.test(between);
}

const NOT_NEWS_BEFORE = new Set(words.notNewsBefore.words);

/**
 * Whether a trigger with no date of its own is told as no event of the day: in perfect aspect or
 * under a modal ("has fought", "they'll attack", "could be forced"), or in a question. `before` is
 * the sentence's text before the trigger, `after` the rest of the sentence.
 */
export function toldAsNoNews(before: string, after: string): boolean {
  if (/\?\s*["”’']?\s*$/.test(after)) return true;
  const words = before.toLowerCase().split(/\s+/).filter((w) => w !== '').slice(-3);
  return words.some((w) => NOT_NEWS_BEFORE.has(w.replace(/^[^\p{L}']+/u, '').replace(/[^\p{L}']+$/u, '')) || NOT_NEWS_BEFORE.has(w.replace(/^\p{L}+(?=['’](?:ll|ve)$)/u, '')));
}

const STORY_ANCHOR = new RegExp(`^[\\s"'“‘(]*(?:${words.storyAnchors.join('|')})\\b`, 'i');

/** Whether a sentence opens by tying itself to the story's own time ("After the final whistle, ..."). */
export function anchoredToStory(sentence: string): boolean {
  return STORY_ANCHOR.test(sentence);
}

const MONTH_NAMES = Object.keys(calendarWords.months).join('|');
/**
 * "(British hostage is alive, says Home Office, 6 February)", "(Opinion, 4 January)": a bracket that
 * ends in a day and a month after a comma cites a published piece (its headline and the day it
 * appeared), as letters and comment do. What it tells is the cited piece's news, not the text's, and
 * its day is the piece's, not an event's.
 */
const CITATION = new RegExp(`\\([^()]{3,200},\\s*(?:\\d{1,2}\\s+(?:${MONTH_NAMES})|(?:${MONTH_NAMES})\\s+\\d{1,2})\\.?\\s*\\)`, 'gi');

/** The bracketed citations of published pieces in a sentence ([start, end) offsets), or none. */
export function citations(sentence: string): Range[] {
  if (!sentence.includes('(')) return [];
  const out: Range[] = [];
  for (const m of sentence.matchAll(CITATION)) out.push([m.index!, m.index! + m[0].length]);
  return out;
}
