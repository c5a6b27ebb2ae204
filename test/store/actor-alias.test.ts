// Actor search by alias: "SDF", "ISIS", "Daesh" find the events named "QSD: Syrian Democratic Forces"
// and "Islamic State (Syria)", through the filters the CLI, the API and the dashboard share.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { actorNamesFor } from '../../src/store/actor-aliases.js';
import { API_FILTER_NAMES, parseEventFilters } from '../../src/store/filters.js';
import { openStore } from '../../src/store/index.js';
import { syntheticEvent } from './fixtures.js';

test('aliases name the dictionary actor, case-insensitively; other text is a plain substring', () => {
  assert.deepEqual(actorNamesFor('SDF'), ['QSD: Syrian Democratic Forces']);
  assert.deepEqual(actorNamesFor('daesh'), ['Islamic State']);
  assert.deepEqual(actorNamesFor('ISIS'), ['Islamic State']);
  assert.deepEqual(actorNamesFor('Islamic State'), [], 'the name itself needs no expansion');
  assert.deepEqual(actorNamesFor('Zorblax Brigade'), []);
  assert.deepEqual(parseEventFilters({ actor: 'SDF' }, API_FILTER_NAMES).actorNames, ['QSD: Syrian Democratic Forces']);
});

test('a stored event is found by its actor\'s alias, and only the matching ones', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-alias-'));
  const store = await openStore(join(dir, 'a.db'));
  try {
    await store.saveDocuments([{
      id: 'd1',
      text: 'Article',
      events: [
        syntheticEvent({ event_id: 'e1', doc_id: 'd1' }),
        syntheticEvent({ event_id: 'e2', doc_id: 'd1', actor1: 'Al Shabaab', actor2: 'Military Forces of Kenya (2022-)', assoc_actor_2: '' }),
      ],
    }]);
    const ids = async (actor: string) => (await store.queryEvents(parseEventFilters({ actor }, API_FILTER_NAMES), { limit: 10 })).events.map((e) => e.event_id).sort();
    assert.deepEqual(await ids('SDF'), ['e1']);
    assert.deepEqual(await ids('Daesh'), ['e1']);
    assert.deepEqual(await ids('isis'), ['e1']);
    assert.deepEqual(await ids('Shabaab'), ['e2']);
    assert.deepEqual(await ids('Zorblax'), []);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
