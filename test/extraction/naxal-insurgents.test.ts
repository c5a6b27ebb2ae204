// India's Maoist insurgents: the party by its name, Naxals as ACLED's Naxal-Maoist rebels, and
// "Maoists" as insurgents (armed, never a crowd) that mean the story's named group where it has one.
// Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08' }).events[0];

test('Naxals and the CPI (Maoist) are named as ACLED names them', () => {
  const e = first('Naxals shot dead two villagers in Sukma district of Chhattisgarh on Monday.');
  assert.equal(e?.actor1, 'Naxal-Maoist Rebels (India)');
  assert.equal(e?.country, 'India');
  assert.equal(first('Cadres of the CPI (Maoist) killed a village head in Gadchiroli on Tuesday.')?.actor1, 'CPI (Maoist): Communist Party of India (Maoist)');
});

test('Maoists who burn a bus destroy property: an armed side, not rioters', () => {
  const e = first('Suspected Maoists torched a bus near Dantewada in Chhattisgarh on Sunday.');
  assert.equal(e?.sub_event_type, 'Looting/property destruction');
  assert.equal(e?.inter1, 3);
});

test("'Maoists' in a story of a named group mean that group", () => {
  const e = first('Shining Path guerrillas attacked a police post in Ayacucho on Monday. The Maoists killed two policemen.');
  assert.equal(e?.actor1, 'PCP-SL: Communist Party of Peru - Shining Path');
});
