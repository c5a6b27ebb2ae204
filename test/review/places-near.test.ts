// The places near a point (the review form's click on the map): the nearest towns first, with their
// admin units and distance; nothing far away; bad coordinates refused with the parameter named.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { placesNear } from '../../src/review/places.js';
import { createApp } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/index.js';

let dir: string;
let store: Store;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-near-'));
  store = await openStore(join(dir, 'near.db'));
});
after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a point in a city gives the city first, then the towns around it, nearest first', () => {
  const places = placesNear(36.2, 37.16);
  assert.equal(places[0]?.location, 'Aleppo');
  assert.equal(places[0]?.country, 'Syria');
  assert.equal(places[0]?.geo_precision, 1);
  assert.ok(places[0]!.distance_km < 2);
  const d = places.map((p) => p.distance_km);
  assert.deepEqual(d, [...d].sort((a, b) => a - b));
  assert.ok(d.every((x) => x <= 30));
});

test('no town within 30 km of a point in the ocean; a point across the antimeridian works', () => {
  assert.deepEqual(placesNear(0, -30), []);
  assert.doesNotThrow(() => placesNear(-17.7, 179.99));
  assert.doesNotThrow(() => placesNear(89.9, 0));
});

test('GET /api/places/near: the places, or 400 naming lat or lon', async () => {
  const app = createApp(store, { loopback: true });
  const ok = await app.request('/api/places/near?lat=35.93&lon=36.63');
  assert.equal(ok.status, 200);
  assert.equal((await ok.json()).places[0].location, 'Idlib');
  for (const [q, parameter] of [['lat=91&lon=0', 'lat'], ['lat=1e2&lon=0', 'lat'], ['lat=10', 'lon'], ['lat=10&lon=abc', 'lon']] as const) {
    const res = await app.request(`/api/places/near?${q}`);
    assert.equal(res.status, 400, q);
    assert.equal((await res.json()).parameter, parameter, q);
  }
});
