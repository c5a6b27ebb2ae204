// Corrections win: an event an analyst reviewed keeps its reviewed values whatever re-extraction, a
// re-ingested document or a new report says. Ingest writes the machine's values, then this puts the
// reviewed ones back in the same transaction; review.ts (src/review) writes the snapshots.
import type { Kysely, Transaction } from 'kysely';
import type { Database, EventsTable } from './schema.js';

/** The event fields an analyst may set (derived ones, year and interaction, follow). */
export const REVIEWED_FIELDS = [
  'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction',
  'country', 'iso3', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision',
  'fatalities', 'notes',
] as const satisfies readonly (keyof EventsTable)[];
export type ReviewedField = (typeof REVIEWED_FIELDS)[number];

export const REVIEW_STATUSES = ['unreviewed', 'confirmed', 'edited', 'rejected'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

const CHUNK = 500;

/** Reviewed values of the events among `ids` that have them: field → value. */
export async function reviewedSnapshots(db: Kysely<Database> | Transaction<Database>, ids: string[]): Promise<Map<string, Partial<EventsTable>>> {
  const out = new Map<string, Partial<EventsTable>>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await db.selectFrom('event_reviews').select(['event_id', 'snapshot'])
      .where('event_id', 'in', ids.slice(i, i + CHUNK)).where('snapshot', 'is not', null).execute();
    for (const r of rows) out.set(r.event_id, JSON.parse(r.snapshot!) as Partial<EventsTable>);
  }
  return out;
}

/** Puts the reviewed values back on the events among `ids` (after ingest wrote the machine's). */
export async function reapplyCorrections(trx: Transaction<Database>, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const snapshots = await reviewedSnapshots(trx, ids);
  for (const [id, snap] of snapshots) {
    const set: Record<string, unknown> = {};
    for (const f of REVIEWED_FIELDS) if (f in snap) set[f] = snap[f];
    if (Object.keys(set).length > 0) await trx.updateTable('events').set(set as never).where('event_id', '=', id).execute();
  }
}
