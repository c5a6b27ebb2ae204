import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnLength, decodeGazetteer, encodeGazetteer, findName, GAZETTEER_VERSION, gazetteerData, stringAt, type GazetteerFile } from '../../src/geography/gazetteer-format.js';
import { Gazetteer } from '../../src/geography/gazetteer.js';

// Three places; "springfield" names two, and comes twice (as user places do): entries merge once each.
const file: GazetteerFile = {
  version: GAZETTEER_VERSION,
  sources: ['test'],
  countries: [{ code: 'US', iso3: 'USA', name: 'United States', names: ['United States'], lat: 39, lon: -98 }],
  admin1Names: ['Illinois', 'Missouri'],
  admin2Names: [],
  n: ['Springfield', 'Springfield', 'New York City'],
  la: [397817, 372153, 407128], lo: [-896501, -932982, -740060],
  cc: [0, 0, 0], a1: [0, 1, -1], a2: [-1, -1, -1], f: [0, 0, 0],
  p: [114_000, 169_000, 8_800_000], g: [4250542, 4409896, 5128581], r: [3, 2, 4],
  keys: ['springfield', 'new york city', 'springfield'], post: [[0, 1], 2, [1]],
  demonymKeys: ['new yorker'], demonymEntry: [2],
  abbrevKeys: ['n y'], abbrevEntry: [2],
  commonWords: ['reading'], firstNames: ['jordan'],
};

test('the binary gazetteer reads back what was written', () => {
  const data = gazetteerData(file);
  const back = decodeGazetteer(encodeGazetteer(data));
  const names = (d: typeof data) => Array.from({ length: columnLength(d.names.names) }, (_, i) => stringAt(d.names.names, i));
  assert.deepEqual(names(back).sort(), ['new', 'new york city', 'springfield']);
  assert.deepEqual(Array.from(back.names.value), Array.from(data.names.value));
  assert.equal(back.names.maxWords[findName(back.names, 'new')], 3);
  assert.equal(findName(back.names, 'york'), -1);
  assert.deepEqual(Array.from(back.p), file.p);
  assert.deepEqual(Array.from({ length: 3 }, (_, i) => stringAt(back.n, i)), file.n);
  const gaz = Gazetteer.fromBytes(encodeGazetteer(data));
  assert.deepEqual(gaz.lookup('springfield'), [0, 1]);
  assert.deepEqual(gaz.lookup('new york city'), [2]);
  assert.equal(gaz.lookup('chicago'), undefined);
  // "new" starts a name but names no place.
  assert.equal(gaz.has('new'), false);
  assert.equal(gaz.maxWords('new'), 3);
  assert.equal(gaz.maxWords('york'), undefined);
  assert.equal(gaz.entry(1).admin1, 'Missouri');
  assert.equal(gaz.abbreviations.get('ny'), 2);
  assert.ok(gaz.commonWords.has('reading') && gaz.firstNames.has('jordan'));
});

test('names with characters above U+00FF read back from the one-byte string sections', () => {
  // Invented names: Latin-1 ones ("Sélestat"), wide ones (Cyrillic, Greek, an astral character) and
  // a wide name as long as a Latin-1 one, which a look-up must tell apart.
  const names = ['Sélestat', 'Новоград', 'Άλφα', 'Brux', 'Брюх', 'Q𝔸rt'];
  const f: GazetteerFile = {
    ...file,
    admin2Names: ['Окраина', 'Outskirt'],
    n: names,
    la: names.map(() => 0), lo: names.map(() => 0), cc: names.map(() => 0), a1: names.map(() => -1),
    a2: [0, 1, -1, -1, 0, -1], f: names.map(() => 0), p: names.map(() => 1000), g: names.map(() => 0), r: names.map(() => 1),
    keys: ['selestat', 'новоград', 'άλφα', 'brux', 'брюх', 'q𝔸rt'], post: [0, 1, 2, 3, 4, 5],
    demonymKeys: [], demonymEntry: [], abbrevKeys: [], abbrevEntry: [],
  };
  const bytes = encodeGazetteer(gazetteerData(f));
  const back = decodeGazetteer(bytes);
  assert.ok(back.n.wide && back.n.wide.at.length === 4);
  assert.deepEqual(Array.from({ length: names.length }, (_, i) => stringAt(back.n, i)), names);
  assert.deepEqual([0, 1].map((i) => stringAt(back.admin2Names, i)), f.admin2Names);
  const gaz = Gazetteer.fromBytes(bytes);
  f.keys.forEach((k, i) => assert.deepEqual(gaz.lookup(k), [i]));
  assert.equal(gaz.lookup('брюк'), undefined);
  assert.equal(gaz.lookup('\0\0\0\0'), undefined);
  assert.equal(gaz.entry(4).name, 'Брюх');
  assert.equal(gaz.entry(4).admin2, 'Окраина');
});

test('a file that is no gazetteer, or of another version, is refused', () => {
  assert.throws(() => decodeGazetteer(Buffer.from('{"version":3}')), /not a sitrep gazetteer/);
  const bytes = encodeGazetteer(gazetteerData(file));
  const header = bytes.toString('latin1');
  // (The older number padded to the same length: the header's length is stored before it.)
  const older = Buffer.from(header.replace(`"version":${GAZETTEER_VERSION}`, `"version":${String(GAZETTEER_VERSION - 1).padStart(String(GAZETTEER_VERSION).length)}`), 'latin1');
  assert.throws(() => decodeGazetteer(older), /gazetteer version/);
});

test('admin1 regions and their seats are indexed when the file is built, and read back', () => {
  // An invented country: region 0 has an admin1 entry, a capital-ranked town and a bigger town;
  // region 1 has two towns of one size (the first is its seat) and no admin1 entry.
  const f: GazetteerFile = {
    ...file,
    admin1Names: ['Northmarch', 'Southmarch', 'Eastmarch'],
    n: ['Northmarch', 'Aldtown', 'Bigborough', 'Ferrow', 'Gillby'],
    la: [0, 0, 0, 0, 0], lo: [0, 0, 0, 0, 0], cc: [0, 0, 0, 0, 0], a1: [0, 0, 0, 1, 1], a2: [-1, -1, -1, -1, -1],
    f: [1, 0, 0, 0, 0], p: [900_000, 20_000, 400_000, 5_000, 5_000], g: [0, 0, 0, 0, 0], r: [1, 3, 2, 1, 1],
    keys: ['northmarch'], post: [0], demonymKeys: [], demonymEntry: [], abbrevKeys: [], abbrevEntry: [],
  };
  for (const gaz of [Gazetteer.fromFile(f), Gazetteer.fromBytes(encodeGazetteer(gazetteerData(f)))]) {
    assert.equal(gaz.admin1Entry(0), 0);
    assert.equal(gaz.admin1Entry(1), undefined);
    // The capital-ranked town before the bigger one; on a tie, the first.
    assert.equal(gaz.admin1Seat(0), 1);
    assert.equal(gaz.admin1Seat(1), 3);
    assert.equal(gaz.admin1Seat(2), undefined);
    assert.equal(gaz.admin1Seat(-1), undefined);
    assert.equal(gaz.admin1Seat(7), undefined);
  }
});
