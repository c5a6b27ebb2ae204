// Conditional GETs of the lists and documents: an ETag and a Last-Modified from the store's change
// version (src/store/scale-queries.ts changeVersion: SQLite's data_version and total_changes, or
// PostgreSQL's counter bumped on every write of events or documents, whichever process writes),
// and 304 Not Modified when the client's If-None-Match (or, without it, If-Modified-Since) says it
// has the current answer. The version is read before the data, so a validator is never newer than
// the answer it is sent with; a write between the two only costs the client one more 200.
import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';

export class Freshness {
  private version: string | undefined;
  private modified = Math.floor(Date.now() / 1000);
  /** Versions restart with a process (SQLite counts per connection): the ETag names the process too. */
  private readonly boot = randomBytes(4).toString('hex');

  constructor(private readonly readVersion: () => Promise<string>) {}

  /** The current validators: ETag, and Last-Modified in seconds. */
  async current(): Promise<{ etag: string; lastModified: number }> {
    const v = await this.readVersion();
    if (v !== this.version) {
      const now = Math.floor(Date.now() / 1000);
      // Seen changed: stamped now, and always later than the stamp before, so that a second change
      // within the same second never looks "not modified since" the first.
      this.modified = this.version === undefined ? now : Math.max(now, this.modified + 1);
      this.version = v;
    }
    return { etag: `W/"${this.boot}-${v.replace(/[^0-9A-Za-z]/g, '.')}"`, lastModified: this.modified };
  }
}

/** Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for GET). */
export function noneMatch(header: string, etag: string): boolean {
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  const mine = opaque(etag);
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === mine);
}

/**
 * Runs `answer` unless the client already has the current representation (304). A 200 answer gets
 * ETag, Last-Modified and `Cache-Control: private, no-cache` (keep it, but ask again each time).
 */
export async function conditionalGet(c: Context, fresh: Freshness, answer: () => Response | Promise<Response>): Promise<Response> {
  const { etag, lastModified } = await fresh.current();
  const lastModifiedHttp = new Date(lastModified * 1000).toUTCString();
  const validators = { ETag: etag, 'Last-Modified': lastModifiedHttp, 'Cache-Control': 'private, no-cache' };
  const inm = c.req.header('if-none-match');
  const ims = c.req.header('if-modified-since');
  const since = ims === undefined ? NaN : Date.parse(ims);
  const unchanged = inm !== undefined ? noneMatch(inm, etag) : Number.isFinite(since) && since / 1000 >= lastModified;
  if (unchanged) return c.body(null, 304, validators);
  const res = await answer();
  if (res.status === 200) for (const [k, v] of Object.entries(validators)) res.headers.set(k, v);
  return res;
}
