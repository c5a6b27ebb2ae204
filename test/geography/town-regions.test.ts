// Towns whose first-level unit GeoNames gives otherwise or leaves empty (data/town-regions.tsv),
// and the unit GeoNames lacks (the Abyei Area), added as a region of its country.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadGeoparser } from '../../src/geography/index.js';
import { acledAdmin1 } from '../../src/extraction/assemble.js';

test('the towns of the Abyei Area are in the Abyei region, not West Kordofan', () => {
  const geo = loadGeoparser();
  for (const [text, name] of [['Herders clashed with farmers outside Abyei town on Monday.', 'Abyei'], ['Peacekeepers were fired upon in Agok overnight.', 'Agok']] as const) {
    const p = geo.parse(text).find((x) => x.text === name);
    assert.equal(p?.entry.countryCode, 'SD', text);
    assert.equal(p?.entry.admin1, 'Abyei', text);
  }
});

test('a capital GeoNames leaves without a region has its region', () => {
  const geo = loadGeoparser();
  const p = geo.parse('Teachers held a sit-in in Nouakchott on Sunday.').find((x) => x.text === 'Nouakchott');
  assert.equal(p?.entry.countryCode, 'MR');
  assert.equal(acledAdmin1(p), 'Nouakchott-Ouest');
  const n = geo.parse('Herders marched to the ministry in N\'Djamena on Friday.').find((x) => x.text === 'N\'Djamena');
  assert.equal(acledAdmin1(n), 'N\'Djamena');
});
