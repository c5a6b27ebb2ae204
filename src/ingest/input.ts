// Turning raw bytes into text safely: every reader goes through these checks so that a binary or
// mis-encoded file becomes a one-line error instead of garbage documents.
import { isUtf8 } from 'node:buffer';
import type { IngestError } from './types.js';

/** A problem that ends the reading of one input; readers turn it into an IngestError. */
/** Bytes or text arriving in pieces: a stream, or an array of pieces already in memory. */
export type Chunks = AsyncIterable<Buffer | string> | Iterable<Buffer | string>;

export class IngestFailure extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    // Made for every unreadable input and caught by its reader, which keeps the message only: no
    // stack is taken (taking one was 1.4% of the time of the fuzz's small HTML pages).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(message);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
  }
}

export function ingestError(file: string, text: string, line?: number): IngestError {
  // One line, whatever the message quotes from the input (a date cell holding a line break).
  const message = /[\r\n\u2028\u2029]/.test(text) ? text.replace(/[^\S ]*[\r\n\u2028\u2029][^\S ]*/g, ' ') : text;
  return line === undefined ? { error: true, file, message } : { error: true, file, line, message };
}

/** One line for any thrown value, never a stack trace. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split('\n')[0]!.trim() || err.name;
  return String(err).split('\n')[0]!;
}

/** Offset of the first byte that breaks UTF-8 (or the length when it is valid): only for messages. */
export function invalidUtf8Offset(buf: Uint8Array): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) (need = 1), (min = 0x80);
    else if (b >= 0xe0 && b <= 0xef) (need = 2), (min = 0x800);
    else if (b >= 0xf0 && b <= 0xf4) (need = 3), (min = 0x10000);
    else return i;
    if (i + need >= n) return i; // truncated sequence
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k]!;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}

export function notUtf8Message(offset: number): string {
  return `not UTF-8 text (invalid byte at offset ${offset})`;
}

export function binaryMessage(offset: number): string {
  return `binary file, not text (NUL byte at offset ${offset})`;
}

/**
 * Decodes a whole file's bytes: refuses binary data and invalid UTF-8, drops a BOM (offsets then
 * index the text after it), and refuses empty or whitespace-only content.
 */
export function decodeWhole(buf: Buffer): string {
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new IngestFailure(binaryMessage(nul));
  if (!isUtf8(buf)) throw new IngestFailure(notUtf8Message(invalidUtf8Offset(buf)));
  let text = buf.toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new IngestFailure(text.length === 0 ? 'empty file' : 'empty file (only whitespace)');
  return text;
}

/** Length of the longest prefix of `buf` that does not end inside a multi-byte character. */
function completePrefixLength(buf: Buffer): number {
  const n = buf.length;
  // A character is at most 4 bytes: look back at most 3 for its lead byte.
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte
    if (b < 0x80) return n;
    const len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return back >= len ? n : n - back;
  }
  return n;
}

/**
 * Streaming UTF-8 decoding with exact offsets in error messages: characters split across chunk
 * boundaries are carried over; the first chunk is checked for NUL bytes (binary files).
 */
export async function* decodeChunks(chunks: Chunks): AsyncGenerator<string> {
  let carry: Buffer = Buffer.alloc(0);
  let base = 0;
  let first = true;
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    if (chunk.length === 0) continue;
    const nul = chunk.indexOf(0);
    if (nul >= 0) throw new IngestFailure(binaryMessage(base + carry.length + nul));
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const cut = completePrefixLength(buf);
    const part = buf.subarray(0, cut);
    if (!isUtf8(part)) throw new IngestFailure(notUtf8Message(base + invalidUtf8Offset(part)));
    let text = part.toString('utf8');
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    base += cut;
    carry = Buffer.from(buf.subarray(cut));
    if (text) yield text;
  }
  if (carry.length > 0) throw new IngestFailure(notUtf8Message(base + invalidUtf8Offset(carry)));
}

export interface RawLine {
  /** 1-based line number. */
  line: number;
  /** Byte offset of the line's start in the input. */
  offset: number;
  bytes: Buffer;
}

/**
 * Splits a byte stream into lines without decoding it as a whole (newline bytes never occur inside
 * multi-byte UTF-8 characters), so a bad line can be reported and the rest still read. Memory is
 * bounded by the longest line.
 */
export async function* byteLines(chunks: Chunks): AsyncGenerator<RawLine> {
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let line = 1;
  let offset = 0;
  for await (const raw of chunks) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let start = 0;
    let nl = chunk.indexOf(10, start);
    while (nl >= 0) {
      let bytes = chunk.subarray(start, nl);
      if (pendingLength > 0) {
        bytes = Buffer.concat([...pending, bytes]);
        pending = [];
        pendingLength = 0;
      }
      yield { line, offset, bytes };
      offset += bytes.length + 1;
      line++;
      start = nl + 1;
      nl = chunk.indexOf(10, start);
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingLength += chunk.length - start;
    }
  }
  if (pendingLength > 0) yield { line, offset, bytes: Buffer.concat(pending) };
}

/** Decodes one line from `byteLines`, dropping a trailing CR and (on line 1) a BOM. */
export function decodeLine(raw: RawLine): string {
  const nul = raw.bytes.indexOf(0);
  if (nul >= 0) throw new IngestFailure(binaryMessage(raw.offset + nul), raw.line);
  if (!isUtf8(raw.bytes)) throw new IngestFailure(notUtf8Message(raw.offset + invalidUtf8Offset(raw.bytes)), raw.line);
  let s = raw.bytes.toString('utf8');
  if (raw.line === 1 && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  if (s.endsWith('\r')) s = s.slice(0, -1);
  return s;
}

/** 1-based line number of a UTF-16 offset in `text` (for messages; linear, used on error paths). */
export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
