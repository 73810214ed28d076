// A minimal WebDriver client for Firefox through geckodriver over loopback HTTP: plain fetch, no
// npm dependency (shared/notes/toolchain.md, "Firefox e2e"). Only what the e2e needs: a session
// with the extension installed as a temporary add-on, navigation, scripts in the page (content
// context) and in the browser (chrome context), closed shadow roots, element clicks, screenshots.
import { spawn } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { createServer as httpServer } from 'node:http';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
// `cargo install geckodriver` puts it in ~/.cargo/bin, which need not be on PATH.
const CARGO_GECKODRIVER = path.join(homedir(), '.cargo', 'bin', 'geckodriver');
export const GECKODRIVER = process.env.GECKODRIVER_PATH ?? (existsSync(CARGO_GECKODRIVER) ? CARGO_GECKODRIVER : 'geckodriver');

/** Keeps Firefox off the network. Belt and braces: every service that phones home is switched
 * off, and any request that still escapes (a fixture's absolute image URL, a service we missed)
 * goes to the recording proxy startFirefox() runs (port 9, closed, until then) and is refused. Loopback itself is never proxied
 * (network.proxy.allow_hijacking_localhost stays false), so the test server is reached directly. */
const DEAD = 'http://127.0.0.1:9/';
export const PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1', 'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1', 'network.proxy.ssl_port': 9,
  'network.proxy.share_proxy_settings': true,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'network.http.speculative-parallel-limit': 0,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.downloads.remote.enabled': false,
  'browser.safebrowsing.update.enabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': DEAD,
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'app.normandy.enabled': false,
  'app.normandy.api_url': '',
  'app.shield.optoutstudies.enabled': false,
  'app.update.disabledForTesting': true,
  'app.update.auto': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.systemAddon.update.enabled': false,
  'extensions.blocklist.enabled': false,
  'browser.region.network.url': '',
  'browser.region.update.enabled': false,
  'browser.search.update': false,
  'services.settings.server': DEAD,
  'dom.push.connection.enabled': false,
  'geo.provider.network.url': '',
  'media.gmp-manager.url': '',
  'browser.newtabpage.enabled': false,
  'browser.startup.homepage': 'about:blank',
  'browser.startup.page': 0,
};

/** Firefox's proxy: every request that is not to loopback comes here, is recorded and refused
 * (403 for plain HTTP, a closed socket for an HTTPS CONNECT), so the tests see all of them and
 * nothing leaves the machine. */
async function recordingProxy() {
  const seen = [];
  const server = httpServer((req, res) => { seen.push(req.url); res.writeHead(403); res.end(); });
  server.on('connect', (req, socket) => { seen.push(`https://${req.url.replace(/:443$/, '')}/`); socket.destroy(); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, seen, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) };
}

/** Firefox's own service hosts: remote settings keeps polling from the parent process whatever
 * `services.settings.server` says (ESR 140 only honours it under its own test harness). The
 * proxy refuses those requests too; they are the browser's, not an extension's. */
const BROWSER_SERVICE_HOSTS = ['firefox.settings.services.mozilla.com'];

/** Requests since the last call that the served pages did not make, as messages: an off-loopback
 * request (recorded by the proxy) to a host none of the pages references, or a loopback request
 * for something that is neither a served page, nor referenced by one, nor /favicon.ico. The
 * extension's own files (moz-extension://) never touch the network. Same rule as the Chromium
 * e2e (tests/e2e/helpers.mjs). */
export function foreignRequests(ff, server) {
  const html = server.pagesHTML();
  const bad = [];
  for (const u of ff.offsite.splice(0)) {
    let host = '';
    try { host = new URL(u).host; } catch { /* not a URL */ }
    if (BROWSER_SERVICE_HOSTS.includes(host)) continue;
    if (!host || !html.includes(`//${host}`)) bad.push(`off-loopback request the page did not make: ${u}`);
  }
  for (const u of server.requests.splice(0)) {
    const { pathname } = new URL(u, 'http://127.0.0.1');
    if (pathname === '/favicon.ico' || server.isPage(pathname) || html.includes(pathname)) continue;
    bad.push(`loopback request the page did not make: ${u}`);
  }
  return bad;
}

/** A free loopback port (listen on 0, read it, close). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Starts geckodriver (its own log file `driverLog`, which also gets Firefox's stdout and
 * stderr) and opens a session; Firefox writes its own network log to `firefoxLog`. Returns a
 * client; `kill()` is safe to call twice and runs on process 'exit'. */
export async function startFirefox({ driverLog, firefoxLog, width = 1366, height = 768 }) {
  const proxy = await recordingProxy();
  const prefs = { ...PREFS, 'network.proxy.http_port': proxy.port, 'network.proxy.ssl_port': proxy.port };
  const port = await freePort();
  const wsPort = await freePort(); // BiDi websocket; the default 9222 could clash with another run
  // A log file for stdio, never inherited pipes: an orphaned driver holding the pipe would hang
  // the caller (toolchain.md).
  const fd = openSync(driverLog, 'w');
  const driver = spawn(GECKODRIVER, ['--host', '127.0.0.1', '--port', String(port), '--websocket-port', String(wsPort),
    '--allow-system-access'], { stdio: ['ignore', fd, fd], cwd: path.dirname(driverLog) }); // stray Firefox files land there
  driver.unref();
  let firefoxPid = null;
  const kill = () => {
    for (const pid of [firefoxPid, driver.pid]) {
      try { if (pid) process.kill(pid, 'SIGKILL'); } catch { /* already gone */ }
    }
    firefoxPid = null;
  };
  process.once('exit', kill);
  // 'exit' does not run on a signal (Ctrl-C, the test runner's timeout): kill, then die as asked.
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => { kill(); process.kill(process.pid, sig); });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, p, body) => {
    const res = await fetch(`${base}${p}`, {
      method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${p}: ${json.value?.error}: ${json.value?.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) { // wait for the driver to listen
    try { await call('GET', '/status'); break; } catch (e) {
      if (i > 100) { kill(); throw new Error(`geckodriver did not start (see ${driverLog}): ${e.message}`); }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  let session;
  try {
    session = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'firefox',
          'moz:firefoxOptions': {
            binary: FIREFOX, args: ['-headless'],
            // Firefox's own log (MOZ_LOG set through prefs; geckodriver does not pass `env` on):
            // HTTP at level 3 names every request, so the log shows what Firefox fetched.
            prefs: firefoxLog ? { ...prefs, 'logging.config.LOG_FILE': firefoxLog, 'logging.config.add_timestamp': true, 'logging.nsHttp': 3 } : prefs,
            log: { level: 'info' },
          },
        },
      },
    });
  } catch (e) { kill(); await proxy.close(); throw e; }
  firefoxPid = session.capabilities['moz:processID'] ?? null;
  const s = `/session/${session.sessionId}`;
  const ff = {
    capabilities: session.capabilities,
    /** Off-loopback requests the proxy has seen (and refused) since foreignRequests() last ran. */
    offsite: proxy.seen,
    call: (method, p, body) => call(method, `${s}${p}`, body),
    async quit() {
      try { await call('DELETE', s); } catch { /* Firefox already gone */ }
      kill();
      await proxy.close();
    },
    kill,
    /** Installs an unpacked extension folder as a temporary add-on; returns its id. */
    installAddon: (dir) => call('POST', `${s}/moz/addon/install`, { path: dir, temporary: true }),
    goto: (url) => call('POST', `${s}/url`, { url }),
    /** Runs `fn` (a function, called with `args`) in the page, or in the browser's chrome. */
    async exec(fn, args = [], { context = 'content' } = {}) {
      if (context !== 'content') await call('POST', `${s}/moz/context`, { context });
      try {
        return await call('POST', `${s}/execute/async`, {
          script: `const done = arguments[arguments.length - 1];
            Promise.resolve((${fn}).apply(null, Array.from(arguments).slice(0, -1))).then(done, (e) => done({ __error: String(e && e.stack || e) }));`,
          args,
        }).then((v) => { if (v?.__error) throw new Error(v.__error); return v; });
      } finally {
        if (context !== 'content') await call('POST', `${s}/moz/context`, { context: 'content' });
      }
    },
    find: (css) => call('POST', `${s}/element`, { using: 'css selector', value: css }),
    /** An element inside the shadow root of the host matching `hostCss`. Marionette returns
     * closed shadow roots too (it reads `openOrClosedShadowRoot` from privileged code), so the
     * extension exposes nothing for the test. */
    async findInShadow(hostCss, css) {
      const host = await ff.find(hostCss);
      const root = await call('GET', `${s}/element/${elId(host)}/shadow`);
      return call('POST', `${s}/shadow/${root[SHADOW_KEY]}/element`, { using: 'css selector', value: css });
    },
    /** WebDriver Element Click: scrolls into view, checks that the element is the one hit at
     * its centre, then dispatches real pointer events there. */
    click: (el) => call('POST', `${s}/element/${elId(el)}/click`, {}),
    property: (el, name) => call('GET', `${s}/element/${elId(el)}/property/${name}`),
    attribute: (el, name) => call('GET', `${s}/element/${elId(el)}/attribute/${name}`),
    async screenshot() { return Buffer.from(await call('GET', `${s}/screenshot`), 'base64'); },
  };
  await ff.call('POST', '/window/rect', { width, height });
  return ff;
}

const ELEMENT_KEY = 'element-6066-11e4-a52e-4f735466cecf';
const SHADOW_KEY = 'shadow-6066-11e4-a52e-4f735466cecf';
const elId = (el) => el[ELEMENT_KEY];

/** A real toolbar click: the browser action's own click path (grants activeTab and fires
 * action.onClicked in the background), run in the chrome context. WebDriver cannot reach the
 * toolbar, which is browser UI, so this is the closest to a user's click. */
export function clickAction(ff, addonId) {
  return ff.exec((id) => {
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const ext = WebExtensionPolicy.getByID(id).extension;
    ExtensionParent.apiManager.global.browserActionFor(ext)
      .triggerAction(Services.wm.getMostRecentWindow('navigator:browser'));
    return true;
  }, [addonId], { context: 'chrome' });
}

/** Polls `fn` in the page until it returns something truthy. */
export async function waitFor(ff, fn, args = [], { timeout = 15000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await ff.exec(fn, args);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
