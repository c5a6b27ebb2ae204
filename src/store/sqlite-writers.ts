// Several writers on one SQLite file (two `sitrep ingest` runs, or ingest beside `serve`): WAL lets
// readers go on while one writes; write transactions start with BEGIN IMMEDIATE, so a writer waits
// for the write lock (busy timeout) when it starts instead of failing when a read turns into a
// write (SQLITE_BUSY at upgrade is never retried by SQLite itself); and a transaction that still
// meets a busy database is run again, with back-off, for up to RETRY_MS.
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteStatement } from 'kysely';

/** How long one statement waits for a lock before SQLite reports the database busy. */
export const BUSY_TIMEOUT_MS = 10_000;
/** How long a transaction is retried while the database stays busy. */
export const RETRY_MS = 120_000;

export class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection: DatabaseConnection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

/** True for SQLite's "database is locked" / "database is busy" errors. */
export function isBusyError(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** Runs `fn` again while it fails because the database is busy (other writers), up to `retryMs`. */
export async function retryWhileBusy<T>(fn: () => Promise<T>, retryMs = RETRY_MS): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (!isBusyError(err) || Date.now() - started > retryMs) throw err;
      const wait = Math.min(1000, 20 * 2 ** attempt) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Prepared statements kept per connection: the API runs the same few dozen statements again and again. */
const STATEMENT_CACHE = 256;

/**
 * The database as kysely's SQLite driver uses it (prepare, close), with each SQL text prepared once
 * and its statement reused: preparing costs about as much as running a page query at a million
 * events. A statement still being read (a stream not finished) is not shared: a fresh one is
 * prepared instead. Least recently used statements beyond STATEMENT_CACHE are dropped.
 */
export function withStatementCache(database: SqliteDatabase & { prepare(sql: string): SqliteStatement & { busy?: boolean } }): SqliteDatabase {
  const cache = new Map<string, SqliteStatement & { busy?: boolean }>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = database.prepare(sql);
      if (!hit) {
        cache.set(sql, stmt);
        if (cache.size > STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      return stmt;
    },
  };
}
