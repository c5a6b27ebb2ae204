// What every evaluation run shares: the JSONL sink for misses, loading the pipeline, one-line errors.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Extractor } from '../pipeline/index.js';
import { GoldFileError } from './acled.js';

/** Where misses go: one JSON object per line. */
export interface LineSink {
  write(line: string): void;
}

/** A JSONL file for misses; a clear error when it cannot be created. */
export function openErrorsFile(path: string): LineSink & { close(): void } {
  let fd: number;
  try {
    fd = openSync(path, 'w');
  } catch (err) {
    throw new GoldFileError(`${path}: cannot write the errors file (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return {
    write: (line) => writeSync(fd, line + '\n'),
    close: () => closeSync(fd),
  };
}

export async function loadExtractor(): Promise<Extractor> {
  const { createExtractor } = await import('../pipeline/index.js');
  return createExtractor();
}

export function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 300);
}

export const MAX_WARNINGS_PER_FILE = 5;
