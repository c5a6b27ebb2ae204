// `npm run bench`: times `sitrep extract` (the whole process, start-up included) over the Guardian
// articles in ../shared/eval-data/guardian-sdf, replicated to ~2,000, and reports articles/s,
// start-up time and peak memory. Extraction runs on one thread, but V8 compiles and collects
// garbage on helper threads: where taskset exists, each run is also timed with the whole process
// pinned to one CPU ("one core"). Options: --copies N (default 8), --input FILE, --runs N (default
// 1: on a shared machine, several runs and their median say more than one; CPU time is reported
// too, as it varies less than wall time when other processes compete for the cores).
// In the same run, a baseline is timed: a bare read of the same file (a Node process that reads
// each line, parses its JSON and counts the words of its text with one regular expression), and
// sitrep's time is printed as a ratio to it: absolute speeds differ several-fold between machines,
// the ratio much less.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const copies = Number(arg('--copies', '8'));
const runs = Math.max(1, Number(arg('--runs', '1')));
const input = arg('--input', join(root, '..', 'shared', 'eval-data', 'guardian-sdf', 'Guardian_SDF_sample.csv'));
const bin = join(root, 'bin', 'sitrep.js');
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('bench: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
if (!existsSync(input)) {
  console.log(`bench: skipped: ${input} not found (the Guardian sample lives in ../shared/eval-data)`);
  process.exit(0);
}

// Replicate the CSV's rows (new ids, same text) into one JSONL file.
const { parse } = await import('csv-parse/sync');
const rows = parse(readFileSync(input), { columns: true, bom: true, relax_column_count: true });
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
const file = join(dir, 'articles.jsonl');
const lines = [];
let bytes = 0;
for (let c = 0; c < copies; c++) {
  for (const [i, r] of rows.entries()) {
    lines.push(JSON.stringify({ id: `g${c}-${i}`, date: r.date, text: r.text, source: r.source }));
    bytes += r.text.length;
  }
}
writeFileSync(file, lines.join('\n') + '\n');
const articles = lines.length;
const baselineScript = join(dir, 'baseline.mjs');
writeFileSync(baselineScript, [
  "import { createReadStream } from 'node:fs';",
  "import { createInterface } from 'node:readline';",
  'let words = 0;',
  "for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {",
  '  if (!line) continue;',
  '  const text = JSON.parse(line).text;',
  '  for (const _ of text.matchAll(/[\\p{L}\\p{N}]+/gu)) words++;',
  '}',
  'console.log(words);',
].join('\n'));

/** The first CPU this process may run on (for taskset), or undefined without taskset. */
function firstCpu() {
  const r = spawnSync('taskset', ['-cp', String(process.pid)], { encoding: 'utf8' });
  const m = r.status === 0 ? /:\s*(\d+)/.exec(r.stdout) : null;
  return m ? m[1] : undefined;
}
const pinCpu = firstCpu();

function timed(cmdArgs, pin = false, script = bin) {
  const t0 = process.hrtime.bigint();
  const timeArgs = ['-f', '%M %U %S', process.execPath, script, ...cmdArgs];
  const r = pin
    ? spawnSync('taskset', ['-c', pinCpu, '/usr/bin/time', ...timeArgs], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync('/usr/bin/time', timeArgs, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const [rssKb, user, sys] = (r.stderr.trim().split('\n').pop() ?? '').trim().split(/\s+/).map(Number);
  return { seconds, cpu: user + sys, rssMb: rssKb / 1024, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const hasTime = existsSync('/usr/bin/time');
if (!hasTime) console.log('bench: /usr/bin/time not found; peak memory and CPU time will not be reported');
const run = (a, script = bin) => (hasTime ? timed(a, false, script) : (() => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [script, ...a], { encoding: 'utf8', maxBuffer: 1 << 30 });
  return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, cpu: NaN, rssMb: NaN, status: r.status, stdout: r.stdout, stderr: r.stderr };
})());
const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

const startups = [];
const fulls = [];
const pinned = [];
const baselines = [];
const pinnedBaselines = [];
const check = (r) => {
  if (r.status === 0) return r;
  rmSync(dir, { recursive: true, force: true });
  console.error('bench: sitrep extract failed:\n' + r.stderr);
  process.exit(1);
};
for (let r = 0; r < runs; r++) {
  startups.push(run(['extract', '--quiet', join(root, 'samples', 'articles', 'garissa-clash.txt')]));
  fulls.push(check(run(['extract', '--quiet', file])));
  baselines.push(check(run([file], baselineScript)));
  if (hasTime && pinCpu !== undefined) {
    pinned.push(check(timed(['extract', '--quiet', file], true)));
    pinnedBaselines.push(check(timed([file], true, baselineScript)));
  }
}
rmSync(dir, { recursive: true, force: true });
const seconds = median(fulls.map((f) => f.seconds));
const cpu = median(fulls.map((f) => f.cpu));
const rssMb = Math.max(...[...fulls, ...pinned].map((f) => f.rssMb));
const startup = median(startups.map((s) => s.seconds));
const events = fulls[0].stdout.split('\n').filter(Boolean).length;
const perSecond = articles / seconds;
const of = runs > 1 ? ` (median of ${runs} runs)` : '';
console.log(`articles:        ${articles} (${rows.length} Guardian articles x ${copies}, ${(bytes / 1e6).toFixed(1)} MB of text)`);
console.log(`events:          ${events}`);
console.log(`wall time:       ${seconds.toFixed(2)} s (whole process, extraction on one thread)${of}`);
console.log(`throughput:      ${perSecond.toFixed(0)} articles/s${of}`);
if (pinned.length > 0) {
  const pinnedSeconds = median(pinned.map((f) => f.seconds));
  console.log(`one core:        ${(articles / pinnedSeconds).toFixed(0)} articles/s  (target >= 1000; ${pinnedSeconds.toFixed(2)} s with the process pinned to CPU ${pinCpu} by taskset, compiler threads included)${of}`);
} else {
  console.log('one core:        n/a (taskset or /usr/bin/time not found: the process could not be pinned to one CPU)');
}
console.log(`CPU time:        ${Number.isNaN(cpu) ? 'n/a' : `${cpu.toFixed(2)} s user+sys (${(articles / cpu).toFixed(0)} articles per CPU-second; V8 compiles and collects on a second thread)`}`);
const baseline = median(baselines.map((b) => b.seconds));
const words = Number(baselines[0].stdout.trim());
console.log(`baseline:        ${baseline.toFixed(2)} s to read the same file and scan its ${words} words with a regular expression (JSON.parse + matchAll per line)${of}`);
let ratio = `ratio:           ${(seconds / baseline).toFixed(1)} x the baseline (wall time)`;
if (pinnedBaselines.length > 0) {
  const pinnedSeconds = median(pinned.map((f) => f.seconds));
  const pinnedBaseline = median(pinnedBaselines.map((b) => b.seconds));
  ratio += `; one core: ${(pinnedSeconds / pinnedBaseline).toFixed(1)} x (${pinnedSeconds.toFixed(2)} s against ${pinnedBaseline.toFixed(2)} s)`;
}
const baselineCpu = median(baselines.map((b) => b.cpu));
if (!Number.isNaN(baselineCpu) && !Number.isNaN(cpu)) ratio += `; CPU time: ${(cpu / baselineCpu).toFixed(1)} x (${cpu.toFixed(2)} s against ${baselineCpu.toFixed(2)} s; steadiest on a busy machine)`;
console.log(ratio + of);
console.log(`start-up:        ${startup.toFixed(2)} s for one small article (target <= 1.5 s)${of}`);
console.log(`peak RSS:        ${Number.isNaN(rssMb) ? 'n/a' : rssMb.toFixed(0) + ' MB'} (target <= 500 MB)`);
