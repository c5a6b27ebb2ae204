// A work's story told in a text: "In the film, rebels storm the capital", "The novel follows a soldier
// who ...". What it tells is depicted, not reported: no event of the text. Words: data/depiction.json.
import words from './data/depiction.json' with { type: 'json' };

/** A phrase list as an alternation, spaces matching any whitespace (phrases are written as regular-expression fragments). */
const alt = (list: readonly string[]) => `(?:${[...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|')})`;
const WORK = `(?:${alt(words.determiners)}\\s+){0,3}${alt(words.works)}s?(?![-\\w])(?!\\s+of\\b)`;
/** "In the film, ...", "Later in the novel ...": an opener, a work, then the clause it tells (up to a comma or straight on). */
const OPENING = `${alt(words.openers)}\\s+${WORK}\\b`;
/** "The film follows ...", "His new novel imagines ...": a work as the sentence's subject, telling its story. */
const SUBJECT = `${WORK}\\s+${alt(words.tellingVerbs)}\\b`;
/** Either, after what may open a sentence (quotes, a bracket), as one pattern: most sentences are neither. */
const DEPICTION = new RegExp(`^[\\s"'“‘(]*(?:${OPENING}|${SUBJECT})`, 'iu');

/**
 * Whether a sentence tells a work's story (a film's, a novel's, a game's), which is no event of the
 * text: it opens with "In the film" or has the work as the subject of a verb that tells its story.
 */
export function tellsDepiction(sentence: string): boolean {
  return DEPICTION.test(sentence);
}
