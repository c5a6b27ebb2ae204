// A worker thread of the read pool (read-pool.ts): opens the store once, then answers each page of
// events as its JSON text.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/index.js';
import type { ReadReply, ReadRequest } from './read-pool.js';

const store = openStore((workerData as { path: string }).path);
parentPort!.on('message', (msg: ReadRequest) => {
  void (async () => {
    let reply: ReadReply;
    try {
      const page = await (await store).queryEvents(msg.filters, msg.page);
      reply = { job: msg.job, body: JSON.stringify(page) };
    } catch (err) {
      reply = { job: msg.job, error: { name: err instanceof Error ? err.constructor.name : 'Error', message: err instanceof Error ? err.message : String(err) } };
    }
    parentPort!.postMessage(reply);
  })();
});
