// The newcomer's path: every subcommand's --help has examples and says what is required, the
// README's examples name files that exist, and `export` says when its filters match nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../src/store/index.js';
import { syntheticEvent } from '../store/fixtures.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
function sitrep(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('every subcommand\'s --help has examples and says what is required', () => {
  for (const cmd of [['extract'], ['ingest'], ['export'], ['serve'], ['geoparse'], ['eval', 'acled'], ['eval', 'all'], ['eval', 'geoparse']]) {
    const r = sitrep([...cmd, '--help']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Examples?:\n {2}sitrep /, `${cmd.join(' ')} --help has examples`);
    assert.match(r.stdout, /Required: /, `${cmd.join(' ')} --help says what is required`);
  }
});

test('the README\'s sitrep examples name sample files that exist', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const named = [...readme.matchAll(/sitrep \w+[^\n`]*?(samples\/[\w./*-]+)/g)].map((m) => m[1]!.replace(/\/\*\.txt$/, ''));
  assert.ok(named.length >= 4, 'the README shows the samples in its examples');
  for (const p of named) assert.ok(existsSync(join(root, p)), `${p} exists`);
});

test('export warns on stderr when its filters match no stored event, and exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-newcomer-'));
  const db = join(dir, 'n.db');
  try {
    const store = await openStore(db);
    await store.saveDocuments([{ id: 'd1', text: 'Article', events: [syntheticEvent({ event_id: 'e1', doc_id: 'd1' })] }]);
    await store.close();
    const none = sitrep(['export', '--format', 'jsonl', '--db', db, '--country', 'Atlantis']);
    assert.equal(none.status, 0, none.stderr);
    assert.match(none.stderr, /warning: no stored event matches --country Atlantis/);
    const some = sitrep(['export', '--format', 'jsonl', '--db', db, '--country', 'Syria']);
    assert.equal(some.stderr, '');
    assert.equal(some.stdout.trim().split('\n').length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
