// Who reports what: the source named with a reporting verb, not a date, a place or a noun's modifier
// before it (issue 13: the reporters of whole articles and wire reports). Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const reporters = (text: string) => extractor.extract({ text, date: '2024-03-08' }).doc.attributions.map((a) => a.reporter);

test('a date before the reporting verb is no source: the name before it is', () => {
  assert.deepEqual(reporters('Police on Monday said gunmen killed three villagers in Maiduguri.'), ['Police']);
  assert.deepEqual(reporters('Seven clinics have been shelled since Monday and witnesses say barrel bombs are used.'), ['witnesses']);
  assert.deepEqual(reporters('Locals who fled the town in February said the militants had killed three men.'), ['Locals']);
});

test('the object of a preposition is not the speaker', () => {
  assert.deepEqual(reporters('Officials in Kabul said a bomb killed 12 people on Monday.'), ['Officials']);
  assert.deepEqual(reporters('A report from Angola said that rebels killed 30 soldiers.'), ['A report']);
  assert.deepEqual(reporters('The rebel branch in Afrin said in a statement that strikes killed 9 civilians.'), ['rebel branch']);
  assert.deepEqual(reporters('Many of those besieged in Idlib say airstrikes killed 20 people.'), []);
});

test('a reporting word after a determiner or a possessive, or before an auxiliary, is a noun', () => {
  assert.deepEqual(reporters('The reports, which cannot be confirmed, say 12 were killed.'), []);
  assert.deepEqual(reporters("The regime was blamed for Saturday's alleged chemical attack, which killed 50 people."), []);
  assert.deepEqual(reporters("The UK's claims about the attack that killed two people were denied."), []);
  assert.deepEqual(reporters('Early reports said several people were killed in the blast.'), ['Early reports']);
  assert.deepEqual(reporters('Residents from the two northern states protested in front of the UN office.'), []);
  assert.deepEqual(reporters('The ministry states that 12 people were killed.'), ['ministry']);
  assert.deepEqual(reporters('The army claims 30 rebels were killed.'), ['army']);
  assert.deepEqual(reporters('The operation, which it claims is aimed at rebels, killed 30.'), ['it']);
});

test('a source named after "according to" keeps its nouns', () => {
  assert.deepEqual(reporters('More than 700 people have been killed in three months, according to local counts.'), ['local counts']);
  assert.deepEqual(reporters('The strike killed 40 people, according to Syrian medics.'), ['Syrian medics']);
  assert.deepEqual(reporters('Missiles hit the port on Monday, according to president Jane Doe.'), ['president Jane Doe']);
});

test('an inverted source ends its clause; a name that goes on with a verb is what is said', () => {
  assert.deepEqual(reporters('Gunmen killed five people, said police spokesman Charles Owino.'), ['police spokesman Charles Owino']);
  assert.deepEqual(reporters('The foreign minister, Sergei Lavrov, claimed Moscow had evidence that the attack was staged.'), []);
  assert.deepEqual(reporters('The police said on Friday that 10 people were killed in Kano on Thursday.'), ['police']);
});

const figureReporters = (text: string) =>
  extractor.extract({ text, date: '2024-03-08' }).events.flatMap((e) => e.claims.filter((c) => c.kind === 'killed').map((c) => c.reporter ?? null));

test("a paragraph's opening sentence takes the source the next sentence cites; a later sentence does not", () => {
  assert.deepEqual(figureReporters('Gunmen killed 12 villagers in Maiduguri on Monday. Police said the attackers came on motorbikes.'), ['Police']);
  assert.deepEqual(
    figureReporters('Talks on a truce resumed in Geneva on Monday. Gunmen killed 12 villagers in Maiduguri on Monday. Police said the talks would go on.'),
    [null],
  );
});
