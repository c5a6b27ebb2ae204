// The dashboard with 10,000 events: usable (rows listed, map drawn) in under 2 s, with a canvas
// map and a virtualised table (a few dozen DOM rows, no per-event SVG nodes).
// SITREP_DASHBOARD_BUDGET_MS overrides the budget on a slow machine; on a busy one (load average
// above the number of CPUs) the time is reported and not asserted.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { AcledEvent } from '../../src/common/event.js';
import { openStore, type Store } from '../../src/store/index.js';
import { syntheticEvent } from '../store/fixtures.js';
import { browserSkip, buildDashboard, launchBrowser, startServer, watchedPage, type RunningServer, closeAll } from './browser.js';

const EVENTS = 10_000;
const BUDGET_MS = Number(process.env.SITREP_DASHBOARD_BUDGET_MS ?? 2000);
const TYPES = ['Battles', 'Violence against civilians', 'Explosions/Remote violence', 'Riots', 'Protests', 'Strategic developments'];

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;

describe('dashboard with 10,000 events', { skip: browserSkip }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-dashboard-perf-'));
    const webRoot = await buildDashboard();
    store = await openStore(join(dir, 'perf.db'));
    // Deterministic spread over two years and the Levant, all three geo precisions.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const perDoc = 5;
    for (let batch = 0; batch < EVENTS / perDoc; batch += 400) {
      const docs = [];
      for (let d = batch; d < Math.min(EVENTS / perDoc, batch + 400); d++) {
        const events: AcledEvent[] = [];
        for (let i = 0; i < perDoc; i++) {
          events.push(syntheticEvent({
            event_id: `perf-${d}-${i}`,
            doc_id: `perf-${d}`,
            event_date: new Date(Date.UTC(2021, 0, 1) + Math.floor(random() * 730) * 86400000).toISOString().slice(0, 10),
            event_type: TYPES[Math.floor(random() * TYPES.length)]!,
            latitude: 30 + random() * 8,
            longitude: 35 + random() * 12,
            geo_precision: (1 + Math.floor(random() * 3)) as 1 | 2 | 3,
            fatalities: Math.floor(random() ** 3 * 60),
          }));
        }
        docs.push({ id: `perf-${d}`, title: `Report ${d}`, date: '2022-12-31', text: `Thursday ISIS militants attacked at least 7 SDF fighters; air strikes followed. ${d}`, events });
      }
      await store.saveDocuments(docs, { merge: false }); // synthetic events alike: one event per report
    }
    assert.equal(await store.countEvents(), EVENTS);
    server = await startServer(store, { loopback: true, webRoot });
    browser = await launchBrowser();
  });

  after(async () => {
    await closeAll({ browser, server, store, dir });
  });

  test(`usable in under ${BUDGET_MS} ms (best of 3 loads), canvas map, virtualised table`, async () => {
    const times: number[] = [];
    const namesAt: number[] = [];
    for (let run = 0; run < 3; run++) {
      const { page, watch } = await watchedPage(browser, server.url);
      const started = Date.now();
      await page.goto(server.url + '/');
      await page.getByTestId('event-row').first().waitFor();
      // The map has drawn its points (the frame after the data arrived).
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      times.push(Date.now() - started);
      // The names on the map come after (their data is fetched in the background): reported.
      await page.waitForFunction(() => performance.getEntriesByName('sitrep:map-names').length > 0, null, { timeout: 60000 });
      namesAt.push(Math.round(await page.evaluate(() => performance.getEntriesByName('sitrep:map-names')[0]!.startTime)));
      if (run === 0) {
        assert.match(await page.locator('.totals').innerText(), /^10,000 of 10,000 events/);
        const rows = await page.getByTestId('event-row').count();
        assert.ok(rows > 10 && rows < 200, `only visible rows are in the DOM (${rows})`);
        assert.equal(await page.locator('[data-testid=map] svg circle, [data-testid=map] svg path').count(), 0, 'the map is a canvas');
        // Scrolling to the end shows the last rows.
        await page.locator('.table-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
        await page.locator('[data-testid=event-row][aria-rowindex="10001"]').waitFor();
        const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => `${m.name} ${Math.round(m.duration)} ms`));
        console.log(`# 10,000 events: ${measures.join(', ')}`);
      }
      assert.deepEqual(watch.problems, []);
      await page.close();
    }
    console.log(`# 10,000 events: usable after ${times.join(', ')} ms; map names drawn ${namesAt.join(', ')} ms after navigation start`);
    // Timing means nothing on a machine busy with other work: then it is reported, not asserted.
    const load = loadavg()[0]!;
    if (load > cpus().length) {
      console.log(`# load average ${load.toFixed(1)} on ${cpus().length} CPUs: the ${BUDGET_MS} ms budget is not asserted`);
      return;
    }
    assert.ok(Math.min(...times) < BUDGET_MS, `best load ${Math.min(...times)} ms over the ${BUDGET_MS} ms budget`);
  });

  test('scrolling and resizing keep the rows that stay in view: a row is made once and stays until it leaves', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await page.goto(server.url + '/');
    await page.getByTestId('event-row').first().waitFor();
    // The rows in the page, by index, kept in the page: after each change, a row still listed must be the same element.
    const snapshot = () => page.evaluate(() => {
      const w = window as unknown as { rowsSeen?: Map<string, Element> };
      const before = w.rowsSeen ?? new Map<string, Element>();
      const rows = [...document.querySelectorAll('[data-testid=event-row]')];
      const indexes = rows.map((tr) => Number(tr.getAttribute('data-index')));
      w.rowsSeen = new Map(rows.map((tr) => [tr.getAttribute('data-index')!, tr]));
      return {
        kept: rows.filter((tr) => before.get(tr.getAttribute('data-index')!) === tr).length,
        replaced: rows.filter((tr) => before.has(tr.getAttribute('data-index')!) && before.get(tr.getAttribute('data-index')!) !== tr).length,
        inOrder: indexes.every((n, i) => i === 0 || n === indexes[i - 1]! + 1),
        first: indexes[0]!,
        last: indexes[indexes.length - 1]!,
      };
    });
    // The table renders in the frame after a resize or scroll is noticed (ResizeObserver, scroll event): three frames.
    const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));
    const start = await snapshot();
    assert.ok(start.inOrder && start.first === 0 && start.last > 10, JSON.stringify(start));
    // Narrower (the same rows fit): not one row is made anew.
    await page.setViewportSize({ width: 1200, height: 900 });
    await frames();
    const resized = await snapshot();
    assert.deepEqual({ kept: resized.kept, replaced: resized.replaced }, { kept: start.last + 1, replaced: 0 }, 'a resize keeps every row');
    // Scrolled by five rows (34 px each, web/src/table.ts): the rows still in view stay, new ones come in below, in order.
    await page.locator('.table-scroll').evaluate((el) => (el.scrollTop += 5 * 34));
    await frames();
    const scrolled = await snapshot();
    assert.equal(scrolled.replaced, 0, `no row still in view is replaced (${JSON.stringify(scrolled)})`);
    assert.ok(scrolled.kept > 10 && scrolled.inOrder && scrolled.last > resized.last, JSON.stringify(scrolled));
    // In their places: the sixth event's row is at the top of the view, just under the column heads.
    const offset = await page.evaluate(() => {
      const scroller = document.querySelector('.table-scroll')!;
      const head = document.querySelector<HTMLElement>('table.events thead')!;
      const row = document.querySelector('[data-testid=event-row][data-index="5"]')!;
      return row.getBoundingClientRect().top - scroller.getBoundingClientRect().top - head.offsetHeight;
    });
    assert.ok(Math.abs(offset) < 2, `the sixth event's row at the top of the view (${offset} px off)`);
    assert.deepEqual(watch.problems, []);
    await page.close();
  });
});
