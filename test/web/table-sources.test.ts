// The event table's Sources column counts outlets, as ACLED's source count does, not documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { outletCount } from '../../web/src/table.js';
import type { EventSummary } from '../../web/src/api.js';

const event = (sources: number, source_count?: number) => ({ sources, source_count }) as unknown as EventSummary;

test('three wire copies from one outlet count as one source', () => {
  assert.equal(outletCount(event(3, 1)), 1);
  assert.equal(outletCount(event(5, 4)), 4);
});

test('an event without an outlet count (a preview) falls back to its documents', () => {
  assert.equal(outletCount(event(1)), 1);
});
