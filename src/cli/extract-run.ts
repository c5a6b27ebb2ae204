// The work behind `sitrep extract`, loaded only when the command runs.
import { toJsonl } from '../output/jsonl.js';
import { createExtractor } from '../pipeline/index.js';
import { forEachDocument, summaryLine } from './document-run.js';
import type { ExtractOptions } from './extract-command.js';
import { BufferedOutput } from './output-stream.js';

export async function runExtract(files: string[], options: ExtractOptions): Promise<number> {
  const extractor = createExtractor({ demonyms: options.demonyms, userPlaces: options.places });
  const out = new BufferedOutput(process.stdout);
  // The other formats load only when asked for (start-up time).
  const geojson = options.format === 'geojson' ? new (await import('../output/geojson.js')).GeoJsonWriter((s) => out.write(s)) : undefined;
  const acledCsv = options.format === 'acled-csv' ? await import('../output/acled-csv.js') : undefined;
  if (acledCsv) out.write(acledCsv.acledCsvHeader(options.layout));
  let events = 0;
  const run = await forEachDocument(files, options, 'could not extract events', (doc) => {
    for (const e of extractor.extract(doc, { eventsOnly: true }).events) {
      events++;
      if (geojson) geojson.add(e);
      else if (acledCsv) out.write(acledCsv.acledCsvRow(e, null, options.layout));
      else out.write(toJsonl(e));
    }
    return !out.closed;
  });
  geojson?.close();
  await out.end();
  if (!options.quiet) process.stderr.write(summaryLine(run, events, 'event'));
  return run.errors > 0 ? 1 : 0;
}
