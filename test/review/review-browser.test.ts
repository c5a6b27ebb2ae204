// Analyst review in headless Chromium: sign in with a token, edit a field with a reason, see the
// history, revert, reject, confirm from the keyboard, a stale edit answered with what changed, a
// viewer without edit controls; a hostile reason and actor name show as text and never run.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addUser } from '../../src/review/users.js';
import { openStore, type Store } from '../../src/store/index.js';
import { syntheticEvent } from '../store/fixtures.js';
import { browserSkip, buildDashboard, launchBrowser, screenshot, startServer, watchedPage, type PageWatch, type RunningServer, closeAll } from '../web/browser.js';

const HOSTILE_ACTOR = '<img src=x onerror="window.__pwned=1">Militia<script>window.__pwned=2</script>';
const HOSTILE_REASON = '<b onmouseover="window.__pwned=3">figure</b><script>window.__pwned=4</script> from the SDF';

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
let tokens: Record<string, string>;
const pages: { page: Page; watch: PageWatch }[] = [];

function event(id: string, date: string, extra: object = {}) {
  return syntheticEvent({ event_id: id, doc_id: id.replace(/-e$/, ''), event_date: date, claims: [], evidence: {}, ...extra });
}

async function signIn(who: string): Promise<{ page: Page; watch: PageWatch }> {
  const p = await watchedPage(browser, server.url);
  pages.push(p);
  await p.page.goto(server.url + '/');
  await p.page.fill('#signin-token', tokens[who]!);
  await p.page.click('form.signin button[type=submit]');
  await p.page.waitForSelector('[data-testid="session"]');
  return p;
}

const status = (page: Page) => page.getAttribute('[data-testid="review-status"]', 'data-status');

describe('analyst review in Chromium', { skip: browserSkip }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-review-web-'));
    const webRoot = await buildDashboard();
    store = await openStore(join(dir, 'review.db'));
    await store.saveDocuments([
      { id: 'a', text: 'Article a: fighting near Al-Hasakeh.', title: 'A', date: '2022-01-24', events: [event('a-e', '2022-01-20')] },
      { id: 'b', text: 'Article b: an attack.', title: 'B', date: '2022-01-25', events: [event('b-e', '2022-01-19', { actor1: HOSTILE_ACTOR })] },
      { id: 'c', text: 'Article c: a clash.', title: 'C', date: '2022-01-26', events: [event('c-e', '2022-01-18')] },
    ], { merge: false }); // synthetic events alike on adjacent days: one event per report
    tokens = {};
    for (const role of ['viewer', 'editor'] as const) tokens[role] = (await addUser(store, `an-${role}`, role)).token;
    server = await startServer(store, { loopback: true, webRoot });
    browser = await launchBrowser();
  });

  after(async () => {
    for (const p of pages) assert.equal(await p.page.evaluate(() => (window as { __pwned?: unknown }).__pwned), undefined);
    await closeAll({ browser, server, store, dir });
  });

  test('sign in, edit a field with a reason, see it in the history, revert it, reject', async () => {
    const { page, watch } = await signIn('editor');
    await page.goto(server.url + '/?event=a-e');
    await page.waitForSelector('[data-testid="review"]');
    assert.equal(await status(page), 'unreviewed');
    await page.click('details.edit summary');
    await page.fill('#edit-fatalities', '12');
    await page.fill('#review-reason', HOSTILE_REASON);
    await page.click('.edit-form button[type=submit]');
    await page.waitForSelector('[data-testid="review-status"][data-status="edited"]');
    await page.waitForSelector('[data-testid="history"] li.change');
    const change = await page.textContent('[data-testid="history"] li.change');
    assert.match(change!, /fatalities: 35 → 12/);
    // The hostile reason is text: the same characters, no element made of it.
    assert.equal(await page.textContent('[data-testid="history"] .reason q'), HOSTILE_REASON);
    assert.equal(await page.locator('[data-testid="history"] .reason b, [data-testid="history"] script').count(), 0);
    // docs/review.png (the README's) is this screenshot.
    await screenshot(page, 'review-edited.png');

    await page.click('[data-testid="history"] button[data-action="revert"]');
    await page.waitForSelector('[data-testid="review-status"][data-status="unreviewed"]');
    assert.equal((await store.getEvent('a-e'))!.fatalities, 35);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="history"] ol.history-list > li').length === 2);

    await page.click('button[data-action="reject"]');
    await page.waitForSelector('[data-testid="review-status"][data-status="rejected"]');
    assert.equal((await store.getEvent('a-e'))!.review_status, 'rejected');
    assert.deepEqual(watch.problems, []);
  });

  test('a hostile actor name is shown as text; the keyboard moves on (j) and confirms (c)', async () => {
    const { page, watch } = await signIn('editor');
    await page.goto(server.url + '/?event=b-e');
    await page.waitForSelector('[data-testid="review"]');
    const detail = await page.textContent('[data-testid="event-detail"]');
    assert.ok(detail!.includes(HOSTILE_ACTOR));
    assert.equal(await page.locator('[data-testid="event-detail"] img, [data-testid="event-detail"] script').count(), 0);
    await page.click('#detail-title');
    await page.keyboard.press('j');
    await page.waitForFunction(() => new URLSearchParams(location.search).get('event') !== 'b-e');
    const next = await page.evaluate(() => new URLSearchParams(location.search).get('event'));
    await page.waitForSelector('[data-testid="review-status"][data-status="unreviewed"]');
    await page.keyboard.press('c');
    await page.waitForSelector('[data-testid="review-status"][data-status="confirmed"]');
    assert.equal((await store.getEvent(next!))!.review_status, 'confirmed');
    assert.deepEqual(watch.problems, []);
  });

  test('a stale edit shows what someone else changed first; a viewer gets no edit controls', async () => {
    const { page, watch } = await signIn('editor');
    await page.goto(server.url + '/?event=c-e');
    await page.waitForSelector('[data-testid="review"]');
    // Someone else edits the event meanwhile.
    const tag = (await fetch(`${server.url}/api/events/c-e`, { headers: { authorization: `Bearer ${tokens.editor}` } })).headers.get('etag')!;
    const res = await fetch(`${server.url}/api/events/c-e`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${tokens.editor}`, 'content-type': 'application/json', 'if-match': tag },
      body: JSON.stringify({ fatalities: 2, reason: 'other desk' }),
    });
    assert.equal(res.status, 200);
    await page.click('button[data-action="confirm"]');
    await page.waitForSelector('.review-message.error');
    const message = await page.textContent('.review-message');
    assert.match(message!, /changed this event first/);
    assert.match(message!, /fatalities 35 → 2/);
    assert.deepEqual(watch.problems.filter((p) => !/412/.test(p)), []);

    const viewer = await signIn('viewer');
    await viewer.page.goto(server.url + '/?event=c-e');
    await viewer.page.waitForSelector('[data-testid="review"]');
    assert.equal(await viewer.page.locator('button[data-action="confirm"], details.edit').count(), 0);
    await viewer.page.waitForSelector('[data-testid="history"] li.change');
  });
});
