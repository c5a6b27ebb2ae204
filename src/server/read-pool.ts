// Pages of /api/events read in worker threads, each with its own SQLite connection (issue 18).
// better-sqlite3 runs every query on the thread that calls it: in one process all reads took turns
// on the event loop, so ten clients waited for each other's queries and for the JSON of each page.
// Each worker opens the same file (WAL: readers never block each other or the writer) and answers a
// page as its JSON text, so the main thread only routes, checks and sends. PostgreSQL needs no pool
// here: its queries already run in the server's processes.
import { Worker } from 'node:worker_threads';
import { InvalidCursorError } from '../store/index.js';
import type { EventFilters, PageRequest } from '../store/types.js';

export interface ReadPool {
  /** The page as JSON text, as Store.queryEvents would give it. */
  eventsPage(filters: EventFilters, page: PageRequest): Promise<string>;
  close(): Promise<void>;
}

export type ReadRequest = { job: number; filters: EventFilters; page: PageRequest };
export type ReadReply = { job: number; body: string } | { job: number; error: { name: string; message: string } };

function workerUrl(): URL {
  // Under tsx (tests) this module is .ts and so is its worker; built, both are .js (as extract-pool.ts).
  return new URL(import.meta.url.endsWith('.ts') ? './read-worker.ts' : './read-worker.js', import.meta.url);
}

/** `size` worker threads reading the SQLite file `path`, started now; a job goes to the least busy one. */
export function sqliteReadPool(path: string, size: number): ReadPool {
  const workers: { worker: Worker | undefined; busy: number }[] = Array.from({ length: Math.max(1, size) }, () => ({ worker: undefined, busy: 0 }));
  const pending = new Map<number, { slot: number; resolve(body: string): void; reject(e: Error): void }>();
  let nextJob = 0;
  let closed = false;
  const start = (slot: number): Worker => {
    const url = workerUrl();
    const w = url.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData: { path } })
      : new Worker(url, { workerData: { path } });
    w.unref();
    const failAll = (err: Error) => {
      if (workers[slot]!.worker === w) workers[slot] = { worker: undefined, busy: 0 };
      for (const [job, p] of pending) {
        if (p.slot !== slot) continue;
        pending.delete(job);
        p.reject(err);
      }
    };
    w.on('message', (msg: ReadReply) => {
      const p = pending.get(msg.job);
      if (!p) return;
      pending.delete(msg.job);
      workers[slot]!.busy--;
      if ('body' in msg) p.resolve(msg.body);
      else p.reject(msg.error.name === 'InvalidCursorError' ? new InvalidCursorError(msg.error.message) : new Error(msg.error.message));
    });
    w.on('error', (err) => failAll(err));
    w.on('exit', (code) => failAll(new Error(`read worker stopped (exit code ${code})`)));
    workers[slot]!.worker = w;
    return w;
  };
  for (let i = 0; i < workers.length; i++) start(i);
  return {
    eventsPage(filters, page) {
      if (closed) return Promise.reject(new Error('read pool closed'));
      let slot = 0;
      for (let i = 1; i < workers.length; i++) if (workers[i]!.busy < workers[slot]!.busy) slot = i;
      const w = workers[slot]!.worker ?? start(slot);
      workers[slot]!.busy++;
      const job = nextJob++;
      return new Promise<string>((resolve, reject) => {
        pending.set(job, { slot, resolve, reject });
        w.postMessage({ job, filters, page } satisfies ReadRequest);
      });
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.worker?.terminate()));
    },
  };
}
