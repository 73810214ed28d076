// A tiny static server on 127.0.0.1 with per-route headers and bodies, for the e2e tests, the
// demo (npm start) and the browser benchmark. Routes: path -> {body, type?, headers?} or a file.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.json': 'application/json', '.jpg': 'image/jpeg' };

const isHTML = (spec, p) => (spec.type ?? TYPES[path.extname(spec.file ?? p)] ?? 'text/html').startsWith('text/html');

/** Starts the server; returns {url(path), route(path, spec), close()}. A route spec is
 * `{body, type, headers}` or `{file, headers}`; a query string is ignored for matching, so tests
 * can make every URL unique (`?t=…`) while serving the same page. */
export async function serve(routes = {}) {
  const table = new Map(Object.entries(routes));
  const requests = []; // every request's path and query, in order (the Firefox e2e checks them)
  const server = createServer((req, res) => {
    requests.push(req.url);
    const { pathname } = new URL(req.url, 'http://127.0.0.1');
    const spec = table.get(pathname);
    if (!spec) { res.writeHead(404, { 'content-type': 'text/plain' }); res.end('not found'); return; }
    const body = spec.file ? readFileSync(spec.file) : spec.body;
    const type = spec.type ?? TYPES[path.extname(spec.file ?? pathname)] ?? 'text/html; charset=utf-8';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...(spec.headers ?? {}) });
    res.end(body);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  let n = 0;
  return {
    base,
    /** A unique URL for `p` (tabs are found by URL, so no two tests share one). */
    url: (p) => `${base}${p}${p.includes('?') ? '&' : '?'}t=${Date.now().toString(36)}${(n++).toString(36)}`,
    route: (p, spec) => table.set(p, spec),
    requests,
    /** True when `p` is a page route (an HTML document). */
    isPage: (p) => table.has(p) && isHTML(table.get(p), p),
    /** The HTML of every page route (what the served pages reference). */
    pagesHTML: () => [...table.entries()].filter(([p, r]) => isHTML(r, p))
      .map(([, r]) => (r.file ? readFileSync(r.file, 'utf8') : String(r.body ?? ''))).join('\n'),
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  };
}
