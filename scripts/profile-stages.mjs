// Developer tool: time each pipeline stage over the Guardian sample (needs `npm run build`).
// Usage: node scripts/profile-stages.mjs [--copies N]
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { createExtractor, createDoc } = await import(join(root, 'dist/pipeline/index.js'));
const { assembleEvents } = await import(join(root, 'dist/extraction/assemble.js'));
const input = join(root, '..', 'shared', 'eval-data', 'guardian-sdf', 'Guardian_SDF_sample.csv');
if (!existsSync(input)) {
  console.log(`profile-stages: skipped: ${input} not found`);
  process.exit(0);
}
const i = process.argv.indexOf('--copies');
const copies = i > 0 ? Number(process.argv[i + 1]) : 4;
const rows = parse(readFileSync(input), { columns: true, bom: true });
const extractor = createExtractor();
const times = new Map();
let tokens = 0;
for (let c = 0; c < copies; c++) {
  for (const r of rows) {
    const doc = createDoc({ text: r.text, date: r.date, origin: { file: 'bench' } });
    for (const stage of extractor.components) {
      const t0 = performance.now();
      stage.apply(doc);
      times.set(stage.name, (times.get(stage.name) ?? 0) + performance.now() - t0);
    }
    const t0 = performance.now();
    assembleEvents(doc);
    times.set('assemble', (times.get('assemble') ?? 0) + performance.now() - t0);
    tokens += doc.tokens.length;
  }
}
const n = rows.length * copies;
let total = 0;
for (const [name, ms] of times) {
  total += ms;
  console.log(`${name.padEnd(12)} ${((ms / n) * 1000).toFixed(0).padStart(6)} µs/article`);
}
console.log(`${'total'.padEnd(12)} ${((total / n) * 1000).toFixed(0).padStart(6)} µs/article (${(tokens / n).toFixed(0)} tokens/article)`);
