// Content script (isolated world), injected before content.js: the page as the core reads it.
// Registers itself on globalThis.__declutterParts.snapshot.
//
// The page travels to the background as a string, and extension messaging copies it as JSON:
// about 2 ms per 100 KB, 24 ms for 1 MB (npm run bench:browser's "messaging"). The core reads
// neither script code nor style sheets nor comment text (crates/page/src/prescan.rs skips them before
// parsing), and on heavy news pages they are most of the bytes. So the snapshot leaves their
// bodies out here, before the copy: the elements stay, in the same order, so the analysis and
// the cleaning plan's element indices are those of the whole page (tests/e2e/snapshot.test.mjs
// compares the core's answers for both strings on every fixture page).
(() => {
  const parts = globalThis.__declutterParts; // created by settings.js, injected first
  if (parts.snapshot) return;

  /**
   * One token of serialised HTML, left to right, each alternative a whole construct so that a
   * tag written inside another one's text is never taken for a tag:
   * 1. a comment (its body goes: `<!---->` is an empty comment);
   * 2. a script or style element: group 1 the name, 2 the attributes, 3 the body;
   * 3. the other raw-text elements, whose text may hold `<script` or `<!--` and is kept as is.
   * A name must end there (`<script-player>` is a custom element, not a script). The serialiser
   * writes these names in lower case and always closes the elements. After `<plaintext>`
   * everything is text, so a page with one is sent whole.
   */
  const TOKEN = /<!--[\s\S]*?-->|<(script|style)(?=[\s/>])([^>]*)>([\s\S]*?)<\/\1>|<(noscript|xmp|iframe|noembed|noframes)(?=[\s/>])[^>]*>[\s\S]*?<\/\4>/g;
  /** A script the core reads (JSON-LD and other JSON), as crates/page/src/prescan.rs keeps them. */
  const JSON_TYPE = /\stype="[^"]*json/i;

  /** Whether this browser's serialiser escapes `<` and `>` in attribute values (Chromium 138+,
   * Firefox 140+). Without it an attribute could hold `<script` or `>` and the token pattern
   * could start or end inside it, so the page is then sent whole. */
  let attributesEscaped;
  function escapesAttributes() {
    if (attributesEscaped === undefined) {
      const probe = document.createElement('b');
      probe.setAttribute('title', '<>');
      attributesEscaped = probe.outerHTML.includes('&lt;&gt;');
    }
    return attributesEscaped;
  }

  /** `html` (serialised by the browser, attributes escaped) without script, style and comment
   * bodies. */
  function withoutBodies(html) {
    if (/<plaintext[\s/>]/.test(html)) return html;
    return html.replace(TOKEN, (token, name, attrs, body) => {
      if (token.startsWith('<!--')) return '<!---->';
      if (!name || !body) return token;
      if (name === 'script' && JSON_TYPE.test(attrs)) return token;
      return `<${name}${attrs}></${name}>`;
    });
  }

  /** The whole page as HTML: the doctype (it matters: quirks mode changes how `<p><table>`
   * parses, hence the element indexes), then the document. */
  function whole() {
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

  /** The page's HTML for the core: the whole page, without the bodies above where the
   * serialiser allows it. */
  function snapshot() {
    return escapesAttributes() ? withoutBodies(whole()) : whole();
  }

  parts.snapshot = Object.freeze({ snapshot, whole, withoutBodies });
})();
