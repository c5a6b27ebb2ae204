// Several writers on one SQLite file (two `sitrep ingest` runs, or ingest beside `serve`): WAL lets
// readers go on while one writes; write transactions start with BEGIN IMMEDIATE, so a writer waits
// for the write lock (busy timeout) when it starts instead of failing when a read turns into a
// write (SQLITE_BUSY at upgrade is never retried by SQLite itself); and a transaction that still
// meets a busy database is run again, with back-off, for up to RETRY_MS.
import { CompiledQuery, SqliteDialect, type DatabaseConnection, type Driver } from 'kysely';

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
