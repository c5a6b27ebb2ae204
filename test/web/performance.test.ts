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
});
