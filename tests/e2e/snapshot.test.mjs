// The snapshot the content script sends (extension/snapshot.js) leaves script, style and comment
// bodies out. In Chromium, on every fixture, the e2e's own pages, a page made of the constructs
// that could fool it, and (where ../shared is there) a sample of the dev corpora: the core
// gives the same answer, article and cleaning plan, for the whole page and for the snapshot,
// and the snapshot is smaller wherever the page has scripts or styles.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, clickAction } from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/server.mjs';
import { EXT, ensureBuilt, fixtureRoutes, inContentWorld, launch, pageRoutes } from './helpers.mjs';

const core = createRequire(import.meta.url)(path.join(ROOT, 'pkg-node', 'declutter.js'));
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const fixtures = readdirSync(FIXTURES).filter((d) => existsSync(path.join(FIXTURES, d, 'source.html'))).sort();

/** Every 12th page of the readability corpus, when the shared corpora are beside the project. */
const SHARED = path.join(ROOT, '..', 'shared', 'corpus', 'readability');
const corpus = existsSync(SHARED)
  ? readdirSync(SHARED).filter((d) => existsSync(path.join(SHARED, d, 'source.html'))).sort().filter((_, i) => i % 12 === 0)
  : [];

/** Constructs a pattern over serialised HTML could take for what they are not. */
const TRICKY = `<!DOCTYPE html><html lang="en"><head><title>Tricky page</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Tricky page","author":{"@type":"Person","name":"Ana Ruiz"}}</script>
<style>.x{color:red} /* </p> <script> */</style>
<script>var s = "<p>not a paragraph</p>", a = 1, b = 2; if (a < b && b > a) {} // <!-- </div></script>
</head><body>
<!-- an unclosed <script> in a comment, and a <style> -->
<noscript><script>never</script><p>Enable JavaScript</p></noscript>
<script-player data-src="x"><p>A custom element named like a script keeps its paragraph.</p></script-player>
<article><h1>Tricky page</h1>
<p title="<script>alert(1)</script> and a > sign">The first paragraph of the article is long enough to be read as prose by the core, with commas, clauses, and more words.</p>
<svg width="10" height="10"><style>circle{fill:red}</style><script>var inSvg = 1;</script><circle r="4"></circle></svg>
<p>The second paragraph goes on with the story, again long enough, with commas, so that the scoring sees a real article here.</p>
<template><p>A template's paragraph</p><script>tpl()</script></template>
<p>The third paragraph ends the article, after the inline SVG, the template, and every other trap on this page.</p>
</article>
<script>document.write = null;</script></body></html>`;

let b;
let server;

before(async () => {
  ensureBuilt();
  const routes = { ...pageRoutes(), ...fixtureRoutes(fixtures) };
  for (const c of corpus) routes[`/corpus/${c}/`] = { file: path.join(SHARED, c, 'source.html'), type: 'text/html; charset=utf-8' };
  routes['/tricky.html'] = { body: TRICKY, type: 'text/html; charset=utf-8' };
  server = await serve(routes);
  b = await launch({ extDir: EXT });
});

after(async () => {
  await b?.close();
  await server?.close();
});

/** The page in `route` clicked once (the content script is then there) and restored; then the
 * whole document and the snapshot, both serialised from the same DOM. */
async function both(route) {
  const page = await b.ctx.newPage();
  try {
    await page.goto(server.url(route), { waitUntil: 'domcontentloaded' });
    await page.waitForTimeout(200);
    const run = await clickAction(b, page);
    if (run.result?.state === 'clean') await clickAction(b, page);
    return await inContentWorld(page, b.extId, `(() => {
      const { snapshot, whole } = globalThis.__declutterParts.snapshot;
      return { whole: whole(), snap: snapshot(), url: location.href };
    })()`);
  } finally {
    await page.close();
  }
}

/** The core's answer, or its error message. */
const analysis = (html, url) => {
  try { return core.analyze(html, url, undefined); } catch (e) { return { error: String(e?.message ?? e) }; }
};

function sameAnswer({ whole, snap, url }) {
  assert.deepEqual(analysis(snap, url), analysis(whole, url), 'the core answers the same for the snapshot');
}

describe('snapshot without script, style and comment bodies', () => {
  test('tricky constructs: same answer, JSON-LD kept, text elsewhere untouched', async () => {
    const s = await both('/tricky.html');
    sameAnswer(s);
    assert.ok(s.snap.length < s.whole.length);
    assert.match(s.snap, /"name":"Ana Ruiz"/, 'JSON-LD is kept');
    assert.equal(analysis(s.snap, s.url).article?.authors?.[0], 'Ana Ruiz');
    assert.doesNotMatch(s.snap, /not a paragraph|document\.write|color:red|an unclosed/, 'script, style and comment bodies are gone');
    for (const kept of ['A custom element named like a script keeps its paragraph.', 'Enable JavaScript', 'and a &gt; sign', 'The third paragraph ends the article']) {
      assert.ok(s.snap.includes(kept), `kept: ${kept}`);
    }
  });

  test('the e2e pages and every fixture: same answer', async () => {
    let whole = 0;
    let snap = 0;
    for (const route of [...Object.keys(pageRoutes()).filter((r) => r.endsWith('.html')), ...fixtures.map((f) => `/fixtures/${f}/`)]) {
      const s = await both(route);
      assert.doesNotThrow(() => sameAnswer(s), `${route}`);
      whole += s.whole.length;
      snap += s.snap.length;
    }
    assert.ok(snap < whole);
  });

  test('dev corpus sample: same answer, and smaller', { skip: corpus.length ? false : 'no ../shared corpus here' }, async () => {
    let whole = 0;
    let snap = 0;
    for (const c of corpus) {
      const s = await both(`/corpus/${c}/`);
      try { sameAnswer(s); } catch (e) { throw new Error(`${c}: ${e.message}`); }
      whole += s.whole.length;
      snap += s.snap.length;
    }
    console.log(`# ${corpus.length} corpus pages: ${whole} -> ${snap} characters sent (${((1 - snap / whole) * 100).toFixed(0)} % less)`);
    assert.ok(snap < whole * 0.95);
  });
});
