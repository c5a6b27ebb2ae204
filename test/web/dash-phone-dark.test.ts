// The dashboard on a phone (390x844) and in dark mode, and the actor filter by alias, in Chromium:
// the phone table keeps date, type, actors, location and fatalities on screen; dark mode follows the
// system; "SDF" in the actor filter finds "QSD: Syrian Democratic Forces".
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openStore, type Store } from '../../src/store/index.js';
import { browserSkip, buildDashboard, launchBrowser, ROOT, startServer, watchedPage, type RunningServer, closeAll } from './browser.js';

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;

/** A sample article (header lines, blank line, body) as an API document. */
function sampleDoc(file: string): object {
  const text = readFileSync(join(ROOT, 'samples', 'articles', file), 'utf8');
  const [head, ...body] = text.split(/\r?\n\r?\n/);
  const meta = Object.fromEntries(head!.split('\n').map((l) => l.split(/:\s*/, 2) as [string, string]));
  return { id: file, title: meta.title, date: meta.date, source: meta.source, text: body.join('\n\n') };
}

describe('dashboard on a phone, in dark mode, and actor aliases', { skip: browserSkip }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-phone-'));
    const webRoot = await buildDashboard();
    store = await openStore(join(dir, 'phone.db'));
    server = await startServer(store, { loopback: true, webRoot });
    const docs = readdirSync(join(ROOT, 'samples', 'articles')).filter((f) => f.endsWith('.txt')).map(sampleDoc);
    docs.push({
      id: 'sdf', title: 'Raqqa attack', date: '2022-02-01', source: 'Fixture Wire',
      text: 'On Monday, ISIS militants attacked a checkpoint of the Syrian Democratic Forces in Raqqa, Syria, killing 4 SDF fighters, the SDF said.',
    });
    const res = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(docs) });
    assert.equal(res.status, 200, await res.text());
    browser = await launchBrowser();
  });

  after(async () => {
    await closeAll({ browser, server, store, dir });
  });

  test('390x844: the table shows date, type, actors, location and fatalities within the screen', async () => {
    const { page, watch } = await watchedPage(browser, server.url, { width: 390, height: 844 });
    await page.goto(server.url + '/');
    const row = page.getByTestId('event-row').first();
    await row.waitFor();
    for (const [i, name] of [[0, 'date'], [1, 'type'], [3, 'actors'], [4, 'location'], [5, 'fatalities']] as const) {
      const box = await row.locator('td').nth(i).boundingBox();
      assert.ok(box && box.width >= 30, `${name} column visible (${box?.width}px wide)`);
      assert.ok(box.x >= 0 && box.x + box.width <= 392, `${name} column within the 390px screen (x ${box.x}, width ${box.width})`);
    }
    assert.ok((await row.locator('td').nth(3).innerText()).length > 0, 'actors shown');
    assert.ok((await row.locator('td').nth(4).innerText()).length > 0, 'location shown');
    assert.deepEqual(watch.problems, []);
    await page.close();
  });

  test('dark mode follows the system', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(server.url + '/');
    await page.getByTestId('event-row').first().waitFor();
    const dark = await page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
    assert.deepEqual(dark, ['rgb(18, 23, 29)', 'rgb(227, 232, 238)']);
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(light, 'rgb(243, 245, 248)');
    assert.deepEqual(watch.problems, []);
    await page.close();
  });

  test('the actor filter finds events by alias ("SDF")', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await page.goto(server.url + '/?actor=SDF');
    const row = page.getByTestId('event-row').first();
    await row.waitFor();
    const rows = await page.getByTestId('event-row').count();
    assert.ok(rows >= 1);
    for (let i = 0; i < rows; i++) {
      const title = (await page.getByTestId('event-row').nth(i).locator('td').nth(3).getAttribute('title')) ?? '';
      assert.match(title, /Syrian Democratic Forces/);
    }
    assert.deepEqual(watch.problems, []);
    await page.close();
  });
});
