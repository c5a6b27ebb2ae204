// Quotations: one scan for the three marks finds the spans the definition gives (a scan per kind of mark).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quotations } from '../../src/locales/en/quotations.js';

/** The definition: the next mark of each kind found by indexOf, the nearest taken each time. */
function reference(text: string): number[] {
  const OPEN = '\u201c';
  const CLOSE = '\u201d';
  const out: number[] = [];
  let open = -1;
  let nextOpen = text.indexOf(OPEN);
  let nextClose = text.indexOf(CLOSE);
  let nextStraight = text.indexOf('"');
  for (;;) {
    let i = nextOpen;
    if (nextClose >= 0 && (i < 0 || nextClose < i)) i = nextClose;
    if (nextStraight >= 0 && (i < 0 || nextStraight < i)) i = nextStraight;
    if (i < 0) break;
    const c = i === nextOpen ? OPEN : i === nextClose ? CLOSE : '"';
    if (c === OPEN) nextOpen = text.indexOf(OPEN, i + 1);
    else if (c === CLOSE) nextClose = text.indexOf(CLOSE, i + 1);
    else nextStraight = text.indexOf('"', i + 1);
    if (open >= 0 && i - open > 1500) open = -1;
    if (open < 0) {
      if (c !== CLOSE) open = i;
    } else if (c !== OPEN) {
      out.push(open, i + 1);
      open = -1;
    } else open = i;
  }
  return out;
}

test('quotations as the definition gives them', () => {
  const texts = [
    'He said: “We will not leave.” Then he left.',
    'A stray ” mark, then “a quote” and "another".',
    '“Unclosed quote and “a second opening” here.',
    `“${'x'.repeat(1600)}” too long, then “short”.`,
    'No quotation marks at all.',
    '',
    '"""',
  ];
  for (const t of texts) assert.deepEqual([...quotations(t)], reference(t), t);
  // Random texts of marks, letters and spaces.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const pieces = ['\u201c', '\u201d', '"', 'a', ' ', 'word ', 'x'.repeat(700)];
  for (let n = 0; n < 500; n++) {
    let t = '';
    const len = Math.floor(rand() * 30);
    for (let i = 0; i < len; i++) t += pieces[Math.floor(rand() * pieces.length)];
    assert.deepEqual([...quotations(t)], reference(t), JSON.stringify(t.slice(0, 80)));
  }
});
