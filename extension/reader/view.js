// Content script (isolated world), injected before content.js: builds the reader view inside the
// closed shadow root content.js mounts (tools, header, article) and runs its controls: settings
// (applied at once, kept in storage.sync through prefs.js), read aloud (speech.js), exports
// (export.js) and keyboard shortcuts. Registers itself on globalThis.__declutterParts.
(() => {
  const parts = (globalThis.__declutterParts ??= {});
  if (parts.view) return;
  const api = globalThis.browser ?? globalThis.chrome;
  const S = globalThis.DECLUTTER_SETTINGS;

  /** In-view shortcuts (single keys, no modifier; not while typing in a control). Escape,
   * which leaves the reader, is content.js's (it also closes an open panel first). */
  const SHORTCUTS = {
    t: 'theme-next', T: 'theme-previous', '+': 'larger', '=': 'larger', '-': 'smaller', _: 'smaller', r: 'read',
  };
  /** Labels of the settings' values (message names in _locales). */
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
    return el('p', { class: 'meta' },
      article.byline ? el('span', { class: 'byline' }, article.byline) : null,
      article.published ? el('span', {}, el('time', { datetime: article.published }, formatDate(article.published, lang))) : null,
      article.reading_minutes ? el('span', { class: 'reading-time' }, label('readingMinutes', article.reading_minutes)) : null,
      article.word_count ? el('span', { class: 'words' }, label('wordCount', article.word_count)) : null);
  }

  /**
   * Builds the reader into `root` and returns its controller:
   * `{page, built, escape() -> bool, close()}`. `settings` are the loaded settings; `onClose`
   * leaves the reader view (content.js restores the page).
   */
  function open({ root, article, labels, settings, pageRtl, onClose }) {
    const { prefs, speech, exporter, fence } = parts;
    const lang = article.lang || document.documentElement.lang || '';
    // The core's direction; when it could not tell the language, the page's own direction.
    const dir = article.dir === 'rtl' || (!article.lang && pageRtl) ? 'rtl' : 'ltr';
    const host = (() => { try { return new URL(location.href).hostname; } catch { return ''; } })();
    let current = { ...settings };

    // ---- the article ----
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
      el('p', { class: 'source' }, link(labels?.readerOriginal ?? t('readerOriginal'))));

    // ---- the tools ----
    const panels = {};
    const toggles = {};
    const status = el('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const say = (msg) => { status.textContent = msg; };

    function showPanel(name) {
      for (const [n, p] of Object.entries(panels)) {
        const on = n === name && p.hidden;
        p.hidden = !on;
        toggles[n].setAttribute('aria-expanded', String(on));
      }
    }
    const panelToggle = (name, label) => {
      toggles[name] = button(label, name, () => showPanel(name), { 'aria-expanded': 'false', 'aria-controls': `panel-${name}` });
      return toggles[name];
    };

    const choiceGroup = (key, labelKey) => el('div', { class: 'group', role: 'group', 'aria-label': t(labelKey) },
      el('span', { class: 'label', 'aria-hidden': 'true' }, t(labelKey)),
      ...S.CHOICES[key].map((v) => button(
        key === 'theme' ? [el('span', { class: 'swatch', 'data-swatch': v, 'aria-hidden': 'true' }, 'Aa'), t(LABELS[key][v])] : t(LABELS[key][v]),
        `${key}-${v}`, () => set({ [key]: v }), { 'aria-pressed': 'false', 'data-setting': key, 'data-value': v, 'aria-keyshortcuts': key === 'theme' ? 'T' : null },
      )));

    const sizeValue = el('span', { class: 'value', 'aria-hidden': 'true' });
    const range = (key, labelKey, format) => {
      const list = S.CHOICES[key];
      const input = el('input', { type: 'range', min: '0', max: String(list.length - 1), step: '1', 'data-setting': key, 'aria-label': t(labelKey) });
      input.addEventListener('input', () => set({ [key]: list[Number(input.value)] }));
      input.format = format;
      return el('label', { class: 'group' }, el('span', { class: 'label' }, t(labelKey)), input);
    };
    const appearance = el('div', { class: 'panel', id: 'panel-appearance', role: 'group', 'aria-label': t('appearance'), hidden: true },
      choiceGroup('theme', 'theme'),
      choiceGroup('font', 'font'),
      el('div', { class: 'group', role: 'group', 'aria-label': t('textSize') },
        el('span', { class: 'label', 'aria-hidden': 'true' }, t('textSize')),
        button('A−', 'smaller', () => stepSize(-1), { 'aria-label': t('smaller'), 'aria-keyshortcuts': '-' }),
        sizeValue,
        button('A+', 'larger', () => stepSize(1), { 'aria-label': t('larger'), 'aria-keyshortcuts': 'Plus' })),
      range('lineHeight', 'lineHeight', (v) => formatNumber(v, UI_LANG)),
      range('width', 'width', (v) => `${formatNumber(v, UI_LANG)} em`),
      choiceGroup('align', 'align'));
    panels.appearance = appearance;

    // Read aloud.
    const playBtn = button(t('play'), 'play', () => reader.toggle(), { 'aria-keyshortcuts': 'R' });
    const rateSelect = el('select', { 'data-setting': 'rate', 'aria-label': t('speed') },
      ...S.RATES.map((r) => el('option', { value: String(r) }, `${formatNumber(r, UI_LANG)}×`)));
    rateSelect.addEventListener('change', () => set({ rate: Number(rateSelect.value) }));
    const voiceSelect = el('select', { 'data-setting': 'voice', 'aria-label': t('voice') });
    voiceSelect.addEventListener('change', () => set({ voice: voiceSelect.value }));
    const listen = el('div', { class: 'panel', id: 'panel-listen', role: 'group', 'aria-label': t('listen'), hidden: true },
      button(t('prevSentence'), 'previous', () => reader.previous()),
      playBtn,
      button(t('nextSentence'), 'next', () => reader.next()),
      el('label', { class: 'group' }, el('span', { class: 'label' }, t('speed')), rateSelect),
      el('label', { class: 'group' }, el('span', { class: 'label' }, t('voice')), voiceSelect));
    panels.listen = listen;

    // Export.
    const run = (fn, done) => fn().then(done, () => say(t('exportFailed')));
    const exportPanel = el('div', { class: 'panel', id: 'panel-export', role: 'group', 'aria-label': t('export'), hidden: true },
      button(t('copyMarkdown'), 'copy-markdown', () => run(() => exporter.copy('markdown', article), () => say(t('copied')))),
      button(t('saveMarkdown'), 'save-markdown', () => run(() => exporter.save('markdown', article, root), (f) => say(t('saved', [f])))),
      button(t('saveHtml'), 'save-html', () => run(() => exporter.save('html', article, root), (f) => say(t('saved', [f])))),
      button(t('print'), 'print', () => exporter.print()),
      status);
    panels.export = exportPanel;

    const tools = el('div', { class: 'tools', role: 'group', 'aria-label': t('readerTools') },
      button(t('readerClose'), 'restore', () => onClose(), { 'aria-keyshortcuts': 'Escape' }),
      el('span', { class: 'spacer' }),
      panelToggle('appearance', t('appearance')),
      panelToggle('listen', t('listen')),
      panelToggle('export', t('export')));
    const bar = el('div', { class: 'bar' }, tools, appearance, listen, exportPanel);
    const page = el('div', { class: 'page', tabindex: '-1', role: 'region', 'aria-label': t('barReader'), dir: UI_DIR, lang: UI_LANG }, bar, doc);

    // ---- read aloud ----
    const reader = speech.create({
      scope: doc, scroller: page, lang,
      onState: ({ playing, paused }) => {
        playBtn.textContent = playing && !paused ? t('pause') : t('play');
        playBtn.setAttribute('aria-pressed', String(playing && !paused));
      },
    });
    function fillVoices() {
      const voices = reader.voices();
      voiceSelect.replaceChildren(el('option', { value: '' }, t('voiceDefault')),
        ...voices.map((v) => el('option', { value: v.name }, `${v.name} (${v.lang})`)));
      voiceSelect.value = voices.some((v) => v.name === current.voice) ? current.voice : '';
    }
    fillVoices();
    const synth = globalThis.speechSynthesis;
    synth?.addEventListener?.('voiceschanged', fillVoices);
    if (!reader.available()) {
      for (const c of listen.querySelectorAll('button, select')) c.disabled = true;
      listen.append(el('span', { class: 'status' }, t('noSpeech')));
    }

    // ---- settings ----
    /** Re-lays out the column without moving what is being read: the first block in view
     * keeps its distance from the top of the viewport. */
    function keepPlace(fn) {
      const top = page.getBoundingClientRect().top + bar.offsetHeight;
      const anchor = [...doc.querySelectorAll('h1, h2, h3, p, li, figure, pre, table, blockquote')]
        .find((b) => b.getBoundingClientRect().bottom > top);
      const before = anchor?.getBoundingClientRect().top;
      fn();
      if (anchor && page.scrollTop > 0) page.scrollTop += anchor.getBoundingClientRect().top - before;
    }

    function apply(s) {
      current = s;
      page.dataset.theme = s.theme;
      page.dataset.font = s.font;
      page.dataset.align = s.align;
      page.style.setProperty('--size', `${s.size}px`);
      page.style.setProperty('--lh', String(s.lineHeight));
      page.style.setProperty('--lh-boost', String(S.LINE_HEIGHT_BOOST));
      page.style.setProperty('--width', `${s.width}em`);
      for (const b of bar.querySelectorAll('button[data-setting]')) {
        b.setAttribute('aria-pressed', String(String(s[b.dataset.setting]) === b.dataset.value));
      }
      for (const input of bar.querySelectorAll('input[type=range]')) {
        const key = input.dataset.setting;
        input.value = String(Math.max(0, S.CHOICES[key].indexOf(s[key])));
        input.setAttribute('aria-valuetext', input.format(s[key]));
      }
      sizeValue.textContent = `${formatNumber(s.size, UI_LANG)} px`;
      rateSelect.value = String(s.rate);
      if ([...voiceSelect.options].some((o) => o.value === s.voice)) voiceSelect.value = s.voice;
    }

    function set(changes) {
      const next = prefs.update(changes);
      if ('rate' in changes) reader.setRate(next.rate);
      if ('voice' in changes) reader.setVoice(next.voice);
      keepPlace(() => apply(next));
    }
    const stepSize = (n) => set({ size: S.step(S.SIZES, current.size, n) });
    const stepTheme = (n) => set({ theme: S.THEMES[(S.THEMES.indexOf(current.theme) + n + S.THEMES.length) % S.THEMES.length] });

    apply(current);
    reader.setRate(current.rate);
    reader.setVoice(current.voice);
    const unsubscribe = prefs.subscribe((s) => keepPlace(() => apply(s)));

    // ---- keyboard ----
    page.addEventListener('keydown', (e) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
      const target = e.composedPath()[0];
      if (target?.localName && TYPING.has(target.localName)) return;
      const action = SHORTCUTS[e.key];
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      if (action === 'theme-next') stepTheme(1);
      else if (action === 'theme-previous') stepTheme(-1);
      else if (action === 'larger') stepSize(1);
      else if (action === 'smaller') stepSize(-1);
      else if (action === 'read') reader.toggle();
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
