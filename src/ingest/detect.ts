// Which reader an input needs: from --input-format, else the file extension, else (stdin, .xml)
// the first bytes. Unknown extensions are read as plain text.
import { extname } from 'node:path';
import { isFeedRoot, xmlRootName } from './xml-root.js';
import type { InputFormat } from './types.js';

export const INPUT_FORMATS: readonly InputFormat[] = ['text', 'jsonl', 'json', 'csv', 'html', 'feed'];

const BY_EXTENSION: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.tab': 'csv',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.rss': 'feed',
  '.atom': 'feed',
  '.xml': 'feed',
};

/** Format implied by a file name, or undefined when the extension says nothing. */
export function formatFromExtension(path: string): InputFormat | undefined {
  return BY_EXTENSION[extname(path).toLowerCase()];
}

/** Tab-separated when the name says so (.tsv/.tab), or when the header line has tabs but no commas. */
export function csvDelimiter(path: string, head?: string): ',' | '\t' {
  const ext = extname(path).toLowerCase();
  if (ext === '.tsv' || ext === '.tab') return '\t';
  if (ext === '.csv' || head === undefined) return ',';
  const nl = head.indexOf('\n');
  const firstLine = nl < 0 ? head : head.slice(0, nl);
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

/**
 * Format of content from its first characters: JSON array -> json, a line holding one JSON object
 * -> jsonl, a pretty-printed object -> json, feed root -> feed, other markup -> html, else text.
 * CSV is not guessed (any text could be one-column CSV); ask for it with --input-format csv.
 */
export function sniffFormat(head: string): InputFormat {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  if (s.startsWith('[')) return 'json';
  if (s.startsWith('{')) {
    const nl = s.indexOf('\n');
    const firstLine = (nl < 0 ? s : s.slice(0, nl)).trim();
    return firstLine.endsWith('}') ? 'jsonl' : 'json';
  }
  if (s.startsWith('<')) return isFeedRoot(xmlRootName(s)) ? 'feed' : 'html';
  return 'text';
}
