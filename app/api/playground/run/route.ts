import { handler } from '@/lib/http/handler';
import { runPlayground } from '@/lib/playground/run';
import { playgroundStateSchema } from '@/lib/playground/state';
import { requestIp } from '@/lib/policy';

export const maxDuration = 800;

/**
 * POST /api/playground/run — one stateless run of the whole request the browser holds. Answers
 * NDJSON: the request as sent, the upstream's status and headers, each raw SSE event with its
 * arrival time, and an end line. Aborting the request aborts the upstream call.
 */
export const POST = handler(
  { surface: 'params', route: 'playground', body: playgroundStateSchema, maxBodyBytes: 4 * 1024 * 1024 },
  ({ req, body, user, requestId, receivedAt }) =>
    runPlayground(body, {
      user,
      requestId,
      receivedAt,
      signal: req.signal,
      simulatorFault: req.headers.get('x-simulator-fault') ?? undefined,
      clientIp: requestIp(req),
    }),
);
