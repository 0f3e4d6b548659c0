// The review tab: launched initiatives with estimate against actual, hit or
// miss, a calibration chart of estimated against actual, and a switch that
// puts the suggested corrections into the live ranking. The switch is never
// silent: while it is on, the tab lists every corrected estimate and the
// status line says so.

import { h, replaceChildren, s, uid } from '../dom.js';
import { formatNumber } from '../format.js';
import { registerView } from './registry.js';

const SIZE = 360;
const MARGIN = 44;
const VERDICTS = { met: 'Hit', missed: 'Miss', notJudged: 'Not judged yet' };

registerView({
  id: 'review',
  label: 'Review',
  create({ store }) {
    const summary = h('div', { class: 'review-summary' });
    const chart = s('svg', {
      viewBox: `0 0 ${SIZE} ${SIZE}`, class: 'calibration', role: 'group',
      'aria-label': 'Estimated against actual, one point per estimate',
    });
    const table = h('div', { class: 'review-table' });
    const toggleId = uid('corrections');
    const toggle = h('input', { type: 'checkbox', id: toggleId, class: 'apply-corrections' });
    const changes = h('div', { class: 'correction-changes', 'aria-live': 'polite' });
    const corrections = h('section', { class: 'review-corrections' });
    const element = h('div', { class: 'review' }, summary,
      h('figure', { class: 'calibration-figure' }, chart,
        h('figcaption', {}, 'Estimated (across) against actual (up), on log scales. Points above the diagonal came in higher than estimated: for effort that means it took longer.')),
      table, corrections);

    // With corrections on, every backlog the store loads for ranking is the
    // corrected copy; the backlog being edited stays as typed.
    let applied = null;
    const load = store.load.bind(store);
    store.load = (backlog) => {
      if (!toggle.checked) {
        applied = null;
        return load(backlog);
      }
      applied = store.api.applyCorrections(backlog);
      return load(applied.backlog);
    };

    toggle.addEventListener('change', () => {
      store.recompute();
      store.emit('status', {
        message: toggle.checked
          ? `Corrected estimates are in the ranking: ${applied ? applied.sentence : 'no correction could be applied.'}`
          : 'The ranking uses the estimates as entered again.',
      });
      render();
    });

    const render = () => {
      let review;
      try {
        review = store.api.reviewOutcomes(store.validBacklog ?? store.backlog);
      } catch (error) {
        replaceChildren(summary, h('p', { class: 'error' }, `The review needs a valid backlog: ${error.message}`));
        replaceChildren(chart);
        replaceChildren(table);
        replaceChildren(corrections);
        return;
      }
      renderSummary(summary, review);
      renderChart(chart, review, store.names());
      renderTable(table, review, store.names());
      renderCorrections(corrections, review, toggle, toggleId, changes, applied);
    };
    // A hidden tab renders when shown.
    store.on('results', () => { if (element.isConnected && !element.hidden) render(); });
    return { element, shown: render };
  },
});

function renderSummary(summary, review) {
  const effort = review.overall.find((a) => a.field === 'effort');
  replaceChildren(summary,
    h('h2', {}, 'Post-launch review'),
    h('p', { class: 'hit-rate' }, review.hitRate.sentence),
    effort ? h('p', { class: 'effort-accuracy' }, effort.sentence) : null,
    h('ul', { class: 'review-notes' }, review.notes.map((note) => h('li', {}, note))));
}

function renderTable(table, review, names) {
  if (review.initiatives.length === 0) {
    replaceChildren(table, h('p', {}, 'No initiative is launched yet. Set an initiative\'s status to launched or reviewed and add its outcome to review it here.'));
    return;
  }
  const pair = (r, field, side) => {
    const c = r.comparisons.find((x) => x.field === field && x.side === side);
    return c ? `${formatNumber(c.estimated)} → ${formatNumber(c.actual)}` : '–';
  };
  replaceChildren(table, h('table', { class: 'review-rows' },
    h('caption', {}, 'Launched initiatives: estimate → actual'),
    h('thead', {}, h('tr', {},
      ['Initiative', 'Problem space', 'Criterion', 'Effort', `Reach, ${names.buyer.toLowerCase()}`,
        `Reach, ${names.seller.toLowerCase()}`, 'Learning'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, review.initiatives.map((r) => h('tr', { class: `review-row ${r.verdict}`, dataset: { id: r.id } },
      h('th', { scope: 'row' }, r.name),
      h('td', {}, r.problemSpace || '–'),
      h('td', { class: 'verdict', title: r.verdictSentence }, VERDICTS[r.verdict] ?? r.verdict),
      h('td', {}, pair(r, 'effort', undefined)),
      h('td', {}, pair(r, 'reach', 'buyer')),
      h('td', {}, pair(r, 'reach', 'seller')),
      h('td', { class: 'learning' }, r.learning || '–'))))));
}

function renderCorrections(section, review, toggle, toggleId, changes, applied) {
  const list = review.corrections.length
    ? h('ul', { class: 'suggested' }, review.corrections.map((c) => h('li', {}, c.sentence)))
    : h('p', {}, 'No correction is suggested (see the notes above).');
  toggle.disabled = review.corrections.length === 0 && !toggle.checked;
  replaceChildren(changes, toggle.checked && applied
    ? [h('p', { class: 'applied' }, applied.sentence),
      h('details', {}, h('summary', {}, `Every corrected estimate (${applied.changes.length})`),
        h('ul', {}, applied.changes.map((c) => h('li', {}, c.explanation))))]
    : null);
  replaceChildren(section, h('h3', {}, 'Suggested corrections for new estimates'), list,
    h('p', { class: 'toggle' }, toggle, h('label', { for: toggleId }, ' Use the corrected estimates in the ranking')),
    changes);
}

/** Log-log scatter of estimated against actual effort and reach, with the diagonal. */
function renderChart(svg, review, names) {
  const points = [];
  for (const r of review.initiatives) {
    for (const c of r.comparisons) {
      if (c.field === 'impact' || !(c.estimated > 0 && c.actual > 0)) continue;
      const kind = c.field === 'effort' ? 'effort' : `reach-${c.side}`;
      points.push({ r, c, kind });
    }
  }
  if (points.length === 0) {
    replaceChildren(svg, s('text', { x: SIZE / 2, y: SIZE / 2, 'text-anchor': 'middle' }, 'No actuals to compare yet.'));
    return;
  }
  // Effort (months) and reach (people) differ by orders of magnitude: each
  // kind is drawn relative to its own largest estimate, so the axes show the
  // ratio that matters, not the units.
  const largest = {};
  for (const p of points) largest[p.kind] = Math.max(largest[p.kind] ?? 0, p.c.estimated, p.c.actual);
  const rel = points.map((p) => ({ ...p, x: p.c.estimated / largest[p.kind], y: p.c.actual / largest[p.kind] }));
  const low = Math.min(...rel.flatMap((p) => [p.x, p.y])) / 1.5;
  const span = Math.log(1 / low);
  const at = (v) => MARGIN + ((Math.log(v) - Math.log(low)) / span) * (SIZE - 2 * MARGIN);
  const y = (v) => SIZE - at(v);
  const label = { effort: 'Effort', 'reach-buyer': `Reach, ${names.buyer.toLowerCase()}`, 'reach-seller': `Reach, ${names.seller.toLowerCase()}` };
  replaceChildren(svg,
    s('title', {}, 'Calibration: estimated against actual'),
    s('line', { x1: at(low), y1: y(low), x2: at(1), y2: y(1), class: 'diagonal' }),
    s('text', { x: at(1) - 4, y: y(1) + 14, 'text-anchor': 'end', class: 'diagonal-label' }, 'actual = estimate'),
    s('text', { x: SIZE / 2, y: SIZE - 8, 'text-anchor': 'middle', class: 'axis-label' }, 'Estimated'),
    s('text', { x: 14, y: SIZE / 2, 'text-anchor': 'middle', class: 'axis-label', transform: `rotate(-90 14 ${SIZE / 2})` }, 'Actual'),
    rel.map((p) => s('circle', {
      cx: at(p.x), cy: y(p.y), r: 5, class: `calibration-point ${p.kind}`, dataset: { id: p.r.id },
    }, s('title', {}, `${p.r.name}, ${label[p.kind].toLowerCase()}: estimated ${formatNumber(p.c.estimated)}, actual ${formatNumber(p.c.actual)} (${formatNumber(p.c.ratio)} times)`))),
    Object.entries(label).filter(([kind]) => kind in largest).map(([kind, text], i) => [
      s('circle', { cx: MARGIN + 6, cy: MARGIN - 30 + i * 14, r: 4, class: `calibration-point ${kind}` }),
      s('text', { x: MARGIN + 14, y: MARGIN - 26 + i * 14, class: 'legend-label' }, text),
    ]));
}
