import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { ACLED_COLUMNS } from '../../src/common/event.js';
import { acledCsvHeader, acledCsvRow, acledRegion } from '../../src/output/acled-csv.js';
import { GeoJsonWriter, geoJsonChunks, toGeoJsonFeature } from '../../src/output/geojson.js';
import { toJsonl } from '../../src/output/jsonl.js';
import { syntheticEvent } from '../store/fixtures.js';

test('acled-csv: ACLED column order, derived columns, RFC 4180 quoting that a CSV parser reads back', () => {
  const e = syntheticEvent({
    event_id: 'SYR1',
    doc_id: 'd1',
    notes: 'He said "no", then, later:\nmore',
    latitude: null,
    longitude: null,
  });
  const text = acledCsvHeader('2020') + acledCsvRow(e, 1700000000, '2020');
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0]!), [...ACLED_COLUMNS]);
  const row = rows[0]!;
  assert.equal(row.event_id_cnty, 'SYR1');
  assert.equal(row.year, '2022');
  assert.equal(row.region, 'Middle East');
  assert.equal(row.notes, 'He said "no", then, later:\nmore');
  assert.equal(row.latitude, '');
  assert.equal(row.source_scale, '');
  assert.equal(row.timestamp, '1700000000');
  assert.equal(row.iso3, 'SYR');
  assert.equal(row.interaction, '22');
  assert.equal(acledCsvRow(e, null, '2020').split(',').at(-2), '', 'no timestamp: empty, not 0');
});

test('acled-csv: region by ISO3, then by country name, blank when unknown', () => {
  assert.equal(acledRegion('KEN', ''), 'Eastern Africa');
  assert.equal(acledRegion('', 'Afghanistan'), 'Caucasus and Central Asia');
  assert.equal(acledRegion('', 'Atlantis'), '');
});

test('geojson: point at [lon, lat], null geometry without coordinates, valid collection when streamed', async () => {
  const a = syntheticEvent({ event_id: 'a', doc_id: 'd' });
  const b = syntheticEvent({ event_id: 'b', doc_id: 'd', latitude: null, longitude: null });
  assert.deepEqual(toGeoJsonFeature(a).geometry, { type: 'Point', coordinates: [40.75, 36.5] });
  assert.equal(toGeoJsonFeature(b).geometry, null);
  assert.equal(toGeoJsonFeature(a).properties.evidence, undefined);
  let out = '';
  const w = new GeoJsonWriter((s) => (out += s));
  w.add(a);
  w.add(b);
  w.close();
  const fc = JSON.parse(out);
  assert.equal(fc.type, 'FeatureCollection');
  assert.deepEqual(fc.features.map((f: { id: string }) => f.id), ['a', 'b']);
  let empty = '';
  new GeoJsonWriter((s) => (empty += s)).close();
  assert.deepEqual(JSON.parse(empty).features, []);
  let streamed = '';
  for await (const chunk of geoJsonChunks([a, b])) streamed += chunk;
  assert.equal(JSON.parse(streamed).features.length, 2);
});

test('jsonl: one line per event that parses back to the event', () => {
  const e = syntheticEvent({ event_id: 'x', doc_id: 'd', notes: 'line\nbreak' });
  const line = toJsonl(e);
  assert.equal(line.indexOf('\n'), line.length - 1);
  assert.deepEqual(JSON.parse(line), e);
});
