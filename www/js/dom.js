// Building DOM safely. Every piece of user text goes in through textContent
// or setAttribute, never through HTML parsing, so a name such as
// `<img src=x onerror=alert(1)>` is shown as the text it is.

const SVG_NS = 'http://www.w3.org/2000/svg';
// Set as properties, not attributes, so they track what the user sees.
const PROPERTIES = new Set(['value', 'checked', 'selected', 'disabled', 'indeterminate']);

function apply(el, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'style') throw new Error('inline styles are not allowed: use a class');
    if (key === 'class') el.setAttribute('class', value);
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (PROPERTIES.has(key) && !(el instanceof SVGElement)) el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** An HTML element: `h('button', { class: 'primary', onclick }, 'Save')`. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** An SVG element, with the same conventions as `h`. */
export function s(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, props);
  append(el, children);
  return el;
}

/** Replace all children of `el`. */
export function replaceChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let counter = 0;
/** A document-unique id for label/aria wiring. */
export function uid(prefix = 'ts') {
  counter += 1;
  return `${prefix}-${counter}`;
}
