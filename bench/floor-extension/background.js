// The least a toolbar click costs an extension: what `npm run bench:floor` measures against
// Readability.js. Nothing is analysed or changed; each mode is one way for the click to reach
// the page and come back, timed like Declutter's own runs (extension/background.js): from
// action.onClicked to the answer, in `globalThis.declutter.last.timings.click_to_done_ms`.
//
//   script: one executeScript of a function that reads the DOM (Declutter's first round trip);
//   relay:  that function also sends a message to this worker and awaits the reply (Declutter's
//           click shape: worker -> page -> worker -> page -> worker, without the page's HTML);
//   port:   a message on a port the content script opened earlier, and its reply (the
//           cheapest channel we know of; the first click of a page injects the script).
// The bench picks the mode with `globalThis.declutter.mode = '...'` in this worker.

const api = globalThis.chrome;
globalThis.declutter = { mode: 'script', runs: 0, last: null };

/** Open ports by tab (the port mode's content script connects once per page). */
const ports = new Map();
api.runtime.onConnect.addListener((port) => {
  const tabId = port.sender?.tab?.id;
  if (port.name !== 'floor' || tabId == null) return;
  ports.set(tabId, port);
  port.onDisconnect.addListener(() => { if (ports.get(tabId) === port) ports.delete(tabId); });
});

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (sender?.id !== api.runtime.id || msg?.type !== 'ping') return false;
  sendResponse({ pong: true });
  return false;
});

/** One round trip on the tab's port; resolves with the content script's answer. */
function overPort(port) {
  return new Promise((resolve) => {
    const onReply = (m) => { port.onMessage.removeListener(onReply); resolve(m); };
    port.onMessage.addListener(onReply);
    port.postMessage({ type: 'run' });
  });
}

async function runIn(tabId, mode) {
  const target = { tabId };
  if (mode === 'script') {
    const [r] = await api.scripting.executeScript({ target, func: () => document.documentElement.childElementCount });
    return r?.result;
  }
  if (mode === 'relay') {
    const [r] = await api.scripting.executeScript({
      target,
      func: async () => (await chrome.runtime.sendMessage({ type: 'ping' }))?.pong === true,
    });
    return r?.result;
  }
  let port = ports.get(tabId);
  if (!port) {
    await api.scripting.executeScript({ target, files: ['content.js'] });
    for (let i = 0; i < 100 && !ports.has(tabId); i++) await new Promise((r) => setTimeout(r, 5));
    port = ports.get(tabId);
    if (!port) throw new Error('the content script did not connect');
  }
  return overPort(port);
}

api.action.onClicked.addListener(async (tab) => {
  const clickedAt = performance.now();
  const mode = globalThis.declutter.mode;
  try {
    const result = await runIn(tab.id, mode);
    const t = performance.now();
    globalThis.declutter.last = { mode, result: { state: 'noop', answer: result }, timings: { inject_ms: 0, click_to_done_ms: t - clickedAt } };
  } catch (e) {
    globalThis.declutter.last = { mode, error: String(e?.message ?? e) };
  }
  globalThis.declutter.runs += 1;
});
