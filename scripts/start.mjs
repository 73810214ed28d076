#!/usr/bin/env node
// npm start: build, serve the seed fixture (or demo/ pages) on 127.0.0.1, open Chromium with the
// extension loaded on it. Without a display (no $DISPLAY, or CI) it runs headless instead:
// clean -> reader -> restore by real toolbar clicks, screenshots of each step and a summary in
// artifacts/start/.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, clickAction, clickShadow, launch, shadowHTML, textOfHTML } from './lib/browser.mjs';
import { serve } from './lib/server.mjs';

const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);

const SEED = path.join(ROOT, 'tests', 'fixtures', 'maghress-fr-lavrov', 'source.html');
const page0 = existsSync(SEED) ? SEED : path.join(ROOT, 'tests', 'e2e', 'pages', 'article.html');
const server = await serve({ '/': { file: page0, type: 'text/html; charset=utf-8' } });
const url = `${server.base}/`;
const headless = !process.env.DISPLAY || !!process.env.CI;
console.log(`[start] serving ${path.relative(ROOT, page0)} at ${url}`);

const b = await launch({ headless });
const page = b.ctx.pages()[0] ?? await b.ctx.newPage();
await page.goto(url, { waitUntil: 'domcontentloaded' });

if (!headless) {
  console.log('[start] Chromium is open with Declutter loaded: click its toolbar button (Alt+Shift+D). Close the window to stop.');
  await new Promise((r) => b.ctx.on('close', r));
  await server.close();
  process.exit(0);
}

const OUT = path.join(ROOT, 'artifacts', 'start');
mkdirSync(OUT, { recursive: true });
const shot = (n) => page.screenshot({ path: path.join(OUT, n), caret: 'initial' });
await shot('0-original.png');
const before = await page.evaluate(() => document.documentElement.outerHTML);
const clean = await clickAction(b, page);
await shot('1-cleaned.png');
const bar = textOfHTML(await shadowHTML(page, 'declutter-bar'));
let reader = '';
if (clean.result.article) {
  await clickShadow(page, 'declutter-bar', 'button[data-action=reader]');
  reader = textOfHTML(await shadowHTML(page, 'declutter-reader'));
  await shot('2-reader.png');
}
const restored = await clickAction(b, page);
await shot('3-restored.png');
const same = before === await page.evaluate(() => document.documentElement.outerHTML);
const r = clean.result;
const summary = `# npm start (headless)

Page: \`${path.relative(ROOT, page0)}\` served at ${url}

| step | result |
|---|---|
| 1. toolbar click: clean | ${r.state}; ${r.hidden} hidden, ${r.skipped} skipped (strategy: ${r.strategy}); bar: "${bar}" |
| 2. Reader view | ${reader ? `${reader.length} characters shown; starts "${reader.slice(0, 80)}…"` : 'no article: not shown'} |
| 3. toolbar click: restore | ${restored.result.state}; DOM identical to the original: ${same ? 'yes' : '**no**'} |

Timings of the first (cold) click, ms: snapshot ${r.timings.snapshot_ms.toFixed(1)}, messaging ${r.timings.message_ms.toFixed(1)},
WASM init ${r.timings.init_ms.toFixed(1)}, analysis ${r.timings.analyze_ms.toFixed(1)}, applying ${r.timings.apply_ms.toFixed(1)};
click to cleaned ${clean.timings.click_to_done_ms.toFixed(1)}.

Screenshots: 0-original.png, 1-cleaned.png, ${reader ? '2-reader.png, ' : ''}3-restored.png
`;
writeFileSync(path.join(OUT, 'summary.md'), summary);
console.log(summary);
console.log(`[start] screenshots and summary.md in ${path.relative(ROOT, OUT)}/`);
await b.close();
await server.close();
process.exit(same ? 0 : 1);
