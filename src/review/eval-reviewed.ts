// `sitrep eval reviewed`: sitrep's current extraction scored against the events analysts confirmed
// or edited, with `eval acled`'s measures: each reviewed event is a gold row, its document is
// extracted again, and the event of the same id (else the first) is compared with it.
import type { AcledEvent } from '../common/event.js';
import { AcledScorer, type AcledRunReport, type GoldRow } from '../eval/acled.js';
import type { Extractor } from '../pipeline/index.js';
import type { Store } from '../store/index.js';
import type { StoredEvent } from '../store/types.js';

function goldRow(e: StoredEvent, text: string, line: number): GoldRow {
  return {
    file: 'reviewed events',
    line,
    eventId: e.event_id,
    notes: text,
    rawDate: e.event_date,
    eventDate: e.event_date || null,
    eventType: e.event_type,
    subEventType: e.sub_event_type,
    actor1: e.actor1,
    actor2: e.actor2,
    inter1: e.inter1,
    inter2: e.inter2,
    hasActor2: true,
    country: e.country,
    admin1: e.admin1,
    location: e.location,
    admin2: e.admin2,
    admin3: '',
    latitude: e.latitude,
    longitude: e.longitude,
    fatalities: e.fatalities,
  };
}

export async function evaluateReviewed(store: Store, extractor: Pick<Extractor, 'extract'>, label: string): Promise<AcledRunReport> {
  const scorer = new AcledScorer();
  const started = performance.now();
  // Events of one document come one after another often enough: the last documents are kept.
  const cache = new Map<string, { text: string; events: AcledEvent[]; failed: boolean }>();
  let line = 0;
  for await (const e of store.iterateEvents({ reviewStatus: ['confirmed', 'edited'] }, { details: false })) {
    let doc = cache.get(e.doc_id);
    if (!doc) {
      const d = await store.db.selectFrom('documents').selectAll().where('id', '=', e.doc_id).executeTakeFirst();
      if (!d) continue;
      let events: AcledEvent[] = [];
      let failed = false;
      try {
        events = extractor.extract({
          id: d.id, text: d.text, bodyStart: Number(d.body_start), date: d.date ?? undefined, title: d.title ?? undefined,
          source: d.source ?? undefined, url: d.url ?? undefined, origin: { file: 'store', line: undefined },
        }, { eventsOnly: true }).events;
      } catch {
        failed = true;
      }
      doc = { text: d.text, events, failed };
      if (cache.size >= 32) cache.delete(cache.keys().next().value!);
      cache.set(e.doc_id, doc);
    }
    const same = doc.events.find((x) => x.event_id === e.event_id);
    const ordered = same ? [same, ...doc.events.filter((x) => x !== same)] : doc.events;
    scorer.add(goldRow(e, doc.text, ++line), ordered, doc.failed);
  }
  return { file: label, metrics: scorer.metrics(), skippedRecords: 0, elapsedMs: performance.now() - started };
}
