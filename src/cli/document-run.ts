// The loop shared by the commands that process documents one by one (extract, geoparse): read
// every input, report each bad input and each document the work fails on in one line, go on.
import { lookupCountry } from '../geography/index.js';
import { formatIngestError, readInputs } from '../ingest/index.js';
import { isIngestError, type InputFormat, type SourceDocument } from '../ingest/types.js';

export interface InputOptions {
  inputFormat?: InputFormat;
  textColumn: string;
  idColumn: string;
  dateColumn: string;
  /** --focus-country as given (a code or a name); checked by focusCountryCode. */
  focusCountry?: string;
}

/** The ISO2 code --focus-country names; an error in one line when it names no country. */
export function focusCountryCode(given: string | undefined): string | undefined {
  if (given === undefined) return undefined;
  const found = lookupCountry(given);
  if (!found) throw new Error(`--focus-country: unknown country ${JSON.stringify(given)} (give an ISO2 or ISO3 code, or a name)`);
  return found.code;
}

export interface DocumentRun {
  documents: number;
  errors: number;
  started: number;
}

/**
 * Hands each good document to `work`; `failure` names the work in messages ("could not extract
 * events"). `work` returns false to stop early (the reader of our output went away).
 */
export async function forEachDocument(
  files: string[],
  options: InputOptions,
  failure: string,
  work: (doc: SourceDocument) => boolean,
): Promise<DocumentRun> {
  const run: DocumentRun = { documents: 0, errors: 0, started: Date.now() };
  const { inputFormat, textColumn, idColumn, dateColumn } = options;
  const country = focusCountryCode(options.focusCountry);
  for await (const item of readInputs(files.length > 0 ? files : ['-'], { inputFormat, textColumn, idColumn, dateColumn, country })) {
    if (isIngestError(item)) {
      run.errors++;
      process.stderr.write(`sitrep: ${formatIngestError(item)}\n`);
      continue;
    }
    let more: boolean;
    try {
      more = work(item);
    } catch (err) {
      // A document that breaks the work is reported and skipped; the run goes on.
      run.errors++;
      const where = item.origin.line ? `${item.origin.file}:${item.origin.line}` : item.origin.file;
      process.stderr.write(`sitrep: ${where}: ${failure}: ${err instanceof Error ? err.message : String(err)}\n`);
      continue;
    }
    run.documents++;
    if (!more) break;
  }
  return run;
}

/** "sitrep: 3 documents, 5 events, 1 bad input skipped in 0.12 s" */
export function summaryLine(run: DocumentRun, count: number, noun: string): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const seconds = (Date.now() - run.started) / 1000;
  const bad = run.errors ? `, ${plural(run.errors, 'bad input')} skipped` : '';
  return `sitrep: ${plural(run.documents, 'document')}, ${plural(count, noun)}${bad} in ${seconds.toFixed(2)} s\n`;
}
