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

// Items like a wire's conflict news: many places in many countries, days spread over two years,
// several kinds of event, and a body of one to a dozen sentences (about 300 to 2,000 characters),
// so that batches touch few of the same (country, days) blocks and texts are not near-copies.
const PLACES = [
  ['Maiduguri', 'Borno State, Nigeria'], ['Kano', 'Nigeria'], ['Zamfara', 'Nigeria'], ['Jos', 'Plateau State, Nigeria'],
  ['Garissa', 'Kenya'], ['Mandera', 'Kenya'], ['Lamu', 'Kenya'], ['Nairobi', 'Kenya'],
  ['Idlib', 'Syria'], ['Aleppo', 'Syria'], ['Deir ez-Zor', 'Syria'], ['Homs', 'Syria'], ['Daraa', 'Syria'],
  ['Mogadishu', 'Somalia'], ['Kismayo', 'Somalia'], ['Baidoa', 'Somalia'], ['Beledweyne', 'Somalia'],
  ['Kidal', 'Mali'], ['Mopti', 'Mali'], ['Gao', 'Mali'], ['Timbuktu', 'Mali'],
  ['Goma', 'North Kivu, Democratic Republic of Congo'], ['Beni', 'North Kivu, Democratic Republic of Congo'], ['Bunia', 'Ituri, Democratic Republic of Congo'], ['Bukavu', 'South Kivu, Democratic Republic of Congo'],
  ['Kandahar', 'Afghanistan'], ['Herat', 'Afghanistan'], ['Jalalabad', 'Afghanistan'], ['Kunduz', 'Afghanistan'],
  ['Ouagadougou', 'Burkina Faso'], ['Djibo', 'Burkina Faso'], ['Fada NGourma', 'Burkina Faso'],
  ['Mosul', 'Iraq'], ['Kirkuk', 'Iraq'], ['Ramadi', 'Iraq'], ['Basra', 'Iraq'],
  ['Sanaa', 'Yemen'], ['Aden', 'Yemen'], ['Taiz', 'Yemen'], ['Marib', 'Yemen'],
  ['Khartoum', 'Sudan'], ['El Fasher', 'North Darfur, Sudan'], ['Nyala', 'South Darfur, Sudan'], ['Kassala', 'Sudan'],
  ['Juba', 'South Sudan'], ['Bor', 'Jonglei, South Sudan'], ['Malakal', 'South Sudan'],
  ['Tripoli', 'Libya'], ['Benghazi', 'Libya'], ['Sirte', 'Libya'],
  ['Peshawar', 'Pakistan'], ['Quetta', 'Pakistan'], ['Karachi', 'Pakistan'],
  ['Sylhet', 'Bangladesh'], ['Dhaka', 'Bangladesh'], ['Chittagong', 'Bangladesh'],
  ['Bamenda', 'Cameroon'], ['Maroua', 'Cameroon'], ['Niamey', 'Niger'], ['Diffa', 'Niger'], ['Tillaberi', 'Niger'],
  ['Port-au-Prince', 'Haiti'], ['Kharkiv', 'Ukraine'], ['Kherson', 'Ukraine'], ['Donetsk', 'Ukraine'],
  ['Culiacan', 'Sinaloa, Mexico'], ['Medellin', 'Colombia'], ['Cali', 'Colombia'], ['Cotabato', 'Philippines'],
  ['Bangui', 'Central African Republic'], ['Bambari', 'Central African Republic'], ['Pemba', 'Cabo Delgado, Mozambique'], ['Mocimboa da Praia', 'Mozambique'],
  ['Mekelle', 'Tigray, Ethiopia'], ['Gondar', 'Amhara, Ethiopia'], ['Lashio', 'Shan State, Myanmar'], ['Sittwe', 'Rakhine, Myanmar'],
] as const;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', '14', '17', '23', '31'];
const LEADS: ((p: string, r: string, d: string, k: string) => [string, string])[] = [
  (p, r, d, k) => [`Attack in ${p}`, `Gunmen killed ${k} civilians in ${p}, ${r}, on ${d}, police said.`],
  (p, r, d, k) => [`Clashes near ${p}`, `Soldiers clashed with rebels near ${p}, ${r}, on ${d}, leaving ${k} fighters dead, the army said.`],
  (p, r, d, k) => [`Blast in ${p}`, `A bomb exploded at a market in ${p}, ${r}, on ${d}, killing ${k} people, officials said.`],
  (p, r, d, k) => [`Protest in ${p}`, `Thousands of people protested in ${p}, ${r}, on ${d} against rising fuel prices; police fired tear gas and arrested ${k} demonstrators.`],
  (p, r, d, k) => [`Abductions in ${p}`, `Armed men abducted ${k} villagers from a farm near ${p}, ${r}, on ${d}, residents said.`],
  (p, r, d, k) => [`Airstrike on ${p}`, `An airstrike hit a village near ${p}, ${r}, on ${d}, killing ${k} people, according to a local monitor.`],
];
const GROUPS = ['the Red Cross', 'Doctors Without Borders', 'the United Nations', 'a local rights group', 'the governor', 'a hospital director', 'a community leader', 'the interior ministry'];
const MORE: ((p: string, r: string, g: string, a: number, b: number) => string)[] = [
  (p, r, g, a) => `${g[0]!.toUpperCase()}${g.slice(1)} said about ${a * 40} families had fled ${p} since the start of the month.`,
  (p, r, g, a, b) => `Witnesses said the attackers arrived on ${a + 3} motorcycles at dawn and left after ${b + 1} hours.`,
  (p, r, g, a) => `It was the ${['second', 'third', 'fourth', 'fifth', 'sixth'][a % 5]} such incident in ${r} this year, ${g} said.`,
  (p, r, g, a, b) => `Roads between ${p} and nearby towns were closed for ${b + 2} days while troops searched the area.`,
  (p, r, g, a) => `Schools in the district stayed shut, and ${a * 12} teachers asked to be moved to safer posts.`,
  (p, r, g, a, b) => `${g[0]!.toUpperCase()}${g.slice(1)} called for an inquiry and for the protection of civilians, adding that ${b + 5} wounded were in hospital.`,
  (p, r, g, a) => `Traders said prices of maize and cooking oil had risen by ${a * 7} percent since the violence began.`,
  (p, r, g, a, b) => `A spokesman for the regional government told reporters that ${a + b} suspects had been detained for questioning.`,
  (p, r, g, a) => `Mobile networks in ${p} were cut for much of the day, residents reached by telephone said, and ${a} checkpoints went up on the main road.`,
  (p, r, g, a, b) => `Analysts say the armed groups active in ${r} have grown stronger in the past ${b + 2} years, recruiting among unemployed young men.`,
  (p, r, g, a) => `Aid convoys carrying food for ${a * 1000} people were delayed, ${g} said in a statement.`,
  (p, r, g, a, b) => `The local council said ${b + 1} houses and a health centre were burned during the night.`,
];

/** A deterministic pseudo-random sequence from n. */
function rng(n: number): () => number {
  let s = (n * 0x9e3779b1) >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

/** A conflict report, different for every n (place, kind, day, toll, length); one event at least. */
export function reportText(n: number): { title: string; body: string; date: string } {
  const r = rng(n + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const [place, region] = pick(PLACES);
  const day = pick(WEEKDAYS);
  const lead = pick(LEADS);
  const [title, first] = lead(place, region, day, pick(NUMBERS));
  const sentences = [first];
  const extra = 1 + Math.floor(r() * r() * 16); // mostly short, some long
  for (let i = 0; i < extra; i++) sentences.push(pick(MORE)(place, region, pick(GROUPS), 1 + Math.floor(r() * 30), Math.floor(r() * 9)));
  sentences.push(`Report number ${n} of the fixture.`);
  const date = new Date(Date.UTC(2023, 0, 1) + Math.floor(r() * 730) * 86_400_000).toISOString().slice(0, 10);
  return { title: `${title} (report ${n})`, body: sentences.join(' '), date };
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
    server.keepAliveTimeout = 5000; // as Node and many servers (a hint of 1 s would forbid reuse)
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
