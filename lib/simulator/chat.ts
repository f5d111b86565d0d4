import { randomUUID } from 'node:crypto';
import { planCompletion } from './completion';
import { errorResponse, jsonResponse } from './errors';
import type { FaultSpec } from './faults';
import { PrefixCache } from './prefix-cache';
import { promptTokens } from './prompt';
import type { RequestRecord } from './recorder';
import { jsonBody, sseBody } from './stream';
import { tokenize } from './tokens';
import { validateChatRequest } from './validate';
import { analyseImage } from './vision';
import { completionObject, type ResponseMeta, usageOf } from './wire';

/** `POST /chat/completions`: validate, account the prompt against the prefix cache, answer. */

export const systemFingerprint = 'fp_simulator_v4';

export interface ChatContext {
  request: Request;
  bodyText: string;
  fault: FaultSpec;
  record: RequestRecord;
  cache: PrefixCache;
  now: () => number;
  chunkDelayMs: number;
}

export interface ChatResult {
  response: Response;
  /** The body stream completes (or aborts) the record itself. */
  streaming: boolean;
}

export async function chatCompletion(ctx: ChatContext): Promise<ChatResult> {
  const fail = (status: number, message: string) => ({ response: errorResponse(status, message), streaming: false });
  let json: unknown;
  try {
    json = JSON.parse(ctx.bodyText);
  } catch (error) {
    return fail(400, `Failed to parse the request body as JSON: ${(error as Error).message}`);
  }
  ctx.record.setBody(json);
  const validation = validateChatRequest(json);
  if (!validation.ok) return fail(validation.status, validation.message);
  const request = validation.request;
  // Like DeepSeek, an image that does not decode fails the whole request.
  for (const image of request.images) {
    if (image.source !== 'inline') continue;
    const result = await analyseImage(image);
    if (!result.ok) return fail(400, result.message);
    image.analysis = result.analysis;
  }

  const prompt = promptTokens(request.messages);
  const bucket = PrefixCache.bucketKey(request.userId, request.model);
  const promptUnits = ctx.cache.unitHashes(prompt);
  const hitTokens = ctx.cache.lookup(bucket, promptUnits);
  ctx.cache.remember(bucket, promptUnits);

  const completion = planCompletion(request, { chunks: ctx.fault.chunks });
  const meta: ResponseMeta = {
    id: randomUUID(),
    created: Math.floor(ctx.now() / 1000),
    model: request.model,
    systemFingerprint,
    thinking: request.thinking,
  };
  const usage = usageOf(meta, completion, prompt.length, hitTokens);
  // Like DeepSeek, the end of the model output becomes a cacheable prefix for the next turn.
  const onDone = () => ctx.cache.remember(bucket, ctx.cache.unitHashes([...prompt, ...tokenize(completion.content)]));
  const body = { signal: ctx.request.signal, record: ctx.record, onDone };

  if (request.stream) {
    const plan = {
      meta,
      completion,
      usage,
      chunkDelayMs: ctx.fault.chunkDelayMs ?? ctx.chunkDelayMs,
      fault: ctx.fault,
    };
    const headers = { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-accel-buffering': 'no' };
    return { response: new Response(sseBody(plan, body), { status: 200, headers }), streaming: true };
  }
  const object = completionObject(meta, completion, usage);
  if (ctx.fault.keepalive) {
    const headers = { 'content-type': 'application/json' };
    return { response: new Response(jsonBody(object, ctx.fault, body), { headers }), streaming: true };
  }
  onDone();
  return { response: jsonResponse(200, object), streaming: false };
}
