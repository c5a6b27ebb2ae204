// ACLED-schema records read from JSON lines for `sitrep merge`, and merged events written back:
// ACLED's fields, `source` (every outlet), `source_count`, fatalities low/best/high, `members`
// (the event_ids merged), and for each field the member it came from.
import type { MergedEvent, MergeInput } from './types.js';

export class RecordError extends Error {}

const NUMBER_FIELDS = ['time_precision', 'inter1', 'inter2', 'interaction', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'confidence'] as const;

/**
 * One JSON line as a merge input. `date` (or `publication_date`) is the publication date of the
 * record's source; numbers may come as strings (CSV-converted datasets); anything missing is unknown.
 */
export function parseRecord(line: string, where: string): MergeInput {
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch {
    throw new RecordError(`${where}: not a JSON object`);
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new RecordError(`${where}: not a JSON object`);
  const r = { ...(v as Record<string, unknown>) };
  const id = r.event_id ?? r.event_id_cnty;
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id) === '') throw new RecordError(`${where}: no event_id`);
  r.event_id = String(id);
  for (const f of NUMBER_FIELDS) {
    const x = r[f];
    if (x === '' || x === null || x === undefined) delete r[f];
    else if (typeof x === 'string' && Number.isFinite(Number(x))) r[f] = Number(x);
    else if (typeof x !== 'number') throw new RecordError(`${where}: ${f} is not a number`);
  }
  if (typeof r.event_date === 'string' && !/^\d{4}-\d{2}-\d{2}/.test(r.event_date)) {
    throw new RecordError(`${where}: event_date "${r.event_date.slice(0, 40)}" is not YYYY-MM-DD`);
  }
  if (r.publication_date === undefined && typeof r.date === 'string') r.publication_date = r.date;
  if (r.doc_id !== undefined) r.doc_id = String(r.doc_id);
  return r as MergeInput;
}

/** A merged event as one JSON object (ACLED's fields first). */
export function mergedRecord(m: MergedEvent): Record<string, unknown> {
  const { publication_date: _p, claims: _c, evidence: _e, ...fields } = m.fields as Record<string, unknown>;
  return {
    ...fields,
    event_id: m.event_id,
    source: m.sources.join('; '),
    source_count: m.sources.length,
    fatalities: m.fatalities_best,
    fatalities_low: m.fatalities_low,
    fatalities_high: m.fatalities_high,
    members: m.members,
    provenance: m.provenance,
    ...(Object.keys(m.disagreements).length > 0 ? { disagreements: m.disagreements } : {}),
  };
}
