/**
 * Code the benchmark runs inside the page. `installProbes` is added as an init script (it runs
 * before any of the app's code on every navigation); the others are passed to `page.evaluate`.
 * They must stay self-contained: Playwright serialises them, so they cannot use imports.
 */

export interface BenchWindow {
  __bench: {
    longTasks: { duration: number; at: number }[];
    frames: { duration: number; blocking: number; at: number; scripts: string[] }[];
    events: { name: string; duration: number; at: number; delay: number; processing: number }[];
    readyAt?: number;
    rehighlights: number;
    /** per `input` event: ms from the key to the end of the main-thread work of the frame showing it */
    inputFrames: { at: number; ms: number }[];
    streamingHighlighted: number;
  };
}

/** Observers for long tasks, long animation frames and input events; the "open" readiness poll. */
export function installProbes(lastMarker: string) {
  const bench: BenchWindow['__bench'] = {
    longTasks: [],
    frames: [],
    events: [],
    rehighlights: 0,
    inputFrames: [],
    streamingHighlighted: 0,
  };
  (window as unknown as BenchWindow).__bench = bench;
  const observe = (type: string, options: Record<string, unknown>, take: (entry: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(take)).observe({ type, buffered: true, ...options });
    } catch {}
  };
  observe('longtask', {}, (entry) => bench.longTasks.push({ duration: entry.duration, at: entry.startTime }));
  observe('long-animation-frame', {}, (entry) =>
    bench.frames.push({
      duration: entry.duration,
      blocking: (entry as PerformanceEntry & { blockingDuration: number }).blockingDuration,
      at: entry.startTime,
      // Where the frame's time went: the scripts that ran in it, longest first.
      scripts: (
        (entry as PerformanceEntry & { scripts?: { invoker: string; sourceURL: string; duration: number }[] })
          .scripts ?? []
      ).map(
        (script) =>
          `${script.invoker || '?'} (${script.sourceURL.split('/').pop() || 'inline'}) ${script.duration.toFixed(0)} ms`,
      ),
    }),
  );
  observe('event', { durationThreshold: 16 }, (entry) =>
    bench.events.push({
      name: entry.name,
      duration: entry.duration,
      at: entry.startTime,
      delay: (entry as PerformanceEventTiming).processingStart - entry.startTime,
      processing: (entry as PerformanceEventTiming).processingEnd - (entry as PerformanceEventTiming).processingStart,
    }),
  );

  // The app's share of a keystroke's latency: from the key to the end of the frame that renders it
  // on the main thread (a rAF callback runs before that frame's style, layout and paint; a message
  // posted from it runs right after them). What the compositor does afterwards is the browser's.
  document.addEventListener(
    'input',
    (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => bench.inputFrames.push({ at: start, ms: performance.now() - start });
        channel.port2.postMessage(null);
      });
    },
    true,
  );

  // Ready: the latest message is inside the scroll viewport and the composer is enabled.
  const poll = () => {
    const scroller = document.querySelector('[data-testid="chat-scroll"]');
    const composer = document.querySelector<HTMLTextAreaElement>('[data-testid="composer-input"]');
    const messages = document.querySelectorAll('[data-testid="assistant-message"],[data-testid="user-message"]');
    const last = messages[messages.length - 1];
    if (scroller && composer && !composer.disabled && last?.textContent?.includes(lastMarker)) {
      const view = scroller.getBoundingClientRect();
      const rect = last.getBoundingClientRect();
      if (rect.bottom > view.top && rect.top < view.bottom && rect.height > 0) {
        bench.readyAt = performance.now();
        return;
      }
    }
    requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/**
 * Pages the chat's scroll container to the top and back (one viewport a step, two frames apart) and
 * returns the largest vertical stretch of the viewport that no message covered after any step.
 */
export async function scrollSweep(firstMarker: string) {
  const scroller = document.querySelector<HTMLElement>('[data-testid="chat-scroll"]');
  if (!scroller) throw new Error('no chat-scroll');
  const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const blank = () => {
    const view = scroller.getBoundingClientRect();
    const spans = [...document.querySelectorAll('[data-testid="assistant-message"],[data-testid="user-message"]')]
      .map((node) => node.getBoundingClientRect())
      .filter((rect) => rect.bottom > view.top && rect.top < view.bottom && rect.height > 0)
      .map((rect) => [Math.max(rect.top, view.top), Math.min(rect.bottom, view.bottom)] as const)
      .sort((a, b) => a[0] - b[0]);
    let largest = 0;
    let reached = view.top;
    for (const [top, bottom] of spans) {
      largest = Math.max(largest, top - reached);
      reached = Math.max(reached, bottom);
    }
    return Math.max(largest, view.bottom - reached);
  };
  let steps = 0;
  let maxBlankUp = 0;
  let maxBlankDown = 0;
  const started = performance.now();
  for (let guard = 0; guard < 2000 && scroller.scrollTop > 0; guard++, steps++) {
    scroller.scrollTop -= scroller.clientHeight;
    await frames();
    maxBlankUp = Math.max(maxBlankUp, blank() - 48); // the list's own top/bottom padding is not a gap
  }
  await frames();
  const firstVisible = [...document.querySelectorAll('[data-testid="user-message"]')].some((node) => {
    const rect = node.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    return node.textContent?.includes(firstMarker) && rect.bottom > view.top && rect.top < view.bottom;
  });
  const upMs = performance.now() - started;
  for (let guard = 0; guard < 2000; guard++, steps++) {
    const before = scroller.scrollTop;
    scroller.scrollTop += scroller.clientHeight;
    await frames();
    maxBlankDown = Math.max(maxBlankDown, blank() - 48);
    if (scroller.scrollTop === before) break;
  }
  return {
    steps,
    maxBlankUp: Math.max(0, maxBlankUp),
    maxBlankDown: Math.max(0, maxBlankDown),
    firstVisible,
    msPerStep: (performance.now() - started) / Math.max(steps, 1),
    upMs,
    domNodes: document.getElementsByTagName('*').length,
  };
}

/**
 * Watches the streaming answer's code blocks: a block seen highlighted while still open counts as
 * progressive highlighting; any change inside a finished, highlighted block's <pre> counts as a
 * re-highlight.
 */
export function watchCodeBlocks() {
  const bench = (window as unknown as BenchWindow).__bench;
  const list = document.querySelector('[data-testid="message-list"]') ?? document.body;
  const finished = new WeakSet<Element>();
  const seenOpen = new WeakSet<Element>();
  const scan = () => {
    for (const block of list.querySelectorAll(
      '[data-testid="assistant-message"][data-streaming="true"] [data-testid="code-block"]',
    )) {
      const pre = block.querySelector('pre');
      if (!pre) continue;
      const highlighted = pre.getAttribute('data-highlighted') === 'true';
      // `partial`: an open block whose complete lines are highlighted.
      const partial = pre.getAttribute('data-highlighted') === 'partial';
      if (block.getAttribute('data-complete') === 'false' && partial && !seenOpen.has(block)) {
        seenOpen.add(block);
        bench.streamingHighlighted++;
      }
      if (block.getAttribute('data-complete') === 'true' && highlighted) finished.add(pre);
    }
  };
  new MutationObserver((records) => {
    for (const record of records) {
      let node: Node | null = record.target;
      while (node && node !== list) {
        if (node instanceof HTMLPreElement && finished.has(node)) {
          bench.rehighlights++;
          break;
        }
        node = node.parentNode;
      }
    }
    scan();
  }).observe(list, { subtree: true, childList: true, characterData: true, attributes: true });
}
