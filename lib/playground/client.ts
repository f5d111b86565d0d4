import { errorFromResponse } from '@/lib/query/api';
import type { RunEvent } from './events';
import type { PlaygroundState } from './state';

/**
 * Starts a run and hands its events over as they arrive (several per network read). Throws the
 * route's typed error for a refused request (4xx); aborting `signal` is the Stop button.
 */
export async function streamRun(
  state: PlaygroundState,
  { signal, onEvents }: { signal: AbortSignal; onEvents: (events: RunEvent[]) => void },
): Promise<void> {
  const response = await fetch('/api/playground/run', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
    body: JSON.stringify(state),
    signal,
  });
  if (!response.ok || !response.body) throw await errorFromResponse(response);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    const events = lines.filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as RunEvent);
    if (events.length > 0) onEvents(events);
  }
}
