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
  // A test that hangs fails after 5 minutes instead of holding CI; handles a failed test left open
  // (a browser, a server) do not keep the run from ending.
  '--test-timeout=300000', '--test-force-exit',
  ...process.argv.slice(2), ...files,
], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(r.status ?? 1);
