import { describe, expect, it } from 'vitest';
import { createSimulator } from './handler';
import { chatRequest } from './testing';

const simulator = createSimulator({ auth: { scheme: 'none' } });
const user = [{ role: 'user', content: 'hi' }];

async function send(body: unknown) {
  const response = await simulator.handle(
    typeof body === 'string' ? new Request('http://s/chat/completions', { method: 'POST', body }) : chatRequest(body),
  );
  return { status: response.status, body: await response.json() };
}

const errorBody = (message: string | RegExp) => ({
  error: {
    message: expect.stringMatching(message),
    type: 'invalid_request_error',
    param: null,
    code: 'invalid_request_error',
  },
});

describe('request validation (400)', () => {
  it('rejects a body that is not JSON', async () => {
    const { status, body } = await send('{"model":');
    expect(status).toBe(400);
    expect(body).toEqual(errorBody(/^Failed to parse the request body as JSON/));
  });

  it.each(['deepseek-chat', 'deepseek-reasoner', 'gpt-4o', undefined])('rejects model %s', async (model) => {
    const { status, body } = await send({ model, messages: user });
    expect(status).toBe(400);
    expect(body).toEqual(errorBody(/^Model Not Exist$/));
  });

  it.each([
    ['missing', undefined, /messages: expected a non-empty array/],
    ['empty', [], /at least one message/],
    ['wrong role', [{ role: 'robot', content: 'x' }], /messages\[0\]\.role: unknown variant `robot`/],
    ['missing content', [{ role: 'user' }], /messages\[0\]\.content/],
    ['tool without id', [{ role: 'tool', content: 'x' }], /messages\[0\]\.tool_call_id/],
  ])('rejects messages: %s', async (_name, messages, message) => {
    const { status, body } = await send({ model: 'deepseek-flash', messages });
    expect(status).toBe(400);
    expect(body).toEqual(errorBody(message));
  });

  it('accepts every current model id', async () => {
    for (const model of ['deepseek-flash', 'deepseek-v4-pro', 'deepseek-v4-flash', 'deepseek-v4-flash-vision-exp']) {
      expect((await send({ model, messages: user })).status).toBe(200);
    }
  });

  it('rejects stream_options without stream', async () => {
    const { status } = await send({ model: 'deepseek-flash', messages: user, stream_options: { include_usage: true } });
    expect(status).toBe(400);
  });
});

describe('parameter validation (422)', () => {
  it.each([
    ['temperature', 2.5, /^Invalid temperature value, the valid range of temperature is \[0, 2\]$/],
    ['temperature', -0.1, /temperature/],
    ['top_p', 1.5, /^Invalid top_p value, the valid range of top_p is \[0, 1\]$/],
    ['max_tokens', 0, /valid range of max_tokens is \[1, 393216\]/],
    ['max_tokens', 393_217, /max_tokens/],
    ['max_tokens', 1.5, /max_tokens/],
    ['stop', Array.from({ length: 17 }, (_, i) => `s${i}`), /^Invalid stop value/],
    ['thinking', { type: 'auto' }, /^Invalid thinking\.type value/],
    ['reasoning_effort', 'extreme', /^Invalid reasoning_effort value/],
    ['user_id', 'has spaces', /^Invalid user_id value/],
  ])('rejects %s = %j', async (field, value, message) => {
    const { status, body } = await send({ model: 'deepseek-flash', messages: user, [field]: value });
    expect(status).toBe(422);
    expect(body).toEqual(errorBody(message));
  });

  it.each([
    ['minimal', 'low'],
    ['medium', 'high'],
    ['xhigh', 'max'],
    ['max', 'max'],
  ])('maps reasoning_effort %s to %s', async (sent, effective) => {
    const { status, body } = await send({ model: 'deepseek-flash', messages: user, reasoning_effort: sent });
    expect(status).toBe(200);
    expect(body.choices[0].message.content).toContain(`| Thinking | on (effort ${effective}) |`);
  });

  it('accepts 16 stop sequences and boundary values', async () => {
    const { status } = await send({
      model: 'deepseek-flash',
      messages: user,
      stop: Array.from({ length: 16 }, (_, i) => `s${i}`),
      temperature: 2,
      top_p: 0,
      max_tokens: 393_216,
    });
    expect(status).toBe(200);
  });
});

describe('body size', () => {
  it('answers 413 to a body over 48 MiB', async () => {
    const big = `{"model":"deepseek-flash","messages":[{"role":"user","content":"${'a'.repeat(48 * 1024 * 1024)}"}]}`;
    const response = await simulator.handle(new Request('http://s/chat/completions', { method: 'POST', body: big }));
    expect(response.status).toBe(413);
    expect((await response.json()).error.type).toBe('invalid_request_error');
  });

  it('answers 413 from Content-Length without reading the body', async () => {
    const response = await simulator.handle(
      new Request('http://s/chat/completions', {
        method: 'POST',
        headers: { 'content-length': String(49 * 1024 * 1024) },
        body: '{}',
      }),
    );
    expect(response.status).toBe(413);
  });
});
