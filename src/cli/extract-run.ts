// The work behind `sitrep extract`, loaded only when the command runs.
import { formatIngestError, readInputs } from '../ingest/index.js';
import { isIngestError } from '../ingest/types.js';
import { toJsonl } from '../output/jsonl.js';
import { createExtractor } from '../pipeline/index.js';
import type { ExtractOptions } from './extract-command.js';
import { BufferedOutput } from './output-stream.js';

export async function runExtract(files: string[], options: ExtractOptions): Promise<number> {
  const extractor = createExtractor({ demonyms: options.demonyms, userPlaces: options.places });
  const out = new BufferedOutput(process.stdout);
  // The other formats load only when asked for (start-up time).
  const geojson = options.format === 'geojson' ? new (await import('../output/geojson.js')).GeoJsonWriter((s) => out.write(s)) : undefined;
  const acledCsv = options.format === 'acled-csv' ? await import('../output/acled-csv.js') : undefined;
  if (acledCsv) out.write(acledCsv.acledCsvHeader());
  const started = Date.now();
  let documents = 0;
  let events = 0;
  let errors = 0;
  const inputs = files.length > 0 ? files : ['-'];
  for await (const item of readInputs(inputs, {
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
    let result;
    try {
      result = extractor.extract(item);
    } catch (err) {
      // A document that breaks the pipeline is reported and skipped; the run goes on.
      errors++;
      const where = item.origin.line ? `${item.origin.file}:${item.origin.line}` : item.origin.file;
      process.stderr.write(`sitrep: ${where}: could not extract events: ${err instanceof Error ? err.message : String(err)}\n`);
      continue;
    }
    documents++;
    for (const e of result.events) {
      events++;
      if (geojson) geojson.add(e);
      else if (acledCsv) out.write(acledCsv.acledCsvRow(e));
      else out.write(toJsonl(e));
    }
    if (out.closed) break;
  }
  geojson?.close();
  await out.end();
  if (!options.quiet) {
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(
      `sitrep: ${documents} document${documents === 1 ? '' : 's'}, ${events} event${events === 1 ? '' : 's'}` +
        `${errors ? `, ${errors} bad input${errors === 1 ? '' : 's'} skipped` : ''} in ${seconds.toFixed(2)} s\n`,
    );
  }
  return errors > 0 ? 1 : 0;
}
