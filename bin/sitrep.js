#!/usr/bin/env node
// Runs the compiled CLI (npm install builds dist/ through the "prepare" script).
import { existsSync } from 'node:fs';
// (V8 flags first: see v8-flags.js.)
import './v8-flags.js';
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('sitrep: not built yet; run `npm install` (or `npm run build`) in the sitrep checkout\n');
  process.exit(2);
}
await import(entry.href);
