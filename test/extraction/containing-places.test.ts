// Names of places read with what holds them or with the rest of their own name (invented sentences
// in the style of ACLED's notes): a town named with a region of another country, a town "in the X
// area", Persian names linked by the ezafe, Arabic names going on through "al", names holding "a".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcledEvent } from '../../src/common/event.js';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();

/** The first event of a note read alone (no publication date, as `eval acled` reads notes). */
function first(text: string): AcledEvent | undefined {
  return extractor.extract({ text, origin: { file: 'inline' } }).events[0];
}

test('a larger town named with a region of another country, where that country has no town of the name, is a place of the region', () => {
  const e = first('On 4 May 2021, in Valencia, Sangre Grande, officers shot dead a man who had opened fire on a patrol.');
  assert.equal(e?.country, 'Trinidad and Tobago');
  assert.equal(e?.admin1, 'Sangre Grande');
  // (The region's own country's town stays itself.)
  assert.equal(first('On 4 May 2021, in Valencia, Carabobo, officers shot dead a man who had opened fire on a patrol.')?.country, 'Venezuela');
  // (A town of the region's country named with another of its regions is that town still.)
  assert.equal(first('On 4 May 2021, guerrillas attacked a power station in Agua Caliente, Soyapango, San Miguel department.')?.country, 'El Salvador');
});

test('"X town in the disputed Y area": the town is a part of Y, not a namesake abroad', () => {
  const e = first('On 6 March 2022, gunmen killed two herders in Anet village in the contested Abyei area.');
  assert.equal(e?.country, 'Sudan');
});

test('a Persian name linked by the ezafe ("Dara i Sufi") is one name, not its first word', () => {
  const e = first('On 2 May 2020, Afghan airstrikes killed 4 Taliban militants in Dara i Sufi Payin district.');
  assert.equal(e?.country, 'Afghanistan', 'no Dara of Syria');
});

test('a name going on through a lower-case Arabic article is one unknown name, placed by the bracket after it', () => {
  const e = first('On 3 May 2020, pro-Houthi forces shelled houses in Bilad al Rus area (Qaatabah, Ad Dali), injuring a woman.');
  assert.equal(e?.country, 'Yemen');
  assert.equal(e?.admin1, 'Ad Dali', 'no Al Bilad of Hadramawt');
  // (Not the English word "at": "Langata at the mall" is Langata.)
  assert.equal(first('A trader was assaulted in Langata at Junction Mall by a gang of youths.')?.admin1, 'Nairobi');
});

test('a region whose name holds a lower-case "a" ("Gracias a Dios") is read whole', () => {
  const e = first('On 2 May 2020, soldiers destroyed a clandestine airstrip in Wampusirpi, Gracias a Dios.');
  assert.equal(e?.country, 'Honduras');
  assert.equal(e?.admin1, 'Gracias a Dios', 'not the town of Gracias, Lempira');
});

test('a town its country holds where no town of its name is known there is an unknown place of that country, not a namesake abroad', () => {
  const x = extractor;
  const e1 = x.extract({ text: 'Suicide bombers attacked a market in the northern Cameroonian town of Bodo on Monday, killing 20 people.', date: '2024-03-08' }).events[0];
  assert.equal(e1?.country, 'Cameroon');
  assert.equal(e1?.location, 'Bodo');
  const e2 = x.extract({ text: 'Gunmen attacked a market in Bodo, Cameroon, on Monday, killing four people.', date: '2024-03-08' }).events[0];
  assert.equal(e2?.country, 'Cameroon');
  // (A town of the country itself is that town.)
  const e3 = x.extract({ text: 'Protesters marched in Valencia, Venezuela on Monday.', date: '2024-03-08' }).events[0];
  assert.equal(e3?.admin1, 'Carabobo');
});
