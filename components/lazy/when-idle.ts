/**
 * Runs `run` once the browser is idle (at the latest after `timeout` ms), so work that can wait
 * does not compete with a page's first renders. Returns a cancel function.
 */
export function whenIdle(run: () => void, timeout = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run, { timeout });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(run, 300);
  return () => clearTimeout(handle);
}
