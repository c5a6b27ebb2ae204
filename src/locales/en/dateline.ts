// A wire dateline: the place a report was filed from, opening a line ("KABUL (Reuters) - ",
// "SAN SALVADOR, 3 JAN 90 -- ", "Maiduguri, Nigeria (AP) — "). It says where the reporter was,
// not where the event happened: the event's place only when nothing else places it.
import placeContext from './data/place-context.json' with { type: 'json' };
import { alternation } from '../../common/word-pattern.js';

/** After the place: an optional country or date, an optional agency in brackets (round or square, as transcribed), then a dash or colon. */
const AFTER = /^(?:,\s*[^\n,()[\]]{1,30}){0,2}\s*(?:[([][^)\]\n]{1,40}[)\]]\s*)?(?:--|—|–|-|:)\s/u;

/** What may come before a dateline place on its line. */
const LEAD = /^[\s"'“]$/;

/** Whether the mention [start, end) of `text` is a dateline place. */
export function isDatelinePlace(text: string, start: number, end: number): boolean {
  // Only spaces and quotes back to the line's start: read backwards while they last (never the whole
  // line, which would make a document of one long line quadratic in its places).
  let i = start - 1;
  while (i >= 0 && text[i] !== '\n' && LEAD.test(text[i]!)) i--;
  if (i >= 0 && text[i] !== '\n') return false;
  return AFTER.test(text.slice(end, end + 80));
}

/** The place's country in brackets, as transcribed wire copy writes it ("MADRID (SPAIN), 26 JAN 89 (RNE) --"). */
const COUNTRY_IN_BRACKETS = String.raw`(?:\s*\([\p{Lu}][\p{L} .'’-]{1,30}\))?`;

/** A dateline opening the text: one to three capitalised place words (and their country in brackets), then what may follow a dateline place. */
const OPENING = new RegExp(`^[\\s"'“]*\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,2}${COUNTRY_IN_BRACKETS}${AFTER.source.slice(1)}`, 'u');

/** A dateline filed from no known place ("NO CITY (COLOMBIA), 26 SEP 89 --", read as "No city (Colombia), ..."). */
const PLACEHOLDER_OPENING = new RegExp(`^[\\s"'“]*(?:${alternation(placeContext.datelinePlaceholders, 'any')})${COUNTRY_IN_BRACKETS}${AFTER.source.slice(1)}`, 'iu');

/** Whether the text opens with a wire dateline ("KABUL (Reuters) - ", "SAN SALVADOR, 3 JAN 90 -- ", "NO CITY, NO DATE (FBIS) --"). */
export function opensWithDateline(text: string): boolean {
  const head = text.slice(0, 200);
  return OPENING.test(head) || PLACEHOLDER_OPENING.test(head);
}

/** The dateline's place words ("SAN SALVADOR" of "SAN SALVADOR, 3 JAN 90 -- "): [start, end) in `text`, or undefined. */
export function datelinePlaceSpan(text: string, from = 0): [number, number] | undefined {
  const head = text.slice(from, from + 200);
  if (!OPENING.test(head)) return undefined;
  const words = /^[\s"'“]*(\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2})/u.exec(head);
  if (!words) return undefined;
  const end = from + words[0].length;
  return [end - words[1]!.length, end];
}

/**
 * The country in brackets after the dateline's place ("MEXICO" of "MEXICO CITY (MEXICO), 10 NOV 89
 * (NOTIMEX) --"): the place's own country, which says where the report was filed, not where its
 * events happened. [start, end) in `text`, or undefined. `place`: the dateline's place span, when
 * the caller has it already.
 */
export function datelineCountrySpan(text: string, from = 0, place = datelinePlaceSpan(text, from)): [number, number] | undefined {
  if (!place) return undefined;
  const m = FILED_COUNTRY.exec(text.slice(place[1], place[1] + 60));
  if (!m) return undefined;
  const name = m[1] ?? m[2]!;
  const open = place[1] + m[0].length - name.length - (m[1] ? 1 : 0);
  return [open, open + name.length];
}

/** The place's country in brackets ("MEXICO CITY (MEXICO), 10 NOV 89"), or after a comma and before the agency or dash ("NAIROBI, Kenya (Reuters) -", "Maiduguri, Nigeria —"). */
const FILED_COUNTRY = /^\s*(?:\(([\p{Lu}][\p{L} .'’-]{1,30})\)|,\s*([\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*){0,2})(?=\s*(?:[([]|--|—|–|-|:)\s?))/u;

/** The agency in brackets after a dateline's place and date ("(RADIO CADENA SONORA)" of "SAN SALVADOR, 9 JUN 89 (RADIO CADENA SONORA) --"). */
const AGENCY = /^(?:,\s*[^\n,()[\]]{1,30}){0,2}\s*[([]([^)\]\n]{1,40})[)\]]\s*(?:--|—|–|-|:)\s/u;

/**
 * The words inside the brackets of the dateline opening the text: the agency or station that filed
 * the report ("RADIO CADENA SONORA", "MOSCOW TASS"), never the event's place. [start, end) in `text`, or undefined.
 */
export function datelineAgencySpan(text: string, from = 0): [number, number] | undefined {
  const place = datelinePlaceSpan(text, from);
  if (!place) return undefined;
  let at = place[1];
  let m = AGENCY.exec(text.slice(at, at + 120));
  // The place's country in brackets comes first ("MADRID (SPAIN), 26 JAN 89 (RNE) --").
  const country = m ? null : /^\s*\([\p{Lu}][\p{L} .'’-]{1,30}\)/u.exec(text.slice(at, at + 40));
  if (country) {
    at += country[0].length;
    m = AGENCY.exec(text.slice(at, at + 120));
  }
  if (!m) return undefined;
  const open = at + m[0].search(/[([]/u) + 1;
  return [open, open + m[1]!.length];
}
