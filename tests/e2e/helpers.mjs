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

export const launch = (opts = {}) => launchBrowser(opts);

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
