// What the worker tests check in the store: nothing stored twice, no event left over.
import { sql } from 'kysely';
import type { Store } from '../../src/store/index.js';

/** Documents, events, and the checks no document or event is stored twice. */
export async function storeCensus(store: Store): Promise<{ documents: number; events: number; orphanEvents: number; reportsOnTwoEvents: number }> {
  const one = async (q: string) => Number(((await sql.raw(q).execute(store.db)).rows[0] as { n: unknown }).n);
  return {
    documents: await one('select count(*) as n from documents'),
    events: await one('select count(*) as n from events'),
    // An event no report belongs to would be a leftover of a duplicate.
    orphanEvents: await one('select count(*) as n from events e where not exists (select 1 from event_reports r where r.event_id = e.event_id)'),
    reportsOnTwoEvents: await one('select count(*) as n from (select report_id from event_reports group by report_id having count(distinct event_id) > 1) x'),
  };
}
