// The store: documents, events, evidence and claims in SQLite (default, one file) or PostgreSQL
// (DATABASE_URL=postgres://...), written once through kysely. Every write of a batch is one
// transaction, so an interrupted ingest leaves whole batches and nothing half-written.
import { createHash } from 'node:crypto';
import { CompiledQuery, Kysely, PostgresDialect, sql, type ExpressionBuilder, type Expression, type SqlBool, type Transaction } from 'kysely';
import type { AcledEvent, Claim, EvidenceSpan } from '../common/event.js';
import { reapplyCorrections } from './corrections.js';
import { migrate, type Engine } from './migrations.js';
import { BUSY_TIMEOUT_MS, ImmediateSqliteDialect, retryWhileBusy, withStatementCache } from './sqlite-writers.js';
import { changeVersion, countryExpression, countStats, resolveFilters, statsFromCounts, storedCount, textPrefilter, type ResolvedFilters } from './scale-queries.js';
import { lockMergeBlocks, refuseMany, storeReports } from './merge-store.js';
import { insertJsonRows, onConflictClause, PREPARE, preparedStatementsPool, quote, rowColumns } from './pg-bulk.js';
import { COMPACT_COUNTS } from './scale-schema.js';
import type { MergeInput } from '../merge/types.js';
import type { ClaimsTable, Database, EventsTable, EvidenceTable } from './schema.js';
import type {
  DocumentInput,
  DocumentSummary,
  EventDetail,
  EventFilters,
  EventReport,
  EventPage,
  PageRequest,
  ReadOptions,
  SaveOptions,
  SaveResult,
  SaveStatus,
  Stats,
  StoredDocument,
  StoredEvent,
} from './types.js';

export type * from './types.js';
export type { Engine } from './migrations.js';

export const DEFAULT_DB_PATH = './sitrep.db';

/** Raised for a malformed pagination cursor (the API answers 400). */
export class InvalidCursorError extends Error {}

export interface OpenOptions {
  /** PostgreSQL only: keep every table in this schema (created if missing), e.g. one per test run. */
  pgSchema?: string;
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** --db wins, then DATABASE_URL when it is a postgres:// URL, then ./sitrep.db. */
export function resolveDbTarget(dbOption: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (dbOption) return dbOption;
  const url = env.DATABASE_URL;
  if (url && isPostgresUrl(url)) return url;
  return DEFAULT_DB_PATH;
}

/** sha256 of the text and metadata: the same document ingested again is recognised and skipped. */
export function documentHash(d: Pick<DocumentInput, 'text' | 'bodyStart' | 'date' | 'title' | 'source' | 'url'>): string {
  return createHash('sha256')
    .update(JSON.stringify([d.text, d.bodyStart ?? 0, d.date ?? null, d.title ?? null, d.source ?? null, d.url ?? null]))
    .digest('hex');
}

export function encodeCursor(date: string, id: string): string {
  return Buffer.from(JSON.stringify([date, id]), 'utf8').toString('base64url');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No control characters (NUL: PostgreSQL cannot take it) nor unpaired surrogates, and not huge. */
function isCursorPart(s: string): boolean {
  return s.length <= 400 && !/[\u0000-\u001f\u007f]/.test(s) && !LONE_SURROGATE.test(s);
}

export function decodeCursor(cursor: string): { date: string; id: string } {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error();
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && v.every(isCursorPart)) {
      return { date: v[0], id: v[1] };
    }
  } catch {
    // fall through
  }
  throw new InvalidCursorError('not a cursor returned by this API (pass next_cursor unchanged)');
}

const MAX_PARAMS = 30000; // below SQLite's 32766 and PostgreSQL's 65535 bound parameters
const ID_CHUNK = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** LIKE pattern matching `text` anywhere, with the wildcards % and _ (and the escape) escaped. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

/**
 * PostgreSQL: concurrent writers updating the same count rows (kept by triggers) can deadlock; the
 * server aborts one transaction (40P01, or 40001), which is then run again, whole.
 */
async function retryOnConflict<T>(run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      if (i >= attempts || (code !== '40P01' && code !== '40001')) throw err;
      await new Promise((r) => setTimeout(r, 20 * i + Math.random() * 50));
    }
  }
}

export class Store {
  private constructor(
    readonly db: Kysely<Database>,
    readonly engine: Engine,
    private readonly description: string,
    /** SQLite: the change version by one prepared statement (a few µs, not a query through Kysely). */
    private readonly sqliteVersion?: () => string,
  ) {}

  /** Opens (creating if needed) and migrates the database: a file path or a postgres:// URL. */
  static async open(target: string, options: OpenOptions = {}): Promise<Store> {
    let db: Kysely<Database>;
    let engine: Engine;
    let sqliteVersion: (() => string) | undefined;
    let pgSchema: string | undefined;
    if (isPostgresUrl(target)) {
      engine = 'postgres';
      const schema = (pgSchema = options.pgSchema);
      if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
        throw new Error(`invalid PostgreSQL schema name "${schema}"`);
      }
      const pg = (await import('pg')).default;
      const pool = new pg.Pool({
        connectionString: target,
        max: 4,
        connectionTimeoutMillis: 10_000,
        ...(schema ? { options: `-c search_path=${schema}` } : {}),
      });
      // An idle connection dropped by the server must not crash the process; the pool reconnects.
      pool.on('error', (err) => process.stderr.write(`sitrep: PostgreSQL connection lost: ${err.message}\n`));
      db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparedStatementsPool(pool) }) });
    } else {
      engine = 'sqlite';
      const BetterSqlite = (await import('better-sqlite3')).default;
      const database = new BetterSqlite(target, { timeout: BUSY_TIMEOUT_MS });
      // WAL: readers (the server) never block the writer (ingest); NORMAL sync is safe with WAL.
      // Other writers (a second ingest): see sqlite-writers.ts.
      database.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
      await retryWhileBusy(async () => database.pragma('journal_mode = WAL'));
      database.pragma('synchronous = NORMAL');
      // Reads by memory map and a larger page cache: a page read is a memory access, not a system call.
      database.pragma('mmap_size = 1073741824');
      database.pragma('cache_size = -65536');
      db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }) });
      // As changeVersion in scale-queries.ts; both only grow, so a version never names two states.
      const version = database.prepare('select total_changes() as c, (select data_version from pragma_data_version) as v');
      sqliteVersion = () => {
        const r = version.get() as { c: number; v: number };
        return `${r.v}:${r.c}`;
      };
    }
    try {
      await retryWhileBusy(() => migrate(db, engine, pgSchema));
    } catch (err) {
      await db.destroy();
      throw err;
    }
    return new Store(db, engine, isPostgresUrl(target) ? target.replace(/\/\/[^@/]*@/, '//') : target, sqliteVersion);
  }

  toString(): string {
    return this.description;
  }

  /** The SQLite file this store reads (undefined on PostgreSQL, or in memory). */
  get sqliteFile(): string | undefined {
    return this.engine === 'sqlite' && this.description !== ':memory:' && !this.description.startsWith('file:') ? this.description : undefined;
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  // ---------- writes ----------

  /** Content hashes of the stored documents among `ids` (to skip unchanged ones before extraction). */
  async documentHashes(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const part of chunks([...new Set(ids)], ID_CHUNK)) {
      const rows = await this.db.selectFrom('documents').select(['id', 'content_hash']).where('id', 'in', part).execute();
      for (const r of rows) out.set(r.id, r.content_hash);
    }
    return out;
  }

  /**
   * Stores a batch of documents with their events in one transaction. An unchanged document (same
   * id and content hash) is left alone; a changed one replaces its events; a new one is added.
   * Within a batch, the last document with a given id wins.
   */
  async saveDocuments(batch: DocumentInput[], options: SaveOptions & { force?: boolean } = {}): Promise<SaveResult> {
    const latest = new Map<string, DocumentInput>();
    for (const d of batch) {
      latest.delete(d.id); // keep insertion order of the last occurrence
      latest.set(d.id, d);
    }
    const docs = [...latest.values()];
    const hashes = new Map(docs.map((d) => [d.id, documentHash(d)]));
    return retryWhileBusy(() => retryOnConflict(() => this.db.transaction().execute(async (trx) => {
      // PostgreSQL, several writers: merge locks (src/store/merge-store.ts) before the events and
      // reports are written, and before anything is written when stored documents change (their
      // events are detached and merged again). New documents, their links, bands, evidence and claims
      // are written first, outside the locks: they lock nothing another writer waits for (the counts
      // of documents are rows of their own, migration 72), and a writer of other reports of the same
      // days and places then waits only for this batch's merge, not for all of its writes.
      let locked = false;
      const lockMerges = async () => {
        if (locked || this.engine !== 'postgres' || options.merge === false) return;
        locked = true;
        await lockMergeBlocks(trx, docs.flatMap((d) => d.events.map((event) => ({ event, docId: d.id, publicationDate: d.date, docSource: d.source }))));
      };
      const status = new Map<string, SaveStatus>();
      const existing = new Map<string, string>();
      for (const part of chunks(docs.map((d) => d.id), ID_CHUNK)) {
        const rows = await trx.selectFrom('documents').select(['id', 'content_hash']).where('id', 'in', part).execute();
        for (const r of rows) existing.set(r.id, r.content_hash);
      }
      const toWrite: DocumentInput[] = [];
      const changed: string[] = [];
      for (const d of docs) {
        const old = existing.get(d.id);
        if (old === hashes.get(d.id) && !options.force) status.set(d.id, 'unchanged');
        else {
          status.set(d.id, old === undefined ? 'new' : 'updated');
          if (old !== undefined) changed.push(d.id);
          toWrite.push(d);
        }
      }
      if (changed.length > 0) {
        await lockMerges();
        await this.detachDocuments(trx, changed);
      }
      const now = nowSeconds();
      const documentRows = toWrite.map((d) => ({
        id: d.id,
        content_hash: hashes.get(d.id)!,
        text: d.text,
        body_start: d.bodyStart ?? 0,
        date: d.date ?? null,
        title: d.title ?? null,
        source: d.source ?? null,
        url: d.url ?? null,
        origin_file: d.origin?.file ?? null,
        origin_line: d.origin?.line ?? null,
        ingested_at: now,
        copy_of: d.copyOf ?? null,
        minhash: d.minhash ?? null,
      }));
      const documentUpdate = { keys: ['id'], update: ['copy_of', 'minhash', 'content_hash', 'text', 'body_start', 'date', 'title', 'source', 'url', 'origin_file', 'origin_line', 'ingested_at'] };
      if (this.engine === 'postgres' && !locked) {
        // Only new documents here (changed ones took the locks above). One that another writer
        // stored since it was looked up above (the same item queued twice) is not written over: the
        // transaction runs again, and finds it stored.
        const fresh = documentRows.filter((r) => status.get(r.id) === 'new');
        const again = documentRows.filter((r) => status.get(r.id) !== 'new');
        const written = await insertJsonRows(trx, 'documents', Object.keys(documentRows[0] ?? {}), fresh, { keys: ['id'] }, 'id');
        if (written.length < fresh.length) throw Object.assign(new Error('documents stored meanwhile by another writer'), { code: '40001' });
        await this.insertChunked(trx, 'documents', again, documentUpdate);
      } else {
        await this.insertChunked(trx, 'documents', documentRows, documentUpdate);
      }

      // One row per event id (fields from its last mention in the batch), and one link, with its own
      // evidence and claims, per (event, document) pair: one event can cite several documents.
      const eventRows = new Map<string, EventsTable>();
      const mentions = new Map<string, { e: AcledEvent; docId: string }>();
      for (const d of toWrite) {
        for (const e of d.events) {
          const first = eventRows.get(e.event_id);
          eventRows.set(e.event_id, eventRow(e, first?.doc_id ?? d.id, now));
          mentions.set(`${e.event_id}\u0000${d.id}`, { e, docId: d.id });
        }
      }
      const links: { event_id: string; doc_id: string }[] = [];
      const evidence: EvidenceTable[] = [];
      const claims: ClaimsTable[] = [];
      for (const { e, docId } of mentions.values()) {
        links.push({ event_id: e.event_id, doc_id: docId });
        for (const [field, spans] of Object.entries(e.evidence ?? {})) {
          spans.forEach((s, ord) => evidence.push({
            event_id: e.event_id, doc_id: docId, field, ord, span_start: s.start, span_end: s.end, text: s.text,
          }));
        }
        (e.claims ?? []).forEach((c, ord) => claims.push(claimRow(c, e.event_id, docId, ord)));
      }
      // Documents written here are new or were detached above, so they have no evidence or claims left.
      await this.insertChunked(trx, 'document_bands', toWrite.filter((d) => !d.copyOf && d.bands)
        .flatMap((d) => d.bands!.map((band) => ({ band, doc_id: d.id }))));
      await this.insertChunked(trx, 'evidence', evidence);
      await this.insertChunked(trx, 'claims', claims);
      await lockMerges();
      // Each document's events are its reports; merged into the store's events unless told not to.
      // The events rows and links are written with them, once the merge is known.
      const outcome = await storeReports(
        trx,
        toWrite.flatMap((d) => d.events.map((event) => ({ event, docId: d.id, publicationDate: d.date, docSource: d.source }))),
        {
          rows: [...eventRows.values()],
          links,
          writeEvents: (rows) => this.insertChunked(trx, 'events', rows, { keys: ['event_id'], update: EVENT_COLUMNS.filter((col) => col !== 'event_id' && col !== 'doc_id') }),
          writeLinks: (rows) => this.insertChunked(trx, 'event_documents', rows, { keys: ['event_id', 'doc_id'] }),
        },
        { merge: options.merge !== false, now, fuseRow: (fields, docId) => eventRow(fusedEvent(fields), docId, now), postgres: this.engine === 'postgres' },
      );
      // A copy cites the events of its original (after the merge: their final ids); its bands are
      // not indexed (the original's are).
      const copyLinks: { event_id: string; doc_id: string }[] = [];
      for (const part of chunks(toWrite.filter((d) => d.copyOf), ID_CHUNK)) {
        const originals = await trx.selectFrom('event_documents').select(['event_id', 'doc_id'])
          .where('doc_id', 'in', part.map((d) => d.copyOf!)).execute();
        const byDoc = new Map<string, string[]>();
        for (const o of originals) (byDoc.get(o.doc_id) ?? byDoc.set(o.doc_id, []).get(o.doc_id)!).push(o.event_id);
        for (const d of part) for (const ev of byDoc.get(d.copyOf!) ?? []) copyLinks.push({ event_id: ev, doc_id: d.id });
      }
      await this.insertChunked(trx, 'event_documents', copyLinks, { keys: ['event_id', 'doc_id'] });
      // Events an analyst reviewed keep their reviewed values (src/store/corrections.ts), whatever the
      // extraction or the merge of reports wrote.
      await reapplyCorrections(trx, [...eventRows.keys()]);
      let inserted = 0;
      let updated = 0;
      let unchanged = 0;
      for (const s of status.values()) {
        if (s === 'new') inserted++;
        else if (s === 'updated') updated++;
        else unchanged++;
      }
      return { inserted, updated, unchanged, events: eventRows.size, merged: outcome.merged, status };
    }))).then(async (result) => {
      // PostgreSQL: the rows of counts this batch added (a few) folded into one per name, outside the
      // batch's transaction (src/store/scale-schema.ts): readers sum fewer rows.
      if (this.engine === 'postgres') await sql.raw(PREPARE + COMPACT_COUNTS).execute(this.db);
      return result;
    });
  }

  /** Removes a changed document's links, evidence and claims, and the events no document cites any more. */
  private async detachDocuments(trx: Transaction<Database>, docIds: string[]): Promise<void> {
    for (const part of chunks(docIds, ID_CHUNK)) {
      const linked = await trx.selectFrom('event_documents').select('event_id').where('doc_id', 'in', part).execute();
      await trx.deleteFrom('evidence').where('doc_id', 'in', part).execute();
      await trx.deleteFrom('claims').where('doc_id', 'in', part).execute();
      // A reviewed event keeps its link (and so its row): the analyst's coding outlives a new version of the text.
      await trx.deleteFrom('event_documents').where('doc_id', 'in', part)
        .where((eb) => eb.not(eb.exists(eb.selectFrom('event_reviews as r').select('r.event_id')
          .whereRef('r.event_id', '=', 'event_documents.event_id').where('r.snapshot', 'is not', null))))
        .execute();
      await trx.deleteFrom('event_reports').where('doc_id', 'in', part).execute();
      await trx.deleteFrom('document_bands').where('doc_id', 'in', part).execute();
      for (const ids of chunks(linked.map((r) => r.event_id), ID_CHUNK)) {
        await trx
          .deleteFrom('events')
          .where('event_id', 'in', ids)
          .where((eb) => eb.not(eb.exists(
            eb.selectFrom('event_documents as l').select('l.event_id').whereRef('l.event_id', '=', 'events.event_id'),
          )))
          .execute();
        // Events still cited elsewhere now point at one of their remaining documents.
        await trx
          .updateTable('events')
          .set((eb) => ({
            doc_id: eb.selectFrom('event_documents as l').select((e2) => e2.fn.min('l.doc_id').as('d'))
              .whereRef('l.event_id', '=', 'events.event_id') as never,
          }))
          .where('event_id', 'in', ids)
          .where('doc_id', 'in', part)
          .execute();
        // Events that keep reports of other documents have their fields chosen again without these.
        const now = nowSeconds();
        const kept = await trx.selectFrom('events').select('event_id').where('event_id', 'in', ids).execute();
        await refuseMany(trx, kept.map((k) => k.event_id), { now, fuseRow: (fields, docId) => eventRow(fusedEvent(fields), docId, now), postgres: this.engine === 'postgres' });
      }
    }
  }

  /**
   * Inserts rows in statements of at most MAX_PARAMS parameters; on a conflict over `keys`, the
   * `update` columns are set from the new row (none: the row is left alone). On PostgreSQL the
   * statement's text is written here, not built and compiled by Kysely: for the thousands of rows
   * of a worker's batch, building it cost the event loop more than sending it; and the rows go as one
   * JSON parameter when every row gives every column (src/store/pg-bulk.ts).
   */
  private async insertChunked<T extends keyof Database>(
    trx: Transaction<Database>,
    table: T,
    rows: object[],
    conflict?: { keys: string[]; update?: string[] },
  ): Promise<void> {
    if (rows.length === 0) return;
    if (this.engine === 'postgres') {
      // Columns as Kysely takes them: every column some row gives a value (undefined is no value: the default).
      const { columns, complete } = rowColumns(rows);
      // Rows that give every column: one JSON parameter per statement (src/store/pg-bulk.ts).
      if (complete) {
        await insertJsonRows(trx, table, columns, rows, conflict);
        return;
      }
      const tail = onConflictClause(conflict);
      const head = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values `;
      for (const part of chunks(rows, Math.max(1, Math.floor(MAX_PARAMS / Math.max(1, columns.length))))) {
        const params: unknown[] = [];
        const tuples: string[] = [];
        for (const row of part) {
          const r = row as Record<string, unknown>;
          let tuple = '(';
          for (let i = 0; i < columns.length; i++) {
            const v = r[columns[i]!];
            if (i > 0) tuple += ', ';
            if (v === undefined) tuple += 'default';
            else {
              params.push(v);
              tuple += `$${params.length}`;
            }
          }
          tuples.push(tuple + ')');
        }
        await trx.executeQuery(CompiledQuery.raw(head + tuples.join(', ') + tail, params));
      }
      return;
    }
    const perRow = Object.keys(rows[0] as object).length;
    for (const part of chunks(rows, Math.max(1, Math.floor(MAX_PARAMS / perRow)))) {
      let q = trx.insertInto(table).values(part as never);
      if (conflict) {
        q = q.onConflict((oc: any) => {
          const c = oc.columns(conflict.keys);
          return conflict.update?.length
            ? c.doUpdateSet((eb: ExpressionBuilder<any, any>) => Object.fromEntries(conflict.update!.map((col) => [col, eb.ref(`excluded.${col}`)])))
            : c.doNothing();
        }) as never;
      }
      await q.execute();
    }
  }

  /**
   * Chooses the fields of events again from the reports they now hold (after an analyst moved a
   * report), in `trx`; an id that is not an event yet becomes one (a report split off on its own).
   * Reviewed values are not put back here: the caller decides which of them still hold.
   */
  async rebuildEvents(trx: Transaction<Database>, ids: string[]): Promise<void> {
    const now = nowSeconds();
    const fuseRow = (fields: MergeInput, docId: string) => eventRow(fusedEvent(fields), docId, now);
    for (const id of ids) {
      const exists = await trx.selectFrom('events').select('event_id').where('event_id', '=', id).executeTakeFirst();
      if (!exists) {
        const first = await trx.selectFrom('event_reports').select(['doc_id', 'data']).where('event_id', '=', id)
          .orderBy('created').orderBy('report_id').executeTakeFirst();
        if (!first) continue;
        await trx.insertInto('events').values(fuseRow({ ...(JSON.parse(first.data) as MergeInput), event_id: id }, first.doc_id)).execute();
      }
      // The event's document is one it still has a report from.
      const docs = await trx.selectFrom('event_reports').select('doc_id').where('event_id', '=', id).orderBy('created').orderBy('report_id').execute();
      const current = await trx.selectFrom('events').select('doc_id').where('event_id', '=', id).executeTakeFirst();
      if (docs.length > 0 && !docs.some((d) => d.doc_id === current?.doc_id)) {
        await trx.updateTable('events').set({ doc_id: docs[0]!.doc_id }).where('event_id', '=', id).execute();
      }
      await refuseMany(trx, [id], { now, fuseRow });
    }
  }

  /**
   * Stored originals (not copies) sharing a MinHash band with the given keys: each with its
   * signature and the keys it shares (so that callers need not work out the bands of every
   * candidate again).
   */
  async documentsByBands(bandKeys: string[]): Promise<Map<string, { minhash: string; bands: string[] }>> {
    const out = new Map<string, { minhash: string; bands: string[] }>();
    // PostgreSQL: every key in one array parameter, one statement (a list of 500 parameters cost the
    // server seven times as much to plan and run, chunk by chunk).
    const pg = this.engine === 'postgres';
    const keys = [...new Set(bandKeys)];
    if (pg) {
      // One row per stored document, its signature sent once with the keys it shares: a document
      // found by several keys of a batch (templated or wire news share shingles) was a row per key,
      // each with its signature and each looked up in documents.
      if (keys.length === 0) return out;
      const { rows } = await sql<{ id: string; minhash: string | null; bands: string[] }>`
        select d.id, d.minhash, h.bands
        from (select doc_id, array_agg(band) as bands from document_bands where band = any(${keys}::text[]) group by doc_id) h
        join documents d on d.id = h.doc_id
        where d.copy_of is null`.execute(this.db);
      for (const r of rows) if (r.minhash) out.set(r.id, { minhash: r.minhash, bands: r.bands });
      return out;
    }
    for (const part of chunks(keys, ID_CHUNK)) {
      const rows = await this.db.selectFrom('document_bands as b').innerJoin('documents as d', 'd.id', 'b.doc_id')
        .select(['b.band', 'd.id', 'd.minhash'])
        .where('b.band', 'in', part)
        .where('d.copy_of', 'is', null).execute();
      for (const r of rows) {
        if (!r.minhash) continue;
        const o = out.get(r.id);
        if (o) o.bands.push(r.band);
        else out.set(r.id, { minhash: r.minhash, bands: [r.band] });
      }
    }
    return out;
  }

  // ---------- reads ----------

  private filterExpression(eb: ExpressionBuilder<Database, 'events'>, f: ResolvedFilters): Expression<SqlBool> {
    const and: Expression<SqlBool>[] = [];
    const like = this.engine === 'postgres' ? sql.raw('ilike') : sql.raw('like');
    const contains = (cols: (keyof EventsTable)[], text: string) => {
      const pattern = containsPattern(text);
      return eb.or(cols.map((c) => sql<SqlBool>`${sql.ref(`events.${c}`)} ${like} ${pattern} escape '\\'`));
    };
    if (f.from) and.push(eb('events.event_date', '>=', f.from));
    if (f.to) and.push(eb('events.event_date', '<=', f.to));
    if (f.countryPairs) and.push(countryExpression(eb, f, 'events'));
    else if (f.countries?.length) {
      and.push(eb.or([
        eb(eb.fn('lower', ['events.country']), 'in', f.countries.map((c) => c.toLowerCase())),
        eb('events.iso3', 'in', f.countries.map((c) => c.toUpperCase())),
      ]));
    }
    if (f.eventTypes?.length) and.push(eb('events.event_type', 'in', f.eventTypes));
    if (f.subEventTypes?.length) and.push(eb('events.sub_event_type', 'in', f.subEventTypes));
    if (f.admin1?.length) and.push(eb(eb.fn('lower', ['events.admin1']), 'in', f.admin1.map((a) => a.toLowerCase())));
    if (f.reviewStatus?.length) and.push(eb('events.review_status', 'in', f.reviewStatus));
    // The trigram index narrows text searches; the LIKE beside it keeps their exact meaning.
    const pre = (kind: 'q' | 'actor', text: string) => {
      const e = f.textIndex?.[kind] ? textPrefilter(this.engine, kind, text, f.ftsTerms?.[text]) : undefined;
      if (e) and.push(e);
    };
    if (f.actor) {
      // An alias ("SDF") finds the names it stands for: the index narrows by any of them, or not at all.
      const names = [f.actor, ...(f.actorNames ?? [])];
      const narrow = f.textIndex?.actor ? names.map((n) => textPrefilter(this.engine, 'actor', n, f.ftsTerms?.[n])) : [];
      if (narrow.length && narrow.every((e) => e)) and.push(narrow.length === 1 ? narrow[0]! : eb.or(narrow as Expression<SqlBool>[]));
      const actorCols: (keyof EventsTable)[] = ['actor1', 'actor2', 'assoc_actor_1', 'assoc_actor_2'];
      and.push(eb.or(names.map((a) => contains(actorCols, a))));
    }
    if (f.q) {
      pre('q', f.q);
      and.push(contains(['notes', 'actor1', 'actor2', 'assoc_actor_1', 'assoc_actor_2', 'location', 'admin1', 'country'], f.q));
    }
    if (f.bbox) {
      const [minLon, minLat, maxLon, maxLat] = f.bbox;
      and.push(eb('events.latitude', '>=', minLat), eb('events.latitude', '<=', maxLat));
      if (minLon <= maxLon) and.push(eb('events.longitude', '>=', minLon), eb('events.longitude', '<=', maxLon));
      else and.push(eb.or([eb('events.longitude', '>=', minLon), eb('events.longitude', '<=', maxLon)]));
    }
    return eb.and(and);
  }

  private selectEvents(filters: ResolvedFilters) {
    return this.db
      .selectFrom('events')
      .selectAll('events')
      .select((eb) => eb
        .selectFrom('event_documents as l')
        .select((e2) => e2.fn.countAll().as('n'))
        .whereRef('l.event_id', '=', 'events.event_id')
        .as('sources'))
      .where((eb) => this.filterExpression(eb, filters));
  }

  /** One page of events, newest first (event_date desc, then event_id). */
  async queryEvents(filters: EventFilters, page: PageRequest, options: ReadOptions = {}): Promise<EventPage> {
    const resolved = await resolveFilters(this.db, this.engine, filters);
    let q = this.selectEvents(resolved);
    if (page.cursor) {
      const c = decodeCursor(page.cursor);
      // `event_date <= c` first: a range the date indexes serve, then the tie-break.
      q = q.where((eb) => eb.and([
        eb('events.event_date', '<=', c.date),
        eb.or([eb('events.event_date', '<', c.date), eb('events.event_id', '>', c.id)]),
      ]));
    }
    const limit = Math.max(1, Math.floor(page.limit));
    // Sparse matches (resolved.sparse): ordered by an expression no index serves, so that they are
    // found from their own index and sorted (the same order: the date's text, then the id).
    const date = resolved.sparse ? sql<string>`(events.event_date || '')` : sql.ref<string>('events.event_date');
    const rows = await q.orderBy(date, 'desc').orderBy('events.event_id', 'asc').limit(limit + 1).execute();
    const more = rows.length > limit;
    const events = rows.slice(0, limit).map(rowToEvent);
    if (options.details !== false) await this.attachDetails(events, (e) => e.doc_id);
    const last = events[events.length - 1];
    return { events, next_cursor: more && last ? encodeCursor(last.event_date, last.event_id) : null };
  }

  /** Every matching event, page by page, in constant memory (for streamed exports). */
  async *iterateEvents(filters: EventFilters, options: ReadOptions & { pageSize?: number } = {}): AsyncGenerator<StoredEvent> {
    let cursor: string | undefined;
    do {
      const page = await this.queryEvents(filters, { limit: options.pageSize ?? 500, cursor }, options);
      yield* page.events;
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
  }

  async countEvents(filters: EventFilters = {}): Promise<number> {
    if (Object.values(filters).every((v) => v === undefined)) return storedCount(this.db, 'events');
    const resolved = await resolveFilters(this.db, this.engine, filters, { everyMatch: true });
    const row = await this.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => this.filterExpression(eb, resolved))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** From the count kept on write. */
  async countDocuments(): Promise<number> {
    return storedCount(this.db, 'documents');
  }

  /** The event with its claims and evidence (from its document) and every document citing it. */
  async getEvent(requested: string): Promise<EventDetail | undefined> {
    const id = await this.resolveEventId(requested);
    if (id === undefined) return undefined;
    const row = await this.selectEvents({}).where('events.event_id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const event = rowToEvent(row);
    await this.attachDetails([event], (e) => e.doc_id);
    const documents = await this.db
      .selectFrom('event_documents as l')
      .innerJoin('documents as d', 'd.id', 'l.doc_id')
      .select(['d.id', 'd.title', 'd.date', 'd.source', 'd.url'])
      .where('l.event_id', '=', id)
      .orderBy('d.date')
      .orderBy('d.id')
      .execute();
    const [reportRows, aliasRows] = await Promise.all([
      this.db.selectFrom('event_reports').select(['report_id', 'doc_id', 'data']).where('event_id', '=', id).orderBy('created').orderBy('report_id').execute(),
      this.db.selectFrom('event_aliases').select('alias').where('event_id', '=', id).orderBy('alias').execute(),
    ]);
    const docs = new Map((documents as DocumentSummary[]).map((d) => [d.id, d]));
    const reports: EventReport[] = [];
    for (const r of reportRows) {
      const values = JSON.parse(r.data) as Record<string, unknown>;
      const reportEventId = String(values.event_id);
      const spans = await this.db.selectFrom('evidence').selectAll().where('event_id', '=', reportEventId).where('doc_id', '=', r.doc_id)
        .orderBy('field').orderBy('ord').execute();
      const evidence: EventReport['evidence'] = {};
      for (const s of spans) (evidence[s.field] ??= []).push({ start: Number(s.span_start), end: Number(s.span_end), text: s.text });
      reports.push({ report_id: reportEventId, doc_id: r.doc_id, document: docs.get(r.doc_id) ?? null, values, evidence });
    }
    return {
      ...event,
      documents: documents as DocumentSummary[],
      reports,
      aliases: aliasRows.map((a) => a.alias),
      provenance: JSON.parse(String((row as { provenance?: string }).provenance ?? '{}')) as Record<string, string>,
    };
  }

  /** The id of the event `id` names: itself, or the event it was merged into (an alias). */
  async resolveEventId(id: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('events').select('event_id').where('event_id', '=', id).executeTakeFirst();
    if (row) return row.event_id;
    const alias = await this.db.selectFrom('event_aliases').select('event_id').where('alias', '=', id).executeTakeFirst();
    return alias?.event_id;
  }

  /** The document's text and metadata, with the events found in it (evidence from this document). */
  async getDocument(id: string): Promise<StoredDocument | undefined> {
    const doc = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
    if (!doc) return undefined;
    const rows = await this.selectEvents({})
      .where((eb) => eb.exists(eb.selectFrom('event_documents as l2').select('l2.event_id')
        .whereRef('l2.event_id', '=', 'events.event_id').where('l2.doc_id', '=', id)))
      .orderBy('events.event_date', 'desc')
      .orderBy('events.event_id')
      .execute();
    const events = rows.map(rowToEvent);
    await this.attachDetails(events, () => id);
    return {
      id: doc.id,
      title: doc.title,
      date: doc.date,
      source: doc.source,
      url: doc.url,
      text: doc.text,
      body_start: Number(doc.body_start),
      content_hash: doc.content_hash,
      ingested_at: Number(doc.ingested_at),
      events,
    };
  }

  /**
   * A value that changes whenever events or documents are written, by this process or another
   * (read it before the data it validates). Comparable only within one open store.
   */
  async changeVersion(): Promise<string> {
    return this.sqliteVersion ? this.sqliteVersion() : changeVersion(this.db, this.engine);
  }

  /** Stats computed under the change version they were read at: a dashboard's repeated requests cost one lookup. */
  private statsCache = { version: '', entries: new Map<string, Promise<Stats>>() };

  /**
   * Counts (and fatalities) in total, by date, by event type and by country, under the filters.
   * Answers again from memory while nothing was written (changeVersion), whichever process writes;
   * the answer is shared, so it is frozen.
   */
  async stats(filters: EventFilters = {}): Promise<Stats> {
    const version = await changeVersion(this.db, this.engine);
    const cache = this.statsCache;
    if (cache.version !== version) {
      cache.version = version;
      cache.entries.clear();
    }
    const key = JSON.stringify(filters, Object.keys(filters).sort());
    let hit = cache.entries.get(key);
    if (!hit) {
      hit = this.computeStats(filters).then(deepFreeze);
      // At most 64 filter sets kept: the oldest goes first.
      if (cache.entries.size >= 64) cache.entries.delete(cache.entries.keys().next().value!);
      cache.entries.set(key, hit);
      hit.catch(() => { if (cache.entries.get(key) === hit) cache.entries.delete(key); });
    }
    return hit;
  }

  private async computeStats(filters: EventFilters): Promise<Stats> {
    const resolved = await resolveFilters(this.db, this.engine, filters, { everyMatch: true });
    if (statsFromCounts(filters)) return countStats(this.db, resolved);
    return this.scanStats(resolved);
  }

  /** Stats by reading the matching events (text or box filters; the indexes narrow them first). */
  async scanStats(filters: ResolvedFilters): Promise<Stats> {
    const base = () => this.db.selectFrom('events').where((eb) => this.filterExpression(eb, filters));
    const counts = (eb: ExpressionBuilder<Database, 'events'>) => [
      eb.fn.countAll().as('count'),
      eb.fn.coalesce(eb.fn.sum('events.fatalities'), sql.lit(0)).as('fatalities'),
    ] as const;
    const num = <T extends { count: unknown; fatalities: unknown }>(r: T) => ({ ...r, count: Number(r.count), fatalities: Number(r.fatalities) });
    const [total, byDate, byType, byCountry, documents] = await Promise.all([
      base().select((eb) => counts(eb)).executeTakeFirst(),
      base().select('events.event_date as date').select((eb) => counts(eb)).groupBy('events.event_date').orderBy('events.event_date').execute(),
      base().select('events.event_type').select((eb) => counts(eb)).groupBy('events.event_type').orderBy('count', 'desc').orderBy('events.event_type').execute(),
      base().select(['events.country', 'events.iso3']).select((eb) => counts(eb))
        .groupBy(['events.country', 'events.iso3']).orderBy('count', 'desc').orderBy('events.country').execute(),
      this.countDocuments(),
    ]);
    return {
      total: { count: Number(total?.count ?? 0), fatalities: Number(total?.fatalities ?? 0) },
      documents,
      by_date: byDate.map(num),
      by_event_type: byType.map(num),
      by_country: byCountry.map(num),
    };
  }

  /** Fills claims and evidence of each event from the document `docOf(event)`. */
  private async attachDetails(events: StoredEvent[], docOf: (e: StoredEvent) => string): Promise<void> {
    if (events.length === 0) return;
    const byId = new Map(events.map((e) => [e.event_id, e]));
    for (const ids of chunks([...byId.keys()], ID_CHUNK)) {
      const [evRows, claimRows] = await Promise.all([
        this.db.selectFrom('evidence').selectAll().where('event_id', 'in', ids)
          .orderBy('event_id').orderBy('field').orderBy('ord').execute(),
        this.db.selectFrom('claims').selectAll().where('event_id', 'in', ids).orderBy('event_id').orderBy('ord').execute(),
      ]);
      for (const r of evRows) {
        const e = byId.get(r.event_id);
        if (!e || r.doc_id !== docOf(e)) continue;
        (e.evidence[r.field] ??= []).push({ start: Number(r.span_start), end: Number(r.span_end), text: r.text });
      }
      for (const r of claimRows) {
        const e = byId.get(r.event_id);
        if (!e || r.doc_id !== docOf(e)) continue;
        e.claims.push(rowToClaim(r));
      }
      const reportRows = await this.db.selectFrom('event_reports').select(['report_id', 'event_id', 'doc_id'])
        .where('event_id', 'in', ids).orderBy('event_id').orderBy('created').orderBy('report_id').execute();
      for (const r of reportRows) {
        const e = byId.get(r.event_id);
        if (e) (e.reports ??= []).push({ report_id: r.report_id.slice(0, r.report_id.length - r.doc_id.length - 1), doc_id: r.doc_id });
      }
    }
  }
}

/** The value with every object and array in it frozen (shared answers that no caller may change). */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export function openStore(target: string, options: OpenOptions = {}): Promise<Store> {
  return Store.open(target, options);
}

/**
 * The store the command line means: --db, else DATABASE_URL (postgres://), else ./sitrep.db.
 * On PostgreSQL, SITREP_PG_SCHEMA keeps sitrep's tables in a schema of their own.
 */
export function openConfiguredStore(dbOption: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Store> {
  const target = resolveDbTarget(dbOption, env);
  return Store.open(target, isPostgresUrl(target) && env.SITREP_PG_SCHEMA ? { pgSchema: env.SITREP_PG_SCHEMA } : {});
}

const EVENT_COLUMNS: (keyof EventsTable)[] = [
  'event_id', 'doc_id', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type', 'actor1',
  'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'country', 'iso3', 'admin1',
  'admin2', 'location', 'latitude', 'longitude', 'geo_precision', 'fatalities', 'notes', 'source', 'confidence',
  'tactics', 'updated_at',
];

function finiteOrNull(x: unknown): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function eventRow(e: AcledEvent, docId: string, now: number): EventsTable {
  const year = /^(\d{4})/.exec(e.event_date ?? '');
  return {
    event_id: e.event_id,
    doc_id: docId,
    event_date: e.event_date ?? '',
    year: year ? Number(year[1]) : 0,
    time_precision: e.time_precision,
    event_type: e.event_type ?? '',
    sub_event_type: e.sub_event_type ?? '',
    actor1: e.actor1 ?? '',
    assoc_actor_1: e.assoc_actor_1 ?? '',
    inter1: e.inter1 ?? 0,
    actor2: e.actor2 ?? '',
    assoc_actor_2: e.assoc_actor_2 ?? '',
    inter2: e.inter2 ?? 0,
    interaction: e.interaction ?? 0,
    country: e.country ?? '',
    iso3: e.iso3 ?? '',
    admin1: e.admin1 ?? '',
    admin2: e.admin2 ?? '',
    location: e.location ?? '',
    latitude: finiteOrNull(e.latitude),
    longitude: finiteOrNull(e.longitude),
    geo_precision: e.geo_precision,
    fatalities: e.fatalities ?? 0,
    notes: e.notes ?? '',
    source: e.source ?? '',
    confidence: finiteOrNull(e.confidence) ?? 0,
    tactics: JSON.stringify(e.tactics ?? []),
    updated_at: now,
  };
}

/** Fused fields (any may be missing) as a complete event for eventRow. */
function fusedEvent(f: MergeInput): AcledEvent {
  return {
    doc_id: '', event_date: '', time_precision: 3, event_type: '', sub_event_type: '', actor1: '', assoc_actor_1: '', inter1: 0,
    actor2: '', assoc_actor_2: '', inter2: 0, interaction: 0, country: '', iso3: '', admin1: '', admin2: '', location: '',
    latitude: null, longitude: null, geo_precision: 3, fatalities: 0, notes: '', source: '', confidence: 0,
    ...f,
    claims: [], evidence: {}, tactics: f.tactics ?? [],
  } as AcledEvent;
}

function claimRow(c: Claim, eventId: string, docId: string, ord: number): ClaimsTable {
  return {
    event_id: eventId,
    doc_id: docId,
    ord,
    kind: c.kind,
    value: finiteOrNull(c.value),
    tactic: c.tactic ?? null,
    subject: c.subject ?? null,
    reporter: c.reporter ?? null,
    evidence_start: c.evidence.start,
    evidence_end: c.evidence.end,
    evidence_text: c.evidence.text,
    reporter_start: c.reporterEvidence?.start ?? null,
    reporter_end: c.reporterEvidence?.end ?? null,
    reporter_text: c.reporterEvidence?.text ?? null,
  };
}

function rowToClaim(r: ClaimsTable): Claim {
  const claim: Claim = {
    kind: r.kind,
    value: r.value === null ? null : Number(r.value),
    evidence: { start: Number(r.evidence_start), end: Number(r.evidence_end), text: r.evidence_text },
  };
  if (r.tactic !== null) claim.tactic = r.tactic;
  if (r.subject !== null) claim.subject = r.subject;
  if (r.reporter !== null) claim.reporter = r.reporter;
  if (r.reporter_start !== null && r.reporter_end !== null && r.reporter_text !== null) {
    claim.reporterEvidence = { start: Number(r.reporter_start), end: Number(r.reporter_end), text: r.reporter_text } as EvidenceSpan;
  }
  return claim;
}

function rowToEvent(r: EventsTable & { sources: unknown }): StoredEvent {
  return {
    event_id: r.event_id,
    doc_id: r.doc_id,
    event_date: r.event_date,
    time_precision: Number(r.time_precision) as 1 | 2 | 3,
    event_type: r.event_type,
    sub_event_type: r.sub_event_type,
    actor1: r.actor1,
    assoc_actor_1: r.assoc_actor_1,
    inter1: Number(r.inter1),
    actor2: r.actor2,
    assoc_actor_2: r.assoc_actor_2,
    inter2: Number(r.inter2),
    interaction: Number(r.interaction),
    country: r.country,
    iso3: r.iso3,
    admin1: r.admin1,
    admin2: r.admin2,
    location: r.location,
    latitude: r.latitude === null ? null : Number(r.latitude),
    longitude: r.longitude === null ? null : Number(r.longitude),
    geo_precision: Number(r.geo_precision) as 1 | 2 | 3,
    fatalities: Number(r.fatalities),
    notes: r.notes,
    source: r.source,
    confidence: Number(r.confidence),
    claims: [],
    tactics: JSON.parse(r.tactics) as string[],
    evidence: {},
    sources: Number(r.sources ?? 0),
    source_count: Number(r.source_count ?? (r.source ? 1 : 0)),
    timestamp: Number(r.updated_at),
    review_status: (r.review_status ?? 'unreviewed') as StoredEvent['review_status'],
  };
}
