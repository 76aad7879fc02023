/* global Mark */
// Helpers the benchmark runs in the page's main world (plain JavaScript: it is injected as it is, and named by its
// sourceURL so that a CPU profile can tell its time from the page's and the extension's).
(() => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const NAMES = ['footnote-company', 'footnote-money', 'footnote-percent', 'footnote-note'];
  const highlightCount = () => NAMES.reduce((n, name) => n + (CSS.highlights.get(name)?.size ?? 0), 0);

  /** The floor: a bare TreeWalker pass that only reads every text node. */
  function floor() {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes++;
      chars += node.data.length;
    }
    return { ms: performance.now() - t0, nodes, chars };
  }

  /**
   * Every frame, the number of ranges in Footnote's highlights; a change is stamped after the frame that shows
   * it (a task posted from requestAnimationFrame runs once that frame's rendering is done).
   */
  function watchHighlights() {
    const log = [];
    let last = highlightCount();
    const tick = () => {
      const count = highlightCount();
      if (count !== last) {
        last = count;
        setTimeout(() => log.push({ at: performance.now(), count }), 0);
      }
      if (!window.__footnoteBenchStopWatch) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    window.__footnoteBenchHighlightLog = log;
  }

  function highlightLog() {
    window.__footnoteBenchStopWatch = true;
    return window.__footnoteBenchHighlightLog ?? [];
  }

  /** The text of every range in Footnote's company, money and percent highlights (the terms mark.js gets). */
  function highlightedTerms() {
    const terms = new Set();
    for (const name of NAMES.slice(0, 3)) {
      for (const r of CSS.highlights.get(name) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        terms.add(range.toString());
      }
    }
    return [...terms];
  }

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  /**
   * mark.js highlighting the same terms: one regular expression of all of them (longest first), one pass over the
   * page, the way its documentation recommends for many terms. Resolves once the marks are painted.
   */
  function markTerms(terms, root) {
    return new Promise((resolve) => {
      const t0 = performance.now();
      const sorted = [...terms].sort((a, b) => b.length - a.length);
      const pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
      let marks = 0;
      new Mark(root ?? document.body).markRegExp(pattern, {
        exclude: ['script', 'style', 'textarea', 'pre', 'code', 'select'],
        done(count) {
          marks = count;
          const marked = performance.now();
          frame().then(() => resolve({ ms: marked - t0, paintedMs: performance.now() - t0, marks }));
        },
      });
    });
  }

  /**
   * For the infinite feed: mark.js on every batch of paragraphs the page appends, as a page script using it would.
   */
  function markAppended(terms) {
    const sorted = [...terms].sort((a, b) => b.length - a.length);
    const pattern = new RegExp(sorted.map(escapeRegExp).join('|'), 'g');
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType === Node.ELEMENT_NODE && node.tagName !== 'MARK') new Mark(node).markRegExp(pattern, { exclude: ['script', 'style'] });
        }
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
    new Mark(document.body).markRegExp(pattern, { exclude: ['script', 'style'] });
  }

  /**
   * Hover-to-card latency: from the pointer arriving (the pointermove event) to the frame that shows the card's
   * dialog, minus the hover-intent delay. Call before moving the pointer; resolves with the milliseconds.
   */
  function cardAfterHover(delayMs) {
    return new Promise((resolve) => {
      let pointerAt = null;
      const observers = [];
      const onMove = (event) => {
        if (pointerAt === null) pointerAt = event.timeStamp;
      };
      addEventListener('pointermove', onMove, { capture: true, passive: true });
      const dialog = () => document.querySelector('footnote-card')?.shadowRoot?.querySelector('[role="dialog"]');
      let finished = false;
      const done = () => {
        if (finished || pointerAt === null) return;
        finished = true;
        const shownAt = performance.now();
        observers.forEach((o) => o.disconnect());
        removeEventListener('pointermove', onMove, { capture: true });
        frame().then(() => resolve({ latencyMs: performance.now() - pointerAt - delayMs, domMs: shownAt - pointerAt - delayMs }));
      };
      let watched = null;
      const watchHost = () => {
        const host = document.querySelector('footnote-card');
        if (!host?.shadowRoot || watched === host) return;
        watched = host;
        const inner = new MutationObserver(() => dialog() && done());
        inner.observe(host.shadowRoot, { childList: true, subtree: true });
        observers.push(inner);
        if (dialog()) done();
      };
      const outer = new MutationObserver(watchHost);
      outer.observe(document.documentElement, { childList: true, subtree: true });
      observers.push(outer);
      watchHost();
    });
  }

  /** Where the `occurrence`-th range of a highlight is, after scrolling it into view (null when there is none). */
  function highlightPoint(name, occurrence) {
    const ranges = [...(CSS.highlights.get(name) ?? [])];
    const r = ranges[occurrence];
    if (!r) return null;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const rect0 = range.getClientRects()[0];
    if (!rect0) return null;
    if (rect0.top < 40 || rect0.bottom > innerHeight - 40) scrollBy(0, rect0.top - innerHeight / 2);
    const rect = range.getClientRects()[0];
    if (!rect || rect.top < 0 || rect.bottom > innerHeight) return null;
    return { x: rect.left + Math.min(rect.width / 2, 3), y: rect.top + rect.height / 2, text: range.toString() };
  }

  window.__footnoteBench = { floor, watchHighlights, highlightLog, highlightedTerms, markTerms, markAppended, cardAfterHover, highlightPoint, highlightCount, frame };
})();
//# sourceURL=footnote-bench-in-page.js
