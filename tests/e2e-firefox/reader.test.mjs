// The reader view's own machinery in Firefox ESR (the Chromium e2e covers it in depth,
// tests/e2e/reader.test.mjs): the header in the article's language, a theme chosen with a real
// click that storage.sync keeps for the next reader, the Back button leaving the reader, and
// the page given back identical.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { ROOT } from '../../scripts/lib/browser.mjs';
import { serve } from '../../scripts/lib/server.mjs';
import { ARTIFACTS, EXT, pageRoutes } from '../e2e/helpers.mjs';
import { clickAction, foreignRequests, startFirefox, waitFor } from './gecko.mjs';

const FIXTURE = 'maghress-fr-lavrov';
/** storage.sync writes are debounced (settings.js WRITE_DEBOUNCE_MS = 400): wait longer. */
const SETTLE_MS = 700;

let ff;
let addonId;
let server;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const routes = pageRoutes();
  routes[`/fixtures/${FIXTURE}/`] = { file: path.join(ROOT, 'tests', 'fixtures', FIXTURE, 'source.html'), type: 'text/html; charset=utf-8' };
  server = await serve(routes);
  ff = await startFirefox({ driverLog: path.join(ARTIFACTS, 'firefox-reader-geckodriver.log') });
  addonId = await ff.installAddon(EXT);
});

// No network of our own: every request Firefox made during a test was one the pages made.
afterEach(() => assert.deepEqual(foreignRequests(ff, server), [], 'the extension made requests of its own'));

after(async () => {
  await ff?.quit();
  await server?.close();
});

const outerHTML = () => ff.exec(() => document.documentElement.outerHTML);
const inReader = (css) => ff.findInShadow('declutter-reader', css);

/** Toolbar click (clean), then the bar's Reader view button. */
async function openReader() {
  await clickAction(ff, addonId);
  await waitFor(ff, () => !!document.querySelector('declutter-bar'), [], { what: 'the bar' });
  await ff.click(await ff.findInShadow('declutter-bar', 'button[data-action=reader]'));
  await waitFor(ff, () => !!document.querySelector('declutter-reader'), [], { what: 'the reader view' });
}

describe('Firefox: reader view', () => {
  test('header, a remembered theme, Back leaves the reader and the page comes back identical', async () => {
    await ff.goto(server.url(`/fixtures/${FIXTURE}/`));
    await new Promise((r) => setTimeout(r, 300));
    const before = await outerHTML();
    await openReader();
    const meta = await ff.property(await inReader('.meta'), 'textContent');
    assert.match(meta, /23 janvier 2023/);
    assert.match(meta, /min de lecture/);
    assert.match(meta, /mots/);

    await ff.click(await inReader('button[data-action=appearance]'));
    await ff.click(await inReader('button[data-action=theme-dark]'));
    assert.equal(await ff.attribute(await inReader('.page'), 'data-theme'), 'dark');
    writeFileSync(path.join(ARTIFACTS, 'firefox-reader-dark.png'), await ff.screenshot());
    await new Promise((r) => setTimeout(r, SETTLE_MS));

    await ff.click(await inReader('button[data-action=restore]'));
    await waitFor(ff, () => !document.querySelector('declutter-reader, declutter-bar'), [], { what: 'restore' });
    await new Promise((r) => setTimeout(r, 300)); // our history entry goes asynchronously
    assert.equal(await outerHTML(), before);

    await openReader();
    assert.equal(await ff.attribute(await inReader('.page'), 'data-theme'), 'dark', 'storage.sync kept the theme');
    await ff.call('POST', '/back', {});
    await waitFor(ff, () => !document.querySelector('declutter-reader, declutter-bar'), [], { what: 'Back to close the reader' });
    assert.match(await ff.exec(() => location.href), new RegExp(`/fixtures/${FIXTURE}/`), 'still on the article');
    assert.equal(await outerHTML(), before, 'the page comes back identical');
  });
});
