// Ingest throughput with merging: the Guardian articles of ../shared/eval-data/guardian-sdf
// replicated to --docs documents (default 20,000; each replica's publication date moved by whole
// weeks so its events fall on other days, and copy detection off so that every replica is extracted
// and merged), stored into a store that already holds --stored events (default "2000,20000,200000":
// one run each, spread over ten years of days and several countries, as a store grows). Reports
// documents/s of the timed ingest, in process (no start-up), and documents per CPU-second of this
// process (less sensitive to other jobs; SQLite runs in process, PostgreSQL's own CPU is not counted).
// Not a test: the machine is shared.
//   node scripts/bench-merge.mjs [--docs 20000] [--stored 2000,20000,200000] [--db postgres://...]
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const docs = Number(arg('--docs', '20000'));
const storedSizes = arg('--stored', '2000,20000,200000').split(',').map(Number);
const pgUrl = arg('--db', undefined);
const input = join(root, '..', 'shared', 'eval-data', 'guardian-sdf', 'Guardian_SDF_sample.csv');
if (!existsSync(join(root, 'dist', 'store', 'index.js'))) {
  console.error('bench-merge: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
if (!existsSync(input)) {
  console.log(`bench-merge: skipped: ${input} not found`);
  process.exit(0);
}
const { parse } = await import('csv-parse/sync');
const { openStore } = await import(join(root, 'dist', 'store', 'index.js'));
const { ingestDocuments } = await import(join(root, 'dist', 'store', 'ingest.js'));
const { createExtractor } = await import(join(root, 'dist', 'pipeline', 'index.js'));

const rows = parse(readFileSync(input), { columns: true, bom: true, relax_column_count: true });
const textOf = (r) => r.text ?? r.body ?? r.Text ?? Object.values(r).sort((a, b) => b.length - a.length)[0];
const dateOf = (r) => (r.date ?? r.webPublicationDate ?? '').slice(0, 10) || '2019-10-15';
const shift = (date, days) => new Date(Date.parse(date) + days * 86400000).toISOString().slice(0, 10);
function* articles(n) {
  for (let i = 0; i < n; i++) {
    const r = rows[i % rows.length];
    const copy = Math.floor(i / rows.length);
    yield { id: `bench-${i}`, text: textOf(r), date: shift(dateOf(r), copy * 7), source: `Outlet ${copy % 17}`, origin: { file: 'bench', line: i + 1 } };
  }
}

const COUNTRIES = [['Syria', 'SYR', 'Idlib', 35.9, 36.6], ['Iraq', 'IRQ', 'Nineveh', 36.3, 43.1], ['Yemen', 'YEM', 'Taizz', 13.6, 44.0], ['Nigeria', 'NGA', 'Borno', 11.8, 13.1], ['Mali', 'MLI', 'Mopti', 14.5, -4.2]];
function syntheticDocs(n) {
  const out = [];
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < n; i++) {
    const [country, iso3, admin1, lat, lon] = COUNTRIES[i % COUNTRIES.length];
    const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(rand() * 3650) * 86400000).toISOString().slice(0, 10);
    out.push({
      id: `old-${i}`, text: `stored ${i}`, date: day, source: 'Archive',
      events: [{
        event_id: `old-${i}#0`, doc_id: `old-${i}`, event_date: day, time_precision: 1, event_type: 'Battles', sub_event_type: 'Armed clash',
        actor1: `Group ${i % 97}`, assoc_actor_1: '', inter1: 2, actor2: '', assoc_actor_2: '', inter2: 0, interaction: 20, country, iso3, admin1,
        admin2: '', location: `Town ${i % 500}`, latitude: lat + rand(), longitude: lon + rand(), geo_precision: 1, fatalities: i % 7,
        notes: '', source: 'Archive', confidence: 0.5, claims: [], tactics: [], evidence: {},
      }],
    });
  }
  return out;
}

// Extraction is measured by `npm run bench`; here each article is extracted once and its events
// replayed for every replica (ids made unique, dates moved with the replica), so that the timed
// ingest measures the store and the merging. End-to-end documents/s follow from both rates.
const real = createExtractor();
const cache = new Map();
const te = performance.now();
for (let i = 0; i < rows.length; i++) {
  const a = articles(i + 1);
  let last;
  for (last of a);
  cache.set(i, real.extract(last).events);
}
const extractSecs = (performance.now() - te) / 1000;
const extractor = {
  extract(source) {
    const i = Number(source.id.slice(6));
    const copy = Math.floor(i / rows.length);
    const events = cache.get(i % rows.length).map((e) => ({
      ...e, event_id: `${e.event_id}-${copy}`, doc_id: source.id, event_date: shift(e.event_date, copy * 7),
    }));
    return { doc: null, events };
  },
};
console.log(`extraction (first pass, unwarmed): ${rows.length} articles in ${extractSecs.toFixed(1)} s; see npm run bench for the warmed rate`);

for (const stored of storedSizes) {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-merge-'));
  const schema = `bench_merge_${process.pid}_${stored}`;
  const store = pgUrl ? await openStore(pgUrl, { pgSchema: schema }) : await openStore(join(dir, 'bench.db'));
  try {
    const pre = syntheticDocs(stored);
    for (let i = 0; i < pre.length; i += 2000) await store.saveDocuments(pre.slice(i, i + 2000), { merge: false });
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = await ingestDocuments(store, extractor, articles(docs), { batchSize: 200, detectCopies: false });
    const secs = (performance.now() - t0) / 1000;
    const c1 = process.cpuUsage(c0);
    const cpu = (c1.user + c1.system) / 1e6;
    console.log(
      `${pgUrl ? 'postgres' : 'sqlite'}: ${stored} stored events; ${r.documents} documents in ${secs.toFixed(1)} s = ` +
        `${Math.round(r.documents / secs)} documents/s; this process's CPU ${cpu.toFixed(1)} s = ${Math.round(r.documents / cpu)} documents per CPU-second ` +
        `(${r.events} reports, ${r.merged} merged; ${await store.countEvents()} events now)`,
    );
  } finally {
    if (pgUrl) await store.db.schema.dropSchema(schema).ifExists().cascade().execute().catch(() => {});
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
