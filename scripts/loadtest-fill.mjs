// Fills a store with synthetic events fast (direct bulk inserts, no extraction) for `npm run loadtest`.
// Deterministic: the same --events and --seed give the same rows. Realistic shape: countries with
// skewed weights, places and actors per country, ten years of dates, notes that name them.
// Runs after the store's migrations, so the triggers keep the counts and the text index as ingest does.

const COUNTRIES = [
  ['Syria', 'SYR'], ['Ukraine', 'UKR'], ['Yemen', 'YEM'], ['Afghanistan', 'AFG'], ['Iraq', 'IRQ'], ['Nigeria', 'NGA'],
  ['Somalia', 'SOM'], ['Democratic Republic of Congo', 'COD'], ['Myanmar', 'MMR'], ['Mexico', 'MEX'], ['India', 'IND'],
  ['Pakistan', 'PAK'], ['Brazil', 'BRA'], ['Colombia', 'COL'], ['Sudan', 'SDN'], ['South Sudan', 'SSD'], ['Mali', 'MLI'],
  ['Burkina Faso', 'BFA'], ['Cameroon', 'CMR'], ['Ethiopia', 'ETH'], ['Kenya', 'KEN'], ['Bangladesh', 'BGD'],
  ['Philippines', 'PHL'], ['Libya', 'LBY'], ['Lebanon', 'LBN'], ['Palestine', 'PSE'], ['Israel', 'ISR'], ['Turkey', 'TUR'],
  ['Iran', 'IRN'], ['Egypt', 'EGY'], ['Niger', 'NER'], ['Chad', 'TCD'], ['Mozambique', 'MOZ'], ['Central African Republic', 'CAF'],
  ['Venezuela', 'VEN'], ['Haiti', 'HTI'], ['Peru', 'PER'], ['Chile', 'CHL'], ['South Africa', 'ZAF'], ['Zimbabwe', 'ZWE'],
  ['Uganda', 'UGA'], ['Burundi', 'BDI'], ['Algeria', 'DZA'], ['Tunisia', 'TUN'], ['Morocco', 'MAR'], ['Indonesia', 'IDN'],
  ['Thailand', 'THA'], ['Nepal', 'NPL'], ['Sri Lanka', 'LKA'], ['Georgia', 'GEO'],
];
const TYPES = [
  ['Battles', 'Armed clash', 0.25], ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 0.18],
  ['Violence against civilians', 'Attack', 0.17], ['Protests', 'Peaceful protest', 0.25], ['Riots', 'Violent demonstration', 0.1],
  ['Strategic developments', 'Looting/property destruction', 0.05],
];
const SYL = ['ka', 'bar', 'mi', 'lon', 'ta', 'ra', 'zu', 'del', 'shi', 'an', 'ko', 'vel', 'do', 'nar', 'qa', 'hel', 'su', 'mar', 'ib', 'or', 'tun', 'ga', 'les', 'fe'];

function prng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 4294967296;
  };
}

function word(rand, n) {
  let w = '';
  for (let i = 0; i < n; i++) w += SYL[Math.floor(rand() * SYL.length)];
  return w[0].toUpperCase() + w.slice(1);
}

/** Per country: admin1 regions, places (each in a region, with coordinates) and armed groups. */
function world(rand) {
  return COUNTRIES.map(([country, iso3], ci) => {
    const lat0 = -30 + ((ci * 37) % 70);
    const lon0 = -100 + ((ci * 53) % 200);
    const regions = Array.from({ length: 12 }, () => word(rand, 2));
    const places = Array.from({ length: 60 }, () => ({
      name: word(rand, 2 + Math.floor(rand() * 2)),
      admin1: regions[Math.floor(rand() * regions.length)],
      lat: lat0 + rand() * 6,
      lon: lon0 + rand() * 6,
    }));
    const groups = Array.from({ length: 6 }, () => `${word(rand, 2)} ${rand() < 0.5 ? 'Liberation Front' : 'Militia'}`);
    return { country, iso3, places, groups };
  });
}

/** Yields `count` synthetic events (plain objects with the events table's columns). */
export function* syntheticEvents(count, seed = 18) {
  const rand = prng(seed);
  const w = world(rand);
  // Zipf-like country weights: the first countries hold most events.
  const weights = w.map((_, i) => 1 / (i + 1) ** 0.9);
  const total = weights.reduce((a, b) => a + b, 0);
  const cum = [];
  weights.reduce((a, b, i) => (cum[i] = a + b / total), 0);
  const typeCum = [];
  TYPES.reduce((a, t, i) => (typeCum[i] = a + t[2]), 0);
  const start = Date.UTC(2015, 0, 1);
  const days = 3653;
  for (let i = 0; i < count; i++) {
    const r = rand();
    const c = w[Math.min(w.length - 1, cum.findIndex((x) => r <= x))] ?? w[0];
    const tr = rand();
    const [type, sub] = TYPES[Math.max(0, typeCum.findIndex((x) => tr <= x))];
    const place = c.places[Math.floor(rand() * c.places.length)];
    const date = new Date(start + Math.floor(rand() ** 0.7 * days) * 86400000).toISOString().slice(0, 10);
    const group = c.groups[Math.floor(rand() * c.groups.length)];
    let actor1;
    let actor2 = '';
    let inter1;
    let inter2 = 0;
    if (type === 'Protests') {
      actor1 = `Protesters (${c.country})`; inter1 = 6;
    } else if (type === 'Riots') {
      actor1 = `Rioters (${c.country})`; inter1 = 5; actor2 = `Police Forces of ${c.country} (2015-)`; inter2 = 1;
    } else if (type === 'Violence against civilians') {
      actor1 = group; inter1 = 2; actor2 = `Civilians (${c.country})`; inter2 = 7;
    } else {
      actor1 = `Military Forces of ${c.country} (2015-)`; inter1 = 1; actor2 = group; inter2 = 2;
    }
    const fatalities = type === 'Protests' ? 0 : Math.floor(-Math.log(1 - rand()) * 3);
    const notes = `On ${date}, ${actor1}${actor2 ? ` and ${actor2}` : ''} ${type === 'Protests' ? 'demonstrated' : 'were involved in ' + sub.toLowerCase()} in ${place.name} (${place.admin1}, ${c.country}). ${fatalities ? `${fatalities} fatalities reported.` : 'No fatalities reported.'}`;
    yield {
      event_id: `SYN${String(i).padStart(8, '0')}`,
      doc_id: `syn-doc-${Math.floor(i / 2)}`,
      event_date: date,
      year: Number(date.slice(0, 4)),
      time_precision: 1,
      event_type: type,
      sub_event_type: sub,
      actor1,
      assoc_actor_1: '',
      inter1,
      actor2,
      assoc_actor_2: '',
      inter2,
      interaction: inter1 * 10 + inter2,
      country: c.country,
      iso3: c.iso3,
      admin1: place.admin1,
      admin2: '',
      location: place.name,
      latitude: Math.round(place.lat * 1e4) / 1e4,
      longitude: Math.round(place.lon * 1e4) / 1e4,
      geo_precision: 1,
      fatalities,
      notes,
      source: 'Synthetic Wire',
      confidence: 0.9,
      tactics: '[]',
      updated_at: 1700000000,
    };
  }
}

export const EVENT_COLUMNS = [
  'event_id', 'doc_id', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type', 'actor1', 'assoc_actor_1',
  'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'country', 'iso3', 'admin1', 'admin2', 'location',
  'latitude', 'longitude', 'geo_precision', 'fatalities', 'notes', 'source', 'confidence', 'tactics', 'updated_at',
];

/**
 * Bulk fill of a migrated SQLite file: one transaction per 50,000 events, with the triggers set
 * aside and what they maintain (counts, searched text and its FTS5 index) rebuilt in bulk after.
 */
export async function fillSqlite(path, count, onProgress) {
  const BetterSqlite = (await import('better-sqlite3')).default;
  const { fillCounts, FILL_EVENTS_TEXT } = await import('../dist/store/scale-schema.js');
  const db = new BetterSqlite(path);
  const triggers = db.prepare("select name, sql from sqlite_master where type = 'trigger'").all();
  for (const t of triggers) db.exec(`drop trigger "${t.name}"`);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -200000');
  const insEvent = db.prepare(`insert into events (${EVENT_COLUMNS.join(', ')}) values (${EVENT_COLUMNS.map((c) => '@' + c).join(', ')})`);
  const insDoc = db.prepare(`insert or ignore into documents (id, content_hash, text, body_start, date, title, source, ingested_at) values (?, ?, ?, 0, ?, ?, 'Synthetic Wire', 1700000000)`);
  const insLink = db.prepare('insert into event_documents (event_id, doc_id) values (?, ?)');
  const insEvidence = db.prepare(`insert into evidence (event_id, doc_id, field, ord, span_start, span_end, text) values (?, ?, 'event_date', 0, 3, 13, ?)`);
  const insClaim = db.prepare(`insert into claims (event_id, doc_id, ord, kind, value, evidence_start, evidence_end, evidence_text) values (?, ?, 0, 'killed', ?, 0, 2, ?)`);
  let batch = [];
  const flush = db.transaction((rows) => {
    for (const e of rows) {
      insDoc.run(e.doc_id, `h-${e.doc_id}`, e.notes, e.event_date, `Report ${e.doc_id}`);
      insEvent.run(e);
      insLink.run(e.event_id, e.doc_id);
      insEvidence.run(e.event_id, e.doc_id, e.event_date);
      insClaim.run(e.event_id, e.doc_id, e.fatalities, String(e.fatalities));
    }
  });
  let done = 0;
  for (const e of syntheticEvents(count)) {
    batch.push(e);
    if (batch.length === 50000) {
      flush(batch);
      done += batch.length;
      batch = [];
      onProgress?.(done);
    }
  }
  flush(batch);
  onProgress?.(count);
  db.transaction(() => {
    for (const t of ['event_counts_by_day', 'event_counts_by_country', 'event_counts_cube', 'store_counts', 'events_text']) db.exec(`delete from ${t}`);
    for (const s of fillCounts()) db.exec(s);
    db.exec(FILL_EVENTS_TEXT);
    db.exec("insert into events_fts (events_fts) values ('rebuild')");
    for (const t of triggers) db.exec(t.sql);
  })();
  db.exec('analyze');
  db.close();
}

/** Bulk fill of a migrated PostgreSQL schema: unnest() of 5,000 events per statement. */
export async function fillPostgres(url, schema, count, onProgress) {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await client.connect();
  // The trigram and actor-name indexes are built once at the end (much faster than row by row).
  const { rows: trgm } = await client.query(`select indexname, indexdef from pg_indexes where schemaname = $1 and (indexname like '%_trgm' or indexname = 'events_actor_names')`, [schema]);
  for (const i of trgm) await client.query(`drop index "${i.indexname}"`);
  try {
    const types = {
      year: 'int', time_precision: 'int', inter1: 'int', inter2: 'int', interaction: 'int', geo_precision: 'int', fatalities: 'int',
      latitude: 'float8', longitude: 'float8', confidence: 'float8', updated_at: 'int8',
    };
    const evSql = `insert into events (${EVENT_COLUMNS.join(', ')}) select * from unnest(${EVENT_COLUMNS.map((c, i) => `$${i + 1}::${types[c] ?? 'text'}[]`).join(', ')})`;
    const flush = async (rows) => {
      await client.query('begin');
      await client.query(evSql, EVENT_COLUMNS.map((c) => rows.map((e) => e[c])));
      const docs = rows.filter((e, i) => i === 0 || rows[i - 1].doc_id !== e.doc_id);
      await client.query(
        `insert into documents (id, content_hash, text, body_start, date, title, source, ingested_at)
         select d, 'h-' || d, t, 0, dt, 'Report ' || d, 'Synthetic Wire', 1700000000 from unnest($1::text[], $2::text[], $3::text[]) as x(d, t, dt)
         on conflict (id) do nothing`,
        [docs.map((e) => e.doc_id), docs.map((e) => e.notes), docs.map((e) => e.event_date)],
      );
      await client.query('insert into event_documents (event_id, doc_id) select * from unnest($1::text[], $2::text[])', [rows.map((e) => e.event_id), rows.map((e) => e.doc_id)]);
      await client.query(`insert into evidence (event_id, doc_id, field, ord, span_start, span_end, text) select e, d, 'event_date', 0, 3, 13, t from unnest($1::text[], $2::text[], $3::text[]) as x(e, d, t)`,
        [rows.map((e) => e.event_id), rows.map((e) => e.doc_id), rows.map((e) => e.event_date)]);
      await client.query(`insert into claims (event_id, doc_id, ord, kind, value, evidence_start, evidence_end, evidence_text) select e, d, 0, 'killed', v, 0, 2, v::text from unnest($1::text[], $2::text[], $3::int[]) as x(e, d, v)`,
        [rows.map((e) => e.event_id), rows.map((e) => e.doc_id), rows.map((e) => e.fatalities)]);
      await client.query('commit');
    };
    let batch = [];
    let done = 0;
    for (const e of syntheticEvents(count)) {
      batch.push(e);
      if (batch.length === 5000) {
        await flush(batch);
        done += batch.length;
        batch = [];
        if (done % 50000 === 0) onProgress?.(done);
      }
    }
    if (batch.length) await flush(batch);
    onProgress?.(count);
    await client.query(`set maintenance_work_mem = '512MB'`);
    for (const i of trgm) await client.query(i.indexdef);
    await client.query('analyze');
  } finally {
    await client.end();
  }
}
