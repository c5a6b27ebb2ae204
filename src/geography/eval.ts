// `sitrep eval geoparse GOLD.xml`: score the geoparser against a gold corpus in the LGL format
// (<article><text> + <toponym><start><end><gaztag><lat><lon>) or the GeoVirus format
// (<article><text> + <location><start><end><lat><lon>). Gold = every toponym with coordinates;
// predictions align to gold one-to-one, greedily by largest character overlap (gold offsets are
// sometimes one character off). Predictions on gold toponyms without coordinates count neither way.
import { readFileSync, writeFileSync } from 'node:fs';
import type { PlaceMention } from '../common/doc.js';
import { loadGeoparser } from './index.js';
import { haversineKm } from '../common/distance.js';

export class GoldFormatError extends Error {}

export interface GoldToponym {
  start: number;
  end: number;
  text: string;
  lat?: number;
  lon?: number;
}

export interface GoldArticle {
  id: string;
  /** The publication (LGL <domain>, or the host of GeoVirus' <source> URL). */
  source?: string;
  text: string;
  toponyms: GoldToponym[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

function elementText(xml: string): string {
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(xml);
  return cdata ? cdata[1]! : decodeXml(xml);
}

function tag(xml: string, name: string): string | undefined {
  const m = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? elementText(m[1]!) : undefined;
}

function num(s: string | undefined): number | undefined {
  if (s === undefined || s.trim() === '') return undefined;
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

/** Articles of an LGL- or GeoVirus-style gold file. */
export function parseGold(xml: string, file = 'gold'): GoldArticle[] {
  const articles: GoldArticle[] = [];
  const re = /<article\b([^>]*)>([\s\S]*?)<\/article>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) {
    const body = m[2]!;
    const text = tag(body, 'text');
    if (text === undefined) throw new GoldFormatError(`${file}: article ${articles.length + 1} has no <text>`);
    const docid = /docid="([^"]*)"/.exec(m[1]!)?.[1] ?? tag(body, 'source') ?? String(articles.length + 1);
    const toponyms: GoldToponym[] = [];
    const tre = /<(toponym|location)>([\s\S]*?)<\/\1>/g;
    let t: RegExpExecArray | null;
    while ((t = tre.exec(body)) !== null) {
      const tb = t[2]!;
      const start = num(tag(tb, 'start'));
      const end = num(tag(tb, 'end'));
      if (start === undefined || end === undefined) continue;
      toponyms.push({
        start,
        end,
        text: tag(tb, 'phrase') ?? tag(tb, 'name') ?? text.slice(start, end),
        lat: num(tag(tb, 'lat')),
        lon: num(tag(tb, 'lon')),
      });
    }
    const url = tag(body, 'url') ?? tag(body, 'source');
    const source = tag(body, 'domain') ?? (url ? /^\w+:\/\/([^/]+)/.exec(url)?.[1] : undefined);
    articles.push({ id: `${articles.length + 1}:${docid}`, source, text, toponyms });
  }
  if (articles.length === 0) throw new GoldFormatError(`${file}: no <article> elements (expected LGL or GeoVirus XML)`);
  return articles;
}

export { haversineKm };

/** One-to-one greedy alignment by largest overlap; returns pairs [goldIndex, predIndex]. */
export function align(gold: readonly { start: number; end: number }[], pred: readonly { start: number; end: number }[]): [number, number][] {
  const pairs: [number, number, number][] = [];
  let j0 = 0;
  for (let g = 0; g < gold.length; g++) {
    const a = gold[g]!;
    for (let p = j0; p < pred.length; p++) {
      const b = pred[p]!;
      if (b.start > a.end) break;
      const ov = Math.min(a.end, b.end) - Math.max(a.start, b.start);
      if (ov > 0) pairs.push([ov, g, p]);
    }
    while (j0 < pred.length && pred[j0]!.end < a.start - 50) j0++;
  }
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1]);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: [number, number][] = [];
  for (const [, g, p] of pairs) {
    if (usedG.has(g) || usedP.has(p)) continue;
    usedG.add(g);
    usedP.add(p);
    out.push([g, p]);
  }
  return out;
}

export interface GeoparseMetrics {
  articles: number;
  gold: number;
  predicted: number;
  matched: number;
  precision: number;
  recall: number;
  f1: number;
  /** Gold toponyms found and placed within 161 km / all gold toponyms (end to end). */
  acc161: number;
  /** Of the gold toponyms found, the share placed within 161 km. */
  acc161_found: number;
  median_error_km: number;
  articles_per_s: number;
}

export interface GeoparseEvalOptions {
  limit?: number;
  /** Learn each publication's home ground from its earlier articles (default true). */
  publications?: boolean;
  demonyms?: boolean;
  /** Write misses (not found, wrongly placed, spurious) as JSONL here. */
  errors?: string;
}

export function evaluateGeoparse(file: string, options: GeoparseEvalOptions = {}): { file: string; metrics: GeoparseMetrics } {
  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (err) {
    throw new GoldFormatError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  let articles = parseGold(xml, file);
  if (options.limit) articles = articles.slice(0, options.limit);
  const geoparser = loadGeoparser({ demonyms: options.demonyms ?? true });
  geoparser.forgetPublications();
  const errors: string[] = [];
  let gold = 0;
  let predicted = 0;
  let matched = 0;
  let within = 0;
  const distances: number[] = [];
  let ms = 0;
  for (const art of articles) {
    const t0 = performance.now();
    const places: PlaceMention[] = geoparser.parse(art.text, { source: options.publications === false ? undefined : art.source });
    ms += performance.now() - t0;
    const golds = art.toponyms.slice().sort((a, b) => a.start - b.start);
    const pairs = align(golds, places);
    const predMatched = new Set<number>();
    const goldMatched = new Map<number, number>();
    for (const [g, p] of pairs) {
      goldMatched.set(g, p);
      predMatched.add(p);
    }
    golds.forEach((t, g) => {
      if (t.lat === undefined || t.lon === undefined) return;
      gold++;
      const p = goldMatched.get(g);
      if (p === undefined) {
        if (options.errors) errors.push(JSON.stringify({ doc: art.id, kind: 'missed', gold: t, context: art.text.slice(Math.max(0, t.start - 40), t.end + 40) }));
        return;
      }
      matched++;
      const e = places[p]!.entry;
      const d = haversineKm(t.lat, t.lon, e.latitude, e.longitude);
      distances.push(d);
      if (d <= 161) within++;
      else if (options.errors) errors.push(JSON.stringify({ doc: art.id, kind: 'misplaced', gold: t, km: Math.round(d), predicted: { text: places[p]!.text, name: e.name, country: e.countryCode, admin1: e.admin1, feature: e.feature }, alternatives: places[p]!.alternatives?.map((a) => `${a.entry.name}/${a.entry.countryCode}/${a.entry.admin1 ?? ''}/${a.entry.feature} ${a.score}`) }));
    });
    // Predictions on gold toponyms without coordinates are neither right nor wrong.
    const coordless = new Set(pairs.filter(([g]) => golds[g]!.lat === undefined || golds[g]!.lon === undefined).map(([, p]) => p));
    places.forEach((pl, p) => {
      if (coordless.has(p)) return;
      predicted++;
      if (!predMatched.has(p) && options.errors) {
        errors.push(JSON.stringify({ doc: art.id, kind: 'spurious', predicted: { text: pl.text, name: pl.entry.name, country: pl.entry.countryCode, feature: pl.entry.feature }, context: art.text.slice(Math.max(0, pl.start - 40), pl.end + 40) }));
      }
    });
  }
  if (options.errors) writeFileSync(options.errors, errors.join('\n') + (errors.length ? '\n' : ''));
  distances.sort((a, b) => a - b);
  const precision = predicted ? matched / predicted : 0;
  const recall = gold ? matched / gold : 0;
  return {
    file,
    metrics: {
      articles: articles.length,
      gold,
      predicted,
      matched,
      precision,
      recall,
      f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
      acc161: gold ? within / gold : 0,
      acc161_found: matched ? within / matched : 0,
      median_error_km: distances.length ? Math.round(distances[distances.length >> 1]!) : 0,
      articles_per_s: ms > 0 ? Math.round(articles.length / (ms / 1000)) : 0,
    },
  };
}

export function formatGeoparseReport(r: { file: string; metrics: GeoparseMetrics }): string {
  const m = r.metrics;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `${r.file}: ${m.articles} articles, ${m.gold} gold toponyms with coordinates, ${m.predicted} predicted`,
    `  detection   precision ${pct(m.precision)}  recall ${pct(m.recall)}  F1 ${pct(m.f1)}`,
    `  acc@161 km  end to end ${pct(m.acc161)}  of found ${pct(m.acc161_found)}  median error ${m.median_error_km} km`,
    `  speed       ${m.articles_per_s} articles/s (geoparsing only, one core)`,
    '',
  ].join('\n');
}
