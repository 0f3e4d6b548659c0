// The scatter chart: each initiative's value to one side against the other.
// Points right of the vertical axis help the first side, points above the
// horizontal axis help the second; the shaded quadrants are where an
// initiative harms a side. The Pareto frontier joins the initiatives nothing
// else beats on both sides at once.

import { h, replaceChildren, s } from '../dom.js';
import { formatNumber, kindLabel } from '../format.js';

const WIDTH = 560;
const HEIGHT = 420;
const MARGIN = { top: 20, right: 20, bottom: 48, left: 64 };
/** Up to this many initiatives, each is its own focusable point. */
const POINT_LIMIT = 300;
/** In a larger backlog, how many of the leaders stay focusable points. */
const MARKED_LEADERS = 100;
/** Radius of a dot in the crowd. */
const DOT_RADIUS = 3;

/** A small circle as path data, so thousands of dots make one element. */
function dot(cx, cy) {
  const r = DOT_RADIUS;
  return `M${(cx - r).toFixed(1)} ${cy.toFixed(1)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
}

export function createChart(store) {
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'chart', role: 'group',
    'aria-label': 'Value to each side, one point per initiative',
  });
  const tooltip = h('div', { class: 'tooltip', role: 'tooltip', hidden: true });
  const caption = h('p', { class: 'chart-caption' });
  const legend = h('ul', { class: 'legend' });
  const element = h('figure', { class: 'chart-figure' },
    h('div', { class: 'chart-box' }, svg, tooltip), h('figcaption', {}, caption, legend));
  const points = new Map();

  const showTip = (point, result) => {
    const names = store.names();
    replaceChildren(tooltip,
      h('strong', {}, result.name),
      h('span', {}, `${names.buyer}: ${formatNumber(result.buyer.value)} · ${names.seller}: ${formatNumber(result.seller.value)}`),
      h('span', {}, `Balanced score ${formatNumber(result.score)} · ${result.rank ? `rank ${result.rank}` : 'left out'}`),
      h('span', {}, result.pareto.onFrontier ? 'On the Pareto frontier' : `Beaten on both sides by ${result.pareto.dominatedBy.length}`));
    tooltip.hidden = false;
    const box = svg.getBoundingClientRect();
    const scale = box.width / WIDTH;
    const x = Number(point.getAttribute('cx')) * scale;
    const y = Number(point.getAttribute('cy')) * scale;
    tooltip.style.left = `${Math.min(x + 12, box.width - 220)}px`;
    tooltip.style.top = `${Math.max(0, y - 12)}px`;
  };
  const hideTip = () => { tooltip.hidden = true; };

  const render = () => {
    const results = store.results ?? [];
    const names = store.names();
    points.clear();
    if (results.length === 0) {
      replaceChildren(svg);
      caption.textContent = 'The chart appears once the backlog is valid.';
      return;
    }
    const buyers = results.map((r) => r.buyer.value);
    const sellers = results.map((r) => r.seller.value);
    const xDomain = domain(buyers);
    const yDomain = domain(sellers);
    const plotW = WIDTH - MARGIN.left - MARGIN.right;
    const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
    const x = (v) => MARGIN.left + ((v - xDomain[0]) / (xDomain[1] - xDomain[0])) * plotW;
    const y = (v) => MARGIN.top + plotH - ((v - yDomain[0]) / (yDomain[1] - yDomain[0])) * plotH;
    const x0 = x(0);
    const y0 = y(0);
    const left = MARGIN.left;
    const top = MARGIN.top;
    const right = WIDTH - MARGIN.right;
    const bottom = HEIGHT - MARGIN.bottom;

    const harm = (x1, y1, x2, y2, cls, text, anchorX, anchorY, anchor) => [
      s('rect', { x: x1, y: y1, width: Math.max(0, x2 - x1), height: Math.max(0, y2 - y1), class: `quadrant ${cls}` }),
      s('text', { x: anchorX, y: anchorY, class: `quadrant-label ${cls}`, 'text-anchor': anchor }, text),
    ];
    const ticks = (d, count) => niceTicks(d[0], d[1], count);
    const frontier = results.filter((r) => r.pareto.onFrontier)
      .sort((a, b) => a.buyer.value - b.buyer.value || b.seller.value - a.seller.value);

    // Past POINT_LIMIT initiatives, only the frontier, the leaders and the
    // selected one are separate, focusable points; the rest are drawn as one
    // path per kind of work (a few nodes instead of thousands of tab stops).
    const large = results.length > POINT_LIMIT;
    const isMarked = (r, k) => !large || r.pareto.onFrontier || k < MARKED_LEADERS || r.id === store.selectedId;
    const marked = results.filter(isMarked);
    const crowd = large ? results.filter((r, k) => !isMarked(r, k)) : [];
    replaceChildren(svg,
      s('title', {}, `${names.buyer} value against ${names.seller} value`),
      harm(x0, y0, right, bottom, 'harm', `Harms ${names.seller}`, right - 6, bottom - 8, 'end'),
      harm(left, top, x0, y0, 'harm', `Harms ${names.buyer}`, left + 6, top + 14, 'start'),
      harm(left, y0, x0, bottom, 'harm-both', 'Harms both', left + 6, bottom - 8, 'start'),
      s('text', { x: right - 6, y: top + 14, class: 'quadrant-label good', 'text-anchor': 'end' }, 'Helps both'),
      ticks(xDomain, 5).map((t) => s('g', { class: 'tick' },
        s('line', { x1: x(t), x2: x(t), y1: top, y2: bottom, class: 'grid' }),
        s('text', { x: x(t), y: bottom + 16, 'text-anchor': 'middle' }, formatNumber(t)))),
      ticks(yDomain, 5).map((t) => s('g', { class: 'tick' },
        s('line', { x1: left, x2: right, y1: y(t), y2: y(t), class: 'grid' }),
        s('text', { x: left - 8, y: y(t) + 4, 'text-anchor': 'end' }, formatNumber(t)))),
      s('line', { x1: x0, x2: x0, y1: top, y2: bottom, class: 'axis' }),
      s('line', { x1: left, x2: right, y1: y0, y2: y0, class: 'axis' }),
      s('text', { x: left + plotW / 2, y: HEIGHT - 8, class: 'axis-label', 'text-anchor': 'middle' }, `Value to ${names.buyer} →`),
      s('text', { x: 16, y: top + plotH / 2, class: 'axis-label', 'text-anchor': 'middle', transform: `rotate(-90 16 ${top + plotH / 2})` }, `Value to ${names.seller} →`),
      frontier.length > 1
        ? s('polyline', { class: 'frontier', points: frontier.map((r) => `${x(r.buyer.value)},${y(r.seller.value)}`).join(' ') })
        : null,
      crowd.length ? ['customerFacing', 'platform', 'operational'].map((kind) => s('path', {
        class: `crowd kind-${kind}`, 'aria-hidden': 'true',
        d: crowd.filter((r) => r.kind === kind).map((r) => dot(x(r.buyer.value), y(r.seller.value))).join(''),
      })) : null,
      [...marked].reverse().map((result) => {
        const point = s('circle', {
          cx: x(result.buyer.value).toFixed(1), cy: y(result.seller.value).toFixed(1),
          r: result.pareto.onFrontier ? 7 : 5.5,
          class: `point kind-${result.kind}${result.pareto.onFrontier ? ' on-frontier' : ''}${result.id === store.selectedId ? ' selected' : ''}`,
          tabindex: 0, role: 'button',
          'aria-label': `${result.name}: ${names.buyer} ${formatNumber(result.buyer.value)}, ${names.seller} ${formatNumber(result.seller.value)}, ${result.rank ? `rank ${result.rank}` : 'left out'}${result.pareto.onFrontier ? ', on the Pareto frontier' : ''}`,
        });
        point.dataset.id = result.id;
        point.addEventListener('mouseenter', () => showTip(point, result));
        point.addEventListener('mouseleave', hideTip);
        point.addEventListener('focus', () => showTip(point, result));
        point.addEventListener('blur', hideTip);
        point.addEventListener('click', () => store.select(result.id));
        point.addEventListener('keydown', (event) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            store.select(result.id);
          }
        });
        points.set(result.id, point);
        return point;
      }));
    caption.textContent = `${frontier.length.toLocaleString('en')} of ${results.length.toLocaleString('en')} initiatives are on the Pareto frontier (the line): nothing else gives both sides more. Shaded areas are where an initiative harms a side.${large ? ` The frontier and the top ${MARKED_LEADERS} are points you can focus; the other ${crowd.length.toLocaleString('en')} are drawn as dots.` : ''}`;
    replaceChildren(legend,
      [['customerFacing'], ['platform'], ['operational']].map(([kind]) =>
        h('li', {}, h('span', { class: `swatch kind-${kind}`, 'aria-hidden': 'true' }), kindLabel(kind))),
      h('li', {}, h('span', { class: 'swatch frontier-swatch', 'aria-hidden': 'true' }), 'Pareto frontier'),
      h('li', {}, h('span', { class: 'swatch harm-swatch', 'aria-hidden': 'true' }), 'Harms a side'));
  };

  store.on('results', render);
  store.on('names', render);
  store.on('select', ({ id }) => {
    // In a large backlog the selected initiative may be one of the crowd's dots.
    if (id !== null && id !== undefined && !points.has(id) && (store.results?.length ?? 0) > POINT_LIMIT) {
      render();
      return;
    }
    for (const [pointId, point] of points) point.classList.toggle('selected', pointId === id);
  });
  render();
  return { element };
}

/** A domain that always shows some room below zero, so the harm areas are visible. */
function domain(values) {
  const max = values.reduce((a, b) => Math.max(a, b), 0);
  const min = values.reduce((a, b) => Math.min(a, b), 0);
  const span = max - min || 1;
  return [Math.min(min - span * 0.06, -span * 0.12), max + span * 0.06];
}

function niceTicks(min, max, count) {
  const raw = (max - min) / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((v) => v >= raw) ?? raw;
  const ticks = [];
  for (let t = Math.ceil(min / step) * step; t <= max + 1e-9; t += step) ticks.push(Math.abs(t) < step / 1e6 ? 0 : t);
  return ticks;
}
