import { handler } from '@/lib/http/handler';
import { requestIp } from '@/lib/policy';
import { analyseUpload } from '@/lib/vision/analysis';

export const maxDuration = 300;

/**
 * POST /api/vision/analysis — an image (raw bytes, or multipart `image` + `question`) in, the
 * model's analysis out: JSON, or server-sent events with `Accept: text/event-stream` / `?stream=1`.
 */
export const POST = handler(
  { surface: 'vision', route: 'attachments', accept: 'upload' },
  ({ req, user, requestId, receivedAt }) =>
    analyseUpload({
      req,
      user,
      requestId,
      receivedAt,
      simulatorFault: req.headers.get('x-simulator-fault') ?? undefined,
      clientIp: requestIp(req),
    }),
);
