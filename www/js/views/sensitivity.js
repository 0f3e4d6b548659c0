// Two tabs on how robust the ranking is:
// - "Weight sweep": the rank of each top initiative as the buyer weight w
//   moves from 0 to 1, with the exact crossing points marked and the current
//   weight shown, and how far w can move before each top member drops out.
// - "Uncertainty": a Monte Carlo run over the estimates given as ranges
//   (low / likely / high), in a Web Worker with a progress bar and a cancel
//   button: each initiative's likely rank range and its chance of the top k.

import { h, replaceChildren, s } from '../dom.js';
import { formatNumber } from '../format.js';
import { registerView } from './registry.js';

// Wider than the ranking's chart: this one has the whole panel to itself.
const WIDTH = 900;
const HEIGHT = 400;
const MARGIN = { top: 20, right: 16, bottom: 48, left: 44 };
const COLOURS = ['#1f6feb', '#d4572a', '#2a9d5c', '#8250df', '#b58400', '#d63384', '#0f8a9d', '#6e7781', '#9a3412', '#4d7c0f'];
const percent = (w) => `${Math.round(w * 100)}%`;

function topKInput(value) {
  return h('input', { type: 'number', min: 1, max: 20, step: 1, value, class: 'top-k', 'aria-label': 'Size of the top group' });
}

// ---- the weight sweep ------------------------------------------------------

registerView({
  id: 'sensitivity',
  label: 'Weight sweep',
  create({ store }) {
    const topK = topKInput(5);
    const summary = h('p', { class: 'sweep-summary', role: 'status' });
    const svg = s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart sweep-chart', role: 'img', 'aria-label': 'Rank of each top initiative against the buyer weight' });
    const legend = h('ul', { class: 'legend sweep-legend' });
    const stays = h('tbody');
    const element = h('section', { class: 'sensitivity', 'aria-label': 'Weight sweep' },
      h('p', { class: 'section-note' }, 'How the ranking depends on the weight between the sides. With the weighted sum every point where two initiatives swap places is exact; other strategies are sampled at 101 weights.'),
      h('div', { class: 'data-actions' }, h('label', { class: 'field' }, 'Top group size', topK)),
      summary,
      h('figure', { class: 'chart-figure' }, h('div', { class: 'chart-box' }, svg), h('figcaption', {}, legend)),
      h('div', { class: 'table-wrap' }, h('table', { class: 'stays-table backlog-table' },
        h('caption', {}, 'How far the weight can move before each top initiative leaves the top group'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Initiative'), h('th', { scope: 'col' }, 'Rank now'), h('th', { scope: 'col' }, 'Stays in the top group for buyer weights'))),
        stays)));
    // The calculator hides the panels of other tabs.
    const visible = () => element.isConnected && !element.hidden;
    let stale = true;
    let sweep = null;

    const compute = () => {
      stale = false;
      const backlog = store.validBacklog;
      if (!backlog) {
        sweep = null;
        summary.textContent = 'The sweep appears once the backlog is valid.';
        replaceChildren(svg);
        replaceChildren(legend);
        replaceChildren(stays);
        return;
      }
      const k = Math.max(1, Math.min(20, Math.round(Number(topK.value)) || 5));
      const depth = Math.min(backlog.initiatives.length, k + 5);
      try {
        sweep = store.api.sweepWeights(backlog, { scoring: store.options, topK: Math.min(k, depth), depth });
      } catch (error) {
        sweep = null;
        summary.textContent = `The sweep could not be computed: ${error?.message ?? error}`;
        return;
      }
      render();
    };

    const render = () => {
      if (!sweep) return;
      const names = store.names();
      const w = store.options.buyerWeight ?? sweep.currentWeight;
      const depth = sweep.depth;
      const plotW = WIDTH - MARGIN.left - MARGIN.right;
      const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
      const x = (v) => MARGIN.left + v * plotW;
      // Ranks 1..depth fill the plot; "below the depth" sits just under it.
      // Ranks 1..depth fill the plot; below the depth is off the chart.
      const y = (rank) => (rank === null ? HEIGHT : MARGIN.top + ((rank - 0.5) / depth) * plotH);
      const shown = sweep.initiatives.filter((line) => line.topK.length > 0);
      const colour = new Map(shown.map((line, i) => [line.id, COLOURS[i % COLOURS.length]]));
      const path = (line) => line.ranks.map((interval, i) => {
        const start = i === 0 ? 'M' : sweep.method === 'exact' ? 'V' : 'L';
        const to = start === 'V' ? `${y(interval.rank)}` : `${x(interval.from)} ${y(interval.rank)}`;
        return `${start} ${to} H ${x(interval.to)}`;
      }).join(' ');
      const plotted = new Set(shown.map((line) => line.id));
      const crossings = sweep.crossings.filter((c) => plotted.has(c.rises) || plotted.has(c.falls));
      const nameOf = new Map(sweep.initiatives.map((line) => [line.id, line.name]));
      const ticks = Array.from({ length: depth }, (_, i) => i + 1);
      replaceChildren(svg,
        s('title', {}, `Rank against ${names.buyer} weight`),
        s('defs', {}, s('clipPath', { id: 'sweep-plot' }, s('rect', { x: MARGIN.left - 2, y: MARGIN.top - 4, width: plotW + 4, height: plotH + 4 }))),
        ticks.map((rank) => [
          s('line', { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y1: y(rank), y2: y(rank), class: 'gridline', stroke: '#d0d7de', 'stroke-width': 0.5 }),
          s('text', { x: MARGIN.left - 8, y: y(rank) + 4, 'text-anchor': 'end', class: 'tick', fill: '#57606a' }, `#${rank}`),
        ]),
        [0, 0.25, 0.5, 0.75, 1].map((v) => s('text', { x: x(v), y: HEIGHT - MARGIN.bottom + 18, 'text-anchor': 'middle', class: 'tick', fill: '#57606a' }, percent(v))),
        s('text', { x: MARGIN.left + plotW / 2, y: HEIGHT - 6, 'text-anchor': 'middle', class: 'axis-label' },
          `${names.buyer} weight (0% = ${names.seller} only, 100% = ${names.buyer} only)`),
        s('g', { 'clip-path': 'url(#sweep-plot)' },
          shown.map((line) => s('path', {
            d: path(line), fill: 'none', stroke: colour.get(line.id), 'stroke-width': 2.5, class: 'sweep-line', 'data-id': line.id,
          }, s('title', {}, line.name)))),
        crossings.map((c) => s('circle', {
          cx: x(c.weight), cy: y(c.rank), r: 4, class: 'crossing', fill: '#fff', stroke: '#24292f', 'stroke-width': 1.5,
          'data-weight': c.weight,
        }, s('title', {}, `At ${names.buyer} weight ${(c.weight * 100).toFixed(1)}%: ${nameOf.get(c.rises)} passes ${nameOf.get(c.falls)} for rank ${c.rank}`))),
        s('line', { x1: x(w), x2: x(w), y1: MARGIN.top - 6, y2: HEIGHT - MARGIN.bottom, class: 'current-weight', stroke: '#24292f', 'stroke-dasharray': '4 3' }),
        s('text', { x: Math.min(x(w) + 4, WIDTH - 70), y: MARGIN.top + 2, class: 'current-label' }, `now ${percent(w)}`));
      replaceChildren(legend, shown.map((line) => h('li', {},
        s('svg', { viewBox: '0 0 18 6', width: 18, height: 6, 'aria-hidden': 'true' },
          s('line', { x1: 0, x2: 18, y1: 3, y2: 3, stroke: colour.get(line.id), 'stroke-width': 3 })),
        ` ${line.name}`)));
      const members = sweep.initiatives.filter((line) => line.staysInTopK).sort((a, b) => a.currentRank - b.currentRank);
      replaceChildren(stays, members.map((line) => h('tr', {},
        h('th', { scope: 'row' }, line.name),
        h('td', {}, `#${line.currentRank}`),
        h('td', {}, line.staysInTopK.from === 0 && line.staysInTopK.to === 1
          ? 'any weight'
          : `${(line.staysInTopK.from * 100).toFixed(1)}% to ${(line.staysInTopK.to * 100).toFixed(1)}%`))));
      const inside = sweep.crossings.length;
      summary.textContent = sweep.method === 'exact'
        ? `${inside} crossing point${inside === 1 ? '' : 's'} among the top ${depth} as the weight moves from 0% to 100%.`
        : `Sampled at ${sweep.grid.length} weights: this strategy is not a straight line in the weight.`;
    };

    const refresh = () => {
      stale = true;
      if (visible()) compute();
    };
    store.on('results', refresh);
    store.on('order', () => { if (visible() && sweep) render(); });
    topK.addEventListener('change', refresh);
    return {
      element,
      shown() {
        if (stale) compute();
        else render();
      },
    };
  },
});

// ---- uncertainty -------------------------------------------------------------

registerView({
  id: 'uncertainty',
  label: 'Uncertainty',
  create({ store }) {
    const samples = h('select', { 'aria-label': 'Samples' },
      [1000, 10000, 50000, 100000].map((n) => h('option', { value: n, selected: n === 10000 }, n.toLocaleString('en'))));
    const seed = h('input', { type: 'number', min: 0, step: 1, value: 1, class: 'seed', 'aria-label': 'Seed' });
    const topK = topKInput(5);
    const runButton = h('button', { type: 'button', class: 'primary run' }, 'Run simulation');
    const cancelButton = h('button', { type: 'button', class: 'cancel', disabled: true }, 'Cancel');
    const progress = h('progress', { max: 1, value: 0, class: 'simulation-progress', 'aria-label': 'Simulation progress' });
    const status = h('p', { class: 'simulation-status', role: 'status', 'aria-live': 'polite' }, 'Estimates given as low / likely / high (such as 1 / 2 / 4) are drawn at random many times.');
    const head = h('tr');
    const body = h('tbody');
    const table = h('div', { class: 'table-wrap', hidden: true },
      h('table', { class: 'uncertainty-table backlog-table' }, h('thead', {}, head), body));
    const element = h('section', { class: 'uncertainty', 'aria-label': 'Uncertainty' },
      h('p', { class: 'section-note' }, 'How sure is the ranking, given the ranges in the estimates? Each sample draws every range from a triangular distribution (low, likely, high) and ranks the backlog; the same seed always gives the same answer.'),
      h('div', { class: 'data-actions simulation-controls' },
        h('label', { class: 'field' }, 'Samples', samples), h('label', { class: 'field' }, 'Seed', seed),
        h('label', { class: 'field' }, 'Top group size', topK)),
      h('div', { class: 'data-actions' }, runButton, cancelButton, progress),
      status, table);
    let worker = null;
    let job = 0;

    const finish = () => {
      runButton.disabled = false;
      cancelButton.disabled = true;
    };
    const show = (result) => {
      const k = result.topK;
      replaceChildren(head, ['Initiative', 'Rank with likely values', 'Rank range (10%–90%)', 'Median rank', `Chance of top ${k}`, 'Expected score']
        .map((text) => h('th', { scope: 'col' }, text)));
      const n = result.initiatives.length;
      replaceChildren(body, result.initiatives.map((item) => {
        const low = item.rankP10 ?? n;
        const high = item.rankP90 ?? n;
        const bar = s('svg', { viewBox: '0 0 100 12', width: 120, height: 12, class: 'rank-range', role: 'img', 'aria-label': `rank ${low} to ${high}` },
          s('rect', { x: 0, y: 5, width: 100, height: 2, fill: '#d0d7de' }),
          s('rect', { x: ((low - 1) / n) * 100, y: 2, width: Math.max(2, ((high - low + 1) / n) * 100), height: 8, fill: '#1f6feb', rx: 2 }),
          item.rankP50 ? s('rect', { x: ((item.rankP50 - 0.5) / n) * 100 - 1, y: 0, width: 2, height: 12, fill: '#24292f' }) : null);
        return h('tr', { 'data-id': item.id },
          h('th', { scope: 'row' }, item.name),
          h('td', {}, item.likelyRank === null ? 'left out' : `#${item.likelyRank}`),
          h('td', { class: 'range-cell' }, bar, ` ${item.rankP10 ?? '–'}–${item.rankP90 ?? '–'}`),
          h('td', {}, item.rankP50 === null ? '–' : `#${item.rankP50}`),
          h('td', { class: 'probability' }, `${(item.topKProbability * 100).toFixed(1)}%`),
          h('td', {}, formatNumber(item.expectedScore)));
      }));
      table.hidden = false;
      const done = `${result.samples.toLocaleString('en')} sample${result.samples === 1 ? '' : 's'}`;
      status.textContent = result.cancelled
        ? `Cancelled after ${done} of ${result.requested.toLocaleString('en')}: the figures cover those samples.`
        : result.rangedEstimates === 0
          ? `No estimate is a range, so every sample is the same. Enter ranges such as 1 / 2 / 4 to see uncertainty.`
          : `Done: ${done}, ${result.rangedEstimates} ranged estimates, seed ${result.seed}.`;
    };

    const start = () => {
      const backlog = store.validBacklog;
      if (!backlog) {
        status.textContent = 'Fix the values listed above first: the simulation needs a valid backlog.';
        return;
      }
      worker ??= new Worker(new URL('../sensitivity-worker.js', import.meta.url), { type: 'module' });
      worker.onmessage = ({ data }) => {
        if (data.id !== job) return;
        if (data.type === 'progress') {
          progress.max = data.progress.total;
          progress.value = data.progress.done;
          status.textContent = `Running: ${data.progress.done.toLocaleString('en')} of ${data.progress.total.toLocaleString('en')} samples…`;
        } else if (data.type === 'done') {
          finish();
          show(data.result);
        } else if (data.type === 'error') {
          finish();
          status.textContent = `The simulation could not run: ${data.error.message}`;
        }
      };
      worker.onerror = (event) => {
        finish();
        status.textContent = `The simulation stopped: ${event.message ?? 'the worker failed'}`;
        worker = null;
      };
      job += 1;
      const options = {
        scoring: store.options,
        seed: Math.max(0, Math.round(Number(seed.value)) || 0),
        samples: Number(samples.value),
        topK: Math.max(1, Math.min(20, Math.round(Number(topK.value)) || 5)),
      };
      progress.max = options.samples;
      progress.value = 0;
      runButton.disabled = true;
      cancelButton.disabled = false;
      status.textContent = 'Starting…';
      worker.postMessage({ type: 'run', id: job, backlog, options: JSON.parse(JSON.stringify(options)) });
    };
    runButton.addEventListener('click', start);
    cancelButton.addEventListener('click', () => {
      worker?.postMessage({ type: 'cancel', id: job });
      cancelButton.disabled = true;
      status.textContent = 'Cancelling…';
    });
    store.on('results', () => {
      if (!table.hidden) status.textContent = 'The backlog or options changed: run the simulation again to update these figures.';
    });
    return { element };
  },
});
