// The hostile pages' trap (tests/hostile/page.html loads it first, from the page's own origin so
// that a page CSP of script-src 'self' allows it). Every vector calls __pwn(id) (or alert,
// or sets __pwned) if it ever runs. The test sets window.__phase = 'reader' just before the
// toolbar click: a hit recorded in that phase ran after Declutter touched the page.
(() => {
  const hits = [];
  const phase = () => window.__phase || 'page';
  const rec = (id, how) => hits.push({ id: String(id), how, phase: phase(), t: performance.now() });
  window.__hits = hits;
  window.__pwn = (id) => rec(id, 'call');
  for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = () => rec('?', f);
  let pwned;
  Object.defineProperty(window, '__pwned', { get: () => pwned, set: (v) => { pwned = v; rec(v, 'global'); } });
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    const el = e.composedPath()[0];
    window.__violations.push({ phase: phase(), directive: e.violatedDirective, sample: e.sample, blocked: e.blockedURI,
      target: el?.nodeName, attrs: el?.getAttributeNames?.().join(' '), inShadow: !!el?.getRootNode && el.getRootNode() !== document });
  });
})();
