// Background (Chrome MV3 service worker / Firefox MV3 event page): hosts the WASM core, routes
// messages, turns clicks, shortcuts and context-menu items into one "run" in the active tab.
// The WASM runs here and not in the content script because Chromium applies the page's CSP to
// WebAssembly compiled in a content script (shared/notes/toolchain.md, "Page CSP vs WASM").

import * as core from './pkg/declutter.js';
import { CS_TO_BG, MODES, MENU, COMMANDS } from './messages.js';
import { CONTENT_BUNDLE } from './parts.js';
import './settings.js'; // defines globalThis.DECLUTTER_SETTINGS

const api = globalThis.browser ?? globalThis.chrome;
const S = globalThis.DECLUTTER_SETTINGS;
const WASM_URL = api.runtime.getURL('pkg/declutter_bg.wasm');
/** Locales we ship (_locales/*). The reader's header speaks the article's language when it is
 * one of them (reading time, word count, link to the original), else the browser's. */
const LOCALES = ['en', 'fr', 'ar'];
/** Messages of the reader's header. */
const HEADER_MESSAGES = ['readingMinutes', 'wordCount', 'readerOriginal'];
const { initSync, analyze, __declutterReset } = core;
/** The core's exports, by format (CS_TO_BG.EXPORT). Looked up on the module namespace so a
 * glue without them (the e2e tests' stub core) still loads. */
const EXPORTS = { markdown: core.export_markdown, html: core.export_html };

// ---- The WASM core: compiled once, instantiated lazily, re-instantiated after a trap ----

/** Compiling the module (a promise, started with the worker and awaited by the first click; kept: re-instantiating
 * after a trap then costs ~1 ms, not a recompile). */
let compiling = null;
/** True once an instance is live; false after a trap until the next call. */
let instantiated = false;
/** The live instance's linear memory (its size is what a leak would grow). */
let memory = null;

/** How this worker started, for `npm run bench:browser` (Chromium stops an idle worker after
 * 30 s, so most real clicks wake it): ms from the worker's start (performance.timeOrigin) to
 * the end of this script's first run, to the module compiled, to the first click or request. */
const boot = { origin: performance.timeOrigin, script_ms: 0, compiled_ms: NaN, event_ms: NaN };

/** No dynamic import() in a service worker: the glue is imported statically, the module is
 * fetched from our own package (no network) and compiled with compileStreaming. */
async function ensureCore() {
  const t0 = performance.now();
  const cold = !instantiated;
  compiling ??= WebAssembly.compileStreaming(fetch(WASM_URL)).then((m) => {
    boot.compiled_ms = performance.now();
    return m;
  });
  const compiled = await compiling;
  if (!instantiated) {
    memory = initSync({ module: compiled })?.memory ?? null;
    instantiated = true;
  }
  return { cold, init_ms: performance.now() - t0 };
}

/** When the first click, shortcut, menu item or request reached this worker (for the bench). */
function noteEvent() {
  if (Number.isNaN(boot.event_ms)) boot.event_ms = performance.now();
}

// Compile as the worker starts: the click that woke it needs the module, and reaches the worker
// 10 to 50 ms after its start (bench:browser). There is no warm-up (rounds of a small page run
// while idle to compile and optimise the core before a click): Chromium keeps the module's
// optimised code in its code cache for the next worker (V8 writes it 2 s after new optimised
// code; a worker lives 30 s after the last click), and in npm run bench:ab the build without a
// warm-up was as fast or faster on the clicks that analyse, the one that wakes the worker and
// the next (README, session 10). Only the first click after an install pays more.
ensureCore().catch(() => {});

/** Runs the core on one page. A trap (RuntimeError: unreachable, out of bounds…) leaves the
 * instance's memory in an unknown state, so we drop the instance and make a fresh one next time;
 * the caller gets a sentence a person can read. A refusal (too large…) is the core's own Error. */
async function analyzePage(html, url) {
  const t0 = performance.now();
  noteEvent();
  const { cold, init_ms } = await ensureCore();
  const t1 = performance.now();
  try {
    const analysis = analyze(html, url, undefined);
    const t2 = performance.now();
    return { ok: true, analysis, timings: { cold, init_ms, analyze_ms: t2 - t1, bg_total_ms: t2 - t0 } };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) {
      __declutterReset();
      instantiated = false;
      console.error('declutter: the core crashed on this page', e);
      return { ok: false, error: api.i18n.getMessage('errorCrashed') || 'Declutter failed on this page (internal error). Please try again.' };
    }
    return { ok: false, error: String(e?.message ?? e) };
  }
}

/** The header's messages in the article's language `lang` (a BCP 47 tag), read from our own
 * _locales (i18n.getMessage only speaks the browser's language); null when we do not ship it. */
const headerCache = new Map();
async function headerLabels(lang) {
  const base = String(lang ?? '').toLowerCase().split(/[-_]/)[0];
  if (!LOCALES.includes(base)) return null;
  if (!headerCache.has(base)) {
    headerCache.set(base, fetch(api.runtime.getURL(`_locales/${base}/messages.json`))
      .then((r) => r.json())
      .then((all) => Object.fromEntries(HEADER_MESSAGES.map((k) => [k, all[k]?.message]).filter(([, v]) => v)))
      .catch(() => null));
  }
  return headerCache.get(base);
}

/** The core's Markdown or standalone HTML of an article the content script shows. */
async function exportArticle(format, article, url) {
  const fn = EXPORTS[format];
  if (!fn || typeof article !== 'object' || article === null) return { ok: false, error: `unknown export ${format}` };
  noteEvent();
  await ensureCore();
  try {
    return { ok: true, text: fn(article, url) };
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) { __declutterReset(); instantiated = false; }
    return { ok: false, error: String(e?.message ?? e) };
  }
}

// ---- One router for every message ----

/** Only our own extension's contexts may talk to us (content scripts we injected included). */
function fromUs(sender) {
  return sender?.id === api.runtime.id;
}

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!fromUs(sender) || typeof msg !== 'object' || msg === null) return false;
  switch (msg.type) {
    case CS_TO_BG.ANALYZE:
      if (typeof msg.html !== 'string' || typeof msg.url !== 'string') return false;
      analyzePage(msg.html, msg.url)
        .then(async (reply) => (reply.ok ? { ...reply, labels: await headerLabels(reply.analysis.article?.lang) } : reply))
        .then(sendResponse, (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }));
      return true; // reply is asynchronous
    case CS_TO_BG.EXPORT:
      if (typeof msg.url !== 'string') return false;
      exportArticle(msg.format, msg.article, msg.url).then(sendResponse, (e) => sendResponse({ ok: false, error: String(e?.message ?? e) }));
      return true;
    default:
      return false;
  }
});

// ---- Running in a tab ----

/** The last run's outcome, kept for `npm run bench:browser` and for debugging from the
 * service-worker console; cheap (timings and counts only, no page content). */
globalThis.declutter = { last: null, runs: 0 };

function isNoAccess(e) {
  return /Cannot access contents/i.test(String(e?.message ?? e));
}

/** What `runScript` answers when the page has no content script of ours (a new document). */
const ABSENT = 'declutter-absent';

/** Runs `mode` in the content script if the page has it; ABSENT if not. Own property only: a
 * page element named `__declutter` shows through as a window property (DOM clobbering). */
async function runScript(target, mode) {
  const [injection] = await api.scripting.executeScript({
    target,
    func: (m, absent) => (Object.hasOwn(globalThis, '__declutter') ? globalThis.__declutter.run(m) : absent),
    args: [mode, ABSENT],
  });
  return injection?.result ?? null;
}

/** Injects the content script and the page CSS (together). Chromium sometimes reports "Cannot
 * access contents of the page" on the first executeScript right after a click even though
 * activeTab was granted (about 1 in 30, toolchain.md): we retry once. */
async function inject(target) {
  const css = api.scripting.insertCSS({ target, files: ['page.css'] });
  try {
    await api.scripting.executeScript({ target, files: [CONTENT_BUNDLE] });
  } catch (e) {
    if (!isNoAccess(e)) throw e;
    await new Promise((r) => setTimeout(r, 50));
    await api.scripting.executeScript({ target, files: [CONTENT_BUNDLE] });
  }
  await css.catch(() => api.scripting.insertCSS({ target, files: ['page.css'] }));
}

/** Runs `mode` in the tab: straight away where our content script is already there, else after
 * injecting it. */
async function runInTab(tabId, mode, clickedAt = performance.now()) {
  const target = { tabId };
  const t0 = performance.now();
  let t1 = t0;
  // Ask the page first: one round trip (about 1 ms) instead of three (inject the files, insert
  // the CSS, run). Remembering which tabs have our script would save that round trip on a new
  // page, but the memory dies with the worker, which Chromium stops after 30 s idle: the click
  // that restores a page after a read, or opens its reader view, would then inject again.
  let result = await runScript(target, mode).catch(() => ABSENT);
  if (result === ABSENT) {
    await inject(target);
    t1 = performance.now();
    result = await runScript(target, mode);
  }
  const t2 = performance.now();
  const last = {
    mode,
    result,
    // done_at: when, on the clock of the benchmark that clicked (a click that woke the worker
    // started before this worker's clock did).
    timings: { inject_ms: t1 - t0, run_ms: t2 - t1, click_to_done_ms: t2 - clickedAt, done_at: performance.timeOrigin + t2 },
  };
  globalThis.declutter.last = last;
  globalThis.declutter.runs += 1;
  return last;
}

// From the service-worker console: `await declutter.runInTab(tabId, 'reader')` (after a click
// has granted activeTab); npm run bench:browser times the reader view this way.
globalThis.declutter.runInTab = runInTab;
// Also from the console (and tests/e2e/faults.test.mjs, which watches for leaks): one analysis
// without a tab, and the size of the core's linear memory in bytes.
globalThis.declutter.analyzePage = analyzePage;
globalThis.declutter.memoryBytes = () => memory?.buffer.byteLength ?? 0;
globalThis.declutter.boot = boot;

function run(tab, mode) {
  runAt(tab, mode, performance.now());
}

function runAt(tab, mode, clickedAt) {
  if (!tab?.id) return;
  noteEvent();
  runInTab(tab.id, mode, clickedAt).catch((e) => {
    globalThis.declutter.last = { mode, error: String(e?.message ?? e) };
    globalThis.declutter.runs += 1;
    console.warn('declutter:', e);
  });
}

/** The toolbar click's action (options page): read once, then followed through onChanged. */
let toolbarAction = Promise.resolve(api.storage.sync.get(S.STORAGE_KEY))
  .then((got) => S.sanitize(got?.[S.STORAGE_KEY]).action, () => S.DEFAULTS.action);
api.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && changes[S.STORAGE_KEY]) toolbarAction = Promise.resolve(S.sanitize(changes[S.STORAGE_KEY].newValue).action);
});

/** Toolbar click: clean in place (again: restore), or open the reader view (again: restore). */
async function onAction(tab) {
  const clickedAt = performance.now();
  noteEvent();
  const action = await toolbarAction;
  runAt(tab, action === 'reader' ? MODES.READER : MODES.TOGGLE, clickedAt);
}

api.action.onClicked.addListener(onAction);

/** Keyboard shortcut: the reader view directly. */
function onCommand(command, tab) {
  if (command === COMMANDS.OPEN_READER) run(tab, MODES.READER);
}

/** Context menu: either action. */
function onMenu(info, tab) {
  if (info.menuItemId === MENU.CLEAN) run(tab, MODES.CLEAN);
  else if (info.menuItemId === MENU.READER) run(tab, MODES.READER);
}

api.commands.onCommand.addListener(onCommand);
api.contextMenus.onClicked.addListener(onMenu);
// The same listeners, for the end-to-end tests (browsers offer no way to press an extension
// shortcut or pick a context-menu item from automation).
globalThis.declutter.onCommand = onCommand;
globalThis.declutter.onMenu = onMenu;

api.runtime.onInstalled.addListener(() => {
  // Promise form: works with both `chrome.*` (MV3) and Firefox's `browser.*`.
  Promise.resolve(api.contextMenus.removeAll()).then(() => {
    api.contextMenus.create({ id: MENU.CLEAN, title: api.i18n.getMessage('menuClean'), contexts: ['page'] });
    api.contextMenus.create({ id: MENU.READER, title: api.i18n.getMessage('menuReader'), contexts: ['page'] });
  });
});

boot.script_ms = performance.now();
