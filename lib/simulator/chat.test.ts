import { describe, expect, it } from 'vitest';
import { createSimulator } from './handler';
import { type ChatChunk, chatRequest, chunksOf, readSse } from './testing';
import { countTokens } from './tokens';

const sim = () => createSimulator({ auth: { scheme: 'none' }, now: () => 1_795_440_000_000 });
const ask = (content: string, extra: Record<string, unknown> = {}) => ({
  model: 'deepseek-flash',
  messages: [{ role: 'user', content }],
  ...extra,
});

async function stream(body: unknown, headers: Record<string, string> = {}) {
  const simulator = sim();
  const response = await simulator.handle(chatRequest({ stream: true, ...(body as object) }, headers));
  const read = await readSse(response);
  return { response, read, chunks: chunksOf(read) };
}

const textOf = (chunks: ChatChunk[], field: 'content' | 'reasoning_content') =>
  chunks.map((c) => c.choices[0]?.delta[field] ?? '').join('');

describe('streaming framing', () => {
  it('streams role, reasoning, content, finish+usage, then [DONE] in thinking mode (the default)', async () => {
    const { response, read, chunks } = await stream(ask('What is a closure?'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(read.text.startsWith('data: {')).toBe(true);
    expect(read.text.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(read.data.at(-1)).toBe('[DONE]');

    const [first, ...rest] = chunks;
    expect(first?.choices[0]?.delta).toEqual({ role: 'assistant', content: null, reasoning_content: '' });
    const final = rest.pop();
    const kinds = rest.map((c) => (c.choices[0]?.delta.reasoning_content != null ? 'r' : 'c')).join('');
    expect(kinds).toMatch(/^r+c+$/);
    for (const c of rest) {
      expect(c.usage).toBeNull();
      expect(c.choices[0]?.finish_reason).toBeNull();
    }
    expect(final?.choices[0]?.finish_reason).toBe('stop');
    expect(final?.choices[0]?.delta).toEqual({ content: '', reasoning_content: null });

    const usage = final?.usage as {
      prompt_tokens: number;
      completion_tokens: number;
      total_tokens: number;
      prompt_tokens_details: { cached_tokens: number };
      completion_tokens_details: { reasoning_tokens: number };
      prompt_cache_hit_tokens: number;
      prompt_cache_miss_tokens: number;
    };
    const reasoningChunks = rest.filter((c) => c.choices[0]?.delta.reasoning_content != null);
    expect(usage.completion_tokens_details.reasoning_tokens).toBe(countTokens(textOf(rest, 'reasoning_content')));
    expect(usage.completion_tokens).toBe(
      countTokens(textOf(rest, 'reasoning_content')) + countTokens(textOf(rest, 'content')),
    );
    expect(reasoningChunks.length).toBeGreaterThan(3);
    expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
    expect(usage.prompt_tokens).toBe(usage.prompt_cache_hit_tokens + usage.prompt_cache_miss_tokens);
    expect(usage.prompt_tokens_details.cached_tokens).toBe(usage.prompt_cache_hit_tokens);

    for (const c of chunks) {
      expect(c).toMatchObject({ id: first?.id, object: 'chat.completion.chunk', created: 1_795_440_000 });
      expect(c.model).toBe('deepseek-flash');
      expect(c.choices[0]?.logprobs).toBeNull();
    }
  });

  it('streams content only, without reasoning fields, when thinking is disabled', async () => {
    const { chunks } = await stream(ask('Hello', { thinking: { type: 'disabled' } }));
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    for (const c of chunks) expect(c.choices[0]?.delta).not.toHaveProperty('reasoning_content');
    const usage = chunks.at(-1)?.usage;
    expect(usage).not.toHaveProperty('completion_tokens_details');
    expect(textOf(chunks, 'content')).toContain('## Re: Hello');
  });

  it('sends small deltas so a UI sees real streaming', async () => {
    const { chunks } = await stream(ask('Explain streams', { thinking: { type: 'disabled' } }));
    expect(chunks.length).toBeGreaterThan(50);
    for (const c of chunks.slice(1, -1)) expect((c.choices[0]?.delta.content ?? '').length).toBeLessThan(80);
  });

  it('echoes X-Request-ID or generates one', async () => {
    const { response } = await stream(ask('x'), { 'x-request-id': 'req-123' });
    expect(response.headers.get('x-request-id')).toBe('req-123');
    const other = await stream(ask('x'));
    expect(other.response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('answer content', () => {
  it('quotes the question, reports the turn and quotes the first question', async () => {
    const { chunks } = await stream({
      model: 'deepseek-flash',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'First question about arrays' },
        { role: 'assistant', content: 'An answer.' },
        { role: 'user', content: 'Second question' },
        { role: 'assistant', content: 'Another answer.' },
        { role: 'user', content: 'Third question about maps' },
      ],
    });
    const answer = textOf(chunks, 'content');
    expect(answer).toContain('## Re: Third question about maps');
    expect(answer).toContain('> Third question about maps');
    expect(answer).toContain('This is turn 3 of our conversation; earlier you asked: “First question about arrays”');
    expect(answer).toMatch(/\| Property \| Value \|/);
    expect(answer).toMatch(/^- /m);
    expect((answer.match(/^```\w+$/gm) ?? []).length).toBe(2);
    expect(textOf(chunks, 'reasoning_content')).toContain('Third question about maps');
  });

  it('answers non-streaming with a chat.completion object', async () => {
    const response = await sim().handle(chatRequest(ask('Non stream please')));
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await response.json();
    expect(body).toMatchObject({ object: 'chat.completion', model: 'deepseek-flash' });
    expect(body.choices[0].message.role).toBe('assistant');
    expect(body.choices[0].message.content).toContain('> Non stream please');
    expect(body.choices[0].message.reasoning_content).toContain('The user asks');
    expect(body.choices[0].finish_reason).toBe('stop');
    expect(body.usage.completion_tokens_details.reasoning_tokens).toBeGreaterThan(0);
  });
});

describe('JSON output', () => {
  it('answers with a JSON object when response_format is json_object', async () => {
    const response = await sim().handle(chatRequest(ask('Give me json', { response_format: { type: 'json_object' } })));
    const content = (await response.json()).choices[0].message.content;
    expect(JSON.parse(content)).toMatchObject({ question: 'Give me json', turn: 1, model: 'deepseek-flash' });
  });
});

describe('determinism and limits', () => {
  const answer = async (body: unknown) => {
    const response = await sim().handle(chatRequest(body));
    return (await response.json()).choices[0].message;
  };

  it('gives identical answers at temperature 0 and in thinking mode', async () => {
    const cold = ask('Same question', { temperature: 0, thinking: { type: 'disabled' } });
    expect(await answer(cold)).toEqual(await answer(cold));
    const thinking = ask('Same question', { temperature: 1.5 });
    expect(await answer(thinking)).toEqual(await answer(thinking));
  });

  it('varies answers with temperature > 0 when thinking is off', async () => {
    const warm = ask('Same question', { temperature: 1, thinking: { type: 'disabled' } });
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++) answers.add((await answer(warm)).content);
    expect(answers.size).toBeGreaterThan(1);
  });

  it('stops at max_tokens with finish_reason length', async () => {
    const body = ask('Long please', { temperature: 0, thinking: { type: 'disabled' } });
    const full = (await answer(body)).content as string;
    const { chunks } = await stream({ ...body, max_tokens: 30 });
    const cut = textOf(chunks, 'content');
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('length');
    expect(chunks.at(-1)?.usage?.completion_tokens).toBe(30);
    expect(countTokens(cut)).toBe(30);
    expect(full.startsWith(cut)).toBe(true);
  });

  it('counts reasoning against max_tokens in thinking mode', async () => {
    const body = ask('Think hard');
    const full = await answer(body);
    const { chunks } = await stream({ ...body, max_tokens: 10 });
    const usage = chunks.at(-1)?.usage as { completion_tokens: number; completion_tokens_details: object };
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('length');
    expect(usage.completion_tokens).toBe(10);
    expect(usage.completion_tokens_details).toEqual({ reasoning_tokens: 10 });
    expect(textOf(chunks, 'content')).toBe('');
    expect(full.reasoning_content.startsWith(textOf(chunks, 'reasoning_content'))).toBe(true);
  });

  it('cuts the answer before the first stop sequence', async () => {
    const body = ask('Stop me', { temperature: 0, thinking: { type: 'disabled' } });
    const full = (await answer(body)).content as string;
    const { chunks } = await stream({ ...body, stop: ['| Property', '```'] });
    const cut = textOf(chunks, 'content');
    expect(cut).toBe(full.slice(0, full.indexOf('| Property')));
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('stop');
  });
});

describe('images', () => {
  const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const withImage = (model: string, url = `data:image/png;base64,${png}`) => ({
    model,
    messages: [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url } },
        ],
      },
    ],
  });

  it('decodes an inline image on flash and reports its format, size and byte count', async () => {
    const response = await sim().handle(chatRequest(withImage('deepseek-flash')));
    expect(response.status).toBe(200);
    const content = (await response.json()).choices[0].message.content;
    expect(content).toContain('I received 1 image');
    expect(content).toContain(
      `A **PNG** image, **1 × 1** pixels (aspect ratio 1:1), ${Buffer.from(png, 'base64').length} bytes`,
    );
  });

  it('refuses an inline image that does not decode, or decodes to an unsupported format', async () => {
    const garbage = await sim().handle(chatRequest(withImage('deepseek-flash', 'data:image/png;base64,AAAAAAAA')));
    expect(garbage.status).toBe(400);
    expect((await garbage.json()).error).toMatchObject({
      type: 'invalid_request_error',
      message: expect.stringContaining('could not be decoded'),
    });
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>',
    );
    const labelledPng = await sim().handle(
      chatRequest(withImage('deepseek-flash', `data:image/png;base64,${svg.toString('base64')}`)),
    );
    expect(labelledPng.status).toBe(400);
    expect((await labelledPng.json()).error.message).toContain('Unsupported image format: svg');
  });

  it('rejects images on deepseek-v4-pro and unsupported formats with 400', async () => {
    const pro = await sim().handle(chatRequest(withImage('deepseek-v4-pro')));
    expect(pro.status).toBe(400);
    expect((await pro.json()).error.message).toContain('does not support image input');
    const bmp = await sim().handle(chatRequest(withImage('deepseek-flash', 'data:image/bmp;base64,Qk0=')));
    expect(bmp.status).toBe(400);
  });
});
