// Two `sitrep ingest` processes writing one SQLite file at the same time both finish, and every
// document of both is stored (issue 18: one used to die with "database is locked").
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { isBusyError, retryWhileBusy } from '../../src/store/sqlite-writers.js';
import { finished, startCli } from './cli-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-concurrent-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function articles(prefix: string, n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    lines.push(JSON.stringify({
      id: `${prefix}${i}`,
      date: '2023-03-01',
      text: `Soldiers clashed with rebels near Garissa on Monday, killing ${(i % 5) + 2} people, police said (${prefix}${i}).`,
    }));
  }
  return lines.join('\n') + '\n';
}

test('two concurrent ingests into one new SQLite file both complete with every document stored', async () => {
  const db = join(dir, 'shared.db');
  const inputs = ['a', 'b'].map((p) => {
    const f = join(dir, `${p}.jsonl`);
    writeFileSync(f, articles(p, 60));
    return f;
  });
  // Small batches: many write transactions that contend for the lock; both start on a new file.
  const results = await Promise.all(inputs.map((f) => finished(startCli(['ingest', '--quiet', '--batch-size', '2', '--db', db, f]))));
  for (const r of results) assert.equal(r.code, 0, r.stderr);
  const sqlite = new Database(db, { readonly: true });
  try {
    const count = (sqlite.prepare('select count(*) as n from documents').get() as { n: number }).n;
    assert.equal(count, 120);
    const ids = sqlite.prepare("select count(*) as n from documents where id like 'a%' or id like 'b%'").get() as { n: number };
    assert.equal(ids.n, 120);
  } finally {
    sqlite.close();
  }
});

test('a busy transaction is run again; other errors are not', async () => {
  let calls = 0;
  const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
  assert.equal(await retryWhileBusy(async () => (++calls < 3 ? Promise.reject(busy) : 'done')), 'done');
  assert.equal(calls, 3);
  assert.ok(isBusyError(busy));
  const other = Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT' });
  calls = 0;
  await assert.rejects(retryWhileBusy(async () => { calls++; throw other; }), /constraint/);
  assert.equal(calls, 1);
  await assert.rejects(retryWhileBusy(async () => { throw busy; }, 0), /locked/);
});
