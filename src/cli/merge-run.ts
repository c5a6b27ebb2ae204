import { accessSync, constants, createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { mergeRecords } from '../merge/engine.js';
import { mergedRecord, parseRecord, RecordError } from '../merge/records.js';
import type { MergeInput } from '../merge/types.js';
import { BufferedOutput } from './output-stream.js';

export async function runMerge(files: string[], opts: { quiet?: boolean }): Promise<number> {
  const records: MergeInput[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    if (file !== '-') {
      try {
        accessSync(file, constants.R_OK);
        if (statSync(file).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
      } catch (err) {
        process.stderr.write(`sitrep merge: ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})\n`);
        return 1;
      }
    }
    const stream = file === '-' ? process.stdin : createReadStream(file);
    let line = 0;
    for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
      line++;
      if (!text.trim()) continue;
      const where = `${file === '-' ? 'stdin' : file}:${line}`;
      try {
        const r = parseRecord(text, where);
        const before = seen.get(r.event_id);
        if (before) throw new RecordError(`${where}: event_id "${r.event_id}" already used at ${before}`);
        seen.set(r.event_id, where);
        records.push(r);
      } catch (err) {
        if (!(err instanceof RecordError)) throw err;
        process.stderr.write(`sitrep merge: ${err.message}\n`);
        return 1;
      }
    }
  }
  const merged = mergeRecords(records);
  const out = new BufferedOutput(process.stdout);
  for (const m of merged) out.write(JSON.stringify(mergedRecord(m)) + '\n');
  await out.end();
  if (!opts.quiet) process.stderr.write(`sitrep merge: ${records.length} record(s) -> ${merged.length} event(s)\n`);
  return 0;
}
