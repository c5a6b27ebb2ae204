// The map's first view and label placement (web/src/fit.ts), without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LabelGrid, nearest, robustBounds } from '../../web/src/fit.js';

function cloud(n: number, lon: number, lat: number, spread: number, seed = 1) {
  let s = seed;
  const r = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: n }, () => ({ lon: lon + (r() - 0.5) * spread, lat: lat + (r() - 0.5) * spread }));
}

test('the first view fits where most events are, not a few outliers', () => {
  const syria = cloud(200, 38.5, 35, 4);
  const b = robustBounds([...syria, { lon: -100, lat: 40 }, { lon: 150, lat: -30 }])!;
  assert.ok(b.west > 35 && b.east < 42 && b.south > 31 && b.north < 39, JSON.stringify(b));
});

test('a main cluster with smaller groups far away: the view fits the main one', () => {
  const b = robustBounds([...cloud(168, 38.5, 35, 3, 2), ...cloud(18, 29, 41, 0.3, 4), ...cloud(13, 4, 51, 1, 6), ...cloud(6, 0, 52, 0.5, 8), ...cloud(5, 37.6, 55.7, 0.2, 9)])!;
  assert.ok(b.west > 35 && b.east < 42 && b.south > 32 && b.north < 38, JSON.stringify(b));
});

test('two clusters of similar size are both in view', () => {
  const b = robustBounds([...cloud(100, 38, 35, 2, 3), ...cloud(90, 8, 10, 2, 5)])!;
  assert.ok(b.west < 8 && b.east > 38 && b.south < 10 && b.north > 35, JSON.stringify(b));
});

test('few points all count; one place is widened; none gives no bounds', () => {
  const b = robustBounds([{ lon: 0, lat: 0 }, { lon: 100, lat: 50 }])!;
  assert.deepEqual([b.west, b.south, b.east, b.north], [0, 0, 100, 50]);
  const one = robustBounds([{ lon: 90.4, lat: 23.8 }])!;
  assert.ok(Math.abs(one.east - one.west - 1.5) < 1e-9 && Math.abs((one.east + one.west) / 2 - 90.4) < 1e-9);
  assert.equal(robustBounds([]), undefined);
  assert.ok(robustBounds([{ lon: NaN, lat: 1 }]) === undefined);
});

test('nearest point', () => {
  assert.deepEqual(nearest([{ lon: 10, lat: 10 }, { lon: 40, lat: 35 }], { lon: 38, lat: 33 }), { lon: 40, lat: 35 });
  assert.equal(nearest([], { lon: 0, lat: 0 }), undefined);
});

test('labels: a box overlapping a placed one is refused, others placed', () => {
  const g = new LabelGrid(50);
  assert.ok(g.place({ x: 10, y: 10, w: 80, h: 14 }));
  assert.ok(!g.place({ x: 60, y: 20, w: 80, h: 14 }), 'overlaps the first');
  assert.ok(g.place({ x: 95, y: 10, w: 80, h: 14 }), 'beside it');
  assert.ok(g.place({ x: 10, y: 30, w: 80, h: 14 }), 'below it');
  // Blocked areas (the events) overlap each other and still keep names off.
  g.block({ x: 300, y: 300, w: 40, h: 40 });
  g.block({ x: 320, y: 300, w: 40, h: 40 });
  assert.ok(!g.place({ x: 350, y: 310, w: 30, h: 10 }), 'under the second blocked area');
});
