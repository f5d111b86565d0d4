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
import type { CurrentUser } from '@/lib/auth/current-user';
import { type Database, getDb } from '@/lib/db/client';
import { createConversation, getConversation, updateConversationSettings } from '@/lib/db/queries/conversations';
import {
  appendUserMessage,
  listMessages,
  replaceUserMessage,
  saveAssistantMessage,
  truncateFrom,
} from '@/lib/db/queries/messages';
import { recordUsageEvent } from '@/lib/db/queries/usage';
import { AppError, toAppError } from '@/lib/errors';
import { openChatGateway, redactionCount, redactUserMessage, withContinuation } from '@/lib/gateway/chat';
import { auditChatTurn, auditRejectedTurn, promptOf } from '@/lib/gateway/chat-audit';
import { log } from '@/lib/log';
import { getMetrics } from '@/lib/metrics';
import type { CallSettings, GenerationParams } from '@/lib/models';
import { getRegistry } from '@/lib/models/load';
import { assertModelAllowed } from '@/lib/policy/roles';
import { getRuntime } from '@/lib/runtime';
import { classifyUpstreamError, isAbortError } from '@/lib/upstream';
import { beginGeneration, endGeneration } from './active';
import { endUserIdFor } from './end-user';
import { TurnMeter } from './meter';
import { planTurn, type TurnRequest, type TurnWrite, titleFrom } from './plan';
import { admitTurn, chargedTokens, ledgerEntry, type TurnAdmission } from './quota';
import type { ChatMessage, ChatMetadata, MessageStatus } from './types';

export interface ChatTurnInput extends TurnRequest {
  /** context id; absent → a new conversation */
  conversationId?: string;
  model: string;
  params: GenerationParams;
  system?: string;
  /** Send the turn without the conversation's images (the user chose a text-only model). */
  dropImages?: boolean;
}

interface TurnContext {
  user: CurrentUser;
  requestId: string;
  receivedAt: number;
  /** offline mode only: a fault for the built-in simulator (tests, demos); never sent to a real upstream */
  simulatorFault?: string;
  /** the client address for the audit row (trusted hops only) */
  clientIp: string;
  /** cache a thinking-off answer even above temperature 0 */
  cacheOptIn?: boolean;
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
  let failure: AppError | undefined;
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

  // Called once per layer for the same failure: the first classification is the one that counts.
  const describeFailure = (error: unknown): string => {
    if (!failure && !generation.stoppedByUser && !isAbortError(error)) {
      failure = classifyUpstreamError(error);
      logger.warn({ code: failure.code, detail: failure.internalDetail ?? failure.message }, 'answer failed');
    }
    if (!failure) return JSON.stringify({ code: 'upstream_interrupted:upstream', message: 'Stopped.' });
    return JSON.stringify({
      code: failure.code,
      message: failure.message,
      retryAfterSeconds: failure.retryAfterSeconds,
    });
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
          onError: describeFailure,
        }),
      );
    },
    onError: describeFailure,
    onEnd: async ({ responseMessage, isAborted }) => {
      const summary = meter.summary(registry, settings.model);
      const usedTokens = chargedTokens({
        usage: summary.usage,
        promptTokens: admission.promptTokens,
        partial: responseMessage,
        failedBeforeOutput: Boolean(failure) && !meter.sawContent && !generation.stoppedByUser,
      });
      const status: MessageStatus = generation.stoppedByUser
        ? 'interrupted'
        : failure
          ? meter.sawContent
            ? 'interrupted'
            : 'error'
          : isAborted
            ? 'interrupted'
            : 'complete';
      // Its own write, not the message's transaction: the answer is not saved when its conversation
      // was deleted meanwhile, but what it cost is still accounted for.
      const ledger = recordUsageEvent(
        db,
        ledgerEntry({ userId: ctx.user.id, conversationId, model: settings.model, status }, summary, {
          usedTokens,
          promptTokens: admission.promptTokens,
          currency: registry.get(settings.model)?.prices?.currency ?? 'USD',
          cost: (usage) => registry.costOf(settings.model, usage, new Date(ctx.receivedAt)),
        }),
      ).catch((error: unknown) => logger.error({ err: toAppError(error).internalDetail }, 'recording usage failed'));
      const audit = auditChatTurn({
        ...ctx,
        model: settings.model,
        prompt: promptOf(system, messages),
        status,
        failure,
        usage: summary.usage,
        stats: upstream.takeCallStats(ctx.requestId),
        cacheStatus: gateway.cacheStatus,
        redactions: redactionCount(plan.messages.at(-1)),
        flagged: gateway.flagged,
        firstTokenMs: summary.timing?.firstTokenMs,
      });
      try {
        await writes;
        const metadata: ChatMetadata = {
          ...startMetadata,
          ...responseMessage.metadata,
          ...meter.summary(registry, settings.model),
          status,
          // Explicit: a continued answer must not keep the error of its first part.
          error: failure ? { code: failure.code, message: failure.message } : undefined,
          ...(gateway.flagged ? { flagged: true } : {}),
        };
        const message: ChatMessage = { ...responseMessage, metadata };
        await saveAssistantMessage(db, ctx.user.id, conversationId, message, status, {
          model: settings.requestedModel,
          usage: metadata.usage,
        });
        logger.info({ status, usage: metadata.usage, timing: metadata.timing }, 'answer saved');
      } catch (error) {
        if (!isAbortError(error)) logger.error({ err: toAppError(error).internalDetail }, 'saving the answer failed');
      } finally {
        endGeneration(conversationId, generation);
        await Promise.all([admission.lease.settle({ usedTokens }), ledger, audit]);
      }
    },
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

async function persistBeforeAnswer(
  db: Database,
  ownerId: string,
  conversationId: string,
  isNew: boolean,
  write: TurnWrite,
  context: { title: string; settings: CallSettings; params: GenerationParams; system?: string },
): Promise<void> {
  if (isNew) {
    await createConversation(db, ownerId, {
      id: conversationId,
      title: context.title,
      model: context.settings.requestedModel,
      params: context.params,
      systemPrompt: context.system ?? null,
    });
  } else {
    await updateConversationSettings(db, ownerId, conversationId, {
      model: context.settings.requestedModel,
      params: context.params,
      systemPrompt: context.system ?? null,
    });
  }
  switch (write.kind) {
    case 'append':
      await appendUserMessage(db, ownerId, conversationId, write.message);
      return;
    case 'replace':
      await replaceUserMessage(db, ownerId, conversationId, write.messageId, write.message);
      return;
    case 'truncate':
      await truncateFrom(db, ownerId, conversationId, write.fromMessageId, { inclusive: true });
      return;
    case 'none':
      return;
  }
}
