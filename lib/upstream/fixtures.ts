/**
 * Test fixtures for the upstream seam: recorded DeepSeek SSE transcripts and fake transports
 * (stand-ins for the network fetch). Not a test file; imported by the tests beside the modules.
 */

/** Transcript B of docs/reference (deepseek-api.md §6.2): thinking on, reasoning then content. */
const chunkB = (delta: string, finish = 'null', usage = 'null') =>
  `data: {"id":"b1e23612-29d5-4f66-b185-fb61fdde0ac9","object":"chat.completion.chunk","created":1786782776,"model":"deepseek-v4-flash","system_fingerprint":"a26a7955944dc5c60445bff77fac9c8e","choices":[{"index":0,"delta":${delta},"logprobs":null,"finish_reason":${finish}}],"usage":${usage}}\n\n`;

export const transcriptB: string[] = [
  chunkB('{"role":"assistant","content":null,"reasoning_content":""}'),
  chunkB('{"content":null,"reasoning_content":"We"}'),
  chunkB('{"content":null,"reasoning_content":" need"}'),
  chunkB('{"content":"3","reasoning_content":null}'),
  chunkB('{"content":"**.","reasoning_content":null}'),
  chunkB(
    '{"content":"","reasoning_content":null}',
    '"stop"',
    '{"prompt_tokens":97,"completion_tokens":106,"total_tokens":203,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":88},"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":97}',
  ),
  'data: [DONE]\n\n',
];

/** A minimal non-thinking stream (transcript A's shape) for timeout tests. */
export const shortTranscript: string[] = [
  'data: {"id":"a","object":"chat.completion.chunk","created":1,"model":"deepseek-flash","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}],"usage":null}\n\n',
  'data: {"id":"a","object":"chat.completion.chunk","created":1,"model":"deepseek-flash","choices":[{"index":0,"delta":{"content":"!"},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7,"prompt_cache_hit_tokens":0,"prompt_cache_miss_tokens":5}}\n\n',
  'data: [DONE]\n\n',
];

export const KEEP_ALIVE = ': keep-alive\n\n';

/** A scripted body step: bytes to send, a pause, or a broken connection. */
export type Step = string | { wait: number } | { fail: Error };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/**
 * An SSE response whose body is pushed like a network would (whether or not anyone reads), and
 * which errors with the signal's reason when the request is aborted — as undici's fetch does.
 */
export function sseResponse(steps: Step[], signal?: AbortSignal, init: ResponseInit = {}): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for (const step of steps) {
          if (signal?.aborted) throw signal.reason;
          if (typeof step === 'string') controller.enqueue(encoder.encode(step));
          else if ('wait' in step) await sleep(step.wait, signal);
          else throw step.fail;
        }
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
  return new Response(body, {
    status: 200,
    ...init,
    headers: { 'content-type': 'text/event-stream', ...(init.headers as Record<string, string> | undefined) },
  });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

export interface TransportCall {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

/** A transport that records what it received and answers with `handler`. */
export function fakeTransport(handler: (call: TransportCall, index: number) => Response | Promise<Response>) {
  const calls: TransportCall[] = [];
  const transport = (async (input: string | URL | Request, init?: RequestInit) => {
    const rawBody = init?.body;
    const call: TransportCall = {
      url: String(input instanceof Request ? input.url : input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body:
        rawBody == null
          ? undefined
          : typeof rawBody === 'string'
            ? rawBody
            : new TextDecoder().decode(rawBody as Uint8Array),
      signal: init?.signal ?? undefined,
    };
    calls.push(call);
    if (call.signal?.aborted) throw call.signal.reason;
    return handler(call, calls.length - 1);
  }) as typeof fetch;
  return { transport, calls };
}

/** The first error streamText reports: an error part, or the stream itself failing. */
export async function firstError(stream: AsyncIterable<{ type: string; error?: unknown }>): Promise<unknown> {
  try {
    for await (const part of stream) if (part.type === 'error') return part.error;
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
