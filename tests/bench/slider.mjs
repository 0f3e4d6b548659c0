// Slider re-rank latency on the real page in Chromium, with 1,000 and 10,000
// generated initiatives. The backlog goes in through the page's saved state,
// then the weight slider is moved with input events, MOVES times.
//
// Per move, three times:
// - update: the page's own performance measure around the live update
//   (Prioritiser.order, then every view's DOM work), `twosided:slider-update`;
// - frame: from the start of the frame that handles the move until that frame
//   is painted (rAF timestamp to a message posted from the last rAF callback,
//   which runs after paint): the update plus style, layout and paint. This is
//   what has to fit in 16 ms for the slider to keep up with a 60 Hz screen;
// - input to paint: from the input event to the painted frame, including the
//   wait for the next frame to start.
//
// Baselines measured in the same run and page:
// - a no-op frame: an input event nobody listens to, timed the same way (the
//   frame and paint cost of an unchanged page, and the wait for a frame);
// - plain JS: baseline.mjs's `reorder` (re-weigh and sort in JavaScript)
//   driving the same DOM update through the page's store.
// Usage: node tests/bench/slider.mjs [moves] [counts, comma-separated]
import { generatedBacklog } from './backlogs.mjs';
import { launch, serve } from '../browser/harness.mjs';
import { reorder, scoreAndRank } from './baseline.mjs';

const MOVES = Number(process.argv[2]) || 60;
const COUNTS = (process.argv[3] ?? '1000,10000').split(',').map(Number);
const server = await serve();
const browser = await launch();

const sorted = (values) => [...values].sort((a, b) => a - b);
const quantile = (values, q) => sorted(values)[Math.min(values.length - 1, Math.floor(values.length * q))];
const stats = (values) => ({ median: quantile(values, 0.5), p95: quantile(values, 0.95) });
const ms = (value) => value.toFixed(2);

/** Runs in the page: one kind of move, timed MOVES times. */
async function timeMoves({ slider, moves, kind, buyer, seller }) {
  const root = slider.getRootNode();
  const store = root.host.store;
  const frame = () => new Promise((done) => requestAnimationFrame(done));
  // Resolves after the frame that runs this rAF callback has been painted.
  const painted = () => new Promise((done) => requestAnimationFrame((frameStart) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done({ frameStart, end: performance.now() });
    channel.port2.postMessage(0);
  }));
  const reorderJs = kind === 'plain' ? window.__plainReorder : null;
  const b = Float64Array.from(buyer ?? []);
  const s = Float64Array.from(seller ?? []);
  const noop = document.createElement('input');
  const out = { update: [], frame: [], inputToPaint: [] };
  for (let i = 0; i < moves; i++) {
    await frame();
    // Input arrives part-way through a frame interval, as a pointer's does.
    await new Promise((done) => setTimeout(done, 3));
    const value = (i * 37) % 101;
    const input = performance.now();
    let update = 0;
    if (kind === 'slider') {
      slider.value = String(value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    } else if (kind === 'plain') {
      // The same frame-aligned DOM update, ranked by plain JavaScript.
      requestAnimationFrame(() => {
        const start = performance.now();
        const { order, scores } = reorderJs(b, s, value / 100);
        store.emit('order', { order, scores, ranks: store.ranks });
        update = performance.now() - start;
      });
    } else {
      noop.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const { frameStart, end } = await painted();
    if (kind === 'slider') update = performance.getEntriesByName('twosided:slider-update').at(-1)?.duration ?? NaN;
    out.update.push(update);
    out.frame.push(end - Math.max(frameStart, input));
    out.inputToPaint.push(end - input);
  }
  out.rows = root.querySelectorAll('.rank-row').length;
  out.first = root.querySelector('.rank-row .name')?.textContent;
  return out;
}

try {
  console.log(`Chromium, ${MOVES} moves per case; ms, median / p95.\n`);
  console.log('| initiatives | case | update | frame (start to painted) | input to painted | update x plain JS | frame x no-op |');
  console.log('|---:|---|---:|---:|---:|---:|---:|');
  for (const count of COUNTS) {
    const backlog = generatedBacklog(count);
    const page = await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Saved from another page of the origin, so the calculator cannot write
    // its own state over it; then the page loads it as a returning user's.
    await page.goto(`${server.origin}/www/favicon.svg`);
    await page.evaluate((saved) => window.localStorage.setItem('twosided.calculator', JSON.stringify(saved)),
      { version: 1, backlog, options: {}, drafts: {}, validBacklog: backlog });
    const loadStart = Date.now();
    await page.goto(`${server.origin}/www/index.html`);
    await page.locator('.rank-row').first().waitFor({ timeout: 120_000 });
    const loaded = Date.now() - loadStart;
    // Evaluated through the debugger protocol, which the page's CSP (no eval) allows.
    await page.evaluate(`window.__plainReorder = ${reorder.toString()}`);

    const sides = scoreAndRank(backlog).sort((a, b) => a.index - b.index);
    const buyer = sides.map((r) => r.buyer);
    const seller = sides.map((r) => r.seller);
    const slider = await page.locator('input.weight').elementHandle();
    const run = (kind) => page.evaluate(timeMoves, { slider, moves: MOVES, kind, buyer, seller });
    await run('slider'); // warm-up: JIT, first row builds
    const noop = await run('noop');
    const plain = await run('plain');
    const moved = await run('slider');
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);

    const line = (name, data) => {
      const u = stats(data.update);
      const f = stats(data.frame);
      const p = stats(data.inputToPaint);
      const ratioUpdate = data === noop ? '' : (u.median / stats(plain.update).median).toFixed(2);
      const ratioFrame = (f.median / stats(noop.frame).median).toFixed(2);
      console.log(`| ${count.toLocaleString('en')} | ${name} | ${data === noop ? '–' : `${ms(u.median)} / ${ms(u.p95)}`} | ${ms(f.median)} / ${ms(f.p95)} | ${ms(p.median)} / ${ms(p.p95)} | ${ratioUpdate} | ${ratioFrame} |`);
    };
    line('no-op frame (baseline)', noop);
    line('plain JS re-weigh + sort, same DOM update (baseline)', plain);
    line('slider move: Prioritiser.order + DOM update', moved);
    console.log(`|  | (page ready in ${loaded} ms; ${moved.rows} rows in the DOM; leader after the last move: ${moved.first}) | | | | | |`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
