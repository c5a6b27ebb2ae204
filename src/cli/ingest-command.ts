// `sitrep ingest [FILE...|-]`: read articles, run the pipeline, store documents and events.
// Idempotent (unchanged documents are skipped by content hash) and resumable: every batch is one
// transaction, and Ctrl-C stores the documents already processed, then exits with status 130.
import type { Command } from 'commander';
import { addInputOptions } from './extract-command.js';
import type { InputFormat, ReadOptions } from '../ingest/types.js';
import type { Store } from '../store/index.js';
import type { IngestResult } from '../store/ingest.js';

const INPUT_FORMATS: InputFormat[] = ['text', 'jsonl', 'json', 'csv', 'html', 'feed'];

export interface IngestCliOptions {
  db?: string;
  inputFormat?: string;
  textColumn?: string;
  idColumn?: string;
  dateColumn?: string;
  focusCountry?: string;
  batchSize?: string;
  quiet?: boolean;
  demonyms?: boolean;
  places?: string;
  /** false with --no-merge. */
  merge?: boolean;
}

export function registerIngest(program: Command): void {
  const cmd = program
    .command('ingest')
    .summary('extract events from articles and store both in the database')
    .description(
      'Read articles (every input format of `sitrep extract`), extract their events and store documents and ' +
        'events, 200 documents per transaction. Ingesting the same document again changes nothing; a changed ' +
        'document (same id, new content) replaces its events. Ctrl-C stores what was read and exits (130); ' +
        'running the same command again resumes. Bad documents are reported and skipped (exit code 1).',
    )
    .argument('[inputs...]', 'files (or directories of them) to read; - (or nothing, with piped input) for standard input')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (default: $DATABASE_URL if postgres://, else ./sitrep.db)')
    .option('--batch-size <n>', 'documents stored per transaction', '200')
    .option('--no-demonyms', 'do not report demonyms ("Syrian") as place mentions')
    .option('--places <tsv>', 'extra gazetteer entries (as for `sitrep extract`)')
    .option('--no-merge', 'keep one event per report: do not merge reports of the same event across documents')
    .option('-q, --quiet', 'no progress display or summary')
    .addHelpText(
      'after',
      '\nRequired: the articles to read (files, directories, or - for standard input).\n\nExamples:\n' +
        '  sitrep ingest samples/articles                    # into ./sitrep.db\n' +
        '  sitrep ingest --db events.db samples/articles/idlib-airstrike.txt\n' +
        '  cat articles.jsonl | sitrep ingest --input-format jsonl -\n' +
        '  sitrep ingest --db postgres://localhost/sitrep --text-column body news.csv\n' +
        '  sitrep ingest --focus-country Syria headlines.jsonl     # towns named alone are read in Syria first',
    );
  addInputOptions(cmd).action(async (inputs: string[], opts: IngestCliOptions) => {
      process.exitCode = await runIngestCommand(inputs, opts);
    });
}

export function readOptionsFrom(opts: IngestCliOptions): ReadOptions {
  if (opts.inputFormat !== undefined && !INPUT_FORMATS.includes(opts.inputFormat as InputFormat)) {
    throw new Error(`--input-format: "${opts.inputFormat}" is not one of ${INPUT_FORMATS.join(', ')}`);
  }
  return {
    inputFormat: opts.inputFormat as InputFormat | undefined,
    textColumn: opts.textColumn,
    idColumn: opts.idColumn,
    dateColumn: opts.dateColumn,
  };
}

function parseBatchSize(value: string | undefined): number {
  if (value === undefined) return 200;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 100_000) throw new Error(`--batch-size: "${value}" is not a whole number from 1 to 100000`);
  return n;
}

/** Runs the command; returns the exit status (0 ok, 1 some inputs were bad, 130 interrupted). */
export async function runIngestCommand(inputs: string[], opts: IngestCliOptions): Promise<number> {
  const { focusCountryCode } = await import('./document-run.js');
  const readOptions = { ...readOptionsFrom(opts), country: focusCountryCode(opts.focusCountry) };
  const batchSize = parseBatchSize(opts.batchSize);
  if (inputs.length === 0) {
    if (process.stdin.isTTY) throw new Error('no input: name files or directories, or pipe articles in (use - for standard input)');
    inputs = ['-'];
  }
  const { openConfiguredStore } = await import('../store/index.js');
  const store = await openConfiguredStore(opts.db);
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) {
      // Second signal: quit now. The open transaction is rolled back by the database.
      process.stderr.write('\nsitrep ingest: stopped; the unfinished batch was not stored\n');
      process.exit(130);
    }
    interrupted = true;
    process.stderr.write('\nsitrep ingest: stopping after storing the documents read so far (Ctrl-C again to quit now)\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await ingestInputs(store, inputs, readOptions, {
      batchSize,
      quiet: opts.quiet,
      shouldStop: () => interrupted,
      extractorOptions: { demonyms: opts.demonyms, userPlaces: opts.places },
      merge: opts.merge,
    });
    if (result.stopped || interrupted) return 130;
    return result.errors > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
}

/** Directories stand for the files in them (recursively, sorted, hidden ones skipped). */
export async function expandDirectories(inputs: string[]): Promise<string[]> {
  const { readdir, stat } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const out: string[] = [];
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.')) continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) await walk(p);
      else out.push(p);
    }
  };
  for (const input of inputs) {
    const isDir = input !== '-' && (await stat(input).then((s) => s.isDirectory(), () => false));
    if (isDir) await walk(input);
    else out.push(input); // missing files are reported by the reader
  }
  return out;
}

/** Reads, extracts and stores `inputs` with a progress display and a summary line (shared with `serve`). */
export async function ingestInputs(
  store: Store,
  inputs: string[],
  readOptions: ReadOptions,
  options: {
    batchSize?: number;
    quiet?: boolean;
    shouldStop?: () => boolean;
    label?: string;
    extractorOptions?: import('../pipeline/index.js').ExtractorOptions;
    merge?: boolean;
  } = {},
): Promise<IngestResult> {
  const [{ readInputs, formatIngestError }, { createExtractor }, { ingestDocuments }, { Progress, fmt }] = await Promise.all([
    import('../ingest/index.js'),
    import('../pipeline/index.js'),
    import('../store/ingest.js'),
    import('../common/progress.js'),
  ]);
  const label = options.label ?? 'sitrep ingest';
  const extractor = createExtractor(options.extractorOptions);
  const progress = new Progress(label, process.stderr, !options.quiet);
  const result = await ingestDocuments(store, extractor, readInputs(await expandDirectories(inputs), readOptions), {
    batchSize: options.batchSize,
    shouldStop: options.shouldStop,
    onError: (e) => progress.message(`${label}: ${formatIngestError(e)}`),
    onProgress: (c) => progress.update(c),
    merge: options.merge,
  });
  progress.clear();
  if (!options.quiet) {
    const secs = progress.elapsedSeconds();
    const rate = result.documents / Math.max(secs, 1e-3);
    const [totalEvents, totalDocuments] = await Promise.all([store.countEvents(), store.countDocuments()]);
    process.stderr.write(
      `${label}: ${result.stopped ? 'interrupted after ' : ''}${fmt(result.documents)} articles ` +
        `(${fmt(result.inserted)} new, ${fmt(result.updated)} changed, ${fmt(result.unchanged)} unchanged` +
        (result.repeated > 0 ? `, ${fmt(result.repeated)} replaced by a later one with the same id` : '') +
        (result.failed > 0 ? `, ${fmt(result.failed)} failed` : '') +
        '), ' +
        `${fmt(result.copies)} copies, ${fmt(result.events)} reports of events, ${fmt(result.events - result.merged)} new events, ` +
        `${fmt(result.merged)} reports merged, ${fmt(result.errors)} errors, ${secs.toFixed(1)} s ` +
        `(${fmt(Math.round(rate))} articles/s); ${store.toString()} holds ${fmt(totalEvents)} events ` +
        `from ${fmt(totalDocuments)} articles\n`,
    );
  }
  return result;
}
