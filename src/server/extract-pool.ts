// Extraction for POST /api/documents off the event loop: a pool of worker threads (each with its
// own pipeline) fed by a bounded queue. A request that finds the queue full is refused at once
// (503 with Retry-After) rather than waiting without bound; reads are never held up by extraction.
import { Worker } from 'node:worker_threads';
import type { AcledEvent } from '../common/event.js';
import type { PageInput, PageReadResult } from '../ingest/html.js';
import type { SourceDocument } from '../ingest/types.js';
import type { Extractor } from '../pipeline/index.js';

/**
 * A document's events, or its error. Worker threads also give its MinHash signature (`minhash`, as
 * src/store/minhash.ts computes it from the text; null: too short to have one), so that the thread
 * feeding them does not compute it (a worker's main thread is its serial part).
 */
export type ExtractJobResult = { events: AcledEvent[]; minhash?: Uint32Array | null } | { error: string };

/** Extracts a request's documents (already given ids); one result per document, in order. */
export interface ExtractionQueue {
  run(docs: SourceDocument[]): Promise<ExtractJobResult[]>;
  /**
   * Reads pages in the queue's worker threads (not on the event loop), one result per page; queues
   * without threads have none. Not bounded by the queue: a page waits behind the thread's work.
   */
  readPages?(pages: PageInput[]): Promise<PageReadResult[]>;
  close(): Promise<void>;
}

/** The queue is full: the client should retry after `retryAfter` seconds. */
export class QueueFullError extends Error {
  constructor(readonly retryAfter: number) {
    super(`extraction queue full: retry in ${retryAfter} s`);
  }
}

export interface QueueOptions {
  /** Requests extracting at once (default 1: the machine keeps a core for reads). */
  concurrency?: number;
  /** Requests waiting beyond those (default 8); one more is refused with 503. */
  maxWaiting?: number;
}

/** A bounded FIFO around any runner; `concurrency` jobs at once, `maxWaiting` more queued. */
export function boundedQueue(runner: (docs: SourceDocument[], slot: number) => Promise<ExtractJobResult[]>, options: QueueOptions = {}, onClose?: () => Promise<void>): ExtractionQueue {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const maxWaiting = Math.max(0, options.maxWaiting ?? 8);
  const free: number[] = Array.from({ length: concurrency }, (_, i) => i);
  const waiting: ((slot: number) => void)[] = [];
  let recent = 1; // seconds the last job took, for Retry-After
  const release = (slot: number) => {
    const next = waiting.shift();
    if (next) next(slot);
    else free.push(slot);
  };
  return {
    async run(docs) {
      let slot = free.pop();
      if (slot === undefined) {
        if (waiting.length >= maxWaiting) throw new QueueFullError(Math.max(1, Math.ceil(recent * (waiting.length + 1) / concurrency)));
        slot = await new Promise<number>((resolve) => waiting.push(resolve));
      }
      const t0 = Date.now();
      try {
        return await runner(docs, slot);
      } finally {
        recent = Math.max(1, (Date.now() - t0) / 1000);
        release(slot);
      }
    },
    close: onClose ?? (async () => {}),
  };
}

/** In-process extraction through the same queue (tests, or a given extractor). */
export function inProcessQueue(extractor: Pick<Extractor, 'extract'>, options: QueueOptions = {}): ExtractionQueue {
  return boundedQueue(async (docs) => docs.map((d) => {
    try {
      return { events: extractor.extract(d, { eventsOnly: true }).events };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  }), options);
}

function workerUrl(): URL {
  // Under tsx (tests, `npx tsx src/...`) this module is .ts and so is its worker; built, both are .js.
  return new URL(import.meta.url.endsWith('.ts') ? './extract-worker.ts' : './extract-worker.js', import.meta.url);
}

/** Worker threads, started on first use, one per concurrent job. */
export function workerQueue(options: QueueOptions = {}): ExtractionQueue {
  const workers: (Worker | undefined)[] = [];
  const pending = new Map<number, { slot: number; resolve(r: unknown[]): void; reject(e: Error): void }>();
  let nextJob = 0;
  let nextPageSlot = 0;
  const start = (slot: number): Worker => {
    const url = workerUrl();
    // Under tsx the worker needs tsx's loader too (a worker does not inherit the parent's hooks).
    const w = url.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true })
      : new Worker(url);
    w.unref();
    const failAll = (err: Error) => {
      workers[slot] = undefined;
      for (const [job, p] of pending) {
        if (p.slot !== slot) continue;
        pending.delete(job);
        p.reject(err);
      }
    };
    w.on('message', (msg: { job?: number; results?: unknown[] }) => {
      if (msg.job === undefined) return;
      const p = pending.get(msg.job);
      pending.delete(msg.job);
      p?.resolve(msg.results ?? []);
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => failAll(new Error(`extraction worker stopped (exit code ${code})`)));
    workers[slot] = w;
    return w;
  };
  const post = <R>(slot: number, msg: { docs: SourceDocument[] } | { pages: PageInput[] }) => new Promise<R[]>((resolve, reject) => {
    const w = workers[slot] ?? start(slot);
    const job = nextJob++;
    pending.set(job, { slot, resolve: resolve as (r: unknown[]) => void, reject });
    w.postMessage({ job, ...msg });
  });
  const queue = boundedQueue(
    (docs, slot) => post<ExtractJobResult>(slot, { docs }),
    options,
    async () => {
      await Promise.all(workers.map((w) => w?.terminate()));
    },
  );
  const threads = Math.max(1, options.concurrency ?? 1);
  return {
    ...queue,
    // Round robin over the threads: a thread works its messages in turn, extraction and pages alike.
    readPages: (pages) => post<PageReadResult>(nextPageSlot++ % threads, { pages }),
  };
}
