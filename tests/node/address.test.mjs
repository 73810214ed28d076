// Addresses: the WASM module resolves them with the host's URL class, the native core with the
// url crate (crates/page/src/address.rs). Both follow the WHATWG URL Standard; these tests hold them to the
// same answers: the whole analysis (article and plan, links and images made absolute) of every
// fixture and of a fixed sample of the dev corpora, then tricky addresses one by one, each
// through the WASM module (pkg-node/) and the native CLI. The same holds JSON-LD, which the
// module reads with the host's JSON.parse (crates/metadata/src/json.rs): tricky scripts at the end.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const core = createRequire(import.meta.url)(path.join(ROOT, 'pkg-node', 'declutter.js'));
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const SHARED = path.resolve(ROOT, process.env.SHARED ?? '../shared');
const TARGET = process.env.CARGO_TARGET_DIR ? path.resolve(ROOT, process.env.CARGO_TARGET_DIR) : path.join(ROOT, 'target');
const CLI = path.join(TARGET, 'release', 'declutter');
// One corpus page in SAMPLE_EVERY, in the order score.py lists them: 78 of 617 (set
// DECLUTTER_SAMPLE_EVERY=1 for all of them, about 20 s).
const SAMPLE_EVERY = Number(process.env.DECLUTTER_SAMPLE_EVERY ?? 8);
// trafilatura-dev pages come without their address; they are read as if served here, so that
// their links are resolved too.
const CORPUS_BASE = 'https://www.example.org/news/2024/05/story.html?id=7#top';

const tmp = mkdtempSync(path.join(tmpdir(), 'declutter-address-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

// The CLI as cargo builds it (a no-op when it is up to date, as bench/golden.sh does).
function buildCli() {
  const r = spawnSync('cargo', ['build', '--release', '--bin', 'declutter'], { cwd: ROOT, stdio: 'ignore' });
  assert.equal(r.status, 0, 'cargo build --release --bin declutter');
}

/** Native analyses of `pages` ({id, html, url}), by id, through the CLI's batch mode. */
function native(pages) {
  const dir = mkdtempSync(path.join(tmp, 'native-'));
  const list = pages.map((p) => {
    const file = path.join(dir, `${p.id}.html`);
    writeFileSync(file, p.html);
    return `${p.id}\t${file}\t${p.url}`;
  });
  writeFileSync(path.join(dir, 'list.tsv'), list.join('\n') + '\n');
  const out = path.join(dir, 'out');
  spawnSync(CLI, ['--out', out, '--format', 'json', '--list', path.join(dir, 'list.tsv')], { stdio: 'ignore' });
  return Object.fromEntries(pages.map((p) => [p.id, JSON.parse(readFileSync(path.join(out, `${p.id}.json`), 'utf8'), asF32)]));
}

// The core's fractions are f32: the CLI's JSON prints the shortest decimal (0.73), the module
// hands JS the f64 of the same f32 (0.7300000190734863).
const asF32 = (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? Math.fround(v) : v);

function comparePages(pages) {
  buildCli();
  const want = native(pages);
  const differ = [];
  for (const p of pages) {
    const got = JSON.parse(JSON.stringify(core.analyze(p.html, p.url, undefined)), asF32);
    try {
      assert.deepEqual(got, want[p.id]);
    } catch (e) {
      differ.push(`${p.id}: ${e.message.slice(0, 2000)}`);
    }
  }
  assert.deepEqual(differ, [], `${differ.length} of ${pages.length} pages differ`);
}

function fixturePages() {
  return readdirSync(FIXTURES)
    .filter((d) => existsSync(path.join(FIXTURES, d, 'source.html')))
    .map((d) => {
      const expected = path.join(FIXTURES, d, 'expected.json');
      const url = existsSync(expected) ? JSON.parse(readFileSync(expected, 'utf8')).url ?? '' : '';
      return { id: `fixture-${d}`, html: readFileSync(path.join(FIXTURES, d, 'source.html'), 'utf8'), url };
    });
}

// score.py decodes every page to UTF-8 and lists it with its address, as bench/golden.sh reads them.
function corpusPages() {
  const pages = [];
  for (const set of ['readability', 'trafilatura-dev']) {
    const dir = path.join(tmp, `corpus-${set}`);
    const r = spawnSync('python3', [path.join(SHARED, 'eval', 'score.py'), 'prepare', set, dir], { stdio: 'ignore' });
    assert.equal(r.status, 0, `score.py prepare ${set}`);
    for (const line of readFileSync(path.join(dir, '_list.tsv'), 'utf8').split('\n').filter(Boolean)) {
      const [id, file, url] = line.split('\t');
      pages.push({ id: `${set}-${id}`, html: readFileSync(file, 'utf8'), url: url || CORPUS_BASE });
    }
  }
  return pages.filter((_, i) => i % SAMPLE_EVERY === 0);
}

test('fixtures: the WASM module and the native CLI give the same analysis', () => {
  comparePages(fixturePages());
});

test('corpus sample: the WASM module and the native CLI give the same analysis', { skip: existsSync(path.join(SHARED, 'corpus')) ? false : `no corpora at ${SHARED}` }, () => {
  const pages = corpusPages();
  assert.ok(pages.length >= 617 / SAMPLE_EVERY, `${pages.length} pages`);
  comparePages(pages);
});

// Each address is a link (and one an image) in a page that is an article, so it comes out
// resolved (or dropped) in content_html; the lead image goes through metadata's resolver.
const TRICKY = [
  'https://Bücher.de/a?b#c', // Unicode host, upper case
  'https://user@пример.рф:8080/x',
  'https://例子。测试/', // ideographic full stop
  '//cdn.example.com/img.png', // protocol-relative
  '../../up/./here/../there.html', // dot segments above the root
  'a b/c d.html?q=x y#f g', // spaces
  '\\\\evil.example\\path\\x', // backslashes
  '  \thttps://example.com/\n  tabbed  ', // surrounding whitespace, a tab inside
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'HTTP://EXAMPLE.COM:80/%7Efoo/A',
  'https://[::1]:8080/v6',
  'https://user:p%40ss@host.example/',
  'https://exa mple.org/', // invalid host
  'http://%41.com/', // percent-encoded host
  'https://xn--bcher-kva.de/',
  'mailto:someone@example.com',
  'ftp://files.example.com/a',
  '?only=query',
  '#only-fragment',
  '/root/relative',
  'https://example.com/é/ü?ä=ö',
  'https:example.com/no-slashes',
  'http://example.com/a/%2e%2E/b',
  'https://example.com:443/default-port',
  'https://faß.de/', // kept as ß (non-transitional)
  'https://ＥＸＡＭＰＬＥ.com/full-width', // full-width letters, which UTS 46 maps to ASCII
];

function trickyPage(addresses) {
  const para = (a, i) => `<p>Paragraph ${i} of the story, with a link to <a href="${a.replace(/"/g, '&quot;')}">this address</a>, and enough words around it to be read as the article body, as a news page would have them.</p>`;
  return `<!doctype html><html lang="en"><head><title>Tricky addresses</title>
<meta property="og:image" content="../img/lead.jpg"></head><body><article><h1>Tricky addresses</h1>
<img src="${addresses[3]}" alt="protocol-relative">
${addresses.map(para).join('\n')}
</article></body></html>`;
}

test('tricky addresses resolve the same way in WASM and natively', () => {
  const html = trickyPage(TRICKY);
  const pages = ['https://www.example.org/news/2024/story.html', 'https://Bücher.de/news/story', 'http://fakehost/test/page.html', '']
    .map((url, i) => ({ id: `tricky-${i}`, html, url }));
  comparePages(pages);
  // The comparison is only as good as the page: every address must come out in the article.
  const a = core.analyze(html, pages[0].url, undefined).article;
  assert.ok(a, 'the tricky page is an article');
  assert.equal((a.content_html.match(/<p>/g) ?? []).length, TRICKY.length, 'every paragraph kept');
  assert.match(a.content_html, /href="https:\/\/xn--bcher-kva\.de\/a\?b#c"/);
  assert.match(a.content_html, /href="https:\/\/www\.example\.org\/up\/there\.html"/);
  assert.match(a.content_html, /src="https:\/\/cdn\.example\.com\/img\.png"/);
  assert.doesNotMatch(a.content_html, /javascript:|data:/i);
  assert.equal(a.lead_image, 'https://www.example.org/news/img/lead.jpg');
  // Full-width letters as browsers read them (UTS 46), in both back ends.
  assert.match(a.content_html, /href="https:\/\/example\.com\/full-width"/);
});

// JSON-LD: the module parses it with the host's JSON.parse, the native core with serde_json
// (crates/metadata/src/json.rs), which refuses more: these scripts sit where the two differ. Each page
// names its author only in its JSON-LD, so the author shows whether the script was read.
const deep = (n) => '['.repeat(n) + ']'.repeat(n);
const JSONLD = [
  ['nested 127 deep', `"x":${deep(126)}`, 'Jane Doe'],
  ['nested 128 deep', `"x":${deep(127)}`, null],
  ['a number out of range', '"x":1e400', null],
  ['a number in range', '"x":-1.5e300', 'Jane Doe'],
  ['an unpaired surrogate', '"x":"\\ud800"', null],
  ['an unpaired surrogate in a key', '"\\udc00":1', null],
  ['a surrogate pair', '"x":"\\ud83d\\ude00"', 'Jane Doe'],
  ['a repeated key (the last wins)', '"author":{"name":"Someone Else"}', 'Jane Doe'],
];

function jsonLdPage(extra) {
  const para = (i) => `<p>Paragraph ${i} of the story, with enough words in it to be read as the article body, as a news page would have them, and a few more.</p>`;
  return `<!doctype html><html lang="en"><head><title>Structured data</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Structured data",${extra},"author":{"@type":"Person","name":"Jane Doe"}}</script>
</head><body><article><h1>Structured data</h1>${[1, 2, 3, 4, 5, 6].map(para).join('\n')}</article></body></html>`;
}

test('JSON-LD that serde_json refuses is refused in WASM too', () => {
  const pages = JSONLD.map(([, extra], i) => ({ id: `jsonld-${i}`, html: jsonLdPage(extra), url: 'https://www.example.org/a.html' }));
  comparePages(pages);
  JSONLD.forEach(([what, , author], i) => {
    const a = core.analyze(pages[i].html, pages[i].url, undefined).article;
    assert.deepEqual(a.authors, author ? [author] : [], what);
  });
});
