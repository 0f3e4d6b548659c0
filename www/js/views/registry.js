// The list of tabs. A view module calls `registerView` when it is imported;
// views/index.js imports them all, in tab order.

const views = [];

/**
 * Register a tab.
 * @param {object} view
 * @param {string} view.id      stable id, used in element ids and `data-view`
 * @param {string} view.label   the tab's text
 * @param {(context: object) => { element: HTMLElement, shown?: () => void, reveal?: (path: string) => boolean }} view.create
 *   builds the view once; `context` is `{ store, showView(id), reveal(path), confirm(text) }`.
 *   `shown` runs whenever the tab is opened; `reveal` focuses the field for a
 *   problem's path and returns true if this view owns it.
 */
export function registerView(view) {
  if (!view?.id || !view.label || typeof view.create !== 'function') {
    throw new Error('registerView needs { id, label, create }');
  }
  if (views.some((v) => v.id === view.id)) throw new Error(`view "${view.id}" is registered twice`);
  views.push(view);
}

export function registeredViews() {
  return [...views];
}
