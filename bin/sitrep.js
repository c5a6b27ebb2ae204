#!/usr/bin/env node
// Runs the compiled CLI (npm install builds dist/ through the "prepare" script).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
// V8's optimising compiler set to compile less: a run over a few thousand articles spends much of
// its time before its code is optimised, and on one core the compiler thread takes its CPU from
// extraction. No inlining (over `npm run bench`'s 2,000 articles pinned to one CPU, 18% less CPU
// time than V8's defaults), no loop peeling (a further 6%) and no inlined array built-ins (4%);
// runs of 10,000 articles are 4-8% faster with the last two and the same with the first.
setFlagsFromString('--no-turbo-inlining');
setFlagsFromString('--no-turbo-loop-peeling');
setFlagsFromString('--no-turbo-inline-array-builtins');
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('sitrep: not built yet; run `npm install` (or `npm run build`) in the sitrep checkout\n');
  process.exit(2);
}
await import(entry.href);
