// Content script (isolated world), injected before content.js: the reader's settings, read from
// storage.sync, written back debounced, and followed when another tab or the options page
// changes them. Registers itself on globalThis.__declutterParts.
(() => {
  const parts = globalThis.__declutterParts; // created by settings.js, injected first
  if (parts.prefs) return;
  const api = typeof globalThis.browser?.runtime?.sendMessage === 'function' ? globalThis.browser : globalThis.chrome;
  const S = globalThis.DECLUTTER_SETTINGS;

  let current = { ...S.DEFAULTS };
  let timer = null;
  const listeners = new Set();

  async function load() {
    try {
      const got = await api.storage.sync.get(S.STORAGE_KEY);
      current = S.sanitize(got?.[S.STORAGE_KEY]);
    } catch { /* storage unavailable: defaults */ }
    return { ...current };
  }

  function write() {
    timer = null;
    // Promise form works with chrome.* (MV3) and browser.*.
    Promise.resolve(api.storage.sync.set({ [S.STORAGE_KEY]: current })).catch(() => {});
  }

  /** Changes some settings now (the caller applies them at once); storage follows later. */
  function update(changes) {
    current = S.sanitize({ ...current, ...changes });
    clearTimeout(timer);
    timer = setTimeout(write, S.WRITE_DEBOUNCE_MS);
    return { ...current };
  }

  /** Writes a pending change now (the reader is closing). */
  function flush() {
    if (timer) { clearTimeout(timer); write(); }
  }

  api.storage?.onChanged?.addListener((changes, area) => {
    if (area !== 'sync' || !changes[S.STORAGE_KEY] || timer) return; // our own pending write wins
    current = S.sanitize(changes[S.STORAGE_KEY].newValue);
    for (const fn of listeners) fn({ ...current });
  });

  parts.prefs = Object.freeze({
    load, update, flush,
    get: () => ({ ...current }),
    /** fn(settings) on changes made elsewhere; returns an unsubscribe function. */
    subscribe: (fn) => { listeners.add(fn); return () => listeners.delete(fn); },
  });
})();
