// ACLED-style notes: a one-paragraph summary of the event, its tactics, its figures and who reported them.
import type { Claim, AcledEvent } from '../common/event.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${+m[3]!} ${MONTHS[+m[2]! - 1]} ${m[1]}` : iso;
}

export function writeNotes(ev: AcledEvent, deaths: Claim[]): string {
  const parts: string[] = [];
  const when = ev.event_date ? `On ${longDate(ev.event_date)}${ev.time_precision > 1 ? ' (approximate)' : ''}, ` : '';
  const where = ev.location ? ` in ${ev.location}${ev.admin1 && ev.admin1 !== ev.location ? ` (${ev.admin1}, ${ev.country})` : ev.country && ev.country !== ev.location ? ` (${ev.country})` : ''}` : '';
  const who = ev.actor2 ? `${ev.actor1 || 'unidentified actors'} and ${ev.actor2}` : ev.actor1 || 'unidentified actors';
  parts.push(`${when}${ev.sub_event_type.toLowerCase()} (${ev.event_type}): ${who}${where}.`.replace(/^./, (c) => c.toUpperCase()));
  if (ev.assoc_actor_1 || ev.assoc_actor_2) parts.push(`With ${[ev.assoc_actor_1, ev.assoc_actor_2].filter(Boolean).join('; ')}.`);
  if (ev.tactics.length > 0) parts.push(`Tactics: ${ev.tactics.join(', ')}.`);
  if (deaths.length > 0) {
    const figures = deaths.map((c) => `${c.value}${c.subject ? ` ${c.subject}` : ''}${c.reporter ? ` (reported by ${c.reporter})` : ''}`);
    parts.push(`Fatalities: ${ev.fatalities} (${figures.join('; ')}).`);
  }
  const other = ev.claims.filter((c) => c.kind !== 'killed' && c.kind !== 'tactic' && c.value !== null);
  for (const c of other) parts.push(`Also reported: ${c.evidence.text}${c.reporter ? ` (${c.reporter})` : ''}.`);
  return parts.join(' ');
}
