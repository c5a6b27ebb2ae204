// Schema for a store that stays fast at a million events (issue 18), migration 20:
//  - indexes that serve every filter in the order pages are read (newest first): country (exact
//    country/iso3 pairs), event type, coordinates; the date index existed;
//  - text search for `q` and `actor` by trigrams, so substrings (LIKE '%x%') are found from an
//    index: SQLite FTS5 (tokenize=trigram) over a side table `events_text` whose INTEGER PRIMARY KEY
//    stays stable through VACUUM; PostgreSQL pg_trgm GIN indexes on the same concatenated text;
//  - counts by day and type, by country and type, and by day, country and type, plus the number of
//    events and documents, kept by triggers on every write: /api/stats reads these, never the events.
// Every statement is run by the migration inside its transaction.
import { sql, type Kysely } from 'kysely';
import type { Engine } from './migrations.js';

/** The text `q` searches (notes, actors, places), one string; the index and the queries use exactly this expression. */
export const Q_TEXT_COLUMNS = ['notes', 'actor1', 'actor2', 'assoc_actor_1', 'assoc_actor_2', 'location', 'admin1', 'country'] as const;
export const ACTOR_TEXT_COLUMNS = ['actor1', 'actor2', 'assoc_actor_1', 'assoc_actor_2'] as const;

/** `a || ' ' || b ...` over `prefix` + columns (prefix 'new.' in SQLite triggers, '' in PostgreSQL indexes). */
export function concatText(columns: readonly string[], prefix = ''): string {
  return columns.map((c) => `${prefix}${c}`).join(` || ' ' || `);
}

const COUNT_TABLES: { table: string; keys: string[] }[] = [
  { table: 'event_counts_by_day', keys: ['event_date', 'event_type'] },
  { table: 'event_counts_by_country', keys: ['country', 'iso3', 'event_type'] },
  { table: 'event_counts_cube', keys: ['event_date', 'country', 'iso3', 'event_type'] },
];

async function run(db: Kysely<any>, statements: string[]): Promise<void> {
  for (const s of statements) await sql.raw(s).execute(db);
}

function countTables(engine: Engine): string[] {
  const out: string[] = [];
  // SQLite: WITHOUT ROWID keeps each table in its key order, so a range is read from few pages.
  const rowid = engine === 'sqlite' ? ' without rowid' : '';
  for (const { table, keys } of COUNT_TABLES) {
    out.push(`create table ${table} (${keys.map((k) => `${k} text not null`).join(', ')}, count bigint not null, fatalities bigint not null, primary key (${keys.join(', ')}))${rowid}`);
  }
  // Covering: a country's or a type's days are read from the index alone.
  out.push('create index event_counts_cube_country on event_counts_cube (country, iso3, event_date, event_type, count, fatalities)');
  out.push('create index event_counts_cube_type on event_counts_cube (event_type, event_date, country, iso3, count, fatalities)');
  out.push(`create table store_counts (name text primary key, n bigint not null)${rowid}`);
  return out;
}

function eventIndexes(): string[] {
  return [
    'drop index if exists events_country',
    'drop index if exists events_iso3',
    'drop index if exists events_type',
    'create index events_country_date on events (country, iso3, event_date desc, event_id)',
    'create index events_type_date on events (event_type, event_date desc, event_id)',
    'create index events_lat_lon on events (latitude, longitude)',
  ];
}

/** Statements that recompute every count from the events (migration, bulk loads). */
export function fillCounts(): string[] {
  const out: string[] = [];
  for (const { table, keys } of COUNT_TABLES) {
    out.push(`insert into ${table} (${keys.join(', ')}, count, fatalities) select ${keys.join(', ')}, count(*), coalesce(sum(fatalities), 0) from events group by ${keys.join(', ')}`);
  }
  out.push(`insert into store_counts (name, n) select 'events', count(*) from events`);
  out.push(`insert into store_counts (name, n) select 'documents', count(*) from documents`);
  return out;
}

/** SQLite: the searched text of every event (its trigger then indexes it). */
export const FILL_EVENTS_TEXT = `insert into events_text (event_id, body, actors) select event_id, ${concatText(Q_TEXT_COLUMNS)}, ${concatText(ACTOR_TEXT_COLUMNS)} from events`;

function sqliteTriggers(): string[] {
  const add = (row: 'new', sign: '+') => COUNT_TABLES.map(({ table, keys }) =>
    `insert into ${table} (${keys.join(', ')}, count, fatalities) values (${keys.map((k) => `${row}.${k}`).join(', ')}, 1, ${row}.fatalities) ` +
    `on conflict (${keys.join(', ')}) do update set count = count ${sign} 1, fatalities = fatalities ${sign} excluded.fatalities;`).join('\n');
  const sub = COUNT_TABLES.map(({ table, keys }) => {
    const where = keys.map((k) => `${k} = old.${k}`).join(' and ');
    return `update ${table} set count = count - 1, fatalities = fatalities - old.fatalities where ${where};\n` +
      `delete from ${table} where ${where} and count <= 0;`;
  }).join('\n');
  const keyChanged = ['event_date', 'event_type', 'country', 'iso3', 'fatalities'].map((k) => `old.${k} is not new.${k}`).join(' or ');
  const textChanged = Q_TEXT_COLUMNS.map((k) => `old.${k} is not new.${k}`).join(' or ');
  return [
    `create table events_text (seq integer primary key, event_id text not null unique, body text not null, actors text not null)`,
    `create virtual table events_fts using fts5(body, actors, content='events_text', content_rowid='seq', tokenize='trigram')`,
    `create trigger events_text_ai after insert on events_text begin
       insert into events_fts (rowid, body, actors) values (new.seq, new.body, new.actors);
     end`,
    `create trigger events_text_ad after delete on events_text begin
       insert into events_fts (events_fts, rowid, body, actors) values ('delete', old.seq, old.body, old.actors);
     end`,
    `create trigger events_text_au after update on events_text begin
       insert into events_fts (events_fts, rowid, body, actors) values ('delete', old.seq, old.body, old.actors);
       insert into events_fts (rowid, body, actors) values (new.seq, new.body, new.actors);
     end`,
    `create trigger events_ai after insert on events begin
       ${add('new', '+')}
       insert into store_counts (name, n) values ('events', 1) on conflict (name) do update set n = n + 1;
       insert into events_text (event_id, body, actors) values (new.event_id, ${concatText(Q_TEXT_COLUMNS, 'new.')}, ${concatText(ACTOR_TEXT_COLUMNS, 'new.')});
     end`,
    `create trigger events_ad after delete on events begin
       ${sub}
       update store_counts set n = n - 1 where name = 'events';
       delete from events_text where event_id = old.event_id;
     end`,
    `create trigger events_au_counts after update on events when ${keyChanged} begin
       ${sub}
       ${add('new', '+')}
     end`,
    `create trigger events_au_text after update on events when ${textChanged} or old.event_id is not new.event_id begin
       update events_text set event_id = new.event_id, body = ${concatText(Q_TEXT_COLUMNS, 'new.')}, actors = ${concatText(ACTOR_TEXT_COLUMNS, 'new.')}
         where event_id = old.event_id;
     end`,
    `create trigger documents_ai after insert on documents begin
       insert into store_counts (name, n) values ('documents', 1) on conflict (name) do update set n = n + 1;
     end`,
    `create trigger documents_ad after delete on documents begin
       update store_counts set n = n - 1 where name = 'documents';
     end`,
    FILL_EVENTS_TEXT,
  ];
}

/**
 * PostgreSQL: statement-level triggers with transition tables, one grouped upsert per table and
 * statement, in key order. With `appendCounts` (migration 72) the number of events and documents is
 * written as a row of its own per statement (store_counts rows are summed), not added to one row.
 */
function postgresCountFunctions(appendCounts: boolean): string[] {
  const add = (rows: string) => COUNT_TABLES.map(({ table, keys }) =>
    `insert into ${table} as t (${keys.join(', ')}, count, fatalities)
       select ${keys.join(', ')}, count(*), coalesce(sum(fatalities), 0) from ${rows} group by ${keys.join(', ')} order by ${keys.join(', ')}
       on conflict (${keys.join(', ')}) do update set count = t.count + excluded.count, fatalities = t.fatalities + excluded.fatalities;`).join('\n');
  const sub = (rows: string) => COUNT_TABLES.map(({ table, keys }) => {
    const on = keys.map((k) => `t.${k} = d.${k}`).join(' and ');
    return `update ${table} as t set count = t.count - d.count, fatalities = t.fatalities - d.fatalities
         from (select ${keys.join(', ')}, count(*) as count, coalesce(sum(fatalities), 0) as fatalities from ${rows} group by ${keys.join(', ')} order by ${keys.join(', ')}) d
         where ${on};
       delete from ${table} as t using (select distinct ${keys.join(', ')} from ${rows}) d where ${on} and t.count <= 0;`;
  }).join('\n');
  const counter = (name: string, delta: string) => appendCounts
    ? `insert into store_counts (name, n) values ('${name}', ${delta});`
    : `insert into store_counts as t (name, n) values ('${name}', ${delta}) on conflict (name) do update set n = t.n + excluded.n;`;
  const create = appendCounts ? 'create or replace function' : 'create function';
  return [
    `${create} sitrep_events_counts() returns trigger language plpgsql as $$
     begin
       if tg_op = 'INSERT' then
         ${add('new_rows')}
         ${counter('events', '(select count(*) from new_rows)')}
       elsif tg_op = 'DELETE' then
         ${sub('old_rows')}
         ${counter('events', '-(select count(*) from old_rows)')}
       else
         ${sub('old_rows')}
         ${add('new_rows')}
       end if;
       return null;
     end $$`,
    `${create} sitrep_documents_count() returns trigger language plpgsql as $$
     begin
       if tg_op = 'INSERT' then
         ${counter('documents', '(select count(*) from new_rows)')}
       else
         ${counter('documents', '-(select count(*) from old_rows)')}
       end if;
       return null;
     end $$`,
  ];
}

function postgresTriggers(): string[] {
  return [
    ...postgresCountFunctions(false),
    `create trigger events_counts_ins after insert on events referencing new table as new_rows for each statement execute function sitrep_events_counts()`,
    `create trigger events_counts_del after delete on events referencing old table as old_rows for each statement execute function sitrep_events_counts()`,
    `create trigger events_counts_upd after update on events referencing old table as old_rows new table as new_rows for each statement execute function sitrep_events_counts()`,
    `create trigger documents_count_ins after insert on documents referencing new table as new_rows for each statement execute function sitrep_documents_count()`,
    `create trigger documents_count_del after delete on documents referencing old table as old_rows for each statement execute function sitrep_documents_count()`,
  ];
}

/**
 * pg_trgm GIN indexes for `q` and `actor`. The extension lives in `public` (one per database, shared
 * by every schema); where it cannot be created (no privilege, not installed) the searches still
 * work, by scanning.
 */
async function postgresTrigram(db: Kysely<any>): Promise<void> {
  await sql.raw('savepoint sitrep_trgm').execute(db);
  try {
    await sql.raw('create extension if not exists pg_trgm with schema public').execute(db);
    await sql.raw('release savepoint sitrep_trgm').execute(db);
  } catch (err) {
    await sql.raw('rollback to savepoint sitrep_trgm').execute(db);
    const ok = await sql<{ n: number }>`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`.execute(db);
    if (!ok.rows[0]?.n) {
      process.stderr.write(`sitrep: PostgreSQL extension pg_trgm unavailable (${err instanceof Error ? err.message : String(err)}); text search will scan\n`);
      return;
    }
  }
  const ext = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  const schema = ext.rows[0]!.schema.replace(/"/g, '""');
  await run(db, [
    `create index events_q_trgm on events using gin ((${concatText(Q_TEXT_COLUMNS)}) "${schema}".gin_trgm_ops)`,
    `create index events_actor_trgm on events using gin ((${concatText(ACTOR_TEXT_COLUMNS)}) "${schema}".gin_trgm_ops)`,
  ]);
}

export async function migrateForScale(db: Kysely<any>, engine: Engine): Promise<void> {
  await run(db, [...eventIndexes(), ...countTables(engine), ...fillCounts()]);
  if (engine === 'sqlite') {
    await run(db, sqliteTriggers());
  } else {
    await run(db, postgresTriggers());
    await postgresTrigram(db);
  }
}

/** PostgreSQL: the array of an event's actor columns that `events_actor_names` indexes (queries use exactly this expression). */
export function actorArray(prefix = ''): string {
  return `array[${ACTOR_TEXT_COLUMNS.map((c) => `${prefix}${c}`).join(', ')}]`;
}

/**
 * PostgreSQL, migration 70: `actor_names`, every distinct value of the four actor columns (a few
 * thousand rows at a million events), kept by a statement trigger on every insert and update (a
 * name whose events are all deleted stays: it only costs a lookup that finds nothing), and a GIN
 * index on the array of an event's actor columns. An actor search then matches the short names
 * first (their own trigram index, or a scan of a small table) and reads the events of exactly those
 * names from the array index: the trigram index of the events' concatenated actors read the posting
 * list of every trigram of a long text ("of ", " of"), common ones included (~80 ms at 1M events for
 * "Police Forces of Kenya", against ~4 ms). Exact: an event matches the LIKE of one of its actor
 * columns exactly when that column's whole value is a matching name.
 */
export async function migrateActorNames(db: Kysely<any>): Promise<void> {
  await run(db, [
    'create table actor_names (name text primary key)',
    `insert into actor_names (name) select distinct unnest(${actorArray()}) from events on conflict do nothing`,
    `create function sitrep_actor_names() returns trigger language plpgsql as $$
     begin
       insert into actor_names (name) select distinct unnest(${actorArray()}) from new_rows on conflict do nothing;
       return null;
     end $$`,
    'create trigger events_actor_names_ins after insert on events referencing new table as new_rows for each statement execute function sitrep_actor_names()',
    'create trigger events_actor_names_upd after update on events referencing new table as new_rows for each statement execute function sitrep_actor_names()',
    `create index events_actor_names on events using gin ((${actorArray()}))`,
  ]);
  const ext = await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db);
  if (ext.rows[0]) await run(db, [`create index actor_names_trgm on actor_names using gin (name "${ext.rows[0].schema.replace(/"/g, '""')}".gin_trgm_ops)`]);
  await run(db, ['analyze actor_names', 'analyze events']);
}

/**
 * PostgreSQL, migration 72: store_counts without its key, a row per write. A trigger that added to
 * the one row of a name (events, documents, version) locked it until its transaction committed, so
 * that every storing transaction of every worker waited for the one before it; inserted rows lock
 * nothing. Readers sum the rows of a name; compactCounts() folds them into one now and then.
 */
export async function migrateAppendCounts(db: Kysely<any>): Promise<void> {
  await run(db, [
    'alter table store_counts drop constraint store_counts_pkey',
    'create index store_counts_name on store_counts (name)',
    ...postgresCountFunctions(true),
    `create or replace function sitrep_bump_version() returns trigger language plpgsql as $$
     begin
       insert into store_counts (name, n) values ('version', 1);
       return null;
     end $$`,
  ]);
}

/**
 * PostgreSQL: folds the rows of store_counts into one per name (their sum). Writers only insert,
 * so they never wait for this; rows inserted by transactions not committed yet are not seen, so not
 * deleted; a concurrent fold skips the rows this one deleted. The sums stay the same throughout.
 */
export const COMPACT_COUNTS = `with gone as (delete from store_counts returning name, n)
  insert into store_counts (name, n) select name, sum(n) from gone group by name`;
