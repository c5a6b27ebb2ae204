// Groups whose names begin with "Ansar" ("supporters") are read whole: neither Bangladesh's Ansar
// force nor a town whose other name is Ansar. Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08' }).events[0];

test('a Sinai group named Ansar is the Islamic State in Egypt, and its town stays a place', () => {
  const e = first('Ansar Beit al-Maqdis militants ambushed a patrol near Sheikh Zuweid on Monday, killing three soldiers.');
  assert.equal(e?.actor1, 'Islamic State (Egypt)');
  assert.equal(e?.country, 'Egypt');
  assert.equal(e?.admin1, 'North Sinai');
});

test('Ansar al-Sharia is no police force', () => {
  const e = first('Ansar al-Sharia gunmen attacked an army checkpoint in Derna on Tuesday, killing two soldiers.');
  assert.equal(e?.actor1, 'Ansar al-Sharia');
  assert.equal(e?.inter1, 2);
});

test("Bangladesh's Ansar are still its forces", () => {
  assert.equal(first('Ansar members beat a rickshaw puller in Dhaka on Monday.')?.inter1, 1);
});
