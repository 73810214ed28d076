// The hostile corpus (tests/hostile/vectors.json, the same pages as tests/hostile.rs) through
// the real reader view: the built extension with the real core, real toolbar clicks. Each page
// loads a trap first (tests/hostile/trap.js): every vector calls __pwn(n), alert() or sets
// __pwned if it ever runs. Many vectors do run in the page itself as it loads (it is the page's
// own markup); the test sets window.__phase = 'reader' just before the click, then opens the
// reader view and keeps it open a moment: nothing may fire in that phase (no trap call, no
// dialog, no CSP violation, no request to /trap/), the reader's markup holds nothing active,
// and Restore gives the page back unchanged. One more page carries every body vector at once
// under a CSP (script-src 'self'), where an attempt to run inline code shows up as a
// `securitypolicyviolation` event even though the CSP blocks it.
//
// Also here: the central network check of helpers.mjs, shown to fail on requests the
// extension would make.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, clickAction, clickShadow, shadowHTML, worker } from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/server.mjs';
import { EXT, ensureBuilt, foreignRequests, launch, outerHTML } from './helpers.mjs';

const HOSTILE = path.join(ROOT, 'tests', 'hostile');
const VECTORS = JSON.parse(readFileSync(path.join(HOSTILE, 'vectors.json'), 'utf8'));
const TEMPLATE = readFileSync(path.join(HOSTILE, 'page.html'), 'utf8');
const CSP = "script-src 'self'; object-src 'none'";

/** Vector number `n`'s page: the same as `page()` in tests/hostile.rs. */
function pageFor(v, n) {
  const payload = (s) => s.replaceAll('$ID', String(n));
  // As sites embed JSON-LD: `<` escaped, so a string holding "</script>" stays inside the block.
  const ld = (obj) => payload(JSON.stringify(obj)).replaceAll('<', '\\u003c');
  const defaultLd = { '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Council votes on the new river bridge',
    author: { '@type': 'Person', name: 'Jane Doe' }, datePublished: '2024-03-05T09:00:00Z' };
  const slot = (place) => (v.where === place ? payload(v.html) : '');
  const json = v.where === 'jsonld' ? ld({ ...v.html, '@context': 'https://schema.org' })
    : v.where === 'jsonld-raw' ? payload(v.html) : ld(defaultLd);
  const fill = { TITLE: v.where === 'title' ? slot('title') : 'Council votes on the new river bridge - The Daily Bridge',
    JSONLD: json, HEAD: slot('head'), BYLINE: v.where === 'byline' ? slot('byline') : 'By Jane Doe', BODY: slot('body'), END: slot('end') };
  return TEMPLATE.replace(/\{\{(\w+)\}\}/g, (_, k) => fill[k]);
}

/** The reader's article as the browser built it: every element under <article> in our closed
 * shadow root, through CDP (pierce reaches closed roots), as {name, attrs: [[name, value]]}. */
async function readerElements(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const find = (n, pred) => {
      if (pred(n)) return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) { const f = find(c, pred); if (f) return f; }
      return null;
    };
    const host = find(root, (n) => n.localName === 'declutter-reader' && n.shadowRoots?.length);
    const article = host && find(host.shadowRoots[0], (n) => n.localName === 'article');
    const out = [];
    const walk = (n) => {
      if (n.nodeType === 1) {
        const attrs = [];
        for (let i = 0; i < (n.attributes ?? []).length; i += 2) attrs.push([n.attributes[i], n.attributes[i + 1]]);
        out.push({ name: n.localName, attrs });
      }
      // The browser's own shadow trees (a broken image's alt box, <details>) are not content.
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? []).filter((r) => r.shadowRootType !== 'user-agent')]) walk(c);
    };
    if (article) walk(article);
    return out;
  } finally { await cdp.detach().catch(() => {}); }
}

/** Everything active among the reader's elements. */
function activeInReader(elements) {
  const bad = [];
  const BAD_TAGS = /^(script|style|iframe|frame|object|embed|svg|math|base|meta|link|form|input|button|textarea|template|noscript|applet)$/;
  const BAD_ATTRS = /^(on.*|style|srcdoc|formaction|action|ping|xlink:href|background|data)$/i;
  const URL_ATTRS = /^(href|src|srcset|poster|cite)$/i;
  for (const { name, attrs } of elements) {
    if (BAD_TAGS.test(name)) bad.push(`<${name}>`);
    for (const [a, v] of attrs) {
      if (BAD_ATTRS.test(a)) bad.push(`<${name} ${a}>`);
      if (!URL_ATTRS.test(a)) continue;
      const urls = a === 'srcset' ? v.split(',').map((c) => c.trim().split(/\s+/)[0]) : [v];
      for (const u of urls) {
        const squashed = u.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data):/.test(squashed)) bad.push(`<${name} ${a}="${u}">`);
      }
    }
  }
  if (!elements.length) bad.push('no article in the reader');
  return bad;
}

/** CSP violations that show an attempt to run something in the live page or our reader. One
 * kind is not: the content script parses the page's own snapshot inertly (DOMParser: no
 * browsing context, nothing runs) to match elements, and Chromium reports the handler
 * attributes of that inert copy as violations dispatched at the document itself. A blocked
 * handler in the reader would be reported at its element, seen from the page as our host
 * element (the self-test below checks this). */
const liveViolations = (vs) => vs.filter((v) => v.target !== '#document');

let b;
let server;

before(async () => {
  ensureBuilt();
  const routes = { '/hostile/trap.js': { file: path.join(HOSTILE, 'trap.js') } };
  VECTORS.forEach((v, i) => { routes[`/hostile/v/${i + 1}.html`] = { body: pageFor(v, i + 1) }; });
  const body = VECTORS.map((v, i) => (v.where === 'body' ? v.html.replaceAll('$ID', String(i + 1)) : ''))
    .filter(Boolean).join('\n<p>Between two vectors, the article goes on with another sentence of ordinary text.</p>\n');
  const all = pageFor({ where: 'body', html: body }, 0);
  routes['/hostile/all.html'] = { body: all };
  routes['/hostile/all-csp.html'] = { body: all, headers: { 'content-security-policy': CSP } };
  server = await serve(routes);
  b = await launch({ extDir: EXT });
});

after(async () => {
  await b?.close();
  await server?.close();
});

/** The page's own vectors fire as it loads and renders (an animation starts on the first
 * frames): wait two frames, then until the trap has been quiet for 250 ms. */
async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  let n = -1;
  for (let i = 0; i < 20; i++) {
    const now = await page.evaluate(() => window.__hits.length);
    if (now === n) return;
    n = now;
    await page.waitForTimeout(250);
  }
}

/** Loads `route`, opens the reader view with real clicks, keeps it open `hold` ms; returns what
 * fired after the click and the reader's markup, and checks that Restore gives the page back. */
async function readerOn(route, hold) {
  const page = await b.ctx.newPage();
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  const url = server.url(route);
  await page.goto(url, { waitUntil: 'load' });
  await settle(page);
  const before = await outerHTML(page);
  const firstReq = b.net.requests.length;
  await page.evaluate(() => { window.__phase = 'reader'; });
  const dialogsBefore = dialogs.length;
  const run = await clickAction(b, page);
  if (!run.result?.article) {
    await page.close();
    return { failed: `the click gave ${JSON.stringify(run.result)}` };
  }
  await clickShadow(page, 'declutter-bar', 'button[data-action=reader]');
  await page.waitForTimeout(hold);
  const reader = await shadowHTML(page, 'declutter-reader');
  const elements = await readerElements(page);
  const fired = await page.evaluate(() => ({
    hits: window.__hits.filter((h) => h.phase === 'reader'),
    violations: window.__violations.filter((v) => v.phase === 'reader'),
  }));
  const trapRequests = b.net.requests.slice(firstReq).filter((r) => /\/trap\//.test(r.url)).map((r) => r.url);
  const newDialogs = dialogs.slice(dialogsBefore);
  await page.evaluate(() => { window.__phase = 'after'; });
  await clickShadow(page, 'declutter-reader', 'button[data-action=restore]');
  const restored = (await outerHTML(page)) === before;
  await page.close();
  return { reader, elements, fired, trapRequests, dialogs: newDialogs, restored };
}

describe('hostile pages: nothing runs in the reader view (real core)', () => {
  test(`${VECTORS.length} vectors, one page each`, async (t) => {
    const failures = [];
    for (const [i, v] of VECTORS.entries()) {
      const r = await readerOn(`/hostile/v/${i + 1}.html`, 120);
      if (r.failed) { failures.push(`${v.id}: ${r.failed}`); continue; }
      const bad = [...activeInReader(r.elements)];
      if (!/Council votes|river bridge/.test(r.reader)) bad.push('the reader shows no article');
      for (const h of r.fired.hits) bad.push(`trap fired: ${JSON.stringify(h)}`);
      for (const x of liveViolations(r.fired.violations)) bad.push(`CSP violation: ${JSON.stringify(x)}`);
      for (const u of r.trapRequests) bad.push(`trap request ${u}`);
      for (const d of r.dialogs) bad.push(`dialog ${d}`);
      if (!r.restored) bad.push('Restore did not give back the same DOM');
      if (bad.length) failures.push(`${v.id}: ${bad.join('; ')}`);
    }
    t.diagnostic(`${VECTORS.length} vectors, ${failures.length} failed`);
    assert.deepEqual(failures, []);
  });

  for (const [route, label] of [['/hostile/all.html', 'no CSP'], ['/hostile/all-csp.html', `CSP ${CSP}`]]) {
    test(`every body vector on one page (${label}), reader open for 1.5 s`, async () => {
      const r = await readerOn(route, 1500);
      assert.equal(r.failed, undefined);
      assert.deepEqual(r.fired.hits, [], 'no trap fired after the click');
      assert.deepEqual(activeInReader(r.elements), []);
      assert.deepEqual(liveViolations(r.fired.violations), [], 'no CSP violation in the page or the reader after the click');
      assert.deepEqual(r.trapRequests, []);
      assert.deepEqual(r.dialogs, []);
      assert.ok(r.restored, 'Restore gives back the same DOM');
    });
  }

  test('the trap works: the page itself fires it, and a violation is seen under the CSP', async () => {
    // Without this, "nothing fired" could mean the trap is broken.
    const page = await b.ctx.newPage();
    await page.goto(server.url('/hostile/all.html'), { waitUntil: 'load' });
    await page.waitForTimeout(150);
    const own = await page.evaluate(() => window.__hits.length);
    assert.ok(own > 10, `the page's own vectors fired the trap ${own} times as it loaded`);
    await page.goto(server.url('/hostile/all-csp.html'), { waitUntil: 'load' });
    await page.waitForTimeout(150);
    assert.ok(await page.evaluate(() => window.__violations.length) > 0, 'the CSP page reports violations');
    // A handler blocked inside a closed shadow root is reported at its host, not the document.
    await page.evaluate(() => {
      window.__phase = 'reader';
      const host = document.createElement('declutter-probe');
      host.attachShadow({ mode: 'closed' }).innerHTML = '<img src="data:image/png;base64,AAAA" onerror="__pwn(998)">';
      document.documentElement.append(host);
    });
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => window.__violations.filter((v) => v.phase === 'reader'));
    assert.equal(liveViolations(seen).length, 1, JSON.stringify(seen));
    assert.equal(liveViolations(seen)[0].target, 'DECLUTTER-PROBE');
    // What a reader that copied markup through would do: the trap fires in the reader phase.
    await page.goto(server.url('/hostile/all.html'), { waitUntil: 'load' });
    await page.evaluate(() => {
      window.__phase = 'reader';
      const host = document.createElement('div');
      host.attachShadow({ mode: 'closed' }).innerHTML = '<img src="data:image/png;base64,AAAA" onerror="__pwn(999)">';
      document.documentElement.append(host);
    });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__hits.filter((h) => h.phase === 'reader').length), 1);
    await page.close();
  });
});

describe('no network of our own: the central check (helpers.mjs) catches requests', () => {
  test('a request from the service worker, and one the page did not name, are reported', async () => {
    const page = await b.ctx.newPage();
    await page.goto(server.url('/hostile/v/1.html'));
    assert.deepEqual(await foreignRequests(b), [], 'a page loading its own resources is fine');
    const sw = await worker(b);
    await sw.evaluate((u) => fetch(u, { mode: 'no-cors' }).catch(() => {}), server.url('/beacon'));
    await page.evaluate((u) => fetch(u).catch(() => {}), server.url('/made-up.json'));
    await page.waitForTimeout(200);
    const bad = (await foreignRequests(b)).join('\n');
    assert.match(bad, /service worker requested http:\/\/127\.0\.0\.1:\d+\/beacon/);
    assert.match(bad, /request the page did not make: http:\/\/127\.0\.0\.1:\d+\/made-up\.json/);
    await page.close();
    await new Promise((r) => setTimeout(r, 500));
    await foreignRequests(b); // the worker's Resource Timing entry can come late: drain it
  });
});
