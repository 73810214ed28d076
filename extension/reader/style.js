// Content script (isolated world), injected before content.js: the reader's stylesheet. It is
// text in a script, not a .css file, because it goes into a closed shadow root as a constructed
// stylesheet: insertCSS cannot reach a shadow tree, and a <link> would need the file to be
// web-accessible and obey the page's style-src CSP. Registers itself on __declutterParts.
(() => {
  const parts = globalThis.__declutterParts; // created by settings.js, injected first
  if (parts.style) return;

  /** Colours per theme. Each pair meets WCAG 2.2 AA against `bg` (checked from the rendered
   * colours by tests/e2e/reader.test.mjs): fg, muted, link >= 4.5:1 (text); control (button
   * borders, range tracks) and focus >= 3:1 (non-text, SC 1.4.11). */
  const THEMES = {
    light: { bg: '#fbfaf7', fg: '#1d1d1b', muted: '#5a5953', link: '#1a5a85', control: '#767570', focus: '#1a5a85', mark: '#fde68a', scheme: 'light' },
    sepia: { bg: '#f4ecd8', fg: '#3b2f22', muted: '#5e4a33', link: '#7a3410', control: '#8a7558', focus: '#7a3410', mark: '#f2c879', scheme: 'light' },
    dark: { bg: '#1c1c1e', fg: '#e6e4de', muted: '#b3b1a9', link: '#8cc4ee', control: '#8e8e93', focus: '#8cc4ee', mark: '#5b4a12', scheme: 'dark' },
    contrast: { bg: '#000000', fg: '#ffffff', muted: '#e6e6e6', link: '#ffff00', control: '#ffffff', focus: '#ffff00', mark: '#0050a0', scheme: 'dark' },
  };

  /** System fonts only (nothing downloaded). Arabic-script and Hebrew articles put fonts with
   * those glyphs first: Latin-only faces would otherwise win and the browser's per-glyph
   * fallback mixes faces within a line. */
  const FONTS = {
    serif: 'Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, "DejaVu Serif", serif',
    sans: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif',
    mono: 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
  };
  const ARABIC_FONTS = {
    serif: '"Noto Naskh Arabic", Amiri, "Traditional Arabic", "Geeza Pro", "Times New Roman", "DejaVu Sans", serif',
    sans: '"Noto Sans Arabic", "Segoe UI", "Geeza Pro", Tahoma, "DejaVu Sans", sans-serif',
    mono: '"Noto Kufi Arabic", "Courier New", "DejaVu Sans Mono", monospace',
  };
  const HEBREW_FONTS = {
    serif: '"Noto Serif Hebrew", "Times New Roman", David, "DejaVu Serif", serif',
    sans: '"Noto Sans Hebrew", Arial, "Segoe UI", "DejaVu Sans", sans-serif',
    mono: '"Courier New", "DejaVu Sans Mono", monospace',
  };
  /** Languages written in Arabic script. */
  const ARABIC_SCRIPT = ':is(:lang(ar), :lang(fa), :lang(ur), :lang(ps), :lang(ckb), :lang(ug))';
  const UI_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, "DejaVu Sans", sans-serif';

  const vars = (c) => `--bg: ${c.bg}; --fg: ${c.fg}; --muted: ${c.muted}; --link: ${c.link}; `
    + `--control: ${c.control}; --focus: ${c.focus}; --mark: ${c.mark}; color-scheme: ${c.scheme};`;
  const themeRules = Object.entries(THEMES).map(([name, c]) => `.page[data-theme=${name}] { ${vars(c)} }
    .swatch[data-swatch=${name}] { background: ${c.bg}; color: ${c.fg}; }`).join('\n');
  const fontRules = Object.keys(FONTS).map((f) => `.page[data-font=${f}] article { font-family: ${FONTS[f]}; }
    .page[data-font=${f}] article${ARABIC_SCRIPT} { font-family: ${ARABIC_FONTS[f]}; }
    .page[data-font=${f}] article:lang(he) { font-family: ${HEBREW_FONTS[f]}; }`).join('\n');

  const READER_CSS = `
    :host { all: initial; position: fixed; inset: 0; z-index: 2147483647; }
    ${themeRules}
    .page[data-theme=system] { ${vars(THEMES.light)} }
    @media (prefers-color-scheme: dark) { .page[data-theme=system] { ${vars(THEMES.dark)} } }
    .page { --size: 19px; --lh: 1.6; --width: 36em;
      position: absolute; inset: 0; overflow: auto; background: var(--bg); color: var(--fg);
      font: 16px/1.4 ${UI_FONT}; outline: none; scroll-padding-top: 120px; }
    ${fontRules}

    /* The tools: a sticky bar and its disclosure panels. */
    .bar { position: sticky; top: 0; z-index: 1; background: var(--bg); border-bottom: 1px solid var(--control); }
    .tools { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 8px 16px; font: 14px/1.3 ${UI_FONT}; }
    .tools .spacer { flex: 1; }
    .panel { padding: 4px 16px 12px; font: 14px/1.3 ${UI_FONT}; display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center; }
    .panel[hidden] { display: none; }
    .group { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; border: 0; margin: 0; padding: 0; min-width: 0; }
    .group > .label, legend { color: var(--muted); margin-inline-end: 4px; padding: 0; float: inline-start; }
    button, select { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--control);
      border-radius: 6px; padding: 5px 10px; cursor: pointer; min-height: 32px; }
    button[aria-pressed=true], button[aria-expanded=true] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
    button:disabled { cursor: default; opacity: 1; color: var(--muted); }
    input[type=range] { accent-color: var(--link); width: 120px; margin: 0; }
    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .page:focus-visible { outline: none; }
    .value { min-width: 3.5em; text-align: center; font-variant-numeric: tabular-nums; }
    .status { color: var(--muted); min-height: 1em; }
    /* A theme's button shows the theme: its text on its background ("system": light and dark). */
    .swatch { display: inline-block; min-width: 1.2em; padding: 0 .2em; border-radius: 4px; border: 1px solid var(--control);
      margin-inline-end: 6px; font: 600 12px/1.4 ${UI_FONT}; text-align: center; }
    .swatch[data-swatch=system] { background: linear-gradient(135deg, ${THEMES.light.bg} 50%, ${THEMES.dark.bg} 50%); color: transparent; }

    /* The article. Changes of size, width and line height re-lay out the column in place;
       view.js keeps the paragraph being read where it was, so nothing jumps. */
    article { max-width: var(--width); margin: 0 auto; padding: 24px 20px 64px; font-size: var(--size);
      line-height: var(--lh); overflow-wrap: break-word; }
    article${ARABIC_SCRIPT} { line-height: calc(var(--lh) + var(--lh-boost, .25)); }
    .page[data-align=justify] .content { text-align: justify; hyphens: auto; }
    .head .site { font: 15px/1.4 ${UI_FONT}; margin: 0 0 8px; }
    h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 12px; }
    .meta { font: 15px/1.5 ${UI_FONT}; color: var(--muted); margin: 0 0 24px; }
    .meta span + span::before { content: " · "; }
    a { color: var(--link); text-underline-offset: .15em; }
    img, video, picture { max-width: 100%; height: auto; }
    figure { margin: 1.2em 0; }
    figcaption { font-size: .85em; color: var(--muted); margin-top: .4em; }
    blockquote { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid var(--control); color: var(--muted); }
    /* Wide code and tables scroll inside the column instead of widening the page. */
    pre { overflow-x: auto; max-width: 100%; font-size: .85em; line-height: 1.45; padding: .6em .8em; border: 1px solid var(--control); border-radius: 4px; }
    code, pre, kbd, samp { font-family: ${FONTS.mono}; }
    table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; font-size: .9em; }
    td, th { border: 1px solid var(--control); padding: 4px 8px; }
    .removed { margin-top: 32px; font: 15px/1.5 ${UI_FONT}; color: var(--muted); }
    .removed summary { cursor: pointer; color: var(--fg); }
    .removed ul { padding-inline-start: 1.2em; }
    .removed li { margin: .4em 0; }
    .removed .reason { font-weight: 600; color: var(--fg); }
    .removed .reason::after { content: ":"; }
    .source { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--control); font: 15px/1.5 ${UI_FONT}; }
    .reading { background: var(--mark); border-radius: 2px; }
    ::highlight(declutter-sentence) { background-color: var(--mark); color: var(--fg); }
    @media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; scroll-behavior: auto !important; } }

    /* Print: the article alone, on white, with link targets written out. */
    @media print {
      :host { position: static; }
      .page { position: static; overflow: visible; ${vars(THEMES.light)} background: #fff; color: #000; }
      .bar { display: none; }
      article { max-width: none; padding: 0; }
      .content a[href^="http"]::after, .source a::after { content: " (" attr(href) ")"; font-size: .85em; word-break: break-all; }
      pre, table { overflow: visible; white-space: pre-wrap; }
      ::highlight(declutter-sentence) { background-color: transparent; }
    }`;

  parts.style = Object.freeze({ READER_CSS, THEMES, FONTS });
})();
