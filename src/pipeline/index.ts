// The extraction pipeline: a source document in, a Doc with annotations and its events out.
import { createHash } from 'node:crypto';
import { Doc } from '../common/doc.js';
import type { AcledEvent } from '../common/event.js';
import type { SourceDocument } from '../ingest/types.js';

export interface ExtractResult {
  doc: Doc;
  events: AcledEvent[];
}

export interface Extractor {
  extract(source: SourceDocument): ExtractResult;
}

/** A stable id for documents that came without one: a hash of their text. */
export function documentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

export function createExtractor(): Extractor {
  return {
    extract(source) {
      const doc = new Doc(source.id ?? documentId(source.text), source.text, {
        date: source.date,
        title: source.title,
        source: source.source,
        url: source.url,
      }, source.bodyStart ?? 0);
      return { doc, events: [] };
    },
  };
}
