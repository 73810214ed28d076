// The real extension (dist/extension, Rust core in WASM) in Firefox ESR, driven by geckodriver
// over loopback WebDriver (gecko.mjs). Same checks as the Chromium e2e (tests/e2e/core.test.mjs)
// on the seed fixture, the Arabic fixture and the strict-CSP page: after a real toolbar click the
// expected text is visible and the clutter hidden; the bar's "Reader view" button (clicked with
// WebDriver's element click inside the closed shadow root) shows the article; a second toolbar
// click gives back the identical DOM. Screenshots go to tests/e2e/artifacts/firefox-*.png.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { ROOT, textOfHTML } from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/server.mjs';
import { ARTIFACTS, EXT, pageRoutes } from '../e2e/helpers.mjs';
import { clickAction, foreignRequests, startFirefox, waitFor } from './gecko.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const CASES = ['maghress-fr-lavrov', 'maghress-ar-rtl'];
const norm = (s) => s.replace(/\s+/g, ' ').trim();

let ff;
let addonId;
let server;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // Firefox writes one network log per process (firefox.log-main.<pid>.moz_log, -child.<pid>…):
  // drop the last run's.
  for (const f of readdirSync(ARTIFACTS)) if (f.startsWith('firefox.log')) rmSync(path.join(ARTIFACTS, f));
  const routes = pageRoutes();
  for (const f of CASES) routes[`/fixtures/${f}/`] = { file: path.join(FIXTURES, f, 'source.html'), type: 'text/html; charset=utf-8' };
  server = await serve(routes);
  ff = await startFirefox({
    driverLog: path.join(ARTIFACTS, 'firefox-geckodriver.log'),
    firefoxLog: path.join(ARTIFACTS, 'firefox.log'),
  });
  addonId = await ff.installAddon(EXT);
});

// No network of our own: every request Firefox made during a test was one the pages made.
afterEach(() => assert.deepEqual(foreignRequests(ff, server), [], 'the extension made requests of its own'));

after(async () => {
  await ff?.quit();
  await server?.close();
});

// ---- in the page ----

const outerHTML = () => ff.exec(() => document.documentElement.outerHTML);
const hosts = () => ff.exec(() => [...document.querySelectorAll('declutter-bar, declutter-reader')].map((e) => e.localName).join(','));

/** Runs in the page: is each snippet shown? For each, the deepest elements whose text contains
 * it; 'visible' if one of them passes checkVisibility() with a non-empty box, 'hidden' if none
 * does, 'absent' if no element has the text (as tests/e2e's snippetState). */
function snippetStates(list) {
  const n = (x) => x.replace(/\s+/g, ' ').trim();
  return list.map((s) => {
    const want = n(s);
    if (!n(document.body.textContent).includes(want)) return 'absent';
    const hits = [];
    const walk = (el) => {
      let deeper = false;
      for (const c of el.children) if (n(c.textContent).includes(want)) { walk(c); deeper = true; }
      if (!deeper) hits.push(el);
    };
    walk(document.body);
    return hits.some((el) => {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0;
    }) ? 'visible' : 'hidden';
  });
}

// ---- one page: clean, reader, restore ----

/** Loads `url`, clicks the toolbar, checks the cleaned page, opens the reader, clicks again to
 * restore. Returns what the reader showed, for the caller's checks; problems with the clean
 * step are collected in `problems`. */
async function cleanReadRestore(url, shot, { visible = [], hidden = [] }) {
  await ff.goto(url);
  // The page's own scripts settle (the Chromium e2e waits the same), then the "before" snapshot.
  await new Promise((r) => setTimeout(r, 300));
  const before = await outerHTML();
  const problems = [];

  await clickAction(ff, addonId);
  // The bar is mounted once the plan is applied: the run is done.
  await waitFor(ff, () => !!document.querySelector('declutter-bar'), [], { what: 'the bar after the first click' });
  writeFileSync(path.join(ARTIFACTS, `firefox-${shot}-clean.png`), await ff.screenshot());
  const states = await ff.exec(snippetStates, [[...visible, ...hidden]]);
  visible.forEach((s, i) => { if (states[i] !== 'visible') problems.push(`clean.visible is ${states[i]}: ${s}`); });
  hidden.forEach((s, i) => { if (states[visible.length + i] !== 'hidden') problems.push(`clean.hidden is ${states[visible.length + i]}: ${s}`); });

  const readerButton = await ff.findInShadow('declutter-bar', 'button[data-action=reader]');
  await ff.click(readerButton);
  await waitFor(ff, () => !!document.querySelector('declutter-reader'), [], { what: 'the reader view' });
  const article = await ff.findInShadow('declutter-reader', 'article');
  const html = await ff.property(article, 'outerHTML');
  const dir = await ff.attribute(article, 'dir');
  writeFileSync(path.join(ARTIFACTS, `firefox-${shot}-reader.png`), await ff.screenshot());

  await clickAction(ff, addonId); // the second click restores
  await waitFor(ff, () => !document.querySelector('declutter-bar, declutter-reader'), [], { what: 'restore' });
  assert.equal(await hosts(), '');
  assert.equal(await outerHTML(), before, 'restore gives back the identical DOM');
  return { html, text: textOfHTML(html), dir, problems };
}

describe('Firefox: fixtures', () => {
  for (const name of CASES) {
    test(name, async () => {
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8'));
      const r = await cleanReadRestore(server.url(`/fixtures/${name}/`), name, expected.clean ?? {});
      const a = expected.article;
      assert.match(r.html, /<h1>/, 'the reader shows a title');
      if (!r.text.includes(norm(a.title))) r.problems.push(`reader lacks the title: ${a.title}`);
      for (const s of a.must ?? []) if (!r.text.includes(norm(s))) r.problems.push(`reader lacks must: ${s}`);
      for (const s of a.must_not ?? []) if (r.text.includes(norm(s))) r.problems.push(`reader shows must_not: ${s}`);
      if (r.dir !== a.dir) r.problems.push(`reader dir is ${r.dir}, expected ${a.dir}`);
      assert.deepEqual(r.problems, []);
    });
  }
});

describe('Firefox: strict CSP page (Trusted Types, no inline anything)', () => {
  test('/strict.html', async () => {
    const ARTICLE = ['Le ministre des Affaires étrangères est arrivé lundi à Rabat', 'avant de quitter le pays mercredi matin'];
    const r = await cleanReadRestore(server.url('/strict.html'), 'strict', { visible: ARTICLE, hidden: ['Nous utilisons des cookies'] });
    for (const s of ARTICLE) if (!r.text.includes(s)) r.problems.push(`reader lacks: ${s}`);
    if (!r.text.includes('Le ministre des Affaires étrangères en visite au Maroc')) r.problems.push('reader lacks the title');
    assert.deepEqual(r.problems, []);
    assert.equal(await ff.exec(() => document.documentElement.dataset.pageScript), 'ran', "the page's own script still ran");
  });
});

describe('Firefox: the network check', () => {
  test('catches a request the pages did not make, on loopback and off it', async () => {
    await ff.goto(server.url('/article.html'));
    await ff.exec(() => Promise.all([fetch('/made-up-by-someone.json'), fetch('https://tracker.example/pixel')].map((p) => p.catch(() => null))));
    const bad = foreignRequests(ff, server);
    assert.ok(bad.some((m) => m.includes('/made-up-by-someone.json')), bad.join('\n'));
    assert.ok(bad.some((m) => m.includes('tracker.example')), bad.join('\n'));
  });
});
