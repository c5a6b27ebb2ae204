// Merging in the store: each document's extracted events are stored as its reports; a new report
// joins the stored events its merge candidates belong to (the merge engine over the reports of the
// same country within the days it may reach, read by the (country, day) index), so the cost of a
// document does not grow with the store. Events never split; when a report joins two events the
// older keeps its id and the other becomes an alias.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { AcledEvent } from '../common/event.js';
import { normName, dayNumber, reachOf, slackOf } from '../merge/compat.js';
import { clusterReports } from '../merge/engine.js';
import { fuseCluster } from '../merge/fuse.js';
import type { MergeInput } from '../merge/types.js';
import type { Database, EventsTable } from './schema.js';
import { insertJsonRows, PREPARE, rowColumns } from './pg-bulk.js';

/** The widest slack (time_precision 3): stored reports of a month are read this far away. */
const WIDE_SLACK = slackOf(3);
const CHUNK = 500;
/** The columns of events that may be null (migration 1); every other is NOT NULL. */
const NULLABLE_EVENT_COLUMNS = new Set(['latitude', 'longitude']);

export interface NewReport {
  event: AcledEvent;
  docId: string;
  publicationDate?: string;
  docSource?: string;
}

export function reportInput(r: NewReport): MergeInput {
  const { evidence: _e, claims: _c, ...fields } = r.event;
  return {
    ...fields,
    doc_id: r.docId,
    source: fields.source || r.docSource || '',
    ...(r.publicationDate ? { publication_date: r.publicationDate } : {}),
  };
}

export function countryKey(r: Pick<MergeInput, 'country' | 'iso3'>): string {
  return r.country ? normName(r.country) : (r.iso3 ?? '').toUpperCase();
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface Window {
  country: string;
  admin1: string;
  from: number;
  to: number;
}

/** Day intervals covering [day - reach, day + reach] of each item, coalesced. */
function intervals(items: { day: number; reach: number }[]): [number, number][] {
  const sorted = [...items].sort((a, b) => a.day - a.reach - (b.day - b.reach));
  const out: [number, number][] = [];
  for (const { day, reach } of sorted) {
    const last = out[out.length - 1];
    if (last && day - reach <= last[1] + 1) last[1] = Math.max(last[1], day + reach);
    else out.push([day - reach, day + reach]);
  }
  return out;
}

/** Days per block of the merge locks: reports are locked by (country, block of days). */
const LOCK_BLOCK_DAYS = 8;
/** First key of PostgreSQL's two-key advisory locks, naming sitrep's merge locks. */
const LOCK_CLASS = 0x5172;

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * PostgreSQL: locks (transaction-scoped advisory locks) on every (country, block of days) a batch's
 * reports can merge with, taken in order before anything is written. Two workers storing reports
 * that could be of one event then merge one after the other, each seeing the other's reports; any
 * pair that can merge has one report within the other's reach, so their locked blocks overlap.
 */
export async function lockMergeBlocks(trx: Transaction<Database>, reports: NewReport[]): Promise<void> {
  const keys = new Set<number>();
  for (const r of reports) {
    const input = reportInput(r);
    const day = dayNumber(input.event_date);
    const country = countryKey(input);
    if (!Number.isFinite(day)) continue;
    const reach = reachOf(input);
    for (let b = Math.floor((day - reach) / LOCK_BLOCK_DAYS); b <= Math.floor((day + reach) / LOCK_BLOCK_DAYS); b++) keys.add(hash32(`${country}\u0000${b}`));
  }
  if (keys.size === 0) return;
  // One statement, the keys in ascending order (so two batches never wait on each other in a
  // cycle): PostgreSQL evaluates a volatile function of the select list after ORDER BY (since 9.6).
  const sorted = [...keys].sort((a, b) => a - b);
  await sql`${sql.raw(PREPARE)}select count(pg_advisory_xact_lock(${LOCK_CLASS}, k)) from (select k from unnest(${sorted}::int4[]) with ordinality as t(k, o) order by o) s`.execute(trx);
}

export interface MergeOutcome {
  /** New reports that joined an event of another report (stored before or in the same batch). */
  merged: number;
  /** Events that became aliases of another. */
  aliased: number;
}

/** The batch's own events rows and links (event, document), written by storeReports(). */
export interface BatchEvents {
  /** One row per event id of the batch's reports. */
  rows: EventsTable[];
  links: { event_id: string; doc_id: string }[];
  /** Upserts events rows (the stored row of an event id takes the new fields). */
  writeEvents(rows: EventsTable[]): Promise<void>;
  /** Inserts links, leaving a stored one alone. */
  writeLinks(rows: { event_id: string; doc_id: string }[]): Promise<void>;
}

/**
 * Stores the reports of a batch and merges them into the store's events. `fuseRow` turns fused
 * fields into an events row. With `merge` false, every report stays its own event.
 * The batch's events rows and links are written here, once the merge is known: a new event that
 * joins another is never written (its reports and links are written under the event it joins, and
 * an event that another joins is written once, with the fused fields), rather than written, moved
 * and deleted.
 */
export async function storeReports(
  trx: Transaction<Database>,
  reports: NewReport[],
  batch: BatchEvents,
  options: { merge: boolean; now: number; fuseRow(fields: MergeInput, docId: string): EventsTable; postgres?: boolean },
): Promise<MergeOutcome> {
  const base = Date.now() * 1000;
  const inputs = reports.map(reportInput);
  const rows = inputs.map((input, i) => ({
    report_id: `${input.event_id}@${input.doc_id}`,
    event_id: input.event_id,
    doc_id: input.doc_id!,
    country: countryKey(input),
    admin1: normName(input.admin1),
    day: Number.isFinite(dayNumber(input.event_date)) ? dayNumber(input.event_date) : -1e6,
    slack: slackOf(input.time_precision),
    created: base + i,
    data: JSON.stringify(input),
  }));
  const writeReports = async (list: typeof rows) => {
    if (list.length === 0) return;
    if (options.postgres) {
      await insertJsonRows(trx, 'event_reports', Object.keys(list[0]!), list, { keys: ['report_id'], update: Object.keys(list[0]!).filter((c) => c !== 'report_id') });
    } else for (const part of chunks(list, 4000)) {
      await trx.insertInto('event_reports').values(part).onConflict((oc) => oc.column('report_id').doUpdateSet((eb) => ({
        event_id: eb.ref('excluded.event_id'),
        doc_id: eb.ref('excluded.doc_id'),
        country: eb.ref('excluded.country'),
        admin1: eb.ref('excluded.admin1'),
        day: eb.ref('excluded.day'),
        slack: eb.ref('excluded.slack'),
        created: eb.ref('excluded.created'),
        data: eb.ref('excluded.data'),
      }))).execute();
    }
  };
  // No event joins another: the batch's rows as they are.
  const unmerged = async (): Promise<MergeOutcome> => {
    await writeReports(rows);
    await batch.writeLinks(batch.links);
    await batch.writeEvents(batch.rows);
    return { merged: 0, aliased: 0 };
  };
  if (reports.length === 0 || !options.merge) return unmerged();

  // Candidates: stored reports of the same country and province (or of no known province; a new
  // report of no known province reads the whole country) within reach of a new report's day: its own
  // window (reachOf: at least a day, more for a deadly report), and stored reports of a month
  // (time_precision 3) within theirs.
  const reach = new Map(rows.map((r, i) => [r.report_id, reachOf(inputs[i]!)]));
  const byPlace = new Map<string, typeof rows>();
  for (const r of rows) {
    if (r.day <= -1e6) continue;
    const key = `${r.country}\u0000${r.admin1}`;
    (byPlace.get(key) ?? byPlace.set(key, []).get(key)!).push(r);
  }
  const stored = new Map<string, { event_id: string; created: number; input: MergeInput }>();
  // Events with reports stored before this batch (the batch's own are not written yet).
  const storedEvents = new Set<string>();
  // Every place's windows in one statement (a batch of news touches dozens of places): the near
  // windows of any report, then the wide ones of reports of a month (their own index).
  const near: Window[] = [];
  const wide: Window[] = [];
  for (const list of byPlace.values()) {
    const { country, admin1 } = list[0]!;
    for (const [from, to] of intervals(list.map((r) => ({ day: r.day, reach: reach.get(r.report_id)! })))) near.push({ country, admin1, from, to });
    for (const [from, to] of intervals(list.map((r) => ({ day: r.day, reach: WIDE_SLACK })))) wide.push({ country, admin1, from, to });
  }
  for (const [windows, minSlack] of [[near, 0], [wide, WIDE_SLACK]] as const) {
    // Reports of a month have the widest slack there is: tested by equality, so that their own
    // partial indexes (slack = WIDE_SLACK) are read, not every report of the country in the month.
    const slackTest = minSlack === 0 ? sql`` : sql`and r.slack = ${sql.lit(WIDE_SLACK)}`;
    // A window of a province reads its province and the reports of no known province by the
    // (country, admin1, day) index, two ranges, so that reports of the country's other provinces are
    // never read (a store growing elsewhere in the country costs nothing); a window of no known
    // province reads the whole country by the (country, day) index. Duplicates are dropped below.
    const placed = windows.filter((w) => w.admin1 !== '');
    const whole = windows.filter((w) => w.admin1 === '');
    const reads: { part: Window[]; test: RawBuilder<unknown> }[] = [];
    for (const part of chunks(placed, 150)) {
      reads.push({ part, test: sql`r.admin1 = w.admin1` });
      reads.push({ part, test: sql`r.admin1 = ''` });
    }
    for (const part of chunks(whole, 150)) reads.push({ part, test: sql`1 = 1` });
    for (const { part, test } of reads) {
      const values = sql.join(part.map((w) => sql`(${w.country}, ${w.admin1}, cast(${w.from} as integer), cast(${w.to} as integer))`));
      const found = await sql<{ report_id: string; event_id: string; created: number | string; data: string }>`
        with w(country, admin1, d0, d1) as (values ${values})
        select r.report_id, r.event_id, r.created, r.data from w join event_reports r
          on r.country = w.country and ${test} and r.day >= w.d0 and r.day <= w.d1 ${slackTest}`.execute(trx);
      for (const f of found.rows) {
        if (stored.has(f.report_id)) continue;
        storedEvents.add(f.event_id);
        stored.set(f.report_id, { event_id: f.event_id, created: Number(f.created), input: JSON.parse(f.data) as MergeInput });
      }
    }
  }
  // The batch's own dated reports: each is within its own window.
  inputs.forEach((input, i) => {
    const r = rows[i]!;
    if (r.day > -1e6) stored.set(r.report_id, { event_id: r.event_id, created: r.created, input });
  });
  // The other reports of the events found (read by event, outside the window or the province), so
  // that a report joins an event only when it fits every report of it there (complete linkage).
  const missing: string[] = [];
  const found = new Set([...stored.values()].map((v) => v.event_id));
  for (const part of chunks([...found], CHUNK)) {
    const siblings = await trx.selectFrom('event_reports').select(['report_id']).where('event_id', 'in', part).execute();
    for (const r of siblings) if (!stored.has(r.report_id)) missing.push(r.report_id);
  }
  for (const part of chunks(missing, CHUNK)) {
    const found = await trx.selectFrom('event_reports').select(['report_id', 'event_id', 'created', 'data']).where('report_id', 'in', part).execute();
    for (const f of found) {
      storedEvents.add(f.event_id);
      stored.set(f.report_id, { event_id: f.event_id, created: Number(f.created), input: JSON.parse(f.data) as MergeInput });
    }
  }
  inputs.forEach((input, i) => {
    const r = rows[i]!;
    if (!stored.has(r.report_id) && found.has(r.event_id)) stored.set(r.report_id, { event_id: r.event_id, created: r.created, input });
  });
  const pool = [...stored.entries()];
  const isNew = new Set(rows.map((r) => r.report_id));
  const newEvents = new Set(rows.map((r) => r.event_id));
  const groups = clusterReports(pool.map(([, v]) => v.input));

  // Union of the events each group with a new report touches (events never split).
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let p = parent.get(x) ?? x;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(x, p);
    return p;
  };
  // An event an analyst reviewed (confirmed, edited or rejected) is theirs: the machine neither
  // merges it into another event nor merges others into it; moving reports is the analyst's call.
  const touched = new Set<string>();
  for (const g of groups) {
    if (g.length < 2 || !g.some((i) => isNew.has(pool[i]![0]))) continue;
    for (const i of g) touched.add(pool[i]![1].event_id);
  }
  const pinned = new Set<string>();
  for (const part of chunks([...touched], CHUNK)) {
    const found = await trx.selectFrom('events').select('event_id')
      .where('event_id', 'in', part).where('review_status', '!=', 'unreviewed').execute();
    for (const f of found) pinned.add(f.event_id);
  }
  let merged = 0;
  for (const g of groups) {
    if (g.length < 2 || !g.some((i) => isNew.has(pool[i]![0]))) continue;
    const events = g.map((i) => pool[i]![1].event_id).filter((e) => !pinned.has(e));
    for (const e of events.slice(1)) {
      const a = find(events[0]!);
      const b = find(e);
      if (a !== b) parent.set(b, a);
    }
  }
  const sets = new Map<string, string[]>();
  for (const x of parent.keys()) {
    const root = find(x);
    const s = sets.get(root) ?? sets.set(root, [root]).get(root)!;
    if (x !== root && !s.includes(x)) s.push(x);
  }
  if (sets.size === 0) return unmerged();

  // The older event (its first report stored first; then the smaller id) keeps its id. The pool
  // holds every report of each of its events (stored ones read by event above, and the batch's).
  const age = new Map<string, number>();
  for (const v of stored.values()) age.set(v.event_id, Math.min(age.get(v.event_id) ?? Infinity, v.created));
  // Every set at once (the sets are disjoint): a few statements per batch, not a few per event.
  let aliased = 0;
  const keepOf = new Map<string, string>();
  const keeps: string[] = [];
  for (const members of sets.values()) {
    const ordered = [...members].sort((a, b) => (age.get(a) ?? Infinity) - (age.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
    const keep = ordered[0]!;
    const others = ordered.slice(1);
    for (const o of others) if (newEvents.has(o)) merged++;
    aliased += others.length;
    keeps.push(keep);
    for (const o of others) keepOf.set(o, keep);
  }
  // Events that join another and are stored (rows, reports or links): moved below. The batch's
  // reports and links are written under the event they end in.
  const movedIds = new Set([...keepOf.keys()].filter((id) => storedEvents.has(id)));
  for (const part of chunks([...keepOf.keys()].filter((id) => !storedEvents.has(id)), CHUNK)) {
    for (const f of await trx.selectFrom('events').select('event_id').where('event_id', 'in', part).execute()) movedIds.add(f.event_id);
  }
  await writeReports(rows.map((r) => (keepOf.has(r.event_id) ? { ...r, event_id: keepOf.get(r.event_id)! } : r)));
  // The event each id in `ids` moves to: CASE event_id WHEN other THEN keep ... END.
  const keepCase = (ids: string[]) => sql<string>`case event_id ${sql.join(ids.map((o) => sql`when ${o} then ${keepOf.get(o)!}`), sql` `)} end`;
  for (const part of chunks([...keepOf.keys()], CHUNK)) {
    const moving = part.filter((id) => movedIds.has(id));
    if (moving.length > 0) await trx.updateTable('event_reports').set({ event_id: keepCase(moving) }).where('event_id', 'in', moving).execute();
    await trx.updateTable('event_aliases').set({ event_id: keepCase(part) }).where('event_id', 'in', part).execute();
    await trx.insertInto('event_aliases').values(part.map((alias) => ({ alias, event_id: keepOf.get(alias)! })))
      .onConflict((oc) => oc.column('alias').doUpdateSet((eb) => ({ event_id: eb.ref('excluded.event_id') }))).execute();
    if (moving.length === 0) continue;
    const links = await trx.selectFrom('event_documents').select(['event_id', 'doc_id']).where('event_id', 'in', moving).execute();
    const moved = new Map<string, { event_id: string; doc_id: string }>();
    for (const l of links) {
      const event_id = keepOf.get(l.event_id)!;
      moved.set(`${event_id}\u0000${l.doc_id}`, { event_id, doc_id: l.doc_id });
    }
    for (const rows of chunks([...moved.values()], 4000)) {
      await trx.insertInto('event_documents').values(rows).onConflict((oc) => oc.columns(['event_id', 'doc_id']).doNothing()).execute();
    }
    await trx.deleteFrom('event_documents').where('event_id', 'in', moving).execute();
    await trx.deleteFrom('events').where('event_id', 'in', moving).execute();
  }
  const links = new Map<string, { event_id: string; doc_id: string }>();
  for (const l of batch.links) {
    const event_id = keepOf.get(l.event_id) ?? l.event_id;
    links.set(`${event_id}\u0000${l.doc_id}`, { event_id, doc_id: l.doc_id });
  }
  await batch.writeLinks([...links.values()]);
  // The batch's events: those that join another are not written; those another joins are written
  // once, fused from all their reports.
  const keepSet = new Set(keeps);
  // Rows not written as they are would not meet the table's constraints either: refused as they would be.
  for (const r of batch.rows) {
    if (!keepOf.has(r.event_id) && !keepSet.has(r.event_id)) continue;
    for (const [col, v] of Object.entries(r)) {
      if (v === null && !NULLABLE_EVENT_COLUMNS.has(col)) throw new Error(`event ${r.event_id}: null value in column "${col}" of events`);
    }
  }
  await batch.writeEvents(batch.rows.filter((r) => !keepOf.has(r.event_id) && !keepSet.has(r.event_id)));
  await refuseMany(trx, keeps, { ...options, unstored: new Map(batch.rows.filter((r) => keepSet.has(r.event_id)).map((r) => [r.event_id, r])) });
  return { merged, aliased };
}

/** Chooses the fields of these events again from all their reports (read in a few queries). */
export async function refuseMany(
  trx: Transaction<Database>,
  eventIds: string[],
  options: {
    now: number;
    fuseRow(fields: MergeInput, docId: string): EventsTable;
    postgres?: boolean;
    /** Rows of events that may not be stored yet (written here with the fused fields; the stored row keeps its document). */
    unstored?: Map<string, EventsTable>;
  },
): Promise<void> {
  for (const part of chunks([...new Set(eventIds)], CHUNK)) {
    const members = new Map<string, MergeInput[]>();
    for (const m of await trx.selectFrom('event_reports').select(['event_id', 'data']).where('event_id', 'in', part).execute()) {
      (members.get(m.event_id) ?? members.set(m.event_id, []).get(m.event_id)!).push(JSON.parse(m.data) as MergeInput);
    }
    const docOf = new Map<string, string>();
    for (const r of await trx.selectFrom('events').select(['event_id', 'doc_id']).where('event_id', 'in', part).execute()) docOf.set(r.event_id, r.doc_id);
    for (const id of part) {
      const row = options.unstored?.get(id);
      if (row && !docOf.has(id)) docOf.set(id, row.doc_id);
    }
    // Every event's new fields in one statement (an upsert of rows known to exist: their update).
    const rows: Record<string, unknown>[] = [];
    for (const eventId of part) {
      const reports = members.get(eventId);
      if (reports && docOf.has(eventId)) rows.push(fusedRow(eventId, reports, docOf.get(eventId), options));
    }
    const shape = rowColumns(rows);
    if (options.postgres && rows.length > 0 && shape.complete) {
      const columns = shape.columns;
      await insertJsonRows(trx, 'events', columns, rows, { keys: ['event_id'], update: columns.filter((c) => c !== 'event_id') });
      continue;
    }
    for (const batch of chunks(rows, 200)) {
      await trx.insertInto('events').values(batch as never).onConflict((oc) => oc.column('event_id').doUpdateSet((eb) => {
        const set: Record<string, unknown> = {};
        for (const col of Object.keys(batch[0]!)) if (col !== 'event_id') set[col] = eb.ref(`excluded.${col}` as never);
        return set as never;
      })).execute();
    }
  }
}

/** An event's row fused from its reports (every column refuseMany() writes, with event_id). */
function fusedRow(
  eventId: string,
  reports: MergeInput[],
  currentDoc: string | undefined,
  options: { now: number; fuseRow(fields: MergeInput, docId: string): EventsTable },
): Record<string, unknown> {
  const fused = fuseCluster(reports, { pickId: () => eventId });
  const row = options.fuseRow({ ...fused.fields, fatalities: fused.fatalities_best }, currentDoc ?? fused.fields.doc_id ?? '');
  return {
    ...row,
    event_id: eventId,
    provenance: JSON.stringify(fused.provenance),
    source_count: fused.sources.length,
    updated_at: options.now,
  };
}
