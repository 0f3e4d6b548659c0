// Share links: the whole scenario (backlog and settings) in the URL fragment,
// `#scenario=v1.<data>`. Browsers never send the fragment to a server, so
// the scenario goes only to the people who get the link.
//
// The address bar stays truthful: "Copy share link" writes the fragment into
// it, and the first edit afterwards removes it again, so a reload never
// brings back an older scenario over newer work.

import { plainMessage } from './importer.js';

const FRAGMENT = '#scenario=';

const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);

export function createShare({ store, confirm }, { onError, onLoaded }) {
  const api = store.api;
  let applying = false;

  const hasScenario = () => window.location.hash.startsWith(FRAGMENT);
  const withoutFragment = () => `${window.location.pathname}${window.location.search}`;
  const clearFragment = () => {
    if (hasScenario()) window.history.replaceState(window.history.state, '', withoutFragment());
  };
  // The settings the address bar's link carries. The weight slider writes its
  // value at once and announces it only when it settles, so a link copied in
  // between already has the new weight: that late announcement is no change.
  let linkedSettings = null;
  for (const type of ['edit', 'backlog']) {
    store.on(type, () => { if (!applying) clearFragment(); });
  }
  store.on('options', () => {
    if (!applying && !sameJson(store.options, linkedSettings)) clearFragment();
  });

  /** The link to the current scenario; throws a message when there is none. */
  function link() {
    if (store.problems.length > 0) {
      throw new Error(`Fix the ${store.problems.length === 1 ? 'problem' : `${store.problems.length} problems`} listed above first: a link can only carry a valid backlog.`);
    }
    let fragment;
    try {
      fragment = api.encodeShareLink({ backlog: store.backlog, settings: store.options });
    } catch (error) {
      throw new Error(plainMessage(error));
    }
    return new URL(`${withoutFragment()}#${fragment}`, window.location.href).href;
  }

  /** Put the link in the address bar and on the clipboard. Resolves to { url, copied }. */
  async function copy() {
    const url = link();
    window.history.replaceState(window.history.state, '', url);
    linkedSettings = structuredClone(store.options);
    try {
      await navigator.clipboard.writeText(url);
      return { url, copied: true };
    } catch {
      return { url, copied: false };
    }
  }

  function apply(scenario) {
    applying = true;
    try {
      const options = scenario.settings ? { ...store.defaultOptions(), ...scenario.settings } : undefined;
      store.replace(scenario.backlog, options);
      linkedSettings = structuredClone(store.options);
    } finally {
      applying = false;
    }
    onLoaded(scenario);
  }

  /** Open the scenario in the address bar, if there is one. */
  function openFromLocation() {
    if (!hasScenario()) return;
    let scenario;
    try {
      scenario = api.decodeShareLink(window.location.hash);
    } catch (error) {
      clearFragment();
      onError(`This share link could not be opened. ${plainMessage(error)} Your current backlog was kept.`);
      return;
    }
    let problems;
    try {
      problems = api.validate(scenario.backlog);
    } catch (error) {
      problems = [{ message: plainMessage(error) }];
    }
    if (problems.length > 0) {
      clearFragment();
      onError(`The shared scenario has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} (${problems[0].message}), so it was not opened. Your current backlog was kept.`);
      return;
    }
    // Ask before replacing work of one's own; the example or the same backlog is replaced at once.
    const current = store.backlog;
    if (sameJson(current, scenario.backlog) || sameJson(current, api.exampleBacklog())) {
      apply(scenario);
    } else {
      confirm(`Open the shared scenario (${scenario.backlog.initiatives.length} initiatives)? It replaces your current backlog of ${current.initiatives?.length ?? 0}; export that first if you want to keep it.`,
        () => apply(scenario));
    }
  }

  window.addEventListener('hashchange', openFromLocation);
  return { copy, openFromLocation };
}
