#!/usr/bin/env node
// npm run bench:ab -- DIR_A DIR_B: two builds of the extension (e.g. one without a change, made
// from `git stash` + `npm run build` + a copy of dist/extension), compared on the usual click in
// use: one that wakes the stopped worker (Chromium stops it after 30 s idle), on a page just
// opened, then the click that restores it, the worker stopped again; then a click on the awake
// worker (bench:browser's warm click, timed from the click's arrival). Both browsers run side by
// side and the pages alternate between them (A then B, then B then A), so that the load of a
// shared machine falls on both: sequential runs of bench:browser moved by ±20 % here.
// Milliseconds from the click to the run's end (scripts/lib/browser.mjs, clickStopped).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, clickAction, clickStopped, launch } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';
import { quantile } from './lib/stats.mjs';

// --idle MS: how long the user leaves the restored page before the next click (default 0: at
// once). --no-code-cache: V8 keeps the module's optimised code in Chromium's code cache
// (written 2 s after new optimised code), so what a waking click compiles depends on what
// earlier workers left there; with this flag nothing is cached and every fresh worker compiles
// all it runs. --linger MS (default 3000): how long a worker lives after each click that ran an
// analysis before the benchmark stops it. V8 writes optimised code to the cache only once 2 s
// pass without new optimised code, and in use a worker lives 30 s after the last click; with
// --linger 0 only workers that happened to outlive 2 s filled the cache, so which build won the
// cache-on rows was timing luck (session 11).
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args.splice(at, 2)[1]) : fallback;
};
const IDLE_MS = flag('--idle', 0);
const LINGER_MS = flag('--linger', 3000);
const NO_CODE_CACHE = args.includes('--no-code-cache');
const LAUNCH_ARGS = NO_CODE_CACHE ? ['--js-flags=--wasm-caching-threshold=2000000000 --wasm-caching-hard-threshold=2000000000'] : [];
const dirs = args.filter((a) => a !== '--no-code-cache');
if (dirs.length !== 2 || !dirs.every((d) => existsSync(path.join(d, 'manifest.json')))) {
  console.error('usage: node scripts/bench-ab.mjs [--idle MS] [--linger MS] [--no-code-cache] DIR_A DIR_B (two unpacked builds of the extension)');
  process.exit(2);
}
const FIX = path.join(ROOT, 'tests', 'fixtures');
const names = readdirSync(FIX).filter((n) => existsSync(path.join(FIX, n, 'source.html'))).sort();
const routes = Object.fromEntries(names.map((n, i) => [`/p${i}/`, { body: readFileSync(path.join(FIX, n, 'source.html')), type: 'text/html; charset=utf-8' }]));
const server = await serve(routes);
const browsers = [await launch({ extDir: dirs[0], args: LAUNCH_ARGS }), await launch({ extDir: dirs[1], args: LAUNCH_ARGS })];
const got = browsers.map(() => ({ clean: [], restore: [], warm: [], errors: 0 }));
for (const [i, name] of names.entries()) {
  for (const v of i % 2 ? [1, 0] : [0, 1]) {
    const b = browsers[v];
    const page = await b.ctx.newPage();
    try {
      await page.goto(server.url(`/p${i}/`), { waitUntil: 'domcontentloaded' });
      await page.waitForTimeout(100);
      const run = await clickStopped(b, page);
      got[v].clean.push(run.woken_ms);
      await page.waitForTimeout(LINGER_MS);
      if (run.result?.state === 'clean') {
        got[v].restore.push((await clickStopped(b, page)).woken_ms);
        if (IDLE_MS > 0) await page.waitForTimeout(IDLE_MS);
        // Then a click on the awake worker (what bench:browser calls warm), and its restore.
        got[v].warm.push((await clickAction(b, page)).timings.click_to_done_ms);
        await clickAction(b, page);
        await page.waitForTimeout(LINGER_MS);
      }
    } catch (e) {
      got[v].errors += 1;
      console.error(`${'AB'[v]} ${name}: ${String(e.message ?? e).split('\n')[0]}`);
    }
    await page.close().catch(() => {});
  }
}
for (const b of browsers) await b.close();
await server.close();

const cell = (xs) => `${quantile(xs, 0.5).toFixed(1)} / ${quantile(xs, 0.95).toFixed(1)} (${xs.length})`;
console.log(`| build | click on a stopped worker → cleaned, median / p95 (pages) | its restore, worker stopped again | then a click on the awake worker | errors |\n|---|---|---|---|--:|`);
got.forEach((r, v) => console.log(`| ${'AB'[v]}: ${dirs[v]} | ${cell(r.clean)} | ${cell(r.restore)} | ${cell(r.warm)} | ${r.errors} |`));
