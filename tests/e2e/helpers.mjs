// Shared by the e2e tests: the extension under test (built by npm run build), a stub-core copy
// of it, the test pages, and page-side helpers.
//
// Two extensions are tested:
// - dist/extension: the real thing, the Rust core in WASM;
// - dist/extension-stub: the same files except pkg/declutter.js, replaced by a stub whose
//   analyze() returns an analysis the test wrote into the service worker beforehand. It makes
//   the extension's own work (addressing live elements, hiding, reader view, restore, CSP,
//   traps) testable with an exact, known plan, independently of the core's heuristics. The
//   content script and background are the shipped files, unchanged.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launch as launchBrowser, ROOT } from '../../scripts/lib/browser.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const PAGES = path.join(HERE, 'pages');
export const ARTIFACTS = path.join(HERE, 'artifacts');
export const EXT = path.join(ROOT, 'dist', 'extension');
export const EXT_STUB = path.join(ROOT, 'dist', 'extension-stub');
export const STRICT_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
  + "connect-src 'none'; require-trusted-types-for 'script'";

const STUB = `// Test stub of the core's glue (tests/e2e/helpers.mjs): analyze() returns what the test
// stored in globalThis.__stubAnalyses[url]; "trap" throws a WebAssembly.RuntimeError.
export function initSync() { return {}; }
export default async function init() { return {}; }
export function version() { return 'stub'; }
export function __declutterReset() { globalThis.__stubResets = (globalThis.__stubResets ?? 0) + 1; }
export function analyze(html, url) {
  globalThis.__stubCalls = (globalThis.__stubCalls ?? 0) + 1;
  const a = globalThis.__stubAnalyses?.[url];
  if (a === 'trap') throw new WebAssembly.RuntimeError('unreachable');
  if (typeof a === 'string') throw new Error(a);
  return a ?? { article: null, plan: { hide: [], keep: null, element_count: 0 } };
}
`;

export function ensureBuilt() {
  if (!existsSync(path.join(EXT, 'manifest.json'))) throw new Error('dist/extension missing: run npm run build first');
  rmSync(EXT_STUB, { recursive: true, force: true });
  cpSync(EXT, EXT_STUB, { recursive: true });
  writeFileSync(path.join(EXT_STUB, 'pkg', 'declutter.js'), STUB);
  mkdirSync(ARTIFACTS, { recursive: true });
}

// ---- No network of our own -------------------------------------------------------------
//
// Every browser an e2e test launches through launch() records every request it makes: the
// pages' (context 'request' events) and the extension service worker's (Playwright reports
// those too, with request.serviceWorker() set). After each test, and again when the browser
// closes, a test fails if any request was not the page's own:
// - the service worker may only read its own package (chrome-extension://<id>/, the WASM);
//   extension pages (the options page) load their files from it too, which is no network;
//   the worker's Resource Timing entries are checked too, as a second witness;
// - a page's request must be to a URL its own documents reference (what the page would load,
//   lazily or not: the reader view loads the article's images, which the page named), the
//   document itself, or /favicon.ico; everything else (a URL the extension made up, another
//   origin) fails. Requests to other hosts that the page itself references are aborted by
//   the launcher (only loopback is served) and allowed here.
// Tests that expect a particular request (none do) would have to say so explicitly.

/** Browsers launched by this test file and not yet closed. */
const live = new Set();

/** Request URL forms that can appear in a page's HTML. */
function urlForms(u) {
  try {
    const url = new URL(u);
    const tail = url.pathname.split('/').pop();
    const forms = [url.href, url.href.replaceAll('&', '&amp;'), url.pathname + url.search, url.pathname, tail && tail + url.search]
      .filter((f) => f && f !== '/');
    return [...forms, ...forms.map((f) => { try { return decodeURI(f); } catch { return f; } })];
  } catch { return [u]; }
}

function watchNetwork(b) {
  const net = { requests: [], docs: new Map(), pending: [], checked: 0 };
  b.net = net;
  b.ctx.on('request', (r) => {
    let sw = null;
    let page = null;
    try { sw = r.serviceWorker(); } catch { /* not a worker request */ }
    if (!sw) {
      try { page = r.frame().page(); } catch { /* frame gone */ }
    }
    net.requests.push({ url: r.url(), type: r.resourceType(), sw: !!sw, page, nav: (() => { try { return r.isNavigationRequest(); } catch { return false; } })() });
  });
  b.ctx.on('response', (resp) => {
    const r = resp.request();
    if (r.resourceType() !== 'document') return;
    let page = null;
    try { page = r.frame().page(); } catch { return; }
    net.pending.push(resp.text().then((body) => addDoc(net, page, body), () => {}));
  });
  // Pages opened outside Playwright (Target.createTarget) may load before it sees the
  // response: their DOM as first loaded stands in for the served HTML.
  b.ctx.on('page', (page) => {
    net.pending.push(page.waitForLoadState('load').then(() => page.content()).then((html) => addDoc(net, page, html), () => {}));
  });
}

function addDoc(net, page, html) {
  const list = net.docs.get(page) ?? [];
  list.push(html);
  net.docs.set(page, list);
}

/** Requests since the last check that were not the page's own (see above), as messages. */
export async function foreignRequests(b) {
  const net = b.net;
  await Promise.all(net.pending);
  const own = `chrome-extension://${b.extId}/`;
  const bad = [];
  const seen = net.requests.slice(0, net.checked); // earlier requests
  const joined = new Map(); // page -> its documents' HTML (a 30 MB page is joined once)
  const verdicts = new Map(); // page -> (URL -> own?) (a page repeats its images)
  for (const r of net.requests.slice(net.checked)) {
    if (r.sw) {
      if (!r.url.startsWith(own)) bad.push(`service worker requested ${r.url}`);
      continue;
    }
    if (r.url.startsWith('data:') || r.url.startsWith('blob:') || r.url === 'about:blank') continue;
    // The extension's own files (its options page's scripts and styles) come from the package,
    // not the network.
    if (r.url.startsWith(own)) continue;
    if (r.nav || r.type === 'document') continue; // the page (or its frame) being loaded
    if (!joined.has(r.page)) joined.set(r.page, (net.docs.get(r.page) ?? []).join('\n'));
    const html = joined.get(r.page);
    if (!verdicts.has(r.page)) verdicts.set(r.page, new Map());
    const verdict = verdicts.get(r.page);
    if (!verdict.has(r.url)) {
      let favicon = false;
      try { favicon = new URL(r.url).pathname === '/favicon.ico'; } catch { /* not a URL */ }
      const earlier = seen.some((s) => s.page === r.page && s.url === r.url);
      verdict.set(r.url, favicon || earlier || urlForms(r.url).some((f) => html.includes(f)));
    }
    if (!verdict.get(r.url)) bad.push(`${r.type} request the page did not make: ${r.url}`);
  }
  net.checked = net.requests.length;
  const sw = b.ctx.serviceWorkers().find((w) => w.url().includes(b.extId));
  if (sw) {
    // A worker the browser stopped may never answer: give up after a moment.
    const names = await Promise.race([sw.evaluate(() => {
      const n = performance.getEntriesByType('resource').map((e) => e.name);
      performance.clearResourceTimings();
      return n;
    }).catch(() => []), new Promise((r) => setTimeout(() => r([]), 2000))]);
    for (const n of names) if (!n.startsWith(own)) bad.push(`service worker fetched ${n} (resource timing)`);
  }
  return bad;
}

async function assertNoForeignRequests(b) {
  const bad = await foreignRequests(b);
  if (bad.length) throw new Error(`the extension made requests of its own:\n${bad.join('\n')}`);
}

afterEach(async () => {
  for (const b of live) await assertNoForeignRequests(b);
});

/** Launches Chromium with the extension (see scripts/lib/browser.mjs) and records its network;
 * close() fails when a request not the page's own happened since the last check. */
export async function launch(opts = {}) {
  const b = await launchBrowser(opts);
  watchNetwork(b);
  live.add(b);
  const close = b.close;
  b.close = async () => {
    live.delete(b);
    let err = null;
    try { await assertNoForeignRequests(b); } catch (e) { err = e; }
    await close();
    if (err) throw err;
  };
  return b;
}

/** Stores the analysis the stub returns for `url`. */
export async function stubAnalysis(b, url, analysis) {
  const sw = b.ctx.serviceWorkers().find((w) => w.url().includes(b.extId)) ?? b.sw;
  await sw.evaluate(([u, a]) => { (globalThis.__stubAnalyses ??= {})[u] = a; }, [url, analysis]);
}

/** Runs in the page: an analysis as the core would give it, built from selectors on an inert
 * parse of the same snapshot the content script sends (so indexes are the parser's, which is
 * what the core computes, even where the page's scripts rebuilt the live tree). */
export async function planFor(page, { hide, keep, article }) {
  return page.evaluate(({ hide, keep, article }) => {
    const dt = document.doctype ? `<!DOCTYPE ${document.doctype.name}>` : '';
    // The test runs in the page's main world, where a Trusted Types page forbids plain strings.
    const tt = globalThis.trustedTypes && (globalThis.__e2ePolicy ??= trustedTypes.createPolicy('e2e', { createHTML: (s) => s }));
    const src = dt + document.documentElement.outerHTML;
    const doc = new DOMParser().parseFromString(tt ? tt.createHTML(src) : src, 'text/html');
    const all = [...doc.getElementsByTagName('*')];
    const item = (sel, reason) => {
      const el = doc.querySelector(sel);
      if (!el) throw new Error(`no ${sel}`);
      return { index: all.indexOf(el), tag: el.localName, reason };
    };
    const content = doc.querySelector(keep);
    const text = [...content.querySelectorAll('p, h2')].map((p) => p.textContent.trim()).join('\n\n');
    return {
      article: article && {
        title: doc.querySelector('h1').textContent.trim(), authors: ['Claire Martin'], byline: 'Claire Martin',
        published: '2023-01-23T10:30:00+01:00', site_name: 'Le Quotidien Test', lang: 'fr', dir: 'ltr',
        excerpt: null, lead_image: null,
        // What a hostile page could smuggle through a broken sanitiser: the reader's own fence
        // must drop it.
        content_html: `${content.innerHTML}<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">`,
        text, word_count: text.split(/\s+/).length, reading_minutes: 2, confidence: 0.9,
      },
      plan: { hide: hide.map((s) => item(s, 'test')), keep: item(keep, 'article'), element_count: all.length },
    };
  }, { hide, keep, article });
}

/** Every element of the page whose style we set to display:none !important. */
export async function hiddenByUs(page) {
  return page.evaluate(() => [...document.querySelectorAll('*')]
    .filter((el) => el.style.getPropertyValue('display') === 'none' && el.style.getPropertyPriority('display') === 'important')
    .map((el) => `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`));
}

export const outerHTML = (page) => page.evaluate(() => document.documentElement.outerHTML);

/** Opens pages/form.html in a new tab of `b` and fills it halfway as a user would: two text
 * fields, a checkbox, a select, and one click on the page's own counter button. */
export async function openHalfFilledForm(b, server) {
  const page = await b.ctx.newPage();
  await page.goto(server.url('/form.html'));
  await page.fill('#name', 'Amina');
  await page.fill('#msg', 'Bonjour, ceci est un message à moitié écrit');
  await page.check('#agree');
  await page.selectOption('#topic', 'c');
  await page.click('#counter');
  return page;
}

/** The fixture pages (tests/fixtures/NAME/source.html) as routes `/fixtures/NAME/`. */
export function fixtureRoutes(names) {
  const dir = path.join(ROOT, 'tests', 'fixtures');
  return Object.fromEntries(names.map((f) => [`/fixtures/${f}/`, { file: path.join(dir, f, 'source.html'), type: 'text/html; charset=utf-8' }]));
}

/** The e2e's own pages and their scripts, served on loopback (the strict page with its CSP). */
export function pageRoutes() {
  const file = (f, headers) => ({ file: path.join(PAGES, f), headers });
  return {
    '/article.html': file('article.html'),
    '/strict.html': file('strict.html', { 'content-security-policy': STRICT_CSP }),
    '/strict.js': file('strict.js'),
    '/strict.css': file('strict.css'),
    '/rebuilt.html': file('rebuilt.html'),
    '/rebuilt.js': file('rebuilt.js'),
    '/noarticle.html': file('noarticle.html'),
    '/form.html': file('form.html'),
    '/form.js': file('form.js'),
  };
}

// ---- Reader view (tests/e2e/reader.test.mjs, options.test.mjs) ----

/** Runs `fn` (a function, called with `arg`) in the page's main world with `this` bound to the
 * closed shadow root of `hostTag`: CDP's pierce reaches closed roots and resolves the root to
 * an object, so the test can read focus, computed styles and boxes inside it. */
export async function inShadow(page, hostTag, fn, arg) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (n) => {
      if (n.localName === hostTag && n.shadowRoots?.length) return n.shadowRoots[0];
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) { const f = find(c); if (f) return f; }
      return null;
    };
    const shadow = find(root);
    if (!shadow) throw new Error(`no <${hostTag}> shadow root`);
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: shadow.nodeId });
    const r = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId, functionDeclaration: fn.toString(), arguments: [{ value: arg ?? null }],
      returnByValue: true, awaitPromise: true,
    });
    if (r.exceptionDetails) throw new Error(`in shadow: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  } finally { await cdp.detach().catch(() => {}); }
}

/** Evaluates `expression` in the extension's content-script world of `page` (an isolated world
 * the page's scripts and playwright's page.evaluate cannot see), found through CDP's execution
 * contexts: the one whose origin is the extension's. Exists once a click injected the scripts. */
export async function inContentWorld(page, extId, expression) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const ctx = contexts.find((c) => c.origin === `chrome-extension://${extId}` && c.auxData?.type === 'isolated' && c.auxData?.isDefault === false);
    if (!ctx) throw new Error('no content-script world in this page (no click yet?)');
    const r = await cdp.send('Runtime.evaluate', { expression, contextId: ctx.id, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) throw new Error(`in content world: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
    return r.result.value;
  } finally { await cdp.detach().catch(() => {}); }
}

/** Polls `fn` until it returns a truthy value (returned), or throws after `timeout` ms. */
export async function until(fn, { timeout = 5000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** WCAG 2.x contrast ratio of two CSS colours `rgb(r, g, b)` / `rgba(...)` (alpha ignored:
 * callers composite first). */
export function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map((v) => Number(v) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** Lets the extension's own pages (options.html and its scripts) load: launch() aborts every
 * request that is not to loopback, and Playwright's routing sees chrome-extension:// too. */
export async function allowExtensionPages(b) {
  await b.ctx.route((u) => u.protocol === 'chrome-extension:', (route) => route.continue());
}
