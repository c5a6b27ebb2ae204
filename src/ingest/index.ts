// Reading articles from files and stdin in every supported format. Inputs are read one after the
// other, in order; anything unreadable becomes an IngestError and reading goes on with the next
// record or file. JSONL and CSV are streamed; the other formats hold one file in memory at a time.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { readCsv } from './csv.js';
import { csvDelimiter, formatFromExtension, sniffFormat } from './detect.js';
import { type Chunks, decodeWhole, describeError, IngestFailure, ingestError } from './input.js';
import { readJson, readJsonl } from './jsonl.js';
import { readPlainText } from './plain-text.js';
import { storableDocument } from './storable.js';
import { isIngestError, type IngestError, type InputFormat, type ReadOptions, type SourceDocument } from './types.js';

export type { IngestError, InputFormat, ReadOptions, SourceDocument } from './types.js';
export { isIngestError } from './types.js';

/** How stdin ('-') is named in documents' origins and in messages. */
export const STDIN_NAME = '<stdin>';

type Item = SourceDocument | IngestError;

/** Documents from each input (file path, or '-' for stdin) in order, with errors for bad input. */
export async function* readInputs(inputs: string[], options: ReadOptions): AsyncGenerator<Item> {
  for (const input of inputs) {
    const items = input === '-' ? readStream(process.stdin, STDIN_NAME, options) : readPath(input, options);
    // What a database cannot store (NUL, lone surrogates) leaves here, before anything reads the text.
    for await (const item of items) {
      if (isIngestError(item)) yield item;
      else yield storableDocument(options.country !== undefined && item.country === undefined ? { ...item, country: options.country } : item);
    }
  }
}

/** `FILE:LINE: message`, or `FILE: message` when there is no line. */
export function formatIngestError(e: IngestError): string {
  return e.line === undefined ? `${e.file}: ${e.message}` : `${e.file}:${e.line}: ${e.message}`;
}

function fsMessage(err: unknown): string {
  switch ((err as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'ENOTDIR':
      return 'no such file (a parent is not a directory)';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ERR_FS_FILE_TOO_LARGE':
      return 'file too large to read whole (split it, or use JSONL or CSV, which are streamed)';
    default:
      return describeError(err);
  }
}

/** Runs a reader, turning anything it throws into one error for the input; never throws. */
async function* guarded(file: string, read: () => AsyncGenerator<Item>): AsyncGenerator<Item> {
  try {
    yield* read();
  } catch (err) {
    if (err instanceof IngestFailure) yield ingestError(file, err.message, err.line);
    else yield ingestError(file, fsMessage(err));
  }
}

/** A file read in full, by format. */
async function* readContent(text: string, file: string, format: InputFormat, options: ReadOptions): AsyncGenerator<Item> {
  switch (format) {
    case 'text':
      yield readPlainText(text, file);
      return;
    case 'json':
      yield* readJson(text, file, options);
      return;
    case 'jsonl':
      yield* readJsonl([text], file, options);
      return;
    case 'csv':
      yield* readCsv([text], file, options, csvDelimiter(file, text));
      return;
    // HTML and feed readers pull in a DOM and an XML parser: loaded only when such a file comes.
    case 'html': {
      const { readHtml } = await import('./html.js');
      yield readHtml(text, file);
      return;
    }
    case 'feed': {
      const { readFeed } = await import('./feed.js');
      yield* readFeed(text, file);
      return;
    }
  }
}

export async function* readPath(path: string, options: ReadOptions): AsyncGenerator<Item> {
  yield* guarded(path, async function* () {
    const st = await stat(path);
    if (st.isDirectory()) throw new IngestFailure('is a directory, not a file');
    if (!st.isFile()) {
      // A pipe or device (e.g. a shell's <(...)): read it as a stream, sniffing like stdin.
      yield* readStream(createReadStream(path), path, { ...options, inputFormat: options.inputFormat ?? formatFromExtension(path) });
      return;
    }
    if (st.size === 0) throw new IngestFailure('empty file');
    const format = options.inputFormat ?? formatFromExtension(path) ?? 'text';
    if (format === 'jsonl') {
      yield* readJsonl(createReadStream(path, { highWaterMark: 1 << 16 }), path, options);
    } else if (format === 'csv') {
      const { head, chunks } = await peek(createReadStream(path, { highWaterMark: 1 << 16 }));
      yield* readCsv(chunks, path, options, csvDelimiter(path, head.toString('utf8')));
    } else {
      yield* readContent(decodeWhole(await readFile(path)), path, format, options);
    }
  });
}

/** The first bytes of a stream (enough to recognise its format) and all of it as chunks again. */
async function peek(stream: Chunks): Promise<{ head: Buffer; chunks: AsyncIterable<Buffer> }> {
  const iterator = Symbol.asyncIterator in stream ? stream[Symbol.asyncIterator]() : stream[Symbol.iterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < 4096) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    seen.push(chunk);
    length += chunk.length;
  }
  async function* chunks(): AsyncGenerator<Buffer> {
    yield* seen;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    }
  }
  return { head: Buffer.concat(seen), chunks: chunks() };
}

/**
 * Documents from a byte stream (stdin, a pipe): format from `options.inputFormat`, else sniffed from
 * the first bytes (plain text when nothing else fits). JSONL and CSV are read as they arrive.
 */
export async function* readStream(stream: Chunks, name: string, options: ReadOptions): AsyncGenerator<Item> {
  yield* guarded(name, async function* () {
    const { head, chunks } = await peek(stream);
    if (head.length === 0) throw new IngestFailure('empty input');
    const headText = head.toString('utf8');
    const format = options.inputFormat ?? sniffFormat(headText);
    if (format === 'jsonl') {
      yield* readJsonl(chunks, name, options);
    } else if (format === 'csv') {
      yield* readCsv(chunks, name, options, csvDelimiter(name, headText));
    } else {
      const all: Buffer[] = [];
      for await (const c of chunks) all.push(c);
      yield* readContent(decodeWhole(Buffer.concat(all)), name, format, options);
    }
  });
}
