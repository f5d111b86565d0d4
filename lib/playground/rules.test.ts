import { describe, expect, it } from 'vitest';
import { createRegistry, defaultCatalog } from '@/lib/models';
import { assembleRun, checkJson } from './assemble';
import type { RunEvent } from './events';
import { buildUpstreamRequest } from './request';
import { ignoredNow, jsonWithoutMention, playgroundIssues } from './rules';
import { defaultState, type PlaygroundState } from './state';
import { decodeState, encodeState } from './url-state';

const registry = createRegistry();
const flash = registry.get('deepseek-flash')!;
const deepseek = { provider: 'deepseek' as const };
const state = (change: Partial<PlaygroundState> = {}): PlaygroundState => ({
  ...defaultState('deepseek-flash'),
  ...change,
});
const params = (s: PlaygroundState) => playgroundIssues(s, flash, deepseek).map((issue) => issue.param);

describe('parameter rules', () => {
  it('accepts the defaults', () => {
    expect(playgroundIssues(state(), flash, deepseek)).toEqual([]);
  });

  it('flags every out-of-range value (no silent clamp)', () => {
    expect(params(state({ temperature: 2.01 }))).toEqual(['temperature']);
    expect(params(state({ topP: 1.5 }))).toEqual(['topP']);
    expect(params(state({ maxTokens: 0 }))).toEqual(['maxTokens']);
    expect(params(state({ maxTokens: flash.maxOutputTokens + 1 }))).toEqual(['maxTokens']);
    expect(params(state({ stop: Array.from({ length: 17 }, (_, i) => String(i)) }))).toEqual(['stop']);
    expect(params(state({ stop: ['a', 'a'] }))).toEqual(['stopDuplicate']);
  });

  it('ignores (and does not check) temperature and top_p while thinking', () => {
    expect([...ignoredNow(flash, true)]).toEqual(expect.arrayContaining(['temperature', 'topP']));
    expect(params(state({ thinking: true, temperature: 5 }))).toEqual([]);
    const body = buildUpstreamRequest(state({ thinking: true, temperature: 0.5, topP: 0.5 }), flash, {
      baseURL: 'https://api.deepseek.com',
      ...deepseek,
      auth: 'bearer',
    }).body;
    expect(body).not.toHaveProperty('temperature');
    expect(body).not.toHaveProperty('top_p');
    expect(body.reasoning_effort).toBe('high');
  });

  it('needs a message, no empty ones, and a final assistant message only with prefix completion', () => {
    expect(params(state({ messages: [] }))).toEqual(['messages']);
    expect(params(state({ messages: [{ role: 'user', content: '  ' }] }))).toEqual(['messages.0']);
    const trailing = state({
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'He' },
      ],
    });
    expect(params(trailing)).toEqual([]);
    expect(playgroundIssues(trailing, flash, { provider: 'openai-compatible' }).map((i) => i.param)).toEqual([
      'prefix',
    ]);
  });

  it('penalties exist only where the registry says the upstream honours them', () => {
    expect(params(state({ presencePenalty: 0.5 }))).toEqual(['penalties']);
    const catalog = structuredClone(defaultCatalog);
    for (const model of catalog.models) model.parameters.penalties = true;
    const selfHosted = createRegistry(catalog).get('deepseek-flash')!;
    expect(playgroundIssues(state({ presencePenalty: 0.5 }), selfHosted, deepseek)).toEqual([]);
    expect(playgroundIssues(state({ presencePenalty: 3 }), selfHosted, deepseek).map((i) => i.param)).toEqual([
      'presencePenalty',
    ]);
    const body = buildUpstreamRequest(state({ thinking: false, presencePenalty: 0.5 }), selfHosted, {
      baseURL: 'http://vllm:8000/v1',
      provider: 'openai-compatible',
      auth: 'bearer',
    }).body;
    expect(body.presence_penalty).toBe(0.5);
    expect(body.chat_template_kwargs).toEqual({ thinking: false });
  });

  it('warns when JSON output is on and no message mentions json', () => {
    expect(jsonWithoutMention(state({ jsonOutput: true }))).toBe(true);
    expect(jsonWithoutMention(state({ jsonOutput: true, system: 'Answer in JSON.' }))).toBe(false);
    expect(jsonWithoutMention(state({ jsonOutput: false }))).toBe(false);
  });
});

describe('URL state', () => {
  it('round-trips the whole state, unicode included', () => {
    const original = state({
      temperature: 0.7,
      stop: ['###'],
      messages: [{ role: 'user', content: '你好 — “quotes” & emoji 🎉' }],
    });
    const decoded = decodeState(encodeState(original), 'deepseek-flash');
    expect(decoded).toEqual({ ok: true, state: original });
  });

  it.each([
    ['an unknown version', '9.abc'],
    ['not base64', '1.%%%'],
    ['not JSON', `1.${btoa('nope')}`],
    ['a wrong type', `1.${btoa(JSON.stringify({ model: 'deepseek-flash', temperature: 'hot' }))}`],
    ['an array', `1.${btoa('[]')}`],
  ])('gives a reason instead of throwing for %s', (_name, value) => {
    const decoded = decodeState(value, 'deepseek-flash');
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason.length).toBeGreaterThan(0);
  });
});

describe('assembling a run from raw events', () => {
  const chunk = (delta: object, extra: object = {}) => JSON.stringify({ choices: [{ delta, ...extra }] });
  it('puts reasoning before the answer and computes time to first token, tokens/s and usage', () => {
    const events: RunEvent[] = [
      { type: 'response', t: 100, status: 200, headers: { 'x-request-id': 'req-1' } },
      { type: 'sse', t: 150, comment: 'keep-alive' },
      { type: 'sse', t: 200, data: chunk({ reasoning_content: '' }) },
      { type: 'sse', t: 300, data: chunk({ reasoning_content: 'Think' }) },
      { type: 'sse', t: 400, data: chunk({ content: 'Answer' }) },
      {
        type: 'sse',
        t: 1300,
        data: JSON.stringify({
          choices: [{ delta: { content: '' }, finish_reason: 'stop' }],
          usage: {
            prompt_tokens: 10,
            completion_tokens: 20,
            total_tokens: 30,
            prompt_cache_hit_tokens: 4,
            prompt_cache_miss_tokens: 6,
            completion_tokens_details: { reasoning_tokens: 5 },
          },
        }),
      },
      { type: 'sse', t: 1300, data: '[DONE]' },
      { type: 'end', t: 1300, requestId: 'req-1', stopped: false },
    ];
    const run = assembleRun(events);
    expect(run).toMatchObject({ reasoning: 'Think', content: 'Answer', firstTokenMs: 300, totalMs: 1300 });
    expect(run.usage).toEqual({
      promptTokens: 10,
      cacheHitTokens: 4,
      cacheMissTokens: 6,
      outputTokens: 20,
      reasoningTokens: 5,
      totalTokens: 30,
    });
    expect(run.tokensPerSecond).toBe(20);
    expect(run.finishReason).toBe('stop');
    expect(run.requestId).toBe('req-1');
  });

  it('pretty-prints valid JSON and says why invalid JSON is invalid', () => {
    expect(checkJson('{"a":1}')).toEqual({ valid: true, pretty: '{\n  "a": 1\n}' });
    const bad = checkJson('{"a":');
    expect(bad.valid).toBe(false);
  });
});
