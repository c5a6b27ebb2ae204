// Near-identical documents (wire copies with small edits, one item from two feeds): MinHash over
// word 5-shingles, banded for lookup (locality-sensitive hashing). Two documents whose signatures
// agree on at least COPY_SIMILARITY of their positions are copies.
const PERM = 64;
const BANDS = 16;
const ROWS = PERM / BANDS;
const SHINGLE = 5;
export const COPY_SIMILARITY = 0.9;

// Fixed odd multipliers and offsets (from a linear congruential sequence): stable across runs.
const A = new Uint32Array(PERM);
const B = new Uint32Array(PERM);
let seed = 0x9e3779b9;
for (let i = 0; i < PERM; i++) {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  A[i] = seed | 1;
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  B[i] = seed;
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** hash32 of words[from .. from + SHINGLE) joined by single spaces, without building the string. */
function shingleHash(words: string[], from: number): number {
  let h = 0x811c9dc5;
  for (let w = from; w < from + SHINGLE; w++) {
    if (w > from) h = Math.imul(h ^ 0x20, 0x01000193);
    const s = words[w]!;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** The MinHash signature of a text's word shingles (lower-cased words, punctuation ignored). */
export function signature(text: string): Uint32Array | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < SHINGLE * 2) return undefined; // too short to tell a copy from a coincidence
  const sig = new Uint32Array(PERM).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const h = shingleHash(words, i);
    for (let k = 0; k < PERM; k++) {
      const v = (Math.imul(A[k]!, h) + B[k]!) >>> 0;
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** The signature as it was computed before shingleHash (each shingle's string built and hashed): tests check both agree. */
export function signatureByStrings(text: string): Uint32Array | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length < SHINGLE * 2) return undefined;
  const sig = new Uint32Array(PERM).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= words.length; i++) {
    const h = hash32(words.slice(i, i + SHINGLE).join(' '));
    for (let k = 0; k < PERM; k++) {
      const v = (Math.imul(A[k]!, h) + B[k]!) >>> 0;
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** Band keys for the index: a copy shares at least one with its original (with high probability). */
export function bands(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ sig[b * ROWS + r]!, 0x01000193);
    out.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return out;
}

export function encodeSignature(sig: Uint32Array): string {
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
}

export function decodeSignature(s: string): Uint32Array {
  const out = new Uint32Array(PERM);
  const n = Buffer.from(out.buffer).write(s, 'base64');
  return n === out.byteLength ? out : out.subarray(0, n >> 2);
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < PERM; i++) if (a[i] === b[i]) same++;
  return same / PERM;
}

/** Most positions two signatures may differ at and still be copies (similarity >= COPY_SIMILARITY). */
const MAX_DIFFERENT = (() => {
  let m = 0;
  while ((PERM - (m + 1)) / PERM >= COPY_SIMILARITY) m++;
  return m;
})();

/** similarity(a, b) >= COPY_SIMILARITY, stopping as soon as too many positions differ. */
export function isCopy(a: Uint32Array, b: Uint32Array): boolean {
  let different = 0;
  for (let i = 0; i < PERM; i++) if (a[i] !== b[i] && ++different > MAX_DIFFERENT) return false;
  return true;
}
