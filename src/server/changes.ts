// What the dashboard's live view listens to (GET /api/stream, server-sent events): the number of
// stored documents and events, read from the counts kept on write every `intervalMs` (so an API
// server sees what workers on other machines store), and announced at once when this process
// stored something itself (`poke`, from `sitrep watch`).
import type { Store } from '../store/index.js';

export interface StoreChange {
  documents: number;
  events: number;
}

export class ChangeNotifier {
  private listeners = new Set<(c: StoreChange) => void>();
  private last: StoreChange | undefined;
  private timer: NodeJS.Timeout | undefined;
  private checking = false;
  /** The store's change version at the last count: while it stands, the counts cannot have moved. */
  private version: string | undefined;

  constructor(private readonly store: Store, private readonly intervalMs = 2000) {}

  subscribe(fn: (c: StoreChange) => void): () => void {
    this.listeners.add(fn);
    if (!this.last) void this.check(); // the counts to compare with
    if (!this.timer) {
      this.timer = setInterval(() => void this.check(), this.intervalMs);
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(fn);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** Reads the counts now and tells every listener when they changed. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const version = await this.store.changeVersion();
      if (this.last && version === this.version) return;
      this.version = version;
      const now = { documents: await this.store.countDocuments(), events: await this.store.countEvents() };
      const changed = !this.last || now.documents !== this.last.documents || now.events !== this.last.events;
      const first = !this.last;
      this.last = now;
      if (changed && !first) for (const fn of this.listeners) fn(now);
    } catch {
      // The database is away for a moment: the next check tells.
    } finally {
      this.checking = false;
    }
  }

  /** This process stored something: announce it without waiting for the next check. */
  poke(): void {
    void this.check();
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }
}
