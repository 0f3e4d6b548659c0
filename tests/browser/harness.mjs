// Shared by the browser tests: a static server for the repository root (with
// application/wasm, so the page compiles the module while it streams), the
// system Chromium driven by playwright-core, and the hooks that give each
// test file one of each.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { after, before, beforeEach } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where the tests save their screenshots, for a person to look at. */
export const SHOTS = process.env.SCREENSHOTS_DIR ?? join(ROOT, '.tmp', 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serve ROOT on a free port. Resolves to { origin, close() }. Each request's
 * URL, as the server received it, is pushed onto `requests` when given.
 */
export async function serve({ requests } = {}) {
  const server = createServer(async (request, response) => {
    requests?.push(request.url);
    try {
      const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
      const file = normalize(join(ROOT, path));
      if (!file.startsWith(ROOT + sep)) throw new Error('outside the root');
      const info = await stat(file);
      const target = info.isDirectory() ? join(file, 'index.html') : file;
      const body = await readFile(target);
      response.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(done)) };
}

/** The system Chromium, headless, with a fresh profile. */
export async function launch() {
  const profile = await mkdtemp(join(tmpdir(), 'twosided-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Pushes `page`'s console errors and uncaught exceptions onto `errors`; with
 * `failedResponses`, also every HTTP response of 400 or more, so a missing
 * file fails the test even when the page copes without it.
 */
export function recordErrors(page, errors, { failedResponses = false } = {}) {
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  if (failedResponses) {
    page.on('response', (response) => { if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`); });
  }
}

/**
 * Opens the calculator in a new page of `browser` with empty storage, so the
 * built-in example loads; errors are recorded onto `errors` as by
 * recordErrors. `watch(page)` is called before the page loads, so listeners
 * it adds see the first load too. Resolves to the page once its ranking shows.
 */
export async function openCalculator(browser, origin, errors, { failedResponses = false, watch } = {}) {
  const page = await browser.context.newPage();
  recordErrors(page, errors, { failedResponses });
  watch?.(page);
  await page.goto(`${origin}/www/index.html`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await page.locator('.rank-row').first().waitFor();
  return page;
}

/**
 * Registers a test file's before and after hooks: one server (given
 * `requests`, as serve takes it) and one browser for all its tests, and the
 * screenshots folder. The returned object's `server` and `browser` are set
 * once the tests run. `setup(suite)` runs in the same hook once they are:
 * a file's own top-level before hook would not wait for this one, as Node
 * runs each as soon as it is registered.
 */
export function useBrowser({ requests, setup } = {}) {
  const suite = { server: undefined, browser: undefined };
  before(async () => {
    suite.server = await serve({ requests });
    suite.browser = await launch();
    await mkdir(SHOTS, { recursive: true });
    await setup?.(suite);
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * useBrowser (`requests` and `setup` as there), and before each test a fresh
 * page of the calculator with empty storage (see openCalculator), showing
 * `tab` when given, so every test starts from the example whatever the one
 * before it did. The returned object's `page` is the current test's. Errors
 * gather in `errors` over the whole file, so a last test can check that none
 * arose anywhere; with `errorsPerTest` it is emptied before each test instead.
 */
export function useCalculator({ tab, errorsPerTest = false, failedResponses = false, watch, requests, setup } = {}) {
  const suite = Object.assign(useBrowser({ requests, setup }), { page: undefined, errors: [] });
  beforeEach(async () => {
    await suite.page?.close();
    if (errorsPerTest) suite.errors.length = 0;
    suite.page = await openCalculator(suite.browser, suite.server.origin, suite.errors, { failedResponses, watch });
    if (tab) await suite.page.getByRole('tab', { name: tab }).click();
  });
  return suite;
}

/**
 * Polls `check` every `interval` ms until it returns a truthy value, and
 * resolves to that value; after `timeout` ms fails with `message` and the
 * last value seen.
 */
export async function pollUntil(page, check, message, { timeout = 5000, interval = 50 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await check();
    if (last) return last;
    await page.waitForTimeout(interval);
  }
  assert.fail(`${message} (last: ${JSON.stringify(last)})`);
}
