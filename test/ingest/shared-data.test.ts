// Real inputs from ../shared (read in place, never copied): the seed article and the Guardian corpus.
// Skipped with a message when ../shared is absent.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { read } from './helpers.js';

const seedPath = fileURLToPath(new URL('../../../shared/seed/ghweran-prison-2022-01-24.txt', import.meta.url));
const guardianPath = fileURLToPath(new URL('../../../shared/eval-data/guardian-sdf/Guardian_SDF_sample.csv', import.meta.url));

test('seed article: date header, body on the same line, offsets into the file as written', {
  skip: existsSync(seedPath) ? false : `seed article not found at ${seedPath}`,
}, async () => {
  const { docs, errors } = await read([seedPath]);
  assert.deepEqual(errors, []);
  assert.equal(docs.length, 1);
  const d = docs[0]!;
  assert.equal(d.date, '2022-01-24');
  assert.ok(d.text.startsWith(' date 2022-01-24 '), 'text is the file content');
  assert.ok(d.text.slice(d.bodyStart).startsWith('Fears over'), d.text.slice(d.bodyStart, d.bodyStart + 20));
  assert.equal(d.id, undefined);
});

test('Guardian SDF sample CSV: 249 dated documents, no errors', {
  skip: existsSync(guardianPath) ? false : `Guardian corpus not found at ${guardianPath}`,
}, async () => {
  const { docs, errors } = await read([guardianPath]);
  assert.deepEqual(errors, []);
  assert.equal(docs.length, 249);
  assert.ok(docs.every((d) => /^20\d\d-\d\d-\d\d$/.test(d.date ?? '')), 'every document has a date');
  assert.ok(docs.every((d) => d.text.length > 200 && d.source === 'Guardian'));
  // Line numbers increase (records may span lines).
  for (let i = 1; i < docs.length; i++) assert.ok(docs[i]!.origin.line! > docs[i - 1]!.origin.line!);
});
