// `sitrep reextract`: runs the current pipeline over every stored document and stores what it finds
// now; events an analyst reviewed keep their reviewed values (src/store/corrections.ts), and where
// sitrep now disagrees with a reviewer is reported instead of written.
import type { AcledEvent } from '../common/event.js';
import type { Extractor } from '../pipeline/index.js';
import { REVIEWED_FIELDS, type ReviewedField } from '../store/corrections.js';
import type { Store } from '../store/index.js';
import type { DocumentInput } from '../store/types.js';

export interface Disagreement {
  event_id: string;
  /** A field, or "event" when sitrep no longer finds the event, or still finds one that was rejected. */
  field: string;
  /** How the reviewer set the value: edited (the analyst's value) or confirmed (as extracted then). */
  reviewer: 'edited' | 'confirmed' | 'rejected';
  reviewed: unknown;
  sitrep: unknown;
}

export interface ReextractResult {
  documents: number;
  events: number;
  reviewed: number;
  disagreements: Disagreement[];
}

const COMPARED = REVIEWED_FIELDS.filter((f) => f !== 'year' && f !== 'interaction');

function differs(field: ReviewedField, reviewed: unknown, now: unknown): boolean {
  if (field === 'latitude' || field === 'longitude') {
    if (reviewed === null || now === null || reviewed === undefined || now === undefined) return reviewed !== now;
    return Math.abs(Number(reviewed) - Number(now)) > 1e-4;
  }
  return (reviewed ?? '') !== (now ?? '');
}

interface ReviewInfo {
  decision: string;
  overrides: Record<string, unknown>;
  snapshot: Record<string, unknown>;
  found: boolean;
}

export async function reextractStore(
  store: Store,
  extractor: Pick<Extractor, 'extract'>,
  options: { batchSize?: number; onProgress?(documents: number, events: number): void; onError?(message: string): void } = {},
): Promise<ReextractResult> {
  const batchSize = options.batchSize ?? 100;
  // Reviewed events are few next to the store: kept in memory for the run.
  const reviews = new Map<string, ReviewInfo>();
  for (const r of await store.db.selectFrom('event_reviews').selectAll().where('snapshot', 'is not', null).execute()) {
    reviews.set(r.event_id, {
      decision: r.decision,
      overrides: JSON.parse(r.overrides) as Record<string, unknown>,
      snapshot: JSON.parse(r.snapshot!) as Record<string, unknown>,
      found: false,
    });
  }
  const result: ReextractResult = { documents: 0, events: 0, reviewed: reviews.size, disagreements: [] };
  let after = '';
  for (;;) {
    const docs = await store.db.selectFrom('documents').selectAll().where('id', '>', after).orderBy('id').limit(batchSize).execute();
    if (docs.length === 0) break;
    after = docs[docs.length - 1]!.id;
    const inputs: DocumentInput[] = [];
    for (const d of docs) {
      const source = {
        id: d.id, text: d.text, bodyStart: Number(d.body_start), date: d.date ?? undefined, title: d.title ?? undefined,
        source: d.source ?? undefined, url: d.url ?? undefined, origin: { file: d.origin_file ?? 'store', line: d.origin_line ?? undefined },
      };
      let events: AcledEvent[];
      try {
        events = extractor.extract(source, { eventsOnly: true }).events;
      } catch (err) {
        options.onError?.(`${d.id}: extraction failed, document left as it was: ${err instanceof Error ? err.message : String(err)}`);
        continue;
      }
      for (const e of events) compare(e, reviews.get(e.event_id), result.disagreements);
      inputs.push({ ...source, events });
      result.events += events.length;
    }
    await store.saveDocuments(inputs, { force: true });
    result.documents += docs.length;
    options.onProgress?.(result.documents, result.events);
  }
  for (const [id, r] of reviews) {
    if (!r.found && r.decision !== 'rejected') {
      result.disagreements.push({ event_id: id, field: 'event', reviewer: Object.keys(r.overrides).length ? 'edited' : 'confirmed', reviewed: 'an event', sitrep: 'no longer finds it' });
    }
  }
  return result;
}

function compare(e: AcledEvent, r: ReviewInfo | undefined, out: Disagreement[]): void {
  if (!r || r.found) return;
  r.found = true;
  if (r.decision === 'rejected') {
    out.push({ event_id: e.event_id, field: 'event', reviewer: 'rejected', reviewed: 'not an event', sitrep: 'still finds it' });
    return;
  }
  for (const f of COMPARED) {
    // Notes are sitrep's own summary: compared only when an analyst wrote them.
    if (f === 'notes' && !('notes' in r.overrides)) continue;
    const now = (e as unknown as Record<string, unknown>)[f];
    if (differs(f, r.snapshot[f], now)) {
      out.push({ event_id: e.event_id, field: f, reviewer: f in r.overrides ? 'edited' : 'confirmed', reviewed: r.snapshot[f], sitrep: now ?? null });
    }
  }
}
