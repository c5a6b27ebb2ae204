// A worker thread of the extraction pool (extract-pool.ts): loads the pipeline once, then extracts
// the documents of each message and posts back their events (or the error of each failed one).
import { parentPort } from 'node:worker_threads';
import type { SourceDocument } from '../ingest/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { PageInput, PageReadResult } from '../ingest/html.js';
import type { ExtractJobResult } from './extract-pool.js';
import { signature } from '../store/minhash.js';

const extractor = createExtractor();
let html: typeof import('../ingest/html.js') | undefined;
parentPort!.on('message', (msg: { job: number; docs?: SourceDocument[]; pages?: PageInput[] }) => {
  if (msg.pages) {
    // Feed pages: their main text read here, off the feeds' event loop (loaded on first use).
    void (async () => {
      html ??= await import('../ingest/html.js');
      const results: PageReadResult[] = msg.pages!.map((p) => html!.readPage(p));
      parentPort!.postMessage({ job: msg.job, results });
    })();
    return;
  }
  const results: ExtractJobResult[] = msg.docs!.map((d) => {
    try {
      return { events: extractor.extract(d, { eventsOnly: true }).events, minhash: signature(d.text) ?? null };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  });
  parentPort!.postMessage({ job: msg.job, results });
});
parentPort!.postMessage({ ready: true });
