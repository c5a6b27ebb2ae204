// Ingest: documents in, pipeline run, documents and events stored in batches (one transaction
// each). Unchanged documents (same id and content hash) are skipped before extraction, so a
// repeated or resumed run only does the work that is left.
import type { IngestError, SourceDocument } from '../ingest/types.js';
import { isIngestError } from '../ingest/types.js';
import { storableDocument } from '../ingest/storable.js';
import type { Extractor } from '../pipeline/index.js';
import { documentHash, type Store } from './index.js';
import type { DocumentInput } from './types.js';
import { bands, decodeSignature, encodeSignature, isCopy, signature } from './minhash.js';

export interface IngestCounts {
  /** Documents read (good ones). */
  documents: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /**
   * Documents whose id comes again later in the same batch: the later one is stored (as in a
   * repeated run), this one is not. (A repeat in a later batch counts as changed or unchanged.)
   * documents = inserted + updated + unchanged + repeated + failed.
   */
  repeated: number;
  /** Documents read whose extraction failed (reported through onError, and counted in errors too). */
  failed: number;
  /** Events written for new and changed documents. */
  events: number;
  /** New documents recognised as near-identical copies of a stored one (not extracted). */
  copies: number;
  /** Reports that joined an event of another report. */
  merged: number;
  /** Inputs that could not be read or processed (reported through onError, skipped). */
  errors: number;
}

export interface IngestOptions {
  /** Documents per transaction (default 200). */
  batchSize?: number;
  onError?(error: IngestError): void;
  /** Called after every document and every stored batch; the counts object is live. */
  onProgress?(counts: IngestCounts): void;
  /** Checked between documents: when true, the documents read so far are stored and the run stops. */
  shouldStop?(): boolean;
  /** Collect each document's id and status in the result (the HTTP API does; large runs need not). */
  keepStatus?: boolean;
  /** Merge reports of the same event across documents (default true); false: one event per report. */
  merge?: boolean;
  /** Recognise near-identical documents as copies (default true). */
  detectCopies?: boolean;
  /**
   * A document's MinHash signature computed already (signature(source.text), elsewhere: a worker's
   * extraction threads), undefined when the text is too short for one; null: not known, computed here.
   */
  signatureOf?(source: SourceDocument, id: string): Uint32Array | undefined | null;
}

export interface IngestResult extends IngestCounts {
  /** The run stopped early on request. */
  stopped: boolean;
  /** Ids of the documents stored or recognised, with their status (only with keepStatus). */
  documentsRead: { id: string; status: 'new' | 'updated' | 'unchanged' }[];
}

interface Pending {
  source: SourceDocument;
  id: string;
}

export async function ingestDocuments(
  store: Store,
  extractor: Pick<Extractor, 'extract'>,
  inputs: AsyncIterable<SourceDocument | IngestError> | Iterable<SourceDocument | IngestError>,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const batchSize = Math.max(1, options.batchSize ?? 200);
  const counts: IngestCounts = { documents: 0, inserted: 0, updated: 0, unchanged: 0, repeated: 0, failed: 0, events: 0, copies: 0, merged: 0, errors: 0 };
  const documentsRead: IngestResult['documentsRead'] = [];
  const report = (e: IngestError) => {
    counts.errors++;
    options.onError?.(e);
  };
  let pending: Pending[] = [];

  const flush = async () => {
    if (pending.length === 0) return;
    // An id that comes again later in the batch: only its last document is stored (and extracted).
    const lastOf = new Map<string, number>();
    pending.forEach((p, i) => lastOf.set(p.id, i));
    const batch = pending.filter((p, i) => lastOf.get(p.id) === i);
    counts.repeated += pending.length - batch.length;
    pending = [];
    const known = await store.documentHashes(batch.map((p) => p.id));
    // Near-identical documents: MinHash signatures looked up by band, in the store and in this batch.
    const sigs = batch.map(({ source, id }) => {
      if (options.detectCopies === false) return undefined;
      const known = options.signatureOf ? options.signatureOf(source, id) : null;
      return known !== null ? known : signature(source.text);
    });
    const stored = await store.documentsByBands(sigs.flatMap((sg) => (sg ? bands(sg) : [])));
    // Stored candidates, each decoded once and indexed by the bands it was found by (the only keys
    // looked up below): a document is compared only with the candidates that share a band with it,
    // each once, not with every candidate of the batch (which grew with the store).
    const storedBands = new Map<string, { id: string; sig: Uint32Array }[]>();
    for (const [docId, { minhash, bands: keys }] of stored) {
      const o = { id: docId, sig: decodeSignature(minhash) };
      for (const k of keys) (storedBands.get(k) ?? storedBands.set(k, []).get(k)!).push(o);
    }
    const batchBands = new Map<string, { id: string; sig: Uint32Array }[]>();
    const copyOf = (id: string, sig: Uint32Array, keys: string[]): string | undefined => {
      let best: string | undefined;
      const seen = new Set<object>();
      for (const index of [batchBands, storedBands]) {
        for (const k of keys) {
          for (const o of index.get(k) ?? []) {
            if (o.id === id || (best && o.id >= best) || seen.has(o)) continue;
            seen.add(o);
            if (isCopy(sig, o.sig)) best = o.id;
          }
        }
      }
      return best;
    };
    const inputs: DocumentInput[] = [];
    for (const [position, { source, id }] of batch.entries()) {
      const input: Omit<DocumentInput, 'events'> = {
        id,
        text: source.text,
        bodyStart: source.bodyStart,
        date: source.date,
        title: source.title,
        source: source.source,
        url: source.url,
        origin: source.origin,
      };
      if (known.get(id) === documentHash(input)) {
        inputs.push({ ...input, events: [] }); // recognised as unchanged by saveDocuments; not extracted
        continue;
      }
      const sig = sigs[position];
      if (sig) {
        const keys = bands(sig);
        const original = copyOf(id, sig, keys);
        if (original) {
          counts.copies++;
          inputs.push({ ...input, events: [], copyOf: original });
          continue;
        }
        const o = { id, sig };
        for (const k of keys) (batchBands.get(k) ?? batchBands.set(k, []).get(k)!).push(o);
        Object.assign(input, { minhash: encodeSignature(sig), bands: keys });
      }
      try {
        const { events } = extractor.extract({ ...source, id }, { eventsOnly: true });
        inputs.push({ ...input, events });
      } catch (err) {
        counts.failed++;
        report({
          error: true,
          file: source.origin.file,
          line: source.origin.line,
          message: `extraction failed: ${err instanceof Error ? err.message : String(err)}`,
        });
      }
      options.onProgress?.(counts);
    }
    const saved = await store.saveDocuments(inputs, { merge: options.merge });
    counts.merged += saved.merged;
    counts.inserted += saved.inserted;
    counts.updated += saved.updated;
    counts.unchanged += saved.unchanged;
    counts.events += saved.events;
    if (options.keepStatus) for (const [id, status] of saved.status) documentsRead.push({ id, status });
    options.onProgress?.(counts);
  };

  // Documents without an id get the pipeline's content-derived id (loaded only when needed).
  let documentId: ((text: string) => string) | undefined;
  let stopped = false;
  for await (const input of inputs) {
    if (isIngestError(input)) report(input);
    else {
      // Readers already did this; documents from elsewhere (the API) may not have.
      const item = storableDocument(input);
      counts.documents++;
      let id = item.id;
      if (id === undefined) {
        documentId ??= (await import('../pipeline/index.js')).documentId;
        id = documentId(item.text);
      }
      pending.push({ source: item, id });
      if (pending.length >= batchSize) await flush();
    }
    if (options.shouldStop?.()) {
      stopped = true;
      break;
    }
  }
  await flush();
  options.onProgress?.(counts);
  return { ...counts, stopped, documentsRead };
}
