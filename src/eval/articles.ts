// Scoring sitrep on whole articles coded as an ACLED coder would (`sitrep eval articles GOLD.jsonl`).
// One JSON object per line: {id, date, title, source, url, text, events: [...], background: [...]};
// events carry ACLED's fields and `main: true` on the article's main event, background items
// {event_date, time_precision, what} are older or undated events the article mentions.
//
// A prediction matches a gold event of the same article when the dates agree (within 1 day; 4 days
// of a time_precision 2 gold date; 16 days or the same month for 3) and the places agree (within
// 50 km; the same admin1 where either lacks coordinates). Pairs are chosen greedily, best field
// agreement first. An unmatched prediction whose date fits a dated background item of the same
// article is left out of precision: neither right nor wrong.
import type { AcledEvent } from '../common/event.js';
import { actorsMatch, fold, GoldFileError, haversineKm, jsonlValues, parseAcledDate, readGoldText, type Ratio } from './acled.js';

export interface GoldArticleEvent {
  event_date: string;
  time_precision: number;
  event_type: string;
  sub_event_type: string;
  actor1: string;
  actor2: string;
  country: string;
  admin1: string;
  location: string;
  latitude: number | null;
  longitude: number | null;
  fatalities: number | null;
  main: boolean;
}

export interface BackgroundItem {
  /** "YYYY-MM-DD", "YYYY-MM", "YYYY" or null (undated). */
  event_date: string | null;
  time_precision: number | null;
  what: string;
}

export interface GoldArticle {
  line: number;
  id: string;
  date?: string;
  title?: string;
  source?: string;
  url?: string;
  text: string;
  events: GoldArticleEvent[];
  background: BackgroundItem[];
}

/** Reads a gold JSONL file; a broken line is an error naming the file and line. */
export function readArticleGold(file: string, limit?: number): GoldArticle[] {
  const text = readGoldText(file);
  const articles: GoldArticle[] = [];
  for (const { line, value } of jsonlValues(file, text)) {
    const where = `${file}:${line}`;
    const o = value as Record<string, unknown>;
    if (o === null || typeof o !== 'object' || Array.isArray(o)) throw new GoldFileError(`${where}: expected a JSON object`);
    if (typeof o.text !== 'string' || o.text === '') throw new GoldFileError(`${where}: missing "text"`);
    if (!Array.isArray(o.events)) throw new GoldFileError(`${where}: missing "events" (an array, empty when the article reports none)`);
    const events = o.events.map((e, k) => goldEvent(e, `${where}: events[${k}]`));
    const background = Array.isArray(o.background) ? o.background.map((b) => backgroundItem(b)) : [];
    articles.push({
      line,
      id: typeof o.id === 'string' && o.id !== '' ? o.id : `line-${line}`,
      date: str(o.date) || undefined,
      title: str(o.title) || undefined,
      source: str(o.source) || undefined,
      url: str(o.url) || undefined,
      text: o.text,
      events,
      background,
    });
    if (limit !== undefined && articles.length >= limit) break;
  }
  return articles;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function goldEvent(e: unknown, where: string): GoldArticleEvent {
  if (e === null || typeof e !== 'object') throw new GoldFileError(`${where}: expected an object`);
  const o = e as Record<string, unknown>;
  const date = parseAcledDate(str(o.event_date));
  if (date === null) throw new GoldFileError(`${where}: event_date "${str(o.event_date)}" is not a date`);
  return {
    event_date: date,
    time_precision: num(o.time_precision) ?? 1,
    event_type: str(o.event_type),
    sub_event_type: str(o.sub_event_type),
    actor1: str(o.actor1),
    actor2: str(o.actor2),
    country: str(o.country),
    admin1: str(o.admin1),
    location: str(o.location),
    latitude: num(o.latitude),
    longitude: num(o.longitude),
    fatalities: num(o.fatalities),
    main: o.main === true,
  };
}

function backgroundItem(b: unknown): BackgroundItem {
  const o = (b ?? {}) as Record<string, unknown>;
  const d = str(o.event_date).trim();
  return { event_date: d === '' ? null : d, time_precision: num(o.time_precision), what: str(o.what) };
}

// ---------------------------------------------------------------------------------------------
// Matching

const DAY_MS = 86_400_000;
const PLACE_TOLERANCE_KM = 50;
const LOC25_KM = 25;

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

/** The prediction's date agrees with a gold date of the given time_precision. */
export function datesAgree(predicted: string, gold: string, timePrecision: number): boolean {
  const p = parseAcledDate(predicted);
  if (p === null) return false;
  const diff = Math.abs(dayNumber(p) - dayNumber(gold));
  if (timePrecision >= 3) return diff <= 16 || p.slice(0, 7) === gold.slice(0, 7);
  return diff <= (timePrecision === 2 ? 4 : 1);
}

/** The prediction's date fits a dated background item: its day (with its precision), month or year. */
export function fitsBackground(predicted: string, item: BackgroundItem): boolean {
  const d = item.event_date;
  if (d === null) return false;
  const p = parseAcledDate(predicted);
  if (p === null) return false;
  if (/^\d{4}$/.test(d)) return p.slice(0, 4) === d;
  if (/^\d{4}-\d{2}$/.test(d)) return p.slice(0, 7) === d;
  const full = parseAcledDate(d);
  return full !== null && datesAgree(p, full, item.time_precision ?? 1);
}

function hasPoint(x: { latitude: number | null; longitude: number | null }): boolean {
  return typeof x.latitude === 'number' && typeof x.longitude === 'number';
}

function distanceKm(p: AcledEvent, g: GoldArticleEvent): number | null {
  if (!hasPoint(p) || !hasPoint(g)) return null;
  return haversineKm(p.latitude!, p.longitude!, g.latitude!, g.longitude!);
}

/** Within 50 km; the same admin1 (and country) where either lacks coordinates. */
export function placesAgree(p: AcledEvent, g: GoldArticleEvent): boolean {
  const km = distanceKm(p, g);
  if (km !== null) return km <= PLACE_TOLERANCE_KM;
  const a = fold(p.admin1 ?? '');
  return a !== '' && a === fold(g.admin1) && (g.country === '' || fold(p.country ?? '') === fold(g.country));
}

export const PAIR_FIELDS = ['event_type', 'sub_event_type', 'fatalities', 'actors', 'date', 'loc25'] as const;
export type PairField = (typeof PAIR_FIELDS)[number];

/** Field agreement of a matched pair: actors counts each gold actor found among actor1/actor2. */
export function pairScore(p: AcledEvent, g: GoldArticleEvent): Record<PairField, Ratio> {
  const bool = (hit: boolean): Ratio => ({ hits: hit ? 1 : 0, total: 1 });
  const goldActors = [g.actor1, g.actor2].filter((a) => a !== '');
  const predicted = [p.actor1, p.actor2].filter((a): a is string => typeof a === 'string' && a !== '');
  const km = distanceKm(p, g);
  return {
    event_type: bool(p.event_type === g.event_type),
    sub_event_type: bool(p.sub_event_type === g.sub_event_type),
    fatalities: g.fatalities === null ? { hits: 0, total: 0 } : bool(p.fatalities === g.fatalities),
    actors: { hits: goldActors.filter((a) => predicted.some((q) => actorsMatch(a, q))).length, total: goldActors.length },
    date: bool(parseAcledDate(String(p.event_date ?? '')) === g.event_date),
    loc25: hasPoint(g) ? bool(km !== null && km <= LOC25_KM) : { hits: 0, total: 0 },
  };
}

export interface ArticleMatch {
  predicted: number;
  gold: number;
  fields: Record<PairField, Ratio>;
}

export interface ArticleScore {
  id: string;
  gold: number;
  predicted: number;
  matches: ArticleMatch[];
  /** Unmatched predictions left out of precision (their date fits a dated background item). */
  exempt: number[];
  /** Unmatched predictions that count against precision. */
  spurious: number[];
  /** Unmatched gold events. */
  missed: number[];
  /** Whether the gold main event was matched (null when the article has none). */
  mainFound: boolean | null;
}

/** Matches an article's predictions to its gold events, greedily by field agreement. */
export function scoreArticle(article: GoldArticle, events: readonly AcledEvent[]): ArticleScore {
  const candidates: ArticleMatch[] = [];
  const closeness: number[] = [];
  events.forEach((p, pi) => {
    article.events.forEach((g, gi) => {
      if (!datesAgree(String(p.event_date ?? ''), g.event_date, g.time_precision) || !placesAgree(p, g)) return;
      candidates.push({ predicted: pi, gold: gi, fields: pairScore(p, g) });
      closeness.push(distanceKm(p, g) ?? PLACE_TOLERANCE_KM);
    });
  });
  const agreement = (m: ArticleMatch) =>
    PAIR_FIELDS.reduce((s, f) => s + (m.fields[f].total === 0 ? 0 : m.fields[f].hits / m.fields[f].total), 0);
  const order = candidates.map((_, i) => i).sort(
    (a, b) => agreement(candidates[b]!) - agreement(candidates[a]!) || closeness[a]! - closeness[b]! || a - b,
  );
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const matches: ArticleMatch[] = [];
  for (const i of order) {
    const m = candidates[i]!;
    if (usedP.has(m.predicted) || usedG.has(m.gold)) continue;
    usedP.add(m.predicted);
    usedG.add(m.gold);
    matches.push(m);
  }
  matches.sort((a, b) => a.gold - b.gold);
  const exempt: number[] = [];
  const spurious: number[] = [];
  events.forEach((p, i) => {
    if (usedP.has(i)) return;
    if (article.background.some((b) => fitsBackground(String(p.event_date ?? ''), b))) exempt.push(i);
    else spurious.push(i);
  });
  const mainIndex = article.events.findIndex((g) => g.main);
  return {
    id: article.id,
    gold: article.events.length,
    predicted: events.length,
    matches,
    exempt,
    spurious,
    missed: article.events.map((_, i) => i).filter((i) => !usedG.has(i)),
    mainFound: mainIndex < 0 ? null : usedG.has(mainIndex),
  };
}

// ---------------------------------------------------------------------------------------------
// Totals

export const ARTICLE_METRICS = [
  'docs_no_event_correct',
  'event_precision',
  'event_recall',
  'main_event_found',
  ...PAIR_FIELDS,
] as const;
export type ArticleMetric = (typeof ARTICLE_METRICS)[number];

export interface ArticleMetrics {
  articles: number;
  gold_events: number;
  predicted_events: number;
  exempt_predictions: number;
  spurious_per_doc: number;
  events_per_doc: number;
  extract_errors: number;
  scores: Record<ArticleMetric, Ratio>;
}

export class ArticleScorer {
  private articles = 0;
  private goldEvents = 0;
  private predicted = 0;
  private exempt = 0;
  private spurious = 0;
  private extractErrors = 0;
  private readonly totals = Object.fromEntries(ARTICLE_METRICS.map((m) => [m, { hits: 0, total: 0 }])) as Record<ArticleMetric, Ratio>;

  add(article: GoldArticle, events: readonly AcledEvent[], extractFailed = false): ArticleScore {
    const s = scoreArticle(article, events);
    this.articles++;
    this.goldEvents += s.gold;
    this.predicted += s.predicted;
    this.exempt += s.exempt.length;
    this.spurious += s.spurious.length;
    if (extractFailed) this.extractErrors++;
    const t = this.totals;
    if (s.gold === 0) {
      t.docs_no_event_correct.total++;
      if (s.predicted === 0) t.docs_no_event_correct.hits++;
    }
    t.event_precision.hits += s.matches.length;
    t.event_precision.total += s.matches.length + s.spurious.length;
    t.event_recall.hits += s.matches.length;
    t.event_recall.total += s.gold;
    if (s.mainFound !== null) {
      t.main_event_found.total++;
      if (s.mainFound) t.main_event_found.hits++;
    }
    for (const m of s.matches) {
      for (const f of PAIR_FIELDS) {
        t[f].hits += m.fields[f].hits;
        t[f].total += m.fields[f].total;
      }
    }
    return s;
  }

  metrics(): ArticleMetrics {
    return {
      articles: this.articles,
      gold_events: this.goldEvents,
      predicted_events: this.predicted,
      exempt_predictions: this.exempt,
      spurious_per_doc: this.articles === 0 ? 0 : this.spurious / this.articles,
      events_per_doc: this.articles === 0 ? 0 : this.predicted / this.articles,
      extract_errors: this.extractErrors,
      scores: Object.fromEntries(ARTICLE_METRICS.map((m) => [m, { ...this.totals[m] }])) as Record<ArticleMetric, Ratio>,
    };
  }
}
