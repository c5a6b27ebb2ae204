// Developer tool: time each pipeline stage over the Guardian sample (needs `npm run build`).
// Usage: node scripts/profile-stages.mjs [--copies N] [--against DIR]
// --against DIR compares this checkout with another built one (e.g. a scratch copy with a change
// reverted): passes over the sample alternate between the two in one process, and each stage's
// fastest pass is reported, which on a machine shared with other work is far steadier than one run.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const input = join(root, '..', 'shared', 'eval-data', 'guardian-sdf', 'Guardian_SDF_sample.csv');
if (!existsSync(input)) {
  console.log(`profile-stages: skipped: ${input} not found`);
  process.exit(0);
}
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const against = arg('--against');
const copies = Number(arg('--copies') ?? (against ? 12 : 4));
const rows = parse(readFileSync(input), { columns: true, bom: true });

async function load(dir) {
  const { createExtractor, createDoc } = await import(join(dir, 'dist/pipeline/index.js'));
  const { assembleEvents } = await import(join(dir, 'dist/extraction/assemble.js'));
  return { dir, extractor: createExtractor(), createDoc, assembleEvents, passes: [], tokens: 0 };
}

/** One pass over the sample: milliseconds per stage. */
function pass(p) {
  const times = new Map();
  for (const r of rows) {
    const doc = p.createDoc({ text: r.text, date: r.date, origin: { file: 'bench' } });
    for (const stage of p.extractor.components) {
      const t0 = performance.now();
      stage.apply(doc);
      times.set(stage.name, (times.get(stage.name) ?? 0) + performance.now() - t0);
    }
    const t0 = performance.now();
    p.assembleEvents(doc);
    times.set('assemble', (times.get('assemble') ?? 0) + performance.now() - t0);
    p.tokens += doc.tokens.length;
  }
  p.passes.push(times);
}

const here = await load(root);
if (!against) {
  for (let c = 0; c < copies; c++) pass(here);
  const n = rows.length * copies;
  let total = 0;
  for (const name of here.passes[0].keys()) {
    const ms = here.passes.reduce((s, t) => s + t.get(name), 0);
    total += ms;
    console.log(`${name.padEnd(12)} ${((ms / n) * 1000).toFixed(0).padStart(6)} µs/article`);
  }
  console.log(`${'total'.padEnd(12)} ${((total / n) * 1000).toFixed(0).padStart(6)} µs/article (${(here.tokens / n).toFixed(0)} tokens/article)`);
} else {
  const other = await load(resolve(against));
  for (let c = 0; c < copies; c++) for (const p of c % 2 ? [here, other] : [other, here]) pass(p);
  const best = (p, name) => (Math.min(...p.passes.map((t) => t.get(name) ?? Infinity)) / rows.length) * 1000;
  console.log(`${'µs/article'.padEnd(12)} ${'this'.padStart(8)} ${'against'.padStart(8)}  (fastest of ${copies} passes each)`);
  let a = 0;
  let b = 0;
  for (const name of here.passes[0].keys()) {
    a += best(here, name);
    b += best(other, name);
    console.log(`${name.padEnd(12)} ${best(here, name).toFixed(0).padStart(8)} ${best(other, name).toFixed(0).padStart(8)}`);
  }
  console.log(`${'total'.padEnd(12)} ${a.toFixed(0).padStart(8)} ${b.toFixed(0).padStart(8)}`);
}
