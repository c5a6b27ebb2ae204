// Transliteration keys (src/geography/transliteration.ts): a name the gazetteer lacks is read as a
// town of the document's focus country spelt otherwise, only there and only where the text allows.
// The spellings below are invented variants of real towns' names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGeoparser } from '../../src/geography/index.js';
import { editDistance, schemeForCountry, transliterationKey } from '../../src/geography/transliteration.js';

const placesOf = (text: string, focusCountry?: string) =>
  loadGeoparser().parse(text, { focusCountry }).map((p) => `${p.text}=${p.entry.name}`);

test('spellings of one Arabic name share a key; other names do not', () => {
  const scheme = schemeForCountry('SY');
  assert.ok(scheme, 'Syria is written in Arabic script (transliterated.tsv)');
  const key = (s: string) => transliterationKey(s, scheme);
  assert.equal(key('menbidj'), key('manbij'), 'vowels and the French dj');
  assert.equal(key('kameshlie'), key('qamishli'), 'q and k, e and i, a final vowel');
  assert.equal(key('el tebqah'), key('tabqa'), 'the article and a final h');
  assert.equal(key('abou kemal'), key('abu kamal'));
  assert.notEqual(key('ithrieh'), key('thawra'), 'a name that begins with a vowel is marked');
  assert.notEqual(key('menbidj'), key('mayadin'));
  assert.equal(schemeForCountry('KE'), undefined, 'no folds for a country written in Latin script');
  assert.equal(editDistance('tebka', 'tabka', 2), 1);
  assert.equal(editDistance('bardi', 'yabrud', 2), 3, 'more than the limit says limit + 1');
});

test('spellings of one Ukrainian or Russian name share a key (Cyrillic folds)', () => {
  const scheme = schemeForCountry('UA');
  assert.ok(scheme, 'Ukraine is written in Cyrillic script (transliterated.tsv)');
  const key = (s: string) => transliterationKey(s, scheme);
  assert.equal(key('dokuchaevsk'), key('dokuchaievsk'), 'ay, ai, a');
  assert.equal(key('novomykhaylivka'), key('novomykhailivka'));
  assert.equal(key('gorlovka'), key('horlivka'), 'Russian g for Ukrainian h, vowels');
  assert.equal(key('shchastya'), key('shchastia'));
  assert.notEqual(key('zolote'), key('zhovte'), 'zh is one letter');
  assert.deepEqual(placesOf('Shelling hit Dokuchaevsk on Monday.', 'UA'), ['Dokuchaevsk=Dokuchayevsk']);
});

test('spellings of one Ethiopian name share a key (Ethiopic folds: Amharic romanisations and Oromo qubee)', () => {
  const scheme = schemeForCountry('ET');
  assert.ok(scheme, 'Ethiopia is written in Ethiopic script (transliterated.tsv)');
  const key = (s: string) => transliterationKey(s, scheme);
  assert.equal(key('woldiya'), key('weldiya'), 'the vowel orders are spelt freely');
  assert.equal(key('naqamte'), key('nekemte'), 'qubee q for k');
  assert.equal(key('sabbaa boruu'), key('saba boru'), 'qubee doubles long vowels and geminates');
  assert.equal(key('calanqo'), key('chelenko'), 'qubee c for ch');
  assert.equal(key('xiyyoo'), key('tiyo'), 'qubee x for t');
  assert.notEqual(key('adama'), key('dima'), 'a name that begins with a vowel is marked');
  assert.deepEqual(placesOf('Protesters gathered in Gondor on Monday.', 'ET'), ['Gondor=Gonder']);
});

test('spellings of one Afghan name share a key (Perso-Arabic folds: the ezafe and v/w written freely)', () => {
  const scheme = schemeForCountry('AF');
  assert.ok(scheme, 'Afghanistan is written in Perso-Arabic script (transliterated.tsv)');
  const key = (s: string) => transliterationKey(s, scheme);
  assert.equal(key('kushki kuhna'), key('kushk e kuhnah'), 'the ezafe written -i or -e, a final h');
  assert.equal(key('zhari'), key('zharey'));
  assert.equal(key('vardak'), key('wardak'), 'v for w');
  assert.equal(key('muhammad agha'), key('mohammad aghah'));
  assert.notEqual(key('ghazni'), key('jaghuri'));
  assert.notEqual(key('gardez'), key('jardez'), 'g is its own letter, not the Arabic jim');
  // The gazetteer's Zharey district, named as an Afghan note spells it.
  assert.ok(placesOf('Four policemen were killed in Zhari district, Kandahar.', 'AF').includes('Zhari=Zharey'), JSON.stringify(placesOf('Four policemen were killed in Zhari district, Kandahar.', 'AF')));
});

test('an unknown spelling is read as a town of the focus country only', () => {
  assert.deepEqual(placesOf('Shelling hit Menbidj on Monday.', 'SY'), ['Menbidj=Manbij']);
  assert.deepEqual(placesOf('Two civilians were killed in Kameshlie.', 'SY'), ['Kameshlie=Al Qamishli']);
  assert.deepEqual(placesOf('Airstrikes on el-Tebqa killed five.', 'SY'), ['el-Tebqa=Al-Tabqa']);
  // No focus, or a focus country of another script: no place.
  assert.deepEqual(placesOf('Shelling hit Menbidj on Monday.'), []);
  assert.deepEqual(placesOf('Shelling hit Menbidj on Monday.', 'KE'), []);
});

test('a short key needs a close spelling; names, words and parts of longer names are left alone', () => {
  // "Yabrudi" has Yabrud's consonants and a close spelling; "Bardou" has them too, spelt far apart.
  assert.deepEqual(placesOf('Clashes in Yabrudi left two dead.', 'SY'), ['Yabrudi=Yabrud']);
  assert.deepEqual(placesOf('Clashes in Bardou left two dead.', 'SY'), []);
  // The rest of an organisation's name.
  assert.deepEqual(placesOf('Fighters of Jaysh Menbidj clashed with the army.', 'SY'), []);
  // A common word, and an acronym.
  assert.deepEqual(placesOf('Cameras showed the attack.', 'SY'), []);
});

test('the text\'s other places overrule a transliterated reading', () => {
  // Named as a part of a region where the town is not, or beside places of another province only.
  assert.deepEqual(placesOf('Two killed in Kameshlie neighbourhood, Daraa governorate.', 'SY').filter((p) => p.startsWith('Kameshlie')), []);
  assert.deepEqual(placesOf('Shelling of Kameshlie and Daraa killed two.', 'SY').filter((p) => p.startsWith('Kameshlie')), []);
  assert.deepEqual(placesOf('Shelling of Kameshlie and Hasakah killed two.', 'SY').filter((p) => p.startsWith('Kameshlie')), ['Kameshlie=Al Qamishli']);
});

test('a town of the focus country named alone is kept', () => {
  // Kafranbel (Idlib) alone, in headline style: with Syria as the focus it is the place; without a
  // focus a small town with no cue is not kept.
  assert.deepEqual(placesOf('Kafranbel market bombing kills 4', 'SY'), ['Kafranbel=Kafranbel']);
  assert.deepEqual(placesOf('Kafranbel market bombing kills 4'), []);
});

test('the keys built into the gazetteer file are the keys made from its names on first look-up', async () => {
  const { loadGazetteer } = await import('../../src/geography/gazetteer.js');
  const { transliterationIndex } = await import('../../src/geography/transliteration.js');
  const gaz = loadGazetteer();
  const country = gaz.countries.findIndex((c) => c.code === 'SY');
  const built = transliterationIndex(gaz, country);
  assert.ok(gaz.builtTransliterationKeys('SY'), 'the built file carries Syria\'s keys');
  assert.equal(gaz.builtTransliterationKeys('KE'), undefined, 'none for a country written in Latin script');
  // A gazetteer without built keys (as one extended by user places is) makes them from its names.
  const made = transliterationIndex(Object.assign(Object.create(Object.getPrototypeOf(gaz)), gaz, { builtTransliterationKeys: () => undefined }), country);
  assert.ok(built && made && built !== made);
  // (A key's list of all its entries is made on its first look-up when the keys come from the file.)
  const withAll = (keys: typeof built.keys) => [...keys].map(([key, k]) => [key, { ...k, all: k.all ?? [...new Set(k.entries.flat())].sort((a, b) => a - b) }]);
  assert.deepEqual(withAll(built.keys), withAll(made.keys));
});

test('the built keys are read record by record as the whole JSON reads them, for every country that has them', async () => {
  const { loadGazetteer } = await import('../../src/geography/gazetteer.js');
  const { transliterationIndex } = await import('../../src/geography/transliteration.js');
  const gaz = loadGazetteer();
  let countries = 0;
  for (const [i, c] of gaz.countries.entries()) {
    const json = gaz.builtTransliterationKeys(c.code);
    if (json === undefined) continue;
    countries++;
    const whole = (JSON.parse(json) as [string, string[], number[][]][]).map(([key, spellings, entries]) => [key, spellings, entries]);
    const read = [...transliterationIndex(gaz, i)!.keys].map(([key, k]) => [key, k.spellings, k.entries]);
    assert.deepEqual(read, whole, c.code);
  }
  assert.ok(countries >= 30, `${countries} countries with built keys`);
});
