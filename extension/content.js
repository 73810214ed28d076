// Content script: snapshot the page, apply the core's plan in place, mount the reader view,
// and undo all of it with one restore(). Plain classic script (injected with
// scripting.executeScript({files}) after settings.js and reader/*.js, which register the
// reader's parts on globalThis.__declutterParts); safe to inject twice: the second injection
// finds globalThis.__declutter and does nothing.
//
// Every change to the page goes through hide() (which records the element's `style` attribute
// exactly as it was, including its absence), mount() (our two host elements, appended to
// <html>) or enterHistory() (one same-URL history entry, so Back leaves the reader), so
// restore() can give back the same DOM and history.

(() => {
  // Own properties only, and the API object checked by shape: a page's `<div id="__declutter">`
  // or `<form name="browser">` shows through as a named property of window even in this
  // isolated world (DOM clobbering, tests/hostile/vectors.json "clobber-globals").
  if (Object.hasOwn(globalThis, '__declutter')) return;

  const api = typeof globalThis.browser?.runtime?.sendMessage === 'function' ? globalThis.browser : globalThis.chrome;
  const { fence, prefs, snapshot: { snapshot }, style: readerStyle, view } = globalThis.__declutterParts;
  // = CS_TO_BG.ANALYZE in messages.js (a classic script cannot import the module).
  const ANALYZE = 'cs-bg-analyze';
  const BAR_TAG = 'declutter-bar';
  const READER_TAG = 'declutter-reader';
  /** Never hidden, whatever the plan says. */
  const NEVER_HIDE = new Set(['html', 'head', 'body']);
  /** Fingerprint: characters kept from the start and the end of an element's text. */
  const FP_HEAD = 64;
  const FP_TAIL = 32;
  /** The article probe: a piece of the body text the article's root must contain. */
  const PROBE_MIN = 40;

  const t = (key, subs) => api.i18n.getMessage(key, subs) || key;
  const tagOf = (el) => el.localName.toLowerCase();
  const norm = (s) => s.replace(/\s+/g, ' ').trim();

  /** Everything we changed, so that restore() can undo it. */
  const state = {
    mode: null, // null | 'clean' | 'reader'
    analysis: null,
    styles: new Map(), // element -> previous `style` attribute value (null = no attribute)
    hosts: [], // our host elements
    bar: null,
    reader: null,
    saved: null, // {x, y, focus, selection} at the first change
    onKey: null,
    cleanNote: '',
    view: null, // the reader's controller (reader/view.js)
    labels: null, // header messages in the article's language, from the background
    settings: null, // a promise of the reader's settings, read while the core works
    onPop: null, // our popstate listener while our history entry exists
    history: false, // after enterHistory(): {mode: the page's scroll restoration, live: our entry is there}
  };

  // ---------------------------------------------------------------- changes and restore

  function hide(el) {
    if (!state.styles.has(el)) state.styles.set(el, el.getAttribute('style'));
    el.style.setProperty('display', 'none', 'important');
  }

  function saveView() {
    if (state.saved) return;
    const focus = document.activeElement;
    let selection = null;
    try {
      if (focus && typeof focus.selectionStart === 'number') {
        selection = [focus.selectionStart, focus.selectionEnd, focus.selectionDirection];
      }
    } catch { /* inputs without selection (checkbox…) throw */ }
    state.saved = { x: window.scrollX, y: window.scrollY, focus, selection };
  }

  function mount(tag) {
    const host = document.createElement(tag);
    const root = host.attachShadow({ mode: 'closed' });
    document.documentElement.appendChild(host);
    state.hosts.push(host);
    return { host, root };
  }

  function unmount(part) {
    if (!part) return;
    part.host.remove();
    state.hosts = state.hosts.filter((h) => h !== part.host);
  }

  /** The reader gets a history entry of its own (same URL, same state object, so the page's
   * router sees nothing new): the Back button then leaves the reader instead of the page.
   * Scroll restoration is 'manual' meanwhile: the browser would otherwise put back the scroll
   * of the moment we pushed (a cleaned, shorter page) after restore() set the page's own.
   * Chromium runs a window's popstate listeners in the order they were added, so the page's
   * own (added before ours) do see the Back: a popstate to the same URL and state, which
   * routers take for no change; listeners added after ours are stopped. */
  function enterHistory() {
    if (state.history) return;
    const mode = history.scrollRestoration;
    try {
      history.scrollRestoration = 'manual';
      history.pushState(history.state, '');
    } catch { // a state we cannot clone: no Back support, nothing changed
      history.scrollRestoration = mode;
      return;
    }
    state.history = { mode, live: true };
    state.onPop = (e) => {
      e.stopImmediatePropagation();
      state.history.live = false; // Back took our entry away
      restore();
    };
    window.addEventListener('popstate', state.onPop, true);
  }

  /** Leaves our history entry (Back did already, or history.back() now, its popstate
   * swallowed) and gives the page's entry its scroll restoration mode and position back. */
  function leaveHistory(saved) {
    if (state.onPop) window.removeEventListener('popstate', state.onPop, true);
    const h = state.history;
    if (!h) return;
    const done = () => {
      history.scrollRestoration = h.mode;
      if (saved) window.scrollTo({ left: saved.x, top: saved.y, behavior: 'instant' });
    };
    if (!h.live) { done(); return; }
    const swallow = (e) => {
      e.stopImmediatePropagation();
      window.removeEventListener('popstate', swallow, true);
      done();
    };
    window.addEventListener('popstate', swallow, true);
    history.back();
  }

  /** Undoes every change: styles back byte for byte, our hosts gone, scroll and focus back. */
  function restore() {
    if (state.onKey) window.removeEventListener('keydown', state.onKey, true);
    state.view?.close();
    for (const host of state.hosts) host.remove();
    for (const [el, prev] of state.styles) {
      // Chromium writes CSSOM changes back to the attribute lazily; removing the attribute
      // alone can leave that pending write behind, and the next serialisation shows style="".
      // Setting the attribute first replaces the pending value, then it can go.
      el.setAttribute('style', prev ?? '');
      if (prev === null) el.removeAttribute('style');
    }
    const saved = state.saved;
    leaveHistory(saved);
    Object.assign(state, {
      mode: null, analysis: null, styles: new Map(), hosts: [], bar: null, reader: null,
      saved: null, onKey: null, cleanNote: '', view: null, labels: null, settings: null,
      onPop: null, history: false,
    });
    if (saved) {
      window.scrollTo({ left: saved.x, top: saved.y, behavior: 'instant' });
      const f = saved.focus;
      if (f && f !== document.body && f.isConnected && typeof f.focus === 'function') {
        f.focus({ preventScroll: true });
        if (saved.selection) {
          try { f.setSelectionRange(...saved.selection); } catch { /* not a text control any more */ }
        }
      }
    }
  }

  function listenForEscape() {
    if (state.onKey) return;
    state.onKey = (e) => {
      if (e.key !== 'Escape' || !state.mode) return;
      if (state.mode === 'reader') e.stopPropagation();
      if (state.view?.escape()) return; // an open panel closes first
      restore();
    };
    window.addEventListener('keydown', state.onKey, true);
  }

  // ---------------------------------------------------------------- styles (shadow roots)

  /** Constructed stylesheets are not subject to the page's style-src CSP (a <style> element
   * in the shadow root would be), and never leak into the page. Fallback for browsers where
   * adopting from a content script fails: a <style> element. */
  function style(root, css) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch { /* fall through */ }
    const el = document.createElement('style');
    el.textContent = css;
    root.appendChild(el);
  }

  const BAR_CSS = `
    :host { all: initial; position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483647; }
    .bar { display: flex; align-items: center; gap: 8px; padding: 8px 10px; border-radius: 10px;
      font: 13px/1.3 system-ui, sans-serif; color: #1b1b1b; background: #fdfdfb;
      box-shadow: 0 2px 12px rgba(0,0,0,.25); border: 1px solid #d8d8d2; max-width: 420px; }
    .note { margin-inline-end: 4px; }
    button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid #b9b9b0;
      background: #fff; color: inherit; cursor: pointer; }
    button.primary { background: #1f5f8b; border-color: #1f5f8b; color: #fff; }
    button:focus-visible { outline: 2px solid #1f5f8b; outline-offset: 2px; }
    @media (prefers-color-scheme: dark) {
      .bar { color: #eee; background: #26272b; border-color: #44454b; }
      button { background: #33343a; border-color: #55565c; }
    }`;

  // ---------------------------------------------------------------- the bar

  function showBar({ note, reader }) {
    unmount(state.bar);
    const part = mount(BAR_TAG);
    style(part.root, BAR_CSS);
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', t('extName'));
    bar.dir = t('uiDir') === 'rtl' ? 'rtl' : 'ltr'; // the direction of the strings shown (_locales)
    bar.lang = t('uiLang');
    const text = document.createElement('span');
    text.className = 'note';
    text.textContent = note;
    bar.append(text);
    if (reader) bar.append(button(t('barReader'), 'reader', () => showReader(), 'primary'));
    bar.append(button(t('barRestore'), 'restore', () => restore()));
    part.root.append(bar);
    state.bar = part;
  }

  function button(label, action, onClick, cls) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.action = action;
    if (cls) b.className = cls;
    b.addEventListener('click', (e) => { e.stopPropagation(); onClick(); });
    return b;
  }

  // ---------------------------------------------------------------- addressing live elements

  /** A short piece of the article's body text; the article's root in the live page contains it. */
  function articleProbe(article) {
    if (!article?.text) return '';
    for (const para of article.text.split(/\n\s*\n/)) {
      const p = norm(para);
      if (p.length >= PROBE_MIN) return p.slice(0, PROBE_MIN);
    }
    return '';
  }

  let textCache = new WeakMap(); // per run: the page changes between clicks
  function textOf(el) {
    let s = textCache.get(el);
    if (s === undefined) { s = norm(el.textContent); textCache.set(el, s); }
    return s;
  }

  /** Tag, id, class and the start, end and length of the text: what identifies an element
   * between the core's parse and the live page when indexes cannot be trusted. */
  function fingerprint(el) {
    const s = textOf(el);
    return `${tagOf(el)}#${el.id}.${el.getAttribute('class') ?? ''}|${s.length}|${s.slice(0, FP_HEAD)}|${s.slice(-FP_TAIL)}`;
  }

  /** Elements of an inert parse in the order the core counts them. DOMParser parses with
   * scripting off, so <noscript> content becomes elements; the core (and the live page) parse
   * with scripting on, where it is text: skip noscript descendants. */
  function elementsLikeCore(doc) {
    const out = [];
    const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_ELEMENT);
    let el = walker.currentNode;
    while (el) {
      out.push(el);
      if (tagOf(el) === 'noscript') {
        let next = null;
        for (let n = el; n && !next; n = n.parentElement) next = n.nextElementSibling;
        walker.currentNode = next ?? el;
        el = next;
      } else {
        el = walker.nextNode();
      }
    }
    return out;
  }

  /** Returns a function PlanItem -> live element | null, and the strategy used.
   * 1. "index": the live page has exactly the elements the core saw (count, the keep
   *    element's tag and text agree): take getElementsByTagName('*')[index], check the tag.
   * 2. "fingerprint": the page's scripts changed the tree after load (a div inside a p…), so
   *    indexes shifted. Re-parse the snapshot inertly (the twin of the core's tree), take the
   *    twin element, and accept the one live element of that tag with the same fingerprint.
   * 3. "none": nothing can be confirmed; hide nothing. */
  function resolver(plan, html, probe) {
    const live = document.getElementsByTagName('*');
    const byIndex = (item) => {
      const el = live[item.index];
      return el && tagOf(el) === item.tag ? el : null;
    };
    if (live.length === plan.element_count) {
      const keep = plan.keep ? byIndex(plan.keep) : null;
      if (!plan.keep || (keep && (!probe || textOf(keep).includes(probe)))) {
        return { resolve: byIndex, strategy: 'index' };
      }
    }
    const doc = fence.parseInert(html);
    if (!doc) return { resolve: () => null, strategy: 'none' };
    const twins = elementsLikeCore(doc);
    if (twins.length !== plan.element_count) return { resolve: () => null, strategy: 'none' };
    const resolve = (item) => {
      const twin = twins[item.index];
      if (!twin || tagOf(twin) !== item.tag) return null;
      const want = fingerprint(twin);
      let found = null;
      for (const el of document.getElementsByTagName(item.tag)) {
        if (fingerprint(el) !== want) continue;
        if (found) return null; // two candidates: not sure, skip
        found = el;
      }
      return found;
    };
    return { resolve, strategy: 'fingerprint' };
  }

  // ---------------------------------------------------------------- clean mode

  function clean(html) {
    const { article, plan } = state.analysis;
    const out = { hidden: 0, skipped: 0, strategy: 'none' };
    if (!article) {
      out.skipped = plan.hide.length;
      return out;
    }
    textCache = new WeakMap();
    const probe = articleProbe(article);
    const { resolve, strategy } = resolver(plan, html, probe);
    out.strategy = strategy;
    const keep = plan.keep ? resolve(plan.keep) : null;
    // Without the keep element we can still protect the article by its text; without either,
    // nothing is safe to hide.
    const probeFound = probe && textOf(document.body ?? document.documentElement).includes(probe);
    if (!keep && !probeFound) {
      out.strategy = 'none';
      out.skipped = plan.hide.length;
      return out;
    }
    for (const item of plan.hide) {
      const el = resolve(item);
      const guarded = !el || NEVER_HIDE.has(tagOf(el)) || state.hosts.includes(el)
        || (keep && el.contains(keep))
        || (probe && textOf(el).includes(probe));
      if (guarded) { out.skipped++; continue; }
      if (!state.styles.has(el)) out.hidden++;
      hide(el);
    }
    return out;
  }

  // ---------------------------------------------------------------- reader mode

  /** Opens the reader view (reader/view.js builds it). Async: it waits for the settings, read
   * from storage while the core was working, so the first frame has the user's theme. */
  async function showReader() {
    const article = state.analysis?.article;
    if (!article) return { built: null };
    if (state.mode === 'reader') return { built: null };
    state.mode = 'reader';
    saveView();
    unmount(state.bar);
    state.bar = null;
    const settings = await (state.settings ??= prefs.load());
    if (state.mode !== 'reader') return { built: null }; // restored meanwhile
    const pageRtl = getComputedStyle(document.body ?? document.documentElement).direction === 'rtl';
    enterHistory();
    // Hide the page under the overlay (find-in-page, screen readers and focus then see only
    // the reader); hide() remembers each style attribute for restore().
    for (const child of document.body?.children ?? []) {
      if (!state.hosts.includes(child)) hide(child);
    }
    const part = mount(READER_TAG);
    style(part.root, readerStyle.READER_CSS);
    state.reader = part;
    state.view = view.open({ root: part.root, article, labels: state.labels, settings, pageRtl, onClose: () => restore() });
    listenForEscape();
    return { built: state.view.built };
  }

  // ---------------------------------------------------------------- one run

  function barNote(out) {
    if (!state.analysis.article) return t('barNoArticle');
    return out.hidden ? t('barHidden', [String(out.hidden)]) : t('barNothingHidden');
  }

  /** One click. `mode`: 'toggle' (toolbar), 'clean', 'reader'. Resolves to what happened and
   * how long each step took (part of every answer: cheap, and what the benchmark reads). */
  async function run(mode) {
    const t0 = performance.now();
    if (state.mode) {
      if (mode === 'toggle' || mode === state.mode) {
        restore();
        return { state: 'restored', timings: { apply_ms: performance.now() - t0 } };
      }
      if (mode === 'reader') {
        const r = await showReader();
        return { state: 'reader', ...r, timings: { apply_ms: performance.now() - t0 } };
      }
      // reader -> clean: close the reader, keep what clean hid.
      restore();
    }
    const html = snapshot();
    const t1 = performance.now();
    state.settings = prefs.load(); // in parallel with the core
    let reply;
    try {
      reply = await api.runtime.sendMessage({ type: ANALYZE, html, url: location.href });
    } catch (e) {
      reply = { ok: false, error: String(e?.message ?? e) };
    }
    const t2 = performance.now();
    const timings = {
      snapshot_ms: t1 - t0,
      message_ms: (t2 - t1) - (reply?.timings?.bg_total_ms ?? 0),
      init_ms: reply?.timings?.init_ms ?? 0,
      analyze_ms: reply?.timings?.analyze_ms ?? 0,
      cold: reply?.timings?.cold ?? false,
      html_bytes: html.length,
    };
    if (!reply?.ok) {
      saveView();
      state.analysis = { article: null, plan: { hide: [] } };
      state.mode = 'clean';
      showBar({ note: reply?.error || t('errorCrashed'), reader: false });
      listenForEscape();
      timings.apply_ms = performance.now() - t2;
      return { state: 'error', error: reply?.error, timings };
    }
    state.analysis = reply.analysis;
    state.labels = reply.labels ?? null;
    saveView();
    const out = clean(html);
    state.mode = 'clean';
    state.cleanNote = barNote(out);
    let result = { state: 'clean', ...out, article: !!reply.analysis.article };
    if (mode === 'reader' && reply.analysis.article) {
      result = { ...result, state: 'reader', ...(await showReader()) };
    } else {
      showBar({ note: state.cleanNote, reader: !!reply.analysis.article });
      listenForEscape();
    }
    timings.apply_ms = performance.now() - t2;
    timings.total_ms = performance.now() - t0;
    return { ...result, timings };
  }

  globalThis.__declutter = Object.freeze({ run, restore });
})();
