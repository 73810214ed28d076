// The reader view in real Chromium with the real core (dist/extension): header, settings (each
// changes what the reader shows and survives a reload), themes (WCAG AA contrast from the
// rendered colours, screenshots of each on the French and Arabic fixtures), keyboard walk and
// shortcuts, read aloud through a stubbed speechSynthesis, exports against committed files,
// print, the Back button, images and wide content. The Arabic UI runs in its own browser
// (reader-ar.test.mjs). DECLUTTER_BLESS=1 rewrites tests/e2e/expected/ from this run.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, clickAction, clickShadow, shadowHTML, textOfHTML, worker } from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/server.mjs';
import { ARTIFACTS, EXT, HERE, contrast, ensureBuilt, inContentWorld, inShadow, launch, openHalfFilledForm, outerHTML, pageRoutes, until } from './helpers.mjs';

const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const EXPECTED = path.join(HERE, 'expected');
const CASES = ['maghress-fr-lavrov', 'maghress-ar-rtl', 'lists-tables-code', 'lazy-images', 'figures-embeds', 'author-site-name-fallback-es'];
/** The themes, as the reader names them (settings.js), and the rendered-colour floors
 * (WCAG 2.2 AA: SC 1.4.3 text, SC 1.4.11 non-text: control boundaries and focus indicators). */
const THEMES = ['system', 'light', 'sepia', 'dark', 'contrast'];
const TEXT_MIN = 4.5;
const NON_TEXT_MIN = 3;
/** storage.sync writes are debounced (settings.js WRITE_DEBOUNCE_MS = 400): wait longer. */
const SETTLE_MS = 700;
const R = 'declutter-reader';

let b;
let server;

before(async () => {
  ensureBuilt();
  const routes = pageRoutes();
  for (const f of CASES) routes[`/fixtures/${f}/`] = { file: path.join(FIXTURES, f, 'source.html'), type: 'text/html; charset=utf-8' };
  server = await serve(routes);
  b = await launch({ extDir: EXT });
});

after(async () => {
  await b?.close();
  await server?.close();
});

const resetSettings = async () => (await worker(b)).evaluate(() => chrome.storage.sync.clear());
const storedSettings = async () => (await worker(b)).evaluate(async () => (await chrome.storage.sync.get('settings')).settings ?? null);

/** Opens `route`, cleans with a real toolbar click, then opens the reader with the bar's button. */
async function openReader(route, { page, beforeReader } = {}) {
  page ??= await b.ctx.newPage();
  if (route) await page.goto(server.url(route), { waitUntil: 'domcontentloaded' });
  await page.waitForTimeout(200);
  const run = await clickAction(b, page);
  assert.equal(run.result.state, 'clean', run.result.error);
  if (beforeReader) await beforeReader(page);
  await clickShadow(page, 'declutter-bar', 'button[data-action=reader]');
  await until(async () => (await shadowHTML(page, R)).includes('<article'), { what: 'the reader view' });
  return page;
}

/** What the reader shows, from computed styles inside its shadow root. */
const looks = (page) => inShadow(page, R, function () {
  const page = this.querySelector('.page');
  const art = this.querySelector('article');
  const p = this.querySelector('.content p');
  const cs = getComputedStyle(p);
  return {
    theme: page.dataset.theme, bg: getComputedStyle(page).backgroundColor, color: cs.color,
    font: getComputedStyle(art).fontFamily, size: cs.fontSize, lineHeight: cs.lineHeight,
    width: Math.round(art.getBoundingClientRect().width), align: cs.textAlign,
  };
});

const press = async (page, key, times = 1) => { for (let i = 0; i < times; i++) await page.keyboard.press(key); };

describe('header and languages', () => {
  test('French article: site link, title, byline, date, reading time and word count in French', async () => {
    await resetSettings();
    const page = await openReader('/fixtures/maghress-fr-lavrov/');
    const head = await inShadow(page, R, function () {
      const h = this.querySelector('article header');
      return { text: h.innerText, site: h.querySelector('.site a').href, lang: this.querySelector('article').lang, dir: this.querySelector('article').dir,
        time: h.querySelector('time')?.getAttribute('datetime'), words: h.querySelector('.words')?.textContent, reading: h.querySelector('.reading-time')?.textContent };
    });
    assert.equal(head.site, page.url(), 'the site name links to the original');
    assert.equal(head.lang, 'fr');
    assert.equal(head.dir, 'ltr');
    assert.match(head.text, /Lavrov/);
    assert.match(head.text, /23 janvier 2023/, 'date in the article language');
    assert.match(head.reading, /^\d+ min de lecture$/);
    assert.match(head.words, /^[\d\u202f ]+ mots$/);
    await page.close();
  });

  test('a page signed by its publication shows the name once, as the site, not again as the byline', async () => {
    const page = await openReader('/fixtures/author-site-name-fallback-es/');
    const head = await inShadow(page, R, function () {
      const h = this.querySelector('article header');
      return { text: h.innerText, site: h.querySelector('.site').textContent, byline: h.querySelector('.byline')?.textContent ?? null };
    });
    assert.equal(head.site, 'Fundación Mar Abierto');
    assert.equal(head.byline, null);
    assert.equal(head.text.split('Fundación Mar Abierto').length - 1, 1, head.text);
    await page.close();
  });

  test('Arabic article in an English browser: right to left, Arabic fonts, header in Arabic, UI in English', async () => {
    const page = await openReader('/fixtures/maghress-ar-rtl/');
    const r = await inShadow(page, R, function () {
      const art = this.querySelector('article');
      const p = this.querySelector('.content p');
      return { dir: art.dir, lang: art.lang, direction: getComputedStyle(p).direction, font: getComputedStyle(art).fontFamily,
        lh: parseFloat(getComputedStyle(p).lineHeight) / parseFloat(getComputedStyle(p).fontSize),
        reading: art.querySelector('.reading-time').textContent, words: art.querySelector('.words').textContent,
        date: art.querySelector('time').textContent, source: art.querySelector('.source').textContent,
        close: this.querySelector('[data-action=restore]').textContent, uiDir: this.querySelector('.page').dir };
    });
    assert.equal(r.dir, 'rtl');
    assert.equal(r.direction, 'rtl');
    assert.equal(r.lang, 'ar');
    assert.match(r.font, /^"Noto Naskh Arabic"/, 'an Arabic font stack');
    assert.ok(r.lh >= 1.8, `taller lines for Arabic script (${r.lh.toFixed(2)})`);
    assert.match(r.reading, /دقيقة/, `reading time in Arabic, not "min read" (${r.reading})`);
    assert.match(r.words, /كلمة/);
    assert.match(r.date, /يناير/, `date in Arabic (${r.date})`);
    assert.match(r.source, /القراءة في الصفحة الأصلية/);
    assert.equal(r.close, 'Close reader view', 'the UI follows the browser (English)');
    assert.equal(r.uiDir, 'ltr');
    await page.close();
  });
});

describe('settings', () => {
  test('each setting changes what the reader shows and survives a reload', async () => {
    await resetSettings();
    const page = await openReader('/fixtures/maghress-fr-lavrov/');
    const base = await looks(page);
    assert.equal(base.theme, 'system');
    await clickShadow(page, R, 'button[data-action=appearance]');

    await clickShadow(page, R, 'button[data-action=theme-sepia]');
    const sepia = await looks(page);
    assert.equal(sepia.theme, 'sepia');
    assert.notEqual(sepia.bg, base.bg, 'theme changes the background');

    await clickShadow(page, R, 'button[data-action=font-sans]');
    const sans = await looks(page);
    assert.notEqual(sans.font, base.font, 'font family changes');
    assert.match(sans.font, /system-ui/);

    await clickShadow(page, R, 'button[data-action=larger]');
    await clickShadow(page, R, 'button[data-action=larger]');
    const larger = await looks(page);
    assert.ok(parseFloat(larger.size) > parseFloat(base.size), `size ${base.size} -> ${larger.size}`);

    await clickShadow(page, R, 'input[data-setting=lineHeight]');
    await page.keyboard.press('End');
    const spaced = await looks(page);
    assert.ok(parseFloat(spaced.lineHeight) / parseFloat(spaced.size) > 2, `line height ${spaced.lineHeight}`);

    await clickShadow(page, R, 'input[data-setting=width]');
    await page.keyboard.press('Home');
    const narrow = await looks(page);
    assert.ok(narrow.width < base.width, `width ${base.width} -> ${narrow.width}`);

    await clickShadow(page, R, 'button[data-action=align-justify]');
    const justified = await looks(page);
    assert.equal(justified.align, 'justify');

    await page.waitForTimeout(SETTLE_MS);
    const stored = await storedSettings();
    assert.deepEqual({ ...stored, voice: undefined, rate: undefined, action: undefined },
      { theme: 'sepia', font: 'sans', size: 22, lineHeight: 2.1, width: 28, align: 'justify', voice: undefined, rate: undefined, action: undefined });

    await page.reload({ waitUntil: 'domcontentloaded' });
    await openReader(null, { page });
    assert.deepEqual(await looks(page), justified, 'the same reader after a reload');
    // And on another page.
    const other = await openReader('/fixtures/lists-tables-code/');
    const o = await looks(other);
    assert.deepEqual([o.theme, o.font, o.size, o.align], [justified.theme, justified.font, justified.size, 'justify']);
    await other.close();
    await page.close();
  });

  test('a change applies without moving the paragraph being read', async () => {
    await resetSettings();
    const page = await openReader('/fixtures/maghress-fr-lavrov/');
    const probe = () => inShadow(page, R, function () {
      const page = this.querySelector('.page');
      const ps = [...this.querySelectorAll('.content p')];
      const top = page.getBoundingClientRect().top + this.querySelector('.bar').offsetHeight;
      const p = ps.find((x) => x.getBoundingClientRect().bottom > top);
      return { index: ps.indexOf(p), top: Math.round(p.getBoundingClientRect().top) };
    });
    await inShadow(page, R, function () { const p = this.querySelectorAll('.content p')[3]; p.scrollIntoView({ block: 'start', behavior: 'instant' }); this.querySelector('.page').scrollTop -= 120; });
    const before = await probe();
    await press(page, '+', 3);
    const after = await probe();
    assert.equal(after.index, before.index, 'the same paragraph is first in view');
    assert.ok(Math.abs(after.top - before.top) <= 2, `it stays put (${before.top} -> ${after.top})`);
    await page.close();
  });
});

/** Rendered colours of everything visible in the reader, paired with what they sit on. */
const colourPairs = (page) => inShadow(page, R, function () {
  const page = this.querySelector('.page');
  const pageBg = getComputedStyle(page).backgroundColor;
  const opaque = (c) => c && c !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(c);
  const bgOf = (el) => {
    for (let e = el; e && e !== page.parentNode; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (opaque(c)) return c;
    }
    return pageBg;
  };
  const visible = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
  const text = [];
  const nonText = [];
  const sel = { body: '.content p', title: 'h1', meta: '.meta', link: '.content a, .site a, .source a', caption: 'figcaption',
    label: '.label, .status, .value', control: 'button, select' };
  for (const [kind, s] of Object.entries(sel)) {
    for (const e of [...this.querySelectorAll(s)].filter(visible).slice(0, 6)) {
      text.push({ kind, what: e.dataset?.action ?? e.className ?? e.localName, fg: getComputedStyle(e).color, bg: bgOf(e) });
    }
  }
  for (const e of [...this.querySelectorAll('button, select')].filter(visible)) {
    // The boundary that shows where a control is: its border against what surrounds it, or
    // (a pressed button) its fill against the same.
    const cs = getComputedStyle(e);
    const around = bgOf(e.parentElement);
    const fill = opaque(cs.backgroundColor) ? cs.backgroundColor : around;
    nonText.push({ kind: 'control', what: e.dataset.action ?? e.localName, fg: fill !== around ? fill : cs.borderTopColor, bg: around });
  }
  for (const e of [...this.querySelectorAll('input[type=range]')].filter(visible)) {
    nonText.push({ kind: 'range', what: e.dataset.setting, fg: getComputedStyle(e).accentColor, bg: bgOf(e) });
  }
  const f = this.activeElement;
  if (f && f !== page) nonText.push({ kind: 'focus', what: f.dataset.action, fg: getComputedStyle(f).outlineColor, bg: bgOf(f.parentElement), style: getComputedStyle(f).outlineStyle, width: getComputedStyle(f).outlineWidth });
  return { text, nonText };
});

describe('themes', () => {
  for (const fixture of ['maghress-fr-lavrov', 'maghress-ar-rtl']) {
    test(`every theme meets WCAG AA contrast, with screenshots (${fixture})`, async () => {
      await resetSettings();
      const page = await openReader(`/fixtures/${fixture}/`);
      const failures = [];
      const seen = [];
      const check = async (name) => {
        for (const panel of ['appearance', 'listen', 'export']) {
          await clickShadow(page, R, `button[data-action=${panel}]`);
          // Focus the panel's toggle from the keyboard, so :focus-visible draws its ring.
          await inShadow(page, R, function (p) { this.querySelector(`[data-action=${p}]`).previousElementSibling?.focus?.(); }, panel);
          await page.keyboard.press('Tab');
          const { text, nonText } = await colourPairs(page);
          for (const x of text) { const c = contrast(x.fg, x.bg); if (c < TEXT_MIN) failures.push(`${name}/${panel}: ${x.kind} ${x.what} ${x.fg} on ${x.bg} = ${c.toFixed(2)}`); }
          for (const x of nonText) {
            const c = contrast(x.fg, x.bg);
            if (c < NON_TEXT_MIN) failures.push(`${name}/${panel}: ${x.kind} ${x.what} ${x.fg} on ${x.bg} = ${c.toFixed(2)}`);
            if (x.kind === 'focus' && (x.style === 'none' || parseFloat(x.width) < 2)) failures.push(`${name}: focus ring ${x.style} ${x.width}`);
          }
          assert.ok(text.length > 8 && nonText.some((x) => x.kind === 'focus'), 'measured text, controls and a focus ring');
          if (panel === 'appearance') await page.screenshot({ path: path.join(ARTIFACTS, `reader-${fixture}-${name}-tools.png`) });
        }
        await clickShadow(page, R, 'button[data-action=export]'); // close the last panel
        await inShadow(page, R, function () { this.querySelector('.page').focus(); });
        await page.screenshot({ path: path.join(ARTIFACTS, `reader-${fixture}-${name}.png`) });
        seen.push(name);
      };
      for (const name of THEMES) {
        const theme = await inShadow(page, R, function () { return this.querySelector('.page').dataset.theme; });
        assert.equal(theme, name, 'the T shortcut cycles through the themes in order');
        await check(name);
        await page.keyboard.press('t');
      }
      await page.emulateMedia({ colorScheme: 'dark' });
      // A full cycle of T is back at 'system', now following a dark system.
      assert.equal(await inShadow(page, R, function () { return this.querySelector('.page').dataset.theme; }), 'system');
      await check('system-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      assert.deepEqual(failures, []);
      assert.deepEqual(seen, [...THEMES, 'system-dark']);
      await page.close();
    });
  }
});

describe('keyboard', () => {
  test('Tab reaches every control in a sensible order, with a visible focus ring; panels open from the keyboard', async () => {
    await resetSettings();
    const page = await openReader('/fixtures/maghress-fr-lavrov/');
    const focused = () => inShadow(page, R, function () {
      const f = this.activeElement;
      if (!f) return null;
      const cs = getComputedStyle(f);
      return { id: f.dataset.action ?? f.dataset.setting ?? f.localName, ring: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2 };
    });
    const controls = (panel) => inShadow(page, R, function (p) {
      return [...this.querySelectorAll(p ? `#panel-${p} :is(button, select, input)` : '.tools :is(button, select, input)')]
        .map((e) => e.dataset.action ?? e.dataset.setting);
    }, panel);
    await inShadow(page, R, function () { this.querySelector('.page').focus(); });
    const walk = async (n) => {
      const order = [];
      for (let i = 0; i < n; i++) {
        await page.keyboard.press('Tab');
        const f = await focused();
        assert.ok(f, 'focus stays in the reader');
        assert.ok(f.ring, `visible focus on ${f.id}`);
        order.push(f.id);
      }
      return order;
    };
    const tools = await controls(null);
    assert.deepEqual(tools, ['restore', 'appearance', 'listen', 'export']);
    assert.deepEqual(await walk(tools.length), tools, 'the toolbar, in order');
    for (const panel of ['appearance', 'listen', 'export']) {
      // Back to the panel's toggle, open it with Enter, walk its controls.
      await inShadow(page, R, function (p) { this.querySelector(`.tools [data-action=${p}]`).focus(); }, panel);
      await page.keyboard.press('Enter');
      const inPanel = (await controls(panel)).filter((c) => c);
      // Tab goes through the toggles after this one, then the open panel's controls.
      const later = 2 - ['appearance', 'listen', 'export'].indexOf(panel);
      const order = await walk(later + inPanel.length);
      assert.deepEqual(order.slice(later), inPanel, `${panel}: every control, in order`);
      await page.keyboard.press('Escape'); // closes the panel, focus back on its toggle
      assert.equal((await focused()).id, panel);
      assert.equal(await inShadow(page, R, function (p) { return this.querySelector(`#panel-${p}`).hidden; }, panel), true);
    }
    // Space on a focused theme button operates it.
    await inShadow(page, R, function () { this.querySelector('.tools [data-action=appearance]').focus(); });
    await page.keyboard.press('Enter');
    await inShadow(page, R, function () { this.querySelector('[data-action=theme-dark]').focus(); });
    await page.keyboard.press('Space');
    assert.equal((await looks(page)).theme, 'dark');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    assert.equal(await shadowHTML(page, R), '', 'the second Escape leaves the reader');
    await page.close();
  });

  test('shortcuts: T theme, + and − size, and ARIA names on every control', async () => {
    await resetSettings();
    const page = await openReader('/fixtures/maghress-fr-lavrov/');
    const a = await looks(page);
    await page.keyboard.press('t');
    assert.equal((await looks(page)).theme, 'light');
    await press(page, '+', 2);
    assert.ok(parseFloat((await looks(page)).size) > parseFloat(a.size));
    await press(page, '-', 4);
    assert.ok(parseFloat((await looks(page)).size) < parseFloat(a.size));
    const unnamed = await inShadow(page, R, function () {
      for (const p of this.querySelectorAll('.panel')) p.hidden = false;
      const name = (e) => e.getAttribute('aria-label') || e.textContent.trim() || e.closest('label')?.textContent.trim();
      const out = [...this.querySelectorAll('button, select, input')].filter((e) => !name(e)).map((e) => e.outerHTML);
      for (const p of this.querySelectorAll('.panel')) p.hidden = true;
      return out;
    });
    assert.deepEqual(unnamed, []);
    const roles = await inShadow(page, R, function () {
      return { page: this.querySelector('.page').getAttribute('role'), tools: this.querySelector('.tools').getAttribute('role'),
        expanded: this.querySelector('[data-action=appearance]').getAttribute('aria-expanded'),
        pressed: this.querySelector('[data-action=theme-light]').getAttribute('aria-pressed'),
        status: this.querySelector('.status').getAttribute('role') };
    });
    assert.deepEqual(roles, { page: 'region', tools: 'group', expanded: 'false', pressed: 'true', status: 'status' });
    await page.close();
  });

  test('prefers-reduced-motion: no smooth scrolling or transitions', async () => {
    const page = await b.ctx.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openReader('/fixtures/maghress-fr-lavrov/', { page });
    const motion = await inShadow(page, R, function () {
      const cs = getComputedStyle(this.querySelector('button'));
      return { scroll: getComputedStyle(this.querySelector('.page')).scrollBehavior, transition: cs.transitionDuration };
    });
    assert.deepEqual(motion, { scroll: 'auto', transition: '0s' });
    await page.close();
  });
});

describe('Back button', () => {
  test('Back leaves the reader and gives the page back exactly; Escape drops our history entry too', async () => {
    await resetSettings();
    const page = await openHalfFilledForm(b, server);
    // What the page's own popstate listener (added before ours, so it runs) sees.
    await page.evaluate(() => { window.__pops = []; window.addEventListener('popstate', (e) => { window.__pops.push([location.href, JSON.stringify(e.state)]); }); });
    const stateBefore = await page.evaluate(() => JSON.stringify(history.state));
    await page.evaluate(() => window.scrollTo(0, 640));
    await page.focus('#msg');
    await page.evaluate(() => document.getElementById('msg').setSelectionRange(8, 12));
    const before = await outerHTML(page);
    const y = await page.evaluate(() => window.scrollY);
    const url = page.url();
    await openReader(null, { page });
    await page.goBack();
    await until(async () => (await shadowHTML(page, R)) === '', { what: 'the reader to close' });
    assert.equal(page.url(), url, 'still on the same page');
    assert.equal(await outerHTML(page), before);
    assert.equal(await page.inputValue('#name'), 'Amina');
    assert.equal(await page.inputValue('#msg'), 'Bonjour, ceci est un message à moitié écrit');
    assert.equal(await page.isChecked('#agree'), true);
    assert.equal(await page.inputValue('#topic'), 'c');
    assert.equal(await page.evaluate(() => window.scrollY), y, 'same scroll position');
    assert.deepEqual(await page.evaluate(() => [document.activeElement.id, document.activeElement.selectionStart, document.activeElement.selectionEnd]), ['msg', 8, 12]);
    await page.click('#counter');
    assert.equal(await page.textContent('#count'), '2', "the page's own listener still works");
    assert.deepEqual(await page.evaluate(() => window.__pops), [[url, stateBefore]], 'the page saw a popstate to the same URL and state: nothing new for a router');

    // Escape instead of Back: our entry goes too (history.back), still unseen by the page.
    const length = await page.evaluate(() => history.length);
    const before2 = await outerHTML(page);
    await openReader(null, { page });
    assert.equal(await page.evaluate(() => history.length), length + 0, 'pushState replaced the forward entry');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    assert.equal(page.url(), url);
    assert.equal(await outerHTML(page), before2);
    assert.deepEqual(await page.evaluate(() => window.__pops), [[url, stateBefore], [url, stateBefore]]);
    assert.equal(await page.evaluate(() => history.length), length, 'no entry left behind');
    await page.close();
  });
});

/** The speechSynthesis stub: records every utterance with its language, rate and voice; plays
 * nothing; `finish()` ends the current utterance as an engine would. */
const SPEECH_STUB = `(() => {
  const log = { utterances: [], calls: [] };
  let current = null;
  class Utterance { constructor(text) { this.text = text; this.lang = ''; this.rate = 1; this.voice = null; } }
  const voices = [{ name: 'Test French', lang: 'fr-FR' }, { name: 'Test Arabic', lang: 'ar-SA' }, { name: 'Test English', lang: 'en-US' }];
  const synth = {
    speak(u) { log.calls.push('speak'); log.utterances.push({ text: u.text, lang: u.lang, rate: u.rate, voice: u.voice ? u.voice.name : null }); current = u; queueMicrotask(() => u.onstart && u.onstart({})); },
    cancel() { log.calls.push('cancel'); const u = current; current = null; if (u && u.onerror) u.onerror({ error: 'interrupted' }); },
    pause() { log.calls.push('pause'); }, resume() { log.calls.push('resume'); },
    getVoices() { return voices; }, addEventListener() {}, removeEventListener() {},
    finish() { const u = current; current = null; if (u && u.onend) u.onend({}); },
  };
  Object.defineProperty(globalThis, 'speechSynthesis', { value: synth, configurable: true, writable: true });
  Object.defineProperty(globalThis, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true, writable: true });
  globalThis.__speech = log;
  globalThis.__speechFinish = () => synth.finish();
  return true;
})()`;

describe('read aloud', () => {
  for (const [fixture, lang, voice] of [['maghress-fr-lavrov', 'fr', 'Test French'], ['maghress-ar-rtl', 'ar', 'Test Arabic']]) {
    test(`speaks each sentence in the article's language, highlighted and in view (${lang})`, async () => {
      await resetSettings();
      const page = await b.ctx.newPage();
      // The page's world gets the stub too; the content script runs in an isolated world with
      // its own globals, so the stub that counts is the one installed there (below), and the
      // page's copy must stay silent.
      await page.addInitScript(SPEECH_STUB);
      const speech = () => inContentWorld(page, b.extId, '({ ...globalThis.__speech, mark: [...(CSS.highlights.get("declutter-sentence") ?? [])].map(String) })');
      await page.goto(server.url(`/fixtures/${fixture}/`), { waitUntil: 'domcontentloaded' });
      await openReader(null, { page, beforeReader: () => inContentWorld(page, b.extId, SPEECH_STUB) });
      const title = await inShadow(page, R, function () { return this.querySelector('h1').textContent; });

      await page.keyboard.press('r');
      let s = await until(async () => { const x = await speech(); return x.utterances.length ? x : null; }, { what: 'an utterance' });
      assert.equal(s.utterances[0].text, title.replace(/\s+/g, ' ').trim(), 'starts with the title');
      assert.equal(s.utterances[0].lang, lang);
      assert.deepEqual(s.mark, [s.utterances[0].text], 'the sentence being read is highlighted');

      for (let i = 0; i < 12; i++) await inContentWorld(page, b.extId, '__speechFinish()');
      s = await speech();
      assert.equal(s.utterances.length, 13, 'each end starts the next sentence');
      assert.ok(s.utterances.every((u) => u.lang === lang));
      assert.ok(s.utterances.slice(1).every((u) => u.text.length > 1 && u.text.length < 400), 'sentences, not whole paragraphs');
      assert.deepEqual(s.mark, [s.utterances[12].text]);
      // Scrolling is smooth and starts on the next frames: wait for it rather than read it at
      // once (a loaded machine read 0 before the first frame).
      const scrolled = () => inShadow(page, R, function () { return this.querySelector('.page').scrollTop; });
      const inView = await until(async () => { const top = await scrolled(); return top > 0 ? { scrolled: top } : null; }, { timeout: 3000, what: 'the view to follow the reading' });
      assert.ok(inView.scrolled > 0, 'the view followed the reading');
      // Scrolling is smooth (no reduced motion asked): give it time to land.
      const markBox = () => inContentWorld(page, b.extId, '(() => { const r = [...CSS.highlights.get("declutter-sentence")][0].getBoundingClientRect(); return { top: r.top, bottom: r.bottom, h: innerHeight }; })()');
      await until(async () => { const m = await markBox(); return m.top >= 0 && m.bottom <= m.h; }, { timeout: 3000, what: 'the sentence being read to scroll into view' });
      await page.screenshot({ path: path.join(ARTIFACTS, `reader-${fixture}-read-aloud.png`) });

      // Pause and resume (R), skip both ways and change speed and voice from the panel.
      await page.keyboard.press('r');
      await page.keyboard.press('r');
      s = await speech();
      assert.deepEqual(s.calls.slice(-2), ['pause', 'resume']);
      await clickShadow(page, R, 'button[data-action=listen]');
      await clickShadow(page, R, 'button[data-action=next]');
      await clickShadow(page, R, 'button[data-action=previous]');
      await clickShadow(page, R, 'button[data-action=previous]');
      s = await speech();
      const texts = s.utterances.map((u) => u.text);
      // After the 13 sentences: next (14th), previous (13th), previous (12th).
      assert.deepEqual(texts.slice(-3), [texts[13], texts[12], texts[11]]);
      const voices = await inShadow(page, R, function () { return [...this.querySelector('select[data-setting=voice]').options].map((o) => o.value); });
      assert.deepEqual(voices, ['', voice], `only voices for ${lang}`);
      await inShadow(page, R, function (v) {
        const rate = this.querySelector('select[data-setting=rate]');
        rate.value = '1.5';
        rate.dispatchEvent(new Event('change'));
        const sel = this.querySelector('select[data-setting=voice]');
        sel.value = v;
        sel.dispatchEvent(new Event('change'));
      }, voice);
      s = await speech();
      assert.deepEqual({ rate: s.utterances.at(-1).rate, voice: s.utterances.at(-1).voice }, { rate: 1.5, voice });
      await page.keyboard.press('Escape'); // the panel
      await page.keyboard.press('Escape'); // the reader: speech stops
      s = await speech();
      assert.equal(s.calls.at(-1), 'cancel');
      assert.deepEqual(s.mark, []);
      assert.equal(await page.evaluate(() => globalThis.__speech.utterances.length), 0, "the page's world heard nothing");
      await page.close();
    });
  }
});

/** Makes an export comparable across runs: the test server's port and the page's unique URL. */
const normalise = (text, page) => text.replaceAll(page.url(), '{{PAGE_URL}}').replaceAll(server.base, '{{ORIGIN}}');

function compareExpected(name, text) {
  const file = path.join(EXPECTED, name);
  if (process.env.DECLUTTER_BLESS || !existsSync(file)) {
    mkdirSync(EXPECTED, { recursive: true });
    writeFileSync(file, text);
    if (!process.env.DECLUTTER_BLESS) assert.fail(`${name} did not exist: written, review and commit it`);
    return;
  }
  assert.equal(text, readFileSync(file, 'utf8'), `${name} differs from the committed file (DECLUTTER_BLESS=1 to update after review)`);
}

describe('export', () => {
  for (const fixture of ['maghress-fr-lavrov', 'maghress-ar-rtl', 'lists-tables-code']) {
    test(`Markdown and standalone HTML from the core match tests/e2e/expected (${fixture})`, async () => {
      await resetSettings();
      const page = await openReader(`/fixtures/${fixture}/`);
      await clickShadow(page, R, 'button[data-action=export]');
      const save = async (action) => {
        const [download] = await Promise.all([page.waitForEvent('download'), clickShadow(page, R, `button[data-action=${action}]`)]);
        return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
      };
      const md = await save('save-markdown');
      assert.match(md.name, /\.md$/);
      compareExpected(`${fixture}.md`, normalise(md.text, page));
      const html = await save('save-html');
      assert.match(html.name, /\.html$/);
      assert.match(html.text, /^<!DOCTYPE html>/);
      assert.doesNotMatch(html.text, /<script|\son[a-z]+=|javascript:/i, 'script-free');
      compareExpected(`${fixture}.html`, normalise(html.text, page));
      const status = await inShadow(page, R, function () { return this.querySelector('.status').textContent; });
      assert.ok(status.includes(html.name), `the status line says where it went (${status})`);

      await b.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.base });
      await clickShadow(page, R, 'button[data-action=copy-markdown]');
      await until(async () => (await inShadow(page, R, function () { return this.querySelector('.status').textContent; })).includes('Copied'), { what: 'the copy' });
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), md.text, 'the clipboard holds the same Markdown');

      // The standalone page renders on its own, with its metadata.
      const alone = await b.ctx.newPage();
      await alone.setContent(html.text);
      assert.equal(await alone.evaluate(() => document.querySelectorAll('script').length), 0);
      assert.ok((await alone.evaluate(() => document.querySelector('h1').textContent)).length > 10);
      await alone.screenshot({ path: path.join(ARTIFACTS, `export-${fixture}.png`) });
      await alone.close();
      await page.close();
    });
  }

  test('print: the tools drop, the article flows over pages, link targets are written out', async () => {
    const page = await openReader('/fixtures/maghress-fr-lavrov/');
    await page.emulateMedia({ media: 'print' });
    const host = await page.evaluate(() => getComputedStyle(document.querySelector('declutter-reader')).position);
    const p = await inShadow(page, R, function () {
      const a = this.querySelector('.source a');
      return { bar: getComputedStyle(this.querySelector('.bar')).display, page: getComputedStyle(this.querySelector('.page')).position,
        after: getComputedStyle(a, '::after').content, href: a.href, bg: getComputedStyle(this.querySelector('.page')).backgroundColor };
    });
    assert.equal(host, 'static');
    assert.equal(p.bar, 'none');
    assert.equal(p.page, 'static');
    assert.ok(p.after.includes(p.href), `link target printed (${p.after})`);
    assert.equal(p.bg, 'rgb(255, 255, 255)');
    const pdf = await page.pdf({ path: path.join(ARTIFACTS, 'reader-print.pdf') });
    await page.emulateMedia({ media: 'screen' });
    const pages = Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);
    assert.ok(pages >= 2, `the article prints over ${pages} pages`);
    await page.close();
  });
});

describe('images and wide content', () => {
  test('lazy images get their real source; figures keep captions; videos become links; wide tables and code scroll inside the column', async () => {
    const lazy = await openReader('/fixtures/lazy-images/');
    const imgs = await inShadow(lazy, R, function () {
      return { src: [...this.querySelectorAll('.content img')].map((i) => i.getAttribute('src')),
        captions: [...this.querySelectorAll('figure figcaption')].map((c) => c.textContent.trim()) };
    });
    for (const name of ['moulin-de-birlot', 'millstones-detail.jpg', 'corroios-interior-2560x1707.jpg', 'sluice-gate-animation.gif']) {
      assert.ok(imgs.src.some((s) => s?.includes(name)), `${name} shown (${imgs.src.join(', ')})`);
    }
    assert.ok(imgs.captions.some((c) => c.includes('From the air, the rectangular mill ponds')));
    await lazy.close();

    const embeds = await openReader('/fixtures/figures-embeds/');
    const fig = await inShadow(embeds, R, function () {
      return { captions: [...this.querySelectorAll('figure figcaption')].map((c) => c.textContent.trim()),
        players: [...this.querySelectorAll('.embed a')].map((a) => a.href), frames: this.querySelectorAll('iframe').length };
    });
    assert.ok(fig.captions.some((c) => c.includes("Le concert de clôture de l'édition 2022")), 'figures keep their captions');
    assert.ok(fig.players.some((h) => h.startsWith('https://www.youtube.com/embed/')) && fig.players.some((h) => h.startsWith('https://player.vimeo.com/video/')),
      `video players become links (${fig.players})`);
    assert.equal(fig.frames, 0, 'no third-party frame runs in the reader');
    await embeds.close();

    const wide = await openReader('/fixtures/lists-tables-code/');
    await inShadow(wide, R, function () {
      // Make the widest case certain: a code line longer than any column.
      const pre = this.querySelector('pre');
      pre.append(`\n${'x'.repeat(400)}`);
    });
    const boxes = await inShadow(wide, R, function () {
      const col = this.querySelector('.content').getBoundingClientRect();
      return [...this.querySelectorAll('.content pre, .content table')].map((e) => ({
        tag: e.localName, overflow: getComputedStyle(e).overflowX, right: e.getBoundingClientRect().right, left: e.getBoundingClientRect().left,
        colLeft: col.left, colRight: col.right, scrolls: e.scrollWidth > e.clientWidth,
      }));
    });
    assert.ok(boxes.some((x) => x.tag === 'table') && boxes.some((x) => x.tag === 'pre'));
    for (const x of boxes) {
      assert.equal(x.overflow, 'auto', `${x.tag} scrolls`);
      assert.ok(x.right <= x.colRight + 1 && x.left >= x.colLeft - 1, `${x.tag} stays inside the column`);
    }
    assert.ok(boxes.find((x) => x.tag === 'pre').scrolls, 'the long line scrolls inside its block');
    await wide.screenshot({ path: path.join(ARTIFACTS, 'reader-lists-tables-code.png') });
    await wide.close();
  });
});

describe('show what was removed', () => {
  test('the blocks the core left out are listed, folded, with their reasons in the UI language', async () => {
    await resetSettings();
    const page = await openReader('/fixtures/maghress-ar-rtl/');
    const state = () => inShadow(page, R, function () {
      const d = this.querySelector('details.removed');
      if (!d) return null;
      return {
        open: d.open, summary: d.querySelector('summary').textContent, uiDir: d.dir,
        items: [...d.querySelectorAll('li')].map((li) => ({ reason: li.querySelector('.reason').textContent, text: li.querySelector('.text').textContent })),
        shown: d.querySelector('ul').checkVisibility(),
        inContent: this.querySelector('.content').textContent.includes('أعلن على مغرس'),
      };
    });
    const before = await state();
    assert.ok(before, 'the reader has a "what was removed" list');
    assert.equal(before.open, false, 'folded by default');
    assert.equal(before.shown, false, 'its items are not shown until asked');
    assert.equal(before.uiDir, 'ltr', 'the list is UI (English here), not article text');
    assert.match(before.summary, new RegExp(`\\(${before.items.length}\\)`));
    assert.ok(before.items.some((i) => i.reason === 'Related links' && i.text.startsWith('اقرأ أيضا')), JSON.stringify(before.items));
    assert.ok(before.items.some((i) => i.reason === 'Advertisement' && i.text.includes('أعلن على مغرس')), JSON.stringify(before.items));
    assert.equal(before.inContent, false, 'a removed block is not in the body');
    // Open it from the keyboard: the summary is a control like the others.
    await inShadow(page, R, function () { this.querySelector('details.removed summary').focus(); });
    await page.keyboard.press('Enter');
    const after = await state();
    assert.equal(after.open, true);
    assert.equal(after.shown, true, 'the items show once opened');
    await page.screenshot({ path: path.join(ARTIFACTS, 'reader-removed-list.png'), fullPage: true });
    await page.close();
  });
});
