// Content script (isolated world), injected before content.js: the reader's fence. Article HTML
// becomes nodes of our own through an allowlist (never innerHTML), from an inert parse or, where
// none is allowed, a token walker. Registers itself on globalThis.__declutterParts.
(() => {
  const parts = globalThis.__declutterParts; // created by settings.js, injected first
  if (parts.fence) return;
  const tagOf = (el) => el.localName.toLowerCase();

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

  /** Embeds the core kept (video players from known hosts) would run the host's scripts in
   * the reader: each becomes a link to the player instead. */
  const EMBED_TAGS = new Set(['iframe', 'video']);
  function embedLink(src) {
    const href = src && safeUrl('href', src);
    if (!href || !/^https?:/.test(href)) return null;
    const u = new URL(href);
    const a = makeElement('a', [['href', href]]);
    a.textContent = `▶ ${u.hostname}${u.pathname}`;
    const p = document.createElement('p');
    p.className = 'embed';
    p.append(a);
    return p;
  }

  /** Copies an inert tree into `parent` through the allowlist. */
  function copyInto(parent, node) {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) { parent.append(child.data); continue; }
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      const tag = tagOf(child);
      if (EMBED_TAGS.has(tag)) { const link = embedLink(child.getAttribute('src')); if (link) parent.append(link); continue; }
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

  parts.fence = Object.freeze({ parseInert, buildContent, makeElement });
})();
