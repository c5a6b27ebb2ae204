// Streamed responses (the CSV and GeoJSON exports) that share the server: each chunk is produced
// only when the client has taken the previous one (pull, so a slow reader holds no more than a
// chunk in memory: backpressure), and before each chunk the stream yields to the event loop, so
// that requests arriving meanwhile are answered between chunks rather than after the export.
// (SQLite reads are synchronous: without the yield, a fast reader would keep the loop busy in
// promise callbacks from the first chunk to the last.)
import { setImmediate as yieldToLoop } from 'node:timers/promises';

export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        await yieldToLoop();
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  }, { highWaterMark: 0 });
}
