// The store tests run the same cases on SQLite (a temporary file) and on PostgreSQL (the local
// server of CI: 127.0.0.1:5432, trust auth, database `test`), each run in its own schema that is
// dropped afterwards. PostgreSQL cases are skipped, with a message, when no server answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store } from '../../src/store/index.js';

export interface EngineUnderTest {
  name: 'sqlite' | 'postgres';
  /** Why it is skipped, or false. */
  skip: string | false;
  /** A fresh, empty store. */
  open(): Promise<Store>;
  /** The same database again (e.g. after closing), for idempotency checks. */
  reopen(): Promise<Store>;
  /** Target for a child process (`--db`), and environment it needs. */
  target(): { db: string; env: Record<string, string> };
  cleanup(): Promise<void>;
}

const PG_CANDIDATES = process.env.SITREP_TEST_DATABASE_URL
  ? [process.env.SITREP_TEST_DATABASE_URL]
  : ['postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'];

let pgProbe: Promise<string | undefined> | undefined;

/** The first PostgreSQL URL that accepts a connection, or undefined. */
export function reachablePostgres(): Promise<string | undefined> {
  pgProbe ??= (async () => {
    for (const url of PG_CANDIDATES) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      try {
        await client.connect();
        await client.query('select 1');
        return url;
      } catch {
        // try the next one
      } finally {
        await client.end().catch(() => {});
      }
    }
    return undefined;
  })();
  return pgProbe;
}

export function sqliteEngine(): EngineUnderTest {
  let dir: string | undefined;
  const path = () => {
    dir ??= mkdtempSync(join(tmpdir(), 'sitrep-store-'));
    return join(dir, 'test.db');
  };
  return {
    name: 'sqlite',
    skip: false,
    open: () => openStore(path()),
    reopen: () => openStore(path()),
    target: () => ({ db: path(), env: {} }),
    async cleanup() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    },
  };
}

export async function postgresEngine(): Promise<EngineUnderTest> {
  const url = await reachablePostgres();
  // SITREP_TEST_SCHEMA_PREFIX: a prefix of one's own where several runs share the server.
  const schema = `${process.env.SITREP_TEST_SCHEMA_PREFIX ?? 'sitrep_test'}_${process.pid}_${randomBytes(4).toString('hex')}`;
  return {
    name: 'postgres',
    skip: url
      ? false
      : `PostgreSQL not reachable at ${PG_CANDIDATES.join(' or ')} (set SITREP_TEST_DATABASE_URL); PostgreSQL store tests skipped`,
    open: () => openStore(url!, { pgSchema: schema }),
    reopen: () => openStore(url!, { pgSchema: schema }),
    target: () => ({ db: url!, env: { SITREP_PG_SCHEMA: schema } }),
    async cleanup() {
      if (!url) return;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      // The job queue of `sitrep worker` on this store (test/feeds/workers.test.ts).
      await client.query(`drop schema if exists "${schema}_jobs" cascade`);
      await client.end();
    },
  };
}

export async function engines(): Promise<EngineUnderTest[]> {
  return [sqliteEngine(), await postgresEngine()];
}
