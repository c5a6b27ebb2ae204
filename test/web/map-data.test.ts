// The map's data (scripts/map-data.mjs): names with zoom tiers from the gazetteer, rivers and lakes
// from Natural Earth, small enough to fetch after the first paint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
// @ts-expect-error a plain .mjs script without types
import { buildMapData, MAP_DIR } from '../../scripts/map-data.mjs';

test('map data: towns by tier, divisions, countries, rivers, lakes and division borders; under 0.5 MB each gzip-compressed', async () => {
  await buildMapData({ quiet: true });
  const places = JSON.parse(readFileSync(join(MAP_DIR, 'places.json'), 'utf8')) as {
    cities: [string, number, number, number][];
    admin1: [string, number, number][];
    countries: [string, number, number][];
  };
  const town = (name: string) => places.cities.find((c) => c[0] === name);
  assert.equal(town('Baghdad')?.[3], 0, 'a city of millions is named on a world view');
  assert.ok((town('Deir ez-Zor')?.[3] ?? 9) <= 3, 'a provincial city is named at a country zoom');
  assert.ok(Math.abs(town('Baghdad')![1] - 44.4) < 0.2 && Math.abs(town('Baghdad')![2] - 33.3) < 0.2, 'longitude, latitude');
  // Largest tiers first (the map takes them in this order and stops at the first tier too small).
  for (let i = 1; i < places.cities.length; i++) assert.ok(places.cities[i]![3] >= places.cities[i - 1]![3], `tier order at ${i}`);
  assert.ok(places.admin1.some((a) => a[0] === 'Idlib'), 'first-level divisions');
  assert.ok(places.countries.some((c) => c[0] === 'Syria'), 'countries');
  const physical = JSON.parse(readFileSync(join(MAP_DIR, 'physical-50m.json'), 'utf8')) as { rivers: { features: { geometry: { coordinates: unknown } }[] }; lakes: { features: unknown[] } };
  assert.ok(physical.rivers.features.length > 300 && physical.lakes.features.length > 100);
  assert.ok(/"coordinates":\[\[-?\d+(\.\d{1,2})?,-?\d+(\.\d{1,2})?\]/.test(JSON.stringify(physical.rivers.features[0]!.geometry)), 'coordinates rounded to 0.01 degree');
  // First-level division borders worldwide (Natural Earth 1:10m), delta-encoded in 0.01 degree.
  const borders = JSON.parse(readFileSync(join(MAP_DIR, 'admin1-10m.json'), 'utf8')) as { scale: number; lines: number[][]; countries: number };
  assert.equal(borders.scale, 100);
  assert.ok(borders.countries > 200, `${borders.countries} countries`);
  const points: [number, number][] = [];
  for (const l of borders.lines) {
    let x = 0;
    let y = 0;
    for (let i = 0; i + 1 < l.length; i += 2) points.push([(x += l[i]!) / 100, (y += l[i + 1]!) / 100]);
  }
  const inBox = (w: number, s: number, e: number, n: number) => points.filter(([x, y]) => x >= w && x <= e && y >= s && y <= n).length;
  assert.ok(inBox(35.7, 32.3, 42.4, 37.3) > 100, 'Syria has province borders');
  assert.ok(inBox(2.7, 4.3, 14.7, 13.9) > 300, 'Nigeria has state borders');
  assert.equal(inBox(-30, 33, -15, 50), 0, 'no lines in the open Atlantic (coasts are not division borders)');
  for (const name of ['places.json', 'physical-50m.json', 'admin1-10m.json']) {
    const file = join(MAP_DIR, name);
    const gz = gzipSync(readFileSync(file)).length;
    assert.ok(gz < 500_000, `${name}: ${statSync(file).size} bytes, ${gz} gzip-compressed`);
  }
});
