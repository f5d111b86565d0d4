/**
 * Load-generating client: one streamed request, timed at the first content token and at every
 * content chunk, for both wire formats (the simulator's OpenAI SSE, the app's UI message stream).
 */

export interface StreamTiming {
  ok: boolean;
  status: number;
  ttftMs: number;
  totalMs: number;
  chunks: number;
  maxGapMs: number;
}

const CONTENT_MARKERS = ['"text-delta"', '"content":"'];

export async function timedStream(url: string, init: RequestInit): Promise<StreamTiming> {
  const start = performance.now();
  let firstAt = 0;
  let lastAt = 0;
  let chunks = 0;
  let maxGapMs = 0;
  let sawDone = false;
  try {
    const response = await fetch(url, init);
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return {
        ok: false,
        status: response.status,
        ttftMs: 0,
        totalMs: performance.now() - start,
        chunks: 0,
        maxGapMs: 0,
      };
    }
    const decoder = new TextDecoder();
    let buffer = '';
    const reader = response.body.getReader();
    for (;;) {
      const { done, value: bytes } = await reader.read();
      if (done) break;
      const now = performance.now();
      buffer += decoder.decode(bytes, { stream: true });
      let boundary = buffer.indexOf('\n\n');
      while (boundary !== -1) {
        const event = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        boundary = buffer.indexOf('\n\n');
        if (event.startsWith('data: [DONE]')) sawDone = true;
        if (!CONTENT_MARKERS.some((marker) => event.includes(marker)) || event.includes('"content":""')) continue;
        chunks++;
        if (firstAt === 0) firstAt = now;
        else maxGapMs = Math.max(maxGapMs, now - lastAt);
        lastAt = now;
      }
    }
    return {
      ok: sawDone,
      status: response.status,
      ttftMs: firstAt - start,
      totalMs: performance.now() - start,
      chunks,
      maxGapMs,
    };
  } catch {
    return { ok: false, status: 0, ttftMs: 0, totalMs: performance.now() - start, chunks, maxGapMs };
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function runConcurrent<T>(count: number, concurrency: number, task: (index: number) => Promise<T>) {
  const results: T[] = [];
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const index = next++;
      results[index] = await task(index);
    }
  });
  await Promise.all(workers);
  return results;
}
