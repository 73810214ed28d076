// Least privilege, read from the BUILT extension (dist/extension/, what the e2e tests load and
// npm run package zips): every permission is used by some feature, there is no host access, the
// CSP is exactly script-src 'self' 'wasm-unsafe-eval', and the code loads and fetches nothing
// remote. The rules read the shipped JS, so a permission added together with the code that
// uses it (the reader view's `storage`, say) passes, and one added alone fails.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EXT = path.join(ROOT, 'dist', 'extension');
const built = existsSync(path.join(EXT, 'manifest.json'));
const skip = !built && 'dist/extension missing: npm run build';

/** Each permission we know, and what in the shipped JS proves a feature uses it. */
export const USES = {
  // activeTab: a user gesture (toolbar click, shortcut, menu) grants access to the tab, and the
  // extension then runs its script there. Needs both halves.
  activeTab: (js) => /\baction\.onClicked\.addListener\(|\bcommands\.onCommand\.addListener\(|\bcontextMenus\.onClicked\.addListener\(/.test(js)
    && /\bscripting\.executeScript\(/.test(js),
  scripting: (js) => /\bscripting\.(executeScript|insertCSS|removeCSS|registerContentScripts)\(/.test(js),
  contextMenus: (js) => /\bcontextMenus\.(create|update)\(/.test(js),
  storage: (js) => /\bstorage\.(local|sync|session|managed)\.(get|set|remove|clear)\(|\bstorage\.onChanged\b/.test(js),
  tabs: (js) => /\btabs\.(query|get|onUpdated|onActivated|onRemoved)\b[^]*?\b(url|title|favIconUrl)\b/.test(js),
  clipboardWrite: (js) => /navigator\.clipboard\.write(Text)?\(|execCommand\(\s*['"]copy['"]/.test(js),
  downloads: (js) => /\bdownloads\.download\(/.test(js),
};

function walk(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Checks a manifest and the extension's JS sources ({file: text}); returns the problems. */
export function problems(manifest, sources) {
  const out = [];
  const js = Object.values(sources).join('\n');
  for (const p of manifest.permissions ?? []) {
    if (/[:*/]|<all_urls>/.test(p)) out.push(`host access in permissions: ${p}`);
    else if (!USES[p]) out.push(`unknown permission ${p}: add a rule for it here once a feature uses it`);
    else if (!USES[p](js)) out.push(`permission ${p} is not used by any code`);
  }
  for (const p of manifest.optional_permissions ?? []) out.push(`optional permission ${p}`);
  for (const key of ['host_permissions', 'optional_host_permissions']) {
    if ((manifest[key] ?? []).length) out.push(`${key}: ${manifest[key].join(', ')}`);
  }
  for (const cs of manifest.content_scripts ?? []) out.push(`static content script on ${cs.matches?.join(', ')}`);
  for (const war of manifest.web_accessible_resources ?? []) out.push(`web-accessible resources for ${war.matches?.join(', ')}`);
  if (manifest.externally_connectable) out.push('externally_connectable');
  // CSP: exactly script-src 'self' 'wasm-unsafe-eval' (WASM needs the latter, nothing else).
  const csp = manifest.content_security_policy?.extension_pages ?? '';
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
  const scriptSrc = directives['script-src'];
  if (!scriptSrc || scriptSrc.slice().sort().join(' ') !== ["'self'", "'wasm-unsafe-eval'"].sort().join(' ')) {
    out.push(`CSP script-src is "${scriptSrc?.join(' ')}", not 'self' 'wasm-unsafe-eval'`);
  }
  for (const [k, v] of Object.entries(directives)) {
    for (const s of v) {
      if (/^'unsafe-(eval|inline|hashes)'$|^https?:|^\*|^data:|^blob:/.test(s)) out.push(`CSP ${k} allows ${s}`);
    }
  }
  if (manifest.content_security_policy?.sandbox) out.push('CSP for sandboxed pages');
  // Background and every file the manifest names are in the package.
  for (const f of [manifest.background?.service_worker, ...(manifest.background?.scripts ?? [])].filter(Boolean)) {
    if (/^[a-z]+:|^\/\//i.test(f)) out.push(`remote background script ${f}`);
  }
  // Remote code and network: no eval-like sinks, no remote URL handed to a loading API.
  for (const [file, src] of Object.entries(sources)) {
    const code = src.replace(/\/\/[^\n]*|\/\*[^]*?\*\//g, ''); // comments out (a URL in a comment is harmless)
    for (const [re, what] of [[/\beval\s*\(/, 'eval'], [/\bnew\s+Function\s*\(/, 'new Function'],
      [/\bset(Timeout|Interval)\s*\(\s*['"`]/, 'string timer'], [/\bimportScripts\s*\(/, 'importScripts'],
      [/\bnew\s+(XMLHttpRequest|WebSocket|EventSource)\b/, 'XMLHttpRequest/WebSocket/EventSource'],
      [/\bsendBeacon\s*\(/, 'sendBeacon'], [/\bimport\s*\(/, 'dynamic import'],
      [/\.src\s*=\s*['"`]https?:/, 'remote src'], [/<script[^>]+src\s*=\s*['"]?https?:/i, 'remote script tag']]) {
      if (re.test(code)) out.push(`${file}: ${what}`);
    }
    for (const m of code.matchAll(/\bfetch\s*\(\s*([^),]*)/g)) {
      const arg = m[1].trim();
      if (/['"`][a-z]*:?\/\//i.test(arg)) { out.push(`${file}: fetch of a remote literal ${arg}`); continue; }
      if (/^api\.runtime\.getURL\(/.test(arg)) continue; // always a URL inside our own package
      if (!/^[A-Za-z_$][\w$]*$/.test(arg)) { out.push(`${file}: fetch(${arg}) is not a checked local URL`); continue; }
      // An identifier: in our own files it must be defined from runtime.getURL(); the WASM
      // glue (pkg/) only fetches what its caller passes, defaulting to its own directory.
      if (file.startsWith('pkg/')) {
        if (!/new URL\(\s*['"][\w.-]+['"]\s*,\s*import\.meta\.url\s*\)/.test(code)) out.push(`${file}: glue fetches a non-local default`);
      } else if (!new RegExp(`\\b${arg}\\s*=\\s*api\\.runtime\\.getURL\\(`).test(code)) {
        out.push(`${file}: fetch(${arg}) where ${arg} is not runtime.getURL(...)`);
      }
    }
  }
  return out;
}

function load() {
  const manifest = JSON.parse(readFileSync(path.join(EXT, 'manifest.json'), 'utf8'));
  const sources = Object.fromEntries(walk(EXT).filter((f) => f.endsWith('.js') || f.endsWith('.mjs'))
    .map((f) => [path.relative(EXT, f).split(path.sep).join('/'), readFileSync(f, 'utf8')]));
  return { manifest, sources };
}

describe('least privilege (built manifest)', () => {
  test('every permission is used, no host access, strict CSP, no remote code', { skip }, () => {
    const { manifest, sources } = load();
    assert.ok(Object.keys(sources).includes('background.js') && Object.keys(sources).includes('content-bundle.js'));
    assert.deepEqual(problems(manifest, sources), []);
  });

  test('the rules catch what they look for', { skip }, () => {
    const { manifest, sources } = load();
    const bad = (m, s = sources) => problems(m, s);
    // The reader's settings use storage: without that code, the permission is unused.
    const noStorage = Object.fromEntries(Object.entries(sources).map(([f, js]) => [f, js.replace(/\bstorage\.(local|sync|session|managed)\.|\bstorage\.onChanged\b/g, 'kept.')]));
    assert.match(bad({ ...manifest, permissions: [...new Set([...manifest.permissions, 'storage'])] }, noStorage).join('\n'), /storage is not used/);
    assert.match(bad({ ...manifest, permissions: [...manifest.permissions, 'geolocation'] }).join('\n'), /unknown permission geolocation/);
    assert.match(bad({ ...manifest, permissions: [...manifest.permissions, '<all_urls>'] }).join('\n'), /host access/);
    assert.match(bad({ ...manifest, host_permissions: ['https://*/*'] }).join('\n'), /host_permissions/);
    assert.match(bad({ ...manifest, content_security_policy: { extension_pages: "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'" } }).join('\n'), /script-src/);
    assert.match(bad({ ...manifest, content_security_policy: { extension_pages: "script-src 'self' https://cdn.example" } }).join('\n'), /allows https:/);
    // A permission used by code passes: what the reader view's storage would look like.
    assert.deepEqual(bad({ ...manifest, permissions: [...manifest.permissions, 'storage'] },
      { ...sources, 'options.js': 'api.storage.local.get("font").then(apply);' }), []);
    // Dropping the code that uses a permission makes it unused.
    const noMenus = { ...sources, 'background.js': sources['background.js'].replaceAll('contextMenus.create(', 'contextMenus.x(') };
    assert.match(bad(manifest, noMenus).join('\n'), /contextMenus is not used/);
    for (const code of ['fetch("https://cdn.example/x.js")', 'importScripts("https://x/y.js")', 'eval(s)', 'new WebSocket(u)', 'fetch(u)']) {
      assert.notDeepEqual(bad(manifest, { ...sources, 'x.js': code }), [], code);
    }
  });
});
