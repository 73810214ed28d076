// Chromium with the unpacked extension, driven by playwright-core over CDP (Debian's
// /usr/bin/chromium; no browser download). Real toolbar clicks via Extensions.triggerAction.
// Used by the e2e tests, npm start (headless) and npm run bench:browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXT_DIR = path.join(ROOT, 'dist', 'extension');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** No request of the browser's own leaves the machine (toolchain.md). */
const NO_NETWORK = ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--no-default-browser-check',
  '--disable-domain-reliability', '--disable-client-side-phishing-detection', '--metrics-recording-only'];

/** Launches Chromium with the extension (plus `args`, and `env` over this process's, e.g. a
 * UI language); returns {ctx, sw, extId, browserSession, close}. */
export async function launch({ headless = true, viewport = { width: 1280, height: 800 }, extDir = EXT_DIR, args = [], env } = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'declutter-prof-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    viewport,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', ...NO_NETWORK,
      `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...args],
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
  // Pages (fixtures are real news pages) may reference other hosts: only loopback is served.
  await ctx.route((u) => !/^https?:\/\/127\.0\.0\.1[:/]/.test(u.href), (route) => route.abort());
  const sw = ctx.serviceWorkers()[0] ?? await ctx.waitForEvent('serviceworker', { timeout: 15000 });
  const extId = new URL(sw.url()).host;
  const browserSession = await ctx.browser().newBrowserCDPSession();
  return {
    ctx, sw, extId, browserSession,
    close: async () => { await ctx.close().catch(() => {}); rmSync(profile, { recursive: true, force: true }); },
  };
}

/** The service worker, which Chromium may have stopped and restarted since launch. */
export async function worker(b) {
  const live = b.ctx.serviceWorkers().find((w) => w.url().includes(b.extId));
  if (live) return live;
  return b.ctx.waitForEvent('serviceworker', { timeout: 10000 });
}

/** The background's record of the last run (`globalThis.declutter`). */
export async function lastRun(b) {
  return (await worker(b)).evaluate(() => globalThis.declutter ?? { runs: 0, last: null });
}

/** The CDP target id of `page`'s tab (what Extensions.triggerAction clicks in). */
export async function tabTarget(b, page) {
  const { targetInfos } = await b.browserSession.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  return tab.targetId;
}

/** A real toolbar click on `page`'s tab, then waits for the run it started to finish; returns
 * the background's record of it. Retries once when the first executeScript raced the
 * activeTab grant (toolchain.md: ~1 click in 30). */
export async function clickAction(b, page, { timeout = 20000 } = {}) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const before = (await lastRun(b)).runs;
    const targetId = await tabTarget(b, page);
    const t0 = performance.now();
    await b.browserSession.send('Extensions.triggerAction', { id: b.extId, targetId });
    const deadline = Date.now() + timeout;
    let rec;
    for (;;) {
      rec = await lastRun(b);
      if (rec.runs > before) break;
      if (Date.now() > deadline) throw new Error('the click did not finish a run in time');
      await new Promise((r) => setTimeout(r, 10));
    }
    const wall_ms = performance.now() - t0;
    if (rec.last?.error && /Cannot access contents/i.test(rec.last.error) && attempt === 0) continue;
    if (rec.last?.error) throw new Error(`run failed: ${rec.last.error}`);
    return { ...rec.last, wall_ms };
  }
  throw new Error('unreachable');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The extension's service-worker targets (none while it is stopped). */
export async function workerTargets(b) {
  const { targetInfos } = await b.browserSession.send('Target.getTargets');
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(b.extId));
}

/** Stops the extension's service worker, as Chromium does once it has been idle for 30 s (CDP
 * closes the worker's target; ServiceWorker.stopAllWorkers does the same but its reply never
 * comes in Chromium 156), and waits until it is gone. */
export async function stopWorker(b) {
  for (const t of await workerTargets(b)) await b.browserSession.send('Target.closeTarget', { targetId: t.targetId });
  for (let i = 0; i < 200 && (await workerTargets(b)).length; i++) await sleep(25);
  if ((await workerTargets(b)).length) throw new Error('the service worker did not stop');
}

/** A real toolbar click on `page`'s tab while the worker is stopped: the click wakes it, as most
 * clicks do in use. Returns the new worker's record of the run, its `boot` timings, and
 * `woken_ms`, from the click to the run's end on one clock (the worker's timeOrigin is absolute). */
export async function clickStopped(b, page, { timeout = 20000 } = {}) {
  const stoppedAt = performance.timeOrigin + performance.now();
  await stopWorker(b);
  const targetId = await tabTarget(b, page);
  const clickedAt = performance.timeOrigin + performance.now();
  await b.browserSession.send('Extensions.triggerAction', { id: b.extId, targetId });
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const w of b.ctx.serviceWorkers().filter((x) => x.url().includes(b.extId))) {
      const rec = await w.evaluate(() => {
        const d = globalThis.declutter;
        return d?.runs ? { last: d.last, boot: d.boot } : null;
      }).catch(() => null);
      if (rec && rec.boot.origin > stoppedAt) {
        if (rec.last?.error) throw new Error(`run failed: ${rec.last.error}`);
        return { ...rec.last, boot: rec.boot, woke_ms: rec.boot.origin - clickedAt, woken_ms: rec.last.timings.done_at - clickedAt };
      }
    }
    if (Date.now() > deadline) throw new Error('the click on a stopped worker did not finish a run in time');
    await sleep(10);
  }
}

/** Nodes inside our closed shadow roots, through CDP (pierce: true reaches closed roots). */
async function shadowRootOf(page, hostTag) {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const find = (n) => {
    if (n.localName === hostTag && n.shadowRoots?.length) return n.shadowRoots[0];
    for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) { const f = find(c); if (f) return f; }
    return null;
  };
  return { cdp, shadow: find(root) };
}

/** outerHTML of everything inside a host's closed shadow root ('' when absent). */
export async function shadowHTML(page, hostTag) {
  const { cdp, shadow } = await shadowRootOf(page, hostTag);
  try {
    if (!shadow) return '';
    const parts = [];
    for (const c of shadow.children ?? []) {
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId: c.nodeId });
      parts.push(outerHTML);
    }
    return parts.join('');
  } finally { await cdp.detach().catch(() => {}); }
}

/** Box of the first node matching `selector` inside a host's shadow root, or null. */
export async function shadowBox(page, hostTag, selector) {
  const { cdp, shadow } = await shadowRootOf(page, hostTag);
  try {
    if (!shadow) return null;
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
    if (!nodeId) return null;
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
    const [x1, y1, x2, , , y3] = model.border;
    return { x: x1, y: y1, width: x2 - x1, height: y3 - y1 };
  } finally { await cdp.detach().catch(() => {}); }
}

/** A real mouse click on a button inside our shadow root. */
export async function clickShadow(page, hostTag, selector) {
  const box = await shadowBox(page, hostTag, selector);
  if (!box) throw new Error(`${selector} not found in <${hostTag}>`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Text of HTML (for snippet checks on the reader's markup). */
const BLOCK = /^<\/?(p|div|h[1-6]|li|ul|ol|dl|dt|dd|br|hr|tr|td|th|table|thead|tbody|tfoot|caption|figure|figcaption|blockquote|pre|section|article|header|footer|main|aside|nav|address|details|summary|img|button)\b/i;
/** Text of HTML as the fixtures define it (tests/fixtures/README.md): inline tags vanish
 * without adding spaces, block tags count as whitespace. */
export function textOfHTML(html) {
  // The reader's folded "What was removed" list is not the article: left out.
  return html.replace(/<(style)[^>]*>[\s\S]*?<\/\1>/gi, ' ').replace(/<details class="removed"[\s\S]*?<\/details>/gi, ' ').replace(/<[^>]+>/g, (tag) => (BLOCK.test(tag) ? ' ' : ''))
    .replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ').trim();
}

/** Runs in the page: is the text snippet shown? Finds the deepest elements whose text contains
 * it; 'visible' if one of them is rendered, 'hidden' if all are not, 'absent' if none has it. */
export async function snippetState(page, snippet) {
  return page.evaluate((s) => {
    const norm = (x) => x.replace(/\s+/g, ' ').trim();
    const want = norm(s);
    const hits = [];
    const walk = (el) => {
      let deeper = false;
      for (const c of el.children) if (norm(c.textContent).includes(want)) { walk(c); deeper = true; }
      if (!deeper) hits.push(el);
    };
    if (!norm(document.body.textContent).includes(want)) return 'absent';
    walk(document.body);
    const shown = hits.some((el) => {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    });
    return shown ? 'visible' : 'hidden';
  }, snippet);
}
