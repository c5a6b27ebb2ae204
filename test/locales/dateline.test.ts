// Datelines: a place opening a line (after spaces or quotes only) and followed by a dash or colon;
// the test of the line's start reads back over spaces only, so a document of one long line stays
// linear in its length.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDatelinePlace } from '../../src/locales/en/dateline.js';

/** The definition before the backward scan: the whole line before the place is spaces or quotes. */
function reference(text: string, start: number, end: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (!/^[\s"'“]*$/.test(text.slice(lineStart, start))) return false;
  // What follows the place, as the function reads it (the place alone on a fresh line).
  return isDatelinePlace(`\n${text.slice(start)}`, 1, 1 + end - start);
}

test('a dateline place opens its line', () => {
  const at = (text: string, place: string) => {
    const start = text.indexOf(place);
    return isDatelinePlace(text, start, start + place.length);
  };
  assert.equal(at('KABUL (Reuters) - Gunmen attacked...', 'KABUL'), true);
  assert.equal(at('Intro line.\n  "Maiduguri, Nigeria (AP) — Fighters...', 'Maiduguri'), true);
  assert.equal(at('SAN SALVADOR, 3 JAN 90 -- Rebels...', 'SAN SALVADOR'), true);
  assert.equal(at('Fighting in Kabul - the city...', 'Kabul'), false);
  assert.equal(at('KABUL said nothing.', 'KABUL'), false);
});

test('the same answers as reading the whole line, on random texts', () => {
  let s = 7;
  const r = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pieces = [' ', '  ', '\n', '"', '“', "'", 'Kabul', ' - ', ': ', ', Iraq', ' (AP) ', 'x', '\t', '—', ' '];
  for (let n = 0; n < 2000; n++) {
    let text = '';
    for (let i = 0, len = 1 + Math.floor(r() * 12); i < len; i++) text += pieces[Math.floor(r() * pieces.length)];
    for (let start = 0; start < text.length; start++) {
      const end = Math.min(text.length, start + 1 + Math.floor(r() * 5));
      assert.equal(isDatelinePlace(text, start, end), reference(text, start, end), JSON.stringify([text, start, end]));
    }
  }
});

test('one long line with many places stays linear', () => {
  // 400 KB, 40,000 places on one line: reading the line before each would be 8 billion characters.
  const text = 'Fighting near Kabul. '.repeat(20_000);
  const t0 = performance.now();
  let n = 0;
  for (let i = text.indexOf('Kabul'); i >= 0; i = text.indexOf('Kabul', i + 1)) if (isDatelinePlace(text, i, i + 5)) n++;
  assert.equal(n, 0);
  assert.ok(performance.now() - t0 < 2000, `${(performance.now() - t0).toFixed(0)} ms`);
});
