// `sitrep eval dedup DIR`: how well sitrep merges reports of the same event. DIR holds
// reports.jsonl (one report a line: id, office, date, headline) and strict_gold.jsonl (report ->
// cluster). Each report is a document (headline as text, outlet as source, its date as publication
// date); sitrep extracts its events and merges them across documents; a document belongs to the
// event its main (first) event joined. Scored on the gold reports with pairwise and B-cubed
// precision, recall and F1.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AcledEvent } from '../common/event.js';
import { clusterReports, MIN_SCORE } from '../merge/engine.js';
import { datesCompatible, learnCountries, pairScore, placeRelation, placeStandsIn, prepare, tollUpdate, typeScore } from '../merge/compat.js';
import { writeFileSync } from 'node:fs';
import type { MergeInput } from '../merge/types.js';
import { datedPlaceReport } from '../extraction/dated-place.js';
import { learnSourceCountries } from '../ingest/source-country.js';
import type { Extractor } from '../pipeline/index.js';
import { GoldFileError } from './acled.js';

export interface DedupReport {
  id: string;
  office: string;
  date: string;
  headline: string;
}

export interface ClusterScores {
  pairwise: { precision: number; recall: number; f1: number; predicted_pairs: number; gold_pairs: number; correct_pairs: number };
  bcubed: { precision: number; recall: number; f1: number };
}

export interface DedupMetrics extends ClusterScores {
  reports: number;
  gold_reports: number;
  gold_clusters: number;
  predicted_clusters: number;
  /** Documents from which sitrep extracted at least one event. */
  reports_with_event: number;
  /** Documents with no event that name a day and a place (dated place records, of unknown type). */
  place_records: number;
  /** Coreferent gold pairs whose two headlines both yield an event placed in a province or finer. */
  decidable_pairs: number;
  decidable_share: number;
  /** The same scores when nothing is merged. */
  no_merge: ClusterScores;
  /** Coreferent gold pairs left apart, by the first reason found (see missCause). */
  missed: Record<string, number>;
  docs_per_s: number;
  elapsed_s: number;
}

function readJsonl<T>(file: string, check: (v: any) => v is T): T[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new GoldFileError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const out: T[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new GoldFileError(`${file}:${i + 1}: not a JSON line`);
    }
    if (!check(v)) throw new GoldFileError(`${file}:${i + 1}: unexpected record`);
    out.push(v);
  });
  return out;
}

const isReport = (v: any): v is DedupReport =>
  v && typeof v.id === 'string' && typeof v.headline === 'string' && typeof v.date === 'string' && typeof v.office === 'string';
const isGold = (v: any): v is { report: string; cluster: string } => v && typeof v.report === 'string' && typeof v.cluster === 'string';

/** Pairwise and B-cubed scores of `predicted` (item -> cluster) against `gold`, over the gold items. */
export function scoreClusters(gold: Map<string, string>, predicted: Map<string, string>): ClusterScores {
  const goldMembers = new Map<string, string[]>();
  const predMembers = new Map<string, string[]>();
  for (const [item, c] of gold) {
    (goldMembers.get(c) ?? goldMembers.set(c, []).get(c)!).push(item);
    const p = predicted.get(item) ?? `\u0000${item}`;
    (predMembers.get(p) ?? predMembers.set(p, []).get(p)!).push(item);
  }
  const pairs = (n: number) => (n * (n - 1)) / 2;
  let goldPairs = 0;
  for (const m of goldMembers.values()) goldPairs += pairs(m.length);
  let predPairs = 0;
  let correct = 0;
  let bp = 0;
  let br = 0;
  for (const m of predMembers.values()) {
    predPairs += pairs(m.length);
    const byGold = new Map<string, number>();
    for (const item of m) byGold.set(gold.get(item)!, (byGold.get(gold.get(item)!) ?? 0) + 1);
    for (const [g, n] of byGold) {
      correct += pairs(n);
      bp += (n * n) / m.length;
      br += (n * n) / goldMembers.get(g)!.length;
    }
  }
  const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
  const pp = predPairs > 0 ? correct / predPairs : 0;
  const pr = goldPairs > 0 ? correct / goldPairs : 0;
  const n = gold.size;
  return {
    pairwise: { precision: pp, recall: pr, f1: f1(pp, pr), predicted_pairs: predPairs, gold_pairs: goldPairs, correct_pairs: correct },
    bcubed: { precision: n ? bp / n : 0, recall: n ? br / n : 0, f1: f1(n ? bp / n : 0, n ? br / n : 0) },
  };
}

/** A document's events as merge inputs (publication date and outlet from the document). */
export function reportsOf(events: readonly AcledEvent[], doc: { id: string; date?: string; source?: string }): MergeInput[] {
  return events.map((e) => ({ ...e, doc_id: doc.id, publication_date: doc.date, source: e.source || doc.source }));
}

export function evaluateDedup(dir: string, extractor: Extractor, options: { limit?: number; country?: string; from?: string; to?: string; errors?: string } = {}): DedupMetrics {
  const started = performance.now();
  let reports = readJsonl(join(dir, 'reports.jsonl'), isReport);
  if (options.from) reports = reports.filter((r) => r.date >= options.from!);
  if (options.to) reports = reports.filter((r) => r.date <= options.to!);
  if (options.limit) reports = reports.slice(0, options.limit);
  const gold = new Map<string, string>();
  const known = new Set(reports.map((r) => r.id));
  for (const g of readJsonl(join(dir, 'strict_gold.jsonl'), isGold)) if (known.has(g.report)) gold.set(g.report, g.cluster);

  // The collection's country (each outlet's, learnt from a first reading of all the headlines, or
  // the one given) is the hint of the second reading: a headline names a town, not its country.
  const sourceDoc = (r: DedupReport, country?: string) => ({ id: r.id, text: r.headline, date: r.date, source: r.office, country, origin: { file: 'reports.jsonl' } });
  let countryOf = (_: string): string | undefined => options.country;
  if (!options.country) {
    const learnt = learnSourceCountries(
      reports.map((r) => ({ source: r.office, country: extractor.extract(sourceDoc(r), { eventsOnly: true }).events[0]?.country ?? '' })),
    );
    countryOf = (office) => learnt.countryOf(office);
  }
  let placeRecords = 0;
  const inputs: MergeInput[] = [];
  const mainOf = new Map<string, number>();
  const located = new Set<string>();
  for (const r of reports) {
    const { doc, events } = extractor.extract(sourceDoc(r, countryOf(r.office)));
    if (events.length === 0) {
      // No event, but maybe a day and a place ("June 8th 2017: (S819) Raqqa city, ..."): a report
      // of unknown type that can join an event of that day and place.
      const record = datedPlaceReport(doc);
      if (record?.admin1) {
        mainOf.set(r.id, inputs.length);
        located.add(r.id);
        placeRecords++;
        inputs.push({ ...record, publication_date: r.date, source: r.office });
      }
      continue;
    }
    mainOf.set(r.id, inputs.length);
    if (events[0]!.admin1 && !placeStandsIn(events[0]!)) located.add(r.id);
    inputs.push(...reportsOf(events, { id: r.id, date: r.date, source: r.office }));
  }
  const clusterOf = new Map<number, number>();
  clusterReports(inputs).forEach((group, c) => {
    for (const i of group) clusterOf.set(i, c);
  });
  const predicted = new Map<string, string>();
  for (const [doc, i] of mainOf) predicted.set(doc, `c${clusterOf.get(i)}`);

  const scores = scoreClusters(gold, predicted);
  const byCluster = new Map<string, string[]>();
  for (const [item, c] of gold) (byCluster.get(c) ?? byCluster.set(c, []).get(c)!).push(item);
  let decidable = 0;
  for (const m of byCluster.values()) {
    const n = m.filter((x) => located.has(x)).length;
    decidable += (n * (n - 1)) / 2;
  }
  // Missed coreferent pairs, each by the first reason it fails.
  const countries = learnCountries(inputs);
  const prep = new Map<string, ReturnType<typeof prepare>>();
  for (const [doc, i] of mainOf) prep.set(doc, prepare(inputs[i]!, i, countries));
  const missed: Record<string, number> = {};
  const errorLines: string[] = [];
  const byId = new Map(reports.map((r) => [r.id, r]));
  for (const m of byCluster.values()) {
    for (let i = 0; i < m.length; i++) {
      for (let j = i + 1; j < m.length; j++) {
        const [x, y] = [m[i]!, m[j]!];
        if (predicted.has(x) && predicted.get(x) === predicted.get(y)) continue;
        const a = prep.get(x);
        const b = prep.get(y);
        const cause = missCause(a, b);
        missed[cause] = (missed[cause] ?? 0) + 1;
        if (options.errors) {
          const show = (id: string, p: typeof a) => ({
            headline: byId.get(id)?.headline, office: byId.get(id)?.office, date: byId.get(id)?.date,
            event_date: p?.input.event_date, type: p?.subType || p?.eventType, admin1: p?.admin1, place: p?.place, fatalities: p?.fatalities, actors: p ? [...p.actors] : undefined,
          });
          errorLines.push(JSON.stringify({ cause, score: a && b ? pairScore(a, b) : undefined, a: show(x, a), b: show(y, b) }));
        }
      }
    }
  }
  if (options.errors) writeFileSync(options.errors, errorLines.join('\n') + '\n');
  const elapsed = (performance.now() - started) / 1000;
  return {
    missed,
    ...scores,
    reports: reports.length,
    gold_reports: gold.size,
    gold_clusters: byCluster.size,
    predicted_clusters: new Set(predicted.values()).size + (gold.size - [...gold.keys()].filter((g) => predicted.has(g)).length),
    reports_with_event: mainOf.size - placeRecords,
    place_records: placeRecords,
    decidable_pairs: decidable,
    decidable_share: scores.pairwise.gold_pairs ? decidable / scores.pairwise.gold_pairs : 0,
    no_merge: scoreClusters(gold, new Map()),
    docs_per_s: Math.round(reports.length / elapsed),
    elapsed_s: Number(elapsed.toFixed(2)),
  };
}

/** Why two reports of one event were left apart: the first check of the merge they fail. */
function missCause(a: ReturnType<typeof prepare> | undefined, b: ReturnType<typeof prepare> | undefined): string {
  if (!a || !b) return 'no event';
  if (!a.admin1 || !b.admin1) return 'no place';
  if (!datesCompatible(a, b) && !tollUpdate(a, b)) return 'different dates';
  if (placeRelation(a, b) === 'apart') return a.admin1 !== b.admin1 ? 'different provinces' : 'different places';
  if (typeScore(a, b) < 0) return 'type incompatible';
  const s = pairScore(a, b);
  if (s < 0) return 'actors or figures veto';
  if (s < MIN_SCORE) return 'score below threshold';
  return 'linkage (group or ambiguity)';
}

export function formatDedupReport(dir: string, m: DedupMetrics): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const f = (x: number) => x.toFixed(3);
  const rows: [string, string, string][] = [
    ['pairwise precision', f(m.pairwise.precision), f(m.no_merge.pairwise.precision)],
    ['pairwise recall', f(m.pairwise.recall), f(m.no_merge.pairwise.recall)],
    ['pairwise F1', f(m.pairwise.f1), f(m.no_merge.pairwise.f1)],
    ['B-cubed precision', f(m.bcubed.precision), f(m.no_merge.bcubed.precision)],
    ['B-cubed recall', f(m.bcubed.recall), f(m.no_merge.bcubed.recall)],
    ['B-cubed F1', f(m.bcubed.f1), f(m.no_merge.bcubed.f1)],
  ];
  return [
    `eval dedup: ${dir}`,
    `${m.reports} reports (documents), ${m.gold_reports} in the strict gold (${m.gold_clusters} events, ${m.pairwise.gold_pairs} coreferent pairs)`,
    `reports with an event: ${m.reports_with_event} (${pct(m.reports_with_event / Math.max(1, m.reports))}); with no event but a day and a place: ${m.place_records}`,
    `coreferent pairs the headlines make decidable (both yield an event placed in a province or finer): ${m.decidable_pairs} (${pct(m.decidable_share)})`,
    `pairs merged: ${m.pairwise.predicted_pairs}, of which coreferent: ${m.pairwise.correct_pairs}`,
    `coreferent pairs missed, by why: ${Object.entries(m.missed).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    '',
    '| measure | sitrep | merging nothing |',
    '|---|---|---|',
    ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
    '',
    `${m.elapsed_s} s (${m.docs_per_s} documents/s, extraction included)`,
    '',
  ].join('\n');
}
