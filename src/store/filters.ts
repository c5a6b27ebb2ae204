// Parsing and validation of the event filters shared by `sitrep export` (--from, --event-type...)
// and the HTTP API (from, event_type...): one set of rules, errors that name the parameter.
import type { EventFilters } from './types.js';
import { ACLED_EVENT_TYPES, SUB_EVENT_TYPES } from '../common/acled-types.js';
import { REVIEW_STATUSES } from './corrections.js';
import { actorNamesFor } from './actor-aliases.js';

/** A filter value that cannot be used; `parameter` is the name the user typed. */
export class FilterError extends Error {
  constructor(readonly parameter: string, message: string) {
    super(`${parameter}: ${message}`);
  }
}

export interface RawFilters {
  from?: string;
  to?: string;
  country?: string;
  eventType?: string;
  subEventType?: string;
  admin1?: string;
  actor?: string;
  bbox?: string;
  q?: string;
  reviewStatus?: string;
}

export type FilterNames = Record<keyof RawFilters, string>;

export const CLI_FILTER_NAMES: FilterNames = {
  from: '--from', to: '--to', country: '--country', eventType: '--event-type', subEventType: '--sub-event-type', admin1: '--admin1', actor: '--actor', bbox: '--bbox', q: '--q', reviewStatus: '--review-status',
};

export const API_FILTER_NAMES: FilterNames = {
  from: 'from', to: 'to', country: 'country', eventType: 'event_type', subEventType: 'sub_event_type', admin1: 'admin1', actor: 'actor', bbox: 'bbox', q: 'q', reviewStatus: 'review_status',
};

export { ACLED_EVENT_TYPES };

const MAX_TEXT = 200;
const MAX_LIST = 50;

function shown(value: string): string {
  return JSON.stringify(value.length > 60 ? value.slice(0, 60) + '…' : value);
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** YYYY-MM-DD, or YYYY-MM / YYYY meaning the first (for `from`) or last (for `to`) day of it. */
function parseDate(value: string, name: string, end: 'start' | 'end'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!m) throw new FilterError(name, `${shown(value)} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)`);
  const y = Number(m[1]);
  const month = m[2] ? Number(m[2]) : end === 'start' ? 1 : 12;
  if (month < 1 || month > 12) throw new FilterError(name, `${shown(value)} has no month ${month}`);
  let day: number;
  if (m[3]) {
    day = Number(m[3]);
    if (!isRealDate(y, month, day)) throw new FilterError(name, `${shown(value)} is not a calendar date`);
  } else {
    day = end === 'start' ? 1 : new Date(Date.UTC(y, month, 0)).getUTCDate();
  }
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function parseText(value: string, name: string): string {
  const v = value.trim();
  if (!v) throw new FilterError(name, 'is empty');
  if (v.length > MAX_TEXT) throw new FilterError(name, `is longer than ${MAX_TEXT} characters`);
  if (/[\u0000-\u001f]/.test(v)) throw new FilterError(name, 'contains control characters');
  return v;
}

function parseList(value: string, name: string): string[] {
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new FilterError(name, 'is empty');
  if (items.length > MAX_LIST) throw new FilterError(name, `lists more than ${MAX_LIST} values`);
  return items.map((s) => parseText(s, name));
}

const foldType = (s: string) => s.toLowerCase().replace(/[_\s]+/g, ' ').replace(/\s*\/\s*/g, '/').trim();

function parseEventTypes(value: string, name: string): string[] {
  return parseList(value, name).map((v) => {
    const hit = ACLED_EVENT_TYPES.find((t) => foldType(t) === foldType(v));
    if (!hit) throw new FilterError(name, `${shown(v)} is not an ACLED event type (one of: ${ACLED_EVENT_TYPES.join(', ')})`);
    return hit;
  });
}

/** ACLED sub-event types, canonical spelling ("air/drone strike" -> "Air/drone strike"). */
export const ACLED_SUB_EVENT_TYPES: readonly string[] = Object.keys(SUB_EVENT_TYPES);

/** A list of sub-event types; a comma inside a type name ("Shelling/artillery/missile attack" has none) cannot occur. */
function parseSubEventTypes(value: string, name: string): string[] {
  return parseList(value, name).map((v) => {
    const hit = ACLED_SUB_EVENT_TYPES.find((t) => foldType(t) === foldType(v));
    if (!hit) throw new FilterError(name, `${shown(v)} is not an ACLED sub-event type (one of: ${ACLED_SUB_EVENT_TYPES.join(', ')})`);
    return hit;
  });
}

function parseBbox(value: string, name: string): [number, number, number, number] {
  const parts = value.split(',').map((s) => s.trim());
  const nums = parts.map((s) => (/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : NaN));
  if (nums.length !== 4 || nums.some((n) => !Number.isFinite(n))) {
    throw new FilterError(name, `${shown(value)} is not a box (expected minLon,minLat,maxLon,maxLat, e.g. 35.5,32,42.5,37.5)`);
  }
  const [minLon, minLat, maxLon, maxLat] = nums as [number, number, number, number];
  if ([minLon, maxLon].some((x) => x < -180 || x > 180)) throw new FilterError(name, 'longitudes must lie in [-180, 180]');
  if ([minLat, maxLat].some((x) => x < -90 || x > 90)) throw new FilterError(name, 'latitudes must lie in [-90, 90]');
  if (minLat > maxLat) throw new FilterError(name, `minLat ${minLat} is north of maxLat ${maxLat}`);
  return [minLon, minLat, maxLon, maxLat];
}

/** Validated filters; throws FilterError naming the first bad parameter. Absent/undefined values are no filter. */
export function parseEventFilters(raw: RawFilters, names: FilterNames = CLI_FILTER_NAMES): EventFilters {
  const f: EventFilters = {};
  if (raw.from !== undefined) f.from = parseDate(raw.from, names.from, 'start');
  if (raw.to !== undefined) f.to = parseDate(raw.to, names.to, 'end');
  if (f.from && f.to && f.from > f.to) {
    throw new FilterError(names.from, `${f.from} is after ${names.to} ${f.to}`);
  }
  if (raw.country !== undefined) f.countries = parseList(raw.country, names.country);
  if (raw.eventType !== undefined) f.eventTypes = parseEventTypes(raw.eventType, names.eventType);
  if (raw.subEventType !== undefined) f.subEventTypes = parseSubEventTypes(raw.subEventType, names.subEventType);
  if (raw.admin1 !== undefined) f.admin1 = parseList(raw.admin1, names.admin1);
  if (raw.actor !== undefined) {
    f.actor = parseText(raw.actor, names.actor);
    const aliasOf = actorNamesFor(f.actor);
    if (aliasOf.length) f.actorNames = aliasOf;
  }
  if (raw.bbox !== undefined) f.bbox = parseBbox(raw.bbox, names.bbox);
  if (raw.q !== undefined) f.q = parseText(raw.q, names.q);
  if (raw.reviewStatus !== undefined) {
    f.reviewStatus = parseList(raw.reviewStatus, names.reviewStatus).map((v) => {
      const s = v.toLowerCase();
      if (!(REVIEW_STATUSES as readonly string[]).includes(s)) throw new FilterError(names.reviewStatus, `${shown(v)} is not a review status (one of: ${REVIEW_STATUSES.join(', ')})`);
      return s;
    });
  }
  return f;
}
