#!/usr/bin/env node
// Runs the compiled CLI (npm install builds dist/ through the "prepare" script).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
// No inlining in V8's optimising compiler: a run over a few thousand articles spends much of its
// time before its code is optimised, and compiling without inlining costs the compiler thread
// less: over `npm run bench`'s 2,000 articles pinned to one CPU, 18% less CPU time than V8's
// defaults (4% less than only limiting inlining); runs of 10,000 measured the same either way.
setFlagsFromString('--no-turbo-inlining');
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('sitrep: not built yet; run `npm install` (or `npm run build`) in the sitrep checkout\n');
  process.exit(2);
}
await import(entry.href);
