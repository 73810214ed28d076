// Content script (isolated world), injected before content.js: read aloud with the browser's
// speech synthesis, one utterance per sentence in the article's language, the sentence being
// read highlighted and kept in view. `speechSynthesis` and `SpeechSynthesisUtterance` are looked
// up on the global at each use (not captured at injection), so a voice engine installed later
// (or a test's recorder) is the one used. Registers itself on globalThis.__declutterParts.
(() => {
  const parts = globalThis.__declutterParts; // created by settings.js, injected first
  if (parts.speech) return;

  /** Blocks read as units; a block inside another one (a <p> in an <li>) is read once. */
  const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, dt, dd, td, th, pre, caption';
  /** Not read: the site line, the metadata line, the link back to the original. */
  const SKIP = '.site, .meta, .source, .removed';
  /** Name of the CSS custom highlight that marks the sentence being read. */
  const HIGHLIGHT = 'declutter-sentence';
  /** Fallback when Intl.Segmenter is missing: a sentence ends at . ! ? … (and Arabic ؟ ۔). */
  const SENTENCE_END = /[^.!?…؟۔]+(?:[.!?…؟۔]+["»”’)\]]*\s*|$)/g;

  const synth = () => globalThis.speechSynthesis ?? null;
  const available = () => !!synth() && typeof globalThis.SpeechSynthesisUtterance === 'function';

  /** Sentences of `scope` as {text, range, block}, in reading order. */
  function sentences(scope, lang) {
    const blocks = [...scope.querySelectorAll(BLOCKS)].filter((b) => !b.querySelector(BLOCKS) && !b.closest(SKIP));
    let segmenter = null;
    try { segmenter = new Intl.Segmenter(lang || undefined, { granularity: 'sentence' }); } catch { /* old engine */ }
    const out = [];
    for (const block of blocks) {
      // The block's text, and where each text node starts in it.
      const nodes = [];
      let text = '';
      const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, text.length]); text += n.data; }
      const pieces = segmenter
        ? [...segmenter.segment(text)].map((s) => [s.index, s.segment])
        : [...text.matchAll(SENTENCE_END)].map((m) => [m.index, m[0]]);
      for (const [index, piece] of pieces) {
        const trimmed = piece.trim();
        if (!/[\p{L}\p{N}]/u.test(trimmed)) continue;
        const start = index + piece.indexOf(trimmed);
        const end = start + trimmed.length;
        const range = block.ownerDocument.createRange();
        const at = (pos, isEnd) => {
          let i = nodes.length - 1;
          while (i > 0 && (isEnd ? nodes[i][1] >= pos : nodes[i][1] > pos)) i--;
          return [nodes[i][0], Math.min(pos - nodes[i][1], nodes[i][0].length)];
        };
        try { range.setStart(...at(start, false)); range.setEnd(...at(end, true)); } catch { continue; }
        out.push({ text: trimmed.replace(/\s+/g, ' '), range, block });
      }
    }
    return out;
  }

  /** A read-aloud controller for one article. `onState({playing, paused, index, count})`. */
  function create({ scope, scroller, lang, onState }) {
    let list = null;
    let index = 0;
    let playing = false;
    let paused = false;
    let rate = 1;
    let voiceName = '';
    let generation = 0; // utterances from an older generation (cancelled) are ignored
    const reduceMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const state = () => onState?.({ playing, paused, index, count: list?.length ?? 0 });

    function voices() {
      const base = (lang || '').toLowerCase().split('-')[0];
      const all = synth()?.getVoices?.() ?? [];
      return base ? all.filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === base) : all;
    }

    function mark(i) {
      const s = list[i];
      for (const b of scope.querySelectorAll('.reading')) b.classList.remove('reading');
      let marked = false;
      try {
        const registry = globalThis.CSS?.highlights;
        if (registry && typeof globalThis.Highlight === 'function') { registry.set(HIGHLIGHT, new Highlight(s.range)); marked = true; }
      } catch { /* the registry refused a range from this world */ }
      if (!marked) s.block.classList.add('reading'); // no Custom Highlight API: mark the block
      // Keep the sentence in view: scroll only when it left the visible part of the column.
      const r = s.range.getBoundingClientRect();
      const view = scroller.getBoundingClientRect();
      const top = view.top + (scroller.querySelector('.bar')?.offsetHeight ?? 0);
      if (r.top < top || r.bottom > view.bottom) {
        scroller.scrollBy({ top: r.top - top - (view.bottom - top) / 3, behavior: reduceMotion() ? 'instant' : 'smooth' });
      }
    }

    function unmark() {
      globalThis.CSS?.highlights?.delete(HIGHLIGHT);
      for (const b of scope.querySelectorAll('.reading')) b.classList.remove('reading');
    }

    function speakAt(i) {
      const s = synth();
      list ??= sentences(scope, lang);
      const gen = ++generation;
      s.cancel();
      if (i < 0 || i >= list.length) { stop(); return; }
      index = i;
      playing = true;
      paused = false;
      const u = new globalThis.SpeechSynthesisUtterance(list[i].text);
      u.lang = lang || '';
      u.rate = rate;
      const voice = voices().find((v) => v.name === voiceName);
      if (voice) u.voice = voice;
      u.onstart = () => { if (gen === generation) mark(i); };
      u.onend = () => { if (gen === generation && playing && !paused) speakAt(i + 1); };
      u.onerror = (e) => { if (gen === generation && e?.error !== 'interrupted' && e?.error !== 'canceled') stop(); };
      mark(i); // at once: some engines start late or never fire onstart
      s.speak(u);
      state();
    }

    function play() {
      if (!available()) return;
      if (playing && paused) { paused = false; synth().resume(); state(); return; }
      if (!playing) speakAt(index);
    }
    function pause() {
      if (!playing || paused) return;
      paused = true;
      synth().pause();
      state();
    }
    function stop() {
      generation++;
      const was = playing;
      playing = false;
      paused = false;
      if (was) synth()?.cancel();
      unmark();
      state();
    }
    const skip = (n) => { if (!available()) return; list ??= sentences(scope, lang); speakAt(Math.max(0, Math.min(list.length - 1, index + n))); };

    return {
      available, voices, play, pause, stop,
      toggle: () => (playing && !paused ? pause() : play()),
      next: () => skip(1),
      previous: () => skip(-1),
      setRate: (r) => { rate = r; if (playing && !paused) speakAt(index); },
      setVoice: (name) => { voiceName = name; if (playing && !paused) speakAt(index); },
    };
  }

  parts.speech = Object.freeze({ create, sentences, available });
})();
