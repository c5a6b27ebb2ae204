// The dashboard in headless Chromium, on a store holding the seed article, 40 Guardian articles
// (from ../shared, when present), a small fixture article and a hostile document whose title and
// text carry HTML/JS payloads, all ingested through POST /api/documents with the real pipeline.
// Checks: map, timeline and rows render; a row opens the detail with highlighted evidence; the
// payloads show as text and never run; filters live in the URL; ingest preview and save; no
// console errors and no request leaves the server.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { openStore, type Store } from '../../src/store/index.js';
import { browserSkip, buildDashboard, launchBrowser, ROOT, screenshot, SHARED, startServer, watchedPage, type PageWatch, type RunningServer, closeAll } from './browser.js';

const SEED = join(SHARED, 'seed', 'ghweran-prison-2022-01-24.txt');
const GUARDIAN = join(SHARED, 'eval-data', 'guardian-sdf', 'Guardian_SDF_sample.csv');
const haveShared = existsSync(SEED) && existsSync(GUARDIAN);
if (!haveShared && !browserSkip) {
  console.log(`# shared data absent (${SHARED}): the dashboard is tested with the fixture and hostile documents only`);
}

// The payloads set window.__pwned (or open a dialog) if they ever run.
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1;alert(1)">Breaking<script>window.__pwned=2</script>';
const HOSTILE_TEXT =
  'On Monday, <b onmouseover="window.__pwned=3">ISIS militants</b> attacked a checkpoint of the Syrian Democratic Forces in Raqqa, Syria, ' +
  'killing 4 SDF fighters, the SDF said. <img src=x onerror="window.__pwned=4"> <script>alert("xss")</script> ' +
  '<a href="javascript:window.__pwned=5">link</a> <svg onload="window.__pwned=6"></svg>';
const FIXTURE_TEXT =
  'Protesters clashed with police in Dhaka, Bangladesh, on Tuesday, and two people were killed, police said. ' +
  'Hundreds of students had marched on the university.';

let dir: string;
let webRoot: string;
let store: Store;
let server: RunningServer;
let browser: Browser;
const opened: { page: Page; watch: PageWatch }[] = [];

async function post(body: unknown): Promise<{ documents: { id: string; status: string; events: { event_id: string }[] }[]; errors: unknown[] }> {
  const res = await fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  assert.equal(res.status, 200, await res.clone().text());
  return res.json() as never;
}

async function open(path: string, viewport?: { width: number; height: number }): Promise<{ page: Page; watch: PageWatch }> {
  const p = await watchedPage(browser, server.url, viewport);
  opened.push(p);
  await p.page.goto(server.url + path);
  return p;
}

function assertClean(watch: PageWatch): void {
  assert.deepEqual(watch.problems, [], 'the page logged errors, ran a payload or reached outside its server');
}

describe('dashboard in Chromium', { skip: browserSkip }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-dashboard-'));
    webRoot = await buildDashboard();
    store = await openStore(join(dir, 'dashboard.db'));
    server = await startServer(store, { loopback: true, webRoot });
    const docs: object[] = [
      { id: 'fixture-dhaka', title: 'Dhaka protest', date: '2024-07-16', source: 'Fixture Wire', text: FIXTURE_TEXT },
      { id: 'hostile', title: HOSTILE_TITLE, date: '2022-02-01', source: '<i>Evil</i>', url: 'javascript:window.__pwned=7', text: HOSTILE_TEXT },
    ];
    if (haveShared) {
      const seed = readFileSync(SEED, 'utf8');
      const header = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s*/.exec(seed);
      docs.push({ id: 'seed', title: 'Ghweran prison assault', date: header?.[1], text: header ? seed.slice(header[0].length) : seed });
      const rows = parse(readFileSync(GUARDIAN, 'utf8'), { columns: true }) as Record<string, string>[];
      for (const r of rows.slice(0, 40)) docs.push({ id: `guardian-${r['']}`, title: `Guardian ${r['']}`, date: r.date, source: 'The Guardian', text: r.text });
    }
    const result = await post(docs);
    assert.deepEqual(result.errors, []);
    browser = await launchBrowser();
  });

  after(async () => {
    await closeAll({ browser, server, store, dir });
  });

  test('map, timeline and event rows render, with no console errors', async () => {
    const total = (await store.countEvents()) as number;
    assert.ok(total > 0, 'the pipeline found events in the test documents');
    const html = await (await fetch(server.url + '/')).text();
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'/);
    const { page, watch } = await open('/');
    await page.getByTestId('event-row').first().waitFor();
    assert.ok(await page.getByTestId('event-row').count() >= Math.min(total, 5));
    await assertCanvasDrawn(page, '[data-testid=map] canvas');
    await assertCanvasDrawn(page, '[data-testid=timeline] canvas');
    assert.match(await page.locator('.totals').innerText(), new RegExp(`^${total} of ${total} events`));
    // Sorting by fatalities puts the largest first.
    await page.getByRole('button', { name: /^Fatalities/ }).click();
    assert.match(page.url(), /sort=-fatalities/);
    const first = Number((await page.getByTestId('event-row').first().locator('td').nth(5).innerText()).replace(/,/g, ''));
    const max = Math.max(...(await store.queryEvents({}, { limit: 500 }, { details: false })).events.map((e) => e.fatalities));
    assert.equal(first, max);
    await screenshot(page, 'dashboard.png');
    assertClean(watch);
  });

  test('clicking a row opens the detail with highlighted evidence; hovering a field lights its marks', async () => {
    const { page, watch } = await open('/');
    const target = haveShared ? 'seed' : 'fixture-dhaka';
    const doc = await store.getDocument(target);
    assert.ok(doc && doc.events.length > 0, `events found in ${target}`);
    // The event with the most claims (the seed's battle, with its reported figures).
    const id = [...doc.events].sort((a, b) => b.claims.length - a.claims.length)[0]!.event_id;
    const row = page.locator(`[data-testid=event-row][data-event-id="${id}"]`);
    await row.scrollIntoViewIfNeeded();
    await row.click();
    const detail = page.getByTestId('event-detail');
    await detail.waitFor();
    assert.match(page.url(), new RegExp(`event=${id}`));
    await detail.locator('.doc-text mark').first().waitFor();
    assert.ok(await detail.locator('.doc-text mark').count() >= 2, 'evidence spans are marked');
    // Every mark is a slice of the stored text.
    const marked = await detail.locator('.doc-text mark').allInnerTexts();
    for (const m of marked) assert.ok(doc.text.includes(m), `mark "${m}" comes from the text`);
    const field = detail.locator('.has-evidence').first();
    const fieldName = await field.getAttribute('data-field');
    await field.hover();
    assert.ok(await detail.locator('mark.active').count() > 0, `hovering ${fieldName} lights up its evidence`);
    assert.match((await field.getAttribute('title')) ?? '', /^Evidence: “/);
    if (haveShared) {
      assert.match(await detail.locator('table.claims').innerText(), /SDF|CNN|Shami/, 'claims name who reported them');
    }
    await screenshot(page, 'event-detail.png');
    // Keyboard: Escape closes, focus returns to the row; Enter on a row opens it again.
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');
    await page.getByTestId('event-detail').waitFor();
    assertClean(watch);
  });

  test('the map: a point opens its event; keyboard zoom redraws', async (t) => {
    const { events } = await store.queryEvents({ q: 'Dhaka' }, { limit: 10 }, { details: false });
    const located = events.filter((e) => e.latitude !== null && e.longitude !== null);
    if (located.length !== 1) {
      t.skip(`needs exactly one located event matching "Dhaka" (found ${located.length})`);
      return;
    }
    const { page, watch } = await open('/?q=Dhaka');
    await page.getByTestId('event-row').first().waitFor();
    const canvas = page.locator('[data-testid=map] canvas');
    // One located event: the map frames it at its centre.
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('event-detail').waitFor();
    assert.match(page.url(), new RegExp(`event=${located[0]!.event_id}`));
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0); // no tooltip over the map
    await page.locator('[data-testid=map] [role=application]').focus();
    await page.waitForTimeout(200);
    const unzoomed = await canvas.screenshot();
    await page.keyboard.press('-');
    await page.waitForTimeout(100);
    assert.notDeepEqual(await canvas.screenshot(), unzoomed, 'zooming out redraws the map');
    assertClean(watch);
  });

  test('hostile title, source, url and text are shown as text and never run', async () => {
    const { page, watch } = await open('/?doc=hostile');
    const view = page.getByTestId('document-view');
    await view.waitFor();
    assert.equal(await view.locator('h2').textContent(), HOSTILE_TITLE);
    assert.ok((await view.locator('.doc-text').innerText()).includes('<img src=x onerror="window.__pwned=4">'));
    assert.equal(await view.locator('a[href^="javascript:"]').count(), 0, 'no javascript: link');
    assert.ok((await page.locator('.meta').first().innerText()).includes('<i>Evil</i>'));
    // Its event's detail shows the title as text too.
    const hostile = await store.getDocument('hostile');
    if (hostile && hostile.events.length > 0) {
      await view.getByRole('button').first().click();
      const detail = page.getByTestId('event-detail');
      await detail.waitFor();
      assert.equal(await detail.locator('.source-doc h4').first().textContent(), HOSTILE_TITLE);
    }
    // And in the event table's cells, the ingest view and the map tooltips nothing is parsed.
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await page.locator('img[src=x], script:not([src]), svg[onload], b[onmouseover]').count(), 0);
    await screenshot(page, 'hostile-document.png');
    assertClean(watch);
  });

  test('filters are in the URL; brushing the timeline narrows the table', async () => {
    const { page, watch } = await open('/?event_type=Battles');
    await page.getByTestId('event-row').first().waitFor();
    assert.equal(await page.locator('#f-type').inputValue(), 'Battles');
    const types = await page.locator('[data-testid=event-row] td:nth-child(2)').allInnerTexts();
    assert.ok(types.length > 0 && types.every((t) => t.trim() === 'Battles'), `only battles: ${types.join(', ')}`);
    const battles = await store.countEvents({ eventTypes: ['Battles'] });
    assert.match(await page.locator('.totals').innerText(), new RegExp(`^${battles} of ${battles} events`));
    // Export links carry the filters.
    assert.equal(await page.getByRole('link', { name: 'ACLED CSV' }).getAttribute('href'), '/api/events.csv?event_type=Battles');
    // Brush the middle of the timeline.
    const box = (await page.locator('[data-testid=timeline] canvas').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    const url = new URL(page.url());
    const from = url.searchParams.get('from')!;
    const to = url.searchParams.get('to')!;
    const inRange = await store.countEvents({ eventTypes: ['Battles'], from, to });
    assert.match(await page.locator('.totals').innerText(), new RegExp(`^${inRange} of ${battles} events`));
    const dates = await page.locator('[data-testid=event-row] td:nth-child(1)').allInnerTexts();
    assert.ok(dates.every((d) => d >= from && d <= to), 'rows lie in the brushed range');
    // The same address in a new page shows the same view.
    const again = await open(url.pathname + url.search);
    // The totals line fills in two steps (events, then documents): wait for the whole of it.
    const expected = await page.locator('.totals').innerText();
    await again.page.waitForFunction((want) => (document.querySelector('.totals') as HTMLElement | null)?.innerText === want, expected, { timeout: 10_000 })
      .catch(() => undefined);
    assert.equal(await again.page.locator('.totals').innerText(), expected);
    assertClean(watch);
    assertClean(again.watch);
  });

  test('ingest from the page: preview marks the events without saving; save stores them', async () => {
    const before = await store.countDocuments();
    const { page, watch } = await open('/?view=ingest');
    await page.getByTestId('ingest').waitFor();
    const text = 'Fighters of the Islamic State attacked an army checkpoint in Deir ez-Zor, Syria, on Sunday, killing six soldiers, the Syrian Observatory for Human Rights said.';
    await page.getByLabel('Article text').fill(text);
    await page.getByLabel('Published').fill('2023-05-08');
    await page.getByLabel('Title', { exact: false }).fill('<b>Preview</b> test');
    await page.getByTestId('ingest-preview').click();
    await page.getByText(/^Preview: \d+ events? found/).waitFor();
    assert.equal(await store.countDocuments(), before, 'preview stores nothing');
    const results = page.getByTestId('ingest-results');
    assert.equal(await results.locator('.badge').first().textContent(), 'preview');
    assert.ok(await results.locator('.doc-text mark').count() > 0, 'the events found are marked in the text');
    assert.equal(await results.locator('.document-view > h3').first().textContent(), '<b>Preview</b> test');
    await screenshot(page, 'ingest-preview.png');
    await page.getByTestId('ingest-save').click();
    await page.getByText(/^Saved: \d+ events?/).waitFor();
    assert.equal(await store.countDocuments(), before + 1);
    assert.ok(await results.locator('.doc-text mark').count() > 0);
    assertClean(watch);
  });

  test('with an API token set, saving asks for it and then works', async () => {
    const guarded = await startServer(store, { loopback: true, webRoot, token: 'test-token-1' });
    try {
      const { page, watch } = await (async () => {
        const p = await watchedPage(browser, guarded.url);
        opened.push(p);
        await p.page.goto(guarded.url + '/?view=ingest');
        return p;
      })();
      await page.getByLabel('Article text').fill('Police fired tear gas at protesters in Kabul, Afghanistan, on Monday, and one protester was killed.');
      await page.getByLabel('Published').fill('2021-09-06');
      await page.getByTestId('ingest-save').click();
      await page.getByText(/needs the API token/).waitFor();
      await page.getByLabel('API token').fill('test-token-1');
      await page.getByTestId('ingest-save').click();
      await page.getByText(/^Saved: /).waitFor();
      // The only console message allowed: the browser's own note of the refused (401) request.
      assert.deepEqual(watch.problems.filter((p) => !/status of 401/.test(p)), []);
    } finally {
      await guarded.close();
    }
  });

  // `SITREP_README_SCREENSHOT=1`: writes docs/screenshot.png (the README's) from the seed's detail.
  test('README screenshot', { skip: process.env.SITREP_README_SCREENSHOT ? false : 'set SITREP_README_SCREENSHOT=1 to write docs/screenshot.png' }, async () => {
    const seed = await store.getDocument(haveShared ? 'seed' : 'fixture-dhaka');
    const id = [...seed!.events].sort((a, b) => b.claims.length - a.claims.length)[0]!.event_id;
    const { page, watch } = await open(`/?event=${encodeURIComponent(id)}`, { width: 1280, height: 760 });
    await page.getByTestId('event-detail').locator('mark').first().waitFor();
    await page.locator('.has-evidence[data-field=fatalities], .has-evidence').first().hover();
    await page.getByTestId('event-detail').locator('.source-doc').first().evaluate((el) => el.scrollIntoView());
    await page.waitForTimeout(300);
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: join(ROOT, 'docs', 'screenshot.png') });
    assertClean(watch);
  });
});

async function assertCanvasDrawn(page: Page, selector: string): Promise<void> {
  const colours = await page.locator(selector).evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const seen = new Set<number>();
    for (let i = 0; i < data.length && seen.size < 50; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  });
  assert.ok(colours > 3, `${selector} shows a drawing (${colours} colours)`);
}
