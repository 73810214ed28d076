// npm run bench:scale:wasm — the scale benchmark's pages (bench/src/bin/scale.rs, `--page`)
// timed in the WASM module under Node (pkg-node/, the bytes the extension ships, built for
// Node), where the product runs them: the native curve (npm run bench:scale) is the core's, this
// one is the module's, whose memory is WASM linear memory (grown once, never given back).
// Three child processes per page (the native bench runs one); time is the fastest of their
// runs, 10 each up to 5 MB, else 5; "memory added" is the rise of the child's resident set
// across its runs.
// Writes bench/scale-wasm.md.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TARGET = process.env.CARGO_TARGET_DIR ?? path.join(ROOT, 'target');
const SCALE = path.join(TARGET, 'release', 'scale');
const KB = 1024;
const MB = 1024 * KB;
const URL_ = 'https://example.org/news/tram';

function page(shape, bytes) {
  return execFileSync(SCALE, ['--page', shape, String(bytes)], { maxBuffer: 64 * MB, encoding: 'utf8' });
}

// Child: `--child SHAPE BYTES` prints `bytes ms rss_added_kb outcome`.
if (process.argv[2] === '--child') {
  const [shape, bytes] = [process.argv[3], Number(process.argv[4])];
  const core = createRequire(import.meta.url)(path.join(ROOT, 'pkg-node', 'declutter.js'));
  const html = page(shape, bytes);
  const before = process.memoryUsage().rss;
  const runs = bytes > 5 * MB ? 5 : 10;
  let best = Infinity;
  let outcome = '';
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    try {
      const a = core.analyze(html, URL_, undefined);
      best = Math.min(best, performance.now() - t);
      outcome = a.article ? `article, ${a.article.word_count} words, ${a.plan.hide.length} hidden` : `no article, ${a.plan.hide.length} hidden`;
    } catch (e) {
      best = Math.min(best, performance.now() - t);
      outcome = `refused: ${e.message}`;
    }
  }
  const added = Math.max(0, process.memoryUsage().rss - before);
  process.stdout.write(`${Buffer.byteLength(html)}\t${best.toFixed(3)}\t${Math.round(added / KB)}\t${outcome}\n`);
  process.exit(0);
}

if (!existsSync(path.join(ROOT, 'pkg-node', 'declutter.js'))) throw new Error('pkg-node/ is missing: run npm run build first');
execFileSync('cargo', ['build', '--release', '-p', 'declutter-bench', '--bin', 'scale'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });

const CHILDREN = 3;
const maxMb = Number(process.argv[process.argv.indexOf('--max-mb') + 1]) || 20;
const sizes = [100 * KB, 300 * KB, MB, 3 * MB, 10 * MB, 20 * MB].filter((s) => s <= maxMb * MB);
const human = (b) => (b >= MB ? `${(b / MB).toFixed(1)} MB` : `${Math.round(b / KB)} KB`);
const lines = [
  '# declutter: time against page size in the WASM module (Node)', '',
  `\`npm run bench:scale:wasm\`: the pages of \`npm run bench:scale\` (bench/src/bin/scale.rs), analysed by pkg-node/ (the shipped module built for Node ${process.version}), three child processes per page; time is the fastest of their runs (10 each up to 5 MB, else 5), string passing included; memory is the rise of the child's resident set. "ms/MB vs 1 MB" is the time per byte relative to the 1 MB page's: 1.00 is exactly linear.`, '',
];
for (const shape of ['article', 'clutter', 'depth']) {
  const rows = [];
  for (const size of sizes) {
    // The fastest of CHILDREN processes: V8 tiers the module's functions up in the background,
    // and one process's fastest run of a 1 MB page was 40 % slower than another's.
    let row;
    for (let k = 0; k < CHILDREN; k++) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', shape, String(size)], { encoding: 'utf8', maxBuffer: 4 * MB });
      const [bytes, ms, kb, outcome] = out.trim().split('\t');
      if (!row || Number(ms) < row.ms) row = { bytes: Number(bytes), ms: Number(ms), kb: Number(kb), outcome };
    }
    console.error(`${shape} ${String(row.bytes).padStart(9)} B ${row.ms.toFixed(2).padStart(10)} ms ${String(row.kb).padStart(8)} kB  ${row.outcome}`);
    rows.push(row);
  }
  const perMb = (r) => r.ms / (r.bytes / MB);
  const ref = rows.find((r) => r.bytes >= MB && !r.outcome.startsWith('refused'));
  lines.push(`## ${shape}`, '', '| page | ms | ms/MB | ms/MB vs 1 MB | memory added MB | result |', '|--:|--:|--:|--:|--:|---|');
  for (const r of rows) {
    const vs = ref ? (perMb(r) / perMb(ref)).toFixed(2) : '–';
    lines.push(`| ${human(r.bytes)} | ${r.ms.toFixed(2)} | ${perMb(r).toFixed(1)} | ${vs} | ${(r.kb / KB).toFixed(1)} | ${r.outcome} |`);
  }
  lines.push('');
}
const outFile = path.join(ROOT, 'bench', 'scale-wasm.md');
writeFileSync(outFile, lines.join('\n'));
console.log(lines.join('\n'));
console.log(`written to ${outFile}`);
