// npm run package: the Chrome and Firefox zips (the same files), the source archive with
// BUILD.md for Mozilla's review, and `web-ext lint` (Mozilla's addons-linter) on the extension
// with no errors; its warnings are listed as diagnostics, not failures.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');
const EXT = path.join(DIST, 'extension');
const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;

/** Entry names of a zip, from its central directory. */
function zipNames(buf) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const n = buf.readUInt16LE(p + 28), x = buf.readUInt16LE(p + 30), c = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + n));
    p += 46 + n + x + c;
  }
  return names;
}

test('npm run package writes the Chrome, Firefox and source zips', { skip: !existsSync(EXT) && 'dist/extension missing: npm run build' }, () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs'), '--no-build'], { cwd: ROOT, stdio: 'pipe' });
  const chrome = readFileSync(path.join(DIST, `declutter-chrome-${version}.zip`));
  const firefox = readFileSync(path.join(DIST, `declutter-firefox-${version}.zip`));
  assert.ok(chrome.equals(firefox), 'one package serves both browsers');
  const names = zipNames(firefox);
  for (const f of ['manifest.json', 'background.js', 'parts.js', 'content-bundle.js', 'settings.js', 'pkg/declutter.js', 'pkg/declutter_bg.wasm', 'icons/128.png']) {
    assert.ok(names.includes(f), `extension zip has ${f}`);
  }
  const src = zipNames(readFileSync(path.join(DIST, `declutter-source-${version}.zip`)));
  const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean)
    .filter((f) => existsSync(path.join(ROOT, f)));
  assert.deepEqual(src.filter((f) => f !== 'BUILD.md').sort(), [...tracked].sort(), 'the source zip is exactly the tracked files');
  assert.ok(src.includes('BUILD.md'));
  assert.ok(!src.some((f) => f.startsWith('dist/') || f.startsWith('target/') || f.startsWith('node_modules/')));
});

test('web-ext lint: no errors on the extension', { skip: !existsSync(EXT) && 'dist/extension missing: npm run build' }, (t) => {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'web-ext');
  const r = spawnSync(bin, ['lint', '--source-dir', EXT, '--output', 'json', '--no-input'], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_UPDATE_NOTIFIER: '1' }, timeout: 120000,
  });
  const json = r.stdout.slice(r.stdout.indexOf('{'));
  let report;
  try { report = JSON.parse(json); } catch { assert.fail(`web-ext lint gave no JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`); }
  const line = (m) => `${m.code}: ${m.message}${m.file ? ` (${m.file})` : ''}`;
  for (const w of report.warnings ?? []) t.diagnostic(`web-ext lint warning: ${line(w)}`);
  t.diagnostic(`web-ext lint: ${report.count} messages, ${report.summary?.errors} errors, ${report.summary?.warnings} warnings, ${report.summary?.notices} notices`);
  assert.deepEqual((report.errors ?? []).map(line), [], 'web-ext lint errors');
});
