// The port mode's content script (background.js): opens a port and answers each message on it.
(() => {
  if (Object.hasOwn(globalThis, '__declutterFloor')) return;
  globalThis.__declutterFloor = true;
  const port = chrome.runtime.connect({ name: 'floor' });
  port.onMessage.addListener(() => port.postMessage({ childElementCount: document.documentElement.childElementCount }));
})();
