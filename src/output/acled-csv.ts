// ACLED's CSV layouts (2024 by default, 2020 on request): one row per event, columns in ACLED's order, quoted per RFC 4180,
// so that code written for ACLED exports (pandas, acledR) reads sitrep's output unchanged.
// Shared by `sitrep extract`, `sitrep export` and the HTTP API.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ACLED_COLUMNS, type AcledEvent } from '../common/event.js';

interface RegionTable {
  byIso3: Map<string, string>;
  byCountry: Map<string, string>;
}

let regions: RegionTable | undefined;

/** ACLED's region table is a data file (acled-regions.tsv), read on first use. */
function regionTable(): RegionTable {
  if (regions) return regions;
  const text = readFileSync(new URL('./acled-regions.tsv', import.meta.url), 'utf8');
  const byIso3 = new Map<string, string>();
  const byCountry = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#') || line.startsWith('iso3\t')) continue;
    const [iso3, country, region] = line.split('\t');
    if (!iso3 || !country || !region) continue;
    byIso3.set(iso3, region.trim());
    byCountry.set(country.toLowerCase(), region.trim());
  }
  regions = { byIso3, byCountry };
  return regions;
}

/** ACLED region of a country, by ISO3 code first, then by country name; '' when unknown. */
export function acledRegion(iso3: string, country: string): string {
  const table = regionTable();
  return table.byIso3.get(iso3.toUpperCase()) ?? table.byCountry.get(country.toLowerCase()) ?? '';
}

/** Quote a field when RFC 4180 requires it (comma, quote, CR or LF), doubling inner quotes. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? (Number.isFinite(value) ? String(value) : '') : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** ACLED's export layouts: '2024' (the current one: disorder_type, text inter codes, civilian_targeting,
 * numeric iso, tags) and '2020' (numeric inter codes, iso3 last). */
export const ACLED_LAYOUTS = ['2024', '2020'] as const;
export type AcledLayout = (typeof ACLED_LAYOUTS)[number];

/** ACLED's 2024 export columns in ACLED's order (the API's and the export tool's CSV). */
export const ACLED_COLUMNS_2024 = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

export function acledColumns(layout: AcledLayout = '2024'): readonly string[] {
  return layout === '2020' ? ACLED_COLUMNS : ACLED_COLUMNS_2024;
}

/** ACLED's actor types since 2023, by the numeric inter code of earlier layouts. */
const INTER_NAMES = ['', 'State forces', 'Rebel group', 'Political militia', 'Identity militia', 'Rioters', 'Protesters', 'Civilians', 'External/Other forces'];

export function interName(code: number): string {
  return INTER_NAMES[code] ?? '';
}

/** The 2024 interaction: the two actor types, lower code first ("State forces-Rioters"), or "Rioters only". */
export function interactionName(inter1: number, inter2: number): string {
  const a = interName(inter1);
  const b = interName(inter2);
  if (!a) return b ? `${b} only` : '';
  if (!b) return `${a} only`;
  return inter1 <= inter2 ? `${a}-${b}` : `${b}-${a}`;
}

/** ACLED's disorder type, by sub-event type (ACLED codebook 2023, section 2). */
export function disorderType(eventType: string, subEventType: string): string {
  if (subEventType === 'Excessive force against protesters') return 'Political violence; Demonstrations';
  if (eventType === 'Protests' || subEventType === 'Violent demonstration') return 'Demonstrations';
  if (eventType === 'Strategic developments') return 'Strategic developments';
  return eventType ? 'Political violence' : '';
}

/** "Civilian targeting" when civilians are the target: violence against civilians, or civilians as
 * the second actor of political violence (a mob's or a bomb's victims). */
export function civilianTargeting(e: Pick<AcledEvent, 'event_type' | 'sub_event_type' | 'inter2'>): string {
  if (e.event_type === 'Violence against civilians' || e.sub_event_type === 'Excessive force against protesters') return 'Civilian targeting';
  if (e.inter2 === 7 && disorderType(e.event_type, e.sub_event_type) === 'Political violence') return 'Civilian targeting';
  return '';
}

let isoNumeric: ((alpha3: string) => string | undefined) | undefined;
const require = createRequire(import.meta.url);

/** ISO 3166-1 numeric code as ACLED writes it (50 for Bangladesh); '' when unknown. */
export function isoNumber(iso3: string): number | '' {
  isoNumeric ??= (require('i18n-iso-countries') as { alpha3ToNumeric(c: string): string | undefined }).alpha3ToNumeric;
  const n = iso3 ? isoNumeric(iso3.toUpperCase()) : undefined;
  return n ? Number(n) : '';
}

/**
 * ACLED's event_id_cnty: the country's ISO3 code and a number ("SYR" + digits, as ACLED's
 * "BGD28031"), stable for an event (the number is sitrep's event hash in decimal). Empty when the
 * event has no country: a row never carries an id without a country.
 */
export function acledEventId(e: Pick<AcledEvent, 'event_id' | 'iso3' | 'country'>): string {
  const iso3 = (e.iso3 ?? '').toUpperCase();
  if (!iso3 || iso3 === 'XXX' || !e.country) return '';
  const hex = /([0-9a-f]{6,16})$/i.exec(e.event_id)?.[1];
  if (!hex) return iso3 + e.event_id.replace(/^[A-Z]{3}-?/, '');
  return iso3 + BigInt('0x' + hex).toString();
}

/** The header line, ending in '\n'. */
export function acledCsvHeader(layout: AcledLayout = '2024'): string {
  return acledColumns(layout).join(',') + '\n';
}

const blankIfNull = (v: number | null | undefined): number | '' => (v === null || v === undefined || !Number.isFinite(v) ? '' : v);

function columnValue(e: AcledEvent, column: string, timestamp: number | null, layout: AcledLayout): string | number | null {
  switch (column) {
    case 'event_id_cnty':
      return acledEventId(e);
    case 'year': {
      const m = /^(\d{4})/.exec(e.event_date);
      return m ? Number(m[1]) : '';
    }
    case 'region':
      return acledRegion(e.iso3 ?? '', e.country ?? '');
    case 'admin3':
    case 'source_scale':
    case 'tags':
      return '';
    case 'timestamp':
      return timestamp && timestamp > 0 ? timestamp : '';
    case 'disorder_type':
      return disorderType(e.event_type, e.sub_event_type);
    case 'civilian_targeting':
      return civilianTargeting(e);
    case 'iso':
      return isoNumber(e.iso3 ?? '');
    case 'inter1':
      return layout === '2024' ? interName(e.inter1) : blankIfNull(e.inter1);
    case 'inter2':
      return layout === '2024' ? interName(e.inter2) : blankIfNull(e.inter2) // ACLED writes 0 for no actor2;
    case 'interaction':
      return layout === '2024' ? interactionName(e.inter1, e.inter2) : blankIfNull(e.interaction);
    case 'latitude':
    case 'longitude':
    case 'fatalities':
    case 'time_precision':
    case 'geo_precision':
      return blankIfNull(e[column]);
    default:
      return (e as unknown as Record<string, string | number | null>)[column] ?? '';
  }
}

/**
 * One event as a CSV line ending in '\n'. `timestamp` is ACLED's `timestamp` column: the unix time
 * (seconds) at which the event was created or last changed (the store's); empty when unknown (a
 * fresh extraction that nothing stored). Numeric columns without a value are empty, never 0.
 */
export function acledCsvRow(e: AcledEvent, timestamp: number | null = null, layout: AcledLayout = '2024'): string {
  const columns = acledColumns(layout);
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += ',';
    line += csvField(columnValue(e, columns[i]!, timestamp, layout));
  }
  return line + '\n';
}
