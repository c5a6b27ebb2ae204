// Forces named beside an attack on a civilian that are no side of it: those who only investigate or
// pursue the deed, and those named in the description of a victim's relative. Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor({ budgetMs: 0 });
const events = (text: string) => extractor.extract({ text, date: '2024-03-08' }).events;

test('police who only investigate or pursue the attackers are no side of the attack', () => {
  for (const text of [
    'A trader was shot dead in Kampala on Monday. Police have launched an investigation to arrest the attackers.',
    'A trader was wounded in an attack in Kampala on Monday. He had bullet wounds in his chest, but officials gave no details as long as the police are conducting investigations to capture the assailants.',
  ]) {
    const e = events(text)[0];
    assert.equal(e?.event_type, 'Violence against civilians', text);
    assert.equal(e?.actor2, 'Civilians (Uganda)', text);
    assert.ok(!/Police/.test(`${e?.actor1} ${e?.actor2}`), text);
  }
});

test('police who pursue and fight, or are hit while investigating, stay a side', () => {
  const killed = events('Armed gang kills police investigating gun runners in Kampala on Monday.')[0];
  assert.equal(killed?.event_type, 'Battles');
  assert.match(killed?.actor2 ?? '', /^Police Forces of Uganda/);
  const fought = events('In Kampala, two gang members were killed on Monday after exchanging fire with police during an operation to arrest them.')[0];
  assert.equal(fought?.event_type, 'Battles');
  assert.match(`${fought?.actor1} ${fought?.actor2}`, /Police Forces of Uganda/);
});

test("forces in a relative's description are not the victim's side", () => {
  for (const text of [
    'The son-in-law of General John Okello, chief of the Ugandan air force, was wounded in an attack in Kampala on Monday.',
    'A nephew of the army commander was shot dead in Kampala on Monday.',
    'THE SON-IN-LAW OF GENERAL RAFAEL OKELLO, CHIEF OF THE UGANDAN AIR FORCE, WAS WOUNDED IN AN ATTACK IN KAMPALA ON MONDAY.',
  ]) {
    const e = events(text)[0];
    assert.equal(e?.event_type, 'Violence against civilians', text);
    assert.equal(e?.actor2, 'Civilians (Uganda)', text);
  }
  // (Forces that act are still a side: soldiers who shoot a farmer's son.)
  const e = events('Soldiers shot dead the son of a farmer in Kampala on Monday.')[0];
  assert.match(e?.actor1 ?? '', /^Military Forces of Uganda/);
});
