// `npm run fuzz`: hostile inputs in every input format (CSV, TSV, JSONL, JSON, plain text, HTML,
// RSS/Atom) through the readers and the whole pipeline, as `sitrep ingest` would see them. Inputs
// are mutations of the repository's samples and fixtures (byte flips, inserted quotes, NULs and
// invalid UTF-8, cut and doubled pieces), random bytes, deep nesting, huge lines and long runs.
// Reported: crashes (an exception out of a reader or the pipeline, or a broken invariant: evidence
// that does not index the text, a NUL left in a document), hangs (an input still running after
// --hang-ms: the worker running it is stopped and the run goes on) and the slowest inputs in ms
// per KB (inputs under 1 KB count as 1 KB; an input over the limit is timed RETIMES more times, each
// after a pause longer than the last, and its fastest time kept, so that a garbage collection or a
// burst of load on a shared machine, which can stretch a millisecond's work several times over for
// a few runs in a row, does not count against it, while an input that is slow in itself is slow
// every time; every input over the limit is listed with what made it; each worker first runs the
// samples of every format and WARM_UP_INPUTS inputs of another seed, untimed, so that loading and
// compiling shared code is not charged to the first inputs). The time judged is the
// CPU time the input took (process.cpuUsage: the work it costs, whatever else the machine runs; with
// the machine to itself it equals the elapsed time) or, when smaller, its elapsed time (the process's
// CPU time also counts V8's compiler and garbage-collector threads); the elapsed time alone with
// --clock wall; both are printed. The pipeline runs under the V8 flags `bin/sitrep.js` sets for
// every sitrep process (bin/v8-flags.js): the inputs are timed as the program itself runs them.
// Exit status 1 when any target is missed. Needs `npm run build`.
//
// Options: --count N (10000) --seconds S (stop generating after S s; 50) --seed N (1) --from I (0)
//          --hang-ms MS (5000) --max-ms-per-kb X (3) --clock cpu|wall (cpu) --save DIR (write failing inputs there)
//          --dump DIR (write inputs --from I on, --count N of them, there as files, and run none)
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
// (Process-wide, so the workers run under them too.)
import '../bin/v8-flags.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const FORMATS = ['csv', 'tsv', 'jsonl', 'json', 'text', 'html', 'feed'];
/** How many more times an input over the limit is timed, and the first pause before that (ms). */
const RETIMES = 4;
const RETIME_PAUSE_MS = 25;
/**
 * Inputs of another seed each worker runs, untimed, before its own. V8 optimises the pipeline's
 * functions only after many calls: after 300 such inputs, seed 5 #105 (a 0.9 KB CSV of 14 mixed
 * records, 0.33-0.4 ms best of 2,000 in a warm process) still took 2.4-4.0 ms in each of its 5
 * timings (over 3 ms/KB in every run of seeds 1-5 that had it), 1.4-2.8 ms after 2,000 (load 20-27):
 * the early inputs were charged for the compiling every later input is spared.
 */
const WARM_UP_INPUTS = 2000;

// ---------- deterministic generation ----------

function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 2 ** 32;
  };
}

function loadSamples() {
  const fx = join(root, 'test', 'fixtures', 'ingest');
  const articles = join(root, 'samples', 'articles');
  const read = (p) => readFileSync(p);
  const texts = readdirSync(articles).filter((f) => f.endsWith('.txt')).map((f) => read(join(articles, f)));
  const pick = (ext) => readdirSync(fx).filter((f) => f.endsWith(ext)).map((f) => read(join(fx, f)));
  return {
    csv: pick('.csv'),
    tsv: pick('.tsv'),
    jsonl: pick('.jsonl'),
    json: pick('.json'),
    text: [...texts, ...pick('.txt')],
    html: pick('.html'),
    feed: [...pick('.rss'), ...pick('.atom')],
    prose: texts.map((b) => b.toString('utf8')),
  };
}

const NASTY = [
  [0], [0xff], [0xc3, 0x28], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf0, 0x9f], [0xef, 0xbb, 0xbf], [0x0d], [0x0a],
  [0x22], [0x22, 0x22], [0x2c], [0x09], [0x3c], [0x3e], [0x26], [0x5c], [0x7b], [0x7d], [0x5b], [0x5d],
].map((b) => Buffer.from(b));
const TOKENS = [
  '"', '""', '","', '\\u0000', '\\ud800', '&#0;', '&#xD800;', '<![CDATA[', ']]>', '<!--', '-->', '<div>', '</div>', '<item>',
  '</item>', '<script>', '{"text":', '[', ']', '{', '}', 'date: ', 'title: ', '\r\n', '\n\n', ' said ', ' according to ',
  ' killed ', 'at least ', ' on Monday', '2023-01-01', ',', '\t', '\u2028', '\u00a0', '\uFEFF', 'é', '😀',
];

function mutate(buf, r) {
  let b = Buffer.from(buf);
  const edits = 1 + Math.floor(r() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(r() * (b.length + 1));
    const op = Math.floor(r() * 7);
    if (op === 0 && b.length > 0) b[Math.min(at, b.length - 1)] = Math.floor(r() * 256);
    else if (op === 1) b = Buffer.concat([b.subarray(0, at), NASTY[Math.floor(r() * NASTY.length)], b.subarray(at)]);
    else if (op === 2) b = Buffer.concat([b.subarray(0, at), Buffer.from(TOKENS[Math.floor(r() * TOKENS.length)]), b.subarray(at)]);
    else if (op === 3) b = b.subarray(0, at); // truncate
    else if (op === 4) {
      const len = Math.floor(r() * 200);
      b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + len))]); // cut
    } else if (op === 5) {
      const len = Math.floor(r() * 400);
      b = Buffer.concat([b.subarray(0, at + len), b.subarray(at, at + len), b.subarray(at + len)]); // double a piece
    } else {
      const run = ['"', ' ', '\n', '<', ',', '0', 'a', '\\', '-', '.', ':', '&'][Math.floor(r() * 12)];
      b = Buffer.concat([b.subarray(0, at), Buffer.from(run.repeat(1 + Math.floor(r() * 1000))), b.subarray(at)]);
    }
  }
  return b;
}

function nested(format, depth, inner) {
  switch (format) {
    case 'html':
      return `<html><body>${'<div>'.repeat(depth)}<p>${inner}</p>${'</div>'.repeat(depth)}</body></html>`;
    case 'feed':
      return `<rss><channel><item><title>T</title><description>${'<b>'.repeat(depth)}${inner}${'</b>'.repeat(depth)}</description></item></channel></rss>`;
    case 'json':
      return `[${'['.repeat(depth)}${JSON.stringify({ text: inner })}${']'.repeat(depth)}]`;
    case 'jsonl':
      return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}\n${JSON.stringify({ text: inner })}\n`;
    case 'csv':
    case 'tsv':
      return `text\n"${'"'.repeat(depth)}${inner}"\n`;
    default:
      return `${'('.repeat(depth)}${inner}${')'.repeat(depth)}`;
  }
}

function wrap(format, text) {
  switch (format) {
    case 'html':
      return `<html><body><p>${text}</p></body></html>`;
    case 'feed':
      return `<rss><channel><item><title>T</title><description>${text}</description></item></channel></rss>`;
    case 'json':
      return JSON.stringify([{ text }]);
    case 'jsonl':
      return JSON.stringify({ text }) + '\n';
    case 'csv':
      return `text\n"${text.replaceAll('"', '""')}"\n`;
    case 'tsv':
      return `text\n${text.replaceAll('\t', ' ').replaceAll('\n', ' ')}\n`;
    default:
      return text;
  }
}

/** Input number `i`: its format, what made it, and its bytes (the same for the same seed). */
function generate(samples, seed, i) {
  const r = rng(seed * 1_000_003 + i * 7919 + 1);
  r();
  const format = FORMATS[i % FORMATS.length];
  const kind = r();
  const prose = samples.prose[Math.floor(r() * samples.prose.length)];
  if (kind < 0.62) {
    const base = samples[format][Math.floor(r() * samples[format].length)];
    return { format, how: 'mutated sample', bytes: mutate(base, r) };
  }
  // Now and then a big input (a hang shows on big inputs); mostly small ones, so that many run.
  const big = r() < 0.01;
  if (kind < 0.7) {
    const len = Math.floor(r() * 4096);
    const bytes = Buffer.alloc(len);
    for (let k = 0; k < len; k++) bytes[k] = Math.floor(r() * 256);
    return { format, how: 'random bytes', bytes };
  }
  if (kind < 0.76) {
    const depth = big ? 50_000 : [20, 50, 300, 2000][Math.floor(r() * 4)];
    return { format, how: `nested ${depth} deep`, bytes: Buffer.from(nested(format, depth, prose.slice(0, 300))) };
  }
  if (kind < 0.84) {
    const ch = [' ', '"', '\n', '<', 'a', ',', '0', '.', ':', '-', '\t', '&'][Math.floor(r() * 12)];
    const n = big ? 100_000 + Math.floor(r() * 200_000) : 500 + Math.floor(r() * 4000);
    const head = format === 'text' && r() < 0.5 ? `title:${ch.repeat(n)}x\n\n` : '';
    return { format, how: `run of ${n} ${JSON.stringify(ch)}`, bytes: Buffer.from(head || wrap(format, prose.slice(0, 200) + ch.repeat(n) + prose.slice(0, 200))) };
  }
  if (kind < 0.9) {
    const sentence = prose.split(/(?<=\.)\s+/).find((s) => s.length > 60) ?? prose.slice(0, 120);
    const n = big ? 200_000 + Math.floor(r() * 800_000) : 1000 + Math.floor(r() * 4000);
    return { format, how: `sentence repeated to ${Math.round(n / 1000)} KB`, bytes: Buffer.from(wrap(format, (sentence + ' ').repeat(Math.ceil(n / (sentence.length + 1))))) };
  }
  if (kind < 0.95) {
    // Many records, some broken: the good ones must all be read.
    const lines = [];
    for (let k = 0; k < 12; k++) lines.push(r() < 0.2 ? TOKENS[Math.floor(r() * TOKENS.length)] + prose.slice(k * 10, k * 10 + 80) : null);
    const text = lines.map((l, k) => l ?? `good record ${k}: ${prose.slice(k * 7, k * 7 + 60)}`);
    const body = format === 'jsonl' ? text.map((t) => (t.startsWith('good') ? JSON.stringify({ text: t }) : t)).join('\n')
      : format === 'csv' ? ['text', ...text.map((t) => (t.startsWith('good') ? `"${t.replaceAll('"', '""')}"` : t))].join('\n')
      : wrap(format, text.join('\n'));
    return { format, how: 'mixed good and bad records', bytes: Buffer.from(body) };
  }
  // Plain prose, mutated at the character level.
  return { format, how: 'mutated prose', bytes: mutate(Buffer.from(wrap(format, prose)), r) };
}

// ---------- the worker: read and extract, report timings ----------

async function workerMain() {
  const { seed, from, count } = workerData;
  const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
  const { readStream } = await import(dist('ingest/index.js'));
  const { storableDocument } = await import(dist('ingest/storable.js'));
  const { isIngestError } = await import(dist('ingest/types.js'));
  const { createExtractor } = await import(dist('pipeline/index.js'));
  const extractor = createExtractor({ budgetMs: 0 });
  const samples = loadSamples();

  async function runOne(input) {
    const formatOption = input.format === 'tsv' ? 'csv' : input.format;
    const name = `fuzz.${input.format}`;
    let documents = 0;
    let errors = 0;
    let events = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for await (const item of readStream([input.bytes], name, { inputFormat: formatOption })) {
      if (isIngestError(item)) {
        errors++;
        if (typeof item.message !== 'string' || item.message.includes('\n')) throw new Error(`error message not one line: ${JSON.stringify(item.message)}`);
        continue;
      }
      const doc = storableDocument(item);
      documents++;
      if (/\u0000|\p{Cs}/u.test(doc.text)) throw new Error('a NUL or lone surrogate reached the pipeline');
      const { events: found } = extractor.extract(doc);
      events += found.length;
      for (const e of found) {
        for (const [field, spans] of Object.entries(e.evidence ?? {})) {
          for (const s of spans) {
            if (doc.text.slice(s.start, s.end) !== s.text) throw new Error(`evidence of ${field} does not index the text`);
          }
        }
      }
    }
    const wallMs = performance.now() - t0;
    const c = process.cpuUsage(c0);
    const cpuMs = (c.user + c.system) / 1000;
    // The input's own work is at most either: the process's CPU time also counts V8's background
    // threads (compiling, garbage collection) and the elapsed time counts the moments the machine ran
    // something else; the smaller of the two bounds it more tightly than either.
    return { ms: workerData.clock === 'wall' ? wallMs : Math.min(cpuMs, wallMs), wallMs, cpuMs, documents, errors, events };
  }

  // Warm-up, untimed: every format's samples once, so that the first inputs do not pay for loading
  // and compiling the code every input shares (a one-off cost, not one of the input).
  for (const format of FORMATS) {
    for (const bytes of samples[format].slice(0, 3)) await runOne({ format, how: 'warm-up', bytes }).catch(() => {});
  }
  // ... and inputs of another seed (the code of odd inputs is compiled on first use too, and hot
  // code optimised only after many calls: see WARM_UP_INPUTS).
  for (let i = 0; i < WARM_UP_INPUTS; i++) await runOne(generate(samples, seed + 7_777_777, i)).catch(() => {});

  for (let i = from; i < from + count; i++) {
    const input = generate(samples, seed, i);
    parentPort.postMessage({ type: 'start', i });
    let result;
    try {
      result = await runOne(input);
      let timings = 1;
      if (result.ms / Math.max(1, input.bytes.length / 1024) > workerData.maxMsPerKb) {
        // Timed again and the fastest kept (see RETIMES): a pause for garbage collection, or a
        // burst of load from the machine's other work, is not the input's cost.
        for (let k = 1; k <= RETIMES; k++) {
          await new Promise((resolve) => setTimeout(resolve, RETIME_PAUSE_MS * k));
          const again = await runOne(input);
          timings++;
          if (again.ms < result.ms) result = again;
        }
      }
      parentPort.postMessage({ type: 'done', i, format: input.format, how: input.how, bytes: input.bytes.length, timings, ...result });
    } catch (err) {
      parentPort.postMessage({ type: 'crash', i, format: input.format, how: input.how, bytes: input.bytes.length, error: String(err?.stack ?? err).split('\n').slice(0, 4).join(' | ') });
    }
  }
  parentPort.postMessage({ type: 'end' });
}

// ---------- the main thread: drive workers, watch for hangs, report ----------

async function main() {
  const args = process.argv.slice(2);
  const arg = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const from = Number(arg('--from', '0'));
  const count = from + Number(arg('--count', '10000'));
  const seconds = Number(arg('--seconds', '50'));
  const seed = Number(arg('--seed', '1'));
  const hangMs = Number(arg('--hang-ms', '5000'));
  const maxMsPerKb = Number(arg('--max-ms-per-kb', '3'));
  const clock = arg('--clock', 'cpu');
  if (clock !== 'cpu' && clock !== 'wall') {
    console.error('fuzz: --clock must be cpu or wall');
    process.exit(2);
  }
  const saveDir = arg('--save', undefined);
  if (!existsSync(join(root, 'dist', 'pipeline', 'index.js'))) {
    console.error('fuzz: dist/ is missing; run `npm run build` first');
    process.exit(2);
  }
  const dumpDir = arg('--dump', undefined);
  const samples = saveDir || dumpDir ? loadSamples() : undefined;
  const write = (dir, i, what) => {
    mkdirSync(dir, { recursive: true });
    const input = generate(samples, seed, i);
    const ext = input.format === 'feed' ? 'rss' : input.format === 'text' ? 'txt' : input.format;
    writeFileSync(join(dir, `${what}-${seed}-${i}.${ext}`), input.bytes);
  };
  const save = (i, what) => {
    if (saveDir) write(saveDir, i, what);
  };
  if (dumpDir) {
    // The inputs as files (to read one with `sitrep extract`, or profile it), none of them run.
    for (let i = from; i < count; i++) write(dumpDir, i, 'input');
    console.log(`fuzz: seed ${seed}, inputs ${from} to ${count - 1} written to ${dumpDir}`);
    return;
  }

  const started = Date.now();
  const deadline = started + seconds * 1000;
  const crashes = [];
  const hangs = [];
  const done = [];
  const byFormat = new Map();
  let next = from;
  let bytes = 0;
  let warmupFailures = 0;
  console.log(`fuzz: seed ${seed}, up to ${count - from} inputs or ${seconds} s, hang after ${hangMs} ms, limit ${maxMsPerKb} ms/KB of ${clock === 'cpu' ? 'CPU' : 'elapsed'} time`);

  while (next < count && Date.now() < deadline) {
    // One worker runs inputs from `next` on; if one hangs, it is stopped and a new one starts after it.
    await new Promise((resolve) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { seed, from: next, count: count - next, maxMsPerKb, clock } });
      let current = next;
      let started = false; // (whether the worker is past its warm-up and on its inputs)
      let timer;
      const arm = (ms) => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          if (!started) {
            // The warm-up (samples and WARM_UP_INPUTS inputs of another seed) did not end: a hang, but of none
            // of this run's inputs; the worker is started again (once) rather than blaming input `current`.
            hangs.push({ i: current, format: 'warm-up', how: `the worker's warm-up took over ${Math.round(ms / 1000)} s` });
            if (warmupFailures++ > 0) next = count;
            worker.terminate().then(resolve);
            return;
          }
          hangs.push({ i: current, format: generate(samples ?? loadSamples(), seed, current).format });
          save(current, 'hang');
          next = current + 1;
          worker.terminate().then(resolve);
        }, ms);
      };
      // The warm-up is many inputs: it is allowed as long as 120 of them at the hang limit (on a
      // loaded machine 300 inputs took over 15 s, and input `next` was reported hung before it
      // started; 2,000 take about 20 s at load 20-27).
      arm(hangMs * 120);
      worker.on('message', (m) => {
        if (m.type === 'start') {
          current = m.i;
          started = true;
          arm(hangMs * (1 + RETIMES) + RETIME_PAUSE_MS * RETIMES * RETIMES); // (a slow input is timed again)
          if (Date.now() >= deadline) {
            clearTimeout(timer);
            next = m.i;
            worker.terminate().then(resolve);
          }
          return;
        }
        if (m.type === 'end') {
          clearTimeout(timer);
          next = count;
          resolve();
          return;
        }
        next = m.i + 1;
        bytes += m.bytes;
        const f = byFormat.get(m.format) ?? { inputs: 0, documents: 0, errors: 0, crashes: 0 };
        f.inputs++;
        byFormat.set(m.format, f);
        if (m.type === 'crash') {
          f.crashes++;
          crashes.push(m);
          save(m.i, 'crash');
          return;
        }
        f.documents += m.documents;
        f.errors += m.errors;
        if (m.ms > hangMs) {
          hangs.push(m);
          save(m.i, 'hang');
        }
        done.push({ i: m.i, format: m.format, how: m.how, bytes: m.bytes, ms: m.ms, wallMs: m.wallMs, cpuMs: m.cpuMs, timings: m.timings, msPerKb: m.ms / Math.max(1, m.bytes / 1024) });
      });
      worker.on('error', (err) => {
        clearTimeout(timer);
        crashes.push({ i: current, error: `worker died: ${String(err).split('\n')[0]}` });
        next = current + 1;
        resolve();
      });
    });
  }

  const inputs = done.length + crashes.length;
  const slow = done.filter((d) => d.msPerKb > maxMsPerKb);
  const slowest = [...done].sort((a, b) => b.msPerKb - a.msPerKb).slice(0, 5);
  for (const s of slow) save(s.i, 'slow');
  const secs = (Date.now() - started) / 1000;
  console.log(`inputs:   ${inputs} in ${secs.toFixed(1)} s (${(bytes / 1e6).toFixed(1)} MB)${inputs < count - from ? ` (stopped at ${seconds} s; --seconds for more)` : ''}`);
  for (const [format, f] of [...byFormat].sort()) {
    console.log(`  ${format.padEnd(6)} ${String(f.inputs).padStart(6)} inputs, ${String(f.documents).padStart(6)} documents, ${String(f.errors).padStart(6)} errors reported, ${f.crashes} crashes`);
  }
  console.log(`crashes:  ${crashes.length}`);
  for (const c of crashes.slice(0, 10)) console.log(`  #${c.i} ${c.format ?? ''} ${c.how ?? ''}: ${c.error}`);
  console.log(`hangs:    ${hangs.length} (over ${hangMs} ms)`);
  for (const h of hangs.slice(0, 10)) console.log(`  #${h.i} ${h.format ?? ''} ${h.how ?? ''}`);
  const max = slowest[0];
  console.log(`slowest:  ${max ? `${max.msPerKb.toFixed(2)} ms/KB` : 'n/a'} (limit ${maxMsPerKb}; inputs under 1 KB count as 1 KB); ${slow.length} over the limit`);
  const line = (s) => `  #${s.i} ${s.format} ${s.how}: ${(s.bytes / 1024).toFixed(1)} KB in ${s.ms.toFixed(1)} ms = ${s.msPerKb.toFixed(2)} ms/KB (CPU ${s.cpuMs.toFixed(1)} ms, elapsed ${s.wallMs.toFixed(1)} ms${s.timings > 1 ? `; fastest of ${s.timings} timings` : ''})`;
  for (const s of slowest) console.log(line(s));
  if (slow.length > slowest.length) {
    console.log(`over the limit (all ${slow.length}, by input):`);
    for (const s of [...slow].sort((a, b) => a.i - b.i).slice(0, 50)) console.log(line(s));
  }
  console.log(`(one input again: --seed ${seed} --from I --count 1; --save DIR keeps the failing inputs as files, --dump DIR writes inputs without running them)`);
  process.exitCode = crashes.length > 0 || hangs.length > 0 || slow.length > 0 ? 1 : 0;
}

if (isMainThread) await main();
else await workerMain();
