// Integration: the real pipeline over the first 50 rows of the Kenya ACLED export, read from
// ../shared at run time (never copied here). Skipped when the data is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createExtractor } from '../../src/pipeline/index.js';
import { evaluateAcledFile } from '../../src/eval/all.js';
import { METRICS } from '../../src/eval/acled.js';

const KENYA = fileURLToPath(new URL('../../../shared/eval-data/acled-notes/acled_kenya_2004-2019.csv', import.meta.url));
const present = existsSync(KENYA);

test('eval acled on the first 50 Kenya rows', { skip: present ? false : `no ${KENYA} (shared eval data absent)` }, () => {
  const report = evaluateAcledFile(KENYA, { extractor: createExtractor(), limit: 50, progress: false, warn: () => {} });
  const m = report.metrics;
  assert.equal(m.rows, 50);
  assert.equal(report.skippedRecords, 0);
  for (const name of METRICS) assert.ok(m.scores[name].hits <= m.scores[name].total, name);
  for (const name of ['covered', 'event_type', 'sub_event_type', 'fatalities', 'loc25', 'admin1', 'country', 'interaction'] as const) {
    assert.equal(m.scores[name].total, 50, `${name} is scored on every row`);
  }
  // 2019 notes state their dates ("On December 31 2019"); most gold rows have two actors.
  assert.ok(m.scores.date.total >= 40 && m.scores.date.total <= 50, `date rows ${m.scores.date.total}`);
  assert.ok(m.scores.actors.total > 50, `gold actors ${m.scores.actors.total}`);
  const confusionRows = Object.values(m.confusion).flatMap((byPredicted) => Object.values(byPredicted));
  assert.equal(confusionRows.reduce((a, b) => a + b, 0), 50);
  assert.equal(m.extract_errors, 0, 'the pipeline does not throw on real notes');
});
