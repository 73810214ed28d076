// Content script (isolated world), injected before content.js: the reader's exports. The core
// (in the background) writes the Markdown and the standalone HTML; saving is a blob URL and an
// <a download> click in the page, which needs no `downloads` permission. Registers itself on
// globalThis.__declutterParts.
(() => {
  const parts = globalThis.__declutterParts; // created by settings.js, injected first
  if (parts.exporter) return;
  const api = typeof globalThis.browser?.runtime?.sendMessage === 'function' ? globalThis.browser : globalThis.chrome;
  // = CS_TO_BG.EXPORT in messages.js (a classic script cannot import the module).
  const EXPORT = 'cs-bg-export';
  /** File types per export format. */
  const FORMATS = {
    markdown: { ext: 'md', type: 'text/markdown;charset=utf-8' },
    html: { ext: 'html', type: 'text/html;charset=utf-8' },
  };
  /** Longest file name we make from a title (characters, before the extension). */
  const NAME_MAX = 80;
  /** How long a blob URL lives after its download started. */
  const REVOKE_MS = 60_000;

  /** The core's export of `article`: resolves to the document's text, rejects with a message. */
  async function render(format, article) {
    const reply = await api.runtime.sendMessage({ type: EXPORT, format, article, url: location.href });
    if (!reply?.ok) throw new Error(reply?.error || 'export failed');
    return reply.text;
  }

  /** A file name from the title: letters of any script kept, the rest dashes. */
  function fileName(title, format) {
    const base = (title || 'article').normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '')
      .slice(0, NAME_MAX) || 'article';
    return `${base}.${FORMATS[format].ext}`;
  }

  async function save(format, article, parent) {
    const text = await render(format, article);
    const url = URL.createObjectURL(new Blob([text], { type: FORMATS[format].type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(article.title, format);
    a.hidden = true;
    parent.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_MS);
    return a.download;
  }

  async function copy(format, article) {
    const text = await render(format, article);
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No async clipboard (unfocused document, old engine): the legacy copy command, from a
      // textarea of our own that we remove at once.
      const area = document.createElement('textarea');
      area.value = text;
      area.style.cssText = 'position:fixed;opacity:0';
      document.documentElement.append(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      if (!ok) throw new Error('clipboard unavailable');
    }
    return text;
  }

  parts.exporter = Object.freeze({ render, save, copy, fileName, print: () => window.print() });
})();
