// The core's WASM module under Node (pkg-node/, built by npm run build): the same bytes the
// extension ships, through the nodejs glue.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const core = createRequire(import.meta.url)(path.join(ROOT, 'pkg-node', 'declutter.js'));
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');
const PAGE = readFileSync(path.join(ROOT, 'tests', 'e2e', 'pages', 'article.html'), 'utf8');

const fixtures = existsSync(FIXTURES)
  ? readdirSync(FIXTURES).filter((d) => existsSync(path.join(FIXTURES, d, 'expected.json')) && existsSync(path.join(FIXTURES, d, 'source.html')))
  : [];

test('analyze returns a structured-clonable {article, plan}', () => {
  const a = core.analyze(PAGE, 'https://example.org/2023/01/23/visite', undefined);
  assert.ok('article' in a && 'plan' in a);
  assert.ok(Array.isArray(a.plan.hide));
  assert.equal(typeof a.plan.element_count, 'number');
  assert.ok(a.plan.element_count > 50, `element_count ${a.plan.element_count}`);
  assert.deepEqual(structuredClone(a), a);
});

test('an oversize page is refused with an Error a person can read', () => {
  const huge = `<p>${'x'.repeat(33 * 1024 * 1024)}</p>`;
  assert.throws(() => core.analyze(huge, 'https://example.org/', undefined), (e) => {
    assert.ok(e instanceof Error);
    assert.match(e.message, /too large/);
    return true;
  });
  assert.throws(() => core.analyze(PAGE, 'https://example.org/', { max_bytes: 1000 }), /too large/);
});

// src/wasm.rs reads the options and the article to export field by field (no serde
// deserializer): each field's default, its type check and the round trip of an article.
test('options: absent fields keep their defaults, set ones apply, wrong types are refused by name', () => {
  const url = 'https://example.org/2023/01/23/visite';
  const all = core.analyze(PAGE, url, {});
  assert.ok(all.plan.hide.length > 0, 'a plan by default');
  assert.deepEqual(core.analyze(PAGE, url, null), all);
  const noPlan = core.analyze(PAGE, url, { plan: false, unknown_field: 1 });
  assert.deepEqual(noPlan.plan.hide, [], 'plan: false leaves the plan empty');
  assert.deepEqual(noPlan.article, all.article);
  assert.throws(() => core.analyze(PAGE, url, { plan: 'no' }), /bad options: plan should be a boolean/);
  assert.throws(() => core.analyze(PAGE, url, { max_nodes: -1 }), /bad options: max_nodes should be a whole number/);
  assert.throws(() => core.analyze(PAGE, url, { char_threshold: 1.5 }), /bad options: char_threshold should be a whole number/);
  assert.throws(() => core.analyze(PAGE, url, 'fast'), /bad options: not an object/);
  assert.throws(() => core.analyze(PAGE, url, { max_nodes: 10 }), /too many|nodes/i);
});

test('exports: the article analyze returned goes back in whole; a damaged one is refused by field', () => {
  const url = 'https://example.org/2023/01/23/visite';
  const { article } = core.analyze(PAGE, url, undefined);
  const md = core.export_markdown(article, url);
  assert.ok(md.includes(article.title), 'markdown holds the title');
  assert.deepEqual(core.export_markdown(structuredClone(article), url), md);
  const html = core.export_html(article, url);
  assert.ok(html.includes('<html') && !/<script/i.test(html));
  assert.throws(() => core.export_markdown({ ...article, title: 7 }, url), /bad article: title should be a string/);
  const { removed, ...noRemoved } = article;
  assert.ok(Array.isArray(removed));
  assert.throws(() => core.export_html(noRemoved, url), /bad article: missing field `removed`/);
  assert.throws(() => core.export_html({ ...article, authors: ['A', 3] }, url), /bad article: authors should be strings/);
  assert.throws(() => core.export_html(null, url), /bad article: not an object/);
});

// Whether there is an article is checked here, through the shipped WASM; the content checks
// (title, must/must_not) are the core's own cargo tests and the e2e quality floors.
test('fixture pages: an article where expected.json has one, none where it has null', { skip: fixtures.length ? false : 'no fixtures yet (tests/fixtures/ arrives on main)' }, async (t) => {
  for (const name of fixtures) {
    await t.test(name, () => {
      const expected = JSON.parse(readFileSync(path.join(FIXTURES, name, 'expected.json'), 'utf8'));
      const html = readFileSync(path.join(FIXTURES, name, 'source.html'), 'utf8');
      const a = core.analyze(html, expected.url ?? 'https://example.org/', undefined);
      if (expected.article === null) assert.equal(a.article, null);
      else {
        assert.ok(a.article, 'an article');
        assert.ok(a.article.word_count > 50, `word_count ${a.article.word_count}`);
        assert.ok(a.plan.keep, 'a keep element');
      }
    });
  }
});
