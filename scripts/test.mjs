#!/usr/bin/env node
// npm test: build (installs what is missing), then every tier, each runner's output shown as
// it runs; exits non-zero if any tier fails (all tiers run even after a failure).
//   0. cargo fmt --check     the house layout (rustfmt.toml), so diffs stay about meaning
//   1. cargo test            the core, native; and the vendored parser's own unit tests
//                            (vendor/html5ever: the changes made to it are tested there)
//   2. node --test tests/node/  the WASM module under Node
//   3. node --test tests/e2e/   Chromium with the extension, real toolbar clicks
//   4. node --test tests/e2e-firefox/  Firefox ESR through geckodriver, real toolbar clicks
//   5. cargo +nightly fuzz run analyze, 30 s (only where nightly and cargo-fuzz are installed;
//      `cargo test` replays the fuzz corpus everywhere, tests/fuzz_corpus.rs)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (name, cmd, args) => {
  console.log(`\n[test] ==== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' });
  const ok = r.status === 0;
  console.log(`[test] ==== ${name}: ${ok ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { name, ok };
};

const build = run('build', process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')]);
if (!build.ok) process.exit(1);
// The layout check needs rustfmt, part of rustup's default profile; a toolchain installed
// without it cannot fetch it here (no network beyond the package registries), so it is skipped.
const hasFmt = spawnSync('cargo', ['fmt', '--version'], { cwd: ROOT, stdio: 'ignore' }).status === 0;
if (!hasFmt) console.log('\n[test] ==== cargo fmt --check: skipped (no rustfmt in this toolchain)');
const results = [
  ...(hasFmt ? [run('cargo fmt --check', 'cargo', ['fmt', '--check'])] : []),
  run('cargo test --release', 'cargo', ['test', '--release']),
  run('cargo test (vendored html5ever)', 'cargo', ['test', '--release', '-p', 'html5ever@0.40.1', '--lib']),
  run('node (wasm)', process.execPath, ['--test', '--test-reporter=spec', 'tests/node/']),
  // One file at a time: each launches a Chromium, and the machines have 2 cores.
  run('e2e (chromium)', process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', 'tests/e2e/']),
  run('e2e (firefox)', process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', 'tests/e2e-firefox/']),
];
// A short coverage-guided run on top of the corpus replay, where the toolchain is there; a
// fresh CI machine has no nightly, and installing it (plus cargo-fuzz, ~4 min to build) for
// 30 s of fuzzing is not worth it there: the replay checks every input found so far.
const hasFuzz = spawnSync('cargo', ['+nightly', 'fuzz', '--version'], { cwd: ROOT, stdio: 'ignore' }).status === 0;
if (hasFuzz) {
  // New inputs go to a scratch directory (the first one named); the kept corpus is only read.
  const scratch = mkdtempSync(path.join(tmpdir(), 'declutter-fuzz-'));
  // Seeds: the fixture pages themselves, read from tests/fixtures rather than kept twice.
  const fixtures = path.join(ROOT, 'tests', 'fixtures');
  for (const f of readdirSync(fixtures, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const page = path.join(fixtures, f.name, 'source.html');
    if (existsSync(page)) copyFileSync(page, path.join(scratch, `seed-${f.name}.html`));
  }
  results.push(run('fuzz (30 s)', 'cargo', ['+nightly', 'fuzz', 'run', 'analyze', scratch, path.join(ROOT, 'fuzz', 'corpus', 'analyze'),
    '--', '-max_total_time=30', '-timeout=20', '-max_len=8192']));
  rmSync(scratch, { recursive: true, force: true });
} else {
  console.log('\n[test] ==== fuzz: skipped (no nightly toolchain or cargo-fuzz); the corpus was replayed by cargo test');
}
const failed = results.filter((r) => !r.ok);
console.log(`\n[test] ${results.map((r) => `${r.name}: ${r.ok ? 'ok' : 'FAILED'}`).join('; ')}`);
console.log(`tiers: ${results.length - failed.length} passed, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
