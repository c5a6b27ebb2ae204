// Scoring sitrep against ACLED exports: each row's `notes` is extracted alone, and the first event
// sitrep emits is compared with the row. Reading the gold CSV, its date and inter-code formats,
// name folding and the metrics live here; running the pipeline and printing live in all.ts/report.ts.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { AcledEvent } from '../common/event.js';
import { haversineKm } from '../common/distance.js';

/** A problem with a gold file: the message is one line naming the file (and line). */
export class GoldFileError extends Error {}

/** A gold file's text; a file that is missing, a directory or unreadable is a GoldFileError naming it. */
export function readGoldText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new GoldFileError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : 'cannot be read'}`);
  }
}

/** The values of a JSONL text's non-blank lines, with their 1-based line; a line that is no JSON is a GoldFileError naming the file and line. */
export function* jsonlValues(file: string, text: string): Generator<{ line: number; value: unknown }> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    if (raw === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      throw new GoldFileError(`${file}:${i + 1}: not valid JSON (${(err as Error).message.split('\n')[0]})`);
    }
    yield { line: i + 1, value };
  }
}

export interface GoldRow {
  file: string;
  /** 1-based line where the record starts. */
  line: number;
  eventId: string;
  notes: string;
  /** The gold date as written, and as YYYY-MM-DD (null when unreadable). */
  rawDate: string;
  eventDate: string | null;
  eventType: string;
  subEventType: string;
  actor1: string;
  actor2: string;
  /** ACLED inter codes 0-8; null when the cell holds a label we do not know. */
  inter1: number | null;
  inter2: number | null;
  /** False for exports without actor2/inter2 columns: then only inter1 and actor1 are scored. */
  hasActor2: boolean;
  country: string;
  admin1: string;
  /** The gold place's name and its smaller admin units ('' when the export has no such column). */
  location: string;
  admin2: string;
  admin3: string;
  latitude: number | null;
  longitude: number | null;
  fatalities: number | null;
}

export interface GoldFile {
  rows: GoldRow[];
  /** Records skipped because their column count differs from the header's. */
  skipped: { line: number; message: string }[];
}

const REQUIRED_COLUMNS = ['notes', 'event_date', 'event_type', 'sub_event_type'] as const;

/**
 * Reads an ACLED export and returns the rows that have a non-empty `notes`, at most `limit` of them.
 * Column order and extra columns (Kenya's countycode, the 2024 layout's tags...) do not matter.
 */
export function readAcledGold(file: string, limit?: number): GoldFile {
  const text = readGoldText(file);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as Error & { lines?: number };
    throw new GoldFileError(`${file}${e.lines ? `:${e.lines}` : ''}: not a readable CSV (${firstLine(e.message)})`);
  }
  if (records.length === 0) throw new GoldFileError(`${file}: empty file, expected an ACLED export with a header`);
  const header = records[0]!.record.map((h) => h.trim().toLowerCase());
  const col = new Map<string, number>();
  header.forEach((name, i) => { if (!col.has(name)) col.set(name, i); });
  const missing = REQUIRED_COLUMNS.filter((c) => !col.has(c));
  if (missing.length > 0) {
    throw new GoldFileError(`${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (not an ACLED export?)`);
  }
  const hasActor2 = col.has('actor2');
  const rows: GoldRow[] = [];
  const skipped: GoldFile['skipped'] = [];
  let previousEnd = records[0]!.info.lines;
  for (let r = 1; r < records.length; r++) {
    const { record, info } = records[r]!;
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.length !== header.length) {
      skipped.push({ line, message: `${record.length} fields where the header has ${header.length}` });
      continue;
    }
    const get = (name: string): string => {
      const i = col.get(name);
      return i === undefined ? '' : (record[i] ?? '').trim();
    };
    const notes = get('notes');
    if (notes === '') continue;
    const rawDate = get('event_date');
    rows.push({
      file,
      line,
      eventId: get('event_id_cnty'),
      notes,
      rawDate,
      eventDate: parseAcledDate(rawDate),
      eventType: get('event_type'),
      subEventType: get('sub_event_type'),
      actor1: get('actor1'),
      actor2: get('actor2'),
      inter1: interCode(get('inter1')),
      inter2: hasActor2 ? interCode(get('inter2')) : 0,
      hasActor2,
      country: get('country'),
      admin1: get('admin1'),
      location: get('location'),
      admin2: get('admin2'),
      admin3: get('admin3'),
      latitude: parseNumber(get('latitude')),
      longitude: parseNumber(get('longitude')),
      fatalities: /^\d+$/.test(get('fatalities')) ? Number(get('fatalities')) : null,
    });
    if (limit !== undefined && rows.length >= limit) break;
  }
  return { rows, skipped };
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.slice(0, 200);
}

function parseNumber(s: string): number | null {
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

// ---------------------------------------------------------------------------------------------
// Dates

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** Month number (1-12) for a month name, a prefix of at least 3 letters ("Mar", "Sept"), any case. */
function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  if (w.length < 3) return null;
  const i = MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(w));
  return i < 0 ? null : i + 1;
}

/** Two-digit years: the latest century that does not put the year more than a year in the future. */
function fullYear(digits: string): number {
  const n = Number(digits);
  if (digits.length !== 2) return n;
  const limit = (new Date().getUTCFullYear() + 1) % 100;
  return n <= limit ? 2000 + n : 1900 + n;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads the dates found in ACLED exports and sitrep output: "9-May-20", "21 March 2020",
 * "December 31 2019", "31-12-19" (day first, as ACLED writes it), "2020-03-21". Returns YYYY-MM-DD or null.
 */
export function parseAcledDate(raw: string): string | null {
  const parts = raw.trim().split(/[\s\-/.,]+/).filter((p) => p !== '');
  if (parts.length !== 3) return null;
  let day: string | undefined;
  let month: number | null = null;
  let year: string | undefined;
  const alpha = parts.findIndex((p) => /^\p{L}+$/u.test(p));
  if (alpha === 0) [month, day, year] = [monthNumber(parts[0]!), parts[1], parts[2]];
  else if (alpha === 1) [day, month, year] = [parts[0], monthNumber(parts[1]!), parts[2]];
  else if (alpha === -1 && parts.every((p) => /^\d+$/.test(p))) {
    if (parts[0]!.length === 4) [year, month, day] = [parts[0], Number(parts[1]), parts[2]];
    else {
      const [a, b] = [Number(parts[0]), Number(parts[1])];
      // Day first unless that is impossible and month first is not ("12-31-19").
      if (b > 12 && a <= 12) [month, day, year] = [a, parts[1], parts[2]];
      else [day, month, year] = [parts[0], b, parts[2]];
    }
  } else return null;
  if (month === null || !day || !year || !/^\d{1,2}$/.test(day) || !/^(\d{2}|\d{4})$/.test(year)) return null;
  const y = fullYear(year);
  const d = Number(day);
  if (month < 1 || month > 12 || d < 1 || d > daysInMonth(y, month)) return null;
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const MONTH_IN_TEXT = MONTH_NAMES.map((name) => {
  const abbreviations = [name.slice(0, 3), ...(name === 'September' ? ['Sept'] : [])];
  const words = [...new Set([name, ...abbreviations])];
  // Capitalised, whole word: "May" the month, not "may" the verb.
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.join('|')}|${name.toUpperCase()})(?![\\p{L}\\p{N}])`, 'u');
});

/** Whether the text names the month of an ISO date ("May" or "May" in full, "Mar" for March). */
export function textNamesMonth(text: string, isoDate: string): boolean {
  const month = Number(isoDate.slice(5, 7));
  const re = MONTH_IN_TEXT[month - 1];
  return re !== undefined && re.test(text);
}

// ---------------------------------------------------------------------------------------------
// Names, inter codes, distances

/** Case, accents and punctuation folded away: "Nairobi-City " -> "nairobi city". */
export function fold(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// The 2024 export layout writes actor types as labels instead of codes (ACLED codebook §3.1).
const INTER_LABELS = new Map<string, number>([
  ['state forces', 1],
  ['rebel group', 2],
  ['rebel groups', 2],
  ['political militia', 3],
  ['political militias', 3],
  ['identity militia', 4],
  ['identity militias', 4],
  ['rioters', 5],
  ['protesters', 6],
  ['civilians', 7],
  ['external other forces', 8],
]);

/** ACLED inter code from a number or a 2024-layout label; blank is 0; unknown labels null. */
export function interCode(cell: string): number | null {
  const s = cell.trim();
  if (s === '') return 0;
  if (/^\d+$/.test(s)) {
    const n = Number(s);
    return n <= 8 ? n : null;
  }
  return INTER_LABELS.get(fold(s)) ?? null;
}

export { haversineKm };

// Words that carry no identity in ACLED actor names ("Military Forces of Afghanistan").
const ACTOR_STOPWORDS = new Set(['of', 'the', 'al', 'el', 'forces']);

/** Actor name folded, without ACLED's year spans: "Police Forces of Kenya (2013-)" -> "police forces of kenya". */
export function normalizeActor(name: string): string {
  return fold(name.replace(/\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)/g, ' '));
}

function actorTokens(normalized: string): Set<string> {
  return new Set(normalized.split(' ').filter((t) => t !== '' && !ACTOR_STOPWORDS.has(t)));
}

/** Same actor: equal after folding and dropping year spans, or token Jaccard >= 0.5 without stopwords. */
export function actorsMatch(gold: string, predicted: string): boolean {
  const g = normalizeActor(gold);
  const p = normalizeActor(predicted);
  if (g === '' || p === '') return false;
  if (g === p) return true;
  const gt = actorTokens(g);
  const pt = actorTokens(p);
  if (gt.size === 0 || pt.size === 0) return false;
  let shared = 0;
  for (const t of gt) if (pt.has(t)) shared++;
  return shared / (gt.size + pt.size - shared) >= 0.5;
}

// ---------------------------------------------------------------------------------------------
// Scoring

export const METRICS = [
  'covered',
  'event_type',
  'sub_event_type',
  'date',
  'fatalities',
  'loc25',
  'admin1',
  'country',
  'interaction',
  'actors',
] as const;
export type MetricName = (typeof METRICS)[number];

export interface Ratio {
  hits: number;
  total: number;
}

/** One row's outcome: for each metric that applies to the row, hits out of total (actors count each gold actor). */
export type RowScore = Partial<Record<MetricName, Ratio>>;

export interface AcledMetrics {
  rows: number;
  scores: Record<MetricName, Ratio>;
  events: number;
  events_per_doc: number;
  /** gold event_type -> predicted event_type ("(none)" when nothing was emitted) -> rows. */
  confusion: Record<string, Record<string, number>>;
  /** Documents whose extraction threw; scored as having no events. */
  extract_errors: number;
  /** What the notes state (see statedInNote): year over the date rows, place over the located rows. */
  stated: { year: Ratio; place: Ratio };
}

export const NO_PREDICTION = '(none)';
const LOCATION_TOLERANCE_KM = 25;

function bool(hit: boolean): Ratio {
  return { hits: hit ? 1 : 0, total: 1 };
}

/** Scores one gold row against the events extracted from its note (only the first is compared). */
export function scoreRow(row: GoldRow, events: readonly AcledEvent[]): RowScore {
  const p: AcledEvent | undefined = events[0];
  const score: RowScore = {
    covered: bool(p !== undefined),
    event_type: bool(p !== undefined && p.event_type === row.eventType),
    sub_event_type: bool(p !== undefined && p.sub_event_type === row.subEventType),
  };
  // Notes that do not name the month do not state the date, so it cannot be read from them.
  if (row.eventDate !== null && textNamesMonth(row.notes, row.eventDate)) {
    score.date = bool(p !== undefined && parseAcledDate(String(p.event_date ?? '')) === row.eventDate);
  }
  if (row.fatalities !== null) score.fatalities = bool(p !== undefined && p.fatalities === row.fatalities);
  if (row.latitude !== null && row.longitude !== null) {
    score.loc25 = bool(
      p !== undefined &&
        typeof p.latitude === 'number' &&
        typeof p.longitude === 'number' &&
        haversineKm(row.latitude, row.longitude, p.latitude, p.longitude) <= LOCATION_TOLERANCE_KM,
    );
  }
  if (row.admin1 !== '') score.admin1 = bool(p !== undefined && fold(p.admin1 ?? '') === fold(row.admin1));
  if (row.country !== '') score.country = bool(p !== undefined && fold(p.country ?? '') === fold(row.country));
  if (row.inter1 !== null && row.inter2 !== null) {
    const p1 = p === undefined ? null : interOf(p.inter1);
    const p2 = p === undefined ? null : interOf(p.inter2);
    if (row.hasActor2) {
      const gold = [row.inter1, row.inter2].sort(byNumber);
      const predicted = [p1 ?? 0, p2 ?? 0].sort(byNumber);
      score.interaction = bool(p !== undefined && gold[0] === predicted[0] && gold[1] === predicted[1]);
    } else {
      // Without actor2 in the export, the gold actor's type must be one side of the predicted pair.
      score.interaction = bool(p !== undefined && (p1 === row.inter1 || p2 === row.inter1));
    }
  }
  const goldActors = [row.actor1, row.actor2].filter((a) => a !== '');
  if (goldActors.length > 0) {
    const predicted = p === undefined ? [] : [p.actor1, p.actor2].filter((a): a is string => typeof a === 'string' && a !== '');
    const hits = goldActors.filter((g) => predicted.some((q) => actorsMatch(g, q))).length;
    score.actors = { hits, total: goldActors.length };
  }
  return score;
}

/**
 * What the note itself states of the gold row, whatever sitrep makes of it: an upper bound on the
 * date and location scores. `year`: a note that names the month (the date rows) also names the
 * year; `place`: the note names the gold location or one of its admin units (admin3, admin2,
 * admin1), as whole words after folding. Nothing else is given to the pipeline, so a date whose
 * year is not written cannot be read, nor a place that is not named.
 */
export interface StatedInNote {
  year?: boolean;
  place?: boolean;
}

export function statedInNote(row: GoldRow): StatedInNote {
  const stated: StatedInNote = {};
  if (row.eventDate !== null && textNamesMonth(row.notes, row.eventDate)) {
    stated.year = new RegExp(`(?<!\\d)${row.eventDate.slice(0, 4)}(?!\\d)`).test(row.notes);
  }
  if (row.latitude !== null && row.longitude !== null) {
    const note = ` ${fold(row.notes)} `;
    // ACLED writes some locations as "City - District": either part named will do.
    const names = [...row.location.split(' - '), row.admin3, row.admin2, row.admin1].map(fold).filter((n) => n !== '');
    stated.place = names.some((n) => note.includes(` ${n} `));
  }
  return stated;
}

function byNumber(a: number, b: number): number {
  return a - b;
}

function interOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** The metrics a row missed (hits below total), for the errors file. */
export function missedMetrics(score: RowScore): MetricName[] {
  return METRICS.filter((m) => {
    const r = score[m];
    return r !== undefined && r.hits < r.total;
  });
}

/** Accumulates row scores; constant work per row. */
export class AcledScorer {
  private rows = 0;
  private events = 0;
  private extractErrors = 0;
  private readonly totals = Object.fromEntries(METRICS.map((m) => [m, { hits: 0, total: 0 }])) as Record<MetricName, Ratio>;
  private readonly confusion = new Map<string, Map<string, number>>();
  private readonly stated = { year: { hits: 0, total: 0 }, place: { hits: 0, total: 0 } };

  /** Scores the row, adds it to the totals and returns its score. */
  add(row: GoldRow, events: readonly AcledEvent[], extractFailed = false): RowScore {
    const score = scoreRow(row, events);
    this.rows++;
    this.events += events.length;
    if (extractFailed) this.extractErrors++;
    for (const m of METRICS) {
      const r = score[m];
      if (r) {
        this.totals[m].hits += r.hits;
        this.totals[m].total += r.total;
      }
    }
    const stated = statedInNote(row);
    if (stated.year !== undefined) this.count(this.stated.year, stated.year);
    if (stated.place !== undefined) this.count(this.stated.place, stated.place);
    const predicted = events[0]?.event_type || NO_PREDICTION;
    let byPredicted = this.confusion.get(row.eventType);
    if (!byPredicted) this.confusion.set(row.eventType, (byPredicted = new Map()));
    byPredicted.set(predicted, (byPredicted.get(predicted) ?? 0) + 1);
    return score;
  }

  private count(r: Ratio, hit: boolean): void {
    r.total++;
    if (hit) r.hits++;
  }

  metrics(): AcledMetrics {
    const confusion: Record<string, Record<string, number>> = {};
    for (const gold of [...this.confusion.keys()].sort()) {
      confusion[gold] = Object.fromEntries([...this.confusion.get(gold)!].sort(([a], [b]) => a.localeCompare(b)));
    }
    return {
      rows: this.rows,
      scores: Object.fromEntries(METRICS.map((m) => [m, { ...this.totals[m] }])) as Record<MetricName, Ratio>,
      events: this.events,
      events_per_doc: this.rows === 0 ? 0 : this.events / this.rows,
      confusion,
      extract_errors: this.extractErrors,
      stated: { year: { ...this.stated.year }, place: { ...this.stated.place } },
    };
  }
}

export function rate(r: Ratio): number | null {
  return r.total === 0 ? null : r.hits / r.total;
}

/** One gold file's evaluation, with how long the pipeline took over it. */
export interface AcledRunReport {
  file: string;
  metrics: AcledMetrics;
  /** Records skipped for a wrong field count. */
  skippedRecords: number;
  elapsedMs: number;
  /** Each gold country scored on its own, most rows first (with `--by country`). */
  byCountry?: { country: string; metrics: AcledMetrics }[];
}
