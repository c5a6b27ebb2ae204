// An event's fields chosen from its reports, by stated rules (in the spirit of ACLED's codebook):
// - date: the most precise (lowest time_precision); among those, the date most reports give, then
//   the earliest;
// - place: the most precise (a named place over a province, lower geo_precision first); among
//   those, the place most reports give, then the first report by id;
// - type: a battle absorbs the shelling or strikes of the same engagement; otherwise the
//   sub-event type most reports give, ties to ACLED's precedence;
// - actors: from the report of that type naming the most sides;
// - fatalities: the latest total reported for the whole event (by publication date), the lowest
//   of the figures published that day where they conflict (codebook 4.2); with low/best/high
//   across reports as UCDP keeps them;
// - source: every outlet.
// Every chosen field names the report it came from; where reports disagree, each report's value
// is listed.
import { SUB_EVENT_TYPES } from '../common/acled-types.js';
import { canonicalActor, eventTypeOf, placeStandsIn } from './compat.js';
import type { FieldValue, MergedEvent, MergeInput } from './types.js';

export interface FuseOptions {
  /** The id the merged event keeps (default: the smallest member id). */
  pickId?(members: readonly MergeInput[]): string;
}

const PLACE_FIELDS = ['country', 'iso3', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision'] as const;
const ACTOR_FIELDS = ['actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction'] as const;
const COMPARED_FIELDS = ['event_date', 'sub_event_type', 'location', 'actor1', 'actor2', 'fatalities'] as const;

function mostCommon<T>(reports: MergeInput[], value: (r: MergeInput) => T, better: (a: T, b: T) => number): MergeInput {
  const counts = new Map<T, number>();
  for (const r of reports) counts.set(value(r), (counts.get(value(r)) ?? 0) + 1);
  let best = reports[0]!;
  for (const r of reports) {
    const c = counts.get(value(r))!;
    const cb = counts.get(value(best))!;
    if (c > cb || (c === cb && better(value(r), value(best)) < 0)) best = r;
  }
  return best;
}

function pubDate(r: MergeInput): string {
  return r.publication_date || r.event_date || '';
}

function namedSides(r: MergeInput): number {
  return (canonicalActor(r.actor1) ? 1 : 0) + (canonicalActor(r.actor2) ? 1 : 0);
}

export function fuseCluster(members: readonly MergeInput[], options: FuseOptions = {}): MergedEvent {
  const reports = [...members].sort((a, b) => (a.event_id < b.event_id ? -1 : a.event_id > b.event_id ? 1 : 0));
  const id = options.pickId ? options.pickId(reports) : reports[0]!.event_id;
  const provenance: Record<string, string> = {};
  const fields: MergeInput & { event_id: string } = { event_id: id };

  // Date: the most precise, then the most common, then the earliest.
  const dated = reports.filter((r) => r.event_date);
  if (dated.length > 0) {
    const tp = Math.min(...dated.map((r) => r.time_precision ?? 3));
    const r = mostCommon(dated.filter((x) => (x.time_precision ?? 3) === tp), (x) => x.event_date!, (a, b) => (a < b ? -1 : a > b ? 1 : 0));
    fields.event_date = r.event_date;
    fields.time_precision = r.time_precision ?? 3;
    provenance.event_date = provenance.time_precision = r.event_id;
  }

  // Place: named places before provinces, then geo_precision, then the most common.
  const placed = reports.filter((r) => r.location || r.admin1 || r.country);
  if (placed.length > 0) {
    // (A record coded at its country's capital for want of a place ranks with those of a country.)
    const rank = (r: MergeInput) => (placeStandsIn(r) ? 8 : r.location && r.location !== r.admin1 && r.location !== r.country ? 0 : r.admin1 ? 4 : 8) + (r.geo_precision ?? 3);
    const top = Math.min(...placed.map(rank));
    const r = mostCommon(placed.filter((x) => rank(x) === top), (x) => x.location ?? '', () => 0);
    for (const f of PLACE_FIELDS) (fields as Record<string, unknown>)[f] = r[f];
    provenance.location = r.event_id;
    // A report placed at a town may lack what a coarser one states (its country).
    for (const f of ['country', 'iso3', 'admin1'] as const) {
      if (!fields[f]) {
        const other = placed.find((x) => x[f] && (!fields.country || !x.country || x.country === fields.country));
        if (other) {
          fields[f] = other[f];
          provenance[f] = other.event_id;
        }
      }
    }
  }

  // Type: a battle absorbs strikes and shelling; else the most common sub-event type.
  const typed = reports.filter((r) => r.sub_event_type || r.event_type);
  let typeReport: MergeInput | undefined;
  if (typed.length > 0) {
    const battles = typed.filter((r) => eventTypeOf(r) === 'Battles');
    const pool = battles.length > 0 ? battles : typed;
    const rankOf = (s: string) => -(SUB_EVENT_TYPES[s]?.rank ?? 0);
    typeReport = mostCommon(pool, (x) => x.sub_event_type ?? '', (a, b) => rankOf(a) - rankOf(b));
    fields.event_type = eventTypeOf(typeReport);
    fields.sub_event_type = typeReport.sub_event_type ?? '';
    provenance.event_type = provenance.sub_event_type = typeReport.event_id;
    // Actors: the report of the chosen type naming the most sides (the first by id on a tie).
    const sameType = typed.filter((r) => r.sub_event_type === fields.sub_event_type);
    let actorReport = sameType[0]!;
    for (const r of sameType) if (namedSides(r) > namedSides(actorReport)) actorReport = r;
    for (const f of ACTOR_FIELDS) (fields as Record<string, unknown>)[f] = actorReport[f];
    provenance.actor1 = provenance.actor2 = actorReport.event_id;
    fields.notes = actorReport.notes ?? '';
    provenance.notes = actorReport.event_id;
  }

  // Fatalities: the latest total; the lowest where the latest reports conflict.
  const counted = reports.filter((r) => (r.fatalities ?? 0) > 0);
  let low = 0;
  let best = 0;
  let high = 0;
  if (counted.length > 0) {
    const latest = counted.reduce((m, r) => (pubDate(r) > m ? pubDate(r) : m), '');
    const last = counted.filter((r) => pubDate(r) === latest);
    const chosen = last.reduce((m, r) => (r.fatalities! < m.fatalities! ? r : m));
    best = chosen.fatalities!;
    low = Math.min(...counted.map((r) => r.fatalities!));
    high = Math.max(...counted.map((r) => r.fatalities!));
    provenance.fatalities = chosen.event_id;
  }
  fields.fatalities = best;

  const sources = [...new Set(reports.flatMap((r) => (r.source ?? '').split(/;\s*/)).map((s) => s.trim()).filter(Boolean))].sort();
  fields.source = sources.join('; ');
  fields.tactics = [...new Set(reports.flatMap((r) => r.tactics ?? []))].sort();
  fields.confidence = Math.max(0, ...reports.map((r) => r.confidence ?? 0));
  const home = reports.find((r) => r.event_id === id) ?? reports[0]!;
  if (home.doc_id !== undefined) fields.doc_id = home.doc_id;

  const disagreements: Record<string, FieldValue[]> = {};
  if (reports.length > 1) {
    for (const f of COMPARED_FIELDS) {
      const values = reports.filter((r) => r[f] !== undefined && r[f] !== '' && !(f === 'fatalities' && !r[f]));
      if (new Set(values.map((r) => r[f])).size > 1) disagreements[f] = values.map((r) => ({ report: r.event_id, value: r[f] }));
    }
  }
  return {
    event_id: id,
    members: reports.map((r) => r.event_id),
    fields,
    sources,
    fatalities_low: low,
    fatalities_best: best,
    fatalities_high: high,
    provenance,
    disagreements,
  };
}
