// Faults, with the real core in Chromium and real toolbar clicks: the service worker stopped
// between clicks; the WASM trapping mid-run (a test copy of the extension whose glue corrupts
// the core's heap on a marked page — the shipped files are unchanged); two tabs clicked at
// once; ten clicks in a row; a click while the page is still loading; and the worker's memory
// over 200 analyses.
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, clickAction, clickShadow, clickStopped, lastRun, shadowHTML, snippetState, tabTarget, textOfHTML, worker, workerTargets } from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/server.mjs';
import { EXT, ensureBuilt, fixtureRoutes, hiddenByUs, launch, outerHTML, pageRoutes } from './helpers.mjs';

const EXT_TRAP = path.join(ROOT, 'dist', 'extension-trap');
const TRAP_MARK = 'declutter-test-trap';
const FIXTURE = (name) => path.join(ROOT, 'tests', 'fixtures', name, 'source.html');
const ARTICLE = 'Le ministre des Affaires étrangères est arrivé lundi à Rabat';

/** A test-only copy of the built extension: same files, except that the WASM glue first fills
 * the core's heap with 0xFF when the page contains TRAP_MARK, so the analysis that follows
 * traps (RuntimeError: memory access out of bounds) as a real memory-safety fault would. */
function buildTrapCopy() {
  rmSync(EXT_TRAP, { recursive: true, force: true });
  cpSync(EXT, EXT_TRAP, { recursive: true });
  const glue = path.join(EXT_TRAP, 'pkg', 'declutter.js');
  const src = readFileSync(glue, 'utf8');
  assert.match(src, /^export function analyze\(/m, 'glue shape changed: update buildTrapCopy');
  writeFileSync(glue, `${src}
// tests/e2e/faults.test.mjs only: corrupt the heap on a marked page, so the core traps.
const __realAnalyze = analyze;
analyze = function (html, url, options) {
  if (html.includes(${JSON.stringify(TRAP_MARK)})) new Uint8Array(wasm.memory.buffer).fill(0xff, 1 << 20);
  return __realAnalyze(html, url, options);
};
`);
}

/** A page that arrives in two parts, `gap` ms apart: clicks land while it is still loading. */
function slowServer(gap) {
  const html = readFileSync(path.join(ROOT, 'tests', 'e2e', 'pages', 'article.html'), 'utf8');
  const cut = html.indexOf('</article>');
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.write(html.slice(0, cut));
    setTimeout(() => res.end(html.slice(cut)), gap);
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r({
    url: (p) => `http://127.0.0.1:${server.address().port}${p}?t=${Date.now()}${Math.random().toString(36).slice(2, 6)}`,
    close: () => new Promise((c) => { server.closeAllConnections?.(); server.close(c); }),
  })));
}

/** Toolbar clicks on several tabs without waiting between them; resolves when the worker has
 * finished that many more runs. */
async function burst(b, targets) {
  const before = (await lastRun(b)).runs;
  await Promise.all(targets.map((targetId) => b.browserSession.send('Extensions.triggerAction', { id: b.extId, targetId })));
  for (let i = 0; i < 1000; i++) {
    if ((await lastRun(b)).runs >= before + targets.length) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('the burst of clicks did not finish');
}

/** Declutter's host elements in the page (bar, reader). */
const hosts = (page) => page.evaluate(() => document.querySelectorAll('declutter-bar, declutter-reader').length);

let b;
let server;

before(async () => {
  ensureBuilt();
  buildTrapCopy();
  const routes = { ...pageRoutes(), ...fixtureRoutes(['modern-en-news', 'maghress-fr-lavrov', 'boilerplate-de']) };
  routes['/trap.html'] = { body: readFileSync(path.join(ROOT, 'tests', 'e2e', 'pages', 'article.html'), 'utf8').replace('</body>', `<div data-test="${TRAP_MARK}"></div></body>`) };
  // Over the core's 32 MiB limit the way real pages get there: an app's state inlined as JSON
  // (a page of repeated markup that size takes Chromium most of a minute to lay out here).
  const one = readFileSync(path.join(ROOT, 'tests', 'e2e', 'pages', 'article.html'), 'utf8');
  const state = JSON.stringify({ items: Array.from({ length: 160000 }, (_, i) => ({ id: i, title: `Titre sans rapport numéro ${i}`, body: 'x'.repeat(160) })) });
  routes['/oversize.html'] = { body: one.replace('</body>', `<script type="application/json" id="__STATE__">${state}</script></body>`) };
  server = await serve(routes);
  b = await launch({ extDir: EXT_TRAP });
});

after(async () => {
  await b?.close();
  await server?.close();
});

/** The extension worker's JavaScript heap in use after a full garbage collection, read over CDP
 * (Playwright opens no session on a worker target: this attaches from the browser session and
 * talks to the worker through Target.sendMessageToTarget). */
async function workerHeapBytes(b) {
  const s = b.browserSession;
  const [target] = await workerTargets(b);
  const { sessionId } = await s.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 0;
  const call = (method) => new Promise((resolve, reject) => {
    const id = ++next;
    const on = (e) => {
      if (e.sessionId !== sessionId) return;
      const m = JSON.parse(e.message);
      if (m.id !== id) return;
      s.off('Target.receivedMessageFromTarget', on);
      if (m.error) reject(new Error(`${method}: ${m.error.message}`)); else resolve(m.result);
    };
    s.on('Target.receivedMessageFromTarget', on);
    s.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) }).catch(reject);
  });
  try {
    await call('HeapProfiler.collectGarbage');
    return (await call('Runtime.getHeapUsage')).usedSize;
  } finally {
    await s.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
}

describe('faults (real core)', () => {
  test('the service worker stopped before each click (as after 30 s idle): the click that wakes it cleans, the next restores', async () => {
    const page = await b.ctx.newPage();
    await page.goto(server.url('/article.html'));
    const before = await outerHTML(page);
    assert.equal((await clickAction(b, page)).result.state, 'clean');
    assert.equal((await clickAction(b, page)).result.state, 'restored');
    for (let round = 0; round < 2; round++) {
      await (await worker(b)).evaluate(() => { globalThis.__beforeStop = true; });
      assert.equal((await workerTargets(b)).length, 1, 'the worker runs');
      // What the browser does to a worker idle for 30 s; the click wakes a fresh one, which
      // compiles the WASM again.
      const cleaned = await clickStopped(b, page);
      assert.equal(cleaned.result.state, 'clean', `round ${round}: the first click after the stop cleans the page`);
      assert.ok((await hiddenByUs(page)).length > 0);
      assert.equal((await workerTargets(b)).length, 1, 'a new worker runs');
      assert.equal(await (await worker(b)).evaluate(() => globalThis.__beforeStop), undefined, 'it is a fresh worker');
      assert.equal(await snippetState(page, ARTICLE), 'visible');
      assert.match(textOfHTML(await shadowHTML(page, 'declutter-bar')), /hidden/);
      // The reader stays open for longer than 30 s: the click that restores wakes the worker
      // again, which finds our script in the page (no second injection).
      const restored = await clickStopped(b, page);
      assert.equal(restored.result.state, 'restored');
      assert.equal(restored.timings.inject_ms, 0, 'the content script is not injected again');
      assert.equal(await outerHTML(page), before);
    }
    await page.close();
  });

  test('the core traps mid-run: the user reads a message, the next click and the next page work', async () => {
    const trapPage = await b.ctx.newPage();
    await trapPage.goto(server.url('/trap.html'));
    const before = await outerHTML(trapPage);
    const run = await clickAction(b, trapPage);
    assert.equal(run.result.state, 'error');
    assert.match(textOfHTML(await shadowHTML(trapPage, 'declutter-bar')), /Declutter failed on this page/);
    assert.deepEqual(await hiddenByUs(trapPage), [], 'nothing hidden after a crash');
    await clickAction(b, trapPage); // dismiss
    assert.equal(await outerHTML(trapPage), before, 'the page is as it was');
    // The same tab again: a fresh instance, and it traps again (the page still carries the mark).
    assert.equal((await clickAction(b, trapPage)).result.state, 'error');
    await clickAction(b, trapPage);
    // Another page: the core works.
    const page = await b.ctx.newPage();
    await page.goto(server.url('/fixtures/modern-en-news/'));
    const ok = await clickAction(b, page);
    assert.equal(ok.result.state, 'clean');
    assert.equal(ok.result.article, true);
    await clickShadow(page, 'declutter-bar', 'button[data-action=reader]');
    assert.match(await shadowHTML(page, 'declutter-reader'), /<h1>/);
    await trapPage.close();
    await page.close();
  });

  test('an oversize page: the user reads the refusal, the page stays as it was', async () => {
    const page = await b.ctx.newPage();
    await page.goto(server.url('/oversize.html'), { timeout: 60000 });
    const digest = () => page.evaluate(async () => {
      const bytes = new TextEncoder().encode(document.documentElement.outerHTML);
      return [bytes.length, [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((x) => x.toString(16)).join('')];
    });
    const before = await digest();
    assert.ok(before[0] > 32 * 1024 * 1024, `page of ${before[0]} bytes`);
    const run = await clickAction(b, page, { timeout: 60000 });
    assert.equal(run.result.state, 'error');
    const bar = textOfHTML(await shadowHTML(page, 'declutter-bar'));
    assert.match(bar, /this page is too large to declutter \(\d+\.\d MB; the limit is 33\.6 MB\)/);
    assert.deepEqual(await hiddenByUs(page), [], 'nothing hidden');
    await clickAction(b, page, { timeout: 60000 }); // dismiss
    assert.deepEqual(await digest(), before, 'the page is byte for byte as it was');
    await page.close();
  });

  test('two tabs clicked at once: each gets its own article', async () => {
    const pages = [];
    // Each tab in its own window, so each is its window's active tab (a toolbar click acts on
    // the active tab of its window).
    for (const [route, title] of [['/fixtures/maghress-fr-lavrov/', /Lavrov/], ['/fixtures/boilerplate-de/', /.+/], ['/article.html', /en visite au Maroc/]]) {
      const opened = b.ctx.waitForEvent('page');
      await b.browserSession.send('Target.createTarget', { url: server.url(route), newWindow: true });
      const page = await opened;
      await page.waitForLoadState('load');
      pages.push({ page, title, before: await outerHTML(page) });
    }
    // Each page alone first, for the reference title.
    for (const p of pages) {
      await clickAction(b, p.page);
      await clickShadow(p.page, 'declutter-bar', 'button[data-action=reader]');
      p.h1 = /<h1>([^<]*)<\/h1>/.exec(await shadowHTML(p.page, 'declutter-reader'))?.[1];
      assert.match(p.h1 ?? '', p.title);
      await clickShadow(p.page, 'declutter-reader', 'button[data-action=restore]');
    }
    await burst(b, await Promise.all(pages.map((p) => tabTarget(b, p.page))));
    for (const p of pages) {
      assert.equal(await hosts(p.page), 1, 'one bar per page');
      assert.match(textOfHTML(await shadowHTML(p.page, 'declutter-bar')), /hidden/, 'cleaned');
      await clickShadow(p.page, 'declutter-bar', 'button[data-action=reader]');
      const h1 = /<h1>([^<]*)<\/h1>/.exec(await shadowHTML(p.page, 'declutter-reader'))?.[1];
      assert.equal(h1, p.h1, 'the reader shows this tab’s own article');
      await clickShadow(p.page, 'declutter-reader', 'button[data-action=restore]');
      assert.equal(await outerHTML(p.page), p.before);
      await p.page.close();
    }
  });

  test('ten clicks in a row, waited for and not: the page ends as it was, nothing left over', async () => {
    const page = await b.ctx.newPage();
    await page.goto(server.url('/fixtures/modern-en-news/'));
    const before = await outerHTML(page);
    for (let i = 1; i <= 10; i++) {
      const run = await clickAction(b, page);
      assert.equal(run.result.state, i % 2 ? 'clean' : 'restored', `click ${i}`);
    }
    assert.equal(await outerHTML(page), before);
    // Ten clicks sent at once: whatever order they land in, one restore gives the page back.
    const tab = await tabTarget(b, page);
    await burst(b, Array(10).fill(tab));
    assert.ok(await hosts(page) <= 1, 'at most one bar');
    if (await hosts(page)) await clickAction(b, page);
    assert.equal(await hosts(page), 0);
    assert.deepEqual(await hiddenByUs(page), []);
    assert.equal(await outerHTML(page), before);
    await page.close();
  });

  test('a click while the page is still loading', async () => {
    const slow = await slowServer(1500);
    try {
      const page = await b.ctx.newPage();
      await page.goto(slow.url('/slow.html'), { waitUntil: 'commit' });
      await page.waitForFunction(() => document.body && document.readyState === 'loading');
      const run = await clickAction(b, page);
      assert.notEqual(run.result?.state, 'error', run.result?.error);
      await page.waitForLoadState('load');
      assert.equal(await snippetState(page, ARTICLE), 'visible');
      await clickAction(b, page); // restore
      assert.equal(await hosts(page), 0);
      assert.deepEqual(await hiddenByUs(page), []);
      // A fresh click on the loaded page works as usual.
      assert.equal((await clickAction(b, page)).result.state, 'clean');
      await clickAction(b, page);
      await page.close();
    } finally {
      await slow.close();
    }
  });

  test('no leak: the core’s memory stays flat over 200 analyses', async (t) => {
    const sw = await worker(b);
    const pages = ['modern-en-news', 'maghress-fr-lavrov', 'boilerplate-de'].map((f) => readFileSync(FIXTURE(f), 'utf8'));
    const samples = await sw.evaluate(async (pages) => {
      const out = [];
      for (let i = 0; i < 200; i++) {
        const r = await globalThis.declutter.analyzePage(pages[i % pages.length], `https://example.org/${i}`);
        if (!r.ok) throw new Error(r.error);
        if (i % 10 === 9) out.push(globalThis.declutter.memoryBytes());
      }
      return out;
    }, pages);
    const warm = samples[1]; // after 20 analyses
    const last = samples[samples.length - 1];
    t.diagnostic(`WASM memory after 20 / 200 analyses: ${warm} / ${last} bytes (samples every 10: ${samples.join(' ')})`);
    assert.ok(last > 0);
    assert.ok(last - warm <= 1 << 20, `grew ${last - warm} bytes after warm-up`);
    // The worker's JavaScript heap too (the glue, the results handed back): 200 more analyses
    // after a warm-up leave it within 1 MB of where it was, after a full GC.
    const heap0 = await workerHeapBytes(b);
    await sw.evaluate(async (pages) => {
      for (let i = 0; i < 200; i++) await globalThis.declutter.analyzePage(pages[i % pages.length], `https://example.org/h${i}`);
    }, pages);
    const heap1 = await workerHeapBytes(b);
    t.diagnostic(`worker JS heap before / after 200 more analyses: ${heap0} / ${heap1} bytes`);
    assert.ok(heap0 > 0);
    assert.ok(heap1 - heap0 <= 1 << 20, `the worker's heap grew ${heap1 - heap0} bytes`);
    // Real clicks too: 20 clean/restore rounds on one page leave the core's memory where it was.
    const page = await b.ctx.newPage();
    await page.goto(server.url('/fixtures/modern-en-news/'));
    await clickAction(b, page);
    await clickAction(b, page);
    const m0 = await (await worker(b)).evaluate(() => globalThis.declutter.memoryBytes());
    for (let i = 0; i < 20; i++) { await clickAction(b, page); await clickAction(b, page); }
    const m1 = await (await worker(b)).evaluate(() => globalThis.declutter.memoryBytes());
    t.diagnostic(`WASM memory over 20 click rounds: ${m0} -> ${m1} bytes`);
    assert.ok(m1 - m0 <= 1 << 20, `grew ${m1 - m0} bytes`);
    await page.close();
  });
});
