// ACLED's CSV layout: one row per event, columns in ACLED_COLUMNS order, quoted per RFC 4180,
// so that code written for ACLED exports (pandas, acledR) reads sitrep's output unchanged.
// Shared by `sitrep extract`, `sitrep export` and the HTTP API.
import { readFileSync } from 'node:fs';
import { ACLED_COLUMNS, type AcledEvent } from '../common/event.js';

type AcledColumn = (typeof ACLED_COLUMNS)[number];

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

/** The header line, ending in '\n'. */
export function acledCsvHeader(): string {
  return ACLED_COLUMNS.join(',') + '\n';
}

function columnValue(e: AcledEvent, column: AcledColumn, timestamp: number): string | number | null {
  switch (column) {
    case 'event_id_cnty':
      return e.event_id;
    case 'year': {
      const m = /^(\d{4})/.exec(e.event_date);
      return m ? Number(m[1]) : '';
    }
    case 'region':
      return acledRegion(e.iso3 ?? '', e.country ?? '');
    case 'admin3':
    case 'source_scale':
      return '';
    case 'timestamp':
      return timestamp;
    default:
      return e[column];
  }
}

/**
 * One event as a CSV line ending in '\n'. `timestamp` is ACLED's `timestamp` column: the unix time
 * (seconds) at which the event was created or last changed; 0 when unknown (e.g. fresh extraction).
 */
export function acledCsvRow(e: AcledEvent, timestamp = 0): string {
  let line = '';
  for (let i = 0; i < ACLED_COLUMNS.length; i++) {
    if (i > 0) line += ',';
    line += csvField(columnValue(e, ACLED_COLUMNS[i]!, timestamp));
  }
  return line + '\n';
}
