// Shared by the browser tests: a static server for the repository root (with
// application/wasm, so the page compiles the module while it streams) and
// the system Chromium driven by playwright-core.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

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
 * Opens the calculator in a new page of `browser` with empty storage, so the
 * built-in example loads; console errors and uncaught exceptions are pushed
 * onto `errors`. Resolves to the page once its ranking shows.
 */
export async function openCalculator(browser, origin, errors) {
  const page = await browser.context.newPage();
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(`${origin}/www/index.html`);
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await page.locator('.rank-row').first().waitFor();
  return page;
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
