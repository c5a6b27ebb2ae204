// A country named right before its forces' strike ("a US drone strike", "Turkey strikes") is the
// striker's nationality, not where the strike fell; a region of several countries ("East Africa")
// says less than the one country the sentence names. Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ text, date: '2024-03-08' }).events[0];

test('a country before its drone strike is the striker, the country named after is the place', () => {
  assert.equal(first('A US drone strike killed three militants in Somalia on Monday.')?.country, 'Somalia');
  assert.equal(first('Two US air raids in northern Yemen killed six fighters on Tuesday.')?.country, 'Yemen');
  assert.equal(first('Turkey strikes Kurdish fighters in Iraq on Sunday, killing five.')?.country, 'Iraq');
});

test('a town before a strike word is still where the strike fell', () => {
  assert.equal(first('The Kabul strike on Monday killed four people, officials said.')?.country, 'Afghanistan');
});

test('a region of several countries gives way to the country the sentence names', () => {
  const e = first("Two soldiers from Italy's training force in West Africa were killed when their vehicle struck a landmine in northern Niger on Monday.");
  assert.equal(e?.country, 'Niger');
});

test("a country before its service members is their nationality, not where they fell", () => {
  assert.equal(first('A US service member was killed by a roadside bomb in eastern Syria on Monday.')?.country, 'Syria');
});
