// Capital metonymy, the English cues: a capital's name standing for its government ("Washington
// said", "Moscow denied", "Ankara's demand", "ties between Washington and Ankara", "a Riyadh-led
// coalition"). Which names are capitals is the gazetteer's; these are the words around the name
// (data/metonymy.json). Read by the geoparser (such a name casts no vote for the story's country)
// and by extraction/metonymy.ts (such a name is no place of the story).
import cues from './data/metonymy.json' with { type: 'json' };
import functionWords from './data/function-words.json' with { type: 'json' };
import { alternation } from '../../common/word-pattern.js';

const words = (list: readonly string[]) => alternation(list, 'any');

const VERB_AFTER = new RegExp(`^\\s+(?:(?:${words(cues.between)})\\s+){0,3}(?:${words(cues.verbsAfter)})\\b`, 'i');
const POSSESSIVE_AFTER = new RegExp(`^(?:['’]s|['’])\\s+(?:[\\p{L}-]+\\s+)?(?:${words(cues.nounsAfterPossessive)})\\b`, 'iu');
/** "a Riyadh-led coalition", "Tehran-backed militias". */
const LED_AFTER = new RegExp(`^[-\u2010\u2011](?:${words(cues.ledAfter)})\\b`, 'i');
/** "claimed 3 lives", "claimed the lives of": the verb of saying in another sense (took). */
const TOOK_LIVES_AFTER = new RegExp(`^\\s+(?:(?:${words(cues.between)})\\s+){0,3}(?:${words(cues.tookLivesVerbs)})\\s+(?:[\\p{L}\\d,]+\\s+){0,3}(?:${words(cues.tookLivesObjects)})\\b`, 'iu');
const PLACE_PREPOSITION_BEFORE = new RegExp(`\\b(?:${words(cues.placePrepositions)})\\s+(?:the\\s+)?$`, 'i');
const BEFORE = new RegExp(`\\b(?:${words(cues.before)})\\s+(?:the\\s+)?$`, 'i');
/** "...: Ankara" closing its line: the source a headline cites ("17 killed in car bomb: Ankara"). */
const ATTRIBUTION_BEFORE = new RegExp(`(?:${words(cues.attributionSeparators)})[ \\t]*$`);
const LINE_END_AFTER = /^[ \t]*(?:\n|$)/;
/** "between Washington and ": the second name of a pair takes the first's reading. */
export const PAIR_BEFORE = new RegExp(`\\b(\\p{Lu}[\\p{L}-]*(?:\\s\\p{Lu}[\\p{L}-]*)?)\\s+(?:${alternation(functionWords.pairConjunctions)})\\s+$`, 'u');

/** Whether the name at [start, end) of `text`, if a capital, stands for its government by its own context. */
export function governmentCue(text: string, start: number, end: number): boolean {
  if (LED_AFTER.test(text.slice(end, end + 20))) return true;
  const before = text.slice(Math.max(0, start - 30), start);
  if (BEFORE.test(before)) return true;
  if (ATTRIBUTION_BEFORE.test(before) && LINE_END_AFTER.test(text.slice(end, end + 60))) return true;
  if (PLACE_PREPOSITION_BEFORE.test(before)) return false;
  const after = text.slice(end, end + 60);
  return (VERB_AFTER.test(after) && !TOOK_LIVES_AFTER.test(after)) || POSSESSIVE_AFTER.test(after);
}
