// A small progress display on stderr: on a terminal, one line redrawn at most ten times a second;
// otherwise (logs, CI) a plain line every few seconds. Messages printed meanwhile do not garble it.

export interface ProgressCounts {
  documents: number;
  events: number;
  errors: number;
}

export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly enabled = true,
    private readonly plainEveryMs = 5000,
  ) {
    this.tty = Boolean(stream.isTTY);
    // Logs get their first line after a few seconds: short runs print only the summary.
    if (!this.tty) this.lastDraw = this.started;
  }

  elapsedSeconds(): number {
    return (Date.now() - this.started) / 1000;
  }

  private line(c: ProgressCounts): string {
    const secs = Math.max(this.elapsedSeconds(), 1e-3);
    const rate = Math.round(c.documents / secs);
    const errors = c.errors ? `, ${fmt(c.errors)} errors` : '';
    return `${this.label}: ${fmt(c.documents)} articles, ${fmt(rate)} articles/s, ${fmt(c.events)} events${errors}, ${secs.toFixed(1)} s`;
  }

  update(c: ProgressCounts): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < (this.tty ? 100 : this.plainEveryMs)) return;
    this.lastDraw = now;
    if (this.tty) {
      const width = this.stream.columns || 100;
      this.stream.write('\r\x1b[2K' + this.line(c).slice(0, width - 1));
      this.drawn = true;
    } else {
      this.stream.write(this.line(c) + '\n');
    }
  }

  /** Prints a message (e.g. a skipped document) above the progress line. */
  message(text: string): void {
    this.clear();
    this.stream.write(text.endsWith('\n') ? text : text + '\n');
  }

  clear(): void {
    if (this.drawn) {
      this.stream.write('\r\x1b[2K');
      this.drawn = false;
    }
  }
}

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
