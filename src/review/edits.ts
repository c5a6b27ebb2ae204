// Analyst review of stored events: edits with optimistic concurrency (ETag / If-Match), ACLED's
// hierarchy enforced, confirm and reject, an audit row for every changed field, and revert. The
// reviewed values are kept as the event's snapshot, which ingest puts back (src/store/corrections.ts).
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { ACLED_EVENT_TYPES, SUB_EVENT_TYPES } from '../common/acled-types.js';
import { lookupCountry } from '../geography/index.js';
import { REVIEWED_FIELDS, type ReviewStatus, type ReviewedField } from '../store/corrections.js';
import type { Store } from '../store/index.js';
import type { Database, EventsTable } from '../store/schema.js';
import { placeById } from './places.js';

/** A request the review cannot carry out; `status` is the HTTP status that says why. */
export class ReviewError extends Error {
  constructor(
    readonly status: 400 | 404 | 412 | 428,
    message: string,
    readonly parameter?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export type Decision = 'none' | 'confirmed' | 'rejected';
type Value = string | number | null;
type Row = Pick<EventsTable, ReviewedField> & { review_status: string };

/** What a PATCH may name: the reviewed fields but the derived ones (year, interaction). */
export const EDITABLE_FIELDS = REVIEWED_FIELDS.filter((f) => f !== 'year' && f !== 'interaction');
export const BODY_KEYS = [...EDITABLE_FIELDS, 'place_id', 'review_status', 'reason'] as const;

const MAX_REASON = 2000;
const MAX_ACTOR = 300;
const MAX_NOTES = 20000;

export interface HistoryEntry {
  id: number;
  revision: number;
  at: string;
  user: string;
  action: string;
  field: string;
  before: Value;
  after: Value;
  reason: string;
  reverts: number | null;
}

interface ReviewRow {
  decision: Decision;
  revision: number;
  overrides: Record<string, Value>;
}

function statusOf(decision: Decision, overrides: Record<string, Value>): ReviewStatus {
  if (decision === 'rejected') return 'rejected';
  if (Object.keys(overrides).length > 0) return 'edited';
  return decision === 'confirmed' ? 'confirmed' : 'unreviewed';
}

function interactionCode(a: number, b: number): number {
  if (!a && !b) return 0;
  if (!b) return a * 10;
  if (!a) return b * 10;
  return Math.min(a, b) * 10 + Math.max(a, b);
}

/** The event's ETag: its review revision and a hash of its reviewed fields and status. */
export function etagOf(row: Row, revision: number): string {
  const values = REVIEWED_FIELDS.map((f) => row[f] ?? null);
  const hash = createHash('sha256').update(JSON.stringify([values, row.review_status])).digest('hex').slice(0, 16);
  return `"r${revision}-${hash}"`;
}

function revisionOfTag(tag: string): number | undefined {
  const m = /^(?:W\/)?"r(\d+)-[0-9a-f]{16}"$/.exec(tag.trim());
  return m ? Number(m[1]) : undefined;
}

async function loadRow(trx: Transaction<Database> | Store['db'], id: string): Promise<Row | undefined> {
  const row = await trx.selectFrom('events').select([...REVIEWED_FIELDS, 'review_status']).where('event_id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const out = { ...row } as Record<string, unknown>;
  for (const f of REVIEWED_FIELDS) {
    const v = out[f];
    if (typeof v === 'bigint' || (typeof v === 'string' && NUMERIC.has(f))) out[f] = Number(v);
  }
  out.review_status = row.review_status ?? 'unreviewed';
  return out as Row;
}

const NUMERIC = new Set<string>(['year', 'time_precision', 'inter1', 'inter2', 'interaction', 'latitude', 'longitude', 'geo_precision', 'fatalities']);

async function loadReview(trx: Transaction<Database> | Store['db'], id: string): Promise<ReviewRow> {
  const r = await trx.selectFrom('event_reviews').select(['decision', 'revision', 'overrides']).where('event_id', '=', id).executeTakeFirst();
  if (!r) return { decision: 'none', revision: 0, overrides: {} };
  return { decision: r.decision as Decision, revision: Number(r.revision), overrides: JSON.parse(r.overrides) as Record<string, Value> };
}

/** The current ETag of an event, or undefined when there is no such event. */
export async function currentEtag(store: Store, id: string): Promise<string | undefined> {
  const row = await loadRow(store.db, id);
  if (!row) return undefined;
  return etagOf(row, (await loadReview(store.db, id)).revision);
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const t = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return t.getUTCFullYear() === +m[1]! && t.getUTCMonth() === +m[2]! - 1 && t.getUTCDate() === +m[3]!;
}

function text(field: string, v: unknown, max: number, required: boolean, multiline = false): string {
  if (typeof v !== 'string') throw new ReviewError(400, `${field}: must be a string`, field);
  const s = v.trim();
  if (required && !s) throw new ReviewError(400, `${field}: must not be empty`, field);
  if (s.length > max) throw new ReviewError(400, `${field}: is longer than ${max} characters`, field);
  // eslint-disable-next-line no-control-regex
  if ((multiline ? /[\u0000-\u0008\u000b-\u001f\u007f]/ : /[\u0000-\u001f\u007f]/).test(s)) {
    throw new ReviewError(400, `${field}: contains control characters`, field);
  }
  return s;
}

function integer(field: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new ReviewError(400, `${field}: must be a whole number from ${min} to ${max}`, field);
  }
  return v;
}

function coordinate(field: string, v: unknown, bound: number): number | null {
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || Math.abs(v) > bound) {
    throw new ReviewError(400, `${field}: must be a number from -${bound} to ${bound}, or null`, field);
  }
  return Math.round(v * 1e5) / 1e5;
}

/** Validates one field's new value (the hierarchy is checked on the whole change). */
function validField(field: ReviewedField, v: unknown): Value {
  switch (field) {
    case 'event_date': {
      const s = text(field, v, 10, true);
      if (!isRealDate(s)) throw new ReviewError(400, 'event_date: must be a calendar date YYYY-MM-DD', field);
      return s;
    }
    case 'time_precision':
    case 'geo_precision':
      return integer(field, v, 1, 3);
    case 'event_type': {
      const s = text(field, v, 100, true);
      if (!(ACLED_EVENT_TYPES as readonly string[]).includes(s)) {
        throw new ReviewError(400, `event_type: "${s.slice(0, 60)}" is not an ACLED event type (one of: ${ACLED_EVENT_TYPES.join(', ')})`, field);
      }
      return s;
    }
    case 'sub_event_type': {
      const s = text(field, v, 100, true);
      if (!SUB_EVENT_TYPES[s]) throw new ReviewError(400, `sub_event_type: "${s.slice(0, 60)}" is not an ACLED sub-event type`, field);
      return s;
    }
    case 'actor1':
      return text(field, v, MAX_ACTOR, true);
    case 'actor2':
    case 'assoc_actor_1':
    case 'assoc_actor_2':
      return text(field, v, MAX_ACTOR, false);
    case 'inter1':
      return integer(field, v, 1, 8);
    case 'inter2':
      return integer(field, v, 0, 8);
    case 'fatalities':
      return integer(field, v, 0, 1_000_000);
    case 'notes':
      return text(field, v, MAX_NOTES, false, true);
    case 'latitude':
      return coordinate(field, v, 90);
    case 'longitude':
      return coordinate(field, v, 180);
    case 'country': {
      const s = text(field, v, 100, true);
      const c = lookupCountry(s);
      if (!c) throw new ReviewError(400, `country: "${s.slice(0, 60)}" is not a country sitrep knows (a name or ISO code)`, field);
      return c.name;
    }
    case 'iso3': {
      const s = text(field, v, 3, true).toUpperCase();
      if (!/^[A-Z]{3}$/.test(s) || !lookupCountry(s)) throw new ReviewError(400, 'iso3: must be an ISO 3166 alpha-3 code', field);
      return s;
    }
    case 'admin1':
    case 'admin2':
    case 'location':
      return text(field, v, 200, false);
    default:
      throw new ReviewError(400, `${field}: cannot be set (it follows from other fields)`, field);
  }
}

export interface EditBody {
  [key: string]: unknown;
}

export interface Editor {
  name: string;
}

interface Change {
  field: string;
  before: Value;
  after: Value;
  wasOverride: boolean;
}

/** Reads a PATCH body into the new field values and decision; throws ReviewError on anything wrong. */
function parseBody(body: unknown, row: Row): { values: Partial<Record<ReviewedField, Value>>; decision?: Decision; reason: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ReviewError(400, 'body: must be a JSON object of fields', 'body');
  const o = body as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!(BODY_KEYS as readonly string[]).includes(k)) {
      throw new ReviewError(400, `${k}: unknown field (allowed: ${BODY_KEYS.join(', ')})`, k);
    }
  }
  const values: Partial<Record<ReviewedField, Value>> = {};
  if (o.place_id !== undefined) {
    const place = typeof o.place_id === 'string' || typeof o.place_id === 'number' ? placeById(String(o.place_id)) : undefined;
    if (!place) throw new ReviewError(400, 'place_id: not a place of the gazetteer (search /api/places?q=...)', 'place_id');
    Object.assign(values, {
      location: place.location, admin1: place.admin1, admin2: place.admin2, country: place.country, iso3: place.iso3,
      latitude: place.latitude, longitude: place.longitude, geo_precision: place.geo_precision,
    });
  }
  for (const f of EDITABLE_FIELDS) if (o[f] !== undefined) values[f] = validField(f, o[f]);
  // A country without its code takes the country's code (and the other way round).
  if (values.country !== undefined && values.iso3 === undefined) values.iso3 = lookupCountry(String(values.country))?.iso3 ?? row.iso3;
  if (values.iso3 !== undefined && values.country === undefined) values.country = lookupCountry(String(values.iso3))?.name ?? row.country;
  // ACLED's hierarchy: a sub-event type belongs to one event type.
  const sub = (values.sub_event_type ?? row.sub_event_type) as string;
  if (values.sub_event_type !== undefined && values.event_type === undefined) values.event_type = SUB_EVENT_TYPES[sub]!.eventType;
  if (values.event_type !== undefined) {
    const parent = SUB_EVENT_TYPES[sub]?.eventType;
    if (parent !== values.event_type) {
      const allowed = Object.entries(SUB_EVENT_TYPES).filter(([, v]) => v.eventType === values.event_type).map(([k]) => k);
      throw new ReviewError(400, `sub_event_type: "${sub}" is not a sub-event type of ${values.event_type} (one of: ${allowed.join(', ')})`, 'sub_event_type');
    }
  }
  if (values.event_date !== undefined) values.year = Number(String(values.event_date).slice(0, 4));
  if (values.inter1 !== undefined || values.inter2 !== undefined) {
    values.interaction = interactionCode(Number(values.inter1 ?? row.inter1), Number(values.inter2 ?? row.inter2));
  }
  let decision: Decision | undefined;
  if (o.review_status !== undefined) {
    const s = o.review_status;
    if (s === 'confirmed' || s === 'rejected') decision = s;
    else if (s === 'unreviewed') decision = 'none';
    else throw new ReviewError(400, 'review_status: must be confirmed, rejected or unreviewed (edited follows from edits)', 'review_status');
  }
  const reason = o.reason === undefined ? '' : text('reason', o.reason, MAX_REASON, false, true);
  return { values, decision, reason };
}

function same(a: Value, b: Value): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}

function historyEntry(r: { id: unknown; revision: unknown; at: unknown; user_name: string; action: string; field: string; before: string; after: string; reason: string; reverts: unknown }): HistoryEntry {
  return {
    id: Number(r.id),
    revision: Number(r.revision),
    at: new Date(Number(r.at)).toISOString(),
    user: r.user_name,
    action: r.action,
    field: r.field,
    before: JSON.parse(r.before) as Value,
    after: JSON.parse(r.after) as Value,
    reason: r.reason,
    reverts: r.reverts === null || r.reverts === undefined ? null : Number(r.reverts),
  };
}

/** An event's changes, oldest first; `sinceRevision` keeps those after it. */
export async function eventHistory(store: Store | Transaction<Database>, id: string, sinceRevision = 0): Promise<HistoryEntry[]> {
  const db = 'db' in store ? store.db : store;
  const rows = await db.selectFrom('audit_log').selectAll().where('event_id', '=', id).where('revision', '>', sinceRevision).orderBy('id').execute();
  return rows.map(historyEntry);
}

export interface AuditQuery {
  user?: string;
  /** Unix milliseconds. */
  since?: number;
  eventId?: string;
  limit?: number;
}

export async function listAudit(store: Store, q: AuditQuery = {}): Promise<(HistoryEntry & { event_id: string })[]> {
  let query = store.db.selectFrom('audit_log').selectAll();
  if (q.user) query = query.where('user_name', '=', q.user);
  if (q.since !== undefined) query = query.where('at', '>=', q.since);
  if (q.eventId) query = query.where('event_id', '=', q.eventId);
  const rows = await query.orderBy('id').limit(q.limit ?? 100_000).execute();
  return rows.map((r) => ({ event_id: r.event_id, ...historyEntry(r) }));
}

export interface EditResult {
  etag: string;
  changes: HistoryEntry[];
  review_status: ReviewStatus;
}

/**
 * Applies a change to an event in one transaction: checks `ifMatch` against the current ETag (412
 * with the changes made since, when stale), validates, writes the fields, the review and one
 * audit row per changed field. Nothing changing is no revision.
 */
export async function editEvent(store: Store, id: string, ifMatch: string | undefined, body: unknown, editor: Editor): Promise<EditResult> {
  return store.db.transaction().execute(async (trx) => {
    const { row, review } = await lockedState(trx, store, id, ifMatch);
    const { values, decision, reason } = parseBody(body, row);
    const changes: Change[] = [];
    for (const [f, v] of Object.entries(values) as [ReviewedField, Value][]) {
      if (f === 'year') continue; // follows event_date, not shown as a change of its own
      if (!same(row[f] as Value, v)) changes.push({ field: f, before: row[f] as Value, after: v, wasOverride: f in review.overrides });
    }
    const overrides = { ...review.overrides };
    for (const c of changes) overrides[c.field] = c.after;
    if (values.event_date !== undefined && changes.some((c) => c.field === 'event_date')) overrides.year = values.year!;
    let newDecision = review.decision;
    let statusChange: Change | undefined;
    if (decision !== undefined && decision !== review.decision) {
      newDecision = decision;
      statusChange = { field: 'review_status', before: row.review_status, after: statusOf(decision, overrides), wasOverride: false };
    }
    return write(trx, id, row, review, { values, changes, statusChange, overrides, decision: newDecision, reason, editor, action: 'edit' });
  });
}

/** Reverts the change (revision) the audit row `auditId` belongs to: every field back, as one new change. */
export async function revertChange(store: Store, id: string, ifMatch: string | undefined, auditId: unknown, reasonIn: unknown, editor: Editor): Promise<EditResult> {
  if (typeof auditId !== 'number' || !Number.isInteger(auditId)) throw new ReviewError(400, 'audit_id: must be the id of a history entry', 'audit_id');
  const reason = reasonIn === undefined ? '' : text('reason', reasonIn, MAX_REASON, false, true);
  return store.db.transaction().execute(async (trx) => {
    const { row, review } = await lockedState(trx, store, id, ifMatch);
    const target = await trx.selectFrom('audit_log').select('revision').where('id', '=', auditId).where('event_id', '=', id).executeTakeFirst();
    if (!target) throw new ReviewError(404, 'audit_id: no change with this id in this event\'s history', 'audit_id');
    const rows = (await trx.selectFrom('audit_log').selectAll().where('event_id', '=', id)
      .where('revision', '=', Number(target.revision)).orderBy('id').execute()).map((r) => ({ ...historyEntry(r), wasOverride: Number(r.was_override) === 1 }));
    if (rows.some((r) => r.action === 'move' || r.action === 'split')) {
      throw new ReviewError(400, 'audit_id: a moved report is moved back (POST /api/events/:id/move-report), not reverted', 'audit_id');
    }
    const overrides = { ...review.overrides };
    const values: Partial<Record<ReviewedField, Value>> = {};
    const changes: Change[] = [];
    let decision = review.decision;
    let statusChange: Change | undefined;
    for (const r of rows) {
      if (r.field === 'review_status') {
        decision = r.before === 'rejected' ? 'rejected' : r.before === 'confirmed' ? 'confirmed' : 'none';
        continue;
      }
      const f = r.field as ReviewedField;
      if (!(REVIEWED_FIELDS as readonly string[]).includes(f)) continue;
      values[f] = r.before;
      if (r.wasOverride) overrides[f] = r.before;
      else delete overrides[f];
      if (f === 'event_date') {
        values.year = Number(String(r.before).slice(0, 4));
        if (r.wasOverride) overrides.year = values.year;
        else delete overrides.year;
      }
      if (!same(row[f] as Value, r.before)) changes.push({ field: f, before: row[f] as Value, after: r.before, wasOverride: f in review.overrides });
    }
    if (decision !== review.decision) statusChange = { field: 'review_status', before: row.review_status, after: statusOf(decision, overrides), wasOverride: false };
    return write(trx, id, row, review, { values, changes, statusChange, overrides, decision, reason, editor, action: 'revert', reverts: auditId });
  });
}

async function lockedState(trx: Transaction<Database>, store: Store, id: string, ifMatch: string | undefined): Promise<{ row: Row; review: ReviewRow }> {
  if (store.engine === 'postgres') {
    // Serialises concurrent edits of one event (the ETag check and the write are then atomic).
    await trx.selectFrom('events').select('event_id').where('event_id', '=', id).forUpdate().execute();
  }
  const row = await loadRow(trx, id);
  if (!row) throw new ReviewError(404, 'no event with this id', 'id');
  const review = await loadReview(trx, id);
  const etag = etagOf(row, review.revision);
  if (ifMatch === undefined || ifMatch.trim() === '') {
    throw new ReviewError(428, 'writes need If-Match: the ETag of the event as you last read it', 'If-Match', { etag });
  }
  if (ifMatch.trim() !== etag && ifMatch.trim() !== '*') {
    const theirs = revisionOfTag(ifMatch);
    throw new ReviewError(412, 'the event changed since you read it: review the changes and try again', 'If-Match', {
      etag,
      changes: await eventHistory(trx, id, theirs ?? 0),
    });
  }
  return { row, review };
}

interface Pending {
  values: Partial<Record<ReviewedField, Value>>;
  changes: Change[];
  statusChange?: Change;
  overrides: Record<string, Value>;
  decision: Decision;
  reason: string;
  editor: Editor;
  action: 'edit' | 'revert' | 'move' | 'split';
  reverts?: number;
}

async function write(trx: Transaction<Database>, id: string, row: Row, review: ReviewRow, p: Pending): Promise<EditResult> {
  const status = statusOf(p.decision, p.overrides);
  if (p.changes.length === 0 && !p.statusChange && status === row.review_status) {
    return { etag: etagOf(row, review.revision), changes: [], review_status: status };
  }
  const revision = review.revision + 1;
  const now = Date.now();
  const next: Row = { ...row, review_status: status };
  for (const [f, v] of Object.entries(p.values)) (next as Record<string, unknown>)[f] = v;
  const set: Record<string, unknown> = { review_status: status, updated_at: Math.floor(now / 1000) };
  for (const f of REVIEWED_FIELDS) if (f in p.values) set[f] = next[f];
  await trx.updateTable('events').set(set as never).where('event_id', '=', id).execute();
  // Reviewed events keep all their reviewed values; an event back to unreviewed follows extraction again.
  const snapshot = status === 'unreviewed' ? null : JSON.stringify(Object.fromEntries(REVIEWED_FIELDS.map((f) => [f, next[f]])));
  const reviewRow = {
    event_id: id, decision: p.decision, revision, overrides: JSON.stringify(p.overrides), snapshot,
    updated_at: Math.floor(now / 1000), updated_by: p.editor.name,
  };
  await trx.insertInto('event_reviews').values(reviewRow).onConflict((oc) => oc.column('event_id').doUpdateSet({
    decision: reviewRow.decision, revision, overrides: reviewRow.overrides, snapshot, updated_at: reviewRow.updated_at, updated_by: reviewRow.updated_by,
  })).execute();
  const audit = [...p.changes, ...(p.statusChange ? [p.statusChange] : [])].map((c) => ({
    event_id: id,
    revision,
    at: now,
    user_name: p.editor.name,
    action: c.field === 'review_status' && p.action === 'edit' ? 'review' : p.action,
    field: c.field,
    before: JSON.stringify(c.before),
    after: JSON.stringify(c.after),
    was_override: c.wasOverride ? 1 : 0,
    reason: p.reason,
    reverts: p.reverts ?? null,
  }));
  if (audit.length > 0) await trx.insertInto('audit_log').values(audit).execute();
  return { etag: etagOf(next, revision), changes: await eventHistory(trx, id, review.revision), review_status: status };
}

/** The fields an analyst set on the event (their values win over extraction). */
export async function reviewedFields(store: Store, id: string): Promise<string[]> {
  return Object.keys((await loadReview(store.db, id)).overrides).filter((f) => f !== 'year');
}

// ---------- moving reports between events ----------

export interface MoveResult {
  /** The event the report was taken from, its new ETag and its changes. */
  etag: string;
  changes: HistoryEntry[];
  review_status: ReviewStatus;
  /** The event that holds the report now (new when it was split off), and its ETag. */
  to: string;
  to_etag: string;
  split: boolean;
}

/** The reports an event holds (report ids as the API shows them), in the order they were stored. */
async function reportsOf(trx: Transaction<Database>, id: string): Promise<{ key: string; report: string; doc: string }[]> {
  const rows = await trx.selectFrom('event_reports').select(['report_id', 'doc_id', 'data']).where('event_id', '=', id)
    .orderBy('created').orderBy('report_id').execute();
  return rows.map((r) => ({ key: r.report_id, report: String((JSON.parse(r.data) as { event_id?: unknown }).event_id), doc: r.doc_id }));
}

/** An id for a report split off on its own: its own id when free, else the first free `ID~N`. */
async function freeEventId(trx: Transaction<Database>, report: string): Promise<string> {
  for (let n = 0; ; n++) {
    const id = n === 0 ? report : `${report}~${n}`;
    const taken = await trx.selectFrom('events').select('event_id').where('event_id', '=', id).executeTakeFirst();
    if (taken) continue;
    const alias = await trx.selectFrom('event_aliases').select('event_id').where('alias', '=', id).executeTakeFirst();
    // An alias that names the report itself is freed: the id then names the report's own event.
    if (alias && id !== report) continue;
    return id;
  }
}

/**
 * Moves a report of event `id` to another event (`body.to`), or splits it off into an event of its
 * own (no `to`). Checks `ifMatch` against `id`'s ETag (428 without, 412 when stale), then, in one
 * transaction: the report and its document's link move, both events' fields are chosen again from
 * the reports they now hold (the fields an analyst set stay as set), and each event gets an audit
 * row for its reports and one for each field that changed. Both events count as edited from then on,
 * so that the machine never merges them again (src/store/merge-store.ts).
 */
export async function moveReport(store: Store, id: string, ifMatch: string | undefined, body: unknown, editor: Editor): Promise<MoveResult> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ReviewError(400, 'body: must be a JSON object with report_id (and to, reason)', 'body');
  const o = body as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!['report_id', 'to', 'reason'].includes(k)) throw new ReviewError(400, `${k}: unknown field (allowed: report_id, to, reason)`, k);
  }
  if (typeof o.report_id !== 'string' || !o.report_id) throw new ReviewError(400, 'report_id: must be the report_id of one of the event\'s reports', 'report_id');
  if (o.to !== undefined && o.to !== null && (typeof o.to !== 'string' || !o.to || o.to.length > 200)) {
    throw new ReviewError(400, 'to: must be the id of the event to move the report to (or null to split it off)', 'to');
  }
  const reportId = o.report_id;
  const reason = o.reason === undefined ? '' : text('reason', o.reason, MAX_REASON, false, true);
  return store.db.transaction().execute(async (trx) => {
    const { row, review } = await lockedState(trx, store, id, ifMatch);
    const before = await reportsOf(trx, id);
    const moving = before.find((r) => r.report === reportId);
    if (!moving) throw new ReviewError(404, 'report_id: not a report of this event', 'report_id');
    if (before.length < 2) throw new ReviewError(400, 'report_id: the event\'s only report stays with it (reject the event, or move the other event\'s reports here)', 'report_id');
    let to: string;
    const split = o.to === undefined || o.to === null;
    if (split) {
      to = await freeEventId(trx, reportId);
      // A report split off under its own id: that id no longer names the event it left.
      await trx.deleteFrom('event_aliases').where('alias', '=', to).execute();
    } else {
      const target = await trx.selectFrom('events').select('event_id').where('event_id', '=', o.to as string).executeTakeFirst()
        ?? await trx.selectFrom('event_aliases').select('event_id as event_id').where('alias', '=', o.to as string).executeTakeFirst();
      if (!target) throw new ReviewError(404, 'to: no event with this id', 'to');
      to = target.event_id;
      if (to === id) throw new ReviewError(400, 'to: the report is already in this event', 'to');
      if (store.engine === 'postgres') await trx.selectFrom('events').select('event_id').where('event_id', '=', to).forUpdate().execute();
    }
    const toBefore = split ? [] : await reportsOf(trx, to);
    const toRow = split ? undefined : await loadRow(trx, to);
    const toReview = split ? { decision: 'none' as Decision, revision: 0, overrides: {} } : await loadReview(trx, to);

    await trx.updateTable('event_reports').set({ event_id: to }).where('report_id', '=', moving.key).execute();
    // The report's own id, when it names the event it left, names the event that holds it now.
    if (to !== reportId) await trx.updateTable('event_aliases').set({ event_id: to }).where('alias', '=', reportId).where('event_id', '=', id).execute();
    await trx.insertInto('event_documents').values({ event_id: to, doc_id: moving.doc }).onConflict((oc) => oc.columns(['event_id', 'doc_id']).doNothing()).execute();
    if (!before.some((r) => r !== moving && r.doc === moving.doc)) {
      await trx.deleteFrom('event_documents').where('event_id', '=', id).where('doc_id', '=', moving.doc).execute();
    }
    await store.rebuildEvents(trx, [id, to]);

    const sides = [
      { event: id, old: row, review, reportsBefore: before, reportsAfter: await reportsOf(trx, id) },
      { event: to, old: toRow, review: toReview, reportsBefore: toBefore, reportsAfter: await reportsOf(trx, to) },
    ];
    const results: EditResult[] = [];
    for (const s of sides) {
      // The fields an analyst set on the event stay as set; the others follow its reports now.
      const overrides: Record<string, Value> = { ...s.review.overrides };
      const set: Record<string, unknown> = {};
      for (const [f, v] of Object.entries(overrides)) if ((REVIEWED_FIELDS as readonly string[]).includes(f)) set[f] = v;
      if (Object.keys(set).length > 0) await trx.updateTable('events').set(set as never).where('event_id', '=', s.event).execute();
      const now = (await loadRow(trx, s.event))!;
      const list = (rs: { report: string }[]) => rs.map((r) => r.report).join('; ');
      overrides.reports = list(s.reportsAfter);
      const changes: Change[] = [{ field: 'reports', before: list(s.reportsBefore), after: list(s.reportsAfter), wasOverride: 'reports' in s.review.overrides }];
      if (s.old) for (const f of REVIEWED_FIELDS) if (f !== 'year' && !same(s.old[f] as Value, now[f] as Value)) changes.push({ field: f, before: s.old[f] as Value, after: now[f] as Value, wasOverride: f in s.review.overrides });
      const base = s.old ?? { ...now, review_status: 'unreviewed' };
      const values = Object.fromEntries(REVIEWED_FIELDS.map((f) => [f, now[f]])) as Partial<Record<ReviewedField, Value>>;
      const decision = s.review.decision === 'rejected' ? 'rejected' : s.review.decision;
      results.push(await write(trx, s.event, base, s.review, { values, changes, overrides, decision, reason, editor, action: split ? 'split' : 'move' }));
    }
    return { ...results[0]!, to, to_etag: results[1]!.etag, split };
  });
}
