// The reader's settings as data, in one place, for the three contexts that read them: the
// content script (injected before content.js), the options page (a classic <script>) and the
// background (imported for its side effect). A classic script, so it only defines a global;
// injecting it twice keeps the first definition.
// Own properties only: a page's `<div id="DECLUTTER_SETTINGS">` or `<div id="__declutterParts">`
// shows through as a window property, even in a content script's isolated world. The reader's
// parts (reader/*.js, injected after this file) register themselves on __declutterParts.
if (!Object.hasOwn(globalThis, '__declutterParts')) globalThis.__declutterParts = {};
if (!Object.hasOwn(globalThis, 'DECLUTTER_SETTINGS')) globalThis.DECLUTTER_SETTINGS = (() => {
  /** Themes, in the order the theme shortcut cycles through them. 'system' follows
   * prefers-color-scheme (light or dark). Colours live in reader/style.js. */
  const THEMES = ['system', 'light', 'sepia', 'dark', 'contrast'];
  /** Font families: system fonts only, nothing is downloaded. */
  const FONTS = ['serif', 'sans', 'mono'];
  /** Text sizes in CSS px; the size shortcut and buttons step through them. */
  const SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 32, 36];
  /** Line heights (unitless); Arabic script gets LINE_HEIGHT_BOOST more (taller glyphs). */
  const LINE_HEIGHTS = [1.3, 1.45, 1.6, 1.75, 1.9, 2.1];
  const LINE_HEIGHT_BOOST = 0.25;
  /** Column widths in em. */
  const WIDTHS = [28, 32, 36, 40, 46, 54];
  const ALIGNS = ['start', 'justify'];
  /** Read-aloud speeds (speechSynthesis rate). */
  const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2];
  /** What a toolbar click does: clean the page in place, or open the reader view. */
  const ACTIONS = ['clean', 'reader'];

  const DEFAULTS = Object.freeze({
    theme: 'system', font: 'serif', size: 19, lineHeight: 1.6, width: 36, align: 'start',
    rate: 1, voice: '', action: 'clean',
  });
  /** Allowed values per key; anything else from storage falls back to the default. */
  const CHOICES = Object.freeze({
    theme: THEMES, font: FONTS, size: SIZES, lineHeight: LINE_HEIGHTS, width: WIDTHS, align: ALIGNS,
    rate: RATES, action: ACTIONS,
  });

  /** One storage.sync item holds every setting (far under the 8 KB per-item quota). */
  const STORAGE_KEY = 'settings';
  /** Writes wait this long after the last change (storage.sync allows 120 writes a minute;
   * a held-down "+" would otherwise exceed it). */
  const WRITE_DEBOUNCE_MS = 400;

  /** Settings from whatever storage holds: unknown keys dropped, bad values defaulted. */
  function sanitize(stored) {
    const out = { ...DEFAULTS };
    if (stored && typeof stored === 'object') {
      for (const key of Object.keys(DEFAULTS)) {
        const v = stored[key];
        if (key === 'voice') { if (typeof v === 'string') out.voice = v.slice(0, 200); continue; }
        if (CHOICES[key].includes(v)) out[key] = v;
      }
    }
    return out;
  }

  /** The value `steps` places from `value` in `list` (clamped to its ends). */
  function step(list, value, steps) {
    const i = list.indexOf(value);
    const at = i < 0 ? 0 : i;
    return list[Math.max(0, Math.min(list.length - 1, at + steps))];
  }

  return Object.freeze({
    THEMES, FONTS, SIZES, LINE_HEIGHTS, LINE_HEIGHT_BOOST, WIDTHS, ALIGNS, RATES, ACTIONS,
    DEFAULTS, CHOICES, STORAGE_KEY, WRITE_DEBOUNCE_MS, sanitize, step,
  });
})();
