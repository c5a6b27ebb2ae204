// Running the whole-document evaluations: `sitrep eval articles` (articles coded as ACLED would),
// `sitrep eval muc` (MUC-4 reports, recall) and the false-alarm checks of `eval all` (events per
// article on stories that report no political violence: BBC sport/tech/entertainment, GeoVirus).
import { basename } from 'node:path';
import type { AcledEvent } from '../common/event.js';
import type { Extractor } from '../pipeline/index.js';
import type { SourceDocument } from '../ingest/types.js';
import { Progress } from '../common/progress.js';
import { parseGold as parseGeoGold, type GoldArticle as GeoArticle } from '../geography/eval.js';
import { GoldFileError, jsonlValues, readGoldText, type Ratio } from './acled.js';
import {
  ARTICLE_METRICS,
  ArticleScorer,
  PAIR_FIELDS,
  readArticleGold,
  type ArticleMetrics,
  type ArticleScore,
  type GoldArticle,
} from './articles.js';
import { firstLine, loadExtractor, MAX_WARNINGS_PER_FILE, openErrorsFile, type LineSink } from './io.js';
import { MUC_METRICS, MucScorer, readMucGold, type IncidentScore, type MucDocument, type MucMetrics } from './muc.js';
import { escapeCell, formatTable, percent } from './report.js';

export interface DocumentEvalOptions {
  extractor: Extractor;
  limit?: number;
  errors?: LineSink;
  progress?: boolean;
  warn?: (message: string) => void;
}

/** Runs the pipeline over documents, one at a time; a document that throws counts as having no events. */
function runDocuments<D>(
  file: string,
  docs: readonly D[],
  toSource: (d: D) => SourceDocument,
  options: DocumentEvalOptions,
  each: (doc: D, events: AcledEvent[], failed: boolean) => void,
): number {
  const progress = new Progress(basename(file), process.stderr, options.progress ?? process.stderr.isTTY === true);
  const warn = options.warn ?? ((m: string) => progress.message(`sitrep: ${m}`));
  let failures = 0;
  let done = 0;
  let eventCount = 0;
  const started = performance.now();
  for (const d of docs) {
    const source = toSource(d);
    let events: AcledEvent[] = [];
    let failed = false;
    try {
      events = options.extractor.extract(source, { eventsOnly: true }).events;
    } catch (err) {
      failed = true;
      if (++failures <= MAX_WARNINGS_PER_FILE) {
        warn(`${file}:${source.origin.line ?? '?'}: extraction failed, scored as no event: ${escapeCell(firstLine(err))}`);
      }
    }
    each(d, events, failed);
    progress.update({ documents: ++done, events: (eventCount += events.length), errors: failures });
  }
  progress.clear();
  if (failures > MAX_WARNINGS_PER_FILE) warn(`${file}: ${failures - MAX_WARNINGS_PER_FILE} more document(s) failed to extract`);
  return performance.now() - started;
}

function brief(p: AcledEvent) {
  return {
    event_date: p.event_date,
    event_type: p.event_type,
    sub_event_type: p.sub_event_type,
    actor1: p.actor1,
    actor2: p.actor2,
    country: p.country,
    admin1: p.admin1,
    location: p.location,
    fatalities: p.fatalities,
    evidence: p.evidence?.event_type?.[0]?.text ?? p.evidence?.sub_event_type?.[0]?.text,
  };
}

// ---------------------------------------------------------------------------------------------
// eval articles

export interface ArticleRunReport {
  file: string;
  metrics: ArticleMetrics;
  elapsedMs: number;
}

export function evaluateArticlesFile(file: string, options: DocumentEvalOptions): ArticleRunReport {
  const articles = readArticleGold(file, options.limit);
  const scorer = new ArticleScorer();
  const elapsedMs = runDocuments(
    file,
    articles,
    (a) => ({ id: a.id, text: a.text, date: a.date, title: a.title, source: a.source, url: a.url, origin: { file, line: a.line } }),
    options,
    (a, events, failed) => {
      const s = scorer.add(a, events, failed);
      if (options.errors && (s.spurious.length > 0 || s.missed.length > 0 || pairMisses(s))) {
        options.errors.write(JSON.stringify(articleErrorRecord(file, a, events, s)));
      }
    },
  );
  return { file, metrics: scorer.metrics(), elapsedMs };
}

function pairMisses(s: ArticleScore): boolean {
  return s.matches.some((m) => PAIR_FIELDS.some((f) => m.fields[f].hits < m.fields[f].total));
}

function articleErrorRecord(file: string, a: GoldArticle, events: readonly AcledEvent[], s: ArticleScore) {
  return {
    file,
    line: a.line,
    id: a.id,
    date: a.date,
    gold_events: a.events.length,
    predicted_events: events.length,
    main_found: s.mainFound,
    missed: s.missed.map((i) => a.events[i]),
    spurious: s.spurious.map((i) => brief(events[i]!)),
    exempt: s.exempt.map((i) => brief(events[i]!)),
    matched: s.matches.map((m) => ({
      missed_fields: PAIR_FIELDS.filter((f) => m.fields[f].hits < m.fields[f].total),
      gold: a.events[m.gold],
      predicted: brief(events[m.predicted]!),
    })),
  };
}

const ARTICLE_LABELS: Record<(typeof ARTICLE_METRICS)[number], string> = {
  docs_no_event_correct: 'docs_no_event_correct',
  event_precision: 'event_precision',
  event_recall: 'event_recall',
  main_event_found: 'main_event_found',
  event_type: 'event_type (matched)',
  sub_event_type: 'sub_event_type (matched)',
  fatalities: 'fatalities (matched)',
  actors: 'actors (matched, of gold actors)',
  date: 'date (matched, equal)',
  loc25: 'loc25 (matched)',
};

export function formatArticlesReport(report: ArticleRunReport): string {
  const m = report.metrics;
  const rows = ARTICLE_METRICS.map((name) => [ARTICLE_LABELS[name], percent(m.scores[name]), ratio(m.scores[name])]);
  rows.push(['spurious_per_doc', m.spurious_per_doc.toFixed(2), '']);
  rows.push(['events per article', m.events_per_doc.toFixed(2), `${m.predicted_events}/${m.articles}`]);
  let out = `${escapeCell(report.file)}\n\n` + formatTable(['metric', 'score', 'hits/total'], rows);
  out += `\n${m.articles} articles, ${m.gold_events} gold events, ${m.predicted_events} predicted ` +
    `(${m.exempt_predictions} left out of precision: dated like a background event of their article)\n`;
  if (m.extract_errors > 0) out += `${m.extract_errors} article(s) failed to extract and count as having no events\n`;
  out += `${m.articles} articles in ${(report.elapsedMs / 1000).toFixed(2)} s\n`;
  return out;
}

export function articlesReportJson(report: ArticleRunReport): Record<string, unknown> {
  const m = report.metrics;
  return {
    file: report.file,
    articles: m.articles,
    gold_events: m.gold_events,
    predicted_events: m.predicted_events,
    exempt_predictions: m.exempt_predictions,
    metrics: Object.fromEntries(ARTICLE_METRICS.map((n) => [n, withRate(m.scores[n])])),
    spurious_per_doc: round(m.spurious_per_doc),
    events_per_doc: round(m.events_per_doc),
    extract_errors: m.extract_errors,
    elapsed_s: round(report.elapsedMs / 1000, 3),
  };
}

export function articlesColumnCells(report: ArticleRunReport): Map<string, string> {
  const m = report.metrics;
  const cells = new Map<string, string>([['articles', String(m.articles)], ['gold events', String(m.gold_events)]]);
  for (const n of ARTICLE_METRICS) cells.set(ARTICLE_METRICS.indexOf(n) < 4 ? n : `matched ${n}`, percent(m.scores[n]));
  cells.set('spurious_per_doc', m.spurious_per_doc.toFixed(2));
  cells.set('events/doc', m.events_per_doc.toFixed(2));
  return cells;
}

export async function runArticlesCommand(gold: string, opts: { limit?: number; json?: boolean; errors?: string }): Promise<void> {
  const extractor = await loadExtractor();
  const errors = opts.errors ? openErrorsFile(opts.errors) : undefined;
  try {
    const report = evaluateArticlesFile(gold, { extractor, limit: opts.limit, errors });
    process.stdout.write(opts.json ? JSON.stringify(articlesReportJson(report), null, 2) + '\n' : formatArticlesReport(report));
  } finally {
    errors?.close();
  }
}

// ---------------------------------------------------------------------------------------------
// eval muc

export interface MucRunReport {
  file: string;
  metrics: MucMetrics;
  elapsedMs: number;
}

export function evaluateMucFile(file: string, options: DocumentEvalOptions): MucRunReport {
  const docs = readMucGold(file, options.limit);
  const scorer = new MucScorer();
  const elapsedMs = runDocuments(
    file,
    docs,
    (d) => ({ id: d.id, text: d.text, date: d.date, origin: { file, line: d.line } }),
    options,
    (d, events, failed) => {
      const scores = scorer.add(d, events, failed);
      if (options.errors && scores.some((s) => !s.found || Object.values(s.fields).includes(false))) {
        options.errors.write(JSON.stringify(mucErrorRecord(file, d, events, scores)));
      }
    },
  );
  return { file, metrics: scorer.metrics(), elapsedMs };
}

function mucErrorRecord(file: string, d: MucDocument, events: readonly AcledEvent[], scores: IncidentScore[]) {
  return {
    file,
    line: d.line,
    id: d.id,
    date: d.date,
    incidents: d.incidents.map((inc, i) => {
      const s = scores[i]!;
      return {
        template: inc.template,
        found: s.found,
        missed_fields: Object.entries(s.fields).filter(([, v]) => !v).map(([k]) => k),
        gold: {
          event_type: inc.eventType,
          sub_event_type: inc.subEventType,
          location: inc.paths.map((p) => p.map((alts) => alts.join(' | ')).join(' > ')),
          date: inc.dateStart === null ? null : `${inc.dateKind} ${inc.dateStart}${inc.dateEnd && inc.dateEnd !== inc.dateStart ? '..' + inc.dateEnd : ''}`,
          perpetrators: inc.perpetrators,
          fatalities: inc.fatalities,
        },
        predicted: s.predicted === null ? null : brief(events[s.predicted]!),
      };
    }),
    predictions: events.map(brief),
  };
}

const MUC_LABELS: Record<(typeof MUC_METRICS)[number], string> = {
  incident_recall: 'incident_recall',
  event_type: 'event_type (found, not low confidence)',
  perpetrator: 'perpetrator (found)',
  fatalities: 'fatalities (found, gold number)',
  date: 'date (found, exact gold date)',
};

export function formatMucReport(report: MucRunReport): string {
  const m = report.metrics;
  const rows = MUC_METRICS.map((n) => [MUC_LABELS[n], percent(m.scores[n]), ratio(m.scores[n])]);
  rows.push(['events per document', m.events_per_doc.toFixed(2), `${m.events}/${m.documents}`]);
  let out = `${escapeCell(report.file)}\n\n` + formatTable(['metric', 'score', 'hits/total'], rows);
  out += `\n${m.documents} documents, ${m.incidents} gold incidents (non-optional templates); recall only: ` +
    'MUC codes terrorist incidents, not battles, so extra events are not scored\n';
  if (m.extract_errors > 0) out += `${m.extract_errors} document(s) failed to extract and count as having no events\n`;
  out += `${m.documents} documents in ${(report.elapsedMs / 1000).toFixed(2)} s\n`;
  return out;
}

export function mucReportJson(report: MucRunReport): Record<string, unknown> {
  const m = report.metrics;
  return {
    file: report.file,
    documents: m.documents,
    incidents: m.incidents,
    metrics: Object.fromEntries(MUC_METRICS.map((n) => [n, withRate(m.scores[n])])),
    events: m.events,
    events_per_doc: round(m.events_per_doc),
    extract_errors: m.extract_errors,
    elapsed_s: round(report.elapsedMs / 1000, 3),
  };
}

export function mucColumnCells(report: MucRunReport): Map<string, string> {
  const m = report.metrics;
  const cells = new Map<string, string>([['documents', String(m.documents)], ['muc incidents', String(m.incidents)]]);
  for (const n of MUC_METRICS) cells.set(n === 'incident_recall' ? n : `found ${n}`, percent(m.scores[n]));
  cells.set('events/doc', m.events_per_doc.toFixed(2));
  return cells;
}

export async function runMucCommand(gold: string, opts: { limit?: number; json?: boolean; errors?: string }): Promise<void> {
  const extractor = await loadExtractor();
  const errors = opts.errors ? openErrorsFile(opts.errors) : undefined;
  try {
    const report = evaluateMucFile(gold, { extractor, limit: opts.limit, errors });
    process.stdout.write(opts.json ? JSON.stringify(mucReportJson(report), null, 2) + '\n' : formatMucReport(report));
  } finally {
    errors?.close();
  }
}

// ---------------------------------------------------------------------------------------------
// False alarms: events per article on stories that report no political violence

export interface FalseAlarmReport {
  file: string;
  articles: number;
  events: number;
  /** Articles with at least one event. */
  articlesWithEvents: number;
  elapsedMs: number;
}

export interface PlainDocument {
  line: number;
  id: string;
  text: string;
  date?: string;
}

/** JSONL of {id, text, date?}; a broken line is an error naming the file and line. */
export function readJsonlDocuments(file: string, limit?: number): PlainDocument[] {
  const text = readGoldText(file);
  const docs: PlainDocument[] = [];
  for (const { line, value } of jsonlValues(file, text)) {
    const o = value as Record<string, unknown> | null;
    if (typeof o?.text !== 'string') throw new GoldFileError(`${file}:${line}: missing "text"`);
    docs.push({ line, id: String(o.id ?? `line-${line}`), text: o.text, date: typeof o.date === 'string' ? o.date : undefined });
    if (limit !== undefined && docs.length >= limit) break;
  }
  return docs;
}

/** Articles of a false-alarm set: JSONL of {id, text}, or LGL/GeoVirus-style XML (their <text>). */
export function readFalseAlarmDocuments(file: string, limit?: number): PlainDocument[] {
  if (!/\.xml$/i.test(file)) return readJsonlDocuments(file, limit);
  const xml = readGoldText(file);
  let articles: GeoArticle[];
  try {
    articles = parseGeoGold(xml, file);
  } catch (err) {
    throw new GoldFileError(firstLine(err));
  }
  return articles.slice(0, limit ?? articles.length).map((a, i) => ({ line: i + 1, id: a.id, text: a.text }));
}

export function countFalseAlarms(file: string, docs: readonly PlainDocument[], options: DocumentEvalOptions): FalseAlarmReport {
  let events = 0;
  let withEvents = 0;
  const elapsedMs = runDocuments(
    file,
    docs,
    (d) => ({ id: d.id, text: d.text, date: d.date, origin: { file, line: d.line } }),
    options,
    (d, evs) => {
      events += evs.length;
      if (evs.length > 0) {
        withEvents++;
        options.errors?.write(JSON.stringify({ file, line: d.line, id: d.id, false_alarms: evs.map(brief) }));
      }
    },
  );
  return { file, articles: docs.length, events, articlesWithEvents: withEvents, elapsedMs };
}

export function falseAlarmCells(r: FalseAlarmReport): Map<string, string> {
  return new Map([
    ['articles', String(r.articles)],
    ['events/article (no violence)', r.articles === 0 ? '-' : (r.events / r.articles).toFixed(3)],
    ['articles with events', percent({ hits: r.articlesWithEvents, total: r.articles })],
  ]);
}

export function falseAlarmJson(r: FalseAlarmReport): Record<string, unknown> {
  return {
    file: r.file,
    articles: r.articles,
    events: r.events,
    events_per_article: round(r.articles === 0 ? 0 : r.events / r.articles),
    articles_with_events: r.articlesWithEvents,
    elapsed_s: round(r.elapsedMs / 1000, 3),
  };
}

// ---------------------------------------------------------------------------------------------

function ratio(r: Ratio): string {
  return `${r.hits}/${r.total}`;
}

function withRate(r: Ratio): Ratio & { rate: number | null } {
  return { ...r, rate: r.total === 0 ? null : round(r.hits / r.total) };
}

function round(v: number, digits = 4): number {
  return Number(v.toFixed(digits));
}
