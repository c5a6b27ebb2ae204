// The review commands on a SQLite store holding a real extraction: users add/list/remove (the
// token printed once, bad roles and duplicates refused), audit with --user/--since, reextract
// reporting where sitrep disagrees with a reviewer (and keeping the reviewer's value), export
// --reviewed-only with the status column, and eval reviewed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { acledEventId } from '../../src/output/acled-csv.js';
import { createExtractor } from '../../src/pipeline/index.js';
import { currentEtag, editEvent } from '../../src/review/edits.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../store/cli-helpers.js';

const TEXT = 'Protesters clashed with police in Dhaka, Bangladesh, on Tuesday, and two people were killed, police said. ' +
  'Hundreds of students had marched on the university.';

let dir: string;
let db: string;
let eventId: string;
let extracted: number;

describe('review commands', () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-review-cli-'));
    db = join(dir, 'review.db');
    const store = await openStore(db);
    const { events } = createExtractor().extract({ id: 'dhaka', text: TEXT, date: '2024-07-16', origin: { file: 'test' } });
    assert.ok(events.length > 0, 'the fixture yields an event');
    await store.saveDocuments([{ id: 'dhaka', text: TEXT, date: '2024-07-16', events }]);
    eventId = events[0]!.event_id;
    extracted = events[0]!.fatalities;
    await editEvent(store, eventId, await currentEtag(store, eventId), { fatalities: extracted + 5, reason: 'hospital figures' }, { name: 'amina' });
    await store.close();
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  test('users add prints the token once; list; duplicates and unknown roles are refused; remove', async () => {
    const add = await runCli(['users', 'add', 'amina', '--role', 'editor', '--db', db]);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout.trim(), /^sitrep_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    const list = await runCli(['users', 'list', '--db', db]);
    assert.match(list.stdout, /^amina\teditor\t/);
    assert.doesNotMatch(list.stdout, /sitrep_/);
    const again = await runCli(['users', 'add', 'amina', '--db', db]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /exists already/);
    const role = await runCli(['users', 'add', 'bob', '--role', 'boss', '--db', db]);
    assert.equal(role.code, 1);
    assert.match(role.stderr, /not one of viewer, editor, admin/);
    const removed = await runCli(['users', 'remove', 'amina', '--db', db]);
    assert.equal(removed.code, 0, removed.stderr);
    assert.equal((await runCli(['users', 'list', '--db', db, '--json'])).stdout, '');
  });

  test('audit lists who changed what, filtered by user and time', async () => {
    const all = await runCli(['audit', '--since', '1d', '--format', 'jsonl', '--db', db]);
    assert.equal(all.code, 0, all.stderr);
    const rows = all.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(rows.map((r) => [r.user, r.event_id, r.field, r.before, r.after, r.reason]), [
      ['amina', eventId, 'fatalities', extracted, extracted + 5, 'hospital figures'],
    ]);
    const none = await runCli(['audit', '--user', 'nobody', '--db', db]);
    assert.equal(none.stdout, '');
    const bad = await runCli(['audit', '--since', 'yesterday', '--db', db]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /--since/);
  });

  test('reextract keeps the reviewer\'s value and reports the disagreement; export and eval see the reviewed event', async () => {
    const r = await runCli(['reextract', '--json', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines, [{ event_id: eventId, field: 'fatalities', reviewer: 'edited', reviewed: extracted + 5, sitrep: extracted }]);
    const csv = await runCli(['export', '--format', 'acled-csv', '--reviewed-only', '--db', db]);
    assert.equal(csv.code, 0, csv.stderr);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    // ACLED's 2024 layout names the event in its own style (ISO3 + number), derived from sitrep's id.
    assert.deepEqual(rows.map((x) => [x.event_id_cnty, x.fatalities, x.review_status]), [[acledEventId({ event_id: eventId, iso3: 'BGD', country: 'Bangladesh' }), String(extracted + 5), 'edited']]);
    const ev = await runCli(['eval', 'reviewed', '--json', '--db', db]);
    assert.equal(ev.code, 0, ev.stderr);
    const m = JSON.parse(ev.stdout);
    assert.equal(m.rows, 1);
    assert.deepEqual([m.metrics.covered.hits, m.metrics.event_type.hits, m.metrics.fatalities.hits], [1, 1, 0]);
  });
});
