// The browser benchmarks' pages and what they time in them: the fixtures and a fixed sample of
// the shared dev corpora (every EVERY-th page of readability + trafilatura-dev in sorted order),
// served on 127.0.0.1, and Readability.js run in a page as Firefox runs it.
// Used by scripts/bench-browser.mjs and scripts/bench-floor.mjs, so both time the same pages.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './browser.mjs';
import { serve } from './server.mjs';

const require = createRequire(import.meta.url);
const READABILITY_JS = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
export const READABILITY_VERSION = JSON.parse(readFileSync(require.resolve('@mozilla/readability/package.json'), 'utf8')).version;

/** The pages: [{set: 'fixtures' | 'corpus sample', name, file}], fixtures first. */
export function benchPages({ every = 6, corpus = true } = {}) {
  const pages = [];
  const fix = path.join(ROOT, 'tests', 'fixtures');
  for (const n of existsSync(fix) ? readdirSync(fix).sort() : []) {
    const file = path.join(fix, n, 'source.html');
    if (existsSync(file)) pages.push({ set: 'fixtures', name: n, file });
  }
  if (!corpus) return pages;
  const shared = process.env.SHARED_CORPUS ?? path.join(ROOT, '..', 'shared', 'corpus');
  const all = [];
  const rd = path.join(shared, 'readability');
  if (existsSync(rd)) {
    for (const c of readdirSync(rd).sort()) if (existsSync(path.join(rd, c, 'source.html'))) all.push({ name: `readability/${c}`, file: path.join(rd, c, 'source.html') });
  }
  const td = path.join(shared, 'trafilatura-dev');
  if (existsSync(path.join(td, 'evaldata.json'))) {
    const data = JSON.parse(readFileSync(path.join(td, 'evaldata.json'), 'utf8'));
    for (const key of Object.keys(data).sort()) {
      const f = data[key]?.file;
      const file = f && ['cache', 'eval'].map((d) => path.join(td, d, f)).find((p) => existsSync(p));
      if (file) all.push({ name: `trafilatura-dev/${f}`, file });
    }
  }
  all.forEach((p, i) => { if (i % every === 0) pages.push({ set: 'corpus sample', ...p }); });
  return pages;
}

/** Serves `pages` (each gets `route` and `bytes`) as a browser would get them: declared UTF-8
 * when the bytes are UTF-8, else left to the page's <meta charset> (windows-1252 by default), as
 * the core's own decoder does. Returns the server. */
export async function servePages(pages) {
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const routes = {};
  pages.forEach((p, i) => {
    p.route = `/p${i}/`;
    const bytes = readFileSync(p.file);
    let type = 'text/html; charset=utf-8';
    try { utf8.decode(bytes); } catch { type = 'text/html'; }
    routes[p.route] = { body: bytes, type };
    p.bytes = bytes.length;
  });
  return serve(routes);
}

/** A new tab on page `p`, loaded (DOMContentLoaded and 150 ms). */
export async function openPage(b, server, p) {
  const page = await b.ctx.newPage();
  await page.goto(server.url(p.route), { waitUntil: 'domcontentloaded', timeout: 20000 });
  await page.waitForTimeout(150);
  return page;
}

/** Readability.js in the page, `runs` times, each run timed in the page:
 * `new Readability(document.cloneNode(true)).parse()`. Returns {ms: [...], chars}. */
export async function readability(page, runs) {
  return page.evaluate(`(() => {
    ${READABILITY_JS}
    const ms = [];
    let chars = 0;
    for (let i = 0; i < ${runs}; i++) {
      const t0 = performance.now();
      const a = new Readability(document.cloneNode(true)).parse();
      ms.push(performance.now() - t0);
      chars = a?.textContent?.length ?? 0;
    }
    return { ms, chars };
  })()`);
}
