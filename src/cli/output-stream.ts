// Buffered writes to stdout: one write per ~64 KB instead of one per event, and a reader that
// goes away (`| head`) ends the run quietly instead of crashing it with EPIPE.
import type { Writable } from 'node:stream';

const FLUSH_AT = 1 << 16;

export class BufferedOutput {
  private parts: string[] = [];
  private size = 0;
  closed = false;

  constructor(private readonly stream: Writable) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') this.closed = true;
      else throw err;
    });
  }

  write(s: string): void {
    if (this.closed) return;
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0 || this.closed) return;
    this.stream.write(this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  async end(): Promise<void> {
    this.flush();
    if (this.closed) return;
    await new Promise<void>((resolve) => {
      if (this.stream.writableNeedDrain) this.stream.once('drain', () => resolve());
      else resolve();
    });
  }
}
