// PostgreSQL for `npm run bench:feeds`: SITREP_TEST_DATABASE_URL, else the local server of CI.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function reachablePostgres(): Promise<string | undefined> {
  const candidates = process.env.SITREP_TEST_DATABASE_URL
    ? [process.env.SITREP_TEST_DATABASE_URL]
    : ['postgres://postgres@127.0.0.1:5432/test', 'postgres://root@127.0.0.1:5432/test'];
  for (const url of candidates) {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await c.connect();
      await c.query('select 1');
      return url;
    } catch {
      // next
    } finally {
      await c.end().catch(() => {});
    }
  }
  return undefined;
}
