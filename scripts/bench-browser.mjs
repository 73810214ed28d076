#!/usr/bin/env node
// npm run bench:browser: the extension in Chromium on the fixtures. Cold start (first click
// after launch) and warm click-to-cleaned / click-to-reader-view, each broken into snapshot
// (outerHTML), messaging, WASM init, analysis and applying, from the timings that
// content.js and background.js return with every run. Medians and p95; Markdown to stdout and
// artifacts/bench-browser.md. Usage: node scripts/bench-browser.mjs [--runs N] [--cold N]
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, clickAction, launch } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';

const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? Number(process.argv[i + 1]) : dflt; };
const RUNS = arg('--runs', 5);
const COLD = arg('--cold', 3);

if (spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] }).status !== 0) process.exit(1);

const FIX = path.join(ROOT, 'tests', 'fixtures');
const names = existsSync(FIX) ? readdirSync(FIX).filter((d) => existsSync(path.join(FIX, d, 'source.html'))).sort() : [];
if (!names.length) { console.error('no fixtures under tests/fixtures/'); process.exit(1); }
const routes = Object.fromEntries(names.map((n) => [`/${n}/`, { file: path.join(FIX, n, 'source.html'), type: 'text/html; charset=utf-8' }]));
const server = await serve(routes);

const STAGES = [['snapshot', 'snapshot_ms'], ['messaging', 'message_ms'], ['WASM init', 'init_ms'],
  ['analysis (wasm)', 'analyze_ms'], ['applying', 'apply_ms']];
const samples = { cold: [], clean: [], reader: [] };
const perFixture = {};

function record(kind, name, run) {
  const t = run.result?.timings ?? {};
  const row = { ...t, inject_ms: run.timings.inject_ms, click_to_done_ms: run.timings.click_to_done_ms, name };
  samples[kind].push(row);
  (perFixture[name] ??= { bytes: t.html_bytes, clean: [], reader: [] })[kind]?.push(row.click_to_done_ms);
}

async function open(b, name) {
  const page = await b.ctx.newPage();
  await page.goto(server.url(`/${name}/`), { waitUntil: 'domcontentloaded' });
  await page.waitForTimeout(200);
  return page;
}

// Cold: a fresh browser each time, first click on the seed page.
const seed = names.includes('maghress-fr-lavrov') ? 'maghress-fr-lavrov' : names[0];
for (let i = 0; i < COLD; i++) {
  const b = await launch();
  const page = await open(b, seed);
  record('cold', seed, await clickAction(b, page));
  await b.close();
}

// Warm: one browser; per fixture, RUNS x (toolbar click -> cleaned, toolbar click -> restored,
// reader run -> reader view, toolbar click -> restored).
const b = await launch();
const warmup = await open(b, seed);
await clickAction(b, warmup);
await warmup.close();
for (const name of names) {
  const page = await open(b, name);
  for (let i = 0; i < RUNS; i++) {
    record('clean', name, await clickAction(b, page));
    await clickAction(b, page);
    const sw = b.ctx.serviceWorkers().find((w) => w.url().includes(b.extId));
    const reader = await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return globalThis.declutter.runInTab(tab.id, 'reader');
    });
    if (reader.result?.state === 'reader') record('reader', name, reader);
    await clickAction(b, page);
  }
  await page.close();
}
await b.close();
await server.close();

const q = (xs, p) => { const s = [...xs].sort((a, c) => a - c); return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN; };
const f = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const cell = (rows, key) => `${f(q(rows.map((r) => r[key] ?? 0), 0.5))} / ${f(q(rows.map((r) => r[key] ?? 0), 0.95))}`;
const lines = [];
lines.push('# Browser benchmark (Chromium, real extension, fixtures)', '');
lines.push(`Chromium ${spawnSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim()}; ${names.length} fixtures; `
  + `cold: ${samples.cold.length} fresh launches on ${seed}; warm: ${RUNS} runs per fixture (${samples.clean.length} clean, ${samples.reader.length} reader). `
  + 'Milliseconds, median / p95. "click to done" is measured in the background from action.onClicked (or the run call) to the content script\'s answer; '
  + '"inject" is executeScript(content.js) + insertCSS.', '');
lines.push('| stage | cold click → cleaned | warm click → cleaned | warm → reader view |', '|---|---|---|---|');
for (const [label, key] of [['inject', 'inject_ms'], ...STAGES, ['content total', 'total_ms'], ['**click to done**', 'click_to_done_ms']]) {
  lines.push(`| ${label} | ${cell(samples.cold, key)} | ${cell(samples.clean, key)} | ${cell(samples.reader, key)} |`);
}
lines.push('', '| fixture | page bytes | click → cleaned (median) | → reader view (median) |', '|---|---|---|---|');
for (const [name, v] of Object.entries(perFixture)) {
  if (!v.clean.length) continue;
  lines.push(`| ${name} | ${v.bytes?.toLocaleString('en') ?? '?'} | ${f(q(v.clean, 0.5))} | ${f(q(v.reader, 0.5))} |`);
}
const md = `${lines.join('\n')}\n`;
mkdirSync(path.join(ROOT, 'artifacts'), { recursive: true });
writeFileSync(path.join(ROOT, 'artifacts', 'bench-browser.md'), md);
console.log(md);
