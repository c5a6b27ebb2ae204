// The coded-place reader looks at a text's places only when the text holds one of its verbs: a text
// with none has no coded place; one with a verb is read as before. Invented notes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PlaceMention } from '../../src/common/doc.js';
import { codedPlace } from '../../src/locales/en/coded-place.js';

/** The places of a text where the given names stand (a town each). */
function placesOf(text: string, names: string[]): PlaceMention[] {
  return names.map((name) => {
    const start = text.indexOf(name);
    return { start, end: start + name.length, text: name, entry: { name, countryCode: 'SD', country: 'Sudan', latitude: 0, longitude: 0, feature: 'city' }, score: 1 } as unknown as PlaceMention;
  });
}

test('codedPlace: a note with a coding verb gives the place after it, a text without one gives none', () => {
  const coded = 'Gunmen attacked a convoy 20 km from Kassala [coded to Wadi Halfa admin 2 HQ].';
  assert.equal(codedPlace(coded, placesOf(coded, ['Kassala', 'Wadi Halfa']), () => false)?.text, 'Wadi Halfa');
  const capitals = 'GUNMEN ATTACKED A CONVOY NEAR KASSALA (LOCATION CODED AS WADI HALFA).';
  assert.equal(codedPlace(capitals, placesOf(capitals, ['KASSALA', 'WADI HALFA']), () => false)?.text, 'WADI HALFA');
  // ("recorded at" is a verb too; "coded" inside another word still has the reader look.)
  const recorded = 'Clashes were recorded at Tawila on Monday.';
  assert.equal(codedPlace(recorded, placesOf(recorded, ['Tawila']), () => false)?.text, 'Tawila');
  for (const plain of ['Gunmen attacked a convoy near Kassala and Wadi Halfa on Sunday.', 'The decoded message named Kassala.']) {
    assert.equal(codedPlace(plain, placesOf(plain, ['Kassala']), () => false), undefined, plain);
  }
});
