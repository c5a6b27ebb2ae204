// The work behind `sitrep geoparse`, loaded only when the command runs.
import type { GazetteerEntry, PlaceMention } from '../common/doc.js';
import { forEachDocument, summaryLine, type InputOptions } from './document-run.js';
import { BufferedOutput } from './output-stream.js';
import { documentId } from '../pipeline/index.js';
import { GazetteerError, geoPrecision, loadGeoparser } from '../geography/index.js';

export interface GeoparseRunOptions extends InputOptions {
  demonyms: boolean;
  places?: string;
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
  const out = new BufferedOutput(process.stdout);
  let places = 0;
  const run = await forEachDocument(files, options, 'could not geoparse', (item) => {
    const found = geoparser.parse(item.text, { from: item.bodyStart ?? 0, source: item.source, focusCountry: item.country });
    places += found.length;
    out.write(JSON.stringify({ doc_id: item.id ?? documentId(item.text), places: found.map((p) => placeJson(p, item.text)) }) + '\n');
    return !out.closed;
  });
  await out.end();
  if (!options.quiet) process.stderr.write(summaryLine(run, places, 'place mention'));
  return run.errors > 0 ? 1 : 0;
}
