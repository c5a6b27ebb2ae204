// Scoring sitrep on MUC-4 terrorism reports mapped to ACLED fields (`sitrep eval muc GOLD.jsonl`,
// ../shared/eval-data/muc4/dev.jsonl; see its SOURCE.md). MUC codes only "terrorist" incidents, never
// army-guerrilla clashes, so recall is scored, not precision: a gold incident (a non-optional,
// mapped template) is found when a prediction of the same document is in the same country, names a
// place on the incident's location path below the country (or the path is the country alone), and
// is dated within 3 days (an on-or-before date: on or before it, within 45 days; a range: inside it,
// 3 days either side). On found incidents: event_type (templates not marked low confidence),
// perpetrator (the gold perpetrator matched by actor1 or actor2, aliases and acronyms allowed),
// fatalities where the gold has a number, the exact date where the gold date is exact.
import type { AcledEvent } from '../common/event.js';
import { actorsMatch, fold, GoldFileError, jsonlValues, parseAcledDate, readGoldText, type Ratio } from './acled.js';

export interface MucIncident {
  /** Template number in the document's key. */
  template: string;
  eventType: string;
  subEventType: string;
  lowConfidence: boolean;
  /** Alternative location paths, each [country, admin..., place]; a path element may name alternatives. */
  paths: string[][][];
  dateKind: string | null;
  dateStart: string | null;
  dateEnd: string | null;
  /** Alternative names of the perpetrator (organisations first). */
  perpetrators: string[];
  fatalities: number | null;
}

export interface MucDocument {
  line: number;
  id: string;
  date?: string;
  text: string;
  incidents: MucIncident[];
}

export function readMucGold(file: string, limit?: number): MucDocument[] {
  const text = readGoldText(file);
  const docs: MucDocument[] = [];
  for (const { line, value } of jsonlValues(file, text)) {
    const where = `${file}:${line}`;
    const o = value as Record<string, any>;
    if (o === null || typeof o !== 'object' || typeof o.text !== 'string') throw new GoldFileError(`${where}: expected an object with "text"`);
    const gold = o.gold;
    if (!gold || typeof gold !== 'object' || !Array.isArray(gold.muc_templates) || !Array.isArray(gold.events)) {
      throw new GoldFileError(`${where}: missing "gold.muc_templates" and "gold.events" (not a MUC gold file?)`);
    }
    const mapped = (gold.muc_templates as any[]).filter((t) => !t.unmapped_reason);
    if (mapped.length !== gold.events.length) {
      throw new GoldFileError(`${where}: ${gold.events.length} events for ${mapped.length} mapped templates`);
    }
    const incidents: MucIncident[] = [];
    mapped.forEach((t, k) => {
      const e = gold.events[k];
      if (e.optional || t.optional) return;
      incidents.push({
        template: String(t.template ?? k + 1),
        eventType: String(e.event_type ?? ''),
        subEventType: String(e.sub_event_type ?? ''),
        lowConfidence: e.mapping_confidence === 'low',
        paths: locationAlternatives(String(t.location?.raw ?? ''), e.location_path, e.country),
        dateKind: t.date?.kind ?? null,
        dateStart: t.date?.start ?? null,
        dateEnd: t.date?.end ?? null,
        perpetrators: [...(t.perp_organization ?? []), ...(t.perp_individual ?? [])].flat().map(String),
        fatalities: typeof e.fatalities === 'number' ? e.fatalities : null,
      });
    });
    docs.push({ line, id: String(o.id ?? `line-${line}`), date: typeof o.date === 'string' ? o.date : undefined, text: o.text, incidents });
    if (limit !== undefined && docs.length >= limit) break;
  }
  return docs;
}

/**
 * The key's location slot, "(PERU: CUSCO (DEPARTMENT): MACHU PICHU (TOWN)) / (PERU: CUSCO (CITY))",
 * as alternative paths of alternative names: [[['peru'], ['cusco'], ['machu pichu']], ...].
 */
export function locationAlternatives(raw: string, path: unknown, country: unknown): string[][][] {
  const paths: string[][][] = [];
  for (const alt of raw.split(/\s+\/\s+/)) {
    const s = alt.replace(/^[\s?(]+/, '').replace(/[\s)]+$/, '').replace(/^\?\s*/, '');
    if (s === '' || s === '-' || s === '*') continue;
    const elements = s.split(':').map((el) =>
      el
        .replace(/\([^)]*\)?/g, ' ')
        .split(/\s+-\s+/)
        .map(fold)
        .filter((n) => n !== ''),
    );
    if (elements.length > 0 && elements[0]!.length > 0) paths.push(elements.filter((e) => e.length > 0));
  }
  if (paths.length === 0 && Array.isArray(path) && path.length > 0) paths.push(path.map((p) => [fold(String(p))]));
  if (paths.length === 0 && typeof country === 'string' && country !== '') paths.push([[fold(country)]]);
  return paths;
}

const DAY_MS = 86_400_000;

function day(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

/** The prediction's date fits the incident's: within 3 days; on or before (45 days); inside a range. */
export function mucDateFits(predicted: string, incident: MucIncident): boolean {
  if (incident.dateStart === null) return true;
  const p = parseAcledDate(predicted);
  if (p === null) return false;
  const d = day(p);
  const start = day(incident.dateStart);
  const end = day(incident.dateEnd ?? incident.dateStart);
  if (incident.dateKind === 'on_or_before') return d <= end && d >= end - 45;
  if (incident.dateKind === 'range') return d >= start - 3 && d <= end + 3;
  return Math.abs(d - start) <= 3;
}

/** Same country, and a place on the path below the country (or the path is the country alone). */
export function mucPlaceFits(p: AcledEvent, incident: MucIncident): boolean {
  const country = fold(p.country ?? '');
  if (country === '') return false;
  const names = new Set([p.location, p.admin1, p.admin2].map((n) => fold(n ?? '')).filter((n) => n !== ''));
  return incident.paths.some((path) => {
    if (!path[0]!.includes(country)) return false;
    if (path.length === 1) return true;
    return path.slice(1).some((alternatives) => alternatives.some((n) => names.has(n)));
  });
}

const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'de', 'del', 'la', 'las', 'los', 'el', 'y', 'en']);

function initials(name: string): string {
  return fold(name)
    .split(' ')
    .filter((w) => w !== '' && !ACRONYM_SKIP.has(w))
    .map((w) => w[0])
    .join('');
}

// How MUC keys name a state's forces ("SOLDIERS", "THE SALVADORAN ARMY", "NATIONAL POLICE"): any of
// these words makes the gold perpetrator the forces ACLED names "Military/Police Forces of <country>".
const STATE_FORCE_WORDS = new Set([
  'army', 'armed forces', 'soldier', 'soldiers', 'troops', 'military', 'air force', 'navy', 'national guard',
  'police', 'policemen', 'national police', 'treasury police', 'security forces', 'government', 'patrol', 'patrols',
]);
const STATE_FORCE_ACTOR = /^(?:military|police) forces of /;

function namesStateForces(gold: string): boolean {
  const words = fold(gold).split(' ');
  for (let i = 0; i < words.length; i++) {
    if (STATE_FORCE_WORDS.has(words[i]!) || STATE_FORCE_WORDS.has(`${words[i]} ${words[i + 1] ?? ''}`)) return true;
  }
  return false;
}

/**
 * The gold perpetrator named by a predicted actor: ACLED's actor matching, containment, an acronym,
 * or a state's forces named by role ("SOLDIERS") against ACLED's military or police forces.
 */
export function perpetratorMatches(gold: string, predicted: string): boolean {
  if (actorsMatch(gold, predicted)) return true;
  if (STATE_FORCE_ACTOR.test(fold(predicted) + ' ') && namesStateForces(gold)) return true;
  const g = fold(gold.replace(/\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)/g, ' '));
  const p = fold(predicted.replace(/\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)/g, ' '));
  if (g === '' || p === '') return false;
  const gt = g.split(' ');
  const pt = new Set(p.split(' '));
  if (gt.every((t) => pt.has(t))) return true;
  const acronym = (words: string, whole: string) => words.length >= 3 && initials(whole) === words;
  return (gt.length === 1 && [...pt].some((t) => acronym(gt[0]!, predicted) || t === gt[0])) ||
    (pt.size >= 1 && [...pt].some((t) => acronym(t, gold)));
}

export const MUC_METRICS = ['incident_recall', 'event_type', 'perpetrator', 'fatalities', 'date'] as const;
export type MucMetric = (typeof MUC_METRICS)[number];

export interface IncidentScore {
  template: string;
  found: boolean;
  /** Index of the prediction scored against it (the best-agreeing one that fits). */
  predicted: number | null;
  fields: Partial<Record<Exclude<MucMetric, 'incident_recall'>, boolean>>;
}

export function scoreIncident(incident: MucIncident, events: readonly AcledEvent[]): IncidentScore {
  let best: IncidentScore = { template: incident.template, found: false, predicted: null, fields: {} };
  let bestAgreement = -1;
  events.forEach((p, i) => {
    const date = String(p.event_date ?? '');
    if (!mucPlaceFits(p, incident) || !mucDateFits(date, incident)) return;
    const fields: IncidentScore['fields'] = {};
    if (!incident.lowConfidence) fields.event_type = p.event_type === incident.eventType;
    if (incident.perpetrators.length > 0) {
      const actors = [p.actor1, p.actor2].filter((a): a is string => typeof a === 'string' && a !== '');
      fields.perpetrator = incident.perpetrators.some((g) => actors.some((a) => perpetratorMatches(g, a)));
    }
    if (incident.fatalities !== null) fields.fatalities = p.fatalities === incident.fatalities;
    if (incident.dateKind === 'exact' && incident.dateStart !== null) fields.date = parseAcledDate(date) === incident.dateStart;
    const agreement = Object.values(fields).filter(Boolean).length;
    if (agreement > bestAgreement) {
      bestAgreement = agreement;
      best = { template: incident.template, found: true, predicted: i, fields };
    }
  });
  return best;
}

export interface MucMetrics {
  documents: number;
  incidents: number;
  events: number;
  events_per_doc: number;
  extract_errors: number;
  scores: Record<MucMetric, Ratio>;
}

export class MucScorer {
  private documents = 0;
  private events = 0;
  private extractErrors = 0;
  private readonly totals = Object.fromEntries(MUC_METRICS.map((m) => [m, { hits: 0, total: 0 }])) as Record<MucMetric, Ratio>;

  add(doc: MucDocument, events: readonly AcledEvent[], extractFailed = false): IncidentScore[] {
    this.documents++;
    this.events += events.length;
    if (extractFailed) this.extractErrors++;
    return doc.incidents.map((incident) => {
      const s = scoreIncident(incident, events);
      this.totals.incident_recall.total++;
      if (s.found) this.totals.incident_recall.hits++;
      for (const [k, v] of Object.entries(s.fields) as [Exclude<MucMetric, 'incident_recall'>, boolean][]) {
        this.totals[k].total++;
        if (v) this.totals[k].hits++;
      }
      return s;
    });
  }

  metrics(): MucMetrics {
    return {
      documents: this.documents,
      incidents: this.totals.incident_recall.total,
      events: this.events,
      events_per_doc: this.documents === 0 ? 0 : this.events / this.documents,
      extract_errors: this.extractErrors,
      scores: Object.fromEntries(MUC_METRICS.map((m) => [m, { ...this.totals[m] }])) as Record<MucMetric, Ratio>,
    };
  }
}
