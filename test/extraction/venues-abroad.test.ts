// A town abroad that a story of another country names (a venue of talks, a city a delegation flies
// to) is that town, not an unknown place of the story's country, unless its name is one of the
// story's own region. Invented sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const events = (text: string, date = '2017-11-22') => extractor.extract({ text, date }).events;

test('Geneva in a story of Syria is the Swiss city (a name of another region, borne in two countries)', () => {
  const evs = events('Government forces shelled Douma and Harasta in Eastern Ghouta on Monday, killing 12 people, and jets struck Idlib and Aleppo. The Syrian army said it had taken two villages near Hama and Homs. A Syrian government delegation arrived in Geneva on Tuesday for peace talks with the opposition.');
  const geneva = evs.filter((e) => e.location === 'Geneva');
  assert.ok(geneva.length > 0);
  for (const e of geneva) assert.equal(e.country, 'Switzerland');
});

test("a name of many bearers in the story's region stays a place of the story's country the gazetteer lacks", () => {
  const evs = events('Soldiers clashed with guerrillas in San Miguel and Usulutan on Monday, killing four. Later the army attacked rebels in San Luis, in Chalatenango, killing two.', '1989-11-22');
  for (const e of evs) assert.equal(e.country, 'El Salvador');
});

test("'the X region of Y' makes X a part of Y: the Sahel region of Mali is not Burkina Faso's Sahel region", () => {
  const e = events('A soldier was killed in the Sahel region of Mali on Monday after a clash with militants.')[0];
  assert.equal(e?.country, 'Mali');
});

test("'the Battle of Mosul' names a battle, not the town of Battle in East Sussex", () => {
  const e = events('Part of the Battle of Mosul: a US soldier was killed in a bomb blast on Monday.', '2016-11-22')[0];
  assert.equal(e?.country, 'Iraq');
});

test("football clubs named for their towns ('FC Barcelona', 'Real Madrid') are no places of the story", () => {
  const e = events('A car bomb tore through a cafe where men watched a match between FC Barcelona and Real Madrid in Baghdad on Monday, killing 16 people.')[0];
  assert.equal(e?.country, 'Iraq');
});
