import 'server-only';
import { randomUUID } from 'node:crypto';
import {
  consumeStream,
  convertToModelMessages,
  createIdGenerator,
  createUIMessageStream,
  createUIMessageStreamResponse,
  streamText,
  toUIMessageStream,
} from 'ai';
import { type PreparedImages, prepareChatImages } from '@/lib/attachments/chat-images';
import { type Database, getDb } from '@/lib/db/client';
import { getConversation } from '@/lib/db/queries/conversations';
import { listMessages } from '@/lib/db/queries/messages';
import { AppError, toAppError } from '@/lib/errors';
import { openChatGateway, redactionCount, redactUserMessage, withContinuation } from '@/lib/gateway/chat';
import { auditRejectedTurn } from '@/lib/gateway/chat-audit';
import { log } from '@/lib/log';
import { getMetrics } from '@/lib/metrics';
import type { CallSettings, GenerationParams } from '@/lib/models';
import { getRegistry } from '@/lib/models/load';
import { assertModelAllowed } from '@/lib/policy/roles';
import { getRuntime } from '@/lib/runtime';
import { beginGeneration } from './active';
import type { TurnContext } from './context';
import { endUserIdFor } from './end-user';
import { finishTurn } from './finish';
import { TurnMeter } from './meter';
import { TurnFailure } from './outcome';
import { persistBeforeAnswer } from './persist';
import { planTurn, type TurnRequest, titleFrom } from './plan';
import { admitTurn, type TurnAdmission } from './quota';
import type { ChatMessage, ChatMetadata } from './types';

export interface ChatTurnInput extends TurnRequest {
  /** context id; absent → a new conversation */
  conversationId?: string;
  model: string;
  params: GenerationParams;
  system?: string;
  /** Send the turn without the conversation's images (the user chose a text-only model). */
  dropImages?: boolean;
}

const newMessageId = createIdGenerator({ prefix: 'msg', size: 16 });

/**
 * One chat turn (DESIGN.md, "the spine"): only the history read sits in front of the upstream
 * call; the turn's writes run beside it, and the answer is saved when the stream ends, whether
 * the browser is still there or not.
 */
export async function runChatTurn(input: ChatTurnInput, ctx: TurnContext): Promise<Response> {
  // PII is replaced before anything is stored, hashed, logged or sent.
  const redacted = { ...input, message: redactUserMessage(input.message) };
  try {
    return await prepareTurn(redacted, ctx);
  } catch (error) {
    const appError = toAppError(error);
    await auditRejectedTurn({
      ...ctx,
      model: input.model,
      error: appError,
      redactions: redactionCount(redacted.message),
    });
    throw appError;
  }
}

async function prepareTurn(input: ChatTurnInput, ctx: TurnContext): Promise<Response> {
  const registry = getRegistry();
  const settings = registry.settingsFor(input.model, input.params);
  // The canonical id: an alias cannot reach a model the role lacks. Checked before anything is stored.
  assertModelAllowed(ctx.user.role, settings.model);
  const db = await getDb();

  const isNew = !input.conversationId;
  const conversationId = input.conversationId ?? randomUUID();
  const [conversation, stored] = isNew
    ? [undefined, [] as ChatMessage[]]
    : await Promise.all([
        getConversation(db, ctx.user.id, conversationId),
        listMessages(db, ctx.user.id, conversationId),
      ]);
  if (!isNew && !conversation) throw new AppError('not_found:conversation');
  const plan = planTurn(stored, input);
  const spec = registry.get(settings.model);
  const images = await prepareChatImages(
    db,
    ctx.user,
    { id: settings.requestedModel, vision: Boolean(spec?.vision) },
    plan.messages,
    {
      dropImages: input.dropImages,
    },
  );
  const system = input.system ?? conversation?.systemPrompt ?? undefined;

  // While the model's breaker is open: a 503 with Retry-After at once, nothing stored or reserved.
  getRuntime().upstream.assertAvailable(settings.model);
  // Refused here, a 429 leaves nothing stored and no stream started.
  const admission = await admitTurn(ctx.user, settings, system, plan.messages);
  try {
    return await startTurn({ ctx, input, settings, isNew, conversationId, plan, images, system, admission, db });
  } catch (error) {
    await admission.lease.settle({ usedTokens: 0 });
    throw error;
  }
}

interface StartInput {
  ctx: TurnContext;
  input: ChatTurnInput;
  settings: CallSettings;
  isNew: boolean;
  conversationId: string;
  plan: ReturnType<typeof planTurn>;
  images: PreparedImages;
  system: string | undefined;
  admission: TurnAdmission;
  db: Database;
}

async function startTurn({
  ctx,
  input,
  settings,
  isNew,
  conversationId,
  plan,
  images,
  system,
  admission,
  db,
}: StartInput): Promise<Response> {
  const registry = getRegistry();
  const generation = beginGeneration(conversationId, ctx.user.id);
  if (!generation) {
    throw new AppError('conflict:chat', {
      message: 'An answer is still being written in this conversation. Stop it first.',
    });
  }

  const writes = persistBeforeAnswer(db, ctx.user.id, conversationId, isNew, plan.write, {
    title: titleFrom(plan.messages.at(-1) ?? input.message),
    settings,
    params: input.params,
    system,
  })
    .then(() => images.claim(db, conversationId))
    .catch((error: unknown) => {
      // Without the question stored, the answer has nowhere to go: stop paying for it.
      generation.controller.abort(error);
      throw error;
    });

  const logger = log.child({ requestId: ctx.requestId, conversationId, model: settings.model });
  const meter = new TurnMeter(ctx.receivedAt);
  const failure = new TurnFailure(logger, () => generation.stoppedByUser);
  const { upstream, offline } = getRuntime();
  const faultHeader = offline && ctx.simulatorFault ? { 'x-simulator-fault': ctx.simulatorFault } : {};
  const messages = withContinuation(await convertToModelMessages(images.messages), input.trigger);
  const gateway = await openChatGateway({
    userId: ctx.user.id,
    settings,
    system,
    messages,
    trigger: input.trigger,
    cacheOptIn: ctx.cacheOptIn ?? false,
  });
  getMetrics().overhead.observe({ route: 'chat' }, (Date.now() - ctx.receivedAt) / 1000);

  const result = streamText({
    model: gateway.model(upstream.languageModel(settings.model)),
    instructions: system,
    messages,
    ...upstream.streamOptions({ ...settings, maxOutputTokens: admission.maxOutputTokens }, endUserIdFor(ctx.user.id)),
    abortSignal: generation.controller.signal,
    // The SDK's default prints raw errors to the console; describeFailure logs them classified.
    onError: () => {},
    headers: { 'x-request-id': ctx.requestId, ...faultHeader },
  });

  const startMetadata: ChatMetadata = {
    conversationId,
    createdAt: ctx.receivedAt,
    model: settings.requestedModel,
    thinking: settings.thinking,
    effort: settings.effort,
    requestId: ctx.requestId,
    ignoredParams: settings.ignored.length > 0 ? settings.ignored : undefined,
    ...(gateway.cacheStatus === 'HIT' ? { cached: true } : {}),
    redactions: plan.messages.at(-1)?.metadata?.redactions,
  };

  // createUIMessageStream turns both kinds of failure into one error chunk: errors the upstream
  // reports before streaming (error parts) and breaks after it started (the stream throws).
  const stream = createUIMessageStream<ChatMessage>({
    originalMessages: plan.messages,
    generateId: newMessageId,
    execute: ({ writer }) => {
      writer.merge(
        toUIMessageStream({
          stream: result.stream,
          originalMessages: plan.messages,
          generateMessageId: newMessageId,
          messageMetadata: ({ part }) => {
            meter.observe(part);
            if (part.type === 'start') return startMetadata;
            if (part.type === 'finish') {
              return {
                ...meter.summary(registry, settings.model),
                status: 'complete',
                flagged: gateway.flagged || undefined,
              };
            }
            return undefined;
          },
          onError: failure.describe,
        }),
      );
    },
    onError: failure.describe,
    onEnd: (end) =>
      finishTurn(
        {
          ctx,
          db,
          settings,
          conversationId,
          system,
          messages,
          question: plan.messages.at(-1),
          admission,
          meter,
          failure,
          gateway,
          generation,
          startMetadata,
          writes,
          logger,
        },
        end,
      ),
  });

  return createUIMessageStreamResponse({
    stream,
    headers: {
      ...admission.lease.headers,
      'x-conversation-id': conversationId,
      'x-request-id': ctx.requestId,
      'x-cache': gateway.cacheStatus,
    },
    // Reads the stream to its end on the server even after the browser leaves, so onEnd saves it.
    consumeSseStream: consumeStream,
  });
}
