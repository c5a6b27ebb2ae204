// The SQLite statement cache under kysely: the same SQL text reuses its prepared statement, a
// statement still being read (an unfinished stream) is never handed out again, and queries through
// the cache give the same answers as without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { withStatementCache } from '../../src/store/sqlite-writers.js';

test('a prepared statement is reused, unless it is busy', () => {
  const db = new Database(':memory:');
  const cached = withStatementCache(db);
  const a = cached.prepare('select 1 as x');
  assert.equal(cached.prepare('select 1 as x'), a);
  db.exec('create table t (n integer)');
  db.exec('insert into t values (1), (2), (3)');
  const s = cached.prepare('select n from t order by n') as unknown as Database.Statement;
  const it = s.iterate();
  assert.deepEqual(it.next().value, { n: 1 });
  // The first statement is mid-read: another prepare of the same text gets its own statement.
  const other = cached.prepare('select n from t order by n') as unknown as Database.Statement;
  assert.notEqual(other, s);
  assert.deepEqual(other.all(), [{ n: 1 }, { n: 2 }, { n: 3 }]);
  it.return?.();
  assert.equal(cached.prepare('select n from t order by n'), s);
  db.close();
});

test('kysely through the cache: writes, reads and a stream interleaved with a query', async () => {
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: withStatementCache(new Database(':memory:')) }) });
  await sql`create table t (n integer)`.execute(db);
  for (let i = 0; i < 5; i++) await db.insertInto('t').values({ n: i }).execute();
  for (let i = 0; i < 3; i++) {
    const rows = await db.selectFrom('t').select('n').where('n', '>=', i).orderBy('n').execute();
    assert.deepEqual(rows.map((r) => r.n), [0, 1, 2, 3, 4].filter((n) => n >= i));
  }
  const seen = [];
  for await (const r of db.selectFrom('t').select('n').orderBy('n').stream()) {
    seen.push(r.n);
    if (seen.length === 2) break;
  }
  assert.deepEqual(seen, [0, 1]);
  assert.equal((await db.selectFrom('t').select('n').orderBy('n').execute()).length, 5);
  await db.destroy();
});
