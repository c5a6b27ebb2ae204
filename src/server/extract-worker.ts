// A worker thread of the extraction pool (extract-pool.ts): loads the pipeline once, then extracts
// the documents of each message and posts back their events (or the error of each failed one).
import { parentPort } from 'node:worker_threads';
import type { SourceDocument } from '../ingest/types.js';
import { createExtractor } from '../pipeline/index.js';
import type { ExtractJobResult } from './extract-pool.js';

const extractor = createExtractor();
parentPort!.on('message', (msg: { job: number; docs: SourceDocument[] }) => {
  const results: ExtractJobResult[] = msg.docs.map((d) => {
    try {
      return { events: extractor.extract(d).events };
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
  });
  parentPort!.postMessage({ job: msg.job, results });
});
parentPort!.postMessage({ ready: true });
