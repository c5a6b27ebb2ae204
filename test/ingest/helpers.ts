// Shared by the ingest tests: fixture paths and collecting what a reader yields.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../../src/ingest/index.js';
import { isIngestError, type IngestError, type ReadOptions, type SourceDocument } from '../../src/ingest/types.js';

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/ingest/${name}`, import.meta.url));
}

export type Item = SourceDocument | IngestError;

export async function collect(source: AsyncIterable<Item>): Promise<{ items: Item[]; docs: SourceDocument[]; errors: IngestError[] }> {
  const items: Item[] = [];
  for await (const x of source) items.push(x);
  return {
    items,
    docs: items.filter((x): x is SourceDocument => !isIngestError(x)),
    errors: items.filter(isIngestError),
  };
}

export function read(inputs: string[], options: ReadOptions = {}) {
  return collect(readInputs(inputs, options));
}

/** A temporary directory removed after the test file's tests. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
