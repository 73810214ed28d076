// The extension's own behaviour in real Chromium, with real toolbar clicks, on the e2e's own
// pages (tests/e2e/pages/), with a stub core that returns an exact plan (see helpers.mjs):
// strict CSP + Trusted Types, script-rebuilt trees, no article, form state, traps.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { clickAction, clickShadow, shadowBox, shadowHTML, snippetState, textOfHTML } from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/server.mjs';
import { ARTIFACTS, EXT_STUB, ensureBuilt, hiddenByUs, launch, outerHTML, pageRoutes, planFor, stubAnalysis } from './helpers.mjs';

const CLUTTER = ['.cookie-consent', 'nav.main-menu', '.news-ticker', '.share-bar', '.source-link', '.sidebar .ad',
  '.most-read', '#comments'];
const ARTICLE_SNIPPETS = ['Le ministre des Affaires étrangères est arrivé lundi à Rabat',
  'Commerce : une hausse continue', 'avant de quitter le pays mercredi matin'];
const CLUTTER_SNIPPETS = ['Titre sans rapport numéro 3', 'Publicité : gagnez un voyage',
  "Cliquez ici pour lire l'article depuis sa source", "Premier commentaire d'un lecteur", 'Partager sur Facebook'];

let b;
let server;

before(async () => {
  ensureBuilt();
  server = await serve(pageRoutes());
  b = await launch({ extDir: EXT_STUB });
});

after(async () => {
  await b?.close();
  await server?.close();
});

/** Opens a page at a unique URL and gives the stub an analysis for it. */
async function open(route, spec) {
  const page = await b.ctx.newPage();
  const url = server.url(route);
  await page.goto(url);
  if (spec) await stubAnalysis(b, url, await planFor(page, spec));
  return page;
}

async function assertShown(page, snippets, want) {
  for (const s of snippets) assert.equal(await snippetState(page, s), want, `"${s}" should be ${want}`);
}

describe('stub core: the extension applies an exact plan', () => {
  test('(b) strict CSP + Trusted Types: clean, reader view and restore work', async () => {
    const page = await open('/strict.html', { hide: CLUTTER, keep: 'article.post', article: true });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.pageScript), 'ran');
    const before = await outerHTML(page);
    const run = await clickAction(b, page);
    assert.equal(run.result.state, 'clean');
    assert.equal(run.result.strategy, 'index');
    assert.equal(run.result.hidden, CLUTTER.length);
    await assertShown(page, ARTICLE_SNIPPETS, 'visible');
    await assertShown(page, CLUTTER_SNIPPETS, 'hidden');
    assert.match(textOfHTML(await shadowHTML(page, 'declutter-bar')), /8 items hidden/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'strict-clean.png'), caret: 'initial' });

    await clickShadow(page, 'declutter-bar', 'button[data-action=reader]');
    const reader = await shadowHTML(page, 'declutter-reader');
    const text = textOfHTML(reader);
    assert.match(text, /Le ministre des Affaires étrangères en visite au Maroc \(page stricte\)/);
    assert.match(text, /Claire Martin/);
    assert.match(text, /23 janvier 2023/, 'date formatted in the article language');
    assert.match(reader, /<time datetime="2023-01-23T10:30:00\+01:00">/);
    for (const s of ARTICLE_SNIPPETS) assert.ok(text.includes(s), s);
    assert.doesNotMatch(reader, /<script|onerror/i, 'the reader fence drops scripts and handlers');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    // The constructed stylesheet applied despite style-src 'self': the article column is narrow.
    const box = await shadowBox(page, 'declutter-reader', 'article');
    assert.ok(box && box.width < 800, `reader column styled (width ${box?.width})`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'strict-reader.png'), caret: 'initial' });

    await clickShadow(page, 'declutter-reader', 'button[data-action=restore]');
    assert.equal(await outerHTML(page), before, 'restore gives back the identical DOM');
    await page.close();
  });

  test('(c) script-rebuilt tree: hides only the intended elements, never the article', async () => {
    // The plan also names the article's root and two of its ancestors: they must be refused.
    const page = await open('/rebuilt.html', { hide: [...CLUTTER, 'main', 'article.post', 'body'], keep: 'article.post', article: true });
    const shifted = await page.evaluate(() => {
      const dt = `<!DOCTYPE ${document.doctype.name}>`;
      const parsed = new DOMParser().parseFromString(dt + document.documentElement.outerHTML, 'text/html');
      return [parsed.getElementsByTagName('*').length, document.getElementsByTagName('*').length];
    });
    assert.notEqual(shifted[0], shifted[1], 'the page really has a tree the parser would not produce');
    const before = await outerHTML(page);
    const run = await clickAction(b, page);
    assert.equal(run.result.strategy, 'fingerprint');
    const hidden = await hiddenByUs(page);
    const intended = ['div#cookie-banner.cookie-consent', 'nav.main-menu', 'ul.news-ticker.marquee',
      'div.share-bar.social-share', 'p.source-link', 'div.ad.advertisement', 'ul.most-read', 'section#comments.comments'];
    for (const h of hidden) assert.ok(intended.includes(h), `hid an unintended element: ${h}`);
    assert.ok(hidden.length >= 6, `most clutter hidden (${hidden.join(', ')})`);
    await assertShown(page, ARTICLE_SNIPPETS, 'visible');
    await assertShown(page, ['Note ajoutée par script dans un paragraphe'], 'visible');
    assert.equal(run.result.skipped, 3, 'main, article and body refused');
    await clickAction(b, page); // second toolbar click restores
    assert.equal(await outerHTML(page), before);
    await page.close();
  });

  test('(c) an unconfirmable plan hides nothing', async () => {
    const page = await open('/rebuilt.html');
    const url = page.url();
    const good = await planFor(page, { hide: CLUTTER, keep: 'article.post', article: true });
    // Lie about the element count: neither indexes nor the inert twin can be trusted.
    await stubAnalysis(b, url, { ...good, plan: { ...good.plan, element_count: good.plan.element_count + 7 } });
    const run = await clickAction(b, page);
    assert.equal(run.result.strategy, 'none');
    assert.deepEqual(await hiddenByUs(page), []);
    await assertShown(page, ARTICLE_SNIPPETS, 'visible');
    await page.close();
  });

  test('(d) no article: the bar says so and nothing is hidden', async () => {
    const page = await open('/noarticle.html'); // the stub answers article: null
    const before = await outerHTML(page);
    const run = await clickAction(b, page);
    assert.equal(run.result.article, false);
    assert.deepEqual(await hiddenByUs(page), []);
    const bar = await shadowHTML(page, 'declutter-bar');
    assert.match(textOfHTML(bar), /No article found on this page/);
    assert.doesNotMatch(bar, /data-action="reader"/);
    await page.keyboard.press('Escape');
    assert.equal(await outerHTML(page), before, 'Escape restores');
    await page.close();
  });

  test('(e) form contents, scroll, focus and page scripts survive clean → reader → restore', async () => {
    const page = await open('/form.html', { hide: CLUTTER, keep: 'article.post', article: true });
    await page.fill('#name', 'Amina');
    await page.fill('#msg', 'Bonjour, ceci est un message à moitié écrit');
    await page.check('#agree');
    await page.selectOption('#topic', 'c');
    await page.click('#counter');
    await page.evaluate(() => window.scrollTo(0, 640));
    await page.focus('#msg');
    await page.evaluate(() => document.getElementById('msg').setSelectionRange(8, 12));
    const before = await outerHTML(page);
    const y = await page.evaluate(() => window.scrollY);
    assert.ok(y > 0);

    await clickAction(b, page);
    await clickShadow(page, 'declutter-bar', 'button[data-action=reader]');
    assert.match(textOfHTML(await shadowHTML(page, 'declutter-reader')), /formulaire/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'form-reader.png'), caret: 'initial' }); // 'hide' would add style="" to inputs
    await page.keyboard.press('Escape');

    assert.equal(await outerHTML(page), before);
    assert.equal(await page.inputValue('#name'), 'Amina');
    assert.equal(await page.inputValue('#msg'), 'Bonjour, ceci est un message à moitié écrit');
    assert.equal(await page.isChecked('#agree'), true);
    assert.equal(await page.inputValue('#topic'), 'c');
    assert.equal(await page.evaluate(() => window.scrollY), y, 'same scroll position');
    assert.deepEqual(await page.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart,
      document.activeElement.selectionEnd]), ['msg', 8, 12], 'focus and caret back');
    await page.click('#counter');
    assert.equal(await page.textContent('#count'), '2', "the page's own listener still works");
    await page.close();
  });

  test('a trap in the core is reported, and the next click works on a fresh instance', async () => {
    const page = await open('/article.html');
    const url = page.url();
    await stubAnalysis(b, url, 'trap');
    let run = await clickAction(b, page);
    assert.equal(run.result.state, 'error');
    assert.match(textOfHTML(await shadowHTML(page, 'declutter-bar')), /Declutter failed on this page/);
    const resets = await b.sw.evaluate(() => globalThis.__stubResets);
    assert.equal(resets, 1);
    await clickAction(b, page); // restore
    await stubAnalysis(b, url, await planFor(page, { hide: CLUTTER, keep: 'article.post', article: true }));
    run = await clickAction(b, page);
    assert.equal(run.result.state, 'clean');
    assert.equal(run.result.hidden, CLUTTER.length);
    await page.close();
  });

  test('a refused page shows the core’s message', async () => {
    const page = await open('/article.html');
    await stubAnalysis(b, page.url(), 'this page is too large to declutter (40.0 MB; the limit is 32.0 MB)');
    const run = await clickAction(b, page);
    assert.equal(run.result.state, 'error');
    assert.match(textOfHTML(await shadowHTML(page, 'declutter-bar')), /too large to declutter/);
    await page.close();
  });
});
