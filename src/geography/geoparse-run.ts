// The work behind `sitrep geoparse`, loaded only when the command runs.
import type { GazetteerEntry, PlaceMention } from '../common/doc.js';
import { BufferedOutput } from '../cli/output-stream.js';
import { formatIngestError, readInputs } from '../ingest/index.js';
import { isIngestError } from '../ingest/types.js';
import { documentId } from '../pipeline/index.js';
import { GazetteerError, geoPrecision, loadGeoparser, lookupCountry } from './index.js';

export interface GeoparseRunOptions {
  inputFormat?: 'text' | 'jsonl' | 'json' | 'csv' | 'html' | 'feed';
  textColumn: string;
  idColumn: string;
  dateColumn: string;
  demonyms: boolean;
  places?: string;
  focusCountry?: string;
  quiet?: boolean;
}

function entryJson(e: GazetteerEntry): Record<string, unknown> {
  const o: Record<string, unknown> = {
    name: e.name,
    country_code: e.countryCode,
    admin1: e.admin1 ?? (e.feature === 'admin1' ? e.name : ''),
  };
  if (e.admin2) o.admin2 = e.admin2;
  o.latitude = e.latitude;
  o.longitude = e.longitude;
  if (e.geonameid) o.geonameid = e.geonameid;
  o.feature = e.feature;
  return o;
}

/** The JSON form of a place mention in `sitrep geoparse` output. */
export function placeJson(p: PlaceMention, text: string): Record<string, unknown> {
  const o: Record<string, unknown> = { start: p.start, end: p.end, text: p.text, ...entryJson(p.entry), score: p.score };
  o.geo_precision = geoPrecision(p, { text });
  if (p.demonym) o.demonym = true;
  if (p.alternatives?.length) o.alternatives = p.alternatives.map((a) => ({ ...entryJson(a.entry), score: a.score }));
  return o;
}

export async function runGeoparse(files: string[], options: GeoparseRunOptions): Promise<number> {
  let geoparser;
  try {
    geoparser = loadGeoparser({ demonyms: options.demonyms, userPlaces: options.places });
  } catch (err) {
    if (err instanceof GazetteerError) {
      process.stderr.write(`sitrep: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const focus = options.focusCountry ? lookupCountry(options.focusCountry) : undefined;
  if (options.focusCountry && !focus) {
    process.stderr.write(`sitrep: --focus-country: unknown country ${JSON.stringify(options.focusCountry)}\n`);
    return 1;
  }
  const out = new BufferedOutput(process.stdout);
  const started = Date.now();
  let documents = 0;
  let places = 0;
  let errors = 0;
  for await (const item of readInputs(files.length > 0 ? files : ['-'], {
    inputFormat: options.inputFormat,
    textColumn: options.textColumn,
    idColumn: options.idColumn,
    dateColumn: options.dateColumn,
  })) {
    if (isIngestError(item)) {
      errors++;
      process.stderr.write(`sitrep: ${formatIngestError(item)}\n`);
      continue;
    }
    let found: PlaceMention[];
    try {
      found = geoparser.parse(item.text, { from: item.bodyStart ?? 0, source: item.source, focusCountry: focus?.code });
    } catch (err) {
      errors++;
      const where = item.origin.line ? `${item.origin.file}:${item.origin.line}` : item.origin.file;
      process.stderr.write(`sitrep: ${where}: could not geoparse: ${err instanceof Error ? err.message : String(err)}\n`);
      continue;
    }
    documents++;
    places += found.length;
    out.write(JSON.stringify({ doc_id: item.id ?? documentId(item.text), places: found.map((p) => placeJson(p, item.text)) }) + '\n');
    if (out.closed) break;
  }
  await out.end();
  if (!options.quiet) {
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(
      `sitrep: ${documents} document${documents === 1 ? '' : 's'}, ${places} place mention${places === 1 ? '' : 's'}` +
        `${errors ? `, ${errors} bad input${errors === 1 ? '' : 's'} skipped` : ''} in ${seconds.toFixed(2)} s\n`,
    );
  }
  return errors > 0 ? 1 : 0;
}
