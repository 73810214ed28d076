// Every message the extension's contexts exchange, by direction (STYLE.md §5 and §11).
// Values carry their direction as a prefix so a log line says who sent it.
// This file is an ES module for background.js; the content scripts are classic scripts injected
// with `scripting.executeScript({files})`, which cannot import, so they repeat the values they
// send (content.js: ANALYZE, reader/export.js: EXPORT) and say so next to them.

/**
 * Content script → background.
 * - ANALYZE: `{type, html: string, url: string}` → `{ok: true, analysis, timings, labels} | {ok: false, error: string}`
 *   where `analysis` is the core's `{article, plan}`,
 *   `timings = {init_ms, analyze_ms, bg_total_ms, cold: boolean}` and `labels` the reader
 *   header's messages in the article's language (`{readingMinutes, wordCount, readerOriginal}`,
 *   or null when we do not ship that language).
 * - EXPORT: `{type, format: 'markdown' | 'html', article, url: string}` → `{ok: true, text} | {ok: false, error}`:
 *   the core's Markdown or standalone HTML document of `article` (as ANALYZE returned it).
 */
export const CS_TO_BG = Object.freeze({
  ANALYZE: 'cs-bg-analyze',
  EXPORT: 'cs-bg-export',
});

/**
 * Background → content script. Sent as the function run by `scripting.executeScript`
 * (its return value is the reply), not through `runtime.sendMessage`:
 * - RUN: `globalThis.__declutter.run(mode)` with `mode` one of MODES; resolves to
 *   `{state, hidden, skipped, strategy, error?, timings}`.
 */
export const BG_TO_CS = Object.freeze({
  RUN: 'bg-cs-run',
});

/** What a click asks the content script to do. */
export const MODES = Object.freeze({
  /** Toolbar button / Alt+Shift+D: clean the page, or restore it when already changed. */
  TOGGLE: 'toggle',
  /** Context menu "Declutter this page". */
  CLEAN: 'clean',
  /** Alt+Shift+R / context menu "Open in reader view" (a second time restores). */
  READER: 'reader',
});

/** Context-menu item ids. */
export const MENU = Object.freeze({
  CLEAN: 'declutter-clean',
  READER: 'declutter-reader',
});

/** Keyboard command names (manifest `commands`). */
export const COMMANDS = Object.freeze({
  OPEN_READER: 'open-reader',
});

/** Extension pages (options) → background. None: the options page writes storage.sync, which
 * the background and open reader views follow through storage.onChanged. */
export const UI_TO_BG = Object.freeze({});
