// A document over the per-document time budget is given up with an error naming the budget and the
// stage, which every caller reports and skips (issue 18: one input must not stall a run).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createExtractor, DocumentBudgetError } from '../../src/pipeline/index.js';
import { ingestDocuments } from '../../src/store/ingest.js';
import { sqliteEngine } from '../store/engines.js';

test('over the budget: DocumentBudgetError; the run goes on with the next document', async () => {
  const text = 'Gunmen killed three villagers in Garissa on Monday, police said. '.repeat(2000);
  const tight = createExtractor({ budgetMs: 1 });
  assert.throws(() => tight.extract({ text, origin: { file: 'x' } }), (err: unknown) => {
    assert.ok(err instanceof DocumentBudgetError);
    assert.match(err.message, /time budget of 0\.001 s per document \(at stage \w+, \d+ KB of text\)/);
    return true;
  });
  const engine = sqliteEngine();
  const store = await engine.open();
  try {
    const errors: string[] = [];
    const r = await ingestDocuments(store, tight, [
      { id: 'long', text, origin: { file: 'f', line: 1 } },
    ], { onError: (e) => errors.push(`${e.line}: ${e.message}`) });
    assert.equal(r.errors, 1);
    assert.match(errors[0]!, /^1: extraction failed: skipped: longer than the time budget/);
  } finally {
    await store.close();
    await engine.cleanup();
  }
  const none = createExtractor({ budgetMs: 0 });
  assert.ok(none.extract({ text: 'Police dispersed protesters in Nairobi.', origin: { file: 'x' } }).doc);
});
