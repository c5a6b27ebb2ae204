// Reads that stay fast at a million events (issue 18), on the schema of scale-schema.ts:
// text prefilters from the trigram indexes, country filters resolved to the exact (country, iso3)
// pairs stored (so the (country, iso3, event_date) index serves them in page order), and stats from
// the count tables kept on write.
import { sql, type ExpressionBuilder, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Engine } from './migrations.js';
import { ACTOR_TEXT_COLUMNS, actorArray, concatText, Q_TEXT_COLUMNS } from './scale-schema.js';
import type { Database } from './schema.js';
import type { CountRow, EventFilters, Stats } from './types.js';

/** Filters with the country names/codes resolved to the (country, iso3) pairs that exist. */
export interface ResolvedFilters extends EventFilters {
  countryPairs?: [string, string][];
  /**
   * PostgreSQL: the box holds few of the newest events, so its matches are found from the coordinates'
   * index and sorted, never by reading the date index until a page is full (the planner, estimating
   * latitude and longitude as independent, expects matches everywhere).
   */
  sparse?: boolean;
  /** Whether a stored (country, iso3) pair is made of one pair's name and another's code (then the filter checks each row's pair). */
  crossPairs?: boolean;
  /** Whether to narrow `q` / `actor` by the trigram index (else the date or filter index is read in page order). */
  textIndex?: { q: boolean; actor: boolean };
  /** SQLite: for each text searched through the index, the few rarest of its trigrams to look up. */
  ftsTerms?: Record<string, string[]>;
}

/** Newest events sampled to tell a common search text from a rare one (SQLite). */
const SAMPLE = 400;
/** Share of the sample from which a text counts as common: reading in date order finds a page soon. */
const COMMON = 0.01;

/**
 * SQLite: whether the trigram index should narrow a text search. A rare text is found fastest from
 * the index; a common one (in 1% or more of the newest events) costs the index a long posting-list
 * walk, while reading events in page order meets a page of matches within a few thousand rows.
 * PostgreSQL's planner makes this choice itself from its statistics.
 */
async function textIsRare(db: Kysely<Database>, columns: readonly string[], text: string): Promise<boolean> {
  if (!indexableText(text)) return false;
  let known = rarity.get(db);
  if (!known) rarity.set(db, (known = new Map()));
  const key = `${columns.join(',')}\u0000${text}`;
  const now = Date.now();
  const hit = known.get(key);
  if (hit && now - hit.at < FREQUENCY_TTL_MS) return hit.rare;
  const pattern = `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  const any = sql.join(columns.map((c) => sql`${sql.ref(`s.${c}`)} like ${pattern} escape '\\'`), sql` or `);
  const { rows } = await sql<{ n: number }>`select count(*) as n from (select ${sql.join(columns.map((c) => sql.ref(`events.${c}`)))} from events order by event_date desc, event_id limit ${SAMPLE}) s where ${any}`.execute(db);
  const rare = Number(rows[0]?.n ?? 0) < SAMPLE * COMMON;
  if (known.size > 10_000) known.clear();
  known.set(key, { rare, at: now });
  return rare;
}

/** Whether under 1% of the newest events lie in the box (remembered as texts are). */
async function boxIsRare(db: Kysely<Database>, bbox: [number, number, number, number]): Promise<boolean> {
  let known = rarity.get(db);
  if (!known) rarity.set(db, (known = new Map()));
  const key = `bbox\u0000${bbox.join(',')}`;
  const now = Date.now();
  const hit = known.get(key);
  if (hit && now - hit.at < FREQUENCY_TTL_MS) return hit.rare;
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const lon = minLon <= maxLon ? sql`s.longitude >= ${minLon} and s.longitude <= ${maxLon}` : sql`(s.longitude >= ${minLon} or s.longitude <= ${maxLon})`;
  const { rows } = await sql<{ n: number }>`select count(*) as n from (select latitude, longitude from events order by event_date desc, event_id limit ${SAMPLE}) s where s.latitude >= ${minLat} and s.latitude <= ${maxLat} and ${lon}`.execute(db);
  const rare = Number(rows[0]?.n ?? 0) < SAMPLE * COMMON;
  if (known.size > 10_000) known.clear();
  known.set(key, { rare, at: now });
  return rare;
}

/**
 * Whether a text was found rare in the newest events, remembered as long as trigram frequencies
 * (FREQUENCY_TTL_MS): reading the sample costs a few milliseconds at every search otherwise, and the
 * answer only steers speed, never what is found.
 */
const rarity = new WeakMap<Kysely<Database>, Map<string, { rare: boolean; at: number }>>();

/** The stored (country, iso3) pairs a country filter means (case-insensitive name, or ISO3 code), and how to search text. */
export async function resolveFilters(db: Kysely<Database>, engine: Engine, filters: EventFilters, options: { everyMatch?: boolean } = {}): Promise<ResolvedFilters> {
  const out: ResolvedFilters = { ...filters };
  if (filters.q || filters.actor) {
    // Every match wanted (stats, counts): narrow by the index whether the text is rare or not.
    out.textIndex = engine === 'postgres' || options.everyMatch
      ? { q: true, actor: true }
      : {
          q: !!filters.q && await textIsRare(db, Q_TEXT_COLUMNS, filters.q),
          actor: !!filters.actor && await textIsRare(db, ACTOR_TEXT_COLUMNS, filters.actor),
        };
  }
  if (engine === 'sqlite' && out.textIndex) {
    const texts = [
      ...(out.textIndex.q && filters.q ? [filters.q] : []),
      ...(out.textIndex.actor && filters.actor ? [filters.actor, ...(filters.actorNames ?? [])] : []),
    ];
    out.ftsTerms = {};
    for (const t of texts) out.ftsTerms[t] = await rarestTrigrams(db, t);
  }
  if (filters.bbox && engine === 'postgres' && !options.everyMatch) out.sparse = await boxIsRare(db, filters.bbox);
  if (!filters.countries?.length) return out;
  const names = filters.countries.map((c) => c.toLowerCase());
  const codes = filters.countries.map((c) => c.toUpperCase());
  const rows = await db
    .selectFrom('event_counts_by_country')
    .select(['country', 'iso3'])
    .distinct()
    .where((eb) => eb.or([eb(eb.fn('lower', ['country']), 'in', names), eb('iso3', 'in', codes)]))
    .execute();
  out.countryPairs = rows.map((r) => [r.country, r.iso3]);
  // A cross pair (a name of one pair with the code of another) is stored only rarely: without one,
  // the IN lists alone are exact, and the planner estimates them far better than with the guard.
  if (out.countryPairs.length > 1) {
    const known = new Set(out.countryPairs.map(([c, i]) => `${c}\u0000${i}`));
    const cross = await db
      .selectFrom('event_counts_by_country')
      .select(['country', 'iso3'])
      .distinct()
      .where('country', 'in', [...new Set(out.countryPairs.map((p) => p[0]))])
      .where('iso3', 'in', [...new Set(out.countryPairs.map((p) => p[1]))])
      .execute();
    out.crossPairs = cross.some((r) => !known.has(`${r.country}\u0000${r.iso3}`));
  }
  return out;
}

/**
 * Rows (of `events` or a count table) of the resolved country pairs, none when no pair exists. The
 * IN lists on both columns let the (country, iso3, event_date) index serve the filter; the original
 * condition beside them removes a cross pair (a name matched with another pair's code).
 */
export function countryExpression(eb: ExpressionBuilder<any, any>, f: ResolvedFilters, table: string): Expression<SqlBool> {
  const pairs = f.countryPairs ?? [];
  if (pairs.length === 0) return sql<SqlBool>`1 = 0`;
  const countries = [...new Set(pairs.map((p) => p[0]))];
  const codes = [...new Set(pairs.map((p) => p[1]))];
  const given = f.countries ?? [];
  if (!f.crossPairs) return eb.and([eb(sql.ref(`${table}.country`), 'in', countries), eb(sql.ref(`${table}.iso3`), 'in', codes)]);
  return eb.and([
    eb(sql.ref(`${table}.country`), 'in', countries),
    eb(sql.ref(`${table}.iso3`), 'in', codes),
    eb.or([
      eb(eb.fn('lower', [sql.ref(`${table}.country`)]), 'in', given.map((c) => c.toLowerCase())),
      eb(sql.ref(`${table}.iso3`), 'in', given.map((c) => c.toUpperCase())),
    ]),
  ]);
}

/** Trigrams of a text looked up by one search: the rarest few narrow it as much as all of them would. */
const MAX_TERMS = 3;
/** Trigrams whose frequency one search may look up (the others of a long text are not considered). */
const MAX_LOOKUPS = 12;
/** How long a trigram's frequency is trusted: it only steers speed, never what is found. */
const FREQUENCY_TTL_MS = 10 * 60_000;
const frequencies = new WeakMap<Kysely<Database>, Map<string, { n: number; at: number }>>();

/**
 * SQLite: the (at most 3) rarest trigrams of `text`, by the number of events whose text holds them
 * (the FTS5 vocabulary, remembered for a while). An FTS5 phrase of a long text reads the posting list
 * of every trigram in it, common ones ("the", "ce ") included, hundreds of thousands of entries at a
 * million events; the AND of the rarest few finds nearly the same events from short lists, and the
 * exact LIKE beside it decides. Empty when the text is short enough to be searched as one phrase.
 */
export async function rarestTrigrams(db: Kysely<Database>, text: string): Promise<string[]> {
  const chars = [...text.toLowerCase()];
  const all = [...new Set(chars.slice(0, -2).map((_, i) => chars.slice(i, i + 3).join('')))];
  if (all.length <= MAX_TERMS) return [];
  let known = frequencies.get(db);
  if (!known) {
    known = new Map();
    frequencies.set(db, known);
    await sql`create virtual table if not exists temp.sitrep_fts_vocab using fts5vocab(main, 'events_fts', 'row')`.execute(db);
  }
  const now = Date.now();
  const fresh = (t: string) => { const k = known!.get(t); return k !== undefined && now - k.at < FREQUENCY_TTL_MS; };
  // A long text: trigrams spread along it.
  const step = Math.max(1, all.length / MAX_LOOKUPS);
  const candidates = all.length <= MAX_LOOKUPS ? all : Array.from({ length: MAX_LOOKUPS }, (_, i) => all[Math.floor(i * step)]!);
  const missing = candidates.filter((t) => !fresh(t));
  if (missing.length) {
    const { rows } = await sql<{ term: string; doc: number }>`select term, doc from temp.sitrep_fts_vocab where term in (${sql.join(missing)})`.execute(db);
    const found = new Map(rows.map((r) => [r.term, Number(r.doc)]));
    if (known.size > 50_000) known.clear();
    for (const t of missing) known.set(t, { n: found.get(t) ?? 0, at: now });
  }
  // Rarest first, each from characters no chosen one covers: trigrams that overlap ("eny", "nya" of
  // "Kenya") hold nearly the same events, so their AND narrows little; ones from apart ("eny" of
  // "Kenya", "oli" of "Police") narrow by both. Overlapping ones fill up when too few are apart.
  const position = new Map<string, number>();
  chars.slice(0, -2).forEach((_, i) => { const t = chars.slice(i, i + 3).join(''); if (!position.has(t)) position.set(t, i); });
  const ranked = candidates.map((t) => ({ t, n: known!.get(t)!.n, at: position.get(t)! })).sort((a, b) => a.n - b.n);
  const chosen: typeof ranked = [];
  for (const c of ranked) {
    if (chosen.length < MAX_TERMS && chosen.every((x) => Math.abs(x.at - c.at) >= 3)) chosen.push(c);
  }
  for (const c of ranked) if (chosen.length < MAX_TERMS && !chosen.includes(c)) chosen.push(c);
  return chosen.map((x) => x.t);
}

/** FTS5 trigram phrase: the text as one quoted string ("" inside doubles a quote). */
function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Trigram indexes need 3 characters; shorter texts are searched by scanning. */
export function indexableText(text: string): boolean {
  return [...text].length >= 3;
}

/**
 * A prefilter from the trigram index: every event whose text (q: notes, actors, places; actor: the
 * four actor columns) contains `text` passes, a few more may (case folding, text spanning two
 * fields); the exact LIKE applied beside it decides. Undefined when the index cannot help.
 * PostgreSQL `actor`: the events holding a matching name (actor_names), exact per column.
 */
export function textPrefilter(engine: Engine, kind: 'q' | 'actor', text: string, terms: string[] = []): Expression<SqlBool> | undefined {
  if (!indexableText(text)) return undefined;
  if (engine === 'sqlite') {
    const column = kind === 'q' ? 'body' : 'actors';
    const match = terms.length ? `${column} : (${terms.map(ftsPhrase).join(' AND ')})` : `${column} : ${ftsPhrase(text)}`;
    // The text's LIKE on the indexed text (one row read by its key) drops the index's near misses
    // before their events are read; the LIKE on the event's own fields still decides.
    const pattern = `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
    return sql<SqlBool>`events.event_id in (select t.event_id from events_text t where t.seq in (select rowid from events_fts where events_fts match ${match}) and ${sql.ref(`t.${column}`)} like ${pattern} escape '\\')`;
  }
  const pattern = `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  if (kind === 'actor') {
    // The matching names first (a small table), then the events holding one of them in an actor
    // column, from the array index (migration 70): never the posting list of every trigram of a long text.
    return sql<SqlBool>`${sql.raw(actorArray('events.'))} && (select coalesce(array_agg(n.name), '{}'::text[]) from actor_names n where n.name ilike ${pattern} escape '\\')`;
  }
  const expr = concatText(Q_TEXT_COLUMNS, 'events.');
  return sql<SqlBool>`(${sql.raw(expr)}) ilike ${pattern} escape '\\'`;
}

const numbers = <T extends { count: unknown; fatalities: unknown }>(r: T) => ({ ...r, count: Number(r.count), fatalities: Number(r.fatalities) });

/** Whether the count tables can answer stats under these filters (dates, countries, event types only). */
export function statsFromCounts(f: EventFilters): boolean {
  return !f.q && !f.actor && !f.bbox && !f.subEventTypes?.length && !f.admin1?.length && !f.reviewStatus?.length;
}

/**
 * A value that changes whenever the stored events or documents may have changed, from any
 * connection or process: SQLite's data_version (commits by other connections) with this
 * connection's total_changes(); PostgreSQL's counter bumped by a statement trigger on every write of
 * events or documents (migration 42). Read before the data it guards, so a value cached under it is
 * never older than the data it names.
 */
export async function changeVersion(db: Kysely<Database>, engine: Engine): Promise<string> {
  if (engine === 'sqlite') {
    const { rows } = await sql<{ c: number; v: number }>`select total_changes() as c, (select data_version from pragma_data_version) as v`.execute(db);
    return `${rows[0]?.v}:${rows[0]?.c}`;
  }
  return String(await countRows(db, 'version'));
}

/**
 * /api/stats from the count tables: by day and type (no country filter), by country and type (no
 * date filter), else the day x country x type cube narrowed by its indexes.
 */
export async function countStats(db: Kysely<Database>, f: ResolvedFilters): Promise<Stats> {
  const documents = countRows(db, 'documents').then((n) => ({ n }));
  const byCountry = !!f.countryPairs;
  const byDates = !!(f.from || f.to);
  if (!byCountry && !byDates) return typeStats(db, f, documents);
  const sum = (eb: ExpressionBuilder<any, any>) => [
    eb.fn.coalesce(eb.fn.sum('count'), sql.lit(0)).as('count'),
    eb.fn.coalesce(eb.fn.sum('fatalities'), sql.lit(0)).as('fatalities'),
  ] as const;
  const where = <QB extends { where: (...a: any[]) => QB }>(q: QB, dates: boolean, countries: boolean): QB => {
    let out = q;
    if (dates && f.from) out = out.where('event_date', '>=', f.from);
    if (dates && f.to) out = out.where('event_date', '<=', f.to);
    if (f.eventTypes?.length) out = out.where('event_type', 'in', f.eventTypes);
    if (countries && f.countryPairs) out = out.where((eb: ExpressionBuilder<any, any>) => countryExpression(eb, f, 'event_counts_cube'));
    return out;
  };
  // by day (and the total, and by type): the cube when a country filter applies, else by day.
  const daySource = byCountry ? 'event_counts_cube' as const : 'event_counts_by_day' as const;
  const dayQ = () => where(db.selectFrom(daySource as 'event_counts_cube'), true, byCountry);
  const countryQ = () => byDates || byCountry
    ? where(db.selectFrom('event_counts_cube'), true, byCountry)
    : where(db.selectFrom('event_counts_by_country' as 'event_counts_cube'), false, false);
  const [total, byDate, byType, byCountryRows, docs] = await Promise.all([
    dayQ().select((eb) => sum(eb)).executeTakeFirst(),
    dayQ().select('event_date as date').select((eb) => sum(eb)).groupBy('event_date').orderBy('event_date').execute(),
    dayQ().select('event_type').select((eb) => sum(eb)).groupBy('event_type').orderBy('count', 'desc').orderBy('event_type').execute(),
    countryQ().select(['country', 'iso3']).select((eb) => sum(eb)).groupBy(['country', 'iso3']).orderBy('count', 'desc').orderBy('country').execute(),
    documents,
  ]);
  const nonEmpty = (r: CountRow) => r.count > 0;
  return {
    total: { count: Number(total?.count ?? 0), fatalities: Number(total?.fatalities ?? 0) },
    documents: Number(docs?.n ?? 0),
    by_date: byDate.map(numbers).filter(nonEmpty),
    by_event_type: byType.map(numbers).filter(nonEmpty),
    by_country: byCountryRows.map(numbers).filter(nonEmpty),
  };
}

/**
 * Stats with no date or country filter: the total, by type and by country from the by-country table
 * (a few hundred rows), only the days from the by-day table.
 */
async function typeStats(db: Kysely<Database>, f: ResolvedFilters, documents: Promise<{ n: unknown } | undefined>): Promise<Stats> {
  const sum = (eb: ExpressionBuilder<any, any>) => [
    eb.fn.coalesce(eb.fn.sum('count'), sql.lit(0)).as('count'),
    eb.fn.coalesce(eb.fn.sum('fatalities'), sql.lit(0)).as('fatalities'),
  ] as const;
  const types = <QB extends { where: (...a: any[]) => QB }>(q: QB): QB => (f.eventTypes?.length ? q.where('event_type', 'in', f.eventTypes) : q);
  const [byCountryRows, byDate, docs] = await Promise.all([
    types(db.selectFrom('event_counts_by_country')).select(['country', 'iso3', 'event_type', 'count', 'fatalities']).execute(),
    types(db.selectFrom('event_counts_by_day')).select('event_date as date').select((eb) => sum(eb)).groupBy('event_date').orderBy('event_date').execute(),
    documents,
  ]);
  const total = { count: 0, fatalities: 0 };
  const byType = new Map<string, CountRow & { event_type: string }>();
  const byCountry = new Map<string, CountRow & { country: string; iso3: string }>();
  for (const r of byCountryRows) {
    const count = Number(r.count);
    const fatalities = Number(r.fatalities);
    total.count += count;
    total.fatalities += fatalities;
    const t = byType.get(r.event_type) ?? byType.set(r.event_type, { event_type: r.event_type, count: 0, fatalities: 0 }).get(r.event_type)!;
    t.count += count;
    t.fatalities += fatalities;
    const key = `${r.country}\u0000${r.iso3}`;
    const c = byCountry.get(key) ?? byCountry.set(key, { country: r.country, iso3: r.iso3, count: 0, fatalities: 0 }).get(key)!;
    c.count += count;
    c.fatalities += fatalities;
  }
  // The order SQL gives the other paths: count descending, then the name (byte order, as SQLite's and C collation's).
  const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const nonEmpty = (r: CountRow) => r.count > 0;
  return {
    total,
    documents: Number(docs?.n ?? 0),
    by_date: byDate.map(numbers).filter(nonEmpty),
    by_event_type: [...byType.values()].filter(nonEmpty).sort((a, b) => b.count - a.count || byName(a.event_type, b.event_type)),
    by_country: [...byCountry.values()].filter(nonEmpty).sort((a, b) => b.count - a.count || byName(a.country, b.country)),
  };
}

/** Number of stored events (no filter) or documents, from the counts kept on write. */
export async function storedCount(db: Kysely<Database>, name: 'events' | 'documents'): Promise<number> {
  return countRows(db, name);
}

/** The sum of a name's rows of store_counts (PostgreSQL keeps a row per write since migration 72; SQLite one). */
async function countRows(db: Kysely<Database>, name: 'events' | 'documents' | 'version'): Promise<number> {
  const row = await db.selectFrom('store_counts').select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('n'), sql.lit(0)).as('n'))
    .where('name', '=', name).executeTakeFirst();
  return Number(row?.n ?? 0);
}
