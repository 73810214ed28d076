// The reader view and the options page with the browser in Arabic (Chromium started with
// --lang=ar, which picks the extension's _locales/ar messages): the Arabic fixture renders right
// to left with the Arabic UI mirrored; the French fixture keeps its left-to-right article under
// the mirrored Arabic UI. Screenshots of every theme go to tests/e2e/artifacts/reader-ui-ar-*.png.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, clickAction, clickShadow, shadowHTML } from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/server.mjs';
import { ARTIFACTS, EXT, allowExtensionPages, ensureBuilt, inShadow, launch, pageRoutes, until } from './helpers.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const CASES = ['maghress-ar-rtl', 'maghress-fr-lavrov'];
const THEMES = ['system', 'light', 'sepia', 'dark', 'contrast'];
const R = 'declutter-reader';

let b;
let server;

before(async () => {
  ensureBuilt();
  const routes = pageRoutes();
  for (const f of CASES) routes[`/fixtures/${f}/`] = { file: path.join(FIXTURES, f, 'source.html'), type: 'text/html; charset=utf-8' };
  server = await serve(routes);
  // --lang chooses Chromium's UI language, hence the extension's messages; LANGUAGE is what
  // Linux builds read when the flag is absent.
  b = await launch({ extDir: EXT, args: ['--lang=ar'], env: { LANGUAGE: 'ar' } });
  await allowExtensionPages(b);
});

after(async () => {
  await b?.close();
  await server?.close();
});

async function openReader(fixture) {
  const page = await b.ctx.newPage();
  await page.goto(server.url(`/fixtures/${fixture}/`), { waitUntil: 'domcontentloaded' });
  await clickAction(b, page);
  await clickShadow(page, 'declutter-bar', 'button[data-action=reader]');
  await until(async () => (await shadowHTML(page, R)).includes('<article'), { what: 'the reader view' });
  return page;
}

const layout = (page) => inShadow(page, R, function () {
  const box = (s) => this.querySelector(s).getBoundingClientRect();
  const art = this.querySelector('article');
  return {
    uiDir: this.querySelector('.page').dir, uiLang: this.querySelector('.page').lang,
    close: this.querySelector('[data-action=restore]').textContent, appearance: this.querySelector('[data-action=appearance]').textContent,
    closeX: box('[data-action=restore]').x, exportX: box('[data-action=export]').x,
    articleDir: art.dir, direction: getComputedStyle(this.querySelector('.content p')).direction,
    h1Right: Math.round(box('h1').right), articleRight: Math.round(art.getBoundingClientRect().right - parseFloat(getComputedStyle(art).paddingRight)),
  };
});

describe('Arabic browser', () => {
  test('the Arabic fixture: right to left, Arabic UI mirrored, screenshots of every theme', async () => {
    const page = await openReader('maghress-ar-rtl');
    const bar = await layout(page);
    assert.equal(bar.uiDir, 'rtl');
    assert.equal(bar.uiLang, 'ar');
    assert.equal(bar.close, 'إغلاق عرض القراءة');
    assert.equal(bar.appearance, 'المظهر');
    assert.ok(bar.closeX > bar.exportX, 'mirrored: "close" on the right, the panels\' toggles on the left');
    assert.equal(bar.articleDir, 'rtl');
    assert.equal(bar.direction, 'rtl');
    assert.equal(bar.h1Right, bar.articleRight, 'the title starts on the right');
    const meta = await inShadow(page, R, function () { return this.querySelector('.meta').textContent; });
    assert.match(meta, /دقيقة/);
    for (const theme of THEMES) {
      assert.equal(await inShadow(page, R, function () { return this.querySelector('.page').dataset.theme; }), theme);
      if (theme === 'sepia') await clickShadow(page, R, 'button[data-action=appearance]');
      await page.screenshot({ path: path.join(ARTIFACTS, `reader-ui-ar-maghress-ar-rtl-${theme}.png`) });
      if (theme === 'sepia') await clickShadow(page, R, 'button[data-action=appearance]');
      await inShadow(page, R, function () { this.querySelector('.page').focus(); });
      await page.keyboard.press('t');
    }
    await page.close();
  });

  test('the French fixture under the Arabic UI: the article stays left to right', async () => {
    const page = await openReader('maghress-fr-lavrov');
    const l = await layout(page);
    assert.equal(l.uiDir, 'rtl');
    assert.equal(l.articleDir, 'ltr');
    assert.equal(l.direction, 'ltr');
    const meta = await inShadow(page, R, function () { return this.querySelector('.meta').textContent; });
    assert.match(meta, /min de lecture/, 'the header speaks the article\'s language');
    await page.screenshot({ path: path.join(ARTIFACTS, 'reader-ui-ar-maghress-fr-lavrov.png') });
    await page.close();
  });

  test('the options page is in Arabic, mirrored', async () => {
    const page = await b.ctx.newPage();
    await page.goto(`chrome-extension://${b.extId}/options.html`);
    const o = await page.evaluate(() => ({ dir: document.documentElement.dir, lang: document.documentElement.lang, h1: document.querySelector('h1').textContent }));
    assert.deepEqual(o, { dir: 'rtl', lang: 'ar', h1: 'خيارات Declutter' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'options-ar.png'), fullPage: true });
    await page.close();
  });
});
