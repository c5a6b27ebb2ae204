// Local units the npm gazetteers lack (data/communes.tsv): a commune is a place of its district and
// region; a town the gazetteer knows keeps its own point; "the X quarter of Y" is a part of Y.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGeoparser } from '../../src/geography/index.js';

const show = (places: { text: string; entry: { countryCode: string; admin1?: string; feature: string } }[]) =>
  JSON.stringify(places.map((p) => [p.text, p.entry.countryCode, p.entry.admin1, p.entry.feature]));

test('a commune the gazetteers lack is a place of its province and region', () => {
  const geo = loadGeoparser();
  const places = geo.parse('Gunmen killed a shopkeeper in Gorgadji on Tuesday night.');
  const g = places.find((p) => p.text === 'Gorgadji');
  assert.equal(g?.entry.countryCode, 'BF', show(places));
  assert.equal(g?.entry.admin1, 'Sahel');
  assert.equal(g?.entry.feature, 'city');
  // Another spelling of the commune's name (the aliases column).
  const m = geo.parse('Armed men attacked the gendarmerie in Matiakoali before dawn.').find((p) => p.text === 'Matiakoali');
  assert.equal(m?.entry.countryCode, 'BF');
  assert.equal(m?.entry.admin1, 'Est');
  // A commune named with its province in brackets.
  const solle = geo.parse('Herders were abducted near Sollé (Loroum) on Friday.').find((p) => p.text === 'Sollé');
  assert.equal(solle?.entry.admin1, 'Nord');
});

test('a village of Burkina Faso that conflict news names is a place of its province', () => {
  const geo = loadGeoparser();
  const where = (text: string, name: string) => geo.parse(text).find((p) => p.text === name)?.entry;
  assert.equal(where('Gunmen stormed the army post at Inata overnight.', 'Inata')?.admin1, 'Sahel');
  assert.equal(where('Militants burned a school in the village of Kompiembiga on Friday.', 'Kompiembiga')?.countryCode, 'BF');
  assert.equal(where('Militants burned a school in the village of Kompienbiga on Friday.', 'Kompienbiga')?.admin1, 'Est');
  assert.equal(where('Displaced families arrived from Foubé on Monday.', 'Foubé')?.admin1, 'Centre-Nord');
});

test('a group active in several countries puts a village in one of them, not in a namesake abroad', () => {
  const geo = loadGeoparser();
  const where = (text: string, name: string) => geo.parse(text).find((p) => p.text === name)?.entry;
  // Kaïn: a commune of Yatenga, Burkina Faso; Kain: a town of Belgium.
  assert.equal(where('Suspected JNIM militants raided the village of Kain and seized cattle.', 'Kain')?.countryCode, 'BF');
  // Without such a group the namesake abroad still stands.
  assert.equal(where('Farmers met in the village of Kain on Sunday.', 'Kain')?.countryCode, 'BE');
  // The group names no country: a text that names no place stays unplaced.
  assert.deepEqual(geo.parse('ISGS militants ambushed a patrol.').filter((p) => !p.demonym).map((p) => p.entry.countryCode), []);
});

test('a commune whose name is a known town of its region is that town', () => {
  const geo = loadGeoparser();
  const djibo = geo.parse('Soldiers patrolled the market in Djibo on Monday.').find((p) => p.text === 'Djibo');
  assert.equal(djibo?.entry.countryCode, 'BF');
  assert.ok(djibo?.entry.geonameid, 'the GeoNames town, not a commune at its province point');
});

test('a commune whose name is a known town takes the commune\'s other names', () => {
  const geo = loadGeoparser();
  // Arbinda: the commune's usual spelling; GeoNames' town is Aribinda.
  const places = geo.parse('Gendarmes repelled an attack on their post in Arbinda on Friday.');
  const a = places.find((p) => p.text === 'Arbinda');
  assert.equal(a?.entry.countryCode, 'BF', show(places));
  assert.equal(a?.entry.admin1, 'Sahel');
  assert.equal(a?.entry.name, 'Aribinda', 'the GeoNames town');
  // Other common spellings of communes (Barsalogo, Zimtenga).
  assert.equal(geo.parse('Vigilantes detained two traders in Barsalogo on Friday.').find((p) => p.text === 'Barsalogo')?.entry.admin1, 'Centre-Nord');
  assert.equal(geo.parse('Gunmen raided a hamlet near Zimtenga (Bam) on Friday.').find((p) => p.text === 'Zimtenga')?.entry.admin1, 'Centre-Nord');
});

test('settlements of Mali and towns of Djibouti by the spellings news use', () => {
  const geo = loadGeoparser();
  const where = (text: string, name: string) => geo.parse(text).find((p) => p.text === name)?.entry;
  assert.equal(where('Traders marched through Sevare on Monday.', 'Sevare')?.admin1, 'Mopti');
  assert.equal(where('Residents of Badalabougou blocked a road on Monday.', 'Badalabougou')?.admin1, 'Bamako');
  // A quarter of Ouagadougou.
  assert.equal(where('Youths blocked a street in Tampouy on Monday.', 'Tampouy')?.admin1, 'Centre');
  assert.equal(where('A train was derailed near Daasbyo on Sunday.', 'Daasbyo')?.admin1, 'Ali Sabieh');
  assert.equal(where('Refugees were moved to the camp at Ali Addeh.', 'Ali Addeh')?.countryCode, 'DJ');
});

test('a commune yields to one other name of the text abroad', () => {
  const geo = loadGeoparser();
  // Boni is a commune of Tuy province, Burkina Faso; the forest of the story is in Kenya.
  const places = geo.parse('Kenyan troops raided a militant camp in Boni on Sunday.');
  assert.ok(!places.some((p) => p.text === 'Boni' && p.entry.countryCode === 'BF'), show(places));
  // A Burkinabe story keeps it.
  const bf = geo.parse('Burkinabe troops raided a militant camp in Boni on Sunday.');
  assert.ok(bf.some((p) => p.text === 'Boni' && p.entry.countryCode === 'BF'), show(bf));
});

test('"the X quarter of Y", "sector X of Y": a part of Y, not a namesake elsewhere', () => {
  const geo = loadGeoparser();
  for (const text of ['Youths in the Gounghin quarter of Ouagadougou blocked a road.', 'Youths in the Gounghin sector of Ouagadougou blocked a road.']) {
    const places = geo.parse(text);
    assert.ok(!places.some((p) => p.text === 'Gounghin' && p.entry.admin1 !== 'Centre'), show(places));
    assert.ok(places.some((p) => p.text === 'Ouagadougou'), show(places));
  }
});

test('a commune of Burkina Faso or Mali whose seat has a point is found there, not at its province\'s point', () => {
  const geo = loadGeoparser();
  const near = (e: { latitude: number; longitude: number } | undefined, lat: number, lon: number) =>
    !!e && Math.abs(e.latitude - lat) < 0.15 && Math.abs(e.longitude - lon) < 0.15;
  // Markoye: a commune of Oudalan, about 40 km east of the province's seat, Gorom-Gorom.
  const m = geo.parse('Gunmen seized cattle from herders near Markoye on Monday.').find((p) => p.text === 'Markoye')?.entry;
  assert.ok(near(m, 14.64, 0.04), JSON.stringify(m));
  // Tongomayel: a commune of Soum, east of Djibo.
  const t = geo.parse('A convoy was ambushed outside Tongomayel on Friday.').find((p) => p.text === 'Tongomayel')?.entry;
  assert.ok(near(t, 14.07, -1.48), JSON.stringify(t));
  // Gossi: a commune of Gourma-Rharous cercle, Mali, far from the cercle's seat.
  const g = geo.parse('Soldiers repelled an attack on their camp in Gossi on Sunday.').find((p) => p.text === 'Gossi')?.entry;
  assert.ok(near(g, 15.82, -1.3), JSON.stringify(g));
});

test('communes of central Mali are places of their cercle and region', () => {
  const geo = loadGeoparser();
  const places = geo.parse('Militants attacked the gendarmerie in Diallassagou on Sunday.');
  const d = places.find((p) => p.text === 'Diallassagou');
  assert.equal(d?.entry.countryCode, 'ML', show(places));
  assert.equal(d?.entry.admin1, 'Mopti');
});

test('Ethiopian woredas and towns are places of their zone and region', () => {
  const geo = loadGeoparser();
  const places = geo.parse('Police dispersed a crowd of farmers in Kokosa on Thursday.');
  const k = places.find((p) => p.text === 'Kokosa');
  assert.equal(k?.entry.countryCode, 'ET', show(places));
  assert.equal(k?.entry.admin1, 'Oromiya');
  // A woreda of Oromia's North Shewa, a zone GeoNames names like Amhara's (given by its code).
  const w = geo.parse('Residents of Wuchale marched against the new tax.').find((p) => p.text === 'Wuchale');
  assert.equal(w?.entry.admin1, 'Oromiya');
  // Another spelling of a woreda (the aliases column) and a town of the Somali region.
  assert.equal(geo.parse('Gunmen ambushed a truck near Fentalle on Sunday.').find((p) => p.text === 'Fentalle')?.entry.admin1, 'Oromiya');
  assert.equal(geo.parse('Traders closed their shops in Kebribeyah yesterday.').find((p) => p.text === 'Kebribeyah')?.entry.admin1, 'Somali');
});

test('an Ethiopian town named with its zone is the Ethiopian one, not a namesake abroad', () => {
  const geo = loadGeoparser();
  // Soka (Japan) and Boke (Guinea) are bigger namesakes; the zone says which is meant.
  const soka = geo.parse('Farmers held a rally in Soka town, East Hararghe zone, on Monday.').find((p) => p.text === 'Soka');
  assert.equal(soka?.entry.countryCode, 'ET');
  // A compass word in lower case before the zone's name is part of it.
  const places = geo.parse('Students marched in Boke town, west Hararghe zone, last week.');
  assert.equal(places.find((p) => p.text === 'Boke')?.entry.countryCode, 'ET', show(places));
  assert.ok(places.some((p) => p.text === 'west Hararghe' && p.entry.feature === 'admin2'), show(places));
});

test('Ethiopian spellings of towns and zones (Hawasa, Dambi Dolo, West Shoa)', () => {
  const geo = loadGeoparser();
  assert.equal(geo.parse('Workers protested in Hawasa over pay.').find((p) => p.text === 'Hawasa')?.entry.admin1, 'Sidama Region');
  assert.equal(geo.parse('A crowd gathered in Dambi Dolo after prayers.').find((p) => p.text === 'Dambi Dolo')?.entry.admin1, 'Oromiya');
  assert.equal(geo.parse('Clashes were reported in West Shoa zone on Friday.').find((p) => p.text.startsWith('West Shoa'))?.entry.admin1, 'Oromiya');
});

test('a district GeoNames lists without a town is found at its seat when the seat has a point', () => {
  const geo = loadGeoparser();
  // Markounda: a sub-prefecture of the Central African Republic (Ouham); its town is under 1,000 people
  // in GeoNames, so the district alone would sit at the prefecture's point (about 6.6 N, 17.5 E).
  const m = geo.parse('Herders said armed men burned three huts in Markounda on Sunday.').find((p) => p.text === 'Markounda')?.entry;
  assert.equal(m?.countryCode, 'CF');
  assert.ok(m && Math.abs(m.latitude - 7.62) < 0.2 && Math.abs(m.longitude - 16.95) < 0.2, JSON.stringify(m));
  // The seat's other names: the commune of Nana-Markounda.
  assert.equal(geo.parse('A patrol was ambushed near Nana-Markounda on Friday.').find((p) => p.text === 'Nana-Markounda')?.entry.countryCode, 'CF');
});

test('a woreda with its own point is put at its seat; a townless zone at its seat', () => {
  const geo = loadGeoparser();
  const near = (e: { latitude: number; longitude: number } | undefined, lat: number, lon: number) =>
    !!e && Math.abs(e.latitude - lat) < 0.3 && Math.abs(e.longitude - lon) < 0.3;
  // Chinaksen woreda (East Hararghe, Oromia): at its seat, not at Oromia's point.
  const c = geo.parse('Villagers fled after shooting in Chinaksen on Friday.').find((p) => p.text === 'Chinaksen')?.entry;
  assert.equal(c?.countryCode, 'ET');
  assert.ok(near(c, 9.5, 42.57), JSON.stringify(c));
  // West Hararghe zone, which GeoNames lists without a town: at its seat, Chiro.
  const z = geo.parse('Farmers protested in West Hararghe zone on Monday.').find((p) => /Harar?ghe/.test(p.text))?.entry;
  assert.ok(near(z, 9.08, 40.87), JSON.stringify(z));
});

test('DR Congo territories and Somali districts GeoNames lists without a town are found at their seats', () => {
  const geo = loadGeoparser();
  const at = (text: string, name: string) => geo.parse(text).find((p) => p.text === name)?.entry;
  const near = (e: { latitude: number; longitude: number } | undefined, lat: number, lon: number) =>
    !!e && Math.abs(e.latitude - lat) < 0.2 && Math.abs(e.longitude - lon) < 0.2;
  // Mahagi: a territory of Ituri whose town GeoNames lacks; without its seat it sits at Ituri's point.
  const m = at('Militiamen attacked a displaced persons camp in Mahagi on Tuesday.', 'Mahagi');
  assert.equal(m?.countryCode, 'CD');
  assert.ok(near(m, 2.30, 30.99), JSON.stringify(m));
  // Kismaayo: the district GeoNames spells otherwise than its town (Kismayo) is at the town.
  const k = at('A roadside bomb hit a convoy in Kismaayo district on Sunday.', 'Kismaayo');
  assert.equal(k?.countryCode, 'SO');
  assert.ok(near(k, -0.36, 42.55), JSON.stringify(k));
  // A town of the Kivus the npm gazetteers lack.
  assert.equal(at('Traders fled the mining town of Rubaya after the clashes.', 'Rubaya')?.admin1, 'North Kivu');
});

test('a village named with its commune and province in brackets, none of whose namesakes lies in that province, is a place of the commune', () => {
  const geo = loadGeoparser();
  // Bana is a commune of the Balé; a village Bana of Mansila commune (Yagha) is not it.
  const places = geo.parse('Gunmen looted the market of Bana (Mansila, Yagha) on Tuesday.');
  const b = places.find((p) => p.text === 'Bana');
  assert.equal(b?.entry.admin1, 'Sahel', show(places));
  assert.equal(b?.entry.name, 'Mansila', show(places));
  // The commune Bana itself, named with its own province, stays.
  const own = geo.parse('Gunmen looted the market of Bana (Bana, Balé) on Tuesday.').find((p) => p.text === 'Bana');
  assert.equal(own?.entry.admin1, 'Boucle du Mouhoun');
});

test('communes of southern Mali are places of their cercle and region', () => {
  const geo = loadGeoparser();
  const where = (text: string, name: string) => geo.parse(text).find((p) => p.text === name)?.entry;
  assert.equal(where('Farmers blocked the road at Massantola on Friday.', 'Massantola')?.admin1, 'Koulikoro');
  assert.equal(where('Gold miners went on strike in Sadiola last week.', 'Sadiola')?.countryCode, 'ML');
  assert.equal(where('Youths burned tyres in Zangasso over the price of cotton.', 'Zangasso')?.admin1, 'Sikasso');
});

test("Pakistan's former tribal agencies GeoNames lists without a town, and towns of Waziristan, are places of Khyber Pakhtunkhwa", () => {
  const geo = loadGeoparser();
  const at = (text: string, name: string) => geo.parse(text).find((p) => p.text === name)?.entry;
  for (const [text, name] of [
    ['A drone strike killed five militants in South Waziristan on Tuesday.', 'South Waziristan'],
    ['Security forces raided a hideout in Orakzai district.', 'Orakzai'],
    ['A bomb exploded at a checkpoint in Mir Ali, North Waziristan.', 'Mir Ali'],
    ['Troops fought militants in the Tirah Valley overnight.', 'Tirah Valley'],
  ]) {
    const e = at(text!, name!);
    assert.equal(e?.countryCode, 'PK', `${name}: ${JSON.stringify(e)}`);
    assert.equal(e?.admin1, 'Khyber Pakhtunkhwa');
  }
  // "Khyber District", its name since the 2018 merger, is GeoNames' Khyber Agency.
  assert.equal(at('Gunmen killed two policemen in Khyber District.', 'Khyber District')?.feature, 'admin2');
});

test('towns of the belt south of Baghdad and of Diyala, and Somali and Sinai towns in their English spellings, are places of their country', () => {
  const geo = loadGeoparser();
  const at = (text: string, name: string) => geo.parse(text).find((p) => p.text === name)?.entry;
  assert.equal(at('A roadside bomb exploded near a market in Yusufiyah on Sunday.', 'Yusufiyah')?.countryCode, 'IQ');
  assert.equal(at('Gunmen attacked a checkpoint in Jalawla, Diyala province.', 'Jalawla')?.admin1, 'Diyala');
  assert.equal(at('Al Shabaab fighters attacked a base in Dhusamareb on Monday.', 'Dhusamareb')?.countryCode, 'SO');
  assert.equal(at('Militants attacked a checkpoint near Sheikh Zuweid on Friday.', 'Sheikh Zuweid')?.countryCode, 'EG');
});
