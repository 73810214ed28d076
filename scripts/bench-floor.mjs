#!/usr/bin/env node
// npm run bench:floor: the least a toolbar click costs ANY extension, against Readability.js in
// the same pages and the same run. Issue 6 asks for our warm click at most half of
// Readability.js's parse on the same page; this shows how much of that budget the browser's own
// click path takes before an extension does any work.
//
// bench/floor-extension/ is an extension whose click does nothing: per mode, the click reaches
// the page and comes back (see its background.js): `script` (one executeScript, Declutter's
// first round trip), `relay` (Declutter's click shape without the HTML, the analysis or the
// changes: executeScript, a message to the worker and its reply) and `port` (a message on a port
// opened earlier, the cheapest channel). Timed as Declutter's runs are (action.onClicked to the
// answer, in the worker); the first click of a page is left out, as bench:browser's warm clicks.
// Usage: node scripts/bench-floor.mjs [--runs N] [--every K] [--no-corpus]
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, clickAction, launch, worker } from './lib/browser.mjs';
import { READABILITY_VERSION, benchPages, openPage, readability, servePages } from './lib/bench-pages.mjs';
import { median as med, quantile as q } from './lib/stats.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const RUNS = arg('--runs', 5);
const EVERY = arg('--every', 6);
const MODES = ['script', 'relay', 'port'];
const FLOOR_EXT = path.join(ROOT, 'bench', 'floor-extension');

const pages = benchPages({ every: EVERY, corpus: !process.argv.includes('--no-corpus') });
if (!pages.length) { console.error('no fixtures under tests/fixtures/'); process.exit(1); }
const server = await servePages(pages);

const b = await launch({ extDir: FLOOR_EXT });
const setMode = async (mode) => (await worker(b)).evaluate((m) => { globalThis.declutter.mode = m; }, mode);
const t0 = Date.now();
for (const [k, p] of pages.entries()) {
  p.rjs = []; p.floor = Object.fromEntries(MODES.map((m) => [m, []]));
  let page;
  try {
    page = await openPage(b, server, p);
    p.rjs = (await readability(page, 3)).ms;
    for (const mode of MODES) {
      await setMode(mode);
      await clickAction(b, page); // the page's first click of this mode (the port mode injects)
      for (let i = 0; i < RUNS; i++) p.floor[mode].push((await clickAction(b, page)).timings.click_to_done_ms);
    }
  } catch (e) {
    p.error = String(e.message ?? e).split('\n')[0];
  }
  await page?.close().catch(() => {});
  if (k % 20 === 19) console.error(`[floor] ${k + 1}/${pages.length} pages, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
await b.close();
await server.close();

const f = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const chromium = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim();
const lines = ['# The floor: what a click costs any extension (Chromium)', ''];
lines.push(`\`npm run bench:floor\`. ${chromium}; Readability.js ${READABILITY_VERSION}; the pages of \`npm run bench:browser\` `
  + `(${pages.filter((p) => p.set === 'fixtures').length} fixtures and ${pages.filter((p) => p.set !== 'fixtures').length} corpus pages), `
  + `served on 127.0.0.1. An extension whose toolbar click does nothing (bench/floor-extension/), ${RUNS} clicks per page and mode after the first; `
  + 'timed in its worker from action.onClicked to the answer, as Declutter\'s clicks are. Milliseconds; per page the median of its runs; '
  + 'ratio = floor / Readability.js\'s parse on the same page.', '');
lines.push('| pages | n | Readability.js parse median / p95 | mode | click → answer median / p95 | per-page ratio median / p95 | pages at ratio ≤ 0.5 |', '|---|--:|---|---|---|---|--:|');
for (const set of ['fixtures', 'corpus sample', 'all']) {
  const ps = pages.filter((p) => (set === 'all' || p.set === set) && !p.error && p.rjs.length);
  const rjs = ps.map((p) => med(p.rjs));
  for (const mode of MODES) {
    const ms = ps.map((p) => med(p.floor[mode]));
    const ratios = ps.map((p) => med(p.floor[mode]) / med(p.rjs));
    lines.push(`| ${set} | ${ps.length} | ${f(med(rjs))} / ${f(q(rjs, 0.95))} | ${mode} | ${f(med(ms))} / ${f(q(ms, 0.95))} | ${f(med(ratios))} / ${f(q(ratios, 0.95))} | ${ratios.filter((r) => r <= 0.5).length} |`);
  }
}
const errs = pages.filter((p) => p.error);
if (errs.length) lines.push('', `Errors: ${errs.map((p) => `${p.name}: ${p.error}`).join('; ')}`);
lines.push('', 'Issue 6\'s target is a per-page ratio median ≤ 0.5 for Declutter\'s whole click (bench/browser.md); these clicks do no work at all.');
const md = `${lines.join('\n')}\n`;
writeFileSync(path.join(ROOT, 'bench', 'floor.md'), md);
console.log(md);
