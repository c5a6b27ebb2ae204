// `sitrep watch`'s poller: every tick, the feeds whose time has come are polled, at most
// `concurrency` at once and `perHost` per host (so one slow or failing site holds only its own
// slots), and their new items stored. A feed that fails is recorded on its row and backs off; the
// others go on.
import type { Store } from '../store/index.js';
import { dueFeeds, type Feed } from './feed-store.js';
import type { Logger } from './metrics.js';
import { pollFeed, storeItems, type ExtractFn, type PollOptions } from './poll.js';

export interface SchedulerOptions extends PollOptions {
  extract: ExtractFn;
  logger?: Logger;
  /** How often due feeds are looked for (default 1 s). */
  tickMs?: number;
  /** Polls at once (default 16) and per host (default 4). */
  concurrency?: number;
  perHost?: number;
  /** Called after new items were stored. */
  onStored?(feed: Feed, documents: number, events: number): void;
}

export interface Scheduler {
  /** Stops polling; in-flight polls are aborted, items being stored are finished. */
  stop(): Promise<void>;
  /** Polls started so far. */
  readonly polls: number;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export function startScheduler(store: Store, options: SchedulerOptions): Scheduler {
  const concurrency = Math.max(1, options.concurrency ?? 16);
  const perHost = Math.max(1, options.perHost ?? 4);
  const inFlight = new Map<string, Promise<void>>();
  const hosts = new Map<string, number>();
  const abort = new AbortController();
  let polls = 0;
  let stopped = false;
  let ticking = false;

  const run = async (feed: Feed, host: string) => {
    try {
      const r = await pollFeed(store, feed, { ...options, signal: abort.signal });
      if (r.status === 'error') options.logger?.error('feed failed', { feed: feed.url, error: r.error, next_poll: new Date(r.nextPollAt).toISOString() });
      if (r.items.length > 0) {
        const s = await storeItems(store, options.extract, feed.id, r.items, options.metrics);
        options.logger?.info('stored', { feed: feed.url, items: r.items.length, documents: s.documents, events: s.events });
        for (const e of s.errors) options.logger?.error(e, { feed: feed.url });
        options.onStored?.(feed, s.documents, s.events);
      }
    } catch (err) {
      options.logger?.error('poll failed', { feed: feed.url, error: (err as Error).message });
    } finally {
      inFlight.delete(feed.id);
      hosts.set(host, (hosts.get(host) ?? 1) - 1);
    }
  };

  const tick = async () => {
    if (ticking || stopped) return;
    ticking = true;
    try {
      if (inFlight.size >= concurrency) return;
      for (const feed of await dueFeeds(store, Date.now(), 5000)) {
        if (stopped || inFlight.size >= concurrency) break;
        if (inFlight.has(feed.id)) continue;
        const host = hostOf(feed.url);
        if ((hosts.get(host) ?? 0) >= perHost) continue;
        hosts.set(host, (hosts.get(host) ?? 0) + 1);
        polls++;
        inFlight.set(feed.id, run(feed, host));
      }
    } catch (err) {
      options.logger?.error('scheduler', { error: (err as Error).message });
    } finally {
      ticking = false;
    }
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? 1000);
  void tick();

  return {
    get polls() {
      return polls;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      abort.abort();
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}
