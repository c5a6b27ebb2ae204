// Runs every test/**/*.test.ts with node's test runner (Node 20 does not expand globs itself).
// Extra arguments are passed through, e.g. `npm test -- --test-name-pattern seed`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
function find(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
const only = process.env.SITREP_TESTS ? process.env.SITREP_TESTS.split(',') : null;
const files = find(join(root, 'test')).filter((f) => !only || only.some((o) => f.includes(o)));
if (files.length === 0) {
  console.error('run-tests: no test files found under test/');
  process.exit(1);
}
const r = spawnSync(process.execPath, [
  '--import', 'tsx', '--test', '--test-concurrency=1',
  // A test that hangs fails after 10 minutes instead of holding CI, and so does a test file (on
  // Node 20 the limit is each file's too: its process is stopped and the file reported failed),
  // whether a test hangs or a handle left open holds the process after its tests. Ten, not five: on
  // a machine shared 11 times over, test/store/ingest-cli.test.ts's tests took 7 minutes together.
  // No --test-force-exit: on Node 20 it ends the run before every file's results are read (59 to 79
  // of samples.test.ts's 79 tests were reported in runs of the same commit, with "fail 0").
  '--test-timeout=600000',
  ...process.argv.slice(2), ...files,
], {
  stdio: 'inherit',
  cwd: root,
  // The whole run is bounded too (CI allows 90 minutes): past 80 it is stopped, failed, loudly.
  timeout: 80 * 60 * 1000,
  killSignal: 'SIGKILL',
});
if (r.error || r.signal) console.error(`run-tests: the run did not end by itself: ${r.error?.message ?? `stopped by ${r.signal}`}`);
process.exit(r.status ?? 1);
