#!/usr/bin/env node
// npm run bench:browser: the extension in Chromium against Readability.js in the same pages.
//
// Pages: the fixtures and a fixed sample of the shared dev corpora (every 6th page of
// readability + trafilatura-dev in sorted order: 103 pages), all served on 127.0.0.1.
// Per page, in one warm browser:
//   - Readability.js (npm @mozilla/readability, benchmark-only devDependency), run in the page
//     as Firefox runs it: `new Readability(document.cloneNode(true)).parse()`, timed in the page;
//   - our click -> cleaned page (real toolbar clicks) and, from the page as loaded, the run ->
//     reader view, broken into snapshot, messaging, WASM init, analysis, applying and the time
//     outside the content script, from the timings that content.js and background.js return
//     with every run. The first click on a page injects the content script: its stages are
//     reported apart from the later (warm) clicks'.
// Also a cold start (first click after launch). Medians and p95, the per-page ratio ours /
// Readability.js; Markdown to stdout, artifacts/bench-browser.md and bench/browser.md.
// Then, on a newly opened tab of each page, a click while the worker is stopped: the usual click
// in use, since Chromium stops an extension's worker after 30 s idle and the click must start it
// again (the script, the module's compilation, V8 compiling each function on its first run).
// Usage: [DECLUTTER_EXT=DIR] node scripts/bench-browser.mjs [--runs N] [--cold N] [--every K] [--stopped K] [--no-corpus]
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { EXT_DIR, ROOT, clickAction, clickStopped, launch } from './lib/browser.mjs';
import { READABILITY_VERSION, benchPages, openPage, readability, servePages } from './lib/bench-pages.mjs';
import { median as med, quantile as q } from './lib/stats.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const RUNS = arg('--runs', 3);
const COLD = arg('--cold', 3);
// Pages that also get a click on a stopped worker (every K-th page; 0: none).
const STOPPED = arg('--stopped', 1);
const EVERY = arg('--every', 6);
const CORPUS = !process.argv.includes('--no-corpus');
// DECLUTTER_EXT=DIR: another build of the extension (an A/B of one change), else dist/extension.
const EXT = process.env.DECLUTTER_EXT ?? EXT_DIR;

if (spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) process.exit(1);

const pages = benchPages({ every: EVERY, corpus: CORPUS });
if (!pages.length) { console.error('no fixtures under tests/fixtures/'); process.exit(1); }
const server = await servePages(pages);
const open = (b, p) => openPage(b, server, p);

const STAGES = [['snapshot', 'snapshot_ms'], ['messaging', 'message_ms'], ['WASM init', 'init_ms'],
  ['analysis (wasm)', 'analyze_ms'], ['applying', 'apply_ms']];
// clean: later clicks on a page (warm); first: the first click on each page, which injects.
const samples = { cold: [], first: [], clean: [], reader: [], stopped: [], stoppedRestore: [] };
// outside_ms: the part of a run spent outside the content script (the click reaching the
// background, executeScript to the page and its answer back), per run: a difference of
// medians over different runs would not say it.
const rowOf = (run) => {
  const t = run.result?.timings ?? {};
  return { ...t, inject_ms: run.timings.inject_ms, click_to_done_ms: run.timings.click_to_done_ms,
    outside_ms: Number.isFinite(t.total_ms) ? run.timings.click_to_done_ms - run.timings.inject_ms - t.total_ms : NaN };
};

// Cold: a fresh browser each time, first click on the seed page.
const seed = pages.find((p) => p.name === 'maghress-fr-lavrov') ?? pages[0];
for (let i = 0; i < COLD; i++) {
  const b = await launch({ extDir: EXT });
  const page = await open(b, seed);
  samples.cold.push(rowOf(await clickAction(b, page)));
  await b.close();
}

// Warm: one browser; per page: Readability.js RUNS times, then RUNS x (click -> cleaned,
// click -> restored, reader run -> reader view, click -> restored).
const b = await launch({ extDir: EXT });
const warmup = await open(b, seed);
await clickAction(b, warmup);
await clickAction(b, warmup);
await warmup.close();
const t0 = Date.now();
for (const [k, p] of pages.entries()) {
  p.clean = []; p.reader = []; p.rjs = []; p.analysis = [];
  let page;
  try {
    page = await open(b, p);
    const r = await readability(page, RUNS);
    p.rjs = r.ms; p.rjsChars = r.chars;
    for (let i = 0; i < RUNS; i++) {
      const run = await clickAction(b, page);
      const row = rowOf(run);
      (i === 0 ? samples.first : samples.clean).push(row);
      p.clean.push(row.click_to_done_ms);
      if (i > 0 && Number.isFinite(row.analyze_ms)) p.analysis.push(row.analyze_ms);
      p.state = run.result?.state;
      if (run.result?.state === 'clean') await clickAction(b, page); // restore: the reader run starts from the page as loaded
      const sw = b.ctx.serviceWorkers().find((w) => w.url().includes(b.extId));
      const reader = await sw.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return globalThis.declutter.runInTab(tab.id, 'reader');
      });
      if (reader.result?.state === 'reader') {
        const rr = rowOf(reader);
        samples.reader.push(rr);
        p.reader.push(rr.click_to_done_ms);
        await clickAction(b, page);
      }
    }
  } catch (e) {
    p.error = String(e.message ?? e).split('\n')[0];
  }
  await page?.close().catch(() => {});
  if (k % 20 === 19) console.error(`[bench] ${k + 1}/${pages.length} pages, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
// Stopped worker: a new tab per page (the content script not injected yet, as on a page just
// opened), the worker stopped, one click, then restored.
if (STOPPED > 0) {
  // As in use, where a worker lives 30 s after the last click: V8 writes the module's optimised
  // code to Chromium's code cache once 2 s pass without new optimised code, and the fresh
  // workers below compile from it (README, session 10). Without this pause the cache would hold
  // whatever the warm pass's last quiet moment left.
  await new Promise((r) => setTimeout(r, 3000));
  for (const [k, p] of pages.entries()) {
    if (k % STOPPED !== 0 || p.error) continue;
    let page;
    try {
      page = await open(b, p);
      const run = await clickStopped(b, page);
      const row = { ...rowOf(run), woke_ms: run.woke_ms, woken_ms: run.woken_ms, script_ms: run.boot.script_ms,
        compiled_ms: run.boot.compiled_ms, event_ms: run.boot.event_ms };
      samples.stopped.push(row);
      p.stopped = row.woken_ms;
      // And the click that restores the page after a read of more than 30 s: it wakes the worker
      // again but needs no analysis.
      if (run.result?.state === 'clean') {
        const back = await clickStopped(b, page);
        samples.stoppedRestore.push({ woken_ms: back.woken_ms, inject_ms: back.timings.inject_ms });
      }
    } catch (e) {
      p.stoppedError = String(e.message ?? e).split('\n')[0];
    }
    await page?.close().catch(() => {});
  }
}
await b.close();
await server.close();

// ---- report ----
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const cell = (rows, key) => `${f(q(rows.map((r) => r[key] ?? 0), 0.5))} / ${f(q(rows.map((r) => r[key] ?? 0), 0.95))}`;
const lines = [];
const chromium = spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout?.trim();
lines.push('# Browser benchmark: Declutter against Readability.js (Chromium, real extension)', '');
lines.push(`\`npm run bench:browser\`. ${chromium}; Readability.js ${READABILITY_VERSION}; ${pages.filter((p) => p.set === 'fixtures').length} fixtures and `
  + `${pages.filter((p) => p.set !== 'fixtures').length} corpus pages (every ${EVERY}th of readability + trafilatura-dev, sorted), served on 127.0.0.1; `
  + `${RUNS} runs per page. Milliseconds. "click → done" is measured in the background from action.onClicked (or the run call) to the content script's answer; `
  + '"inject" is executeScript(content.js) + insertCSS. Readability.js is timed in the page around `new Readability(document.cloneNode(true)).parse()` (what Firefox\'s reader view runs). '
  + 'Per page: the median of its runs; ratio = ours / Readability.js on the same page.', '');
lines.push('## Summary', '');
lines.push('| pages | n | Readability.js parse median / p95 | our click → cleaned median / p95 | ratio of medians | per-page ratio median | per-page ratio p95 | first click on a page: median / p95, per-page ratio median | click → reader view median / p95 |', '|---|--:|---|---|--:|--:|--:|---|---|');
for (const set of ['fixtures', 'corpus sample', 'all']) {
  const ps = pages.filter((p) => (set === 'all' || p.set === set) && !p.error && p.clean.length && p.rjs.length);
  const ours = ps.map((p) => med(p.clean));
  const rjs = ps.map((p) => med(p.rjs));
  const reader = ps.filter((p) => p.reader.length).map((p) => med(p.reader));
  const ratios = ps.map((p) => med(p.clean) / med(p.rjs));
  // The first run on a page injects the content script; later clicks on it do not.
  const first = ps.map((p) => p.clean[0]);
  const firstRatios = ps.map((p) => p.clean[0] / med(p.rjs));
  lines.push(`| ${set} | ${ps.length} | ${f(med(rjs))} / ${f(q(rjs, 0.95))} | ${f(med(ours))} / ${f(q(ours, 0.95))} | ${f2(med(ours) / med(rjs))} | ${f2(med(ratios))} | ${f2(q(ratios, 0.95))} | ${f(med(first))} / ${f(q(first, 0.95))}, ${f2(med(firstRatios))} | ${f(med(reader))} / ${f(q(reader, 0.95))} |`);
}
lines.push('', 'Targets (issue 6): per-page ratio median ≤ 0.5, p95 ≤ 1.', '');
// The core against Readability.js with the click's channel left out: what the WASM call alone
// takes in the worker on the warm clicks, beside Readability.js's parse of the same page.
lines.push('The core alone: the analysis (the WASM call in the worker) of the warm clicks, against Readability.js\'s parse of the same page.', '');
lines.push('| pages | n | analysis median / p95 | per-page ratio median / p95 | pages at ratio ≤ 0.5 |', '|---|--:|---|---|--:|');
for (const set of ['fixtures', 'corpus sample', 'all']) {
  const ps = pages.filter((p) => (set === 'all' || p.set === set) && !p.error && p.analysis?.length && p.rjs.length);
  const ours = ps.map((p) => med(p.analysis));
  const ratios = ps.map((p) => med(p.analysis) / med(p.rjs));
  lines.push(`| ${set} | ${ps.length} | ${f(med(ours))} / ${f(q(ours, 0.95))} | ${f2(med(ratios))} / ${f2(q(ratios, 0.95))} | ${ratios.filter((r) => r <= 0.5).length} |`);
}
lines.push('');
if (samples.stopped.length) {
  lines.push('## A click that wakes the stopped worker', '');
  lines.push('Chromium stops an extension\'s service worker after 30 s without events, so in use most clicks start it again. '
    + 'Per page, a newly opened tab, the worker stopped (`Target.closeTarget`), one toolbar click; "click → cleaned" runs from the click '
    + '(the benchmark\'s clock) to the run\'s end (the worker\'s clock; both absolute).', '');
  lines.push('| pages | n | Readability.js parse median | click → cleaned median / p95 | per-page ratio median / p95 |', '|---|--:|---|---|---|');
  for (const set of ['fixtures', 'corpus sample', 'all']) {
    const ps = pages.filter((p) => (set === 'all' || p.set === set) && Number.isFinite(p.stopped) && p.rjs?.length);
    const ours = ps.map((p) => p.stopped);
    const ratios = ps.map((p) => p.stopped / med(p.rjs));
    lines.push(`| ${set} | ${ps.length} | ${f(med(ps.map((p) => med(p.rjs))))} | ${f(med(ours))} / ${f(q(ours, 0.95))} | ${f2(med(ratios))} / ${f2(q(ratios, 0.95))} |`);
  }
  lines.push('', '| stage (ms, median / p95) | |', '|---|---|');
  for (const [label, key] of [['click → worker started', 'woke_ms'], ['worker started → its script has run', 'script_ms'],
    ['worker started → module compiled', 'compiled_ms'], ['worker started → the click reaches it', 'event_ms'],
    ['inject', 'inject_ms'], ...STAGES, ['outside the content script', 'outside_ms'], ['**click → cleaned**', 'woken_ms']]) {
    lines.push(`| ${label} | ${cell(samples.stopped, key)} |`);
  }
  if (samples.stoppedRestore.length) {
    lines.push('', `The click that then restores the page, the worker stopped again (a read of more than 30 s; no analysis): `
      + `${f(med(samples.stoppedRestore.map((r) => r.woken_ms)))} / ${f(q(samples.stoppedRestore.map((r) => r.woken_ms), 0.95))} ms median / p95 over ${samples.stoppedRestore.length} pages, `
      + `injecting ${f(med(samples.stoppedRestore.map((r) => r.inject_ms)))} ms median.`);
  }
  const errs = pages.filter((p) => p.stoppedError);
  if (errs.length) lines.push('', `Errors on a stopped worker: ${errs.map((p) => `${p.name}: ${p.stoppedError}`).join('; ')}`);
  lines.push('');
}
lines.push('## Where our time goes (median / p95 over all runs)', '');
lines.push('| stage | cold click → cleaned | first click on a page → cleaned | warm click → cleaned | warm → reader view |', '|---|---|---|---|---|');
for (const [label, key] of [['inject', 'inject_ms'], ...STAGES, ['content total', 'total_ms'], ['outside the content script', 'outside_ms'], ['**click to done**', 'click_to_done_ms']]) {
  lines.push(`| ${label} | ${cell(samples.cold, key)} | ${cell(samples.first, key)} | ${cell(samples.clean, key)} | ${cell(samples.reader, key)} |`);
}
lines.push('', '## Per page (medians)', '');
lines.push('| page | KB | Readability.js | click → cleaned | ratio | → reader view | note |', '|---|--:|--:|--:|--:|--:|---|');
for (const p of pages) {
  const ours = med(p.clean ?? []);
  const rjs = med(p.rjs ?? []);
  const note = p.error ? `error: ${p.error}` : (p.state && p.state !== 'clean' ? p.state : '');
  lines.push(`| ${p.name} | ${(p.bytes / 1024).toFixed(0)} | ${f(rjs)} | ${f(ours)} | ${f2(ours / rjs)} | ${f(med(p.reader ?? []))} | ${note} |`);
}
const md = `${lines.join('\n')}\n`;
mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
writeFileSync(path.join(ROOT, 'artifacts', 'bench-browser.md'), md);
writeFileSync(path.join(ROOT, 'bench', 'browser.md'), md);
console.log(md);
