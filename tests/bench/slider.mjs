// Slider re-rank latency on the real page in Chromium, with 1 000 and 10 000
// generated initiatives: the backlog goes in through the page's saved state,
// then the weight slider is moved with input events. Two times per move:
// - work: from the start of the frame that handles the move to the end of
//   the page's re-rank and render in it (the goal: under 16 ms);
// - to next frame: from the input event until the following frame starts
//   (what a person waits for, including the wait for the frame itself).
// The ratio is against the same re-weigh and sort in plain JavaScript in the
// same page (baseline.mjs's `reorder`), measured in the same run.
// Usage: node tests/bench/slider.mjs
import { generatedBacklog } from './backlogs.mjs';
import { launch, serve } from '../browser/harness.mjs';
import { reorder, scoreAndRank } from './baseline.mjs';

const server = await serve();
const browser = await launch();
const MOVES = 30;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  console.log('| initiatives | case | ms (median) | x plain JS |');
  console.log('|---:|---|---:|---:|');
  for (const count of [1_000, 10_000]) {
    const backlog = generatedBacklog(count);
    const page = await browser.context.newPage();
    // Saved from another page of the origin, so the calculator cannot write
    // its own state over it; then the page loads it as a returning user's.
    await page.goto(`${server.origin}/www/favicon.svg`);
    await page.evaluate((saved) => window.localStorage.setItem('twosided.calculator', JSON.stringify(saved)),
      { version: 1, backlog, options: {}, drafts: {}, validBacklog: backlog });
    await page.goto(`${server.origin}/www/index.html`);
    await page.locator('.rank-row').first().waitFor({ timeout: 120_000 });
    await page.locator('input.weight').waitFor({ timeout: 60_000 });

    const sides = scoreAndRank(backlog).sort((a, b) => a.index - b.index);
    const buyer = sides.map((r) => r.buyer);
    const seller = sides.map((r) => r.seller);
    const sliderHandle = await page.locator('input.weight').elementHandle();
    const result = await page.evaluate(async ({ slider, moves, buyer, seller, reorderSource }) => {
      const root = slider.getRootNode();
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const work = [];
      const toFrame = [];
      const firsts = new Set();
      for (let i = 0; i < moves; i++) {
        await frame();
                slider.value = String((i * 37) % 101);
        const input = performance.now();
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        // Registered after the page's own callback for this move, so it runs
        // right after it in the same frame.
        const frameStart = await frame();
        work.push(performance.now() - Math.max(frameStart, input));
        const next = await frame();
        toFrame.push(next - input);
        firsts.add(root.querySelector('.rank-row .name')?.textContent);
      }
      // The plain-JS baseline, run here so it shares the page's engine.
      const reorder = new Function(`return (${reorderSource})`)();
      const b = Float64Array.from(buyer);
      const s = Float64Array.from(seller);
      const baseline = [];
      for (let i = 0; i < moves; i++) {
        const start = performance.now();
        reorder(b, s, ((i * 37) % 101) / 100);
        baseline.push(performance.now() - start);
      }
      return { work, toFrame, baseline, distinctFirsts: firsts.size, rows: root.querySelectorAll('.rank-row').length };
    }, { slider: sliderHandle, moves: MOVES, buyer, seller, reorderSource: reorder.toString() }).catch(async (error) => {
      // The page's CSP forbids new Function: time the baseline in Node instead.
      if (!/EvalError|unsafe-eval|Content Security/i.test(String(error))) throw error;
      return null;
    });
    let data = result;
    if (!data) {
      data = await page.evaluate(async ({ slider, moves }) => {
        const root = slider.getRootNode();
          const frame = () => new Promise((done) => requestAnimationFrame(done));
        const work = [];
        const toFrame = [];
        const firsts = new Set();
        for (let i = 0; i < moves; i++) {
          await frame();
                  slider.value = String((i * 37) % 101);
          const input = performance.now();
          slider.dispatchEvent(new Event('input', { bubbles: true }));
          const frameStart = await frame();
          work.push(performance.now() - Math.max(frameStart, input));
          const next = await frame();
          toFrame.push(next - input);
          firsts.add(root.querySelector('.rank-row .name')?.textContent);
        }
        return { work, toFrame, distinctFirsts: firsts.size, rows: root.querySelectorAll('.rank-row').length };
      }, { slider: sliderHandle, moves: MOVES });
      const b = Float64Array.from(buyer);
      const s = Float64Array.from(seller);
      data.baseline = Array.from({ length: MOVES }, (_, i) => {
        const start = performance.now();
        reorder(b, s, ((i * 37) % 101) / 100);
        return performance.now() - start;
      });
      data.baselineWhere = 'Node';
    }
    const base = median(data.baseline);
    const where = data.baselineWhere ? ` (in ${data.baselineWhere})` : '';
    console.log(`| ${count} | plain JS re-weigh + sort${where} (baseline) | ${base.toFixed(2)} | 1.00 |`);
    console.log(`| ${count} | slider move: re-rank + render work in the frame | ${median(data.work).toFixed(2)} | ${(median(data.work) / base).toFixed(1)} |`);
    console.log(`| ${count} | slider move: input to next frame | ${median(data.toFrame).toFixed(2)} | ${(median(data.toFrame) / base).toFixed(1)} |`);
    console.log(`|  | (${data.rows} rows rendered; ${data.distinctFirsts} different leaders over ${MOVES} moves) | | |`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
