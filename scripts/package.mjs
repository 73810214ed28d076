#!/usr/bin/env node
// npm run package: builds (scripts/build.mjs, incremental), then writes the store uploads:
//   dist/declutter-chrome-<v>.zip    Chrome Web Store
//   dist/declutter-firefox-<v>.zip   addons.mozilla.org; the same files: one manifest serves both
//                                    (Chrome reads background.service_worker, Firefox
//                                    background.scripts; checked by `web-ext lint` in
//                                    tests/node/package.test.mjs)
//   dist/declutter-source-<v>.zip    the project's source (git ls-files) and BUILD.md, which
//                                    Mozilla's review asks for because the WASM is machine-generated
// `--no-build` packages dist/extension as it stands.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesIn, zip } from './lib/zip.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const say = (...a) => console.log('[package]', ...a);
const out = (cmd, args) => {
  try { return execFileSync(cmd, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { return null; }
};

/** How to rebuild the shipped files from the source archive, with the versions used here. */
function buildMd(version) {
  const lock = readFileSync(path.join(ROOT, 'Cargo.lock'), 'utf8');
  const bindgen = /\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/.exec(lock)?.[1];
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const rustc = out('rustc', ['--version']) ?? 'rustc 1.95.0';
  const wasm = readFileSync(path.join(DIST, 'extension', 'pkg', 'declutter_bg.wasm'));
  const sha = createHash('sha256').update(wasm).digest('hex');
  const cargoHome = process.env.CARGO_HOME ?? path.join(process.env.HOME ?? '~', '.cargo');
  return `# Building Declutter ${version} from source

The extension is plain JavaScript (\`extension/\`, not minified, not bundled) plus one
machine-generated part: \`pkg/declutter_bg.wasm\` and its glue \`pkg/declutter.js\`, compiled from the
Rust sources in \`src/\` (the crate in \`Cargo.toml\`, dependencies pinned by \`Cargo.lock\`).

## Environment used for this release

- Debian 12 (bookworm), x86_64
- Rust from rustup: \`${rustc}\`, with the target \`wasm32-unknown-unknown\`
- wasm-bindgen-cli ${bindgen} (= the \`wasm-bindgen\` crate in \`Cargo.lock\`)
- binaryen ${pkg.devDependencies.binaryen} (npm package, for \`wasm-opt -Oz\`; installed by \`npm ci\`)
- Node.js ${process.versions.node} and npm

## Steps

\`\`\`sh
curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --default-toolchain 1.95.0
. "$HOME/.cargo/env"
rustup target add wasm32-unknown-unknown
cargo install wasm-bindgen-cli --version ${bindgen}
npm ci
npm run build
\`\`\`

\`npm run build\` (\`scripts/build.mjs\`) installs the target and wasm-bindgen-cli itself when they are
missing, then:

1. \`cargo build --profile wasm --target wasm32-unknown-unknown --lib\`
2. \`wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/wasm/declutter.wasm\`
   (and appends a small \`__declutterReset()\` function to \`pkg/declutter.js\`, see the script)
3. \`node_modules/.bin/wasm-opt -Oz\` on \`pkg/declutter_bg.wasm\`
4. copies \`extension/\`, \`pkg/declutter.js\`, \`pkg/declutter_bg.wasm\` and the icons (drawn by
   \`scripts/lib/png.mjs\`) to \`dist/extension/\`

\`dist/extension/\` is then the content of the uploaded zip; \`npm run package\` writes the zips.

## Checking the result

The shipped \`pkg/declutter_bg.wasm\` has SHA-256 \`${sha}\` (${wasm.length.toLocaleString('en')} bytes).
The module's panic messages embed the paths of the dependencies' sources under \`$CARGO_HOME\`
(\`${cargoHome}\` for this release), so a byte-identical build needs the same \`CARGO_HOME\`
path and the versions above; the directory of the project itself does not matter.
`;
}

function main() {
  if (!process.argv.includes('--no-build')) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
  const ext = zip(filesIn(path.join(DIST, 'extension')));
  for (const browser of ['chrome', 'firefox']) {
    const p = path.join(DIST, `declutter-${browser}-${version}.zip`);
    writeFileSync(p, ext);
    say(`${path.relative(ROOT, p)} (${ext.length.toLocaleString('en')} B)`);
  }
  const tracked = out('git', ['ls-files', '-z']);
  if (tracked === null) throw new Error('git ls-files failed: the source archive needs a git checkout');
  const files = tracked.split('\0').filter(Boolean)
    .map((name) => { try { return { name, data: readFileSync(path.join(ROOT, name)) }; } catch { return null; } })
    .filter(Boolean); // a tracked file deleted in the working tree is skipped
  files.push({ name: 'BUILD.md', data: Buffer.from(buildMd(version)) });
  const src = zip(files);
  const p = path.join(DIST, `declutter-source-${version}.zip`);
  writeFileSync(p, src);
  say(`${path.relative(ROOT, p)} (${files.length} files, ${src.length.toLocaleString('en')} B)`);
}

main();
