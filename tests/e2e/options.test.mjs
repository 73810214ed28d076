// The options page (extension/options.html) in real Chromium: its settings reach storage.sync,
// show again after a reload, drive the reader view (also one already open, through
// storage.onChanged), and the toolbar button's action can be "open the reader view directly".
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT, clickAction, shadowHTML, worker } from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/server.mjs';
import { ARTIFACTS, EXT, allowExtensionPages, ensureBuilt, inShadow, launch, pageRoutes, until } from './helpers.mjs';

const FIXTURE = 'maghress-fr-lavrov';
const R = 'declutter-reader';
/** storage.sync writes are debounced (settings.js WRITE_DEBOUNCE_MS = 400): wait longer. */
const SETTLE_MS = 700;

let b;
let server;

before(async () => {
  ensureBuilt();
  const routes = pageRoutes();
  routes[`/fixtures/${FIXTURE}/`] = { file: path.join(ROOT, 'tests', 'fixtures', FIXTURE, 'source.html'), type: 'text/html; charset=utf-8' };
  server = await serve(routes);
  b = await launch({ extDir: EXT });
  await allowExtensionPages(b);
});

after(async () => {
  await b?.close();
  await server?.close();
});

const stored = async () => (await worker(b)).evaluate(async () => (await chrome.storage.sync.get('settings')).settings ?? null);
const readerLooks = (page) => inShadow(page, R, function () {
  const p = this.querySelector('.content p');
  return { theme: this.querySelector('.page').dataset.theme, size: getComputedStyle(p).fontSize, bg: getComputedStyle(this.querySelector('.page')).backgroundColor };
});

describe('options page', () => {
  test('settings and the toolbar action are saved, shown again, and drive the reader view', async () => {
    const options = await b.ctx.newPage();
    await options.goto(`chrome-extension://${b.extId}/options.html`);
    assert.equal(await options.textContent('h1'), 'Declutter options');
    assert.equal(await options.isChecked('input[name=action][value=clean]'), true, 'default: clean in place');
    assert.equal(await options.isChecked('input[name=theme][value=system]'), true);

    // Keyboard: every control is reachable with Tab.
    const reached = new Set();
    await options.focus('body');
    for (let i = 0; i < 20; i++) {
      await options.keyboard.press('Tab');
      reached.add(await options.evaluate(() => document.activeElement.name || document.activeElement.id));
    }
    for (const c of ['action', 'theme', 'font', 'size', 'lineHeight', 'width', 'align', 'rate']) assert.ok(reached.has(c), `Tab reaches ${c}`);

    await options.click('label:has(input[name=action][value=reader])');
    await options.click('label:has(input[name=theme][value=dark])');
    await options.click('label:has(input[name=font][value=sans])');
    await options.focus('#size');
    await options.keyboard.press('End');
    await options.selectOption('#rate', '1.25');
    assert.equal(await options.textContent('output[for=size]'), '36 px');
    await options.waitForTimeout(SETTLE_MS);
    const s = await stored();
    assert.deepEqual([s.action, s.theme, s.font, s.size, s.rate], ['reader', 'dark', 'sans', 36, 1.25]);
    assert.equal(await options.textContent('#status'), 'Saved');
    await options.screenshot({ path: path.join(ARTIFACTS, 'options-en.png'), fullPage: true });

    await options.reload();
    assert.equal(await options.isChecked('input[name=theme][value=dark]'), true, 'shown again after a reload');
    assert.equal(await options.isChecked('input[name=action][value=reader]'), true);
    assert.equal(await options.inputValue('#rate'), '1.25');

    // The toolbar click now opens the reader view directly, with these settings.
    const page = await b.ctx.newPage();
    await page.goto(server.url(`/fixtures/${FIXTURE}/`), { waitUntil: 'domcontentloaded' });
    const run = await clickAction(b, page);
    assert.equal(run.mode, 'reader');
    assert.equal(run.result.state, 'reader');
    const looks = await readerLooks(page);
    assert.deepEqual([looks.theme, looks.size, looks.bg], ['dark', '36px', 'rgb(28, 28, 30)']);

    // A change on the options page reaches the open reader view.
    await options.bringToFront();
    await options.click('label:has(input[name=theme][value=sepia])');
    await until(async () => (await readerLooks(page)).theme === 'sepia', { what: 'the open reader to follow the options page' });

    // A second click leaves the reader.
    await page.bringToFront();
    const again = await clickAction(b, page);
    assert.equal(again.result.state, 'restored');
    assert.equal(await shadowHTML(page, R), '');

    // Back to cleaning in place.
    await options.bringToFront();
    await options.click('label:has(input[name=action][value=clean])');
    await options.waitForTimeout(SETTLE_MS);
    await page.bringToFront();
    assert.equal((await clickAction(b, page)).result.state, 'clean');
    await page.close();
    await options.close();
  });

  test('the manifest declares the options page and asks only for what it uses', async () => {
    const page = await b.ctx.newPage();
    await page.goto(`chrome-extension://${b.extId}/options.html`);
    const manifest = await page.evaluate(() => chrome.runtime.getManifest());
    assert.equal(manifest.options_ui.page, 'options.html');
    // storage: the settings (storage.sync); no downloads permission: saving is a blob link.
    assert.deepEqual(manifest.permissions, ['activeTab', 'scripting', 'contextMenus', 'storage']);
    assert.equal(manifest.host_permissions, undefined);
    await page.close();
  });
});
