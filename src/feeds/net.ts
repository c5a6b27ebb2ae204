// Fetching untrusted URLs (feeds and the pages their items link to). Every address a host name
// resolves to is checked before connecting (the check runs inside the socket's DNS lookup, so the
// address checked is the address used: no rebinding between check and connect); private, loopback,
// link-local, multicast and reserved addresses are refused unless `allowPrivate`. Redirects are
// followed by hand, each hop checked again; the body is limited in bytes after decompression, the
// whole fetch in time, and the content type must be one the caller expects.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface FetchLimits {
  /** Bytes of body after decompression (default 5 MB). */
  maxBytes?: number;
  /** Milliseconds for the whole fetch, redirects included (default 15 s). */
  timeoutMs?: number;
  /** Redirects followed (default 5). */
  maxRedirects?: number;
  /** Allow private, loopback and link-local addresses (tests, intranet feeds). */
  allowPrivate?: boolean;
}

export interface FetchRequest extends FetchLimits {
  url: string;
  /** Accepted media types (lower case, without parameters); others are refused. */
  accept: readonly string[];
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Empty for 304 and for other answers without a body. */
  body: Buffer;
  contentType: string;
}

/** A fetch refused or failed; `retryAfterMs` when the server said when to come back (429, 503). */
export class FetchError extends Error {
  constructor(message: string, readonly status?: number, readonly retryAfterMs?: number) {
    super(message);
  }
}

export const FEED_TYPES = [
  'application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml',
  'application/feed+json', 'application/json', 'text/plain',
] as const;
export const PAGE_TYPES = ['text/html', 'application/xhtml+xml'] as const;

const USER_AGENT = 'sitrep-feeds/0.1 (+https://github.com/; conflict-event extraction)';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64],
] as const) blocked.addSubnet(net, bits, 'ipv6');

/** True for an address no public feed lives at (private, loopback, link-local, multicast, reserved). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true; // not an address at all: refuse
}

/** A DNS lookup that refuses private addresses (used as the socket's lookup). */
function checkedLookup(allowPrivate: boolean): LookupFunction {
  return ((hostname: string, options: object, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => !allowPrivate && isPrivateAddress(a.address));
      if (bad) return callback(new FetchError(`refused: ${hostname} resolves to a private or reserved address (${bad.address}); --allow-private allows it`), '', 0);
      if ((options as { all?: boolean }).all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(new FetchError(`no address for ${hostname}`), '', 0);
      callback(null, first.address, first.family);
    });
  }) as unknown as LookupFunction;
}

// Connections are kept alive and reused (a feed and the pages of its items are mostly on one host):
// opening and closing a connection per fetch cost more CPU than reading the page. At most
// MAX_SOCKETS_PER_HOST connections per host at once (more requests wait for one). A socket is checked
// when it connects, so sockets opened with `allowPrivate` live in agents of their own, never lent to a
// fetch without it. Idle sockets close after IDLE_MS (sooner when the server announces a shorter
// Keep-Alive timeout).
const MAX_SOCKETS_PER_HOST = 16;
const IDLE_MS = 4000;
const agents = new Map<string, HttpAgent>();
function agentFor(https: boolean, allowPrivate: boolean): HttpAgent {
  const key = `${https}:${allowPrivate}`;
  let a = agents.get(key);
  if (!a) {
    const options = { keepAlive: true, maxSockets: MAX_SOCKETS_PER_HOST, maxFreeSockets: MAX_SOCKETS_PER_HOST, timeout: IDLE_MS, scheduling: 'lifo' as const };
    a = https ? new HttpsAgent(options) : new HttpAgent(options);
    agents.set(key, a);
  }
  return a;
}

/** Seconds or an HTTP date, as milliseconds from now; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isFinite(t) ? Math.max(0, t - now) : undefined;
}

function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The body, decompressed as the server says, stopping at maxBytes. */
async function readBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = String(res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  let stream: Readable = res;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = res.pipe(createGunzip());
  else if (encoding === 'deflate') stream = res.pipe(createInflate());
  else if (encoding === 'br') stream = res.pipe(createBrotliDecompress());
  else if (encoding !== 'identity' && encoding !== '') throw new FetchError(`unsupported content encoding "${encoding}"`);
  const declared = Number(res.headers['content-length']);
  if (stream === res && Number.isFinite(declared) && declared > maxBytes) throw new FetchError(`body larger than ${maxBytes} bytes (declared ${declared})`);
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > maxBytes) {
      res.destroy();
      throw new FetchError(`body larger than ${maxBytes} bytes${stream === res ? '' : ' after decompression'}`);
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

function once(url: URL, req: FetchRequest, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) && !req.allowPrivate && isPrivateAddress(host)) {
      reject(new FetchError(`refused: ${host} is a private or reserved address; --allow-private allows it`));
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const r = send(url, {
      method: 'GET',
      headers: {
        'user-agent': USER_AGENT,
        accept: req.accept.join(', ') + ', */*;q=0.1',
        'accept-encoding': 'gzip, deflate, br',
        ...req.headers,
      },
      lookup: checkedLookup(req.allowPrivate === true),
      agent: agentFor(url.protocol === 'https:', req.allowPrivate === true),
      signal,
    });
    r.on('response', resolve);
    r.on('error', reject);
    r.end();
  });
}

/**
 * GETs `url` within the limits. 304 comes back as a result (status 304, empty body); other answers
 * outside 200-299 throw FetchError (with Retry-After when given).
 */
export async function safeFetch(req: FetchRequest): Promise<FetchResult> {
  const maxBytes = req.maxBytes ?? 5_000_000;
  const maxRedirects = req.maxRedirects ?? 5;
  const timeout = AbortSignal.timeout(req.timeoutMs ?? 15_000);
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new FetchError(`not a URL: ${req.url}`);
  }
  try {
    for (let hop = 0; ; hop++) {
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`refused: only http and https URLs (${url.protocol})`);
      if (url.username || url.password) throw new FetchError('refused: URLs with credentials');
      const res = await once(url, req, signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304 && res.headers.location) {
        res.resume();
        if (hop >= maxRedirects) throw new FetchError(`more than ${maxRedirects} redirects`, status);
        url = new URL(res.headers.location, url);
        continue;
      }
      if (status === 304) {
        res.resume();
        return { url: url.href, status, headers: res.headers, body: Buffer.alloc(0), contentType: '' };
      }
      if (status < 200 || status > 299) {
        res.resume();
        throw new FetchError(`HTTP ${status}`, status, parseRetryAfter(res.headers['retry-after']));
      }
      const contentType = mediaType(res.headers['content-type']);
      if (contentType && !req.accept.includes(contentType)) {
        res.destroy();
        throw new FetchError(`unexpected content type ${contentType}`, status);
      }
      const body = await readBody(res, maxBytes);
      return { url: url.href, status, headers: res.headers, body, contentType };
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (timeout.aborted) throw new FetchError(`timed out after ${req.timeoutMs ?? 15_000} ms`);
    if (req.signal?.aborted) throw new FetchError('stopped');
    const e = err as NodeJS.ErrnoException;
    if (e.cause instanceof FetchError) throw e.cause;
    throw new FetchError(e.code ? `${e.code}: ${e.message}` : e.message);
  }
}
