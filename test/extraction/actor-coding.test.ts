// How actors and their categories are coded (invented sentences in the style of ACLED's notes):
// groups coded differently in different periods, fire on a known front line, installations that
// name no side, and the people a report tells as no armed side.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcledEvent } from '../../src/common/event.js';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();

/** The first event of a note read alone (no publication date, as `eval acled` reads notes). */
function first(text: string): AcledEvent | undefined {
  return extractor.extract({ text, origin: { file: 'inline' } }).events[0];
}

test('the RSF before the war of April 2023 are a unit of Sudan\'s military forces (inter 1), after it a side of their own', () => {
  const before = first('On 12 March 2022, RSF soldiers shot and killed a farmer near Kutum (Kutum locality, North Darfur state).');
  assert.equal(before?.actor1, 'Military Forces of Sudan (2019-) Rapid Support Forces');
  assert.equal(before?.inter1, 1);
  const after = first('On 20 June 2023, the RSF shot and killed a farmer near Kutum (Kutum locality, North Darfur state).');
  assert.equal(after?.actor1, 'Rapid Support Forces');
  assert.equal(after?.inter1, 2);
});

test('on a known front line an explosion with no device named is shelling; a named device stays what it is', () => {
  const e = first('On 14 May 2019, the OSCE SMM observed a total of 7 explosions involving unknown weapons near Zaitseve.');
  assert.equal(e?.sub_event_type, 'Shelling/artillery/missile attack');
  // (Which side fired is not told: no side is named.)
  assert.equal(e?.actor1, '');
  const mine = first('On 14 May 2019, a landmine exploded near Zaitseve, Donetsk, injuring a farmer.');
  assert.equal(mine?.sub_event_type, 'Remote explosive/landmine/IED');
  // (Away from any front line the data knows, an explosion is still a bomb's.)
  const elsewhere = first('On 14 May 2019, an explosion hit a market in Kismayo, Somalia, killing two traders.');
  assert.equal(elsewhere?.sub_event_type, 'Remote explosive/landmine/IED');
});
