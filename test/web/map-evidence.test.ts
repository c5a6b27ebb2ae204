// The dashboard's map, evidence stepping, phone cards, dark mode and accessibility, in Chromium at
// 1440x900 and 390x844: names on the map at country zoom, a click on a group zooms to it centred,
// n / p step through the evidence marks (the focused one in the middle of the view), the phone shows
// each event as a card with actors and location and folds the filters, the map and page follow a dark
// system theme, and axe-core finds no violations.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { AcledEvent } from '../../src/common/event.js';
import { openStore, type Store } from '../../src/store/index.js';
import { syntheticEvent } from '../store/fixtures.js';
import { browserSkip, buildDashboard, launchBrowser, screenshot, startServer, watchedPage, type RunningServer, closeAll } from './browser.js';

let dir: string;
let store: Store;
let server: RunningServer;
let browser: Browser;

const LEAD = 'Thursday ISIS militants attacked at least 7 SDF fighters; air strikes followed.';
const FILLER = Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} of background: the war, the region, the earlier reports and what officials said about them.`).join('\n\n');
const FAR = 'Deir ez-Zor';
const TEXT = `${LEAD}\n\n${FILLER}\n\nThe fighting was near ${FAR}.\n\n${FILLER}`;

/** Groups of events: near Baghdad (40), Aleppo (40) and Maiduguri (30), and a few far away. */
function groups(): AcledEvent[] {
  let seed = 11;
  const r = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: AcledEvent[] = [];
  const add = (n: number, lon: number, lat: number, country: string, tag: string) => {
    for (let i = 0; i < n; i++) {
      out.push(syntheticEvent({
        event_id: `${tag}-${i}`, doc_id: 'grouped', country, latitude: lat + (r() - 0.5) * 0.3, longitude: lon + (r() - 0.5) * 0.3,
        location: tag, event_date: `2022-0${1 + (i % 9)}-1${i % 10}`,
      }));
    }
  };
  add(40, 44.4, 33.3, 'Iraq', 'baghdad');
  add(40, 37.15, 36.2, 'Syria', 'aleppo');
  add(30, 13.15, 11.85, 'Nigeria', 'maiduguri');
  add(2, -77, 38.9, 'United States', 'far');
  return out;
}

describe('map, evidence, phone, dark mode, accessibility', { skip: browserSkip }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-map-'));
    const webRoot = await buildDashboard();
    store = await openStore(join(dir, 'map.db'));
    const far = TEXT.indexOf(FAR, LEAD.length + FILLER.length);
    await store.saveDocuments([
      { id: 'grouped', title: 'Grouped events', date: '2022-12-31', text: LEAD, events: groups() },
      {
        id: 'long', title: '', source: 'Fixture Wire', date: '2022-10-03', text: TEXT,
        events: [syntheticEvent({
          event_id: 'long-e', doc_id: 'long', event_date: '2022-10-02', location: FAR, latitude: 35.33, longitude: 40.14,
          tactics: ['car bomb'], // the claims also confirm 'air strikes': the Tactics field must list it
          evidence: {
            event_date: [{ start: 0, end: 8, text: 'Thursday' }],
            actor1: [{ start: 9, end: 13, text: 'ISIS' }],
            location: [{ start: far, end: far + FAR.length, text: FAR }],
          },
        })],
      },
    ], { merge: false });
    server = await startServer(store, { loopback: true, webRoot });
    browser = await launchBrowser();
  });

  after(async () => {
    await closeAll({ browser, server, store, dir });
  });

  const surface = (page: Page) => page.locator('[data-testid=map] .map-surface');
  /** Waits until the map has drawn names (its detail loaded) and returns them. */
  async function labels(page: Page): Promise<string[]> {
    await page.waitForFunction(() => ((document.querySelector('.map-surface') as HTMLElement | null)?.dataset.labels ?? '').length > 0, null, { timeout: 30000 });
    return ((await surface(page).getAttribute('data-labels')) ?? '').split('|');
  }
  const view = async (page: Page) => ((await surface(page).getAttribute('data-view')) ?? '').split(',').map(Number) as [number, number, number];

  test('1440x900: the first view fits the groups, names show, a click on a group zooms to it centred', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await page.goto(server.url + '/');
    await page.getByTestId('event-row').first().waitFor();
    await page.waitForFunction(() => ((document.querySelector('.map-surface') as HTMLElement).dataset.groups ?? '').length > 0);
    const first = await labels(page);
    const [lon0, lat0] = await view(page);
    assert.ok(lon0 > 5 && lon0 < 50 && lat0 > 5 && lat0 < 45, `first view centred between the groups, not pulled to America (${lon0}, ${lat0})`);
    assert.ok(first.includes('Nigeria') || first.includes('Iraq') || first.includes('Syria'), `country names on the first view: ${first.slice(0, 20).join(', ')}`);
    // The Baghdad group: the group of 40 whose screen place is furthest east.
    const groupsAttr = (await surface(page).getAttribute('data-groups')) ?? '';
    const drawn = groupsAttr.split(';').filter(Boolean).map((g) => g.split(',').map(Number) as [number, number, number]);
    assert.ok(drawn.length >= 3, `groups drawn: ${groupsAttr}`);
    const target = drawn.filter((g) => g[2] >= 30).sort((a, b) => b[0] - a[0])[0]!;
    const box = (await surface(page).boundingBox())!;
    const before = (await view(page))[2];
    await page.mouse.click(box.x + target[0], box.y + target[1]);
    await page.waitForFunction((s) => (document.querySelector('.map-surface') as HTMLElement).dataset.view?.split(',')[2] !== s, String(before));
    await page.waitForTimeout(300);
    const [lon, lat, scale] = await view(page);
    assert.ok(Math.abs(lon - 44.4) < 0.6 && Math.abs(lat - 33.3) < 0.6, `the view is centred on the group (${lon}, ${lat})`);
    assert.ok(scale >= 2 * before && scale >= 4000, `zoomed in to about a country or closer (scale ${before} -> ${scale})`);
    const close = await labels(page);
    assert.ok(close.length >= 5 && close.some((n) => ['Baghdad', 'Karbala', 'Diyala', 'Anbar', 'Babil', 'Ramadi', 'Baqubah'].includes(n)),
      `places and divisions around Baghdad named: ${close.slice(0, 30).join(', ')}`);
    // Zooming in far does not end on an empty screen: the view stays on events.
    await surface(page).focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('+');
    await page.waitForTimeout(200);
    const groupsAfter = (await surface(page).getAttribute('data-groups')) ?? '';
    const [lonZ, latZ] = await view(page);
    assert.ok(Math.abs(lonZ - 44.4) < 1 && Math.abs(latZ - 33.3) < 1, `still on the group after zooming in (${lonZ}, ${latZ}; ${groupsAfter})`);
    await screenshot(page, 'map-zoomed.png');
    assert.deepEqual(watch.problems, []);
    await page.close();
  });

  test('evidence: n / p step through the marks; the focused one is in the middle of its view; an untitled document is named by source and date', async () => {
    const { page, watch } = await watchedPage(browser, server.url);
    await page.goto(server.url + '/?event=long-e');
    const detail = page.getByTestId('event-detail');
    await detail.locator('.doc-text mark').first().waitFor();
    assert.match(await detail.locator('.source-doc h4').first().innerText(), /^Fixture Wire, 2022-10-03/);
    // Side by side on a wide screen: the fields left of the source text.
    const fields = (await detail.locator('.detail-fields').boundingBox())!;
    const sources = (await detail.locator('.detail-sources').boundingBox())!;
    assert.ok(fields.x + fields.width <= sources.x + 1 && Math.abs(fields.y - sources.y) < 40, 'fields and text side by side');
    // The Tactics field and the claims panel agree: a tactic a claim confirms is listed as a tactic.
    const tactics = await detail.locator('table.fields tr', { hasText: 'Tactics' }).locator('td').innerText();
    assert.match(tactics, /car bomb/);
    assert.match(tactics, /air strikes/);
    const marks = await detail.locator('.doc-text mark').allInnerTexts();
    const farIndex = marks.indexOf(FAR);
    assert.ok(farIndex > 0, `the far mark is listed (${marks.join(' | ')})`);
    await page.locator('body').press('n');
    assert.equal(await detail.locator('mark.focused').innerText(), marks[0]);
    for (let i = 0; i < farIndex; i++) await page.keyboard.press('n');
    const focused = detail.locator('mark.focused');
    assert.equal(await focused.innerText(), FAR);
    await page.waitForTimeout(400);
    const m = (await focused.boundingBox())!;
    const mid = sources.y + Math.min(sources.height, 900 - sources.y) / 2;
    assert.ok(Math.abs(m.y + m.height / 2 - mid) < 120, `the focused mark is near the middle (${m.y}, middle ${mid})`);
    assert.match(await detail.getByTestId('mark-nav').innerText(), new RegExp(`Mark ${farIndex + 1} of ${marks.length}`));
    await page.keyboard.press('p');
    assert.equal(await detail.locator('mark.focused').innerText(), marks[farIndex - 1]);
    await detail.getByRole('button', { name: /Next mark/ }).click();
    assert.equal(await detail.locator('mark.focused').innerText(), FAR);
    await screenshot(page, 'evidence-stepping.png');
    assert.deepEqual(watch.problems, []);
    await page.close();
  });

  test('390x844: cards with date, type, actors, location and fatalities; filters fold; the detail fills the screen', async () => {
    const { page, watch } = await watchedPage(browser, server.url, { width: 390, height: 844 });
    await page.goto(server.url + '/');
    const row = page.getByTestId('event-row').first();
    await row.waitFor();
    const rowBox = (await row.boundingBox())!;
    assert.ok(rowBox.width <= 392, `the card fits the screen (${rowBox.width})`);
    for (const [i, name] of [[0, 'date'], [1, 'type'], [3, 'actors'], [4, 'location'], [5, 'fatalities']] as const) {
      const cell = row.locator('td').nth(i);
      const b = await cell.boundingBox();
      assert.ok(b && b.width > 20 && b.x >= 0 && b.x + b.width <= 392, `${name} on screen (${JSON.stringify(b)})`);
      assert.ok((await cell.innerText()).trim().length > 0, `${name} shown`);
    }
    assert.ok((await row.locator('td').nth(3).boundingBox())!.y > (await row.locator('td').nth(0).boundingBox())!.y, 'actors on a line of their own');
    // The filters are folded; the summary opens them.
    const form = page.locator('form.filters');
    assert.equal(await form.isVisible(), false, 'filters folded on a phone');
    await page.locator('details.filter-fold > summary').click();
    assert.equal(await form.isVisible(), true);
    await page.locator('details.filter-fold > summary').click();
    await row.click();
    const aside = page.locator('aside.detail');
    await page.getByTestId('event-detail').waitFor();
    const a = (await aside.boundingBox())!;
    assert.ok(a.x <= 1 && a.width >= 388, `the detail is a full-screen sheet (${a.x}, ${a.width})`);
    await screenshot(page, 'phone-cards.png');
    assert.deepEqual(watch.problems, []);
    await page.close();
  });

  test('dark mode follows the system: page and map', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
    await page.goto(server.url + '/');
    await page.getByTestId('event-row').first().waitFor();
    await labels(page);
    assert.equal(await surface(page).getAttribute('data-palette'), 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    assert.ok(r! + g! + b! < 120, `dark page background (${bg})`);
    await screenshot(page, 'dark.png');
    await page.close();
  });

  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  for (const [name, viewport, colorScheme, path] of [
    ['1440x900', { width: 1440, height: 900 }, 'light', '/'],
    ['1440x900 with an event open', { width: 1440, height: 900 }, 'light', '/?event=long-e'],
    ['390x844', { width: 390, height: 844 }, 'light', '/'],
    ['1440x900 dark', { width: 1440, height: 900 }, 'dark', '/?event=long-e'],
  ] as const) {
    test(`axe-core: no violations at ${name}`, async () => {
      // axe is injected as a script: this page alone ignores the dashboard's CSP.
      const context = await browser.newContext({ viewport, colorScheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(server.url + path);
      await page.getByTestId('event-row').first().waitFor();
      if (path.includes('event=')) await page.getByTestId('event-detail').locator('.doc-text mark').first().waitFor();
      await labels(page);
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run(o?: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
        const r = await axe.run();
        return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} -- ${n.failureSummary.replace(/\s+/g, ' ')}`).join(' || ')}`);
      });
      assert.deepEqual(result, []);
      await context.close();
    });
  }
});
