// The controls above the tabs: framework, balancing strategy, the buyer/seller
// weight slider, segment weights and side names. The slider is the hot path:
// while it moves, only `order` runs (once per animation frame); the full
// ranking with explanations runs when it is released.

import { h, replaceChildren, uid } from './dom.js';
import { field, showProblems, sync } from './fields.js';
import { STRATEGIES, formatNumber, frameworkChoices, parseNumber } from './format.js';
import { isWithin } from './paths.js';

/** How long the weight slider must rest before the full ranking is fetched. */
const SETTLE_MS = 120;

export function createControls({ store }) {
  const element = h('section', { class: 'controls', 'aria-label': 'Scoring settings' });

  const select = (label, choices, get, set, help) => {
    const id = uid('control');
    const input = h('select', { id, onchange: () => set(input.value) },
      choices.map(([value, text]) => h('option', { value }, text)));
    const helpEl = h('p', { class: 'field-hint', id: `${id}-hint` });
    input.setAttribute('aria-describedby', helpEl.id);
    const refresh = () => {
      input.value = get();
      helpEl.textContent = help?.(input.value) ?? '';
    };
    return { element: h('div', { class: 'field' }, h('label', { for: id }, label), input, helpEl), refresh, input };
  };

  const framework = select('Scoring framework', frameworkChoices(store.options).map(([k, l]) => [k, l]),
    () => store.options.framework, (v) => store.setOption('framework', v),
    (v) => (v === 'custom' ? store.options.formula : frameworkChoices(store.options).find(([k]) => k === v)?.[2]));
  // "Custom formula" is offered once a formula is defined (in the Framework tab).
  const refreshFrameworks = () => {
    const choices = frameworkChoices(store.options);
    if (framework.input.options.length === choices.length) return;
    replaceChildren(framework.input, choices.map(([value, text]) => h('option', { value }, text)));
  };
  const strategy = select('Balancing', STRATEGIES.map(([k, l]) => [k, l]),
    () => store.options.strategy, (v) => store.setOption('strategy', v),
    (v) => STRATEGIES.find(([k]) => k === v)?.[2]);
  const ice = select('ICE combines', [['product', 'Product (I × C × E)'], ['mean', 'Mean of the three']],
    () => store.options.ice ?? 'product', (v) => store.setOption('ice', v));
  const normalisation = select('Scorecard scales', [['absolute', 'Absolute (stable)'], ['minMax', 'Min-max across the backlog']],
    () => store.options.scorecard?.normalisation ?? 'absolute', (v) => store.setOption('scorecard.normalisation', v));

  // Guardrail: the allowed harm to the protected side, which side leads, and what happens to violators.
  const deltaId = uid('control');
  const delta = h('input', { id: deltaId, type: 'text', inputmode: 'decimal', autocomplete: 'off' });
  delta.dataset.path = 'options.guardrail.delta';
  const deltaError = h('p', { class: 'field-error', id: `${deltaId}-error`, hidden: true });
  delta.setAttribute('aria-describedby', deltaError.id);
  delta.addEventListener('change', () => {
    const { value, error } = parseNumber(delta.value);
    if (error) {
      store.optionProblems = [{ code: 'NOT_A_NUMBER', path: 'options.guardrail.delta', message: error }];
      store.emit('problems');
    } else store.setOption('guardrail.delta', value);
  });
  const primary = select('Rank by', [['', 'The weighted side'], ['buyer', 'Buyers'], ['seller', 'Sellers']],
    () => store.options.guardrail?.primary ?? '',
    (v) => store.setOption('guardrail.primary', v === '' ? undefined : v));
  const violators = select('Harmful initiatives', [['rankLast', 'Rank last'], ['exclude', 'Leave out']],
    () => store.options.guardrail?.violators ?? 'rankLast', (v) => store.setOption('guardrail.violators', v));
  const guardrail = h('div', { class: 'guardrail' },
    h('div', { class: 'field' }, h('label', { for: deltaId }, 'Allowed harm to the other side'), delta, deltaError),
    primary.element, violators.element);

  // The weight slider.
  const sliderId = uid('control');
  const slider = h('input', { id: sliderId, type: 'range', min: 0, max: 100, step: 1, class: 'weight' });
  const buyerShare = h('span', { class: 'share buyer' });
  const sellerShare = h('span', { class: 'share seller' });
  const sliderLabel = h('label', { for: sliderId }, 'Weight between the sides');
  let frame = 0;
  let settle = 0;
  const weightOf = () => Number(slider.value) / 100;
  const showShares = () => {
    const names = store.names();
    const buyer = Math.round(weightOf() * 100);
    buyerShare.textContent = `${names.buyer} ${buyer}%`;
    sellerShare.textContent = `${names.seller} ${100 - buyer}%`;
    slider.setAttribute('aria-valuetext', `${names.buyer} ${buyer} percent, ${names.seller} ${100 - buyer} percent`);
  };
  slider.addEventListener('input', () => {
    window.clearTimeout(settle);
    showShares();
    if (frame) return;
    frame = window.requestAnimationFrame(() => {
      frame = 0;
      store.liveWeight(weightOf());
    });
  });
  // The full ranking (with explanations) waits until the slider settles: a
  // held arrow key sends a change per step, and at 10,000 initiatives each
  // full ranking takes a good part of a second.
  slider.addEventListener('change', () => {
    window.clearTimeout(settle);
    settle = window.setTimeout(() => {
      window.cancelAnimationFrame(frame);
      frame = 0;
      store.commitWeight(weightOf());
    }, SETTLE_MS);
  });
  const weight = h('div', { class: 'field weight-field' }, sliderLabel,
    h('div', { class: 'slider-row' }, buyerShare, slider, sellerShare));

  // Side names and segment weights.
  const buyerName = field(store, 'sideNames.buyer', { label: 'First side', hint: 'for example Buyers, Guests, Riders' });
  const sellerName = field(store, 'sideNames.seller', { label: 'Second side', hint: 'for example Sellers, Hosts, Drivers' });
  const segments = h('div', { class: 'segments' });
  const renderSegments = () => {
    const names = store.names();
    const groups = ['buyer', 'seller'].map((side) => {
      const list = store.backlog.segments?.[side] ?? [];
      if (list.length === 0) return null;
      return h('fieldset', { class: 'segment-group' },
        h('legend', {}, `${names[side]}: segment weights`),
        list.map((segment, i) => segmentSlider(store, side, i, segment)));
    }).filter(Boolean);
    replaceChildren(segments, groups);
    segments.hidden = groups.length === 0;
  };

  const refresh = () => {
    refreshFrameworks();
    for (const control of [framework, strategy, ice, normalisation, primary, violators]) control.refresh();
    ice.element.hidden = store.options.framework !== 'ice';
    normalisation.element.hidden = store.options.framework !== 'scorecard';
    guardrail.hidden = store.options.strategy !== 'guardrail';
    if (document.activeElement !== delta) delta.value = String(store.options.guardrail?.delta ?? 0);
    slider.value = String(Math.round((store.options.buyerWeight ?? 0.5) * 100));
    showShares();
  };

  replaceChildren(element,
    h('div', { class: 'control-grid' },
      h('div', { class: 'control-block method' }, framework.element, strategy.element, ice.element, normalisation.element),
      h('div', { class: 'control-block balance' }, weight, guardrail),
      h('details', { class: 'control-block names' },
        h('summary', {}, 'Side names and segments'),
        h('div', { class: 'names-grid' }, buyerName, sellerName), segments)));

  store.on('options', refresh);
  store.on('names', () => { showShares(); renderSegments(); });
  store.on('backlog', () => {
    renderSegments();
    element.querySelectorAll('.names [data-path]').forEach((input) => sync(store, input));
  });
  // A weight slider must not be rebuilt under the pointer while it moves.
  store.on('edit', ({ path }) => { if (isWithin(path, 'segments') && !path.endsWith('.weight')) renderSegments(); });
  store.on('problems', () => showProblems(element, store.problems));
  refresh();
  renderSegments();

  return {
    element,
    reveal(path) {
      if (!isWithin(path, 'options') && !isWithin(path, 'sideNames')) return false;
      if (isWithin(path, 'sideNames')) element.querySelector('details.names').open = true;
      const target = [...element.querySelectorAll('[data-path]')].find((el) => isWithin(path, el.dataset.path))
        ?? framework.input;
      target.focus();
      return true;
    },
  };
}

function segmentSlider(store, side, index, segment) {
  const id = uid('segment');
  const path = `segments.${side}[${index}].weight`;
  const output = h('output', { for: id }, formatNumber(segment.weight ?? 1));
  const weight = segment.weight ?? 1;
  const max = Math.max(5, Math.ceil(weight * 2));
  const input = h('input', { id, type: 'range', min: 0, max, step: max / 100, value: String(weight) });
  let frame = 0;
  input.addEventListener('input', () => {
    output.textContent = formatNumber(Number(input.value));
    if (frame) return;
    frame = window.requestAnimationFrame(() => {
      frame = 0;
      store.setField(path, Number(input.value));
    });
  });
  return h('div', { class: 'segment-weight' },
    h('label', { for: id }, segment.name || segment.id), input, output);
}
