// Request bodies read within a byte limit. A declared Content-Length over the limit is refused
// before anything is read; a chunked body is counted as it arrives and refused as soon as it
// passes the limit. Either way the client gets its 413: the rest of its upload is read and
// discarded in the background (up to a bound) rather than cut off, since closing a socket with
// unread data makes the client see a connection reset instead of the answer.

/** The body is larger than the limit (the API answers 413). */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

/** Most bytes read and discarded after a refused upload before the connection is given up. */
const MAX_DISCARD = 64 * 1024 * 1024;

async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, from: number): Promise<void> {
  let total = from;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
      if (total > MAX_DISCARD) break;
    }
    await reader.cancel();
  } catch {
    // the client went away
  }
}

/** The body as UTF-8 text, or BodyTooLargeError. */
export async function readBodyText(req: Request, limit: number): Promise<string> {
  const declared = req.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > limit) throw new BodyTooLargeError(limit);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void discard(reader, size);
      throw new BodyTooLargeError(limit);
    }
    parts.push(value);
  }
  return Buffer.concat(parts, size).toString('utf8');
}
