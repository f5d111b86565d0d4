import 'server-only';
import { createHash } from 'node:crypto';
import { streamText } from 'ai';
import { attachmentLimits } from '@/lib/attachments/limits';
import { type NormalisedImage, normaliseImage } from '@/lib/attachments/normalise';
import { readImageUpload } from '@/lib/attachments/upload';
import type { CurrentUser } from '@/lib/auth/current-user';
import { endUserIdFor } from '@/lib/chat/end-user';
import { TurnMeter } from '@/lib/chat/meter';
import { admitTurn } from '@/lib/chat/quota';
import { AppError, toAppError } from '@/lib/errors';
import { filteredModel } from '@/lib/gateway/chat';
import { auditRejectedTurn } from '@/lib/gateway/chat-audit';
import type { Redaction } from '@/lib/gateway/pii';
import { countRedactions, redactTexts } from '@/lib/gateway/prompt-redaction';
import { log } from '@/lib/log';
import { getMetrics } from '@/lib/metrics';
import type { CallSettings } from '@/lib/models';
import { getRegistry } from '@/lib/models/load';
import { assertModelAllowed, hasFeature } from '@/lib/policy/roles';
import { getRuntime } from '@/lib/runtime';
import { classifyUpstreamError } from '@/lib/upstream';
import { type AnalysisEvent, sseEvent } from './events';
import { settleAnalysis } from './settle';

export const DEFAULT_QUESTION = 'Describe this image in detail.';

export interface AnalysisRequest {
  req: Request;
  user: CurrentUser;
  requestId: string;
  receivedAt: number;
  simulatorFault?: string;
  /** The client address for the audit row (trusted hops only). */
  clientIp: string;
}

/** What the request's audit row needs from its way through: the model once known, and whether the row is written. */
interface AuditState {
  written: boolean;
  model?: string;
}

interface Prepared {
  image: NormalisedImage;
  /** after PII redaction (PII_REDACTION), as sent */
  question: string;
  redactions: Redaction[];
  settings: CallSettings;
}

/** The model to ask: `?model=` when given, else the registry's default when it sees, else the first that does. */
function pickModel(requested: string | null): string {
  const registry = getRegistry();
  if (requested) return requested;
  const vision = registry.list().filter((model) => model.vision);
  const fallback = registry.list()[0]?.id ?? 'deepseek-flash';
  return vision[0]?.id ?? fallback;
}

async function prepare({ req, user }: AnalysisRequest, audit: AuditState): Promise<Prepared> {
  if (!hasFeature(user.role, 'vision')) {
    throw new AppError('forbidden:vision', { message: `Image input is not available to ${user.role} accounts.` });
  }
  const url = new URL(req.url);
  const registry = getRegistry();
  const settings = registry.settingsFor(pickModel(url.searchParams.get('model')), {
    thinking: url.searchParams.get('thinking') === 'true',
  });
  audit.model = settings.model;
  assertModelAllowed(user.role, settings.model);
  if (!registry.get(settings.model)?.vision) {
    throw new AppError('bad_request:vision', {
      message: `${settings.requestedModel} cannot read images. Use a model that can.`,
      details: { reason: 'model_without_vision', model: settings.requestedModel },
    });
  }
  // While the model's breaker is open: a 503 with Retry-After before the upload is even read.
  getRuntime().upstream.assertAvailable(settings.model);
  const limits = attachmentLimits();
  const upload = await readImageUpload(req, limits.maxBytes, 'vision');
  const image = await normaliseImage(upload.bytes, limits, 'vision', {
    mediaType: upload.declaredType,
    filename: upload.filename,
  });
  const { texts, redactions } = redactTexts([upload.question ?? DEFAULT_QUESTION]);
  return { image, question: texts[0] ?? DEFAULT_QUESTION, redactions, settings };
}

/**
 * `POST /api/vision/analysis`: one image and an optional question in, the model's answer out —
 * as JSON, or as server-sent events when the client asks (`Accept: text/event-stream` or
 * `?stream=1`). Admitted and charged against the user's quota like a chat turn; nothing is stored
 * but the usage row and the audit row (a refused request: a `rejected` audit row only).
 */
export async function analyseUpload(input: AnalysisRequest): Promise<Response> {
  const audit: AuditState = { written: false };
  try {
    return await analyse(input, audit);
  } catch (error) {
    const appError = toAppError(error);
    if (!audit.written) {
      await auditRejectedTurn({
        ...input,
        route: 'vision',
        model: audit.model ?? new URL(input.req.url).searchParams.get('model') ?? undefined,
        error: appError,
      });
    }
    throw appError;
  }
}

async function analyse(input: AnalysisRequest, audit: AuditState): Promise<Response> {
  const { image, question, redactions, settings } = await prepare(input, audit);
  const registry = getRegistry();
  const messages = [{ id: 'vision', role: 'user' as const, parts: [{ type: 'text' as const, text: question }] }];
  const admission = await admitTurn(input.user, settings, undefined, messages);
  const { upstream, offline } = getRuntime();
  const meter = new TurnMeter(input.receivedAt);
  const imageInfo = { mediaType: image.mediaType, width: image.width, height: image.height, animated: image.animated };

  let flagged = false;
  getMetrics().overhead.observe({ route: 'vision' }, (Date.now() - input.receivedAt) / 1000);
  const result = streamText({
    model: filteredModel(upstream.languageModel(settings.model), () => {
      flagged = true;
    }),
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: question },
          { type: 'file', mediaType: image.mediaType, data: image.bytes },
        ],
      },
    ],
    ...upstream.streamOptions({ ...settings, maxOutputTokens: admission.maxOutputTokens }, endUserIdFor(input.user.id)),
    abortSignal: input.req.signal,
    onError: () => {},
    headers: {
      'x-request-id': input.requestId,
      ...(offline && input.simulatorFault ? { 'x-simulator-fault': input.simulatorFault } : {}),
    },
  });

  let text = '';
  let failure: AppError | undefined;
  async function* events(): AsyncGenerator<AnalysisEvent> {
    yield { event: 'image', data: redactions.length > 0 ? { ...imageInfo, redactions } : imageInfo };
    try {
      for await (const part of result.stream) {
        meter.observe(part);
        if (part.type === 'text-delta' && part.text) {
          text += part.text;
          yield { event: 'delta', data: { text: part.text } };
        } else if (part.type === 'error') {
          throw part.error;
        }
      }
    } catch (error) {
      failure = classifyUpstreamError(error);
      log.warn({ requestId: input.requestId, code: failure.code, detail: failure.internalDetail }, 'analysis failed');
      yield { event: 'error', data: { error: { code: failure.code, message: failure.message } } };
      return;
    } finally {
      await settle();
    }
    const summary = meter.summary(registry, settings.model);
    yield { event: 'done', data: { model: settings.requestedModel, usage: summary.usage, cost: summary.cost } };
  }

  let settled = false;
  async function settle() {
    if (settled) return;
    settled = true;
    audit.written = true;
    await settleAnalysis({
      ...input,
      settings,
      admission,
      meter,
      prompt: JSON.stringify({
        question,
        image: { mediaType: image.mediaType, sha256: createHash('sha256').update(image.bytes).digest('hex') },
      }),
      text,
      failure,
      redactions: countRedactions(redactions),
      flagged,
    });
  }

  const url = new URL(input.req.url);
  const wantsStream =
    url.searchParams.get('stream') === '1' || (input.req.headers.get('accept') ?? '').includes('text/event-stream');
  if (wantsStream) {
    const iterator = events();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(sseEvent(next.value));
      },
      async cancel() {
        await iterator.return(undefined);
      },
    });
    return new Response(body, {
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...admission.lease.headers },
    });
  }

  let done: Extract<AnalysisEvent, { event: 'done' }>['data'] | undefined;
  for await (const event of events()) if (event.event === 'done') done = event.data;
  if (failure || !done) throw failure ?? new AppError('upstream_interrupted:vision');
  return Response.json(
    {
      analysis: text,
      question,
      image: imageInfo,
      model: done.model,
      usage: done.usage,
      cost: done.cost,
      ...(redactions.length > 0 ? { redactions } : {}),
    },
    { headers: admission.lease.headers },
  );
}
