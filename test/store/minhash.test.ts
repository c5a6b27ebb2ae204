// MinHash (src/store/minhash.ts): the signature hashes each shingle without building its string,
// and isCopy stops early; both must give exactly what the plain computation gives, or copies stored
// before would no longer be recognised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bands, COPY_SIMILARITY, isCopy, signature, signatureByStrings, similarity } from '../../src/store/minhash.js';

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0;
    return s / 0x100000000;
  };
}

const WORDS = ['the', 'army', 'said', 'Kano', 'Zürich', 'ĐàNẵng', 'Москва', '42', 'killed', 'İstanbul', 'people', 'on', 'Monday', 'straße', 'ﬁre'];

function text(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]! + (r() < 0.2 ? ',' : ''));
  return out.join(r() < 0.5 ? ' ' : '  ');
}

test('the signature is the one of the shingles\' strings, on any words (Unicode, case, punctuation)', () => {
  const r = rng(7);
  for (let i = 0; i < 300; i++) {
    const t = text(r, Math.floor(r() * 60));
    assert.deepEqual(signature(t), signatureByStrings(t), t);
  }
  assert.equal(signature('too short to be a copy'), undefined);
});

test('isCopy agrees with similarity >= COPY_SIMILARITY, near the threshold and far from it', () => {
  const r = rng(11);
  const base = signature(text(r, 80))!;
  for (let changed = 0; changed <= 20; changed++) {
    for (let rep = 0; rep < 5; rep++) {
      const other = base.slice();
      for (let k = 0; k < changed; k++) other[Math.floor(r() * other.length)] ^= 1 + Math.floor(r() * 1000);
      assert.equal(isCopy(base, other), similarity(base, other) >= COPY_SIMILARITY, `${changed} positions changed`);
      assert.equal(isCopy(other, base), similarity(other, base) >= COPY_SIMILARITY);
    }
  }
  assert.equal(bands(base).length, 16);
});
