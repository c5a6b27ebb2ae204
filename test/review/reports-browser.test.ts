// The reports of an event side by side in Chromium: each report's values, the disagreements
// highlighted, an editor splitting a report off and moving another to a different event; a hostile
// outlet name or actor shows as text and never runs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openStore, type Store } from '../../src/store/index.js';
import { syntheticEvent } from '../store/fixtures.js';
import { browserSkip, buildDashboard, launchBrowser, screenshot, startServer, watchedPage, type RunningServer, closeAll } from '../web/browser.js';

const HOSTILE_OUTLET = '<img src=x onerror="window.__pwned=1">Wire';

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;

function doc(id: string, date: string, fatalities: number, source: string, extra: object = {}) {
  const e = syntheticEvent({ event_id: `${id}-e`, doc_id: id, fatalities, source, claims: [], evidence: {}, ...extra });
  return { id, text: `Article ${id}: a clash near Al-Hasakeh.`, title: `Article ${id.toUpperCase()}`, date, source, events: [e] };
}

describe('reports side by side in Chromium', { skip: browserSkip }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-reports-web-'));
    const webRoot = await buildDashboard();
    store = await openStore(join(dir, 'reports.db'));
    // Three reports of one clash (merged); c says 50 were killed and names another location.
    await store.saveDocuments([doc('a', '2022-01-21', 35, 'SOHR')]);
    await store.saveDocuments([doc('b', '2022-01-22', 35, HOSTILE_OUTLET)]);
    await store.saveDocuments([doc('c', '2022-01-23', 50, 'Reuters', { location: 'Al-Hasakeh city', latitude: 36.51, longitude: 40.74 })]);
    // Another event, elsewhere, to move a report to.
    await store.saveDocuments([doc('z', '2022-03-01', 3, 'AFP', { event_date: '2022-03-01', admin1: 'Aleppo', location: 'Manbij', latitude: 36.53, longitude: 37.95 })]);
    server = await startServer(store, { loopback: true, webRoot });
    browser = await launchBrowser();
  });

  after(async () => {
    await closeAll({ browser, server, store, dir });
  });

  test('the reports side by side, disagreements highlighted; split one off, move another', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await page.goto(server.url + '/?event=a-e');
    await page.waitForSelector('[data-testid="reports"] table.reports-table');
    const heads = await page.locator('[data-testid="reports"] thead th[data-report-id]').evaluateAll((ths) => ths.map((t) => t.getAttribute('data-report-id')));
    assert.deepEqual(heads, ['a-e', 'b-e', 'c-e']);
    // Fatalities and location disagree; the event type does not.
    assert.equal(await page.locator('[data-testid="reports"] tr[data-field="fatalities"].disagree').count(), 1);
    assert.equal(await page.locator('[data-testid="reports"] tr[data-field="location"].disagree').count(), 1);
    assert.equal(await page.locator('[data-testid="reports"] tr[data-field="event_type"].disagree').count(), 0);
    assert.match((await page.textContent('[data-testid="reports"] .hint'))!, /disagree on .*fatalities/i);
    const fatalities = await page.locator('[data-testid="reports"] tr[data-field="fatalities"] td').allTextContents();
    assert.deepEqual(fatalities, ['50', '35', '35', '50']);
    // The hostile outlet is text, in the column header.
    assert.equal(await page.textContent('[data-testid="reports"] th[data-report-id="b-e"] .report-outlet'), HOSTILE_OUTLET);
    assert.equal(await page.locator('[data-testid="reports"] img').count(), 0);
    await page.locator('[data-testid="reports"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'review-reports.png');

    // Split c off: the event keeps a and b, 35 killed.
    await page.fill('#review-reason', 'c reports another clash');
    await page.click('[data-testid="reports"] .report-buttons[data-report-id="c-e"] [data-action="split"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="reports"] thead th[data-report-id]').length === 2);
    assert.equal(await page.locator('[data-testid="reports"] tr[data-field="fatalities"].disagree').count(), 0);
    await page.waitForSelector('[data-testid="history"] li.change');
    assert.match((await page.textContent('[data-testid="history"]'))!, /split a report off[\s\S]*reports: a-e; b-e; c-e → a-e; b-e/);
    assert.equal(await page.getAttribute('[data-testid="review-status"]', 'data-status'), 'edited');

    // Move b to the other event by its id.
    await page.fill('[data-testid="reports"] .report-buttons[data-report-id="b-e"] input[name="move-to"]', 'z-e');
    await page.click('[data-testid="reports"] .report-buttons[data-report-id="b-e"] [data-action="move"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="reports"] thead th[data-report-id]').length === 1);
    const moved = await store.getEvent('z-e');
    assert.deepEqual(moved?.reports.map((r) => r.report_id).sort(), ['b-e', 'z-e']);
    assert.deepEqual((await store.getEvent('c-e'))?.reports.map((r) => r.report_id), ['c-e']);
    assert.equal(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual(watch.problems, []);
  });

  test('the location picked by a click on the map: the nearest town, its admin units, and the audit row', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await page.goto(server.url + '/?event=z-e');
    await page.waitForSelector('[data-testid="review"]');
    await page.click('details.edit summary');
    await page.click('[data-action="pick-on-map"]');
    assert.equal(await page.getAttribute('[data-action="pick-on-map"]', 'aria-pressed'), 'true');
    const canvas = page.locator('[data-testid="map"] canvas');
    assert.equal(await canvas.evaluate((c) => c.classList.contains('picking')), true);
    const box = (await canvas.boundingBox())!;
    // The map is fitted to the events (Manbij, Al-Hasakeh): its middle lies in northern Syria.
    const near = page.waitForResponse((r) => r.url().includes('/api/places/near?'));
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    assert.equal((await near).status(), 200);
    await page.waitForFunction(() => /km from the point|no town/.test(document.querySelector('.place-choice')?.textContent ?? ''));
    assert.equal(await canvas.evaluate((c) => c.classList.contains('picking')), false, 'one pick, then the map selects again');
    const lat = Number(await page.inputValue('#edit-latitude'));
    const lon = Number(await page.inputValue('#edit-longitude'));
    assert.ok(lat > 34 && lat < 39 && lon > 36 && lon < 42, `${lat}, ${lon}`);
    const choice = (await page.textContent('.place-choice'))!;
    assert.match(choice, /Syria \([\d.]+ km from the point/);
    const town = await page.inputValue('#edit-place');
    // The event is 'edited' already (the first test moved a report to it): the status shows no save.
    // The store holds the edit once its PATCH is answered.
    const saved = page.waitForResponse((r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/events/z-e');
    await page.click('.edit-form button[type=submit]');
    assert.equal((await saved).status(), 200);
    await page.waitForSelector('[data-testid="review-status"][data-status="edited"]');
    const e = await store.getEvent('z-e');
    assert.equal(e?.location, town);
    assert.equal(e?.country, 'Syria');
    assert.ok(e?.admin1, 'the town brings its admin1');
    // The history is loaded again after the save: wait for it rather than read it while it loads.
    await page.waitForFunction(() => /location: /.test(document.querySelector('[data-testid="history"]')?.textContent ?? ''));
    assert.match((await page.textContent('[data-testid="history"]'))!, /location: Manbij →/);
    assert.deepEqual(watch.problems, []);
  });
});
