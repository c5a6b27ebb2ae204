// Versioned schema migrations, run on start-up. Each migration runs once, inside one transaction
// together with the record of its version, so a crash mid-migration leaves the previous version.
// Append new migrations; never edit one that has shipped.
import { sql, type Kysely } from 'kysely';
import { normName, slackOf } from '../merge/compat.js';
import type { Database } from './schema.js';
import { migrateActorNames, migrateAppendCounts, migrateForScale } from './scale-schema.js';

export type Engine = 'sqlite' | 'postgres';

interface Migration {
  version: number;
  name: string;
  up(db: Kysely<any>, engine: Engine): Promise<void>;
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'documents, events, event links, evidence, claims',
    async up(db) {
      // "double precision" is REAL on SQLite and float8 on PostgreSQL (float4 would lose coordinates).
      await db.schema
        .createTable('documents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('body_start', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('date', 'text')
        .addColumn('title', 'text')
        .addColumn('source', 'text')
        .addColumn('url', 'text')
        .addColumn('origin_file', 'text')
        .addColumn('origin_line', 'integer')
        .addColumn('ingested_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('events')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('event_date', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('time_precision', 'integer', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('sub_event_type', 'text', (c) => c.notNull())
        .addColumn('actor1', 'text', (c) => c.notNull())
        .addColumn('assoc_actor_1', 'text', (c) => c.notNull())
        .addColumn('inter1', 'integer', (c) => c.notNull())
        .addColumn('actor2', 'text', (c) => c.notNull())
        .addColumn('assoc_actor_2', 'text', (c) => c.notNull())
        .addColumn('inter2', 'integer', (c) => c.notNull())
        .addColumn('interaction', 'integer', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('iso3', 'text', (c) => c.notNull())
        .addColumn('admin1', 'text', (c) => c.notNull())
        .addColumn('admin2', 'text', (c) => c.notNull())
        .addColumn('location', 'text', (c) => c.notNull())
        .addColumn('latitude', 'double precision')
        .addColumn('longitude', 'double precision')
        .addColumn('geo_precision', 'integer', (c) => c.notNull())
        .addColumn('fatalities', 'integer', (c) => c.notNull())
        .addColumn('notes', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('confidence', 'double precision', (c) => c.notNull())
        .addColumn('tactics', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_date_id').on('events').columns(['event_date desc', 'event_id']).execute();
      await db.schema.createIndex('events_country').on('events').column('country').execute();
      await db.schema.createIndex('events_iso3').on('events').column('iso3').execute();
      await db.schema.createIndex('events_type').on('events').column('event_type').execute();
      await db.schema.createIndex('events_doc').on('events').column('doc_id').execute();

      await db.schema
        .createTable('event_documents')
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('event_documents_pk', ['event_id', 'doc_id'])
        .execute();
      await db.schema.createIndex('event_documents_doc').on('event_documents').column('doc_id').execute();

      await db.schema
        .createTable('evidence')
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('ord', 'integer', (c) => c.notNull())
        .addColumn('span_start', 'integer', (c) => c.notNull())
        .addColumn('span_end', 'integer', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('evidence_event').on('evidence').columns(['event_id', 'doc_id']).execute();
      await db.schema.createIndex('evidence_doc').on('evidence').column('doc_id').execute();

      await db.schema
        .createTable('claims')
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('ord', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision')
        .addColumn('tactic', 'text')
        .addColumn('subject', 'text')
        .addColumn('reporter', 'text')
        .addColumn('evidence_start', 'integer', (c) => c.notNull())
        .addColumn('evidence_end', 'integer', (c) => c.notNull())
        .addColumn('evidence_text', 'text', (c) => c.notNull())
        .addColumn('reporter_start', 'integer')
        .addColumn('reporter_end', 'integer')
        .addColumn('reporter_text', 'text')
        .execute();
      await db.schema.createIndex('claims_event').on('claims').columns(['event_id', 'doc_id']).execute();
      await db.schema.createIndex('claims_doc').on('claims').column('doc_id').execute();
    },
  },
  {
    version: 20,
    name: 'indexes for every filter, trigram text search, counts kept on write (issue 18)',
    up: (db, engine) => migrateForScale(db, engine),
  },
  {
    version: 30,
    name: 'reports of events, event aliases, field provenance',
    async up(db) {
      // A document's extracted events are its reports; a stored event is a set of reports.
      await db.schema
        .createTable('event_reports')
        .addColumn('report_id', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('country', 'text', (c) => c.notNull())
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('slack', 'integer', (c) => c.notNull())
        .addColumn('created', 'bigint', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('event_reports_event').on('event_reports').column('event_id').execute();
      await db.schema.createIndex('event_reports_block').on('event_reports').columns(['country', 'day']).execute();
      await db.schema.createIndex('event_reports_wide').on('event_reports').columns(['slack', 'country', 'day']).execute();
      await db.schema.createIndex('event_reports_doc').on('event_reports').column('doc_id').execute();
      await db.schema
        .createTable('event_aliases')
        .addColumn('alias', 'text', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('event_aliases_event').on('event_aliases').column('event_id').execute();
      await db.schema.alterTable('events').addColumn('provenance', 'text', (c) => c.notNull().defaultTo('{}')).execute();
      await db.schema.alterTable('events').addColumn('source_count', 'integer', (c) => c.notNull().defaultTo(1)).execute();
    },
  },
  {
    version: 31,
    name: 'near-identical documents stored as copies (MinHash bands)',
    async up(db) {
      await db.schema.alterTable('documents').addColumn('copy_of', 'text').execute();
      await db.schema.alterTable('documents').addColumn('minhash', 'text').execute();
      await db.schema
        .createTable('document_bands')
        .addColumn('band', 'text', (c) => c.notNull())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('document_bands_band').on('document_bands').column('band').execute();
      await db.schema.createIndex('document_bands_doc').on('document_bands').column('doc_id').execute();
    },
  },
  {
    version: 40,
    name: 'analyst review: users, sessions, event reviews, audit log, events.review_status',
    async up(db, engine) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('token_salt', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('csrf', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
      // One row per reviewed event: the analyst's decision, the fields they set (overrides), and the
      // reviewed values of every editable field (snapshot), which re-extraction never overwrites.
      await db.schema
        .createTable('event_reviews')
        .addColumn('event_id', 'text', (c) => c.primaryKey())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('overrides', 'text', (c) => c.notNull())
        .addColumn('snapshot', 'text')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('audit_log')
        .addColumn('id', engine === 'postgres' ? 'bigserial' : 'integer', (c) => c.primaryKey())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('user_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('field', 'text', (c) => c.notNull())
        .addColumn('before', 'text', (c) => c.notNull())
        .addColumn('after', 'text', (c) => c.notNull())
        .addColumn('was_override', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('reverts', 'integer')
        .execute();
      await db.schema.createIndex('audit_event').on('audit_log').columns(['event_id', 'id']).execute();
      await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();
      await db.schema.alterTable('events').addColumn('review_status', 'text', (c) => c.notNull().defaultTo('unreviewed')).execute();
      await db.schema.createIndex('events_review_status').on('events').column('review_status').execute();
    },
  },
  {
    version: 42,
    name: 'PostgreSQL: a change counter bumped by every write of events or documents (cached stats, issue 18)',
    async up(db, engine) {
      // SQLite tells changes by itself (data_version, total_changes); see changeVersion in scale-queries.ts.
      if (engine !== 'postgres') return;
      await sql.raw(`insert into store_counts (name, n) values ('version', 0) on conflict (name) do nothing`).execute(db);
      await sql.raw(`create function sitrep_bump_version() returns trigger language plpgsql as $$
        begin
          update store_counts set n = n + 1 where name = 'version';
          return null;
        end $$`).execute(db);
      for (const table of ['events', 'documents']) {
        await sql.raw(`create trigger ${table}_version after insert or update or delete or truncate on ${table} for each statement execute function sitrep_bump_version()`).execute(db);
      }
    },
  },
  {
    version: 50,
    name: 'feeds: feeds, their fetches, the items seen',
    async up(db) {
      // A feed is polled when next_poll_at (unix ms) has passed; errors counts failures in a row (backoff).
      await db.schema
        .createTable('feeds')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text')
        .addColumn('interval_s', 'integer', (c) => c.notNull())
        .addColumn('etag', 'text')
        .addColumn('last_modified', 'text')
        .addColumn('next_poll_at', 'bigint', (c) => c.notNull())
        .addColumn('last_fetch_at', 'bigint')
        .addColumn('last_status', 'text')
        .addColumn('last_error', 'text')
        .addColumn('errors', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('items', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('feeds_due').on('feeds').column('next_poll_at').execute();
      await db.schema
        .createTable('feed_fetches')
        .addColumn('feed_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('http_status', 'integer')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .addColumn('new_items', 'integer', (c) => c.notNull())
        .addColumn('error', 'text')
        .execute();
      await db.schema.createIndex('feed_fetches_feed').on('feed_fetches').columns(['feed_id', 'at']).execute();
      // An item is known by its feed and key (guid, else link) and, across feeds, by its content hash.
      await db.schema
        .createTable('feed_items')
        .addColumn('feed_id', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('doc_id', 'text', (c) => c.notNull())
        .addColumn('seen_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('feed_items_pk', ['feed_id', 'item_key'])
        .execute();
      await db.schema.createIndex('feed_items_hash').on('feed_items').column('content_hash').execute();
      await db.schema.createIndex('feed_items_doc').on('feed_items').column('doc_id').execute();
    },
  },
  {
    version: 52,
    name: 'the merge index by province: event_reports.admin1',
    async up(db) {
      // Reports of different provinces are never one event (src/merge/compat.ts): the merge reads
      // the candidates of a report's own province (and those placed no finer than the country), so
      // a store that grows in other provinces does not slow it down.
      await db.schema.alterTable('event_reports').addColumn('admin1', 'text', (c) => c.notNull().defaultTo('')).execute();
      let last = '';
      for (;;) {
        const rows = await db.selectFrom('event_reports').select(['report_id', 'data']).where('report_id', '>', last)
          .orderBy('report_id').limit(5000).execute();
        if (rows.length === 0) break;
        for (const r of rows) {
          const admin1 = normName((JSON.parse(r.data) as { admin1?: string }).admin1);
          if (admin1) await db.updateTable('event_reports').set({ admin1 }).where('report_id', '=', r.report_id).execute();
        }
        last = rows[rows.length - 1]!.report_id;
      }
      await db.schema.createIndex('event_reports_place').on('event_reports').columns(['country', 'admin1', 'day']).execute();
    },
  },
  {
    version: 60,
    name: 'PostgreSQL: statistics of the country, code and type together',
    async up(db, engine) {
      // A country's name and its code always go together, and some types belong to some countries:
      // estimated as independent, a country filter looked a thousand times rarer than it is, and the
      // planner sorted every event of the country instead of reading its index in page order.
      if (engine !== 'postgres') return;
      await sql.raw('create statistics events_country_iso3_type (dependencies, mcv) on country, iso3, event_type from events').execute(db);
      await sql.raw('analyze events').execute(db);
    },
  },
  {
    version: 70,
    name: 'PostgreSQL: the distinct actor names, and the events by actor name (actor search, issue 18)',
    up: async (db, engine) => { if (engine === 'postgres') await migrateActorNames(db); },
  },
  {
    version: 71,
    name: 'the merge reads of reports of a month: partial indexes',
    async up(db) {
      // The merge reads reports of a month (the widest slack) by slack equality: indexes of those
      // rows only, by country and by province, cost a write only for them (not for every report).
      await db.schema.dropIndex('event_reports_wide').execute();
      await sql.raw(`create index event_reports_wide on event_reports (country, day) where slack = ${slackOf(3)}`).execute(db);
      await sql.raw(`create index event_reports_wide_place on event_reports (country, admin1, day) where slack = ${slackOf(3)}`).execute(db);
    },
  },
  {
    version: 72,
    name: 'PostgreSQL: counts of events and documents and the change counter as rows summed, not one row each (concurrent writers)',
    up: async (db, engine) => { if (engine === 'postgres') await migrateAppendCounts(db); },
  },
  {
    version: 73,
    name: 'PostgreSQL: no trigram index of the events\' actor text (actor search reads actor_names since migration 70)',
    async up(db, engine) {
      // Since migration 70 an actor search matches actor_names and reads the events from the array
      // index (events_actor_names); events_actor_trgm was no longer read by any query, yet every
      // event written paid a GIN entry per trigram of its actors.
      if (engine === 'postgres') await sql.raw('drop index if exists events_actor_trgm').execute(db);
    },
  },
  {
    version: 74,
    name: 'feeds: items handed to the job queue, written once (feed_pending)',
    async up(db) {
      // `sitrep worker`'s extraction jobs name their items (feed, key); the items themselves are
      // written here once, with the poll that found them, and removed once stored.
      await db.schema
        .createTable('feed_pending')
        .addColumn('feed_id', 'text', (c) => c.notNull())
        .addColumn('item_key', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('item', 'text', (c) => c.notNull())
        .addColumn('queued_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('feed_pending_pk', ['feed_id', 'item_key'])
        .execute();
    },
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Brings the database to the latest schema version; returns the versions applied. On PostgreSQL,
 * `pgSchema` is created first; an advisory lock makes concurrent start-ups wait for each other.
 */
export async function migrate(db: Kysely<Database>, engine: Engine, pgSchema?: string): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    if (engine === 'postgres') {
      await sql`select pg_advisory_xact_lock(hashtext('sitrep schema migration'))`.execute(trx);
      if (pgSchema) await sql`create schema if not exists ${sql.id(pgSchema)}`.execute(trx);
    }
    await trx.schema
      .createTable('sitrep_schema_version')
      .ifNotExists()
      .addColumn('version', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('applied_at', 'bigint', (c) => c.notNull())
      .execute();
    const row = await trx
      .selectFrom('sitrep_schema_version')
      .select((eb) => eb.fn.max('version').as('v'))
      .executeTakeFirst();
    const current = Number(row?.v ?? 0);
    if (current > LATEST_SCHEMA_VERSION) {
      throw new Error(
        `the database has schema version ${current}, newer than this sitrep (${LATEST_SCHEMA_VERSION}); upgrade sitrep`,
      );
    }
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (m.version <= current) continue;
      await m.up(trx as unknown as Kysely<any>, engine);
      await trx
        .insertInto('sitrep_schema_version')
        .values({ version: m.version, name: m.name, applied_at: Math.floor(Date.now() / 1000) })
        .execute();
      applied.push(m.version);
    }
    return applied;
  });
}
