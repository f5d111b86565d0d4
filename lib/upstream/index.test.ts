import { streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { createRegistry, type GenerationParams } from '@/lib/models';
import type { UpstreamConfig } from './config';
import { fakeTransport, jsonResponse, sseResponse, transcriptB } from './fixtures';
import { callSettingsToStreamOptions, createUpstream } from './index';

const registry = createRegistry();
const settingsFor = (params: GenerationParams, model = 'deepseek-flash') => registry.settingsFor(model, params);

function deepseekUpstream(provider: UpstreamConfig['provider'] = 'deepseek') {
  const fake = fakeTransport((call) => sseResponse(transcriptB, call.signal));
  const upstream = createUpstream({
    provider,
    baseURL: 'https://api.test',
    auth: { scheme: 'bearer', apiKey: 'sk-test' },
    firstContentTimeoutMs: 2_000,
    idleTimeoutMs: 2_000,
    transport: fake.transport,
  });
  const body = (index = 0) => JSON.parse(fake.calls[index]!.body!) as Record<string, unknown>;
  return { upstream, calls: fake.calls, body };
}

describe('end to end through streamText (recorded DeepSeek transcript B)', () => {
  it('streams reasoning, text and usage; sends thinking, user_id, stream_options and the request id', async () => {
    const { upstream, calls, body } = deepseekUpstream();
    // The registry already drops temperature while thinking; the stream options drop it again.
    const settings = { ...settingsFor({ thinking: true, effort: 'max', maxTokens: 512 }), temperature: 0.3 };
    const result = streamText({
      model: upstream.languageModel('deepseek-flash'),
      messages: [{ role: 'user', content: 'What is 1 + 2?' }],
      ...callSettingsToStreamOptions(settings, { endUserId: 'u_hash-123' }),
      headers: { 'x-request-id': 'r1' },
    });

    expect(await result.text).toBe('3**.');
    const finalStep = await result.finalStep;
    expect(finalStep.reasoningText).toBe('We need');
    const usage = await result.usage;
    expect(usage.inputTokens).toBe(97);
    expect(usage.outputTokens).toBe(106);
    expect(usage.outputTokenDetails.reasoningTokens).toBe(88);
    expect(finalStep.providerMetadata?.deepseek?.promptCacheMissTokens).toBe(97);

    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://api.test/chat/completions');
    expect(calls[0]!.headers.get('x-request-id')).toBe('r1');
    expect(body()).toMatchObject({
      model: 'deepseek-flash',
      thinking: { type: 'enabled' },
      reasoning_effort: 'max',
      user_id: 'u_hash-123',
      max_tokens: 512,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(body()).not.toHaveProperty('temperature'); // ignored while thinking: not sent
  });

  it('sends temperature and top_p only with thinking disabled; never reasoning_effort then', async () => {
    const { upstream, body } = deepseekUpstream();
    const settings = settingsFor({ thinking: false, temperature: 0.3, topP: 0.9, stop: ['END'] });
    const result = streamText({
      model: upstream.languageModel('deepseek-flash'),
      prompt: 'hi',
      ...upstream.streamOptions(settings, 'u1'),
    });
    await result.text;
    expect(body()).toMatchObject({ thinking: { type: 'disabled' }, temperature: 0.3, top_p: 0.9, stop: ['END'] });
    expect(body()).not.toHaveProperty('reasoning_effort');
    expect(body()).not.toHaveProperty('frequency_penalty');
  });

  it('JSON output becomes response_format json_object, and our marker never goes upstream', async () => {
    const { upstream, body } = deepseekUpstream();
    const result = streamText({
      model: upstream.languageModel('deepseek-flash'),
      prompt: 'Answer in json',
      ...upstream.streamOptions(settingsFor({ jsonOutput: true }), 'u1'),
    });
    await result.text;
    expect(body().response_format).toEqual({ type: 'json_object' });
    expect(JSON.stringify(body())).not.toContain('studio');
  });

  it('openai-compatible: user and chat_template_kwargs, no DeepSeek-only fields, penalties kept', async () => {
    const { upstream, body } = deepseekUpstream('openai-compatible');
    const settings = { ...settingsFor({ thinking: true }), frequencyPenalty: 0.5 };
    const result = streamText({
      model: upstream.languageModel('deepseek-v4-flash'),
      prompt: 'hi',
      ...upstream.streamOptions(settings, 'user@example.com'),
    });
    expect(await result.text).toBe('3**.');
    expect((await result.finalStep).reasoningText).toBe('We need'); // read from reasoning_content
    expect(body()).toMatchObject({
      user: 'user_example_com',
      chat_template_kwargs: { thinking: true },
      frequency_penalty: 0.5,
      stream_options: { include_usage: true },
    });
    for (const field of ['thinking', 'user_id', 'reasoning_effort']) expect(body()).not.toHaveProperty(field);
  });
});

describe('abort through streamText', () => {
  it("the caller's abortSignal aborts the transport request mid-stream", async () => {
    const fake = fakeTransport((call) => sseResponse([transcriptB[0]!, transcriptB[1]!, { wait: 5_000 }], call.signal));
    const upstream = createUpstream({
      provider: 'deepseek',
      baseURL: 'https://api.test',
      auth: { scheme: 'bearer', apiKey: 'sk-test' },
      firstContentTimeoutMs: 10_000,
      idleTimeoutMs: 10_000,
      transport: fake.transport,
    });
    const stop = new AbortController();
    const result = streamText({
      model: upstream.languageModel('deepseek-flash'),
      prompt: 'hi',
      maxRetries: 0,
      abortSignal: stop.signal,
    });
    const types: string[] = [];
    for await (const part of result.stream) {
      types.push(part.type);
      if (part.type === 'reasoning-delta') stop.abort();
    }
    expect(types).toContain('abort');
    expect(fake.calls[0]!.signal?.aborted).toBe(true);
  });
});

describe('listModels and balance', () => {
  const upstreamAnswering = (respond: (url: string) => Response) => {
    const fake = fakeTransport((call) => respond(call.url));
    const upstream = createUpstream({
      provider: 'deepseek',
      baseURL: 'https://api.test/',
      auth: { scheme: 'bearer', apiKey: 'sk-test' },
      firstContentTimeoutMs: 1_000,
      idleTimeoutMs: 1_000,
      transport: fake.transport,
    });
    return { upstream, calls: fake.calls };
  };

  it('lists model ids and reads the balance through the signed fetch', async () => {
    const { upstream, calls } = upstreamAnswering((url) =>
      url.endsWith('/models')
        ? jsonResponse(200, { object: 'list', data: [{ id: 'deepseek-flash', object: 'model', owned_by: 'deepseek' }] })
        : jsonResponse(200, {
            is_available: true,
            balance_infos: [
              { currency: 'USD', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00' },
            ],
          }),
    );
    expect(await upstream.listModels()).toEqual(['deepseek-flash']);
    expect(await upstream.balance()).toEqual({ available: true, balances: [{ currency: 'USD', total: '110.00' }] });
    expect(calls.map((call) => call.url)).toEqual(['https://api.test/models', 'https://api.test/user/balance']);
    expect(calls.every((call) => call.headers.get('authorization') === 'Bearer sk-test')).toBe(true);
  });

  it('rejects with classified errors on a bad status or an unexpected body', async () => {
    const denied = upstreamAnswering(() => jsonResponse(401, { error: { message: 'Authentication Fails' } }));
    await expect(denied.upstream.listModels()).rejects.toMatchObject({ code: 'upstream_auth:upstream' });
    const odd = upstreamAnswering(() => jsonResponse(200, { data: 'nope' }));
    await expect(odd.upstream.listModels()).rejects.toMatchObject({ code: 'upstream_unavailable:upstream' });
    await expect(odd.upstream.balance()).rejects.toMatchObject({ code: 'upstream_unavailable:upstream' });
  });
});
