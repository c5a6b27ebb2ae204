// The merge engine: which reports are the same event, over ACLED-schema records alone.
//
// 1. Candidates come from an index (country × day, the window each report's reach: its time
//    precision, and a deadly report's later toll updates), never from all pairs.
// 2. A candidate pair is scored by compat.ts (date, place, type, actors, figures) or ruled out.
// 3. A report placed no finer than its province that fits two events in different towns of it about
//    as well is ambiguous and joins neither.
// 4. Pairs are taken strongest first (ties by their ids); two groups join only when every report
//    of one is compatible with every report of the other and no document reports both (complete
//    linkage with cannot-links). Everything runs on the reports sorted by id, so the result does
//    not depend on the order they came in.
import { learnCountries, pairScore, placeRelation, prepare, type Prepared } from './compat.js';
import { fuseCluster, type FuseOptions } from './fuse.js';
import type { MergedEvent, MergeInput } from './types.js';

export interface MergeOptions extends FuseOptions {
  /** Minimum score of a pair for its reports to merge (default MIN_SCORE). */
  minScore?: number;
}

/**
 * The same day (1) and sub-event type (1) need the same named place (1.2), or the same toll (1) and
 * a shared actor (0.6); a battle and shelling (0.4) the same place and a shared actor. eval dedup:
 * at 2.6 a third of the pairs merged were right and B-cubed F1 fell below merging nothing's.
 */
export const MIN_SCORE = 3.2;

interface Edge {
  a: number;
  b: number;
  score: number;
}

function byId(x: MergeInput, y: MergeInput): number {
  return x.event_id < y.event_id ? -1 : x.event_id > y.event_id ? 1 : 0;
}

/**
 * Candidate pairs from the country × day index, each once: those that score minScore or more, and
 * (in `fits`) every compatible pair of a report placed no finer than its province with one placed
 * finer (for dropAmbiguous).
 */
function candidateEdges(reports: Prepared[], minScore: number, fits: Edge[]): Edge[] {
  const index = new Map<string, Prepared[]>();
  for (const r of reports) {
    if (!Number.isFinite(r.day)) continue;
    const key = `${r.country}|${r.day}`;
    const list = index.get(key);
    if (list) list.push(r);
    else index.set(key, [r]);
  }
  const edges: Edge[] = [];
  for (const r of reports) {
    if (!Number.isFinite(r.day)) continue;
    const w = r.reach;
    for (let d = r.day - w; d <= r.day + w; d++) {
      const list = index.get(`${r.country}|${d}`);
      if (!list) continue;
      for (const o of list) {
        if (o.index === r.index) continue;
        // Found from both sides when each window covers the other: keep the lower index's find.
        const otherSees = Math.abs(d - r.day) <= o.reach;
        if (otherSees && o.index < r.index) continue;
        const s = pairScore(r, o);
        const e = r.index < o.index ? { a: r.index, b: o.index, score: s } : { a: o.index, b: r.index, score: s };
        if (s >= minScore) edges.push(e);
        else if (s >= 0 && r.coarse !== o.coarse) fits.push(e);
      }
    }
  }
  return edges;
}

/**
 * A report placed no finer than its province (or its country) is ambiguous when it fits reports of two
 * different places about as well; it fits one place clearly better when every place apart from that
 * one scores more than this much lower (eval dedup: "Car bomb kills 10 people near Syria's border with
 * Turkey" scores 3.7 with the day's Tal Abyad car bomb and below 2 with a mine elsewhere in the
 * country; counting every compatible pair as a rival had left such reports apart. B-cubed F1
 * 0.91675 -> 0.91705, both halves by year higher; 1.5-1.8 alike, 2 and more lower).
 */
export const AMBIGUITY_MARGIN = 1.7;

/**
 * Drops the edges of coarse reports that fit events in two different places of their province
 * (an edge, or a compatible pair below the threshold in `fits`) about as well: both within
 * AMBIGUITY_MARGIN of the report's best fit.
 */
function dropAmbiguous(reports: Prepared[], edges: Edge[], fits: Edge[]): Edge[] {
  const fineNeighbours = new Map<number, Edge[]>();
  const add = (coarse: number, e: Edge) => {
    const l = fineNeighbours.get(coarse);
    if (l) l.push(e);
    else fineNeighbours.set(coarse, [e]);
  };
  for (const e of edges.concat(fits)) {
    const a = reports[e.a]!;
    const b = reports[e.b]!;
    if (a.coarse && !b.coarse) add(e.a, e);
    else if (b.coarse && !a.coarse) add(e.b, e);
  }
  const ambiguous = new Set<number>();
  for (const [coarse, all] of fineNeighbours) {
    let best = -Infinity;
    for (const e of all) if (e.score > best) best = e.score;
    // The rivals: fine reports that fit about as well as the best (in the order of their ids).
    const fine = all
      .filter((e) => e.score >= best - AMBIGUITY_MARGIN)
      .map((e) => (e.a === coarse ? e.b : e.a))
      .sort((x, y) => x - y);
    outer: for (let i = 0; i < fine.length; i++) {
      for (let j = i + 1; j < fine.length; j++) {
        if (placeRelation(reports[fine[i]!]!, reports[fine[j]!]!) === 'apart') {
          ambiguous.add(coarse);
          break outer;
        }
      }
    }
  }
  if (ambiguous.size === 0) return edges;
  return edges.filter((e) => {
    const a = reports[e.a]!;
    const b = reports[e.b]!;
    return !((ambiguous.has(e.a) && !b.coarse) || (ambiguous.has(e.b) && !a.coarse));
  });
}

/**
 * Groups reports into events: arrays of indices into `inputs`, each in the order of the reports'
 * ids, the groups in the order of their first report's id. Input order does not matter.
 */
export function clusterReports(inputs: readonly MergeInput[], options: MergeOptions = {}): number[][] {
  const minScore = options.minScore ?? MIN_SCORE;
  const order = inputs.map((_, i) => i).sort((i, j) => byId(inputs[i]!, inputs[j]!) || i - j);
  const countries = learnCountries(inputs);
  const reports = order.map((i, k) => prepare(inputs[i]!, k, countries));
  const fits: Edge[] = [];
  const edges = dropAmbiguous(reports, candidateEdges(reports, minScore, fits), fits);
  edges.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);

  const groupOf = reports.map((_, i) => i);
  const members: number[][] = reports.map((_, i) => [i]);
  for (const e of edges) {
    const ga = groupOf[e.a]!;
    const gb = groupOf[e.b]!;
    if (ga === gb) continue;
    const A = members[ga]!;
    const B = members[gb]!;
    if (!allCompatible(reports, A, B)) continue;
    const [keep, drop] = ga < gb ? [ga, gb] : [gb, ga];
    const merged = members[keep]!.concat(members[drop]!);
    for (const m of members[drop]!) groupOf[m] = keep;
    members[keep] = merged;
    members[drop] = [];
  }
  const out: number[][] = [];
  for (const group of members) {
    if (group.length === 0) continue;
    out.push(group.slice().sort((x, y) => x - y).map((k) => order[k]!));
  }
  out.sort((x, y) => byId(inputs[x[0]!]!, inputs[y[0]!]!));
  return out;
}

function allCompatible(reports: Prepared[], A: number[], B: number[]): boolean {
  for (const a of A) for (const b of B) if (pairScore(reports[a]!, reports[b]!) < 0) return false;
  return true;
}

/** Merges ACLED-schema records: one merged event per group of reports of the same event. */
export function mergeRecords(inputs: readonly MergeInput[], options: MergeOptions = {}): MergedEvent[] {
  return clusterReports(inputs, options).map((group) => fuseCluster(group.map((i) => inputs[i]!), options));
}
