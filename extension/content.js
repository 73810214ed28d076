// Content script: snapshot the page, apply the core's plan in place, mount the reader view,
// and undo all of it with one restore(). Plain classic script (injected with
// scripting.executeScript({files})); safe to inject twice: the second injection finds
// globalThis.__declutter and does nothing.
//
// Every change to the page goes through hide() (which records the element's `style` attribute
// exactly as it was, including its absence) or mount() (our two host elements, appended to
// <html>), so restore() can give back the same DOM.

(() => {
  // Own properties only, and the API object checked by shape: a page's `<div id="__declutter">`
  // or `<form name="browser">` shows through as a named property of window even in this
  // isolated world (DOM clobbering, tests/hostile/vectors.json "clobber-globals").
  if (Object.hasOwn(globalThis, '__declutter')) return;

  const api = typeof globalThis.browser?.runtime?.sendMessage === 'function' ? globalThis.browser : globalThis.chrome;
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
  };

  // ---------------------------------------------------------------- snapshot

  /** The page as the core must parse it: the doctype matters (quirks mode changes how
   * `<p><table>` parses, hence the element indexes). */
  function snapshot() {
    const dt = document.doctype;
    let doctype = '';
    if (dt) {
      doctype = `<!DOCTYPE ${dt.name}`;
      if (dt.publicId) doctype += ` PUBLIC "${dt.publicId}"`;
      if (dt.systemId) doctype += `${dt.publicId ? '' : ' SYSTEM'} "${dt.systemId}"`;
      doctype += '>';
    }
    return doctype + document.documentElement.outerHTML;
  }

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

  /** Undoes every change: styles back byte for byte, our hosts gone, scroll and focus back. */
  function restore() {
    if (state.onKey) window.removeEventListener('keydown', state.onKey, true);
    for (const host of state.hosts) host.remove();
    for (const [el, prev] of state.styles) {
      // Chromium writes CSSOM changes back to the attribute lazily; removing the attribute
      // alone can leave that pending write behind, and the next serialisation shows style="".
      // Setting the attribute first replaces the pending value, then it can go.
      el.setAttribute('style', prev ?? '');
      if (prev === null) el.removeAttribute('style');
    }
    const saved = state.saved;
    Object.assign(state, {
      mode: null, analysis: null, styles: new Map(), hosts: [], bar: null, reader: null,
      saved: null, onKey: null, cleanNote: '',
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

  const READER_CSS = `
    :host { all: initial; position: fixed; inset: 0; z-index: 2147483647; }
    .page { --bg: #fbfaf7; --fg: #1d1d1b; --muted: #66655f; --link: #1f5f8b; --rule: #e2e0d8;
      position: absolute; inset: 0; overflow: auto; background: var(--bg); color: var(--fg);
      font: 19px/1.6 Charter, "Bitstream Charter", "Sitka Text", Cambria, Georgia, serif; outline: none; }
    @media (prefers-color-scheme: dark) {
      .page { --bg: #1c1c1e; --fg: #e6e4de; --muted: #a09e97; --link: #8cc4ee; --rule: #3a3a3c; }
    }
    .tools { position: sticky; top: 0; display: flex; justify-content: flex-end; gap: 8px;
      padding: 8px 16px; background: var(--bg); border-bottom: 1px solid var(--rule);
      font: 13px/1.3 system-ui, sans-serif; }
    .tools button { font: inherit; padding: 4px 10px; border-radius: 6px; border: 1px solid var(--rule);
      background: transparent; color: var(--fg); cursor: pointer; }
    article { max-width: 38em; margin: 0 auto; padding: 24px 20px 64px; }
    .site { font: 14px/1.4 system-ui, sans-serif; color: var(--muted); margin: 0 0 8px; }
    h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 12px; }
    .meta { font: 14px/1.5 system-ui, sans-serif; color: var(--muted); margin: 0 0 24px; }
    .meta span + span::before { content: " · "; }
    a { color: var(--link); }
    img, video { max-width: 100%; height: auto; }
    figure { margin: 1.2em 0; }
    figcaption { font-size: .8em; color: var(--muted); }
    blockquote { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid var(--rule); color: var(--muted); }
    pre { overflow: auto; font-size: .85em; }
    table { border-collapse: collapse; } td, th { border: 1px solid var(--rule); padding: 4px 8px; }
    .source { margin-top: 40px; padding-top: 12px; border-top: 1px solid var(--rule);
      font: 14px/1.5 system-ui, sans-serif; color: var(--muted); }`;

  // ---------------------------------------------------------------- the bar

  function showBar({ note, reader }) {
    unmount(state.bar);
    const part = mount(BAR_TAG);
    style(part.root, BAR_CSS);
    const bar = document.createElement('div');
    bar.className = 'bar';
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', t('extName'));
    bar.dir = t('@@bidi_dir');
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

  /** Parses HTML into an inert document (no script runs, no image loads). DOMParser is a
   * Trusted Types sink in the main world, but content scripts run in an isolated world, which
   * Chromium does not hold to the page's `require-trusted-types-for` (checked by the strict-CSP
   * e2e test). Should that change, we try a policy, and else report null (callers then skip
   * what they cannot confirm; the reader falls back to a token walker). */
  let policy;
  function parseInert(html) {
    try {
      return new DOMParser().parseFromString(html, 'text/html');
    } catch { /* Trusted Types enforced here */ }
    try {
      policy ??= globalThis.trustedTypes?.createPolicy('declutter', { createHTML: (s) => s });
      if (policy) return new DOMParser().parseFromString(policy.createHTML(html), 'text/html');
    } catch { /* policy name not allowed by the page */ }
    return null;
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
    const doc = parseInert(html);
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

  /** Tags copied into the reader; anything else is unwrapped (its children kept), and DROP
   * is removed with its content. The core already sanitised the HTML: this is a second,
   * independent fence, and it lets us build nodes ourselves instead of using innerHTML. */
  const KEEP_TAGS = new Set(('p h1 h2 h3 h4 h5 h6 a em strong b i u s sub sup small mark q cite abbr time '
    + 'code pre kbd samp var blockquote ul ol li dl dt dd figure figcaption img picture source table '
    + 'thead tbody tfoot tr th td caption col colgroup br hr span div section article header footer '
    + 'main aside details summary del ins bdi bdo wbr ruby rt rp address').split(' '));
  const DROP_TAGS = new Set(('script style iframe object embed form input button textarea select '
    + 'option svg math template noscript link meta base frame frameset canvas audio video dialog').split(' '));
  const KEEP_ATTRS = new Set(['href', 'src', 'srcset', 'alt', 'title', 'width', 'height', 'colspan',
    'rowspan', 'headers', 'scope', 'lang', 'dir', 'datetime', 'start', 'reversed', 'type', 'media', 'sizes']);
  const URL_ATTRS = new Set(['href', 'src']);

  function safeUrl(name, value) {
    try {
      const u = new URL(value, location.href);
      if (u.protocol === 'http:' || u.protocol === 'https:') return u.href;
      if (name === 'href' && u.protocol === 'mailto:') return u.href;
      if (name === 'src' && /^data:image\/(png|gif|jpe?g|webp|avif);/i.test(value)) return value;
    } catch { /* unparsable */ }
    return null;
  }

  /** Makes a page-document element from a (tag, attributes) pair, keeping safe attributes. */
  function makeElement(tag, attrs) {
    const el = document.createElement(tag);
    for (const [name, value] of attrs) {
      if (!KEEP_ATTRS.has(name)) continue;
      if (URL_ATTRS.has(name)) {
        const u = safeUrl(name, value);
        if (u) el.setAttribute(name, u);
      } else if (name === 'srcset') {
        if (!/javascript:/i.test(value)) el.setAttribute(name, value);
      } else {
        el.setAttribute(name, value);
      }
    }
    if (tag === 'a') { el.target = '_blank'; el.rel = 'noopener noreferrer'; }
    if (tag === 'img') { el.loading = 'lazy'; el.decoding = 'async'; }
    return el;
  }

  /** Copies an inert tree into `parent` through the allowlist. */
  function copyInto(parent, node) {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) { parent.append(child.data); continue; }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = tagOf(child);
      if (DROP_TAGS.has(tag)) continue;
      if (!KEEP_TAGS.has(tag)) { copyInto(parent, child); continue; }
      const el = makeElement(tag, [...child.attributes].map((a) => [a.name, a.value]));
      parent.append(el);
      copyInto(el, child);
    }
  }

  // Token walker, used only where no inert parse is allowed. It reads the core's serialised
  // output, which is html5ever's serialiser after ammonia: tags with double-quoted attributes,
  // text escaped as &amp; &lt; &gt; &nbsp; (and &quot; in attributes), no comments, no raw text.
  const VOID = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));
  const ENTITY = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  const decode = (s) => s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      try { return String.fromCodePoint(cp); } catch { return m; }
    }
    return ENTITY[e.toLowerCase()] ?? m;
  });
  function buildFromTokens(parent, html) {
    const stack = [{ el: parent, tag: null, drop: false }];
    const re = /<(\/?)([a-zA-Z][\w-]*)((?:\s+[^\s"'>\/=]+(?:\s*=\s*"[^"]*")?)*)\s*\/?>|([^<]+)|(<)/g;
    const attrRe = /([^\s"'>\/=]+)(?:\s*=\s*"([^"]*)")?/g;
    for (const m of html.matchAll(re)) {
      const top = stack[stack.length - 1];
      if (m[4] !== undefined || m[5] !== undefined) {
        if (!top.drop) top.el.append(decode(m[4] ?? m[5]));
        continue;
      }
      const tag = m[2].toLowerCase();
      if (m[1]) { // end tag: pop to the matching open element
        const i = stack.findLastIndex((f) => f.tag === tag);
        if (i > 0) stack.length = i;
        continue;
      }
      const attrs = [...m[3].matchAll(attrRe)].map((a) => [a[1].toLowerCase(), decode(a[2] ?? '')]);
      const drop = top.drop || DROP_TAGS.has(tag);
      let el = top.el;
      if (!drop && KEEP_TAGS.has(tag)) { el = makeElement(tag, attrs); top.el.append(el); }
      if (!VOID.has(tag)) stack.push({ el, tag, drop });
    }
  }

  /** Fills `parent` with the article body; says which way it was built. */
  function buildContent(parent, html) {
    const doc = parseInert(html);
    if (doc?.body) { copyInto(parent, doc.body); return 'domparser'; }
    buildFromTokens(parent, html);
    return 'tokens';
  }

  function formatDate(iso, lang) {
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    // A date without a time is midnight UTC: format it in UTC or it shows the day before
    // west of Greenwich.
    const opts = { dateStyle: 'long', ...(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? { timeZone: 'UTC' } : {}) };
    try { return new Intl.DateTimeFormat(lang || undefined, opts).format(d); } catch { return iso; }
  }

  function el(tag, props = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'class') e.className = v; else e.setAttribute(k, v);
    }
    e.append(...children.filter((c) => c !== null && c !== undefined && c !== ''));
    return e;
  }

  function showReader() {
    const article = state.analysis?.article;
    if (!article) return { built: null };
    saveView();
    unmount(state.bar);
    state.bar = null;
    // Hide the page under the overlay (find-in-page, screen readers and focus then see only
    // the reader); hide() remembers each style attribute for restore().
    for (const child of document.body?.children ?? []) {
      if (!state.hosts.includes(child)) hide(child);
    }
    const part = mount(READER_TAG);
    style(part.root, READER_CSS);
    const lang = article.lang || document.documentElement.lang || '';
    const host = (() => { try { return new URL(location.href).hostname; } catch { return ''; } })();
    const meta = el('p', { class: 'meta' },
      article.byline ? el('span', { class: 'byline' }, article.byline) : null,
      article.published ? el('span', {}, el('time', { datetime: article.published }, formatDate(article.published, lang))) : null,
      article.reading_minutes ? el('span', { class: 'reading' }, t('readingMinutes', [String(article.reading_minutes)])) : null);
    const content = el('div', { class: 'content' });
    const built = buildContent(content, article.content_html || '');
    const lead = article.lead_image && !article.content_html.includes(article.lead_image)
      ? el('figure', { class: 'lead' }, makeElement('img', [['src', article.lead_image], ['alt', '']]))
      : null;
    const link = el('a', { href: location.href, target: '_blank', rel: 'noopener noreferrer' }, article.site_name || host);
    // The core's direction; when it could not tell the language, the page's own direction.
    const pageRtl = getComputedStyle(document.body ?? document.documentElement).direction === 'rtl';
    const dir = article.dir === 'rtl' || (!article.lang && pageRtl) ? 'rtl' : 'ltr';
    const doc = el('article', { lang, dir },
      el('p', { class: 'site' }, link),
      el('h1', {}, article.title || document.title),
      meta, lead, content,
      el('p', { class: 'source' }, el('a', { href: location.href, target: '_blank', rel: 'noopener noreferrer' }, t('readerOriginal'))));
    const tools = el('div', { class: 'tools', dir: t('@@bidi_dir') },
      button(t('barRestore'), 'restore', () => restore()));
    const page = el('div', { class: 'page', tabindex: '-1', role: 'document' }, tools, doc);
    part.root.append(page);
    state.reader = part;
    state.mode = 'reader';
    listenForEscape();
    page.focus({ preventScroll: true });
    return { built };
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
        const r = showReader();
        return { state: 'reader', ...r, timings: { apply_ms: performance.now() - t0 } };
      }
      // reader -> clean: close the reader, keep what clean hid.
      restore();
    }
    const html = snapshot();
    const t1 = performance.now();
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
    saveView();
    const out = clean(html);
    state.mode = 'clean';
    state.cleanNote = barNote(out);
    let result = { state: 'clean', ...out, article: !!reply.analysis.article };
    if (mode === 'reader' && reply.analysis.article) {
      result = { ...result, state: 'reader', ...showReader() };
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
