import { runChatTurn } from '@/lib/chat/turn';
import { handler } from '@/lib/http/handler';
import { requestIp } from '@/lib/policy';
import { chatRequestSchema } from './schema';

export const maxDuration = 800;

/** POST /api/chat — one turn: the new message and the context id in, a UI message stream out. */
export const POST = handler(
  { surface: 'chat', route: 'chat', body: chatRequestSchema },
  ({ req, body, user, requestId, receivedAt }) =>
    runChatTurn(
      {
        conversationId: body.id,
        message: body.message,
        trigger: body.trigger,
        messageId: body.messageId,
        model: body.model,
        params: body.params,
        system: body.system,
        dropImages: body.dropImages,
      },
      {
        user,
        requestId,
        receivedAt,
        simulatorFault: req.headers.get('x-simulator-fault') ?? undefined,
        clientIp: requestIp(req),
        cacheOptIn: body.cache,
      },
    ),
);
