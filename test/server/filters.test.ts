import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API_FILTER_NAMES, FilterError, parseEventFilters } from '../../src/store/filters.js';

test('dates: whole years and months become ranges; impossible dates are refused', () => {
  assert.deepEqual(parseEventFilters({ from: '2022', to: '2024-02' }), { from: '2022-01-01', to: '2024-02-29' });
  assert.deepEqual(parseEventFilters({ from: '2023-02', to: '2023' }), { from: '2023-02-01', to: '2023-12-31' });
  assert.throws(() => parseEventFilters({ to: '2023-02-29' }), /--to: "2023-02-29" is not a calendar date/);
  assert.throws(() => parseEventFilters({ from: '24/01/2022' }, API_FILTER_NAMES), (e: unknown) => e instanceof FilterError && e.parameter === 'from');
});

test('event types match ACLED\'s spelling loosely; countries and actors are trimmed lists and text', () => {
  assert.deepEqual(parseEventFilters({ eventType: 'battles, explosions / remote violence,violence_against_civilians' }).eventTypes,
    ['Battles', 'Explosions/Remote violence', 'Violence against civilians']);
  assert.deepEqual(parseEventFilters({ country: ' Syria ,IRQ,' }).countries, ['Syria', 'IRQ']);
  assert.throws(() => parseEventFilters({ actor: '  ' }), /--actor: is empty/);
  assert.throws(() => parseEventFilters({ q: 'x'.repeat(201) }), /--q: is longer than 200/);
});

test('bbox: four numbers in range; west > east crosses the antimeridian', () => {
  assert.deepEqual(parseEventFilters({ bbox: '170,-20,-170,-10' }).bbox, [170, -20, -170, -10]);
  assert.throws(() => parseEventFilters({ bbox: '0,0,200,1' }), /longitudes/);
  assert.throws(() => parseEventFilters({ bbox: '0,0,1,1e3' }), /not a box/);
  assert.throws(() => parseEventFilters({ bbox: '0,10,1,5' }), /north of maxLat/);
});
