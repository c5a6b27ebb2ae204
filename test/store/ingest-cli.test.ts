// `sitrep ingest` as a process: killed mid-run (SIGKILL) or interrupted (SIGINT), then run again,
// every document ends up stored exactly once with the same events as an uninterrupted run.
// Same cases on SQLite and PostgreSQL.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore, type Store } from '../../src/store/index.js';
import { finished, runCli, startCli } from './cli-helpers.js';
import { engines, sqliteEngine, type EngineUnderTest } from './engines.js';

const DOCS = 800;
let dir: string;
let corpus: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-cli-'));
  corpus = join(dir, 'corpus.jsonl');
  const towns = ['Al-Hasakah', 'Raqqa', 'Deir ez-Zor', 'Qamishli', 'Manbij'];
  // Each report has its own wording (a deterministic word salad), so no two are near-copies that
  // the store would keep as copies without extraction: the run lasts long enough to be interrupted.
  const words = ['residents', 'described', 'heavy', 'gunfire', 'near', 'the', 'market', 'while', 'families', 'fled',
    'towards', 'farms', 'outside', 'town', 'and', 'shops', 'stayed', 'closed', 'until', 'evening', 'local', 'officials',
    'asked', 'for', 'calm', 'as', 'roads', 'remained', 'blocked', 'by', 'checkpoints', 'trucks', 'carrying', 'wheat'];
  let seed = 7;
  const salad = () => Array.from({ length: 40 }, () => words[(seed = (seed * 1103515245 + 12345) % 2147483648) % words.length]).join(' ');
  const lines: string[] = [];
  for (let i = 0; i < DOCS; i++) {
    const town = towns[i % towns.length];
    lines.push(JSON.stringify({
      id: `n${i}`,
      date: `2022-01-${String(10 + (i % 18)).padStart(2, '0')}`,
      text: `Fighters of the Islamic State attacked positions of the Syrian Democratic Forces in ${town} on Sunday, ` +
        `killing ${1 + (i % 9)} SDF fighters, the SDF said. Report number ${i}. ${salad()}.`,
    }));
  }
  writeFileSync(corpus, lines.join('\n') + '\n');
});

after(() => rmSync(dir, { recursive: true, force: true }));

interface Snapshot {
  documents: number;
  links: number;
  events: string[];
}

async function snapshot(store: Store): Promise<Snapshot> {
  const n = async (t: 'documents' | 'event_documents') =>
    Number((await store.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);
  const events = await store.db.selectFrom('events').select(['event_id', 'doc_id', 'event_date', 'event_type', 'fatalities', 'location']).orderBy('event_id').execute();
  return { documents: await n('documents'), links: await n('event_documents'), events: events.map((e) => JSON.stringify(e)) };
}

async function documentsStored(engine: EngineUnderTest, name: string): Promise<number> {
  const store = await openFor(engine, name);
  try {
    return (await snapshot(store)).documents;
  } finally {
    await store.close();
  }
}

/** Each case gets its own database: a SQLite file per name, or a schema per engine instance. */
const instances = new Map<string, EngineUnderTest>();
async function instance(engine: EngineUnderTest, name: string): Promise<EngineUnderTest> {
  const key = `${engine.name}:${name}`;
  if (!instances.has(key)) {
    instances.set(key, engine.name === 'sqlite' ? sqliteEngine() : (await engines())[1]!);
  }
  return instances.get(key)!;
}
async function openFor(engine: EngineUnderTest, name: string): Promise<Store> {
  return (await instance(engine, name)).reopen();
}
async function ingestArgs(engine: EngineUnderTest, name: string, extra: string[] = []) {
  const t = (await instance(engine, name)).target();
  return { args: ['ingest', '--db', t.db, '--batch-size', '25', ...extra, corpus], env: t.env };
}

/** Starts an ingest and interrupts it with `signal` once some, but not all, documents are stored. */
async function interrupted(engine: EngineUnderTest, name: string, signal: NodeJS.Signals) {
  const { args, env } = await ingestArgs(engine, name);
  const child = startCli(args, env);
  const done = finished(child);
  let stored = 0;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    stored = await documentsStored(engine, name).catch(() => 0);
    if (stored > 0) break;
    await sleep(5);
  }
  child.kill(signal);
  const result = await done;
  return { result, storedAtSignal: stored };
}

for (const engine of await engines()) {
  describe(`sitrep ingest interrupted, on ${engine.name}`, { skip: engine.skip }, () => {
    let reference: Snapshot;
    after(async () => {
      for (const e of instances.values()) await e.cleanup();
      instances.clear();
    });

    test('an uninterrupted run stores every document (the reference)', async () => {
      const { args, env } = await ingestArgs(engine, 'reference', ['--quiet']);
      const first = await runCli(args, env);
      assert.equal(first.code, 0, first.stderr);
      const store = await openFor(engine, 'reference');
      reference = await snapshot(store);
      await store.close();
      assert.equal(reference.documents, DOCS);
      assert.ok(reference.events.length > 0, 'the corpus yields events');
    });

    test('killed (SIGKILL) mid-run, then run again: every document exactly once', async () => {
      const { result, storedAtSignal } = await interrupted(engine, 'killed', 'SIGKILL');
      assert.equal(result.signal, 'SIGKILL', `the ingest ended before it was killed: ${result.stderr}`);
      assert.ok(storedAtSignal > 0 && storedAtSignal < DOCS, `killed mid-run (${storedAtSignal} of ${DOCS} stored)`);
      const partial = await documentsStored(engine, 'killed');
      assert.ok(partial < DOCS, 'the kill left work to do');
      const { args, env } = await ingestArgs(engine, 'killed');
      const rerun = await runCli(args, env);
      assert.equal(rerun.code, 0, rerun.stderr);
      assert.match(rerun.stderr, new RegExp(`${(DOCS - partial).toLocaleString('en-US')} new`));
      const store = await openFor(engine, 'killed');
      assert.deepEqual(await snapshot(store), reference);
      await store.close();
    });

    test('Ctrl-C (SIGINT) stores what was read and exits 130; the next run completes', async () => {
      const { result } = await interrupted(engine, 'sigint', 'SIGINT');
      assert.equal(result.code, 130, result.stderr);
      assert.match(result.stderr, /interrupted after/);
      const { args, env } = await ingestArgs(engine, 'sigint');
      const rerun = await runCli(args, env);
      assert.equal(rerun.code, 0, rerun.stderr);
      const store = await openFor(engine, 'sigint');
      assert.deepEqual(await snapshot(store), reference);
      await store.close();
    });
  });
}
