// Running evaluations: `sitrep eval acled GOLD.csv` over one ACLED export, and `sitrep eval all`
// (npm run eval) over every gold file in the shared eval-data directory, printed as one table.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AcledEvent } from '../common/event.js';
import type { GeoparseMetrics } from '../geography/eval.js';
import type { Extractor } from '../pipeline/index.js';
import { Progress } from '../common/progress.js';
import {
  AcledScorer,
  GoldFileError,
  missedMetrics,
  readAcledGold,
  type AcledRunReport,
  type GoldRow,
} from './acled.js';
import {
  acledColumnCells,
  acledReportJson,
  escapeCell,
  formatAcledReport,
  formatCombinedTable,
  type TableColumn,
} from './report.js';
import { firstLine, loadExtractor, MAX_WARNINGS_PER_FILE, openErrorsFile, type LineSink } from './io.js';

export type { LineSink } from './io.js';

export interface AcledEvalOptions {
  extractor: Extractor;
  limit?: number;
  errors?: LineSink;
  /** Progress line on stderr; default: when stderr is a terminal. */
  progress?: boolean;
  /** Where warnings (skipped records, failed documents) go; default stderr. */
  warn?: (message: string) => void;
  /** Also score each gold country on its own (report.byCountry). */
  byCountry?: boolean;
}


/** Extracts every note of a gold file and scores it. Throws GoldFileError for an unreadable file. */
export function evaluateAcledFile(file: string, options: AcledEvalOptions): AcledRunReport {
  // Progress only on a terminal: eval output is often piped into files and diffs.
  const progress = new Progress(basename(file), process.stderr, options.progress ?? process.stderr.isTTY === true);
  const warn = options.warn ?? ((m: string) => progress.message(`sitrep: ${m}`));
  const gold = readAcledGold(file, options.limit);
  for (const s of gold.skipped.slice(0, MAX_WARNINGS_PER_FILE)) warn(`${file}:${s.line}: record skipped: ${s.message}`);
  if (gold.skipped.length > MAX_WARNINGS_PER_FILE) {
    warn(`${file}: ${gold.skipped.length - MAX_WARNINGS_PER_FILE} more record(s) skipped`);
  }
  const scorer = new AcledScorer();
  const countries = new Map<string, AcledScorer>();
  let failures = 0;
  let done = 0;
  let eventCount = 0;
  const started = performance.now();
  for (const row of gold.rows) {
    let events: AcledEvent[] = [];
    let failed = false;
    try {
      // The note alone: no date or other column, so the pipeline must read everything from the text.
      events = options.extractor.extract({ text: row.notes, origin: { file, line: row.line } }, { eventsOnly: true }).events;
    } catch (err) {
      failed = true;
      if (++failures <= MAX_WARNINGS_PER_FILE) {
        warn(`${file}:${row.line}: extraction failed, scored as no event: ${escapeCell(firstLine(err))}`);
      }
    }
    const score = scorer.add(row, events, failed);
    if (options.byCountry) {
      const key = row.country || '(no country)';
      let c = countries.get(key);
      if (!c) countries.set(key, (c = new AcledScorer()));
      c.add(row, events, failed);
    }
    if (options.errors) {
      const missed = missedMetrics(score);
      if (missed.length > 0) options.errors.write(JSON.stringify(errorRecord(row, events, missed, failed)));
    }
    progress.update({ documents: ++done, events: (eventCount += events.length), errors: failures });
  }
  const elapsedMs = performance.now() - started;
  progress.clear();
  if (failures > MAX_WARNINGS_PER_FILE) warn(`${file}: ${failures - MAX_WARNINGS_PER_FILE} more document(s) failed to extract`);
  const report: AcledRunReport = { file, metrics: scorer.metrics(), skippedRecords: gold.skipped.length, elapsedMs };
  if (options.byCountry) {
    report.byCountry = [...countries]
      .map(([country, c]) => ({ country, metrics: c.metrics() }))
      .sort((a, b) => b.metrics.rows - a.metrics.rows || a.country.localeCompare(b.country));
  }
  return report;
}


function errorRecord(row: GoldRow, events: readonly AcledEvent[], missed: string[], failed: boolean) {
  const p = events[0];
  return {
    file: row.file,
    line: row.line,
    event_id: row.eventId,
    missed,
    notes: row.notes,
    gold: {
      event_date: row.rawDate,
      event_type: row.eventType,
      sub_event_type: row.subEventType,
      actor1: row.actor1,
      ...(row.hasActor2 ? { actor2: row.actor2 } : {}),
      inter1: row.inter1,
      ...(row.hasActor2 ? { inter2: row.inter2 } : {}),
      country: row.country,
      admin1: row.admin1,
      latitude: row.latitude,
      longitude: row.longitude,
      fatalities: row.fatalities,
    },
    events: events.length,
    ...(failed ? { extract_failed: true } : {}),
    prediction: p
      ? {
          event_date: p.event_date,
          event_type: p.event_type,
          sub_event_type: p.sub_event_type,
          actor1: p.actor1,
          actor2: p.actor2,
          inter1: p.inter1,
          inter2: p.inter2,
          country: p.country,
          admin1: p.admin1,
          location: p.location,
          latitude: p.latitude,
          longitude: p.longitude,
          fatalities: p.fatalities,
        }
      : null,
  };
}

export async function runAcledCommand(
  gold: string,
  opts: { limit?: number; json?: boolean; errors?: string; by?: string },
): Promise<void> {
  if (opts.by !== undefined && opts.by !== 'country') throw new GoldFileError(`--by ${opts.by}: only "country" is supported`);
  const extractor = await loadExtractor();
  const errors = opts.errors ? openErrorsFile(opts.errors) : undefined;
  try {
    const report = evaluateAcledFile(gold, { extractor, limit: opts.limit, errors, byCountry: opts.by === 'country' });
    process.stdout.write(opts.json ? JSON.stringify(acledReportJson(report), null, 2) + '\n' : formatAcledReport(report));
  } finally {
    errors?.close();
  }
}

// ---------------------------------------------------------------------------------------------
// eval all

/** ../shared/eval-data beside the repository (this module is src/eval/all.ts or dist/eval/all.js). */
export function defaultDataDir(): string {
  return fileURLToPath(new URL('../../../shared/eval-data/', import.meta.url));
}

const GEOPARSE_FILES = ['lgl.xml', 'GeoVirus.xml'];
/** Whole articles coded as ACLED would (`eval articles`). */
const ARTICLE_FILES = ['guardian-sdf/gold.jsonl'];
const MUC_FILES = ['muc4/dev.jsonl'];
/** Stories that report no political violence: events per article are false alarms. */
const FALSE_ALARM_FILES = ['geoparsing-gold/GeoVirus.xml', 'bbc-news/dev.jsonl'];

export interface DataFiles {
  acled: string[];
  geoparse: string[];
  articles: string[];
  muc: string[];
  falseAlarms: string[];
}

export function findDataFiles(dataDir: string): DataFiles {
  const acledDir = join(dataDir, 'acled-notes');
  const acled = isDirectory(acledDir)
    ? readdirSync(acledDir).filter((f) => f.toLowerCase().endsWith('.csv')).sort().map((f) => join(acledDir, f))
    : [];
  const present = (files: string[]) => files.map((f) => join(dataDir, f)).filter((p) => existsSync(p));
  const geoparse = present(GEOPARSE_FILES.map((f) => join('geoparsing-gold', f)));
  return { acled, geoparse, articles: present(ARTICLE_FILES), muc: present(MUC_FILES), falseAlarms: present(FALSE_ALARM_FILES) };
}

/** "…/guardian-sdf/gold.jsonl" -> "guardian-sdf", "…/bbc-news/dev.jsonl" -> "bbc-news", "…/GeoVirus.xml" -> "GeoVirus". */
export function dataLabel(file: string): string {
  const name = basename(file).replace(/\.[^.]+$/, '');
  return ['gold', 'dev', 'test'].includes(name) ? basename(dirname(file)) : name;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Column names: "acled_kenya_2004-2019.csv" -> "kenya" unless two files would share a name. */
export function columnLabels(files: readonly string[]): string[] {
  const long = files.map((f) => basename(f).replace(/\.[^.]+$/, '').replace(/^acled_/, ''));
  const short = long.map((l) => l.split('_')[0]!);
  return short.map((s, i) => (short.indexOf(s) === short.lastIndexOf(s) ? s : long[i]!));
}

/** The geoparse evaluator's metrics as cells of the combined table (rates as percentages). */
export function geoparseCells(m: GeoparseMetrics): Map<string, string> {
  const pct = (x: number) => percentOf(x);
  return new Map([
    ['geo articles', String(m.articles)],
    ['geo gold toponyms', String(m.gold)],
    ['geo precision', pct(m.precision)],
    ['geo recall', pct(m.recall)],
    ['geo f1', pct(m.f1)],
    ['geo acc@161km', pct(m.acc161)],
    ['geo acc@161km of found', pct(m.acc161_found)],
    ['geo median error km', String(m.median_error_km)],
    ['docs/s', String(m.articles_per_s)],
  ]);
}

function percentOf(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}


/** Where a command prints: stdout for results, stderr for messages (replaceable in tests). */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_OUTPUT: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export async function runAllCommand(
  opts: { data?: string; limit?: number; json?: boolean; errors?: string },
  output: CommandOutput = PROCESS_OUTPUT,
): Promise<void> {
  const dataDir = opts.data ? resolve(opts.data) : defaultDataDir();
  if (opts.data && !isDirectory(dataDir)) throw new GoldFileError(`${opts.data}: no such directory`);
  const files = findDataFiles(dataDir);
  const total = files.acled.length + files.geoparse.length + files.articles.length + files.muc.length + files.falseAlarms.length;
  if (total === 0) {
    output.err(
      `sitrep eval all: no evaluation data in ${dataDir} (expected acled-notes/*.csv, geoparsing-gold/*.xml, ` +
        `guardian-sdf/gold.jsonl, muc4/dev.jsonl or bbc-news/dev.jsonl); nothing to do\n`,
    );
    return;
  }
  const started = performance.now();
  const columns: TableColumn[] = [];
  const json: {
    data_dir: string;
    acled: unknown[];
    geoparse: unknown[];
    articles: unknown[];
    muc: unknown[];
    false_alarms: unknown[];
    skipped: string[];
    elapsed_s?: number;
  } = { data_dir: dataDir, acled: [], geoparse: [], articles: [], muc: [], false_alarms: [], skipped: [] };
  /** A column per file; a second set of cells for the same file joins its column. */
  const addColumn = (label: string, cells: Map<string, string>) => {
    const existing = columns.find((c) => c.label === label);
    if (existing) for (const [k, v] of cells) existing.cells.set(k, v);
    else columns.push({ label, cells });
  };
  const note = (message: string) => {
    json.skipped.push(message);
    output.err(`sitrep eval all: ${message}\n`);
  };
  let failed = false;

  const needsExtractor = files.acled.length + files.articles.length + files.muc.length + files.falseAlarms.length > 0;
  const extractor = needsExtractor ? await loadExtractor() : undefined;
  const errors = opts.errors ? openErrorsFile(opts.errors) : undefined;
  const warn = (m: string) => output.err(`sitrep: ${m}\n`);
  try {
    if (extractor) {
      const labels = columnLabels(files.acled);
      files.acled.forEach((file, i) => {
        try {
          const report = evaluateAcledFile(file, { extractor, limit: opts.limit, errors, warn });
          addColumn(labels[i]!, acledColumnCells(report));
          json.acled.push(acledReportJson(report));
        } catch (err) {
          if (!(err instanceof GoldFileError)) throw err;
          failed = true;
          note(err.message);
        }
      });
    }

    if (files.geoparse.length > 0) {
      const { evaluateGeoparse } = await import('../geography/eval.js');
      for (const file of files.geoparse) {
        try {
          const result = evaluateGeoparse(file, { limit: opts.limit });
          addColumn(basename(file).replace(/\.xml$/i, ''), geoparseCells(result.metrics));
          json.geoparse.push(result);
        } catch (err) {
          failed = true;
          note(`${file}: geoparse evaluation failed: ${firstLine(err)}`);
        }
      }
    }

    if (extractor) {
      const docs = await import('./documents.js');
      const run = (body: () => void) => {
        try {
          body();
        } catch (err) {
          if (!(err instanceof GoldFileError)) throw err;
          failed = true;
          note(err.message);
        }
      };
      const options = { extractor, limit: opts.limit, errors, warn };
      for (const file of files.articles) {
        run(() => {
          const report = docs.evaluateArticlesFile(file, options);
          addColumn(dataLabel(file), docs.articlesColumnCells(report));
          json.articles.push(docs.articlesReportJson(report));
        });
      }
      for (const file of files.muc) {
        run(() => {
          const report = docs.evaluateMucFile(file, options);
          addColumn(dataLabel(file), docs.mucColumnCells(report));
          json.muc.push(docs.mucReportJson(report));
        });
      }
      for (const file of files.falseAlarms) {
        run(() => {
          const report = docs.countFalseAlarms(file, docs.readFalseAlarmDocuments(file, opts.limit), options);
          addColumn(dataLabel(file), docs.falseAlarmCells(report));
          json.false_alarms.push(docs.falseAlarmJson(report));
        });
      }
    }
  } finally {
    errors?.close();
  }

  const elapsedMs = performance.now() - started;
  if (opts.json) {
    json.elapsed_s = Number((elapsedMs / 1000).toFixed(3));
    output.out(JSON.stringify(json, null, 2) + '\n');
  } else {
    output.out(formatCombinedTable(columns));
    output.out(`\n${columns.length} file(s) in ${(elapsedMs / 1000).toFixed(2)} s\n`);
  }
  if (failed) process.exitCode = 1;
}
