#!/usr/bin/env node
// Runs the compiled CLI (npm install builds dist/ through the "prepare" script).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
// Less inlining makes V8's optimising compiler finish sooner: a run over a few thousand articles
// spends much of its time waiting for optimised code (about 10% faster end to end, measured with
// `npm run bench`; long-running processes lose 3-5% of steady-state speed).
setFlagsFromString('--no-turbo-inlining');
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('sitrep: not built yet; run `npm install` (or `npm run build`) in the sitrep checkout\n');
  process.exit(2);
}
await import(entry.href);
