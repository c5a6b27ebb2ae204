// `sitrep export --format acled-csv|jsonl|geojson [filters]`: stored events out, streamed page by
// page so that any number of events exports in constant memory.
import { Option, type Command } from 'commander';
import type { RawFilters } from '../store/filters.js';

import { EXPORT_FORMATS, type ExportFormat } from '../store/export-formats.js';

interface ExportOptions extends RawFilters {
  format: string;
  reviewedOnly?: boolean;
  db?: string;
  output?: string;
  layout: '2024' | '2020';
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the stored events as ACLED CSV, JSON Lines or GeoJSON')
    .requiredOption('-f, --format <format>', `output format (${EXPORT_FORMATS.join(', ')})`)
    .addOption(new Option('--layout <year>', 'ACLED CSV layout: 2024 (current export columns) or 2020').choices(['2024', '2020']).default('2024'))
    .option('--from <date>', 'events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)')
    .option('--to <date>', 'events on or before this date')
    .option('--country <names>', 'country names or ISO3 codes, comma-separated')
    .option('--event-type <types>', 'ACLED event types, comma-separated (e.g. "Battles,Riots")')
    .option('--sub-event-type <types>', 'ACLED sub-event types, comma-separated (e.g. "Air/drone strike,Armed clash")')
    .option('--admin1 <names>', 'first-level administrative divisions, comma-separated (e.g. "Idlib,Aleppo")')
    .option('--actor <text>', 'an actor (or associated actor) containing this text, or known by it ("SDF", "ISIS", "Daesh")')
    .option('--bbox <box>', 'minLon,minLat,maxLon,maxLat')
    .option('--q <text>', 'text search in notes, actors and places')
    .option('--review-status <statuses>', 'review statuses, comma-separated: unreviewed, confirmed, edited, rejected (default: all but rejected)')
    .option('--reviewed-only', 'only events an analyst confirmed or edited')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (default: $DATABASE_URL if postgres://, else ./sitrep.db)')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .addHelpText(
      'after',
      '\nRequired: --format. The database must exist (run `sitrep ingest` first).\n\nExamples:\n' +
        '  sitrep ingest samples/articles && sitrep export --format acled-csv > events.csv\n' +
        '  sitrep export --format acled-csv --layout 2020 --country Syria --from 2022-01 > syria.csv\n' +
        '  sitrep export --format geojson --event-type Battles,Riots -o events.geojson\n' +
        '  sitrep export --format jsonl --actor ISIS --db postgres://localhost/sitrep',
    )
    .action(async (opts: ExportOptions) => {
      process.exitCode = await runExport(opts);
    });
}

/** Writes with back-pressure: waits for 'drain' when the stream's buffer is full. */
function writer(stream: NodeJS.WritableStream): (chunk: string) => Promise<void> {
  return (chunk) =>
    stream.write(chunk)
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const done = (err?: Error) => {
            stream.off('drain', done);
            stream.off('error', done);
            if (err) reject(err);
            else resolve();
          };
          stream.once('drain', done);
          stream.once('error', done);
        });
}

async function runExport(opts: ExportOptions): Promise<number> {
  const { parseEventFilters, CLI_FILTER_NAMES } = await import('../store/filters.js');
  if (!EXPORT_FORMATS.includes(opts.format as ExportFormat)) {
    throw new Error(`--format: "${opts.format}" is not one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const format = opts.format as ExportFormat;
  const filters = parseEventFilters(opts, CLI_FILTER_NAMES);
  if (opts.reviewedOnly) {
    if (filters.reviewStatus) throw new Error('--reviewed-only: give either it or --review-status');
    filters.reviewStatus = ['confirmed', 'edited'];
  }
  // An event an analyst rejected is not an event: left out unless asked for.
  filters.reviewStatus ??= ['unreviewed', 'confirmed', 'edited'];
  const [{ openConfiguredStore, resolveDbTarget, isPostgresUrl }, { exportChunks }, { existsSync, createWriteStream }] = await Promise.all([
    import('../store/index.js'),
    import('../store/export.js'),
    import('node:fs'),
  ]);
  const target = resolveDbTarget(opts.db);
  if (!isPostgresUrl(target) && !existsSync(target)) {
    throw new Error(`no database at ${target} (run \`sitrep ingest\` first, or pass --db)`);
  }
  const store = await openConfiguredStore(opts.db);
  const out = opts.output ? createWriteStream(opts.output) : process.stdout;
  let closedEarly = false;
  out.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') closedEarly = true; // e.g. `| head`: the reader has what it wanted
    else throw err;
  });
  const write = writer(out);
  const counter = { events: 0 };
  try {
    for await (const chunk of exportChunks(store, format, filters, { layout: opts.layout, counter })) {
      if (closedEarly) break;
      await write(chunk);
    }
  } catch (err) {
    if (!closedEarly) throw err;
  } finally {
    await store.close();
    if (counter.events === 0 && !closedEarly) {
      const used = (Object.keys(CLI_FILTER_NAMES) as (keyof typeof CLI_FILTER_NAMES)[]).filter((k) => opts[k] !== undefined).map((k) => `${CLI_FILTER_NAMES[k]} ${opts[k]}`);
      process.stderr.write(used.length ? `export: warning: no stored event matches ${used.join(' ')}\n` : 'export: warning: the database holds no events\n');
    }
    if (opts.output) await new Promise<void>((resolve, reject) => (out as import('node:fs').WriteStream).end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
  return 0;
}
