// A country named before a border word, a town named near a whole country, a business named after
// its head word, and towns news names that GeoNames lacks or spells otherwise: invented sentences
// (issue 13).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGeoparser } from '../../src/geography/index.js';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();
const first = (text: string) => extractor.extract({ id: 't', text, origin: { file: 'inline' } }).events[0];
const show = (ps: { text: string; entry: { name: string; countryCode: string } }[]) => JSON.stringify(ps.map((p) => [p.text, p.entry.name, p.entry.countryCode]));

test('a minor town named near a country\'s border is on the near side, not dropped for the country across it', () => {
  const geo = loadGeoparser();
  const kidal = geo.parse('Rebels ambushed a convoy outside Kidal near the Algeria border on Sunday.');
  assert.equal(kidal.find((p) => p.text === 'Kidal')?.entry.countryCode, 'ML', show(kidal));
  assert.equal(first('Rebels ambushed a supply convoy outside Kidal near the Algeria border.')?.country, 'Mali');
  assert.equal(first('Bandits raided cattle herders in Mandera, close to the Ethiopia border.')?.country, 'Kenya');
  // A town named near a town of another country still yields to it ("Selim near Zemio").
  assert.equal(first('Armed men looted the market of Selim near Zemio.')?.country, 'Central African Republic');
});

test('a country named before "border" casts no vote; before "border town of" it holds the town', () => {
  assert.equal(first('Gunmen burned a school in Abeibara, not far from the Algeria border.')?.country, 'Mali');
  assert.equal(first('Jihadists attacked the Niger border town of Ayorou, killing four herders.')?.country, 'Niger');
  // A settlement the gazetteer ranks low is not outvoted by the country across the border.
  assert.equal(first('Smugglers fired on a patrol in the area of Tinzawatene near the Algeria border.')?.country, 'Mali');
  // With nothing else placing it, the border's country is still read last.
  assert.equal(first('Clashes erupted along the Eritrea border, killing three soldiers.')?.country, 'Eritrea');
});

test('the capitalised words right after a word for a business are its name, no place', () => {
  const geo = loadGeoparser();
  const ps = geo.parse('Gunmen attacked the restaurant Le Madrid in the city centre.');
  assert.ok(!ps.some((p) => p.text.includes('Madrid')), show(ps));
  assert.ok(!geo.parse('A grenade was thrown into the nightclub Casablanca Nights.').some((p) => p.text.includes('Casablanca')));
  assert.equal(first('Gunmen stormed the hotel Istanbul Palace, killing six guests, before Malian special forces ended the siege.')?.country, 'Mali');
  // A business named after its head word keeps its town: "the Casablanca restaurant" is not touched.
  assert.equal(first('Gunmen attacked a restaurant in Bamako, killing six guests.')?.country, 'Mali');
});

test('towns news names that GeoNames lacks or spells otherwise', () => {
  const geo = loadGeoparser();
  const at = (text: string, name: string) => geo.parse(text).find((p) => p.text === name)?.entry;
  assert.equal(at('Truck drivers blocked the road in Gondor over kidnappings.', 'Gondor')?.countryCode, 'ET');
  assert.equal(at('Soldiers repelled an attack on the post of In-Delimane.', 'In-Delimane')?.admin1, 'Gao');
  assert.equal(at('Two trucks hit a mine west of Tinzawatene on Monday.', 'Tinzawatene')?.admin1, 'Kidal');
  assert.equal(at('Gunmen abducted two fishermen near Ligua.', 'Ligua')?.countryCode, 'CF');
  assert.equal(at('Police cadets marched at Nagad on Friday.', 'Nagad')?.countryCode, 'DJ');
  assert.equal(at('Farmers protested in Ilu woreda over land.', 'Ilu')?.admin1, 'Oromiya');
});

test('a place named in brackets as lying some distance from another lies by it, in its country', () => {
  // (Bombo is also a town of Uganda; Amada-Gaza is in the Central African Republic.)
  assert.equal(first('Armed men burned houses in Bombo (35 km south-west of Amada-Gaza) on Friday.')?.country, 'Central African Republic');
  assert.equal(first('Armed men burned houses in Bombo on Friday.')?.country, 'Uganda');
});

test('localities of Greater Buenos Aires are towns of Buenos Aires province, not the capital', () => {
  const geo = loadGeoparser();
  for (const name of ['Martinez', 'Ramos Mejía', 'Monte Grande', 'Florencio Varela', 'José Clemente Paz', 'Remedios de Escalada']) {
    const p = geo.parse(`Neighbours blocked a road in ${name} (Buenos Aires) over power cuts.`).find((x) => x.text === name);
    assert.equal(p?.entry.admin1, 'Buenos Aires', name);
    assert.equal(p?.entry.feature, 'city', name);
  }
  assert.equal(first('Residents banged pots in Vicente Lopez (Buenos Aires) against the release of prisoners.')?.admin1, 'Buenos Aires');
});

test('the ends of a journey the actors were on are not the event place when the sentence names another', () => {
  assert.equal(first('A convoy on its way to Gao was ambushed near Tessit.')?.location, 'Tessit');
  assert.equal(first('Soldiers heading to Bamako were attacked in Segou.')?.location, 'Segou');
  assert.equal(first('Gendarmes travelling from Bozoum to Bangui clashed with rebels in Bocaranga.')?.admin1, 'Ouham-Pende');
  // Nor for a place of no country of the journey's: the coast it was flying along is no event place.
  assert.equal(first('Gunmen fired at a lorry driving from Bamako to Kayes, near the Senegal river.')?.country, 'Mali');
  // With no other place, an end of the journey still places it.
  assert.equal(first('A bus travelling from Kabul to Kandahar was ambushed, killing three.')?.country, 'Afghanistan');
});
