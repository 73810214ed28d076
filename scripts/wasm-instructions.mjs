// npm run bench:wasm-instructions: the instructions one warmed pass of the WASM module takes over
// the browser benchmarks' pages (scripts/lib/bench-pages.mjs), counted by callgrind, so that two
// builds compare on a noisy machine where wall time cannot (bench:module's ratios moved by 30 %
// between runs while the host was busy). V8 runs with every function compiled by its optimising tier and no background
// threads (`--no-liftoff --single-threaded`), so the count repeats; one pass is the difference
// between a run of two passes and a run of one, which cancels start-up and compilation.
//   node scripts/wasm-instructions.mjs [PKG ...]     # default pkg-node/; about 5 min per build
//   node scripts/wasm-instructions.mjs --child PKG N # (internal) N passes over the pages
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchPages } from './lib/bench-pages.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const URL = 'https://www.example.org/news/2024/05/story.html';

if (process.argv[2] === '--child') {
  const core = createRequire(import.meta.url)(path.join(path.resolve(process.argv[3]), 'declutter.js'));
  const list = benchPages().map((p) => readFileSync(p.file, 'utf8'));
  for (let i = 0; i < Number(process.argv[4]); i++) for (const html of list) core.analyze(html, URL, undefined);
  console.log(list.length);
  process.exit(0);
}

function count(pkg, passes) {
  const out = path.join(os.tmpdir(), `declutter-wasm-cg-${process.pid}-${passes}`);
  const r = spawnSync('valgrind', ['--tool=callgrind', '--smc-check=all', `--callgrind-out-file=${out}`,
    process.execPath, '--no-liftoff', '--single-threaded', fileURLToPath(import.meta.url), '--child', pkg, String(passes)],
  { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`valgrind failed (is it installed?): ${r.stderr.slice(-500)}`);
  const total = /Collected : (\d+)/.exec(r.stderr) ?? /refs:\s+([\d,]+)/.exec(r.stderr);
  rmSync(out, { force: true });
  return { pages: Number(r.stdout.trim()), instructions: Number(total[1].replaceAll(',', '')) };
}

const pkgs = process.argv.slice(2).length ? process.argv.slice(2) : [path.join(ROOT, 'pkg-node')];
const rows = [];
for (const pkg of pkgs) {
  const one = count(pkg, 1);
  const two = count(pkg, 2);
  rows.push({ pkg, pages: one.pages, pass: two.instructions - one.instructions });
  console.error(`${pkg}: done`);
}
console.log('| build | pages | instructions per warmed pass (M) | / first |');
console.log('|---|--:|--:|--:|');
for (const r of rows) {
  console.log(`| ${r.pkg} | ${r.pages} | ${(r.pass / 1e6).toFixed(1)} | ${(r.pass / rows[0].pass).toFixed(3)} |`);
}
