// Shared setup for the dashboard's browser tests: Debian's Chromium driven by playwright-core (no
// browser download), a sitrep server in-process on an ephemeral port serving a fresh build of web/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { createApp, type AppOptions } from '../../src/server/app.js';
import { workerQueue } from '../../src/server/extract-pool.js';
import type { Store } from '../../src/store/index.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = process.env.SITREP_SHARED ?? join(ROOT, '..', 'shared');
export const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = process.env.SITREP_SCREENSHOTS ?? join(ROOT, 'screenshots');

/** Why the browser tests cannot run here, or false. */
export const browserSkip: string | false = existsSync(CHROMIUM)
  ? false
  : `no Chromium at ${CHROMIUM} (Debian: apt-get install chromium; or set SITREP_CHROMIUM); dashboard browser tests skipped`;

/** Builds web/ into a temporary directory (never touches dist/). */
export async function buildDashboard(): Promise<string> {
  const out = join(mkdtempSync(join(tmpdir(), 'sitrep-web-')), 'web');
  // @ts-expect-error: a plain ES module without type declarations
  const { buildWeb } = (await import('../../scripts/build-web.mjs')) as { buildWeb(o: object): Promise<boolean> };
  if (!(await buildWeb({ quiet: true, outDir: out }))) throw new Error('vite is not installed: cannot build the dashboard');
  return out;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(store: Store, options: AppOptions): Promise<RunningServer> {
  // POSTed documents are extracted by worker threads when no extractor is given: the queue is the
  // test's to close (a thread left running keeps the test file's process from ending).
  const extractionQueue = options.extractionQueue ?? (options.extractor ? undefined : workerQueue());
  const app = createApp(store, { ...options, extractionQueue });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    // Keep-alive and streaming connections a page left open would hold close() forever.
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      if (extractionQueue !== options.extractionQueue) await extractionQueue?.close();
    },
  };
}

/** Tears down what a browser test's `before` set up (any of it may be missing if `before` failed). */
export async function closeAll(parts: { browser?: Browser; server?: RunningServer; store?: Store; dir?: string }): Promise<void> {
  await parts.browser?.close();
  await parts.server?.close();
  await parts.store?.close();
  if (parts.dir) rmSync(parts.dir, { recursive: true, force: true });
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  // launch() gives every run a fresh temporary profile (its own --user-data-dir).
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** What a page did that it should not: console errors, uncaught errors, dialogs, requests elsewhere. */
export interface PageWatch {
  problems: string[];
}

export async function watchedPage(browser: Browser, origin: string, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; watch: PageWatch }> {
  const page = await browser.newPage({ viewport });
  const watch: PageWatch = { problems: [] };
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') watch.problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => watch.problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    watch.problems.push(`dialog opened (${d.type()}): ${d.message()}`);
    void d.dismiss();
  });
  // Offline: the page may only talk to its own server (and data: URLs).
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + '/') || url.startsWith('data:')) return route.continue();
    watch.problems.push(`request outside the server: ${url}`);
    return route.abort();
  });
  return { page, watch };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path });
  return path;
}
