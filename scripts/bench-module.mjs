// npm run bench:module: the WASM module's speed on ordinary pages under Node (pkg-node/, the
// bytes the extension ships, built for Node), over the fixtures (tests/fixtures) and a fixed
// sample of the dev corpora (one page in SAMPLE_EVERY of ../shared/corpus/readability and
// trafilatura-dev, in score.py's order).
//   cold: the first analysis in a fresh child process, one child per page: it includes V8's lazy
//         compilation of every function the analysis calls, as on the click that wakes the
//         extension's worker (Chromium stops it after 30 s idle).
//   warm: the fastest of WARM_RUNS analyses of the page, after every page has been analysed
//         WARM_UP times in the same process (V8 has tiered the hot functions up).
// Prints the median and p95 over pages of each.
//
//   npm run bench:module                          # pkg-node/
//   npm run bench:module -- --pkg A --pkg B       # two builds (directories like pkg-node/),
//                                                 # measured in alternate rounds A, B, A, B
//   npm run bench:module -- --rounds 3            # rounds per build (default 2)
// Per page and build, cold is the median of its rounds and warm the fastest; the last two
// columns are the medians over pages of each build's time over the first build's.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, quantile } from './lib/stats.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(ROOT, process.env.SHARED ?? '../shared');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
// One corpus page in SAMPLE_EVERY: about 100 of 617.
const SAMPLE_EVERY = 6;
// trafilatura-dev pages come without their address (as in tests/node/address.test.mjs).
const CORPUS_BASE = 'https://www.example.org/news/2024/05/story.html?id=7#top';
// Warm-up passes over all pages, then timed runs per page (the fastest counts).
const WARM_UP = 3;
const WARM_RUNS = 5;

const load = (pkg) => createRequire(import.meta.url)(path.join(path.resolve(pkg), 'declutter.js'));

// Child: `--child PKG FILE URL` prints the first analysis's time in ms.
if (process.argv[2] === '--child') {
  const [pkg, file, url] = process.argv.slice(3);
  const html = readFileSync(file, 'utf8');
  const core = load(pkg);
  const t = performance.now();
  core.analyze(html, url, undefined);
  process.stdout.write(`${(performance.now() - t).toFixed(3)}\n`);
  process.exit(0);
}

// Child: `--warm PKG` reads the pages as JSON on stdin and prints their warm times.
if (process.argv[2] === '--warm') {
  const core = load(process.argv[3]);
  const list = JSON.parse(readFileSync(0, 'utf8')).map((p) => ({ ...p, html: readFileSync(p.file, 'utf8') }));
  for (let i = 0; i < WARM_UP; i++) for (const p of list) core.analyze(p.html, p.url, undefined);
  const times = list.map((p) => {
    let best = Infinity;
    for (let i = 0; i < WARM_RUNS; i++) {
      const t = performance.now();
      core.analyze(p.html, p.url, undefined);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  });
  process.stdout.write(JSON.stringify(times));
  process.exit(0);
}

const args = process.argv.slice(2);
const opt = (name) => args.flatMap((a, i) => (a === name ? [args[i + 1]] : []));
const pkgs = opt('--pkg').length ? opt('--pkg') : [path.join(ROOT, 'pkg-node')];
const rounds = Number(opt('--rounds')[0] ?? 2);
for (const p of pkgs) if (!existsSync(path.join(p, 'declutter.js'))) throw new Error(`${p}/declutter.js is missing: run npm run build first`);

/** Pages as {id, file, url}: files on disk, so that each child reads its own. */
function pages(tmp) {
  const list = readdirSync(FIXTURES)
    .filter((d) => existsSync(path.join(FIXTURES, d, 'source.html')))
    .map((d) => {
      const expected = path.join(FIXTURES, d, 'expected.json');
      const url = existsSync(expected) ? JSON.parse(readFileSync(expected, 'utf8')).url ?? '' : '';
      return { id: `fixture-${d}`, file: path.join(FIXTURES, d, 'source.html'), url };
    });
  if (!existsSync(path.join(SHARED, 'corpus'))) {
    console.error(`no corpora at ${SHARED}: fixtures only`);
    return list;
  }
  const corpus = [];
  for (const set of ['readability', 'trafilatura-dev']) {
    const dir = path.join(tmp, set);
    execFileSync('python3', [path.join(SHARED, 'eval', 'score.py'), 'prepare', set, dir], { stdio: 'ignore' });
    for (const line of readFileSync(path.join(dir, '_list.tsv'), 'utf8').split('\n').filter(Boolean)) {
      const [id, file, url] = line.split('\t');
      corpus.push({ id: `${set}-${id}`, file, url: url || CORPUS_BASE });
    }
  }
  return list.concat(corpus.filter((_, i) => i % SAMPLE_EVERY === 0));
}

function cold(pkg, page) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', pkg, page.file, page.url], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${page.id}: child failed: ${r.stderr}`);
  return Number(r.stdout.trim());
}

/** Warm times per page, in a child of its own (so that builds do not share a process). */
function warm(pkg, list) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--warm', pkg], { input: JSON.stringify(list), encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`warm run failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const p95 = (xs) => quantile(xs, 0.95);

const tmp = mkdtempSync(path.join(tmpdir(), 'declutter-bench-module-'));
try {
  const list = pages(tmp);
  console.error(`${list.length} pages, ${pkgs.length} build(s), ${rounds} round(s)`);
  const colds = pkgs.map(() => list.map(() => []));
  const warms = pkgs.map(() => list.map(() => Infinity));
  for (let r = 0; r < rounds; r++) {
    // Cold: the builds one after the other on each page, so that the machine's load, which
    // drifts, weighs on them alike.
    list.forEach((p, i) => pkgs.forEach((pkg, k) => colds[k][i].push(cold(pkg, p))));
    pkgs.forEach((pkg, k) => warm(pkg, list).forEach((t, i) => { warms[k][i] = Math.min(warms[k][i], t); }));
    console.error(`round ${r + 1} done`);
  }
  // Per page, each build's time over the first build's: the median of these ratios is steadier
  // than a ratio of medians on a shared machine.
  const ratio = (xs, k) => median(xs[k].map((x, i) => x / xs[0][i]));
  console.log('| build | cold median ms | cold p95 ms | warm median ms | warm p95 ms | cold / first | warm / first |');
  console.log('|---|--:|--:|--:|--:|--:|--:|');
  const coldMs = colds.map((c) => c.map(median));
  pkgs.forEach((pkg, k) => {
    const [c, w] = [coldMs[k], warms[k]];
    console.log(`| ${path.relative(ROOT, path.resolve(pkg)) || pkg} | ${median(c).toFixed(2)} | ${p95(c).toFixed(2)} | ${median(w).toFixed(2)} | ${p95(w).toFixed(2)} | ${ratio(coldMs, k).toFixed(3)} | ${ratio(warms, k).toFixed(3)} |`);
  });
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
