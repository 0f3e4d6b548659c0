// Backlog-wide settings: reach period, how the two sides' values are put on a
// common footing, the segments of each side, and the rating scales.

import { h, replaceChildren, uid } from '../dom.js';
import { field, showProblems } from '../fields.js';
import { isWithin } from '../paths.js';
import { registerView } from './registry.js';

registerView({
  id: 'settings',
  label: 'Settings',
  create(context) {
    const { store } = context;
    const element = h('section', { class: 'settings' });

    const render = () => {
      const names = store.names();
      const footing = store.backlog.footing ?? { kind: 'unitValue', buyer: 1, seller: 1 };
      const footingId = uid('footing');
      const footingSelect = h('select', { id: footingId }, [
        h('option', { value: 'unitValue' }, 'A value per unit on each side'),
        h('option', { value: 'scaledToLargest' }, 'Scale each side so its largest value is 1'),
      ]);
      footingSelect.value = footing.kind;
      footingSelect.dataset.path = 'footing';
      footingSelect.dataset.match = 'exact';
      footingSelect.addEventListener('change', () => store.setField('footing',
        footingSelect.value === 'unitValue' ? { kind: 'unitValue', buyer: 1, seller: 1 } : { kind: 'scaledToLargest' }));

      replaceChildren(element,
        h('h2', { class: 'section-title' }, 'Backlog settings'),
        h('fieldset', { class: 'detail-section' }, h('legend', {}, 'Common footing'),
          h('p', { class: 'section-note' }, `Before balancing, each side's score is put on a shared footing, so that one unit of value to ${names.buyer} and one to ${names.seller} mean the same to you.`),
          h('div', { class: 'detail-grid' },
            h('div', { class: 'field' }, h('label', { for: footingId }, 'Footing'), footingSelect, h('p', { class: 'field-error', hidden: true })),
            footing.kind === 'unitValue' ? [
              field(store, 'footing.buyer', { label: `Value of one ${names.buyer} point`, kind: 'number' }),
              field(store, 'footing.seller', { label: `Value of one ${names.seller} point`, kind: 'number' }),
              field(store, 'footing.unit', { label: 'Unit (for example EUR GMV)', optional: true }),
            ] : [])),
        h('fieldset', { class: 'detail-section' }, h('legend', {}, 'Reach'),
          h('div', { class: 'detail-grid' }, field(store, 'reachPeriod', { label: 'Reach is counted per', hint: 'for example quarter or month' }))),
        ['buyer', 'seller'].map((side) => segmentSection(store, side, names[side])),
        h('fieldset', { class: 'detail-section' }, h('legend', {}, 'Rating scales'),
          h('p', { class: 'section-note' }, 'Allowed values, separated by commas, or a range such as 1 - 10.'),
          h('div', { class: 'detail-grid' },
            scaleField(store, 'impact', 'RICE impact'), scaleField(store, 'ice', 'ICE inputs'), scaleField(store, 'wsjf', 'WSJF inputs'))));
      showProblems(element, store.problems);
    };

    store.on('backlog', render);
    store.on('names', render);
    store.on('edit', ({ path }) => {
      if (/^(footing|scales\.\w+|segments\.\w+(\[\d+\])?)$/.test(path)) render();
    });
    store.on('problems', () => showProblems(element, store.problems));
    render();
    return {
      element,
      reveal(path) {
        if (!['footing', 'reachPeriod', 'segments', 'scales'].some((p) => isWithin(path, p))) return false;
        context.showView('settings');
        const input = [...element.querySelectorAll('[data-path]')].find((el) => isWithin(path, el.dataset.path));
        input?.focus();
        return true;
      },
    };
  },
});

function segmentSection(store, side, sideName) {
  const list = store.backlog.segments?.[side] ?? [];
  return h('fieldset', { class: 'detail-section' }, h('legend', {}, `${sideName}: segments`),
    h('p', { class: 'section-note' }, `Split ${sideName} into segments (for example new and returning) to estimate each separately and weight them.`),
    list.map((segment, i) => h('div', { class: 'segment-row' },
      field(store, `segments.${side}[${i}].id`, { label: 'Id' }),
      field(store, `segments.${side}[${i}].name`, { label: 'Name' }),
      field(store, `segments.${side}[${i}].weight`, { label: 'Weight', kind: 'number' }),
      h('button', { type: 'button', class: 'small danger-text', onclick: () => store.setField(`segments.${side}[${i}]`, undefined) }, 'Remove'))),
    h('button', { type: 'button', class: 'small', onclick: () => {
      const n = list.length + 1;
      store.setField(`segments.${side}[${list.length}]`, { id: `segment-${n}`, name: `Segment ${n}`, weight: 1 });
    } }, '+ Add a segment'));
}

function scaleField(store, key, label) {
  const path = `scales.${key}`;
  const describe = (scale) => {
    if (!scale) return '';
    if (scale.kind === 'range') return `${scale.min} - ${scale.max}`;
    return (scale.levels ?? []).join(', ');
  };
  const wrapper = field(store, path, {
    label,
    onCommit: (text) => {
      const range = /^\s*(-?[\d.]+)\s*(?:-|–|to)\s*(-?[\d.]+)\s*$/.exec(text);
      const current = store.get(path);
      if (range) { store.setField(path, { kind: 'range', min: Number(range[1]), max: Number(range[2]) }); return; }
      const levels = text.split(',').map((t) => t.trim()).filter(Boolean).map(Number);
      if (levels.length === 0 || levels.some((n) => !Number.isFinite(n))) {
        store.setDraft(path, text, 'Write numbers separated by commas (3, 2, 1, 0.5), or a range such as 1 - 10.');
        return;
      }
      store.setField(path, { kind: 'levels', levels, signed: current?.kind === 'levels' ? Boolean(current.signed) : key === 'impact' });
    },
  });
  const input = wrapper.querySelector('input');
  if (store.draftText(path) === undefined) input.value = describe(store.get(path));
  return wrapper;
}
