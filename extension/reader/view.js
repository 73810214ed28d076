// Content script (isolated world), injected before content.js: builds the reader view inside the
// closed shadow root content.js mounts (tools, header, article) and runs its controls: settings
// (applied at once, kept in storage.sync through prefs.js), read aloud (speech.js), exports
// (export.js) and keyboard shortcuts. Registers itself on globalThis.__declutterParts.
(() => {
  const parts = globalThis.__declutterParts; // created by settings.js, injected first
  if (parts.view) return;
  const api = typeof globalThis.browser?.runtime?.sendMessage === 'function' ? globalThis.browser : globalThis.chrome;
  const S = globalThis.DECLUTTER_SETTINGS;

  /** In-view shortcuts (single keys, no modifier; not while typing in a control). Escape,
   * which leaves the reader, is content.js's (it also closes an open panel first). */
  const SHORTCUTS = {
    t: 'theme-next', T: 'theme-previous', '+': 'larger', '=': 'larger', '-': 'smaller', _: 'smaller', r: 'read',
  };
  /** Labels of the settings' values (message names in _locales). The settings' own names
   * (theme, font, lineHeight, width, align) and the panels' (appearance, listen, export) are
   * message names too. */
  const LABELS = {
    theme: { system: 'themeSystem', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark', contrast: 'themeContrast' },
    font: { serif: 'fontSerif', sans: 'fontSans', mono: 'fontMono' },
    align: { start: 'alignStart', justify: 'alignJustify' },
  };
  /** Controls that take letters or arrows themselves: shortcuts stay out of their way. */
  const TYPING = new Set(['input', 'select', 'textarea']);

  const t = (key, subs) => api.i18n.getMessage(key, subs) || key;
  // From the messages themselves (uiLang, uiDir), so the UI's direction always matches the
  // language its strings are in.
  const UI_LANG = t('uiLang');
  const UI_DIR = t('uiDir') === 'rtl' ? 'rtl' : 'ltr';

  function el(tag, props = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v; else e.setAttribute(k, v === true ? '' : v);
    }
    e.append(...children.filter((c) => c !== null && c !== undefined && c !== ''));
    return e;
  }

  function button(label, action, onClick, props = {}) {
    // `label`: text, or [nodes…] (a theme's swatch and its name).
    const b = el('button', { type: 'button', 'data-action': action, ...props }, ...[].concat(label));
    b.addEventListener('click', (e) => { e.stopPropagation(); onClick(e); });
    return b;
  }

  function formatDate(iso, lang) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    // A date without a time is midnight UTC: format it in UTC or it shows the day before
    // west of Greenwich.
    const opts = { dateStyle: 'long', ...(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? { timeZone: 'UTC' } : {}) };
    try { return new Intl.DateTimeFormat(lang || undefined, opts).format(d); } catch { return iso; }
  }

  function formatNumber(n, lang) {
    try { return new Intl.NumberFormat(lang || undefined).format(n); } catch { return String(n); }
  }

  /** The article's header line: byline, date, reading time, word count. `labels` are the
   * messages in the article's language (the background reads them from _locales), so the
   * header reads as one language with the article; the UI's language is the fallback. */
  function metaLine(article, lang, labels) {
    const label = (key, n) => (labels?.[key] ?? t(key, ['$1'])).replace('$1', formatNumber(n, lang));
    // Where no person signs, the core names the publication as author: the header already
    // shows it as the site, so the byline would only repeat it.
    const same = (a, b) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
    const byline = article.byline && !(article.site_name && same(article.byline, article.site_name)) ? article.byline : null;
    return el('p', { class: 'meta' },
      byline ? el('span', { class: 'byline' }, byline) : null,
      article.published ? el('span', {}, el('time', { datetime: article.published }, formatDate(article.published, lang))) : null,
      article.reading_minutes ? el('span', { class: 'reading-time' }, label('readingMinutes', article.reading_minutes)) : null,
      article.word_count ? el('span', { class: 'words' }, label('wordCount', article.word_count)) : null);
  }

  /** The article: header (site link, title, metadata line), lead image, body, source link. */
  function articleView(article, labels, pageRtl) {
    const { fence } = parts;
    const lang = article.lang || document.documentElement.lang || '';
    // The core's direction; when it could not tell the language, the page's own direction.
    const dir = article.dir === 'rtl' || (!article.lang && pageRtl) ? 'rtl' : 'ltr';
    const host = (() => { try { return new URL(location.href).hostname; } catch { return ''; } })();
    const content = el('div', { class: 'content' });
    const built = fence.buildContent(content, article.content_html || '');
    const lead = article.lead_image && !(article.content_html || '').includes(article.lead_image)
      ? el('figure', { class: 'lead' }, fence.makeElement('img', [['src', article.lead_image], ['alt', '']]))
      : null;
    // A lead image that cannot load would leave a blank band under the header: drop it.
    lead?.querySelector('img').addEventListener('error', () => lead.remove(), { once: true });
    const link = (text) => el('a', { href: location.href, target: '_blank', rel: 'noopener noreferrer' }, text);
    const doc = el('article', { lang, dir },
      el('header', { class: 'head' },
        el('p', { class: 'site' }, link(article.site_name || host)),
        el('h1', {}, article.title || document.title),
        metaLine(article, lang, labels)),
      lead, content,
      removedList(article.removed),
      el('p', { class: 'source' }, link(labels?.readerOriginal ?? t('readerOriginal'))));
    return { doc, built, lang };
  }

  /** "Show what was removed": the blocks of the article's container the core left out, each
   * with its reason (in the UI's language: the core's reasons are message names, "share bar" ->
   * removed_share_bar; an unknown one shows as the core wrote it) and its text, folded away. */
  function removedList(removed) {
    if (!removed?.length) return null;
    const reason = (r) => api.i18n.getMessage(`removed_${r.replace(/[^a-z]+/g, '_')}`) || r;
    return el('details', { class: 'removed', lang: UI_LANG, dir: UI_DIR },
      el('summary', { 'data-action': 'removed' }, t('removedSummary', [String(removed.length)])),
      el('ul', {}, ...removed.map((r) => el('li', {},
        el('span', { class: 'reason' }, reason(r.reason)), ' ',
        el('span', { class: 'text', lang: '', dir: 'auto' }, r.text)))));
  }

  const panel = (name, ...children) => el('div', { class: 'panel', id: `panel-${name}`, role: 'group', 'aria-label': t(name), hidden: true }, ...children);
  const labelled = (labelKey, control) => el('label', { class: 'group' }, el('span', { class: 'label' }, t(labelKey)), control);

  /** Theme, font, size, line spacing, width, alignment. `set(changes)` applies and saves;
   * view.apply() shows the current values (aria-pressed, range positions, the size). */
  function appearancePanel(set, stepSize) {
    const choiceGroup = (key) => el('div', { class: 'group', role: 'group', 'aria-label': t(key) },
      el('span', { class: 'label', 'aria-hidden': 'true' }, t(key)),
      ...S.CHOICES[key].map((v) => button(
        key === 'theme' ? [el('span', { class: 'swatch', 'data-swatch': v, 'aria-hidden': 'true' }, 'Aa'), t(LABELS[key][v])] : t(LABELS[key][v]),
        `${key}-${v}`, () => set({ [key]: v }), { 'aria-pressed': 'false', 'data-setting': key, 'data-value': v, 'aria-keyshortcuts': key === 'theme' ? 'T' : null },
      )));
    const range = (key, format) => {
      const list = S.CHOICES[key];
      const input = el('input', { type: 'range', min: '0', max: String(list.length - 1), step: '1', 'data-setting': key, 'aria-label': t(key) });
      input.addEventListener('input', () => set({ [key]: list[Number(input.value)] }));
      input.format = format;
      return labelled(key, input);
    };
    return panel('appearance',
      choiceGroup('theme'),
      choiceGroup('font'),
      el('div', { class: 'group', role: 'group', 'aria-label': t('textSize') },
        el('span', { class: 'label', 'aria-hidden': 'true' }, t('textSize')),
        button('A−', 'smaller', () => stepSize(-1), { 'aria-label': t('smaller'), 'aria-keyshortcuts': '-' }),
        el('span', { class: 'value', 'data-value-of': 'size', 'aria-hidden': 'true' }),
        button('A+', 'larger', () => stepSize(1), { 'aria-label': t('larger'), 'aria-keyshortcuts': 'Plus' })),
      range('lineHeight', (v) => formatNumber(v, UI_LANG)),
      range('width', (v) => `${formatNumber(v, UI_LANG)} em`),
      choiceGroup('align'));
  }

  /** Read aloud: previous, play/pause, next, speed, voice; `reader()` is speech.js's controller. */
  function listenPanel(reader, set) {
    const rate = el('select', { 'data-setting': 'rate', 'aria-label': t('speed') },
      ...S.RATES.map((r) => el('option', { value: String(r) }, `${formatNumber(r, UI_LANG)}×`)));
    rate.addEventListener('change', () => set({ rate: Number(rate.value) }));
    const voice = el('select', { 'data-setting': 'voice', 'aria-label': t('voice') });
    voice.addEventListener('change', () => set({ voice: voice.value }));
    return panel('listen',
      button(t('prevSentence'), 'previous', () => reader().previous()),
      button(t('play'), 'play', () => reader().toggle(), { 'aria-keyshortcuts': 'R' }),
      button(t('nextSentence'), 'next', () => reader().next()),
      labelled('speed', rate),
      labelled('voice', voice));
  }

  /** Copy / save Markdown, save HTML (the core writes both), print; a status line says how it went. */
  function exportPanel(article, root) {
    const { exporter } = parts;
    const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const say = (msg) => { status.textContent = msg; };
    const run = (fn, done) => fn().then(done, () => say(t('exportFailed')));
    return panel('export',
      button(t('copyMarkdown'), 'copy-markdown', () => run(() => exporter.copy('markdown', article), () => say(t('copied')))),
      button(t('saveMarkdown'), 'save-markdown', () => run(() => exporter.save('markdown', article, root), (f) => say(t('saved', [f])))),
      button(t('saveHtml'), 'save-html', () => run(() => exporter.save('html', article, root), (f) => say(t('saved', [f])))),
      button(t('print'), 'print', () => exporter.print()),
      status);
  }

  /** Re-lays out the column without moving what is being read: the first block in view keeps
   * its distance from the top of the viewport. */
  function keepPlace(page, bar, doc, fn) {
    const top = page.getBoundingClientRect().top + bar.offsetHeight;
    const anchor = [...doc.querySelectorAll('h1, h2, h3, p, li, figure, pre, table, blockquote')]
      .find((b) => b.getBoundingClientRect().bottom > top);
    const before = anchor?.getBoundingClientRect().top;
    fn();
    if (anchor && page.scrollTop > 0) page.scrollTop += anchor.getBoundingClientRect().top - before;
  }

  /** Shows settings `s`: the page's data attributes and custom properties, and the controls. */
  function apply(page, s) {
    page.dataset.theme = s.theme;
    page.dataset.font = s.font;
    page.dataset.align = s.align;
    page.style.setProperty('--size', `${s.size}px`);
    page.style.setProperty('--lh', String(s.lineHeight));
    page.style.setProperty('--lh-boost', String(S.LINE_HEIGHT_BOOST));
    page.style.setProperty('--width', `${s.width}em`);
    for (const b of page.querySelectorAll('button[data-setting]')) {
      b.setAttribute('aria-pressed', String(String(s[b.dataset.setting]) === b.dataset.value));
    }
    for (const input of page.querySelectorAll('input[type=range]')) {
      const key = input.dataset.setting;
      input.value = String(Math.max(0, S.CHOICES[key].indexOf(s[key])));
      input.setAttribute('aria-valuetext', input.format(s[key]));
    }
    page.querySelector('[data-value-of=size]').textContent = `${formatNumber(s.size, UI_LANG)} px`;
    page.querySelector('select[data-setting=rate]').value = String(s.rate);
    const voice = page.querySelector('select[data-setting=voice]');
    if ([...voice.options].some((o) => o.value === s.voice)) voice.value = s.voice;
  }

  /**
   * Builds the reader into `root` and returns its controller:
   * `{page, built, escape() -> bool, close()}`. `settings` are the loaded settings; `onClose`
   * leaves the reader view (content.js restores the page).
   */
  function open({ root, article, labels, settings, pageRtl, onClose }) {
    const { prefs, speech } = parts;
    let current = { ...settings };
    const { doc, built, lang } = articleView(article, labels, pageRtl);

    // ---- the tools: a bar of toggles, one disclosure panel open at a time ----
    let reader = null;
    const set = (changes) => {
      current = prefs.update(changes);
      if ('rate' in changes) reader.setRate(current.rate);
      if ('voice' in changes) reader.setVoice(current.voice);
      keepPlace(page, bar, doc, () => apply(page, current));
    };
    const stepSize = (n) => set({ size: S.step(S.SIZES, current.size, n) });
    const stepTheme = (n) => set({ theme: S.THEMES[(S.THEMES.indexOf(current.theme) + n + S.THEMES.length) % S.THEMES.length] });
    const panels = { appearance: appearancePanel(set, stepSize), listen: listenPanel(() => reader, set), export: exportPanel(article, root) };
    const toggles = {};
    const showPanel = (name) => {
      for (const [n, p] of Object.entries(panels)) {
        const on = n === name && p.hidden;
        p.hidden = !on;
        toggles[n].setAttribute('aria-expanded', String(on));
      }
    };
    for (const name of Object.keys(panels)) {
      toggles[name] = button(t(name), name, () => showPanel(name), { 'aria-expanded': 'false', 'aria-controls': `panel-${name}` });
    }
    const tools = el('div', { class: 'tools', role: 'group', 'aria-label': t('readerTools') },
      button(t('readerClose'), 'restore', () => onClose(), { 'aria-keyshortcuts': 'Escape' }),
      el('span', { class: 'spacer' }),
      ...Object.values(toggles));
    const bar = el('div', { class: 'bar' }, tools, ...Object.values(panels));
    const page = el('div', { class: 'page', tabindex: '-1', role: 'region', 'aria-label': t('barReader'), dir: UI_DIR, lang: UI_LANG }, bar, doc);

    // ---- read aloud ----
    const playBtn = panels.listen.querySelector('[data-action=play]');
    reader = speech.create({
      scope: doc, scroller: page, lang,
      onState: ({ playing, paused }) => {
        playBtn.textContent = playing && !paused ? t('pause') : t('play');
        playBtn.setAttribute('aria-pressed', String(playing && !paused));
      },
    });
    const voiceSelect = panels.listen.querySelector('select[data-setting=voice]');
    const fillVoices = () => {
      const voices = reader.voices();
      voiceSelect.replaceChildren(el('option', { value: '' }, t('voiceDefault')),
        ...voices.map((v) => el('option', { value: v.name }, `${v.name} (${v.lang})`)));
      voiceSelect.value = voices.some((v) => v.name === current.voice) ? current.voice : '';
    };
    fillVoices();
    const synth = globalThis.speechSynthesis;
    synth?.addEventListener?.('voiceschanged', fillVoices);
    if (!reader.available()) {
      for (const c of panels.listen.querySelectorAll('button, select')) c.disabled = true;
      panels.listen.append(el('span', { class: 'status' }, t('noSpeech')));
    }

    apply(page, current);
    reader.setRate(current.rate);
    reader.setVoice(current.voice);
    const unsubscribe = prefs.subscribe((s) => { current = s; keepPlace(page, bar, doc, () => apply(page, s)); });

    // ---- keyboard ----
    const ACTIONS = {
      'theme-next': () => stepTheme(1), 'theme-previous': () => stepTheme(-1),
      larger: () => stepSize(1), smaller: () => stepSize(-1), read: () => reader.toggle(),
    };
    page.addEventListener('keydown', (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
      const target = e.composedPath()[0];
      if (target?.localName && TYPING.has(target.localName)) return;
      const action = ACTIONS[SHORTCUTS[e.key]];
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      action();
    });

    root.append(page);
    page.focus({ preventScroll: true });

    return {
      page,
      built,
      /** Escape: closes an open panel (and returns true), else leaves it to the caller. */
      escape() {
        const open = Object.entries(panels).find(([, p]) => !p.hidden);
        if (!open) return false;
        showPanel(null);
        toggles[open[0]].focus();
        return true;
      },
      close() {
        reader.stop();
        synth?.removeEventListener?.('voiceschanged', fillVoices);
        unsubscribe();
        prefs.flush();
      },
    };
  }

  parts.view = Object.freeze({ open, formatDate });
})();
