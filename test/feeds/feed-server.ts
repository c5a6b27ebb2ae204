// A loopback feed server for the feed tests and `npm run bench:feeds`: `feeds` feeds whose items
// change over time (publish), in RSS, Atom and JSON Feed, with ETag / Last-Modified (304), some
// summary-only (the article on its own page), some slow, some broken (500, malformed XML,
// a wrong content type, 429 with Retry-After), some redirecting. Only loopback; no network.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FeedKind = 'rss' | 'atom' | 'json' | 'summary' | 'slow' | 'broken' | 'redirect' | 'ratelimited';

export interface FixtureItem {
  id: string;
  title: string;
  body: string;
  date: string;
  publishedAt: number;
}

export interface FeedServer {
  base: string;
  urls: string[];
  kinds: FeedKind[];
  publish(feed: number, item?: Partial<FixtureItem>): FixtureItem;
  items(feed: number): FixtureItem[];
  /** Requests per feed path, 304 answers, page requests. */
  stats: { requests: Map<number, number>; notModified: number; pages: number; lastRequest: Map<number, number[]> };
  close(): Promise<void>;
}

const PLACES = [
  ['Maiduguri', 'Borno State'], ['Garissa', 'Kenya'], ['Idlib', 'Syria'], ['Mogadishu', 'Somalia'], ['Kidal', 'Mali'],
  ['Goma', 'North Kivu'], ['Kandahar', 'Afghanistan'], ['Beni', 'North Kivu'], ['Deir ez-Zor', 'Syria'], ['Mopti', 'Mali'],
  ['Kismayo', 'Somalia'], ['Zamfara', 'Nigeria'], ['Mandera', 'Kenya'], ['Ouagadougou', 'Burkina Faso'], ['Aleppo', 'Syria'],
] as const;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A short conflict report, different for every n (place, day, toll). */
export function reportText(n: number): { title: string; body: string; date: string } {
  const [place, region] = PLACES[n % PLACES.length]!;
  const day = WEEKDAYS[Math.floor(n / PLACES.length) % WEEKDAYS.length]!;
  const toll = NUMBERS[Math.floor(n / (PLACES.length * WEEKDAYS.length)) % NUMBERS.length]!;
  const month = 1 + (Math.floor(n / (PLACES.length * WEEKDAYS.length * NUMBERS.length)) % 12);
  const date = `2024-${String(month).padStart(2, '0')}-14`;
  return {
    title: `Attack in ${place} (report ${n})`,
    body: `Gunmen killed ${toll} civilians in ${place}, ${region}, on ${day}, police said. The attackers fled on motorcycles, ` +
      `according to residents who spoke to reporters. Report number ${n} of the fixture.`,
    date,
  };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function kindOf(i: number): FeedKind {
  // 10% slow or broken (as the targets say), a few redirecting or rate-limited, the rest by format.
  if (i % 20 === 7) return 'slow';
  if (i % 20 === 13) return 'broken';
  if (i % 25 === 11) return 'redirect';
  if (i % 50 === 19) return 'ratelimited';
  return (['rss', 'atom', 'json', 'summary', 'rss'] as const)[i % 5]!;
}

export async function startFeedServer(options: { feeds: number; window?: number; slowMs?: number; itemsPerFeed?: number; kinds?: (i: number) => FeedKind; start?: number }): Promise<FeedServer> {
  const kinds = Array.from({ length: options.feeds }, (_, i) => (options.kinds ?? kindOf)(i));
  const store: FixtureItem[][] = kinds.map(() => []);
  const versions = kinds.map(() => 0);
  const changed = kinds.map(() => Date.now());
  let serial = options.start ?? 0;
  const stats: FeedServer['stats'] = { requests: new Map(), notModified: 0, pages: 0, lastRequest: new Map() };
  const publish = (feed: number, item: Partial<FixtureItem> = {}): FixtureItem => {
    const n = serial++;
    const r = reportText(n);
    const it: FixtureItem = { id: `urn:fixture:${feed}:${n}`, title: r.title, body: r.body, date: r.date, publishedAt: Date.now(), ...item };
    store[feed]!.unshift(it);
    store[feed]!.splice(options.window ?? 20); // a feed shows its 20 newest items
    versions[feed]!++;
    changed[feed] = Date.now();
    return it;
  };
  for (let f = 0; f < kinds.length; f++) for (let k = 0; k < (options.itemsPerFeed ?? 1); k++) publish(f);
  let base = '';

  const feedBody = (f: number): { type: string; body: string } => {
    const kind = kinds[f]!;
    const items = store[f]!;
    const link = (it: FixtureItem) => `${base}/page/${f}/${encodeURIComponent(it.id)}`;
    if (kind === 'json') {
      return {
        type: 'application/feed+json',
        body: JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1', title: `Fixture feed ${f}`,
          items: items.map((it) => ({ id: it.id, url: link(it), title: it.title, content_text: it.body, date_published: `${it.date}T08:00:00Z` })),
        }),
      };
    }
    if (kind === 'atom') {
      return {
        type: 'application/atom+xml',
        body: `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Fixture feed ${f}</title>\n` +
          items.map((it) => `<entry><id>${esc(it.id)}</id><title>${esc(it.title)}</title><link href="${esc(link(it))}"/>` +
            `<updated>${it.date}T08:00:00Z</updated><content type="text">${esc(it.body)}</content></entry>\n`).join('') + '</feed>\n',
      };
    }
    const summary = kind === 'summary';
    return {
      type: 'application/rss+xml',
      body: `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Fixture feed ${f}</title>\n` +
        items.map((it) => `<item><guid>${esc(it.id)}</guid><title>${esc(it.title)}</title><link>${esc(link(it))}</link>` +
          `<pubDate>${new Date(`${it.date}T08:00:00Z`).toUTCString()}</pubDate>` +
          `<description>${esc(summary ? it.body.slice(0, 60) + '...' : it.body)}</description></item>\n`).join('') + '</channel></rss>\n',
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const page = /^\/page\/(\d+)\/(.+)$/.exec(url.pathname);
    if (page) {
      stats.pages++;
      const it = store[Number(page[1])]?.find((x) => x.id === decodeURIComponent(page[2]!));
      if (!it) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>${esc(it.title)}</title><meta property="article:published_time" content="${it.date}"></head><body>` +
        `<nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${esc(it.title)}</h1>` +
        `<p>${esc(it.body)}</p><p>Local officials said security forces had been deployed to the area after the attack, ` +
        `and that the wounded were taken to the main hospital. Humanitarian groups called for the protection of civilians ` +
        `and for an inquiry into the killings, the third such attack in the region this year.</p></article>` +
        `<footer>Copyright fixture</footer></body></html>`);
      return;
    }
    const m = /^\/(feed|moved|target)\/(\d+)$/.exec(url.pathname);
    const f = m ? Number(m[2]) : -1;
    if (f < 0 || f >= kinds.length) {
      res.writeHead(404).end();
      return;
    }
    const kind = kinds[f]!;
    if (m![1] === 'feed') {
      stats.requests.set(f, (stats.requests.get(f) ?? 0) + 1);
      (stats.lastRequest.get(f) ?? stats.lastRequest.set(f, []).get(f)!).push(Date.now());
    }
    if (kind === 'redirect' && m![1] !== 'target') {
      res.writeHead(302, { location: m![1] === 'feed' ? `/moved/${f}` : `${base}/target/${f}` }).end();
      return;
    }
    if (kind === 'slow') await new Promise((r) => setTimeout(r, options.slowMs ?? 3000));
    if (kind === 'ratelimited') {
      res.writeHead(429, { 'retry-after': '3600' }).end('slow down');
      return;
    }
    if (kind === 'broken') {
      const n = stats.requests.get(f) ?? 0;
      if (n % 3 === 0) res.writeHead(500).end('internal error');
      else if (n % 3 === 1) res.writeHead(200, { 'content-type': 'application/rss+xml' }).end('<rss><channel><item><title>cut');
      else res.writeHead(200, { 'content-type': 'image/png' }).end('not a feed');
      return;
    }
    const etag = `"${f}-${versions[f]}"`;
    if (req.headers['if-none-match'] === etag) {
      stats.notModified++;
      res.writeHead(304, { etag }).end();
      return;
    }
    const { type, body } = feedBody(f);
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8`, etag, 'last-modified': new Date(changed[f]!).toUTCString() });
    res.end(body);
  };

  // Slow feeds live on a host of their own (another port), as a slow site would.
  const servers: Server[] = [];
  for (let k = 0; k < 2; k++) {
    const server = createServer((req, res) => {
      handle(req, res).catch(() => res.destroy());
    });
    server.keepAliveTimeout = 1000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    servers.push(server);
  }
  base = `http://127.0.0.1:${(servers[0]!.address() as AddressInfo).port}`;
  const slowBase = `http://127.0.0.1:${(servers[1]!.address() as AddressInfo).port}`;
  return {
    base,
    urls: kinds.map((k, f) => `${k === 'slow' ? slowBase : base}/feed/${f}`),
    kinds,
    publish,
    items: (f) => store[f]!,
    stats,
    close: () => Promise.all(servers.map((server) => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }))).then(() => undefined),
  };
}
